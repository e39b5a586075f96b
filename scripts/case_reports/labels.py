"""Plain Traditional Chinese (Taiwan) labels for the schema's coded values.

Renderers pass every label through `ctx.t()`, so a zh-Hans page gets mainland wording.
"""

from __future__ import annotations

CELL_TYPES = {
    "UC-MSC": "臍帶間質幹細胞",
    "BM-MSC": "骨髓間質幹細胞",
    "AD-MSC": "脂肪間質幹細胞",
    "PL-MSC": "胎盤間質幹細胞",
    "DP-MSC": "牙髓間質幹細胞",
    "MSC": "間質幹細胞（組織來源未說明）",
    "CD34+": "CD34 陽性細胞（不是間質幹細胞）",
    "SVF": "脂肪基質血管成分（未經培養的混合細胞，不是間質幹細胞）",
    "other": "其他細胞",
}
CONDITIONS = {
    "AKI": "急性腎損傷",
    "CKD": "慢性腎臟病",
    "AKI-on-CKD": "慢性腎臟病上的急性腎損傷",
}
ORIGINS = {"autologous": "自體（病人自己的細胞）", "allogeneic": "同種異體（他人捐贈）",
           "not-reported": "來源未說明"}
ROUTES = {
    "IV": "靜脈輸注",
    "intra-arterial": "動脈注入",
    "intra-renal": "直接注入腎臟",
    "subcutaneous": "皮下注射",
    "other": "其他途徑",
    "not-reported": "途徑未說明",
}
PUBLICATION_TYPES = {
    "case-report": "單一病例報告",
    "case-series": "病例系列",
    "trial": "臨床試驗",
    "review": "文獻回顧",
}
# What the page was checked against (verification.checked_against), as the card and index say it.
VERIFICATION = {
    "full-text": "已對照全文",
    "abstract": "只對照摘要（未讀全文）",
    "secondary": "未取得原文，依二手資料整理",
}
PEER_REVIEW = {True: "是（期刊論文）", False: "否（非同儕審查出版品）", "unknown": "不明"}
SEXES = {"male": "男性", "female": "女性", "not-reported": "未說明"}
DOSE_UNITS = {
    "cells/kg": "個細胞／每公斤體重",
    "cells": "個細胞",
    "10^6 cells/kg": "×10⁶ 個細胞／每公斤體重",
    "10^6 cells": "×10⁶ 個細胞",
    "10^8 cells": "×10⁸ 個細胞",
}
# Direction of the first charted lab between its first and last point, for the index.
OUTCOME_DIRECTIONS = {
    "improved": "報告改善",
    "worsened": "報告惡化",
    "unchanged": "無明顯變化",
    "unclear": "不明確",
    "unknown": "無可核對數值",
}
# Field paths an editor may list in `unverified`, in plain words (Traditional Chinese).
FIELD_NAMES = {
    "citation": "出處資料",
    "citation.pmid": "PubMed 編號",
    "citation.doi": "DOI",
    "patient": "病人基本情況",
    "patient.age": "病人年齡",
    "patient.sex": "病人性別",
    "condition": "診斷與病情",
    "condition.diagnosis": "診斷",
    "condition.stage": "分期",
    "intervention": "治療方式（細胞、來源、劑量、途徑）",
    "intervention.cell_type": "細胞種類",
    "intervention.origin": "細胞來源",
    "intervention.dose": "劑量",
    "intervention.doses": "輸注次數",
    "intervention.route": "給予途徑",
    "intervention.co_treatments": "同時接受的其他治療",
    "measurements": "檢驗數值",
    "adverse_events": "不良事件",
    "follow_up": "追蹤時間",
    "outcome_as_reported": "作者報告的結果",
    "funding_and_conflicts": "經費與利益衝突",
}


def field_name(path: str) -> str:
    """Plain words for a field path; list indexes become 「第 N 項」, unknown paths stay as is."""
    parts = path.split(".")
    index = next((p for p in parts if p.isdigit()), None)
    base = ".".join(p for p in parts if not p.isdigit())
    name = FIELD_NAMES.get(base, FIELD_NAMES.get(parts[0], path))
    return f"{name}（第 {int(index) + 1} 項）" if index is not None else name
