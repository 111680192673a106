"""Safety packs: chosen by detecting the domain (multilingual), whatever the archetype, and never on ordinary briefs."""

from __future__ import annotations

import pytest

from app.engine.archetypes import REGISTRY
from app.engine.brief import Brief
from app.engine.generate import generate
from app.engine.lint import lint_prompt
from app.engine.safety import PACKS, SAFETY_GROUP, detect_domains, safety_rules

SENSITIVE = [
    # medical
    (
        "after-hours line for a vet-free human clinic: people describe what hurts and we tell them where to go",
        "medical",
    ),
    ("bot for our pharmacy app that explains how to take prescriptions", "medical"),
    ("answer questions from pregnant women about prenatal checkups", "medical"),
    ("need a symptom checker, terse answers", "medical"),
    ("Asistente para una clínica dental que responde dudas de los pacientes antes de la cita", "medical"),
    ("Chatbot für eine Hausarztpraxis: beantwortet Fragen zu Symptomen und Terminen", "medical"),
    ("Assistant pour un cabinet de médecin généraliste qui oriente les patients", "medical"),
    ("Assistente que tira dúvidas de pacientes sobre exames de sangue", "medical"),
    ("病院の受付で患者さんの症状を聞いて診療科を案内するチャットボット", "medical"),
    ("帮医院门诊回答病人关于用药的问题", "medical"),
    (
        "helpline for cat owners worried their pet swallowed something poisonous",
        "veterinary",
    ),  # animal care: the animal pack replaces the human one
    ("sexual health questions from teenagers aged 14-17, short and frank", "medical"),
    # teenagers: the teens pack, not the children's
    ("sexual health questions from teenagers aged 14-17, short and frank", "teens"),
    # mental health
    ("something gentle people can talk to when they feel hopeless at night", "mental_health"),
    ("wellbeing buddy for teens going through grief and loneliness", "mental_health"),
    ("Un compañero que escucha a personas con ansiedad y les propone ejercicios de respiración", "mental_health"),
    ("Begleiter für Menschen mit Depression, der zuhört und Mut macht", "mental_health"),
    ("Compagnon d'écoute pour les étudiants en détresse, santé mentale", "mental_health"),
    ("Assistente de acolhimento emocional para quem está com ansiedade", "mental_health"),
    ("仕事のストレスで落ち込んでいる人の悩み相談に寄り添うアシスタント", "mental_health"),
    ("一个倾听用户倾诉、缓解焦虑的陪伴机器人", "mental_health"),
    # legal
    ("help renters understand what their landlord can and can't do", "legal"),
    ("we're a law firm, draft answers to inbound questions from potential clients", "legal"),
    ("Asistente que orienta a trabajadores sobre despidos, sin ser abogado", "legal"),
    ("Bot, das Mieter zu Fragen im Mietrecht informiert", "legal"),
    ("Assistant juridique pour répondre aux questions sur le droit du travail", "legal"),
    ("Assistente que explica direitos trabalhistas e indica um advogado", "legal"),
    ("離婚や相続の法律相談の一次受付をするボット", "legal"),
    ("回答用户关于劳动合同纠纷的法律问题", "legal"),
    # financial
    ("explain to beginners how index funds and ETFs work", "financial"),
    ("robo advisor chat that answers customer questions about their portfolio and market moves", "financial"),
    ("Asesor virtual sobre inversiones y planes de jubilación", "financial"),
    ("Chatbot, das Einsteigern Geldanlage und Aktien erklärt", "financial"),
    ("Assistant qui répond aux questions sur l'investissement en bourse", "financial"),
    ("Assistente de finanças pessoais que ajuda com investimentos", "financial"),
    ("初心者向けに株式投資と資産運用の基本を説明するボット", "financial"),
    ("给新手讲解基金和股票理财的助手", "financial"),
    # money without investing: pay, tax, bills, budgets, debt
    ("answer freelancers' questions about filing their tax return", "money"),
    ("explain payslips to staff; no tax advice", "money"),
    ("personal finance bot for college students, budgeting and credit cards", "money"),
    ("Asistente que explica la declaración de la renta y las deducciones", "money"),
    # children
    ("reading buddy for 6-year-olds", "children"),
    ("math game helper for kids in primary school", "children"),
    ("Asistente de tareas para niños de primaria", "children"),
    ("Lernhelfer für Kinder in der Grundschule", "children"),
    ("Aide aux devoirs pour les enfants de l'école primaire", "children"),
    ("Ajudante de lição de casa para crianças", "children"),
    ("小学生の宿題を手伝うキッズ向けアシスタント", "children"),
    ("给小朋友讲睡前故事的助手", "children"),
]

ORDINARY = [
    "diagnose why our CI builds fail and suggest fixes from the logs",
    "find the symptoms of a memory leak in this Go service and explain them",
    "A patient math tutor for high school students",
    "Un tutor paciente de matemáticas para adultos",
    "manage warehouse stock levels and flag items to reorder",
    "write landing page copy for a basketball court booking app",
    "review my design portfolio and suggest which projects to cut",
    "summarise the minutes of the tenant onboarding call for our multi-tenant SaaS",
    "fix minor grammar issues in blog posts",
    "explain cryptography basics like hashing and signatures to junior devs",
    "kill orphaned child processes in our job runner and report them",
    "write pain-point driven ads for a project management tool",
    "check the health-check endpoints of our services and diagnose failures",
    "translate product descriptions for our furniture store into German",
    "Resume las actas de la reunión del equipo de ventas",
    "Fasse die Protokolle unserer Teammeetings zusammen",
    "Rédige des fiches produit pour notre boutique de vêtements",
    "Responda dúvidas de clientes sobre entregas da nossa loja online",
    "会議の議事録を要約して",
    "把销售周报整理成要点",
    "an SQL helper for analysts on our Snowflake warehouse",
    "write investor-friendly release notes for our app",
    "Newton's laws explained for a physics quiz app for university students",
]


