"""Safety packs only for the audience and the job a brief names.

- A children's pack needs child users: an age range that reaches 17 or more ("most pupils are 17-19") or a reading
  level ("some read at about age 9 level", "auf Grundschulniveau") names no children.
- A pack never forbids asking for a detail a pasted tool takes as a parameter (`find_member(phone)`).
- A health pack needs a health job: illness as a booking policy's reason, a death's doctor and hospital, and a brief
  that says it is no medical service name none.
- The brief's own quoted crisis reply replaces the pack's crisis rule ("« Vous pouvez appeler le 3114 … »").
"""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints.eligibility import level_as_age
from app.engine.generate import generate
from app.engine.safety.tool_routes import takes_personal_details

_CHILD_PRIVACY = "Children's data is protected"
_CHILD_READERS = "The readers are children"
_TEEN_PRIVACY = "Young people's data is protected"
_HEALTH = "Give general health information only"
_MEDICATION = "Never tell someone to start, stop or change a prescribed medication."
_CRISIS = "keep the conversation going until"


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


# --- age ranges that reach 17 or more ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "You are a study helper for our sixth-form school. Most pupils are 17-19 and preparing for A-level exams. "
        "Answer questions about the syllabus.",
        "Assistant for our college: learners aged 17-20 ask about courses, timetables and enrolment.",
        "Asistente para nuestro centro: los alumnos de 17 a 19 años de la antigua escuela infantil preguntan por "
        "horarios.",
        "Chat für unsere Schule: Jugendliche von 17 bis 19 Jahren fragen nach Stundenplänen und Prüfungen.",
        "Assistant pour notre lycée: les élèves de 17 à 19 ans, des ados, posent des questions sur l'école et les "
        "horaires.",
    ],
)
def test_an_age_range_reaching_17_names_no_children_or_teens(task: str) -> None:
    prompt = _prompt(task)
    assert _CHILD_PRIVACY not in prompt
    assert _TEEN_PRIVACY not in prompt


@pytest.mark.parametrize(
    "task",
    [
        "Reading buddy chatbot for children aged 6-8 who are learning to read. Suggest books and ask questions.",
        "Quiz helper for pupils aged 9-11 in our primary school. Ask them maths questions and give hints.",
        "Chatbot de devoirs para niños de 10 a 14 años: explica matemáticas con paciencia.",
        "Ein Lernspiel-Assistent für Kinder von 8 bis 12: stellt Rätsel und erklärt Lösungen.",
        "Youth club chat for kids aged 8-18: answer questions about sessions and trips.",
    ],
)
def test_real_child_ranges_keep_the_childrens_pack(task: str) -> None:
    assert _CHILD_READERS in _prompt(task)


def test_a_range_from_14_up_is_teenagers() -> None:
    prompt = _prompt("Help desk for our secondary school: pupils aged 14-18 ask about timetables.")
    assert _TEEN_PRIVACY in prompt
    assert _CHILD_READERS not in prompt


# --- reading levels --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Evening chat for people who are struggling after leaving prison: housing, benefits, loneliness. Plain "
        "words, a lot of them left school early and some read at about age 9 level.",
        "Aide aux démarches pour notre association: les adultes ont un niveau de lecture d'un enfant de 9 ans. "
        "Explique les courriers simplement.",
        "Hilf Erwachsenen in unserem Alphabetisierungskurs beim Ausfüllen von Formularen. Viele lesen auf "
        "Grundschulniveau, also einfache Wörter.",
    ],
)
def test_a_reading_level_names_no_child_reader(task: str) -> None:
    prompt = _prompt(task)
    assert _CHILD_PRIVACY not in prompt
    assert _CHILD_READERS not in prompt


@pytest.mark.parametrize(
    "text",
    [
        "a lot of our people left school early, some read at about age 9 level",
        "many read at the level of a 9-year-old",
        "Lesealter etwa 9 Jahre, also einfache Wörter",
        "les adultes ont un niveau de lecture CE2",
        "nivel de lectura de 9 años",
        "nível de leitura de uma criança de 9 anos",
        "Viele lesen auf Grundschulniveau",
    ],
)
def test_reading_levels_are_read(text: str) -> None:
    assert level_as_age(text) is not None


@pytest.mark.parametrize(
    "text", ["Chatbot for kids who learn to read at age 6", "help kids aged 9 read", "readers aged 9"]
)
def test_an_age_near_reading_is_no_level(text: str) -> None:
    assert level_as_age(text) is None


# --- tool parameters -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Library helper for kids aged 8-12. Tools: find_member(phone), reserve_book(member_id, title). Always "
        "find_member first, then reserve the book they want.",
        "Asistente de reservas para niños de 9 a 12 años en nuestro club. Herramientas: buscar_socio(telefono), "
        "reservar_clase(socio_id, fecha). Siempre buscar_socio primero.",
        "Buchungshelfer für Kinder von 8 bis 12 in unserer Musikschule. Funktionen: kind_suchen(telefon_eltern), "
        "stunde_buchen(kind_id, termin). Immer zuerst kind_suchen.",
    ],
)
def test_a_tool_that_takes_a_personal_detail_drops_only_the_privacy_line(task: str) -> None:
    prompt = _prompt(task)
    assert _CHILD_PRIVACY not in prompt
    assert _CHILD_READERS in prompt  # the rest of the pack stays


def test_tools_without_personal_details_keep_the_privacy_line() -> None:
    prompt = _prompt(
        "Library helper for kids aged 8-12. Tools: search_catalogue(title), reserve_book(member_id, title). "
        "Always search_catalogue first."
    )
    assert _CHILD_PRIVACY in prompt


