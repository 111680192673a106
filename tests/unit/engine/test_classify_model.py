"""The model-backed classifier: held-out accuracy, blends, languages, masking and cross-process determinism."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import msgspec
import pytest

from app.engine.archetypes import ARCHETYPES
from app.engine.classifier.features import CUE_VALUE, MAX_CHARS, ngram_groups, ngram_keys
from app.engine.classifier.lexicon import cue_features
from app.engine.classifier.model import MODEL_PATH, load_model
from app.engine.classifier.text import mask_code, prepare
from app.engine.classify import classify

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "bench" / "classifier"
HELDOUT = DATA / "heldout.jsonl"
"""Briefs the model never trained on, in a voice of their own (see bench/classifier/train.py)."""
HELDOUT_B = DATA / "heldout_b.jsonl"
"""A second held-out split (spec / bullet-list / non-native English voice), written before the last retraining."""
HELDOUT_C = DATA / "heldout_c.jsonl"
"""A third held-out split (mixed voices, 40% non-English), written before the 3rd retraining."""
HELDOUT_D = DATA / "heldout_d.jsonl"
"""A fourth held-out split (chatty, typos, terse, 55% non-English), written and committed before the 4th retraining."""
HELDOUTS = (HELDOUT, HELDOUT_B, HELDOUT_C, HELDOUT_D)
TRAINING = tuple(DATA / f"corpus{suffix}.jsonl" for suffix in ("", "_a", "_b", "_c", "_d"))
MIN_HELDOUT_ACCURACY = {HELDOUT: 0.88, HELDOUT_B: 0.95, HELDOUT_C: 0.95, HELDOUT_D: 0.92}
"""A little below the shipped model's figures (0.907, 0.975, 0.973, 0.953): room for a retraining, none for a slide."""
MIN_LANGUAGE_ACCURACY = 0.7
MIN_BLEND_RECALL = 0.6
MAX_FALSE_SECONDARY = 0.18


