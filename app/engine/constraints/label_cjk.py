"""Chinese and Japanese label sets: 「a」「b」「c」, or a list after a colon joined by 、，/ ・
("标签：通过、人工复核、删除")."""

from __future__ import annotations

import re

from app.engine.constraints.label_cues import CJK_CONTEXT
from app.engine.constraints.label_items import FoundLabels, without_full_width_asides

_CJK_BRACKETS = re.compile(r"(?:[「『【][^」』】\n]{1,20}[」』】]\s*[、，,/／・]?\s*){2,}")
_CJK_ITEM = r"[^：:。；;\n、，,/／・]{1,20}"
# ("ラベルは booking / cancel / other のどれか1つ", "标签为 …": the label noun and its particle introduce the list too)
_CJK_LIST = re.compile(
    rf"(?:[：:]|分类为|分類為|分为|分為|(?:ラベル|カテゴリー?|タグ|分類)(?:は|を)|(?:标签|類別|类别|分类)(?:为|是))\s*"
    rf"(?P<list>{_CJK_ITEM}(?:\s*[、，,/／・]\s*{_CJK_ITEM})+)"
)


def find_cjk_labels(text: str) -> FoundLabels | None:
    """A Chinese or Japanese label set, read only in a clause that speaks of classifying or labels."""
    if text.isascii() or not CJK_CONTEXT.search(text):
        return None
    multi = bool(re.search(r"多个|複数|一つ以上|一个或多个", text))
    brackets = _CJK_BRACKETS.search(text)
    if brackets:
        values = [v.strip() for v in re.findall(r"[「『【]([^」』】]+)[」』】]", brackets.group(0))]
        if len(values) >= 2 and len(set(values)) == len(values):
            return FoundLabels(values, multi, brackets.start(), brackets.end())
    listed = _CJK_LIST.search(text)
    if listed and not CJK_CONTEXT.search(text, 0, listed.start("list")):
        listed = (
            None  # "我们是…热线，…，需要AI自动分类派单": the classifying word is in the list, which names no labels
        )
    if listed:
        items = listed.group("list")
        end = listed.end("list")
        cut = items.find("，")
        following = re.split(r"[、，,]", items[cut + 1 :])[0] if cut >= 0 else ""
        if (
            "、" in items
            and cut >= 0
            and (len(following) > 6 or re.match(r"然后|接着|再|并|之后|换行|写|另外", following))
        ):
            # "PASS、REMOVE、REVIEW，然后换行，写一句…理由": 、 joins the labels; a ， before an instruction ends them
            items, end = items[:cut], listed.start("list") + cut
        # "修理依頼 ／ 家賃・契約 ／ 退去": when another separator is used as often, ・ joins the words of one label
        # ("SAFETY（食物中毒、受伤、过敏事故…）": the marks inside a full-width aside separate no labels)
        shielded = _FULL_WIDTH_PARENS.sub(lambda m: m.group(0).translate(_SHIELD), items)
        if shielded.count("／") + shielded.count("/") < 2:
            shielded = items  # (only a slash-separated set is read through its asides)
        strong = max(shielded.count(mark) for mark in "、，,/／")
        separators = r"[、，,/／]" if strong >= shielded.count("・") else r"[、，,/／・]"
        values = [v.strip().translate(_UNSHIELD) for v in re.split(rf"\s*{separators}\s*", shielded) if v.strip()]
        values = [re.sub(r"^(?:或者|或是|以及|还有|或|和|及|または|か)", "", v) for v in values]
        # "…／SAFETY（…）のどれか1つ", "…之一，然后…": the closing "one of them" is no part of the last label
        values = [_CJK_ONE_OF_END.sub("", value).strip() for value in values]
        values = [value for value in values if value]
        # "SAFETY（食中毒・ケガ・アレルギー事故…）": a long aside describes its label; it makes no clause of it
        values = without_full_width_asides(values)
        long = next(
            (i for i, value in enumerate(values) if len(value) > _CJK_LABEL_CHARS or _CJK_CLAUSE.search(value)), None
        )
        if long is not None and long >= 2:
            # "質問・報告・雑談、どれにも当てはまらない場合は「その他」": the labels end where a clause begins
            values = values[:long]
            end = listed.start("list") + items.find(values[-1]) + len(values[-1])
        elif long is not None:
            return None  # "我们是…热线，坐席把市民来电记成文字，…": clauses, not labels
        if 2 <= len(values) <= 30 and len(set(values)) == len(values):
            return FoundLabels(values, multi, listed.start("list"), end)
    return None


_FULL_WIDTH_PARENS = re.compile(r"（[^（）]*）")
_SHIELD = str.maketrans({"、": "\x00", "，": "\x01", "・": "\x02", ",": "\x03", "/": "\x04", "／": "\x05"})
_UNSHIELD = str.maketrans({"\x00": "、", "\x01": "，", "\x02": "・", "\x03": ",", "\x04": "/", "\x05": "／"})
# "…／SAFETY（…）のどれか1つ", "…のうち1つ", "…から1つ選ぶ", "…中的一个", "…之一": the closing "one of them"
_CJK_ONE_OF_END = re.compile(
    r"(?:の(?:どれか|いずれか|うち|中から)|から(?=[1一]つ|選)|之一|中的一个|其中之一|中的一项)[\s\S]*$"
)
_CJK_LABEL_CHARS = 20
"""A CJK label is a few words ("关于会员积分和优惠券的咨询"); a longer item is a clause."""
_CJK_CLAUSE = re.compile(
    r"場合|ときは|時は|なら|如果|的话|时候|把|我们|我們|需要|ください|してください|然后|接着|并且|その後|次に"
)
