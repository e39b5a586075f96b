"""The word ranges of a Pagefind 1.x index's chunks, read from its `.pf_meta` file.

The browser loads an index chunk by looking each query word up in these ranges. Their bounds
are shortened to prefixes (a chunk may end at 肌 though it holds 肌酸), so some words lie in
no range: the test of that case (tests/browser/test_search.py) finds such words here.

The file is gzip, then the signature `pagefind_dcd`, then CBOR; only what the ranges need of
CBOR is read (integers, strings, arrays, maps, simple values).
"""

from __future__ import annotations

import gzip
import struct
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"


def _item(data: bytes, at: int) -> tuple[Any, int]:
    """One CBOR item starting at `at`, and where the next one starts."""
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        value = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        value = int.from_bytes(data[at:at + size], "big")
        at += size
    elif info == 31:
        value = -1  # indefinite length
    else:
        raise ValueError(f"unexpected CBOR item {data[at - 1]:#x} at byte {at - 1}")
    if major == 0:
        return value, at
    if major == 1:
        return -1 - value, at
    if major in (2, 3):
        raw = data[at:at + value]
        return (raw.decode("utf-8") if major == 3 else raw), at + value
    if major in (4, 5):
        items: list[Any] = []
        count = value * (2 if major == 5 else 1)
        while (count < 0 and data[at] != 0xFF) or len(items) < count:
            item, at = _item(data, at)
            items.append(item)
        at += count < 0  # the break byte of an indefinite array
        return (dict(zip(items[::2], items[1::2], strict=True)) if major == 5 else items), at
    if major == 7:
        if info in (26, 27):  # a float: its bytes were read as `value` above
            size = 4 << (info - 26)
            return struct.unpack(">f" if size == 4 else ">d", data[at - size:at])[0], at
        return {20: False, 21: True}.get(value), at
    raise ValueError(f"CBOR tag at byte {at - 1} not expected in a Pagefind index")


def chunk_ranges(index_dir: Path) -> list[tuple[str, str]]:
    """(first, last) word bound of each chunk of the index in `index_dir`, in order."""
    meta = next(index_dir.glob("*.pf_meta"))
    data = gzip.decompress(meta.read_bytes())
    start = data.find(SIGNATURE)
    if start < 0:
        raise ValueError(f"{meta}: not a Pagefind index (no {SIGNATURE!r} signature)")
    fields, _ = _item(data, start + len(SIGNATURE))
    for field in fields:  # the chunk list: [[from, to, hash], …]
        if (isinstance(field, list) and field and isinstance(field[0], list)
                and len(field[0]) == 3 and all(isinstance(v, str) for v in field[0])):
            return [(first, last) for first, last, _ in field]
    raise ValueError(f"{meta}: no chunk list found")


def outside_ranges(word: str, ranges: list[tuple[str, str]]) -> bool:
    """Whether `word` is in no chunk's range as Pagefind 1.4 compares them (byte order, which
    is code-point order)."""
    return not any(first <= word <= last for first, last in ranges)