def _load(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _ids(text: str) -> list[str]:
    return [m.id for m in classify(text)]


@pytest.mark.parametrize("split", HELDOUTS, ids=lambda p: p.name)
def test_heldout_split_is_not_in_the_training_corpus(split):
    training = {str(item["text"]).strip().lower() for path in TRAINING for item in _load(path)}
    overlap = [item["text"] for item in _load(split) if str(item["text"]).strip().lower() in training]
    assert overlap == []


@pytest.mark.parametrize("split", HELDOUTS, ids=lambda p: p.name)
def test_heldout_primary_accuracy_overall_and_per_language(split):
    items = _load(split)
    per_language: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for item in items:
        labels = item["labels"]
        assert isinstance(labels, list)
        predicted = classify(str(item["text"]))[0].id
        per_language[str(item["lang"])][0] += predicted == labels[0]
        per_language[str(item["lang"])][1] += 1
    hits = sum(h for h, _ in per_language.values())
    total = len(items)
    # Totals only: the split stays useful as a held-out measure only while its misses are not read and fixed one by one.
    assert hits / total >= MIN_HELDOUT_ACCURACY[split], (hits, total)
    assert {"en", "es", "de", "fr", "pt", "ja", "zh"} <= set(per_language)
    for lang, (h, n) in per_language.items():
        assert h / n >= MIN_LANGUAGE_ACCURACY, (lang, h, n)


def test_heldout_blends_report_their_secondary_jobs():
    blends = [item for path in HELDOUTS for item in _load(path) if len(item["labels"]) > 1]  # type: ignore[arg-type]
    assert len(blends) >= 20
    wanted = found = 0
    for item in blends:
        labels = item["labels"]
        assert isinstance(labels, list)
        predicted = set(_ids(str(item["text"])))
        wanted += len(labels) - 1
        found += len(set(labels[1:]) & predicted)
    assert found / wanted >= MIN_BLEND_RECALL


def test_single_job_heldout_briefs_rarely_get_secondaries():
    singles = [item for path in HELDOUTS for item in _load(path) if len(item["labels"]) == 1]  # type: ignore[arg-type]
    with_secondaries = sum(len(classify(str(item["text"]))) > 1 for item in singles)
    assert with_secondaries / len(singles) <= MAX_FALSE_SECONDARY, (with_secondaries, len(singles))


def test_packed_weight_sums_equal_plain_sums():
    model = load_model()
    raw = msgspec.json.decode(MODEL_PATH.read_bytes())
    for brief in _BRIEFS_FOR_DETERMINISM:
        names = ngram_keys(prepare(brief))
        expected = [0] * len(model.labels)
        for name in names:
            pairs = raw["weights"].get(name, [])
            for position in range(0, len(pairs), 2):
                expected[pairs[position]] += pairs[position + 1]
        assert model._sums(names) == expected


def test_grouped_scoring_equals_scoring_the_ordered_feature_list():
    """`probabilities` scores unprefixed n-gram sets; the figures must equal those of the ordered, prefixed
    `ngram_keys` list that the model was trained on (count, sums, and so every probability)."""
    model = load_model()
    for brief in [*_BRIEFS_FOR_DETERMINISM, "  spaced   out\t\n text  ", "数据 提取 JSON " * 40, "x"]:
        prepared = prepare(brief)
        keys = ngram_keys(prepared)
        groups = ngram_groups(prepared)
        assert {f"{p}:{k}" for p, g in zip("cwb", groups, strict=True) for k in g} == set(keys)
        value = 1.0 / math.sqrt(len(keys)) if keys else 0.0
        cues = model._sums(cue_features(prepared[:MAX_CHARS]))
        logits = [
            b + model.scale * (n * value + c * CUE_VALUE)
            for b, n, c in zip(model.bias, model._sums(keys), cues, strict=True)
        ]
        exps = [math.exp(logit - max(logits)) for logit in logits]
        assert model.probabilities(prepared) == [round(10_000 * e / sum(exps)) for e in exps]


def test_readme_billing_example_is_grounded_support():
    assert _ids("Answer billing questions for Acme using the help-center article")[:2] == [
        "document_qa",
        "customer_support",
    ]


@pytest.mark.parametrize(
    "task",
    [
        "Explain photosynthesis to middle schoolers at a 5th-grade reading level",
        "Rewrite our patient leaflets at a grade 6 reading level",
        "A homework helper for 3rd graders learning to read",
    ],
)
def test_reading_level_phrases_do_not_trigger_the_grader(task):
    assert "grader" not in _ids(task)


def test_tool_signature_parameters_are_not_jobs():
    task = (
        "An agent for our ops team. Tools: create_incident(title, summary, severity), "
        "get_grade(service) and page_oncall(team). Open an incident when an alert fires."
    )
    ids = _ids(task)
    assert ids[0] == "tool_agent"
    assert "summarization" not in ids
    assert "grader" not in ids


def test_json_literal_keys_are_not_jobs():
    ids = _ids('Pull the fields out of each invoice and return {"summary": str, "grade": int, "total": float}')
    assert ids[0] == "data_extraction"
    assert "summarization" not in ids
    assert "grader" not in ids


def test_masking_keeps_prose_and_hides_code():
    masked = mask_code('Use `summarize()` or lookup_order(order_id); reply {"summary": 1} (bug/feature)')
    assert "summar" not in masked
    assert "lookup_order" not in masked
    assert "(bug/feature)" in masked
    assert "reading level" in prepare("at a 5th-grade reading level")


@pytest.mark.parametrize(
    ("task", "expected"),
    [
        ("Summarise and assign a label", {"summarization", "classification"}),
        (
            "read each incoming bug report, summarize it in two lines and tag it with a component",
            {"summarization", "classification"},
        ),
        ("translate the customer's emails into english and draft a reply to each", {"translation"}),
        ("research our three main competitors and write ad copy that positions us against them", {"marketing_copy"}),
    ],
)
def test_blends_keep_every_job(task, expected):
    ids = _ids(task)
    assert expected <= set(ids), ids
    assert len(ids) <= 3


@pytest.mark.parametrize(
    ("task", "expected"),
    [
        ("sql helper postgres", "sql_analyst"),
        ("pr reviewer", "code_reviewer"),
        ("tldr bot", "summarization"),
        ("moderate my subreddit", "content_moderation"),
        ("translater for legal docs en to fr", "translation"),
        ("custmer suport chatbot for a pizza place", "customer_support"),
        ("summerize meeting transcripts into action itmes", "meeting_email_assistant"),
        ("i need someone to quizz me on french verbs", "tutor"),
        ("make a bot that writes catchy facebook ads for my bakery", "marketing_copy"),
        ("score essays with a rubrik", "grader"),
    ],
)
def test_terse_briefs_typos_and_synonyms(task, expected):
    assert _ids(task)[0] == expected


@pytest.mark.parametrize(
    ("task", "expected"),
    [
        ("Un asistente que traduzca contratos del inglés al español", "translation"),
        ("Escribe consultas SQL para nuestra base de datos de pedidos", "sql_analyst"),
        ("Ein Bot, der Kundenbeschwerden zu verspäteten Lieferungen beantwortet", "customer_support"),
        ("Fasse wissenschaftliche Artikel in drei Sätzen zusammen", "summarization"),
        ("Un assistant qui corrige les fautes dans mes courriels", "writing_editor"),
        ("Classer les tickets entrants par priorité", "classification"),
        ("Um tutor que ensina frações para crianças", "tutor"),
        ("Extrair nome, CPF e endereço dos formulários em JSON", "data_extraction"),
        ("ユーザーのコメントが規約に違反しているか審査してください", "content_moderation"),
        ("英語のマーケティングメールを日本語に翻訳して", "translation"),
        ("帮我把客户访谈记录总结成要点", "summarization"),
        ("扮演面试官，模拟一次数据分析师的面试", "roleplay_interviewer"),
    ],
)
def test_each_language(task, expected):
    assert _ids(task)[0] == expected


def test_vague_or_empty_briefs_fall_back():
    for task in ("", "   ", "?!", "12345"):
        assert _ids(task) == ["general_assistant"]


def test_matches_carry_int_scores_and_model_evidence():
    matches = classify("Classify incoming support emails into billing, technical, account or other")
    assert matches[0].id == "classification"
    assert all(isinstance(m.score, int) for m in matches)
    assert matches[0].features[0].startswith("model:")
    assert any(not f.startswith("model:") for f in matches[0].features), "keyword evidence is reported too"
    assert [m.rank for m in matches] == ["primary"] + ["secondary"] * (len(matches) - 1)


def test_shipped_model_covers_the_registry_in_order():
    assert load_model().labels == ARCHETYPES


_BRIEFS_FOR_DETERMINISM = [
    "Answer billing questions for Acme using the help-center article",
    "Summarise and assign a label",
    "帮我把客户访谈记录总结成要点",
    "Tools: create_incident(title, summary, severity). Explain at a 5th-grade reading level.",
    "sql helper postgres",
]


def test_classification_is_byte_identical_across_processes():
    code = (
        "import sys, json, msgspec; from app.engine.classify import classify; "
        "briefs = json.loads(sys.stdin.read()); "
        "sys.stdout.write(msgspec.json.encode([classify(b) for b in briefs]).decode())"
    )
    outputs = set()
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", code],
            input=json.dumps(_BRIEFS_FOR_DETERMINISM),
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
            env=env,
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1
    here = msgspec.json.encode([classify(b) for b in _BRIEFS_FOR_DETERMINISM]).decode()
    assert outputs == {here}


@pytest.mark.parametrize(
    ("task", "acceptable"),
    [
        (
            "someone to talk to for people struggling with depression between therapy sessions; warm, never "
            "judgmental, gives the crisis number if they mention self-harm",
            {"general_assistant", "customer_support", "tutor"},
        ),
        (
            "symptom checker for a walk-in clinic: asks about symptoms, then suggests self-care, a GP visit or the ER",
            {"customer_support", "general_assistant"},
        ),
        ("story writer for children aged 4 to 7: short funny stories, no violence", {"writing_editor"}),
        ("writes lullaby-style stories for preschoolers", {"writing_editor"}),
        (
            "chat assistant for our bike shop customers; if it can't help, tell them to email repairs@shop.com",
            {"customer_support"},
        ),
        ("answers questions from guests at our ski lodge about lifts, rentals and dinner times", {"customer_support"}),
        ("Rédige des textes publicitaires pour notre nouvelle gamme de chocolats", {"marketing_copy"}),
        ("Simplify insurance letters for readers at a grade 5 reading level", {"writing_editor"}),
        (
            "agent that logs each call with save_note(customer_id, summary) and books follow-ups with book_slot(date)",
            {"tool_agent"},
        ),
    ],
)
def test_failure_classes_from_real_phrasing(task, acceptable):
    """Mental-health companions are not moderation, a story writer for kids is not a tutor, an email fallback or a
    `summary` parameter is not a job: the classes of misreads the issue lists, on phrasing found in no corpus."""
    ids = _ids(task)
    assert ids[0] in acceptable, ids
    assert "content_moderation" not in ids
    assert "summarization" not in ids


def test_keyword_gates_match_exactly_when_a_feature_does():
    from app.engine.archetypes import REGISTRY
    from app.engine.classify import _keyword_gates

    texts = [str(item["text"]) for path in HELDOUTS for item in _load(path)]
    for archetype, gate in zip(REGISTRY, _keyword_gates(), strict=True):
        for text in texts:
            window = prepare(text)
            assert bool(gate.search(window)) == any(f.pattern.search(window) for f in archetype.features)
