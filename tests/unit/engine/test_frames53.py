"""The frame follows what the reply is (invented briefs, several languages): written entries turned into a report are
a summariser's job, a shop's product texts a copywriter's, a site chat answering the people a business serves a
support job, and a quiz that teaches a language a tutor's; none of them gets the listener's or the intake's lines,
which stay with briefs whose job is listening or recording. A language the brief teaches is never the guessed
language of every reply, nor is the language people write in; a reply language the brief states keeps its line."""

from __future__ import annotations

import pytest

from app.engine import generate
from app.engine.archetypes import BY_ID
from app.engine.brief import Brief

_LISTENER_OR_INTAKE = (
    "feels heard",
    "Record what the person says",
    "reflecting it back",
    "the record holds every detail",
)


def _render(task: str) -> tuple[str, str]:
    result = generate(Brief(task=task))
    return result.archetypes[0].id, result.prompt


# (briefs long with rules, where the model's guess leans to the general assistant)
REPORT_DE = (
    "wir graben in Kellenried (Feldbegehung, 3 Schnitte, ca. 20 Ehrenamtliche) und die "
    "Grabungsleiter führen ein Tagebuch. jeden Freitag muss ich aus den Tagebucheinträgen der Woche "
    "einen Bericht für das Landesamt machen, das Modell soll den Entwurf schreiben.\n"
    "\n"
    "Aufbau, nur Text, kein Markdown, genau diese Überschriften:\n"
    "WOCHE BIS:\n"
    "SCHNITTE:\n"
    "FUNDE:\n"
    "NÄCHSTE WOCHE:\n"
    "\n"
    "Regeln\n"
    "- FUNDE max 5 Zeilen, Befundnummern genau wie im Tagebuch\n"
    "- nichts datieren oder deuten, was im Tagebuch nicht steht\n"
    "- Namen der Ehrenamtlichen nie nennen\n"
    "- höchstens 250 Wörter\n"
    "- wenn das Tagebuch leer ist nur: KEINE EINTRÄGE"
)
REPORT_ES = (
    "llevamos la obra de la calle Mayor (reforma integral, 4 plantas, unos 12 operarios al día) y el"
    " jefe de obra escribe un diario cada día. cada viernes tengo que convertir las entradas del "
    "diario de la semana en un informe para la propiedad y quiero que el modelo haga el primer "
    "borrador.\n"
    "\n"
    "formato, texto plano, sin markdown, estos apartados en este orden:\n"
    "SEMANA:\n"
    "TRABAJOS:\n"
    "INCIDENCIAS:\n"
    "PRÓXIMA SEMANA:\n"
    "\n"
    "reglas\n"
    "- INCIDENCIAS máximo 5 líneas\n"
    "- no interpretes nada que el diario no diga\n"
    "- los nombres de los operarios nunca aparecen\n"
    "- máximo 250 palabras\n"
    "- si el diario está vacío escribe solo: SIN ENTRADAS ESTA SEMANA"
)
REPORT_FR = (
    "on tient le chantier de fouilles de Montbrison (fouille bénévole, secteurs 1 à 4, une trentaine"
    " de bénévoles par jour) et les responsables de secteur tiennent un journal. chaque vendredi je "
    "dois transformer les entrées du journal de la semaine en rapport pour le service régional, et "
    "je veux que le modèle fasse le premier jet.\n"
    "\n"
    "mise en page, texte brut, pas de markdown, ces titres dans cet ordre :\n"
    "SEMAINE :\n"
    "SECTEURS OUVERTS :\n"
    "MOBILIER :\n"
    "SEMAINE PROCHAINE :\n"
    "\n"
    "règles\n"
    "- MOBILIER 5 lignes max\n"
    "- ne rien dater ni interpréter que le journal ne dise\n"
    "- jamais le nom des bénévoles\n"
    "- 250 mots max\n"
    "- si le journal est vide écrire seulement : AUCUNE ENTRÉE CETTE SEMAINE"
)
SHOP_DE = (
    "Wir sind Teekontor Lindner, ein kleiner Teeladen in Bremen. Ich möchte Produkttexte für unseren"
    " Onlineshop schreiben lassen, auf Basis der Daten, die ich pro Tee einfüge (Sorte, Herkunft, "
    "Ziehzeit, Preis).\n"
    "\n"
    "Fester Aufbau, nur Text, genau diese vier Zeilen:\n"
    "TITEL: max 60 Zeichen\n"
    "KURZ: 1 Satz\n"
    "HERKUNFT: Land und Region\n"
    "PREIS: der Betrag aus den Daten\n"
    "\n"
    "Regeln:\n"
    "- Duzen, sachlich, kein Hype.\n"
    "- Nie Angaben erfinden. Fehlt etwas, schreib nur: DATEN UNVOLLSTÄNDIG\n"
    "- Keine Emojis, keine Ausrufezeichen."
)
SHOP_EN = (
    "We're Harbour Kites, a small kite shop in Whitby. I want product descriptions for our web shop "
    "written from the spec sheet I paste per kite (brand, size, wind range, price).\n"
    "\n"
    "Fixed layout, plain text, exactly these four lines:\n"
    "TITLE: max 60 characters\n"
    "SHORT: 1 sentence\n"
    "WIND RANGE: in knots\n"
    "PRICE: the amount from the data\n"
    "\n"
    "Rules:\n"
    "- Plain and honest, no hype.\n"
    "- Never invent specs. If something is missing, write only: INCOMPLETE DATA\n"
    "- No emoji, no exclamation marks."
)
SHOP_IT = (
    "Siamo Enoteca Bassi, a Verona. Vorrei far scrivere le schede prodotto per il nostro negozio "
    "online a partire dai dati che incollo per ogni vino (cantina, annata, vitigno, prezzo).\n"
    "\n"
    "Struttura fissa, testo semplice, esattamente queste righe:\n"
    "TITOLO: max 60 caratteri\n"
    "BREVE: 1 frase\n"
    "PREZZO: l'importo dai dati\n"
    "\n"
    "Regole:\n"
    "- Dai del tu, sobrio, niente superlativi.\n"
    "- Non inventare mai dati. Se manca qualcosa, scrivi solo: DATI INCOMPLETI\n"
    "- Niente emoji."
)
SUPPORT_ES = (
    "Funeraria Ortega, empresa familiar en Valladolid. Queremos un asistente en la web para "
    "responder a las familias, a menudo de noche justo después de un fallecimiento.\n"
    "\n"
    "Lo que debe hacer: explicar los primeros trámites, los plazos habituales, los documentos y "
    "proponer una cita. Nuestra guardia atiende 24h en el 983 000 000.\n"
    "\n"
    "Reglas:\n"
    "- Siempre de usted, tono sobrio y cálido.\n"
    "- Ningún precio: el presupuesto es gratuito y se hace en cita.\n"
    "- Nunca recomendar un rito.\n"
    "- Máximo 4 frases, sin listas ni emojis."
)
SUPPORT_DE = (
    "Bestattungshaus Krüger, Familienbetrieb in Kassel. Wir möchten einen Assistenten auf unserer "
    "Website, der den Familien antwortet, oft abends oder nachts direkt nach einem Todesfall.\n"
    "\n"
    "Was er tun soll: die ersten Schritte erklären, die üblichen Fristen, die Unterlagen, und einen "
    "Termin anbieten. Unser Bereitschaftsdienst ist rund um die Uhr unter 0561 000000 erreichbar.\n"
    "\n"
    "Regeln:\n"
    "- Immer Sie, ruhiger und warmer Ton.\n"
    "- Keine Preise: das Angebot ist kostenlos und wird im Termin gemacht.\n"
    "- Nie ein Ritual empfehlen.\n"
    "- Höchstens 4 Sätze, keine Listen, keine Emojis."
)
SUPPORT_IT = (
    "Onoranze Funebri Rossi, impresa familiare a Parma. Vorremmo un assistente sul sito per "
    "rispondere alle famiglie, spesso di sera o di notte subito dopo un decesso.\n"
    "\n"
    "Cosa deve fare: spiegare i primi passi, i tempi abituali, i documenti e proporre un "
    "appuntamento. Il nostro servizio di reperibilità risponde 24 ore su 24.\n"
    "\n"
    "Regole:\n"
    "- Sempre del Lei, tono sobrio e caloroso.\n"
    "- Nessun prezzo: il preventivo è gratuito e si fa su appuntamento.\n"
    "- Massimo 4 frasi, niente elenchi né emoji."
)
TUTOR_ES = (
    "Compañero de vocabulario de inglés para el club de inglés del recreo del colegio San Roque. Los"
    " niños tienen 9-11 años y lo usan en las tabletas del cole.\n"
    "\n"
    "- Solo los temas del trimestre: colores, animales, familia, comida. Otra cosa -> decir que no "
    "está en el temario y ofrecer un tema.\n"
    "- Una pregunta a la vez. Primero una pista; después de 2 intentos fallidos da la respuesta con "
    "un truco para recordarla.\n"
    "- Respuestas: máximo 2 frases en español más la palabra en inglés. Sin emojis.\n"
    "- Nunca pedir su nombre, edad o dirección."
)
TUTOR_DE = (
    "Vokabel-Kumpel für den Englisch-Club in der Mittagspause der Grundschule am Park. Die Kinder "
    "sind 9-11 und nutzen ihn auf den Schul-Tablets.\n"
    "\n"
    "- Nur die Themen dieses Halbjahrs: Farben, Tiere, Familie, Essen. Alles andere -> sagen, dass "
    "es nicht dran ist, und ein Thema anbieten.\n"
    "- Immer nur eine Frage auf einmal. Erst einen Tipp; nach zwei falschen Versuchen die Lösung mit"
    " einer kleinen Merkhilfe.\n"
    "- Antworten: höchstens 2 Sätze auf Deutsch plus das englische Wort. Keine Emojis.\n"
    "- Nie nach Name, Alter oder Adresse fragen."
)
TUTOR_EN = (
    "Italian vocab buddy for the Tuesday Italian club at Greenfield Library. Members are retired "
    "adults and use it on their phones.\n"
    "\n"
    "- Only this term's topics: food, travel, family. Anything else -> say it's not in this term's "
    "topics and offer one.\n"
    "- One question at a time. Give a hint first; after 2 wrong tries give the answer plus a memory "
    "trick.\n"
    "- Replies: max 2 sentences of English plus the Italian word or phrase. No emojis.\n"
    "- Never ask for their address or phone number."
)
TUTOR_FR = (
    "Copain de vocabulaire anglais pour « Happy Club », le club d'anglais du midi à l'école Jean-"
    "Moulin. Les enfants ont 9-11 ans et l'utilisent sur les tablettes de l'école.\n"
    "\n"
    "- Seulement les thèmes du trimestre : couleurs, animaux, famille, nourriture. Autre chose -> "
    "dire que ce n'est pas au programme et proposer un thème.\n"
    "- Une question à la fois. D'abord un indice ; après 2 essais ratés, donne la réponse avec une "
    "petite astuce.\n"
    "- Réponses : 2 phrases max en français plus le mot anglais. Pas d'emoji.\n"
    "- Ne jamais demander leur nom, leur âge ou leur adresse."
)


