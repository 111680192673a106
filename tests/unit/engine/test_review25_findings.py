"""Review 25: defects in the commits after 8957814 (round 21 fixes, meta requests, intake, topic labels)."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.constraints.label_cjk import find_cjk_labels
from app.engine.constraints.structure import to_json_schema
from app.engine.generate import generate


def _output(task: str) -> str:
    prompt = generate(Brief(task=task, target="claude")).prompt
    return prompt.split("<output_format>")[1].split("</output_format>")[0]


def test_a_canned_reply_after_reply_exactly_is_no_outline() -> None:
    # 'reply exactly:' introducer (6d033bd) makes one case's canned reply the outline of every reply
    output = _output(
        "Chat assistant for Rossi Bikes, a bike repair shop in Leeds. Answer questions about repairs, prices and "
        "bookings.\nIf someone asks about opening hours, reply exactly:\nMon-Fri: 9am-6pm\nSaturday: 10am-4pm\n"
        "Sunday: closed\n\nFor bookings, send people to rossibikes.co.uk/book."
    )
    assert "Use these sections" not in output


def test_an_input_limit_does_not_turn_a_label_only_reply_into_a_lead() -> None:
    # label_leads fires on any scoped limit, here the input's subject line (6d033bd, compose/output.py)
    output = _output(
        "Label each support ticket as one of: billing, bug, other. Tickets have a subject line of at most 80 "
        "characters. Reply with the label only."
    )
    assert "Start the reply with exactly one of these labels" not in output


def test_a_cjk_label_list_with_a_stray_full_width_comma_keeps_its_labels() -> None:
    # cut at the first '，' (6d033bd, labels.find_cjk_labels) loses a list typed '正面，负面、中性'
    found = find_cjk_labels("给电商评论做情感分类，只输出一个标签：正面，负面、中性。")
    assert found is not None
    assert found.values == ["正面", "负面", "中性"]


def test_a_last_cjk_label_joined_by_comma_and_or_is_kept() -> None:
    # cut at the first '，' (6d033bd) drops the last label of '账单、技术问题、账户，或者其他'
    found = find_cjk_labels("请把每封客服邮件分类，只输出以下标签之一：账单、技术问题、账户，或者其他。")
    assert found is not None
    assert "其他" in found.values


def test_quoted_codes_with_leading_zeros_stay_strings() -> None:
    # bar-separated integers (6d033bd, structure._schema_of) turn quoted codes "01|02|03" into 1, 2, 3
    schema = to_json_schema({"region_code": "01|02|03"})
    assert schema["properties"]["region_code"] == {"type": "string", "enum": ["01", "02", "03"]}


def test_a_japanese_job_about_writing_prompts_keeps_its_wording() -> None:
    # without_meta_request (068c569) cuts 'のプロンプトを作るアシスタントです' from a prompt-writing assistant's job
    prompt = generate(
        Brief(
            task="AIイラスト用のプロンプトを作るアシスタントです。ユーザーの説明を英語のプロンプトに変換します。",
            target="claude",
        )
    ).prompt
    assert "「AIイラスト用」" not in prompt
    assert "プロンプトを作るアシスタント" in prompt


def test_a_moderator_with_english_harm_categories_stays_a_moderator() -> None:
    # _HARM_OR_VERDICT (cb95556) misses spam/personal_attack/off_topic, so real moderation becomes classification
    result = generate(
        Brief(
            task="Moderate comments on our news site. Label each comment as one of: fine, spam, profanity, "
            "personal_attack, off_topic.",
            target="claude",
        )
    )
    assert result.archetypes[0].id == "content_moderation"


def test_a_chinese_moderator_with_standard_verdicts_stays_a_moderator() -> None:
    # _HARM_OR_VERDICT (cb95556) misses 违规 and 审核, the usual Chinese moderation verdicts
    result = generate(Brief(task="请审核用户评论，每条只输出一个标签：正常、违规、待审核。", target="claude"))
    assert result.archetypes[0].id == "content_moderation"
