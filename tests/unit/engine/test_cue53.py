"""Which job a brief is: surface cues that name no job (cue53).

- A reply-language rule with cases ("si escriben en inglés, contesta en inglés") is no translation job.
- A pasted tool interface in a booking chat (TypeScript, Python stubs) is the agent's toolset, no coding job.
- A closed value set for one key of a record is an enum of the extractor, not a classifier's label set.
- "分類したい" / "clasificar" with a `label` key is classification, even beside a `summary` key.
- A translation brief that wants its texts "auf Englisch" / "en inglés" names English as the target.
"""

from __future__ import annotations

import pytest

from app.engine import Brief
from app.engine.generate import generate

LANGUAGE_CASES = [
    (
        "Asistente de reservas para nuestras autocaravanas en Gijón. Si escriben en "
        "inglés, contesta en inglés (we get a lot of Dutch and German tourists who write "
        "in English). Tutea al cliente."
    ),
    (
        "Assistente de reservas para as nossas autocaravanas no Algarve. Se escreverem "
        "em inglês, responde em inglês (we get a lot of Dutch and German tourists who "
        "write in English)."
    ),
    (
        "Assistente prenotazioni per i nostri camper in Puglia. Se scrivono in inglese, "
        "rispondi in inglese (we get a lot of Dutch and German tourists who write in "
        "English). Dai del tu al cliente."
    ),
    (
        "Boekingsassistent voor onze campers in Zeeland. Als iemand in het Engels "
        "schrijft, antwoord dan in het Engels (we get a lot of German and Danish "
        "tourists who write in English). Tutoyeer de klant."
    ),
]

PASTED_INTERFACES = [
    (
        "我们是成都的一家宠物寄养中心，想在微信里做一个助手，帮主人预约寄养和查询房间。开发同事给的接口（TypeScript）：\n"
        "\n"
        "interface PetTools {\n"
        "  findOwner(phone: string): Owner | null;\n"
        "  listRooms(): Room[];            // 房型和价格\n"
        "  getSlots(date: string): Slot[];\n"
        "  bookStay(phone: string, slotId: string, petName: string): Booking;\n"
        "}\n"
        "\n"
        "规则：\n"
        "1. 先调用 findOwner。\n"
        "2. 价格只能来自 listRooms。\n"
        "\n"
        "回复用简体中文，每条不超过80个字。"
    ),
    (
        "Wir sind eine Hundepension in Freiburg und wollen einen WhatsApp-Assistenten, "
        "der Buchungen annimmt. Unser Entwickler hat die Schnittstelle in TypeScript "
        "geschrieben:\n"
        "\n"
        "interface PensionTools {\n"
        "  findeKunde(telefon: string): Kunde | null;\n"
        "  freieZimmer(von: string, bis: string): Zimmer[];\n"
        "  buche(telefon: string, zimmerId: string): Buchung;\n"
        "}\n"
        "\n"
        "Regeln:\n"
        "1. Immer zuerst findeKunde.\n"
        "2. Preise nur aus freieZimmer.\n"
        "\n"
        "Antworte auf Deutsch, höchstens 3 Sätze."
    ),
    (
        "Somos una guardería canina en Valencia y queremos un asistente de WhatsApp que "
        "gestione reservas. El programador nos ha pasado esto (Python):\n"
        "\n"
        "def buscar_cliente(telefono: str) -> Cliente | None: ...\n"
        "def habitaciones_libres(desde: str, hasta: str) -> list[Habitacion]: ...\n"
        "def reservar(telefono: str, habitacion_id: str) -> Reserva: ...\n"
        "\n"
        "Reglas:\n"
        "1. Primero buscar_cliente.\n"
        "2. Precios solo de habitaciones_libres.\n"
        "\n"
        "Responde en español, máximo 3 frases."
    ),
    (
        "We run a dog hotel in Leeds and want a WhatsApp assistant that takes bookings. "
        "Our developer wrote the interface in TypeScript:\n"
        "\n"
        "interface HotelTools {\n"
        "  findOwner(phone: string): Owner | null;\n"
        "  freeRooms(from: string, to: string): Room[];\n"
        "  book(phone: string, roomId: string): Booking;\n"
        "}\n"
        "\n"
        "Rules:\n"
        "1. Always call findOwner first.\n"
        "2. Prices only from freeRooms.\n"
        "\n"
        "Max 3 sentences."
    ),
]