@pytest.mark.parametrize(
    ("task", "job"),
    [
        # written entries condensed into a report
        ("Every Friday I turn the week's site diary entries into a report for the project manager. Headings: WEEK, "
         "DONE, ISSUES, NEXT. Plain text, max 200 words.", "summarization"),
        (REPORT_DE, "summarization"),
        (REPORT_ES, "summarization"),
        (REPORT_FR, "summarization"),
        # a shop's product texts
        ("Wij zijn een fietsenwinkel. Ik wil productteksten voor onze webshop op basis van de specificaties die ik "
         "plak. Vaste opbouw: TITEL, KORT, PRIJS. Geen emoji.", "marketing_copy"),
        (SHOP_DE, "marketing_copy"),
        (SHOP_IT, "marketing_copy"),
        # a site chat answering the people a business serves
        (SUPPORT_ES, "customer_support"),
        (SUPPORT_DE, "customer_support"),
        (SUPPORT_IT, "customer_support"),
        # a quiz that teaches a language
        (TUTOR_ES, "tutor"),
        (TUTOR_DE, "tutor"),
        (TUTOR_EN, "tutor"),
    ],
)  # fmt: skip
def test_a_recognised_job_gets_its_own_frame(task: str, job: str) -> None:
    primary, prompt = _render(task)
    assert primary == job
    for line in _LISTENER_OR_INTAKE:
        assert line not in prompt


