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
from collections.abc import Iterable
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


def build_config(target: str, user_dict_path: Path) -> dict:
    """Return the OpenCC config for `target` with `user_dict_path` placed first everywhere."""
    data_dir = opencc_data_dir()
    config = json.loads((data_dir / BASE_CONFIG[target]).read_text(encoding="utf-8"))
    config = _absolute(config, data_dir)
    kind = "ocd2" if user_dict_path.suffix == ".ocd2" else "text"
    user = {"type": kind, "file": str(user_dict_path)}
    seg = config["segmentation"]["dict"]
    seg = _with_user_dict(seg, user)
    seg["match_policy"] = "union"  # segmentation wants the longest match over all dictionaries
    config["segmentation"]["dict"] = seg
    for step in config["conversion_chain"]:
        step["dict"] = _with_user_dict(step["dict"], user)
    config["name"] = f"ShenZhi medical {BASE_CONFIG[target]}"
    return config


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
    digest = hashlib.sha256(repr((target, pairs)).encode("utf-8")).hexdigest()[:16]
    folder = Path(tempfile.gettempdir()) / f"shenzhi-opencc-{digest}"
    folder.mkdir(parents=True, exist_ok=True)
    user_dict = compiled_dictionary(pairs, folder / f"user-{target}.txt")
    config_path = folder / f"{target}.json"
    write_atomically(config_path, json.dumps(build_config(target, user_dict), ensure_ascii=False))
    return opencc.OpenCC(str(config_path))


def medical_opencc(target: str, pairs: Iterable[tuple[str, str]]) -> opencc.OpenCC:
    """An OpenCC converter to `target` ("zh-Hant" or "zh-Hans") using `pairs` as user dictionary."""
    if target not in BASE_CONFIG:
        raise ValueError(f"unknown target script {target!r}; expected zh-Hant or zh-Hans")
    return _converter_for(target, tuple(sorted(set(pairs))))