FIELD_ENUMS = [
    (
        "Je suis bénévole au club de tennis de Rennes. En septembre on reçoit des "
        "dizaines de mails et de formulaires d'inscription des parents, je voudrais que "
        "l'IA en sorte un JSON pour notre tableur.\n"
        "\n"
        "Clés (exactement celles-ci) :\n"
        '{"nom": "", "prenom": "", "date_naissance": "YYYY-MM-DD", "categorie": "", '
        '"email_parent": "", "telephone_parent": ""}\n'
        "\n"
        "- categorie = une seule valeur parmi : mini_tennis, poussin, benjamin, minime, "
        "cadet, adulte\n"
        "- si une info manque : null. Ne jamais deviner.\n"
        "- uniquement le JSON.\n"
        '- si ce n\'est pas une inscription : {"erreur": "PAS UNE INSCRIPTION"}'
    ),
    (
        "I volunteer at a judo club in Leeds. Every September we get dozens of emails "
        "and signup forms from parents, and I want the AI to turn each into JSON for our "
        "spreadsheet.\n"
        "\n"
        "Keys (exactly these):\n"
        '{"surname": "", "first_name": "", "birth_date": "YYYY-MM-DD", "category": "", '
        '"belt": "", "parent_email": "", "parent_phone": ""}\n'
        "\n"
        "- category = exactly one of: tiny_judo, under_9, under_11, under_13, cadet, "
        "adult\n"
        "- if something is missing: null. Never guess.\n"
        "- only the JSON.\n"
        '- if it is not a signup: {"error": "NOT A SIGNUP"}'
    ),
    (
        "Sono volontaria in un club di judo a Bergamo. A settembre riceviamo decine di "
        "email e moduli di iscrizione dai genitori, e vorrei che l'IA ne tirasse fuori "
        "un JSON per il nostro foglio di calcolo.\n"
        "\n"
        "Chiavi (esattamente queste):\n"
        '{"cognome": "", "nome": "", "data_nascita": "YYYY-MM-DD", "categoria": "", '
        '"cintura": "", "email_genitore": "", "telefono_genitore": ""}\n'
        "\n"
        "- categoria = un solo valore tra: bambini, fanciulli, ragazzi, esordienti, "
        "cadetti, adulti\n"
        "- se manca un dato: null. Mai indovinare.\n"
        "- solo il JSON.\n"
        '- se non è un\'iscrizione: {"errore": "NON ISCRIZIONE"}'
    ),
]

CLASSIFY_WITH_SUMMARY_KEY = [
    (
        "学習塾「青葉アカデミー」です。保護者からメールで届く問い合わせを自動で分類したいです。返信文は不要です。\n"
        "\n"
        "出力はJSONのみ：\n"
        '{"label": "...", "urgent": true/false, "summary": "..."}\n'
        "\n"
        "labelは次の5つから1つだけ：入会, 退会, 振替, 月謝, その他\n"
        "urgentがtrueになるのは：けが、いじめ。それ以外はfalse。\n"
        "summaryは30文字以内、生徒の名前は書かない。"
    ),
    (
        "我们是一家少儿英语培训机构。家长通过微信发来的消息，我们想自动分类。不需要回复。\n"
        "\n"
        "只输出JSON：\n"
        '{"label": "...", "urgent": true/false, "summary": "..."}\n'
        "\n"
        "label只能是：报名, 退费, 调课, 投诉, 其他\n"
        "summary不超过30个字，不写孩子的名字。"
    ),
    (
        "Somos una academia de idiomas. Queremos clasificar los mensajes de los padres "
        "que llegan por WhatsApp. No hace falta respuesta.\n"
        "\n"
        "Solo JSON:\n"
        '{"label": "...", "urgent": true/false, "summary": "..."}\n'
        "\n"
        "label: uno de matricula, baja, cambio_horario, queja, otro\n"
        "summary: máximo 20 palabras, sin nombres de alumnos."
    ),
]

WANTED_TARGETS = [
    (
        (
            "Wir sind ein Kletterpark im Harz. Wir brauchen unsere Sicherheitsregeln und die "
            "Webseitentexte auf Englisch für internationale Gäste. Einfaches Englisch.\n"
            "\n"
            "Regeln:\n"
            "- Gib nur die Übersetzung aus, keine Kommentare.\n"
            "- Platzhalter wie {datum} bleiben stehen.\n"
            "- Wenn der Text schon Englisch ist, antworte nur mit NOTHING TO TRANSLATE."
        ),
        "en",
    ),
    (
        (
            "Somos un parque de aventura en Asturias. Necesitamos las normas de seguridad y "
            "los textos de la web en inglés para los visitantes extranjeros.\n"
            "\n"
            "Reglas:\n"
            "- Devuelve solo la traducción, sin comentarios.\n"
            "- Los marcadores como {fecha} se quedan igual.\n"
            "- Si el texto ya está en inglés, responde solo NADA QUE TRADUCIR."
        ),
        "en",
    ),
    (
        (
            "Somos um parque de aventura em Sintra. Precisamos das regras de segurança e dos "
            "textos do site em inglês para os visitantes estrangeiros.\n"
            "\n"
            "Regras:\n"
            "- Devolve só a tradução, sem comentários.\n"
            "- Marcadores como {data} ficam iguais."
        ),
        "en",
    ),
    (
        (
            "Wij zijn een klimpark op de Veluwe. We hebben onze veiligheidsregels en "
            "websiteteksten nodig in het Engels voor buitenlandse gasten.\n"
            "\n"
            "Regels:\n"
            "- Geef alleen de vertaling, geen commentaar.\n"
            "- Placeholders zoals {datum} blijven staan."
        ),
        "en",
    ),
    (
        (
            "Nous sommes un parc accrobranche dans les Vosges. Nous avons besoin de nos "
            "règles de sécurité et des textes du site en allemand pour les visiteurs "
            "étrangers.\n"
            "\n"
            "Règles :\n"
            "- Donne seulement la traduction, sans commentaire.\n"
            "- Les balises comme {date} restent telles quelles."
        ),
        "de",
    ),
]