@pytest.mark.parametrize(
    "task",
    [
        ("Italian vocab buddy for adult beginners at our language school. One question at a time. Give a hint "
         "first; after 2 wrong tries give the answer. Replies in English with the Italian word in bold."),
        ("German vocab trainer for my year 8 class. Quiz them one word at a time, a hint first. Replies: max 2 "
         "sentences of English plus the German word."),
        ("Spanish conversation practice for English-speaking adults. Explain grammar in English and keep the "
         "practice dialogue in Spanish. Correct one mistake per turn."),
        ("Help my students learn French verbs: quiz them one verb at a time and explain each mistake briefly in "
         "two sentences."),
    ],
)  # fmt: skip
def test_a_taught_language_is_not_every_replys_language(task: str) -> None:
    _primary, prompt = _render(task)
    assert "Write every reply in" not in prompt


@pytest.mark.parametrize(
    "task",
    [
        "A help desk for our hotel in Lisbon. Guests write in Portuguese, English or Spanish. Keep answers short.",
        "Chatbot pour notre musée : réponds dans la langue du visiteur (français, anglais, allemand).",
        "Asistente para la web del museo: responde en el idioma del visitante. Máximo 3 frases.",
        "Chat für unsere Website: antworte in der Sprache des Besuchers. Höchstens drei Sätze.",
    ],
)
def test_the_language_people_write_in_is_no_single_reply_language(task: str) -> None:
    _primary, prompt = _render(task)
    assert "Write every reply in" not in prompt
    assert "Always reply in" not in prompt


