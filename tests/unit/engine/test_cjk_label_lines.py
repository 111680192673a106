"""Chinese label sets as users paste them: codes with names under "类别（只能选一个）：", never the request sentence
split at its commas, never an example line after 例如; the reply line "类别代码|紧急程度|摘要" after 输出 is the line
form, its first slot filled from the codes (round 30: r30-18)."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints import label_cjk, labels
from app.engine.generate import generate

HOTLINE = (
    "帮我写个提示词：我们是区便民服务热线，接线员把来电记成文字，需要AI自动分类派单。\n"
    "类别（只能选一个）：\nB01 垃圾清运\nB02 路灯故障\nB03 违章停车\nB99 其他\n"
    "输出只要一行：类别代码|一句话摘要（不超过25个字）\n例如：B02|幸福路路灯不亮\n不要输出任何解释。"
)


def test_codes_under_a_label_heading_are_the_label_set() -> None:
    result = generate(Brief(task=HOTLINE, target="claude"))
    sets = [c.values for c in result.constraints if c.kind == "labels"]
    assert sets == [["B01", "B02", "B03", "B99"]]


@pytest.mark.parametrize("target", ["claude", "gpt"])
def test_the_bar_line_after_the_output_word_is_the_line_form(target: str) -> None:
    prompt = generate(Brief(task=HOTLINE, target=target)).prompt
    assert "in exactly this form: `类别代码|一句话摘要（不超过25个字）`" in prompt
    assert "In `类别代码`, use exactly one of: B01, B02, B03, B99." in prompt
    assert "接线员把来电记成文字," not in prompt  # the request sentence is no label set


@pytest.mark.parametrize(
    "text",
    [
        "帮我写个提示词：我们是热线，坐席把来电记成文字，需要AI自动分类派单。",
        "例如：A03|中|小区停水两天未恢复",
        "e.g. OK | WARN | FAIL",
    ],
)
def test_no_labels_from_a_request_or_an_example(text: str) -> None:
    assert labels.find_labels(text) is None
    assert label_cjk.find_cjk_labels(text) is None


def test_a_short_cjk_label_list_still_reads() -> None:
    found = label_cjk.find_cjk_labels("请分类，标签：通过、人工复核、删除")
    assert found is not None
    assert found.values == ["通过", "人工复核", "删除"]
