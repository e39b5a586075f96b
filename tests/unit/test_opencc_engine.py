"""OpenCC dictionaries compiled into cache folders shared by concurrent builds and tests."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import opencc

from scripts.conversion.opencc_engine import compiled_dictionary
from scripts.conversion.term_marks import CLOSE, OPEN, mark_terms


def _compile(folder: str) -> str:
    return str(compiled_dictionary([("肾小球", "腎絲球"), ("肌酐", "肌酸酐")],
                                   Path(folder) / "user.txt"))


def test_concurrent_compiles_leave_one_complete_dictionary(tmp_path: Path) -> None:
    with ProcessPoolExecutor(max_workers=4) as pool:
        paths = set(pool.map(_compile, [str(tmp_path)] * 8))
    assert len(paths) == 1
    binary = Path(paths.pop())
    assert binary.suffix == ".ocd2"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["user.ocd2", "user.txt"]
    mtime = binary.stat().st_mtime_ns
    assert _compile(str(tmp_path)) == str(binary) and binary.stat().st_mtime_ns == mtime
    config = tmp_path / "c.json"
    config.write_text('{"name": "t", "segmentation": {"type": "mmseg", "dict": {"type": "ocd2", '
                      f'"file": "{binary}"}}}}, "conversion_chain": [{{"dict": {{"type": "ocd2", '
                      f'"file": "{binary}"}}}}]}}', encoding="utf-8")
    assert opencc.OpenCC(str(config)).convert("肾小球和肌酐") == "腎絲球和肌酸酐"


def test_term_marks_take_the_longest_term() -> None:
    terms = frozenset({"腎絲球", "腎絲球過濾率", "GFR"})
    marked = mark_terms("腎絲球過濾率與腎絲球", terms)
    assert marked == f"{OPEN}腎絲球過濾率{CLOSE}與{OPEN}腎絲球{CLOSE}"


def test_later_steps_keep_glossary_output_with_a_small_dictionary(tmp_path: Path) -> None:
    from scripts.conversion.opencc_engine import _later_step_keepers

    # 登錄 is what the glossary writes for 登录 (a trial is registered); OpenCC's Taiwan phrase
    # step alone would turn it into 登入 (log in). 腎絲球 is left alone by that step.
    pairs = (("登录", "登錄"), ("肾小球", "腎絲球"))
    keepers = _later_step_keepers("zh-Hant", pairs, tmp_path)
    assert len(keepers) == 1 and keepers[0] is not None
    kept = keepers[0].with_suffix(".txt").read_text(encoding="utf-8")
    assert kept == "登錄\t登錄\n"
    assert _later_step_keepers("zh-Hans", (("腎絲球", "肾小球"),), tmp_path) == [None]