@pytest.mark.parametrize(
    ("task", "line"),
    [
        ("French conversation partner for advanced learners. Reply only in French, even if they write in English.",
         "reply in French"),
        ("Customer support chat for our bakery in Lyon. Reply in French.", "reply in French"),
        ("Kundenservice-Chat für unseren Fahrradladen. Antworte immer auf Deutsch.", "reply in German"),
        ("Assistant pour notre boulangerie. Réponds toujours en français, trois phrases maximum.", "reply in French"),
        ("Vokabeltrainer für Französisch, Klasse 6. Erkläre auf Deutsch, gib zuerst einen Tipp.", "reply in German"),
        ("Multilingual support bot for our Swiss shop. Customers write in German, French or Italian; reply in the "
         "customer's language.", "same language the customer writes in"),
    ],
)  # fmt: skip
def test_a_stated_reply_language_keeps_its_line(task: str, line: str) -> None:
    _primary, prompt = _render(task)
    assert line in prompt


@pytest.mark.parametrize(
    ("task", "line"),
    [
        ("A journaling companion for my evenings: just listen and reflect back what I wrote; no advice unless I ask.",
         "feels heard"),
        ("Intake assistant for our legal clinic: ask one question at a time to collect what happened, then write a "
         "short record.", "Record what the person says"),
        ("Listening chat for carers. It is NOT counselling: listen and reflect back, one open question at most.",
         "feels heard"),
    ],
)  # fmt: skip
def test_listening_and_intake_briefs_keep_their_frames(task: str, line: str) -> None:
    _primary, prompt = _render(task)
    assert line in prompt


@pytest.mark.parametrize(
    ("task", "job"),
    [
        ("Translate our product descriptions for the web shop from German into English. Keep the brand names.",
         "translation"),
        ("Summarise each customer support ticket in three bullet points for the weekly review.", "summarization"),
        ("Tutor for my son's GCSE maths revision: hints first, never the full answer.", "tutor"),
        (SHOP_EN, "marketing_copy"),
        (TUTOR_FR, "tutor"),
    ],
)  # fmt: skip
def test_other_jobs_keep_their_frames(task: str, job: str) -> None:
    primary, _prompt = _render(task)
    assert primary == job


@pytest.mark.parametrize(
    "task",
    [
        "Capitals quiz for our pub regulars. One question at a time; after 2 wrong tries give the answer.",
        "Quiz de capitales. Una pregunta a la vez; después de dos intentos dales la respuesta.",
        "Hauptstadt-Quiz. Immer nur eine Frage auf einmal; nach zwei falschen Versuchen die Lösung nennen.",
        "Quiz des capitales. Une question à la fois ; après deux essais, donne la réponse.",
        "Dutch vocab helper for expats. One question at a time, then the word.",
        # written entries turned into a report: no journal kept for its own sake
        "Every Friday, turn the week's diary entries into a report for the board.",
    ],
)
def test_the_general_frame_adds_no_listener_or_intake_lines_to_a_quiz_or_a_report(task: str) -> None:
    frame = BY_ID["general_assistant"].for_task(task)
    assert "feels heard" not in frame.success
    assert all("own words" not in r.text for r in frame.rules)