def _jobs(task: str) -> list[str]:
    return [m.id for m in generate(Brief(task=task)).archetypes]


@pytest.mark.parametrize("task", LANGUAGE_CASES)
def test_reply_language_case_is_no_translation_job(task: str) -> None:
    result = generate(Brief(task=task))
    assert "translation" not in [m.id for m in result.archetypes]
    assert "Translate the input text" not in result.prompt


@pytest.mark.parametrize("task", PASTED_INTERFACES)
def test_pasted_tool_interface_is_no_coding_job(task: str) -> None:
    result = generate(Brief(task=task))
    jobs = [m.id for m in result.archetypes]
    assert jobs[0] == "tool_agent"
    assert "coding_assistant" not in jobs
    assert "senior software engineer" not in result.prompt
    assert "runnable code" not in result.prompt


@pytest.mark.parametrize("task", FIELD_ENUMS)
def test_value_set_of_one_key_is_an_extractor_enum(task: str) -> None:
    result = generate(Brief(task=task))
    assert [m.id for m in result.archetypes] == ["data_extraction"]
    assert "listed first" not in result.prompt
    assert "closest label" not in result.prompt


@pytest.mark.parametrize("task", CLASSIFY_WITH_SUMMARY_KEY)
def test_classify_with_label_key_is_classification_beside_a_summary_key(task: str) -> None:
    result = generate(Brief(task=task))
    assert [m.id for m in result.archetypes] == ["classification"]
    assert "Say that you summarise" not in result.prompt


@pytest.mark.parametrize(("task", "code"), WANTED_TARGETS)
def test_texts_wanted_in_a_language_name_the_translation_target(task: str, code: str) -> None:
    result = generate(Brief(task=task))
    languages = [c for c in result.constraints if c.kind == "language"]
    assert [(c.code, c.scope) for c in languages] == [(code, "the translation")]
    assert "the target language" not in result.prompt


# Guards: briefs whose job must not change.


@pytest.mark.parametrize(
    ("task", "job"),
    [
        ("Translate our product descriptions from German into English. Keep the brand names.", "translation"),
        ("Übersetze unsere Speisekarte ins Französische. Preise bleiben in Euro.", "translation"),
        (
            "Traduce los correos de los clientes al inglés. Si el correo ya está en inglés, devuélvelo tal cual.",
            "translation",
        ),
        (
            "Wir brauchen unsere Speisekarte auf Englisch. Übersetze sie, Preise bleiben in Euro. Wenn ein Gast auf "
            "Englisch schreibt, antworte auf Englisch.",
            "translation",
        ),
        (
            "You are a coding assistant for our TypeScript team. You can call run_tests(path) and read_file(path). "
            "Help developers write and debug code.",
            "coding_assistant",
        ),
        (
            "Classify each support ticket as billing, bug, feature_request or other. Reply with the label only.",
            "classification",
        ),
        (
            'Summarise each meeting transcript for the team. Output JSON: {"summary": "...", "action_items": []}\n'
            "summary: at most 5 sentences.",
            "summarization",
        ),
    ],
)
def test_guards_keep_their_job(task: str, job: str) -> None:
    assert _jobs(task)[0] == job


def test_guard_code_review_with_pasted_code_stays_a_code_job() -> None:
    task = (
        "Review this Python function for bugs and suggest a fix:\n```python\ndef average(xs):\n"
        "    return sum(xs) / len(xs)\n```"
    )
    assert _jobs(task)[0] in ("code_reviewer", "coding_assistant")


def test_guard_translation_with_a_stated_target_keeps_it() -> None:
    result = generate(Brief(task="Translate the guest reviews from Spanish into German. Keep names as written."))
    languages = [(c.code, c.scope) for c in result.constraints if c.kind == "language"]
    assert languages == [("de", "the translation")]


def test_guard_code_to_fix_asked_in_dutch_stays_a_coding_job_beside_named_functions() -> None:
    task = (
        "ik wil een assistent voor onze stagiairs die vastlopen met Python. Hij moet hun code fixen en uitleggen "
        "waarom het fout ging. Ons package heeft functies: meter.load(start, end) en meter.save(df, table)."
    )
    assert _jobs(task)[0] == "coding_assistant"


def test_guard_source_and_target_languages_both_named_set_no_target_of_their_own() -> None:
    task = (
        "L'assistant reçoit des fiches numérotées en allemand et rend les fiches en français. Pas de notes du "
        "traducteur, rien avant, rien après."
    )
    result = generate(Brief(task=task))
    assert ("de", "the translation") not in [(c.code, c.scope) for c in result.constraints if c.kind == "language"]
