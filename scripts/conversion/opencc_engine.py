"""OpenCC configured for medical text: built-in Taiwan-phrase configs with our dictionary first.

OpenCC resolves relative dictionary names against its own build paths, so the configuration is
generated at run time with absolute paths (STACK-NOTES: OpenCC). The project dictionary goes first
in the segmentation group and in every conversion step: in segmentation so MMSeg keeps our terms
whole, and in each step so later Taiwan-phrase tables cannot rewrite a term we already fixed.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import opencc

# Built-in configs per target script. s2twp / tw2sp carry the Taiwan phrase tables.
BASE_CONFIG = {"zh-Hant": "s2twp.json", "zh-Hans": "tw2sp.json"}


def opencc_data_dir() -> Path:
    """Folder holding OpenCC's shipped dictionaries and configs."""
    return Path(os.path.dirname(opencc.__file__)) / "clib" / "share" / "opencc"


def _absolute(node: object, data_dir: Path) -> object:
    """Rewrite every `file` entry of a config tree to an absolute path."""
    if isinstance(node, dict):
        out = {k: _absolute(v, data_dir) for k, v in node.items()}
        if "file" in out and not os.path.isabs(str(out["file"])):
            out["file"] = str(data_dir / str(out["file"]))
        return out
    if isinstance(node, list):
        return [_absolute(v, data_dir) for v in node]
    return node


def _with_user_dict(dict_node: dict, user_dict: dict) -> dict:
    """Put `user_dict` first in front of an existing dictionary node."""
    if dict_node.get("type") == "group":
        return {**dict_node, "dicts": [user_dict, *dict_node["dicts"]]}
    return {"type": "group", "match_policy": "short_circuit", "dicts": [user_dict, dict_node]}


def dictionary_node(path: Path) -> dict:
    """The config entry for a dictionary file, compiled (.ocd2) or text."""
    return {"type": "ocd2" if path.suffix == ".ocd2" else "text", "file": str(path)}


def cache_folder(name: str, key: str) -> Path:
    """A folder in the temp directory for files derived from `key`, named after its digest:
    every build and test on the machine reuses what an earlier one compiled."""
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    folder = Path(tempfile.gettempdir()) / f"shenzhi-{name}-{digest}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def base_config(target: str) -> dict:
    """OpenCC's own config for `target`, with absolute dictionary paths."""
    data_dir = opencc_data_dir()
    config = json.loads((data_dir / BASE_CONFIG[target]).read_text(encoding="utf-8"))
    return _absolute(config, data_dir)


def build_config(target: str, user_dict_path: Path,
                 later_steps: Sequence[Path | None]) -> dict:
    """Return the OpenCC config for `target` with `user_dict_path` first in segmentation and in
    the first conversion step.

    `later_steps` gives, for each later step, the dictionary that keeps glossary output as it
    is there (or None where that step changes none of it). A dictionary that small is
    measurably faster than the whole user dictionary: most characters miss it at the first
    trie node.
    """
    config = base_config(target)
    user = dictionary_node(user_dict_path)
    seg = config["segmentation"]["dict"]
    seg = _with_user_dict(seg, user)
    seg["match_policy"] = "union"  # segmentation wants the longest match over all dictionaries
    config["segmentation"]["dict"] = seg
    chain = config["conversion_chain"]
    chain[0]["dict"] = _with_user_dict(chain[0]["dict"], user)
    for step, keep in zip(chain[1:], later_steps, strict=True):
        if keep is not None:
            step["dict"] = _with_user_dict(step["dict"], dictionary_node(keep))
    config["name"] = f"ShenZhi medical {BASE_CONFIG[target]}"
    return config


def _later_step_keepers(target: str, pairs: tuple[tuple[str, str], ...], folder: Path,
                        ) -> list[Path | None]:
    """For each conversion step after the first: a dictionary of the glossary outputs that
    step would rewrite (登錄 → 登入, 程序 → 程式), each mapped to itself; None if there are none.

    Each output is converted as one segment by that step alone, as it is in the full chain
    (segmentation keeps a glossary term whole)."""
    outputs = sorted({dst for _, dst in pairs})
    whole = compiled_dictionary(((o, o) for o in outputs), folder / f"outputs-{target}.txt")
    keepers: list[Path | None] = []
    for index, step in enumerate(base_config(target)["conversion_chain"][1:], start=1):
        probe = {"name": "step probe",
                 "segmentation": {"type": "mmseg", "dict": dictionary_node(whole)},
                 "conversion_chain": [step]}
        probe_path = folder / f"probe-{target}-{index}.json"
        write_atomically(probe_path, json.dumps(probe, ensure_ascii=False))
        step_alone = opencc.OpenCC(str(probe_path))
        changed = [(o, o) for o in outputs if step_alone.convert(o) != o]
        keepers.append(compiled_dictionary(changed, folder / f"keep-{target}-{index}.txt")
                       if changed else None)
    return keepers


def write_atomically(path: Path, text: str) -> None:
    """Write `path` so that another process never reads it half-written (the cache folders in
    the temp directory are shared by every build and test running at the same time)."""
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


def write_text_dictionary(pairs: Iterable[tuple[str, str]], path: Path) -> None:
    """Write an OpenCC text dictionary: one `source<TAB>target` line per pair, sorted."""
    lines = sorted(f"{src}\t{dst}" for src, dst in pairs)
    write_atomically(path, "\n".join(lines) + "\n")


def compiled_dictionary(pairs: Iterable[tuple[str, str]], text_path: Path) -> Path:
    """Write the pairs as a text dictionary and compile it to OpenCC's binary format.

    A text dictionary is searched once per possible phrase length at every character; the
    compiled (marisa-trie) form is what OpenCC's own dictionaries use and keeps our converter
    close to raw OpenCC's speed. Falls back to the text form if the compiler is missing.
    The folder is named after a digest of the pairs, so an existing binary is reused.
    """
    binary = text_path.with_suffix(".ocd2")
    if binary.is_file():
        return binary
    write_text_dictionary(pairs, text_path)
    compiler = opencc_data_dir().parent.parent / "bin" / "opencc_dict"
    if not os.access(compiler, os.X_OK):
        return text_path
    partial = binary.with_name(f"{binary.stem}.{os.getpid()}.ocd2")
    result = subprocess.run([str(compiler), "-i", str(text_path), "-o", str(partial), "-f",
                             "text", "-t", "ocd2"], capture_output=True, text=True, check=False)
    if result.returncode != 0 or not partial.is_file():
        return text_path
    os.replace(partial, binary)
    return binary


@lru_cache(maxsize=8)
def _converter_for(target: str, pairs: tuple[tuple[str, str], ...]) -> opencc.OpenCC:
    folder = cache_folder("opencc", repr((target, pairs)))
    user_dict = compiled_dictionary(pairs, folder / f"user-{target}.txt")
    config = build_config(target, user_dict, _later_step_keepers(target, pairs, folder))
    config_path = folder / f"{target}.json"
    write_atomically(config_path, json.dumps(config, ensure_ascii=False))
    return opencc.OpenCC(str(config_path))


def medical_opencc(target: str, pairs: Iterable[tuple[str, str]]) -> opencc.OpenCC:
    """An OpenCC converter to `target` ("zh-Hant" or "zh-Hans") using `pairs` as user dictionary."""
    if target not in BASE_CONFIG:
        raise ValueError(f"unknown target script {target!r}; expected zh-Hant or zh-Hans")
    return _converter_for(target, tuple(sorted(set(pairs))))