def test_personal_parameters() -> None:
    assert takes_personal_details(["pupil_id", "slot_id", "pickup_postcode"])
    assert takes_personal_details(["parentPhone"])
    assert takes_personal_details(["date_of_birth"])
    # (a name or a school alone keeps a children's pack's privacy rule: review53)
    assert not takes_personal_details(["childName", "school", "course_name", "file_name", "member_id", "title"])


# --- a health job ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Booking assistant for our driving school. Cancelling with less than 48 hours notice means the lesson is "
        "charged in full. Illness isn't an exception, the office decides refunds.",
        "Assistant de réservation pour notre auto-école. Annulation moins de 48 heures avant : la leçon est due, "
        "même en cas de maladie. Le bureau décide des remboursements.",
        "Buchungsassistent für unsere Fahrschule. Absagen unter 48 Stunden werden voll berechnet, auch bei "
        "Krankheit. Über Erstattungen entscheidet das Büro.",
        "Assistant pour notre entreprise de pompes funèbres : expliquer les premières démarches (décès à domicile : "
        "appeler le médecin pour le certificat de décès ; décès à l'hôpital : l'établissement prévient la famille) "
        "et proposer un rendez-vous.",
        "Chat for our funeral home: explain first steps (if the death was at home, call the doctor to issue the "
        "death certificate; if the person died in hospital, the ward tells the family) and offer an appointment.",
        "Asistente para nuestra funeraria: explica los primeros pasos (si el fallecimiento fue en casa, llamar al "
        "médico para el certificado de defunción) y ofrece una cita.",
        "Order assistant for our hearing aid shop: battery orders and repairs. Ear pain or dizziness: tell them to "
        "see their GP, we are not a medical service.",
        "Asistente de pedidos para nuestra óptica: lentillas y gafas. Si hay dolor de ojos, que vayan a su médico, "
        "no somos un servicio médico.",
        "Assistant de commandes pour notre magasin d'audioprothèses : piles et réparations. Douleur à l'oreille : "
        "voir leur médecin, nous ne sommes pas un service médical.",
    ],
)
def test_no_health_pack_without_a_health_job(task: str) -> None:
    prompt = _prompt(task)
    assert _HEALTH not in prompt
    assert _MEDICATION not in prompt


@pytest.mark.parametrize(
    "task",
    [
        "Patient-facing triage chat for our GP clinic: people describe symptoms and it says whether to book, call "
        "111 or go to A&E.",
        "Answer questions about our pharmacy's opening hours and prescriptions; patients ask about their medication.",
        "Q&A from our hospital's warfarin leaflet for patients.",
        "Symptom checker for our clinic's website: patients describe their symptoms and it suggests whether to "
        "book. We are not doctors, so it never diagnoses.",
        "Chatbot für unsere Hausarztpraxis: Patienten fragen nach Terminen und Symptomen, auch bei Krankheit am "
        "Wochenende.",
    ],
)
def test_a_health_job_keeps_its_pack(task: str) -> None:
    assert "Minutes matter in an emergency" in _prompt(task)


# --- the brief's own quoted crisis reply -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "line"),
    [
        (
            "Chat for our funeral home, answering families after a death. If the person expresses deep distress or "
            'suicidal thoughts: "You can call 116 123, Samaritans, free and open day and night." then offer our '
            "on-call line.",
            "116 123",
        ),
        (
            "Asistente de nuestra funeraria para las familias. Si la persona expresa ideas suicidas: «Puede llamar "
            "al 024, la línea de atención a la conducta suicida, gratuita y 24 horas.» y luego ofrecerle nuestra "
            "guardia.",
            "024",
        ),
        (
            "Chat unseres Bestattungshauses für Angehörige. Wenn jemand Suizidgedanken äußert: „Sie können die "
            "Telefonseelsorge unter 0800 111 0 111 anrufen, kostenlos und rund um die Uhr.“ und dann unseren "
            "Bereitschaftsdienst anbieten.",
            "0800 111 0 111",
        ),
    ],
)
def test_the_briefs_quoted_crisis_reply_replaces_the_packs(task: str, line: str) -> None:
    prompt = _prompt(task)
    assert _CRISIS not in prompt
    assert line in prompt


def test_a_bare_crisis_line_keeps_the_packs_crisis_rule() -> None:
    prompt = _prompt("Support chat for a student helpline. If anyone mentions suicide, give Samaritans 116 123.")
    assert _CRISIS in prompt
    assert "116 123" in prompt


# --- review53: the readings stay narrow --------------------------------------------------------------------------


def test_the_staffs_age_range_keeps_the_childrens_pack() -> None:
    prompt = _prompt(
        "Chatbot that talks to the children at our summer camp about activities and the daily plan. Our counsellors "
        "are 18-25 years old and run the sessions."
    )
    assert _CHILD_PRIVACY in prompt


def test_a_tool_that_takes_only_a_childs_name_keeps_the_privacy_rule() -> None:
    prompt = _prompt(
        "Homework helper for children aged 8 to 11. Tool: save_progress(child_name, topic, score). Give hints, "
        "never the answer."
    )
    assert _CHILD_PRIVACY in prompt


def test_pupils_aged_16_to_18_keep_the_teens_pack() -> None:
    prompt = _prompt("Study helper for our school. Pupils aged 16-18 ask about exams, revision and timetables.")
    assert _CHILD_PRIVACY not in prompt
    assert _TEEN_PRIVACY in prompt


def test_not_doctors_beside_injury_and_pain_questions_keeps_the_medical_pack() -> None:
    prompt = _prompt(
        "Chat for our gym members: answers questions about exercises, injuries, pain during training and protein "
        "supplements. We are not doctors, so keep it general."
    )
    assert "emergency" in prompt.lower()