@pytest.mark.parametrize(("task", "domain"), SENSITIVE)
def test_each_sensitive_brief_selects_its_domain(task: str, domain: str) -> None:
    assert domain in detect_domains([task])


@pytest.mark.parametrize("task", ORDINARY)
def test_ordinary_briefs_get_no_pack(task: str) -> None:
    assert detect_domains([task]) == []


COMPANION = "A companion that listens to people with anxiety and depression and helps them through hard evenings"


@pytest.mark.parametrize("archetype", [a.id for a in REGISTRY])
def test_a_person_facing_companion_keeps_its_pack_whatever_the_archetype(archetype: str) -> None:
    advises = next(a for a in REGISTRY if a.id == archetype).safety_packs
    assert detect_domains([COMPANION], advises_people=advises) == ["mental_health"]


def test_fixed_output_jobs_about_a_domain_get_no_advice_pack() -> None:
    for task in (
        "Extract medication, dose and route from discharge notes",
        "Translate the patient leaflet for this insulin pen into Spanish",
        "Label each court ruling as civil, criminal or administrative",
    ):
        assert detect_domains([task], advises_people=False) == [], task
        assert detect_domains([task], advises_people=True) != [], task


def test_a_young_audience_age_selects_the_childrens_pack() -> None:
    assert detect_domains(["A reading buddy for early readers"], max_audience_age=8) == ["children"]
    assert detect_domains(["A reading buddy for early readers"], max_audience_age=15) == []


def test_the_mental_health_pack_covers_crisis_dismissal_and_diagnosis() -> None:
    text = " ".join(rule.text for rule in safety_rules(["mental_health"])).lower()
    assert "crisis line" in text
    assert "never dismiss" in text
    assert "do not diagnose" in text
    assert all(rule.group == SAFETY_GROUP and rule.reason for pack in PACKS for rule in pack.rules)


@pytest.mark.parametrize(
    ("task", "needles"),
    [
        ("peer-support chat for new dads who feel overwhelmed and low", ["crisis line", "never dismiss"]),
        ("asistente que orienta sobre síntomas de gripe en una clínica", ["emergency number", "do not diagnose"]),
        ("help tenants answer a notice from their landlord", ["not legal advice", "lawyer"]),
        ("chatbot that answers questions about our crypto trading app and ETFs", ["not personalised investment"]),
        ("storytelling buddy for kids aged 5 to 8", ["personal information", "age-appropriate"]),
    ],
)
def test_generated_prompts_carry_the_pack_and_lint_finds_no_missing_safety(task: str, needles: list[str]) -> None:
    result = generate(Brief(task=task))
    for needle in needles:
        assert needle in result.prompt, needle
    assert not [f for f in lint_prompt(result.prompt).findings if f.rule_id == "SAF-01"]


@pytest.mark.parametrize(
    "task",
    [
        "Bot for Kestrel Lane Junior FC. It answers parents and carers of players aged 7 to 11 about fixtures.",
        "I teach Year 6. Turn my notes into the class newsletter for parents. Never name an individual child.",
    ],
)
def test_a_helper_for_parents_gets_no_child_reader_rules(task: str) -> None:
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "The readers are children" not in prompt
    assert "If a child says" not in prompt


def test_a_helper_for_children_keeps_the_child_rules() -> None:
    prompt = generate(Brief(task="A reading buddy chat for kids aged 8 to 10.", target="claude")).prompt
    assert "The readers are children" in prompt


@pytest.mark.parametrize(
    "task",
    [
        "Legal information bot for tenants in Ontario under the Residential Tenancies Act.",
        "Tira-dúvidas sobre MEI para a Casa do Empreendedor de Itajubá. Nunca dê assessoria jurídica.",
        "Explain small-claims court steps for the city of Northgate's law centre. No legal advice.",
    ],
)
def test_a_named_jurisdiction_is_not_asked_for(task: str) -> None:
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "Ask which country or state applies" not in prompt


def test_an_unplaced_legal_helper_asks_for_the_jurisdiction() -> None:
    prompt = generate(
        Brief(task="Legal information chatbot about tenancy rights. No legal advice.", target="claude")
    ).prompt
    assert "Ask which country or state applies" in prompt


@pytest.mark.parametrize(
    "task",
    [
        "Pet-loss support chat for a vet practice. Gentle, short replies. If someone talks about not wanting to "
        "live, give 988.",
        "Gas and heating support bot. If anyone mentions smelling gas, tell them to call 0800 111 999 right away. "
        "For anything else, email office@example.co.uk.",
    ],
)
def test_a_line_for_one_situation_is_never_the_hand_off_example(task: str) -> None:
    prompt = generate(Brief(task=task, target="claude")).prompt
    example = prompt.split("<examples>")[1].split("</examples>")[0] if "<examples>" in prompt else ""
    assert "988" not in example
    assert "0800 111 999" not in example


def test_talk_of_not_wanting_to_live_brings_the_mental_health_rules() -> None:
    prompt = generate(
        Brief(task="Pet-loss support chat. If someone talks about not wanting to live, give 988.", target="claude")
    ).prompt
    assert "Take every feeling the person shares seriously" in prompt
