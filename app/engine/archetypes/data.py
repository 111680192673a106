"""Archetypes that transform supplied inputs: extraction, classification, moderation, QA, summaries."""

# ruff: noqa: E501  (archetype content: one rule or pattern per line reads and greps better than split literals)

from __future__ import annotations

import re

from app.engine.archetypes.registry import Archetype, Persona, Variant, feat, rule, var
from app.engine.archetypes.unnamed_fields import UNNAMED_FIELDS, VALUE_RULES
from app.engine.archetypes.variants import (
    CSV_RECORD,
    ENTRIES_TO_REPORT,
    FIELD_LINES,
    LABELLED_RECORD,
    NOTES_TO_TEXT,
    PROSE_THEN_JSON,
    TABLE_EXTRACTION,
    TIGHTENING,
    YAML_RECORD,
)
from app.engine.spec import Example, OutputFormat

DATA_EXTRACTION = Archetype(
    yields_to_tools=True,
    id="data_extraction",
    title="Structured data extraction",
    features=(
        feat(
            "extract",
            # "pull data out of trial abstracts", "get the details out of each invoice"
            r"\bextract\w*\b|\bpull out\b|\bparse\b|\bparsing\b|"
            r"\b(?:pull|get|grab|take)\s+(?:the\s+|all\s+the\s+|key\s+)?(?:data|details|fields|info\w*|numbers|values)\s+out\s+of\b|"
            # the same verb in the languages users write: "soll die Medikation herausgezogen werden", "extrae los datos"
            r"\b(?:extraer|extrae|extraiga|extraigan|extrair|extraia|extraire|extrais|estrarre|estrai|extrahier\w*|"
            r"extraheer|extraheren)\s+(?:\S+\s+){0,4}?(?:datos|campos|informaci[óo]n|dados|informa[çc][õo]es|données|"
            r"champs|informations|daten|felder|angaben|werte|dati|campi|informazioni|gegevens|velden|medikation|"
            r"medicaci[óo]n|medica[çc][ãa]o|fechas|importes|nombres)\b|"
            r"\b(?:herausgezogen|herausziehen|herauszuziehen|auslesen|ausgelesen|auszulesen)\b",
            8,
        ),
        feat(
            "field list from input",
            r"\b(?:pull|get|grab|capture|read|turn)\s+(?:the\s+)?[\w -]+(?:,\s*[\w -]+)+,?\s+(?:and\s+)?[\w -]+\s+(?:out of|from)\b",
            6,
        ),
        feat("fields", r"\bfields?\b|\battributes?\b|\bkey[- ]value\b|\bentities\b", 2),
        # "Turn the voice memos into CSV", "convert each line into one CSV row": text in, rows of a table out
        feat(
            "text into csv rows",
            r"\b(?:turn|convert|transform|put|map)\w*\s+[^.\n]{1,60}?\binto\s+(?:exactly\s+)?(?:a\s+|one\s+)?csv\b"
            # ("convert the access logs into CSV with awk": a script that does it)
            r"(?![^.\n]{0,30}\b(?:with|using|in)\s+(?:awk|sed|bash|python|pandas|excel|a\s+script|a\s+formula)\b)",
            6,
        ),
        feat(
            # "a model that reads one email and returns this JSON and nothing else": one text in, one record out
            "reads a text, returns a record",
            r"\breads?\s+(?:one|each|an?|the|every)\s+(?:[\w-]+\s+)?(?:e-?mails?|messages?|documents?|letters?|forms?|pdfs?|"
            r"texts?|reports?|invoices?)\b[^.\n]{0,40}?\b(?:returns?|outputs?|produces?|fills?)\b[^.\n]{0,20}?\b(?:json|record|fields)\b",
            8,
        ),
        feat(
            # "saque de ahí un glosario … Término | Definición | Página": terms and their definitions picked out of a
            # text (a bilingual glossary is the translator's: its terms get equivalents, not definitions)
            "glossary of definitions",
            r"\b(?:glossar(?:y|ies|io|ium)?|glosario|glossaire|glossário|woordenlijst)\b(?=[\s\S]{0,600}?\b(?:defin\w*|"
            r"erklärung\w*|explicaci\w*|explication\w*|meaning|significado|signification|bedeutung|betekenis)\b)",
            7,
        ),
        # "turns each note into this json:", "as the following JSON"
        feat(
            "structured data",
            r"\bstructured (?:data|output|records?)\b|"
            r"\b(?:into|as|to)\s+(?:(?:this|that|the\s+following|a|one|our|the\s+same)\s+)?json\b",
            5,
        ),
        feat("forms/invoices", r"\binvoices?\b|\breceipts?\b|\bresumes?\b|\bforms?\b|\bcontracts?\b", 1),
    ),
    role="You are a data extraction engine{for_product}.",
    noun="data extraction engine",
    success="Success means valid JSON that matches the schema exactly, with null for every value the input does not state.",
    objective="Extract the requested fields from the input text into JSON that matches the schema exactly.",
    rules=(
        *VALUE_RULES,
        rule(
            "Output only the fields defined in the schema, with the exact names and types.",
            "Extra or renamed fields break the parser that consumes the output.",
        ),
        rule(
            "When the input states two conflicting values for a field, use the first one.",
            "A fixed tie-break keeps results reproducible.",
        ),
    ),
    output=OutputFormat(
        kind="json",
        # (no default schema: the brief's own fields become it, and a brief that names none gets none, see
        # UNNAMED_FIELDS; a default's keys would be another job's)
        description=(
            "A single JSON object, with no prose before or after it and no code fence. "
            "Use null for every field the input does not state."
        ),
    ),
    out_of_scope="Return the JSON object with every field set to null when the input contains no extractable data.",
    when_unsure="Set the uncertain field to null rather than guessing.",
    variables=(var("text", "The input text to extract fields from."),),
    drop_variables=("question", "content", "review", "email"),
    blendable=False,
    final_reminder="Return only the JSON object, with null for missing fields.",
    extracts_fields=True,
    safety_packs=False,
    example_kind="extraction",
    blend_rules=(
        rule(
            "Set a field to null when the input does not state its value.",
            "A guessed value is indistinguishable from a real one downstream; null is honest.",
        ),
    ),
    blend_output="After the main answer, give the extracted fields as one JSON object.",
    variants=(CSV_RECORD, YAML_RECORD, PROSE_THEN_JSON, TABLE_EXTRACTION, FIELD_LINES, UNNAMED_FIELDS),
)

CLASSIFICATION = Archetype(
    yields_to_tools=True,
    id="classification",
    title="Classifier",
    features=(
        feat("classify", r"\bclassif\w*\b|\bcategori[sz]\w*\b", 9),
        # "問い合わせを分類したい", "把留言自动分类", "Anfragen klassifizieren", "clasificar los correos", "catégoriser"
        feat(
            "classify (other languages)",
            r"\bclasific\w*|\bklassifizier\w*|\bkategorisier\w*|\bcat[ée]goris\w*|\bcategorizz\w*|分類[しすさ]|"
            r"(?:进行|自动|自動|帮我|需要|想要?|来|來)分[类類]|分[类類](?:为|為|成|到|一下)|[归歸][类類]",
            9,
        ),
        feat("labels", r"\blabels?\b|\btag(?:s|ging)?\b|\bwhich category\b|\bbucket\w*\b", 3),
        feat("sentiment", r"\bsentiment\b|\bpositive,?\s+(?:or\s+)?(?:negative|neutral)\b", 4),
        feat("intent/routing", r"\bintent(?:s| detection)?\b|\brout(?:e|ing) (?:the |each |incoming )?\w+", 3),
        feat("triage", r"\btriag\w*\b", 5),
        # "Grade the urgency of maintenance requests: U1 (danger), U2 (this week), U3 (routine)": a priority to sort by
        feat(
            "rates urgency",
            r"\b(?:grade|rate|rank|score|assess|prioriti[sz]e|sort)s?\s+(?:the\s+|each\s+|every\s+)?"
            r"(?:urgency|priority|severity|importance)\s+of\b",
            5,
        ),
        feat(
            "routes (other languages)",
            # "Smista le email … verso uno di questi uffici", "weiterleiten an", "振り分け": sending each item to one of a set
            r"\bsmist\w*|\binstrad\w*|\benrut\w*|\bencamin\w*|\bweiterleit\w*|\bzuordn\w*|\bachemin\w*|\bencaminh\w*|"
            r"\bdoorsturen\b|振り分け|仕分け|分流|分派",
            5,
        ),
        feat(
            "closed label list",
            r"\b(?:into|as)\s+[\w-]+(?:\s*/\s*[\w-]+)+\b|\b(?:into|as|to)\s+[\w-]+,\s*[\w-]+,?\s+or\s+[\w-]+\b",
            4,
        ),
    ),
    role="You are a text classifier{for_product}.",
    noun="text classifier",
    success="Success means exactly one label from the closed label set for every input, applied the same way every time.",
    objective="Assign exactly one label from the closed label set to each input.",
    context=("Labels: {labels}.",),
    rules=(
        rule(
            "Choose exactly one label from the label set; never invent a new label.",
            "The output feeds an automated system that only accepts the defined labels.",
        ),
        rule(
            "Base the label on the input's main point, not on isolated keywords.",
            "Keyword matching misclassifies sarcasm, negation and quoted text.",
        ),
        rule(
            'Use the label "other" when no label fits.',
            "A forced fit corrupts the statistics built on these labels.",
        ),
        rule(
            "When two labels fit equally well, choose {tie_break}.",
            "A fixed tie-break keeps the labels reproducible.",
        ),
    ),
    output=OutputFormat(
        kind="label",
        description="Only the label (one of: {labels}), in lowercase, on a single line, with no explanation.",
    ),
    examples=(
        Example(input="The app crashes every time I open the camera.", output="bug_report"),
        Example(input="Add a dark mode, it would help at night.", output="feature_request"),
        Example(input="What are your opening hours?", output="other"),
    ),
    out_of_scope='Return the label "other".',
    when_unsure='Return the label that best matches the main point; return "other" only when no label fits.',
    variables=(var("text", "The text to classify."),),
    drop_variables=("question", "review", "content", "document"),
    blendable=False,
    final_reminder="Return exactly one label from the set.",
    uses_labels=True,
    safety_packs=False,
    example_kind="labels",
    blend_rules=(
        rule(
            "Choose exactly one label from the label set ({labels}); never invent a new label.",
            "The label feeds an automated system that only accepts the defined labels.",
        ),
        # kept only when the set has a catch-all (the conflicts step drops it otherwise)
        rule(
            'Use the label "other" when no label fits.',
            "A forced fit corrupts the statistics built on these labels.",
        ),
    ),
    blend_output='End with one line that starts with "Label:" followed by exactly one label from: {labels}.',
    variants=(LABELLED_RECORD,),
)

# What users post on a platform, in the languages briefs come in (not a blog's own articles: "blog posts")
_USER_ITEMS = (
    # (not one's own writing: "my LinkedIn posts", "our newsletter posts")
    r"(?<!blog\s)(?<!my\s)(?<!our\s)(?<!newsletter\s)(?<!linkedin\s)(?<!instagram\s)(?<!facebook\s)(?<!social\s)"
    r"(?:listings?|ads?|adverts?|advertenties?|advertisements?|posts?|comments?|reviews?|uploads?|"
    r"anuncios?|annonces?|inserate?|anzeigen?|annunci|an[úu]ncios?|reacties?|comentarios?|commentaires?|kommentare?)"
)
_GATE_VERBS = (
    r"(?:check|review|screen|vet|approv|gecheckt|gecontroleerd|beoordeeld|controleer|revis|comprob|verific|vérifi|"
    r"contrôl|prüf|geprüft|kontrollier)\w*"
)
_BEFORE_LIVE = (
    r"(?:before\s+(?:it|they|each|every|\w+)\s+(?:goes|go|gets?|is|are)\s+(?:live|published|online|posted)|"
    r"voordat\s+(?:\w+\s+){0,2}(?:live|online)|antes\s+de\s+(?:publicar\w*|que\s+se\s+publiqu\w*)|"
    r"avant\s+(?:sa\s+|leur\s+)?(?:publication|d['’]être\s+publié)|bevor\s+(?:\w+\s+){0,2}(?:online|live|veröffentlicht))"
)

# '{"decisao": "APROVAR" | "REVISAR" | "REJEITAR", …}', "motivos só pode ter estes códigos: ITEM_RECALL, …": the brief
# states its own decisions or reason codes (a JSON enum, or upper-case codes in a list), so the default policy
# categories (hate, harassment, …) and the English verdicts ("review") would each contradict them.
OWN_CODES = Variant(
    name="the brief's own codes",
    cue=re.compile(
        r'"[^"\n|]{2,30}"\s*\|\s*"[^"\n|]{2,30}"|'
        r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b[^\n]{0,40}?\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b[^\n]{0,40}?"
        r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|"
        # ("decisao: aprovar, revisar ou rejeitar", "decision = approve / hold / reject": a decision's own values)
        # ('"decision": "publier|masquer|revue_humaine"': a pasted key, its values in one string, snake_case ones too)
        r"\b(?i:decis\w*|verdict|veredicto|entscheidung|esito|beslissing|status|action|a[çc][ãa]o|acci[óo]n)[\"']?\s*[:=]\s*"
        r"[\"']?[a-z_]{3,}[\"']?\s*(?:,|/|\|)\s*[\"']?[a-z_]{3,}[\"']?\s*(?:,|/|\||\bor\b|\bou\b|\bo\b|\boder\b|\bof\b|\be\b|\by\b|"
        r"\bet\b)\s*[\"']?[a-z_]{3,}\b|"
        # the brief's own reasons listed: "motifs possibles (0 à 3) : insulte, donnees_personnelles, …", "reasons:
        # spam, insult, off_topic", "Gründe: …", "motivos: …" (the default policy list would stand beside them)
        r"\b(?i:reasons?|motifs?|motivos?|motivi|gr[üu]nde|redenen|categories|cat[ée]gories|categor[íi]as|kategorien|"
        r"categorie[ëe]?n?)\b[^\n:]{0,30}:\s*[a-z_]{3,}\s*,\s*[a-z_]{3,}\s*,\s*[a-z_]{3,}\b|"
        # (plain upper-case words are codes after a colon or a word for values: "one of APPROVE, REVIEW, REJECT",
        # "Entscheidung: FREIGEBEN / SPERREN / MELDEN"; "personal data (SSN, DOB, IBAN, …)" lists what is blocked)
        r"(?:[:=]|\b(?i:one\s+of|either|codes?|values?|labels?|decisions?|verdicts?|status|c[óo]dig\w*|valor\w*|"
        r"wert\w*|etiquet\w*|entscheid\w*|d[ée]cisi\w*|decis\w*|esito|uno\s+de|un[oa]?\s+(?:de|di|tra)|eines?\s+von)\b)"
        r"[^\n(:]{0,30}?"
        r"\b[A-Z]{3,}\b\s*(?:,|/|\||\bor\b|\bou\b|\bo\b|\boder\b|\bof\b|\be\b|\by\b|\bet\b)\s*\b[A-Z]{3,}\b\s*"
        r"(?:,|/|\||\bor\b|\bou\b|\bo\b|\boder\b|\bof\b|\be\b|\by\b|\bet\b)\s*\b[A-Z]{3,}\b"
    ),
    changes={
        "objective": "Decide each item by the rules and codes this prompt states, and give the decision they lead to.",
        "success": "Success means every item gets the decision and codes the stated rules lead to, the same way every time.",
        "context": (),
        "rules": (
            rule(
                "Judge each item against the rules and codes this prompt states only, not against personal taste.",
                "Consistent decisions depend on a shared written standard.",
            ),
            rule(
                "Use only the decisions and codes this prompt lists, spelled exactly as it spells them.",
                "The decisions feed a system that knows only those values.",
            ),
            rule(
                "When the stated rules do not settle an item, choose the decision this prompt keeps for a human check.",
                "Borderline cases need a human moderator.",
            ),
        ),
        "output": OutputFormat(
            kind="decision", description="The decision in the form and with the values this prompt states."
        ),
        "examples": (),
        "example_kind": "",
        "out_of_scope": "Give the decision this prompt keeps for a human check, in the stated form.",
        "when_unsure": "Choose the decision this prompt keeps for a human check, in the stated form.",
        "final_reminder": "Return the decision the stated rules lead to, in the stated form.",
    },
)

CONTENT_MODERATION = Archetype(
    judges_harm=True,
    id="content_moderation",
    title="Content moderator",
    features=(
        # (not the moderator who owns something: "from the moderator's notes")
        # ("een modbot in onze buurtapp", "modérer les commentaires", "moderieren", "moderar", "moderare")
        feat(
            "moderation",
            # ("strong / moderate / weak", "mild, moderate or severe": a grade in a list, not moderation)
            r"(?<![/,]\s)(?<![/,])\bmoderat\w*\b(?!['’]s\b)(?!\s*[/,])|\bmod[- ]?bots?\b|\bmodereer\w*|\bmodereren\b|\bmodér\w+|\bmoderier\w*|"
            r"\bmoderar\b|\bmoderare\b",
            8,
        ),
        feat(
            "policy violations",
            r"\bpolicy violations?\b|\bcommunity guidelines\b|\bviolat\w+ (?:the |our )?(?:policy|policies|rules|guidelines)\b",
            4,
        ),
        feat(
            "harm categories",
            # (not "check their spam folder": where an email landed)
            r"\bhate speech\b|\bharass\w*\b|\bspam\b(?!\s+(?:folder|filter|box|inbox))|\btoxic\w*\b|\bnsfw\b|\bscams?\b|"
            r"\bprofanity\b|\bbullying\b|\babusive\b",
            3,
        ),
        feat("flag content", r"\bflag\w* (?:posts?|comments?|content|messages?)\b|\buser-generated content\b", 3),
        # "Elke nieuwe advertentie … moet gecheckt worden voordat hij live gaat", "check every listing before it goes
        # live": a gate on what users post, before it is published (not proofreading one's own articles or notes)
        feat(
            "checks user posts before publishing",
            rf"\b{_USER_ITEMS}\b[^.\n]{{0,80}}\b{_GATE_VERBS}[^.\n]{{0,60}}\b{_BEFORE_LIVE}|"
            rf"\b{_GATE_VERBS}[^.\n]{{0,40}}\b{_USER_ITEMS}\b[^.\n]{{0,40}}\b{_BEFORE_LIVE}",
            8,
        ),
        feat(
            "detect harmful content",
            r"\b(?:detect|flag|filter|catch|block|screen|remove)\w*\s+(?:\w+\s+){0,3}?(?:spam|scams?|abuse|abusive|toxic\w*|hate|harassment|nsfw|profanity|bullying)\b",
            5,
        ),
    ),
    role="You are a content moderator{for_product}.",
    noun="content moderator",
    success="Success means a consistent allow, remove or review decision for every item, with the policy category it rests on.",
    objective="Decide whether each piece of user-generated content violates the content policy, and name the category.",
    context=(
        "Policy categories: hate (attacks on protected groups), harassment (targeted abuse of a person), "
        "sexual (explicit sexual content), violence (threats or glorified violence), self_harm (encouragement "
        "of self-harm), spam (unsolicited promotion or scams), none (no violation).",
    ),
    rules=(
        rule(
            "Judge the content against the policy categories only, not against personal taste.",
            "Consistent decisions depend on a shared written standard.",
        ),
        rule(
            "Consider context: quoting, reporting or condemning harmful content is not a violation.",
            "Removing counter-speech and news reporting harms the community.",
        ),
        rule(
            'Choose "review" as the decision when the content is ambiguous or the category is unclear.',
            "Borderline cases need a human moderator.",
        ),
    ),
    output=OutputFormat(
        kind="decision",
        description=(
            "A single JSON object with no code fence: "
            '{"decision": "allow" | "remove" | "review", "category": "hate" | "harassment" | "sexual" | "violence" | '
            '"self_harm" | "spam" | "none", '
            '"rationale": one sentence that cites the policy category}.'
        ),
    ),
    examples=(
        Example(
            input="Buy followers now!!! Visit my profile for cheap deals",
            output='{"decision": "remove", "category": "spam", "rationale": "Unsolicited promotion matches the spam category."}',
        ),
        Example(
            input="The article reports that the group posted threats against journalists.",
            output='{"decision": "allow", "category": "none", "rationale": "Reporting on threats is not itself a threat."}',
        ),
    ),
    out_of_scope='Return {"decision": "review", "category": "none", "rationale": "Input is not moderatable content."}',
    when_unsure='Return the decision "review" with a one-sentence rationale.',
    variables=(var("content", "The user-generated content to assess."),),
    drop_variables=("question", "review", "text", "document"),
    blendable=False,
    final_reminder="Return one moderation decision as JSON.",
    safety_packs=False,
    yields_to_brief_labels=True,
    variants=(OWN_CODES,),
)

# A document a business answers its customers from, named in the languages briefs come in: "our FAQ", "the clinic
# info sheet", "onze praktijkfolder", "la ficha informativa", "unsere Merkblätter", "o informativo da campanha".
# (Dutch and German compounds end in the noun: "oudergids", "Betriebsvereinbarung"; a "style guide" is no source.)
# A guide can be a person: "treks led only by our certified mountain guides", "las dirigen solo guías certificados",
# "los guías locales" are the people who lead a tour, no document to answer from ("only our guide", "la guía" are).
_GUIDE_PEOPLE_WORDS = (
    "certified",
    "licensed",
    "qualified",
    "experienced",
    "professional",
    "expert",
    "local",
    "mountain",
    "tour",
    "trekking",
    "hiking",
    "climbing",
    "ski",
    "fishing",
    "safari",
    "museum",
    "park",
    "wilderness",
    "alpine",
    "trained",
    "native",
    "bilingual",
    "by",
    "by our",
    "by the",
    "by a",
    "by one of our",
)
_GUIDE_DOC = (
    "".join(rf"(?<!\b{word}\s)" for word in _GUIDE_PEOPLE_WORDS)
    + r"(?<!style\s)(?<!brand\s)(?<!tone\s)guides?(?!\s+(?:who|that\s+lead|lead|leads|will|take|takes|walk|show)\b)"
)
# (Spanish: a document "guía" is feminine, "la guía", "nuestra guía informativa"; "los guías", "guías certificados"
# are people)
_GUIA_DOC = (
    r"(?<!\blos\s)(?<!\bel\s)(?<!\bun\s)(?<!\bunos\s)(?<!\bnuestros\s)(?<!\bsus\s)(?<!\bpor\s)gu[íi]as?"
    r"(?!\s+(?:certificad|titulad|acreditad|profesional|expert|local|tur[íi]stic|oficial|de\s+monta|biling|"
    r"experimentad|cualificad|calificad|que\s+(?:dirig|gu[íi]|llev|acompa))\w*)"
)
_SOURCE_DOC = (
    r"(?:faqs?|f\.a\.q\.?|q&a|foire\s+aux\s+questions|preguntas\s+frecuentes|perguntas\s+frequentes|"
    r"domande\s+frequenti|veelgestelde\s+vragen|leaflets?|brochures?|booklets?|handbooks?|manuals?|guidebooks?|"
    rf"{_GUIDE_DOC}|info(?:rmation)?\s*sheets?|fact\s*sheets?|checklists?|"
    rf"price\s*lists?|knowledge\s*base|folletos?|fichas?|{_GUIA_DOC}|hojas?\s+informativas?|reglamentos?|"
    r"livrets?|fiches?|notices?|d[ée]pliants?|plaquettes?|r[èe]glements?|manuels?|folhetos?|informativos?|"
    r"cartilhas?|regulamentos?|opuscol[oi]|volantin[oi]|guida|manuale|regolamento|fogli?o?\s+illustrativ[oi]|"
    r"schede?\s+informativ[ae]|vademecum|\w*merkbl[äa]tt\w*|\w*brosch[üu]re\w*|\w*handbuch\w*|\w*leitfaden\w*|"
    r"\w*infobl[äa]tt\w*|\w*faltbl[äa]tt\w*|\w*vereinbarung\w*|\w*folders?|\w*gids(?:en)?|\w*handleiding\w*|"
    r"\w*handboek\w*|(?:informatie|info)bla(?:d|den)|\w*bijsluiters?|syllabus|syllabi|course\s+catalog(?:ue)?s?|"
    # a German course or timetable plan ("aus unserem Kursplan"), not a plan the assistant writes ("Trainingsplan")
    r"(?:kurs|stunden|lehr|fahr|vorlesungs|veranstaltungs|semester)pl[äa]ne?n?)\b"
)
_ANSWER_VERB = (
    r"\b(?:answer\w*|respond\w*|répond\w*|contest\w*|beantwort\w*|antwort\w*|rispond\w*|antwoord\w*|"
    r"beantwoord\w*)\b"
)
# An assistant that explains from a document answers from it too: "qui explique les démarches … à partir de notre
# FAQ", "explains our return rules from the handbook", "erklärt … aus unserem Merkblatt", "legt uit … uit de folder".
_EXPLAIN_VERB = r"\b(?:explain\w*|expliqu\w*|erklär\w*|explic\w*|spieg\w*|legt\s+(?:\w+\s+){0,6}?uit|uitleg\w*)\b"
_QA_WORD = (
    _ANSWER_VERB
    + r"|\b(?:questions?|queries|enquir\w+|inquir\w+|preguntas?|dudas|fragen|domande|vragen|perguntas?|d[úu]vidas)\b"
)
_ONLY_WORD = (
    r"\b(?:only|solely|exclusively|uniquement|seulement|exclusivement|solo|sólo|solamente|únicamente|"
    r"exclusivamente|só|somente|apenas|nur|ausschlie(?:ß|ss)lich|lediglich|soltanto|unicamente|esclusivamente|"
    r"alleen|uitsluitend)\b"
)
# How an answer rests on a document: "using", "based on", "en s'appuyant (uniquement) sur", "op basis van", "anhand".
_GROUNDED_ON = (
    r"\b(?:using|with|from|based\s+on|on\s+the\s+basis\s+of|according\s+to|out\s+of|"
    r"en\s+s['’]appuyant\s+(?:\w+\s+)?sur|en\s+se\s+basant\s+(?:\w+\s+)?sur|sur\s+la\s+base\s+d[eu]|à\s+partir\s+d[eu]|"
    r"d['’]après|selon|en\s+utilisant|avec|usando|utilizando|con|bas[áa]ndo(?:se|te)\s+en|con\s+base\s+en|"
    r"en\s+base\s+a|a\s+partir\s+de|seg[úu]n|de\s+acuerdo\s+con|com\s+base\s+n[oa]s?|de\s+acordo\s+com|conforme|com|"
    r"anhand|mit|auf\s+(?:der\s+)?(?:Basis|Grundlage)|basierend\s+auf|gest[üu]tzt\s+auf|laut|gem[äa](?:ß|ss)|"
    r"in\s+base\s+a|sulla\s+base\s+d\w*|basando(?:si|ti)\s+su|attingendo\s+(?:a|da)|secondo|"
    r"op\s+basis\s+van|aan\s+de\s+hand\s+van|met|volgens|vanuit|"
    # "vragen beantwoordt uit onze praktijkfolder", "Fragen aus unserem Kursplan", "risponde dalla nostra guida"
    r"uit|aus|dal|dalla|dallo|dai|dagli|dalle|dall['’])\b"
)
# A source taken from, for an explaining verb: not "with" ("explains the rules with examples from the booklet" still
# reads "from")
_TAKEN_FROM = (
    r"\b(?:from|based\s+on|on\s+the\s+basis\s+of|according\s+to|out\s+of|using|"
    r"en\s+s['’]appuyant\s+(?:\w+\s+)?sur|en\s+se\s+basant\s+(?:\w+\s+)?sur|sur\s+la\s+base\s+d[eu]|à\s+partir\s+d[eu]|"
    r"d['’]après|selon|bas[áa]ndo(?:se|te)\s+en|con\s+base\s+en|en\s+base\s+a|a\s+partir\s+de|seg[úu]n|"
    r"com\s+base\s+n[oa]s?|de\s+acordo\s+com|anhand|auf\s+(?:der\s+)?(?:Basis|Grundlage)|basierend\s+auf|laut|aus|"
    r"in\s+base\s+a|sulla\s+base\s+d\w*|basando(?:si|ti)\s+su|secondo|dal|dalla|dallo|dai|dagli|dalle|"
    r"op\s+basis\s+van|aan\s+de\s+hand\s+van|volgens|uit|vanuit)\b"
)
_ANSWERS_FROM_SOURCE = (
    # "answers patients' questions using our clinic info sheet", "vragen beantwoordt op basis van onze praktijkfolder"
    rf"{_ANSWER_VERB}[^.\n]{{0,250}}?{_GROUNDED_ON}\s+(?:{_ONLY_WORD}\s+)?(?:[\w'’-]+\s+|[ld]['’]){{0,4}}?{_SOURCE_DOC}|"
    # "en s'appuyant uniquement sur notre FAQ", "nur anhand unserer beiden Merkblätter", "Use só o informativo": the
    # only source, with questions or answers said within the same stretch of the brief
    rf"(?:{_QA_WORD})[\s\S]{{0,300}}?{_ONLY_WORD}\s+(?:[\w'’-]+\s+|[ld]['’]){{0,4}}?{_SOURCE_DOC}|"
    rf"{_ONLY_WORD}\s+(?:[\w'’-]+\s+|[ld]['’]){{0,4}}?{_SOURCE_DOC}[\s\S]{{0,300}}?(?:{_QA_WORD})|"
    # "qui explique les démarches en termes généraux à partir de notre FAQ"
    rf"{_EXPLAIN_VERB}[^.\n]{{0,120}}?{_TAKEN_FROM}\s+(?:{_ONLY_WORD}\s+)?(?:[\w'’-]+\s+|[ld]['’]){{0,4}}?{_SOURCE_DOC}|"
    # "der Fragen aus unserem Kursplan beantwortet", "die vragen uit de folder beantwoordt": the verb comes last
    rf"\b(?:questions|fragen|vragen|domande|preguntas|perguntas|d[úu]vidas)\s+(?:\w+\s+){{0,3}}?{_TAKEN_FROM}\s+"
    rf"(?:[\w'’-]+\s+|[ld]['’]){{0,4}}?{_SOURCE_DOC}[^.\n]{{0,60}}?{_ANSWER_VERB}|"
    # "Fragen beantwortet … Grundlage ist unsere FAQ", "answers questions … The basis is our handbook", "La base es
    # nuestra FAQ": the document named as the basis of the answers, in a sentence of its own
    rf"(?:{_QA_WORD})[\s\S]{{0,300}}?\b(?:grundlage|basis|base|source|bron|fonte|fuente)\s+"
    rf"(?:ist|sind|bildet|bilden|is|are|es|son|est|sont|è|sono|é|são|vormt|vormen)\s+(?:[\w'’-]+\s+){{0,3}}?{_SOURCE_DOC}"
)

DOCUMENT_QA = Archetype(
    id="document_qa",
    title="Document question answering",
    # ("経費規程に書いてあることだけ … 質問に答える": answering questions from the document is this job itself)
    covers_cues=("answers questions (ja/zh)",),
    features=(
        feat(
            "answer from documents",
            r"\banswer\w* (?:the )?(?:[\w'&-]+ ){0,2}?questions? (?:based on|using|over|from (?:the|our|a|an) "
            r"(?:docs?|documents?|manuals?|handbook|polic(?:y|ies)|wiki|faq|articles?|knowledge base))\b|\b(?:faq|q&a|qa) (?:bot|assistant|chatbot)\b",
            4,
        ),
        feat(
            "supplied sources",
            r"\b(?:only|solely|strictly) (?:from|using|on) (?:the )?(?:supplied|provided|given|attached|retrieved)\b|\b(?:supplied|provided|retrieved|attached) (?:documents?|sources|context|passages|articles?|files?|pdfs?)\b|\b(?:using|from|based on|in) (?:the |our |this )?(?:[\w-]+ ){0,3}?(?:provided|supplied|attached|given)\b|\bbased on (?:the |our )?(?:attached|provided|supplied)\b|\bgrounded in\b|\bthe attached\b(?!\s+(?:json\s+)?(?:schema|template|form|format|example))|\b(?:using|from|based on|according to) (?:only |solely )?(?:the |our |this |their )?(?:[\w-]+ ){0,3}?(?:[\"“][^\"”\n]{1,60}[\"”] )?(?:articles|docs|documents|documentation|knowledge ?base|faqs?|handbook|manuals?|wiki)\b"
            # "using ONLY our "Eating Well on Dialysis" booklet": a printed source to answer from, when only it counts
            # (not "flashcards from the booklet I paste", nor "our old brochures as a style guide")
            r"|\b(?:using|from|based on|according to) (?:only|solely) (?:the |our |this |their )?(?:[\w-]+ ){0,3}?"
            r"(?:[\"“][^\"”\n]{1,60}[\"”] )?(?:booklets?|leaflets?|guidebooks?|rulebooks?)\b",
            5,
        ),
        feat(
            "documents",
            # ("a policy NGO", "our policy team": people who make policy, not a policy document to answer from)
            r"\bdocuments?\b|\bdocs\b|\bmanuals?\b|\bhandbook\b|\bknowledge ?base\b|\bpolic(?:y|ies)\b(?!\s+(?:ngos?|team|people|staff|makers?|analysts?|briefs?|officers?|advis[eo]rs?|research|questions?|papers?|areas?|work)\b)|\bcontracts?\b|\bfaqs?\b|\bhelp[- ]?(?:center|centre) (?:articles?|pages?)\b|\b10-[kq]\b|\bfilings?\b|"
            # a source document named in the other languages briefs arrive in
            r"\b(?:documenti|documentos|fogli(?:o)? illustrativ[oi]|"
            r"bugiardin[oi]|prospectos?|beipackzettel\w*|bijsluiters?|folhetos?|bulas?)\b",
            2,
        ),
        # (not "jamais de citation inventée", "pas sûr d'une citation": a French citation is a quotation)
        feat(
            "citations",
            r"(?<!\bde )(?<!\bd'une )(?<!\bd’une )\bcit(?:e|es|ing|ations?)\b(?!\s+invent)|\bsources?\b|\breferences?\b",
            3,
        ),
        feat("rag", r"\brag\b|\bretrieval\b|\bgrounded\b", 4),
        # "que conteste solo con lo que pone este resumen", "qui réponde uniquement à partir de", "die nur anhand …
        # antwortet": answers taken only from a given text, in the other languages briefs arrive in.
        feat(
            "answers only from a text",
            r"\b(?:contest\w*|respond\w*|responda\w*|répond\w*|antwort\w*|beantwort\w*|rispond\w*|antwoord\w*|beantwoord\w*)\b"
            r"[^.\n]{0,40}?\b(?:solo|sólo|solamente|únicamente|seulement|uniquement|nur|ausschlie(?:ß|ss)lich|soltanto|"
            r"apenas|somente|alleen|uitsluitend)\b[^.\n]{0,30}?\b(?:resumen|documento|texto|información|guía|manual|"
            r"política|normas|reglamento|convenio|tabla|document|texte|informations|guide|règlement|unterlagen|dokument|"
            r"text|angaben|informationen|handbuch|richtlinie|riassunto|testo|informazioni|guida|regolamento|resumo|"
            r"informações|guia|regulamento|samenvatting|tekst|informatie|handleiding|documenti|documentos|documents|"
            r"fogli\w*|foglio|bugiardin\w*|prospectos?|folletos?|notices?|livrets?|brochures?|beipackzettel|bijsluiters?|"
            r"folhetos?|bulas?|opuscol\w*|lo\s+que\s+(?:pone|dice)|"
            r"ce\s+que\s+dit|was\s+(?:da|hier|dort)\s+steht|quello\s+che\s+(?:dice|c'è)|o\s+que\s+(?:diz|está)|"
            r"wat\s+er\s+staat)",
            8,
        ),
        # "usando SOLO i fogli illustrativi che carichiamo", "en utilisant uniquement la notice": the source named
        # after "only" (a text word is left out: "con solo texto" is a format rule)
        feat(
            "using only a source",
            # (said of the answers: "risponda alle domande … usando SOLO i fogli illustrativi", not "riassumi usando solo
            # il documento allegato", "flashcards usando solo el resumen", "usando solo nuestra guía de estilo")
            r"\b(?:contest\w*|respond\w*|responda\w*|répond\w*|antwort\w*|beantwort\w*|rispond\w*|antwoord\w*|beantwoord\w*)\b"
            r"[^.\n]{0,100}?(?:"
            r"\b(?:usando|utilizzando|utilizando|en\s+utilisant|anhand|mit|basándose\s+en|basandosi\s+su|com\s+base\s+em|"
            r"op\s+basis\s+van)\s+(?:solo|sólo|solamente|únicamente|uniquement|seulement|nur|soltanto|apenas|somente|alleen)"
            r"\s+(?:(?:i|le|gli|il|la|los|las|el|les|die|den|der|o|os|a|as|de|het|nostr[ie]|nuestr[oa]s?|nos|unsere[nm]?|"
            r"este|esta|estos|questo|questa|ce|cette|dieses|diese|deze|dit|esse|essa)\s+)*"
            r"(?:document\w*|fogli\w*|foglio|bugiardin\w*|prospectos?|folletos?|notices?|livrets?|beipackzettel\w*|"
            r"bijsluiters?|folhetos?|bulas?|manual\w*|manuel\w*|handbuch\w*|handleiding\w*|guía|guida|guide|guia|"
            r"unterlagen|schede|fichas?|fiches?|resumen|riassunto|résumé|resumo|zusammenfassung|samenvatting)\b|"
            # "NUR auf Basis des folgenden Textes", "solo sulla base del testo": the basis of every answer
            r"\b(?:nur|ausschlie(?:ß|ss)lich|solo|sólo|únicamente|uniquement|seulement|apenas|somente|soltanto|alleen)\s+"
            r"(?:auf\s+(?:der\s+)?(?:Basis|Grundlage)|sulla\s+base|con\s+base\s+en|en\s+base\s+a|sur\s+la\s+base|"
            r"com\s+base\s+n[oa]s?|op\s+basis\s+van)\s+(?:\w+\s+){0,3}?(?:Text\w*|texto|texte|testo|tekst|Dokument\w*|"
            r"documento|document|Unterlagen|informaci[oó]n|resumen|riassunto|résumé|resumo)\b)",
            8,
        ),
        # answers taken from a document the business names (its FAQ, leaflet, handbook, info sheet), in any language
        feat("answers from a named source", _ANSWERS_FROM_SOURCE, 8),
        feat(
            "don't-know path",
            r"\b(?:doesn't|does not|don't|do not) know\b|\bnot in the (?:docs|documents|sources|article|text|booklet|leaflet|guide|manual|handbook)\b|\bno making (?:stuff|things) up\b|\bwithout making (?:stuff|things) up\b",
            3,
        ),
    ),
    role="You are a question-answering assistant{for_product} that answers from {sources}.",
    noun="question-answering assistant",
    objective="Answer each question using only {sources}, and cite the passages you used.",
    success="Success means every answer comes only from {sources}, cites the passage it relies on, and says so plainly when the answer is not in {sources}.",
    rules=(
        rule(
            "Answer only from {sources}; do not use outside knowledge.",
            "The approved source of truth is {sources}; outside facts may be outdated or wrong.",
            group="Grounding",
        ),
        rule(
            "Cite the supporting passage {cite_where}, naming the document and section, for example {citation}.",
            "Citations let the reader verify the answer.",
            group="Grounding",
        ),
        rule(
            "Quote the relevant sentence before paraphrasing it when the wording matters (dates, amounts, legal terms).",
            "Paraphrase can change the meaning of precise terms.",
            group="Grounding",
        ),
        rule(
            "If documents disagree, present both statements with their citations.",
            "Picking one silently hides a conflict the reader needs to know about.",
            group="Grounding",
        ),
    ),
    output=OutputFormat(
        kind="prose",
        description=("A direct answer of at most {max_words} words with {citations_placed} like {citation}."),
    ),
    examples=(
        Example(
            input="How many vacation days do new employees get?",
            output="New employees get 25 vacation days per year [doc: Employee Handbook, section 4.2].",
        ),
        Example(
            input="What is the CEO's salary?",
            output="I don't know based on the provided documents.",
        ),
    ),
    out_of_scope="Say that you answer questions about {sources} only.",
    when_unsure='Reply: "I don\'t know based on {sources}."',
    variables=(
        var("document", "The source document(s) the answer is based on."),
        var("question", "The user's question."),
    ),
    context=(
        "People act on these answers, so an unsupported answer does more harm than admitting that the answer is not in {sources}.",
    ),
    drop_variables=("content", "review", "text", "ticket", "sources"),
    final_reminder="Answer from {sources} only, with citations.",
    grounded_in_sources=True,
    cites_documents=True,
    conversational=True,
    example_kind="document_qa",
    # As a second job (a study buddy, a support chat that uses a manual) the grounding carries over; citations after
    # every claim, in a document-and-section form, are the Q&A job's own reply shape and would clutter the other's.
    blend_rules=(
        rule(
            "Answer only from {sources}; do not use outside knowledge.",
            "The approved source of truth is {sources}; outside facts may be outdated or wrong.",
            group="Grounding",
        ),
    ),
    personas=(Persona(with_archetype="customer_support", user_term="customer", noun="customer support assistant"),),
    fallback_rules=(
        rule(
            'When the answer is not in {sources}, reply exactly: "I don\'t know based on {sources}."',
            "An honest gap is better than a fabricated answer.",
            group="Grounding",
        ),
    ),
)

# The rules summarization brings into another job's prompt when it is a secondary: its job's essentials, not
# the rules that shape a whole reply (they would contradict the primary job's output).
_SUMMARIZATION_ESSENTIAL = (
    rule(
        "Include only information stated in the input.",
        "A summary that adds facts misrepresents the source.",
    ),
    rule(
        "Keep names, numbers, dates and commitments exact.",
        "These details are what readers act on.",
    ),
)

SUMMARIZATION = Archetype(
    yields_to_tools=True,
    yields_to_key_record=True,
    id="summarization",
    title="Summariser",
    features=(
        feat("summarise", r"\bsummar\w*\b|\btl;?dr\b|\bcondens\w*\b|\bgist\b|\bcatch (?:me|us|them) up\b", 8),
        # the verb in the other languages of the brief corpus ("Résumer des arrêts", "fasse die Protokolle zusammen")
        feat(
            "summarise (other languages)",
            r"\br[ée]sumer\b|\br[ée]sumez\b|\bresumir\b|\bresum[ae]\s+(?:el|la|los|las|o|a|os|as|est[ea]s?|cada)\b|"
            r"\bzusammenfass\w*|\bfass\w*\s+(?:\w+\s+){0,6}zusammen\b|\briassum\w*|\bsamenvat\w*|要約|总结|摘要|概括",
            8,
        ),
        # the noun after a writing verb ("scrivi un riepilogo per i tecnici", "redacta un resumen"): the thing written
        # is a summary (not the verb alone in "riepiloga la prenotazione", a read-back before booking)
        feat(
            "write a summary (other languages)",
            r"\b(?:scriv\w*|fa(?:i|te)|prepar\w*|redig\w*|compil\w*|escrib\w*|redact\w*|haz|hace\w*|elabor\w*|"
            r"[ée]cri[st]\w*|r[ée]dig\w*|fai(?:s|tes)|escrev\w*|fa[çz]a)\s+(?:\w+\s+){0,2}?"
            r"(?:riepilog(?:o|hi)|riassunt[oi]|resumen(?:es)?|r[ée]sum[ée]s?|resumos?|s[íi]ntesis|synth[èe]ses?)\b",
            8,
        ),
        # "a short version of the show report, same layout", "una versión corta", "eine Kurzfassung": a digest
        feat(
            "short version",
            r"\b(?:short(?:er)?|brief|condensed|trimmed|cut-down)\s+version\b|\bversi[óo]n\s+(?:corta|breve|resumida)\b|"
            r"\bkurzfassung\w*|\bkurzversion\w*|\bversion\s+(?:courte|abr[ée]g[ée]e|condens[ée]e)\b|"
            r"\bvers[ãa]o\s+(?:curta|resumida|breve)\b|\bversione\s+(?:breve|corta|ridotta)\b|\bkorte\s+versie\b",
            6,
        ),
        feat("entries into a report (any language)", ENTRIES_TO_REPORT, 8),
        feat("release notes", r"\bchange-?logs?\b|\brelease\s+notes\b|\bcommit\s+(?:messages|msgs|logs?)\b", 8),
        # (not an image's "pinned tag or digest", a "sha256 digest")
        feat(
            "key points",
            r"\bkey (?:points|takeaways|findings)\b|(?<!\btag or )(?<!\bversion or )(?<!\bhash or )(?<!\bimage )(?<!\bsha256 )(?<!\bsha )\bdigests?\b|"
            r"\bhighlights\b|\brecaps?\b",
            3,
        ),
        # "writes a briefing for the 07:15 crew meeting from the ops log": a briefing condenses what happened
        # (the thing written, not the client's "briefing" an ad agency works from: "a partir do briefing do cliente")
        feat(
            "briefing",
            r"\b(?:writ\w*|prepar\w*|draft\w*|giv\w*|produc\w*|creat\w*|mak\w*|compil\w*)\s+(?:\w+\s+){0,3}?briefings?\b|"
            r"\bbriefings?\s+(?:for|before)\b|\bhandover\s+(?:notes?|summary|report)\b",
            6,
        ),
        feat("long input", r"\barticles?\b|\breports?\b|\bpapers?\b|\bdocuments?\b|\bthreads?\b|\btranscripts?\b", 1),
    ),
    role="You are a summarisation assistant{for_product}.",
    noun="summarisation assistant",
    success="Success means a reader can act on the summary without reading the original, and the summary states nothing the source does not.",
    objective="Condense the input into a faithful summary that a reader can act on without reading the original.",
    rules=(
        *_SUMMARIZATION_ESSENTIAL,
        rule(
            "Lead with the main conclusion or decision, then the supporting points in order of importance.",
            "Readers of summaries often stop after the first sentence.",
        ),
        rule(
            "Preserve the author's stance; report uncertainty or disagreement in the source as such.",
            "Flattening nuance misleads the reader.",
        ),
    ),
    blend_rules=_SUMMARIZATION_ESSENTIAL,
    output=OutputFormat(
        kind="bullets",
        description="A one-sentence headline, then at most 5 bullet points, {max_words} words in total at most.",
    ),
    examples=(
        Example(
            input="[A 2,000-word incident report about a 3-hour checkout outage on 4 May caused by an expired certificate.]",
            output=(
                "Checkout was down for 3 hours on 4 May because a TLS certificate expired.\n"
                "- Cause: the renewal job had been disabled during a migration.\n"
                "- Impact: no orders could be placed between 09:00 and 12:00 UTC.\n"
                "- Follow-up: the platform team adds expiry alerts by 31 May."
            ),
        ),
    ),
    out_of_scope="Say that you summarise the supplied text only.",
    when_unsure="Say which part of the input is unclear or missing instead of filling the gap.",
    variables=(var("document", "The text to summarise."),),
    drop_variables=("question", "review", "content"),
    replaceable_inputs=("document",),
    final_reminder="Summarise the input faithfully, main point first.",
    example_kind="summary",
    variants=(NOTES_TO_TEXT, TIGHTENING),
)

DATA_ARCHETYPES: tuple[Archetype, ...] = (
    DATA_EXTRACTION,
    CLASSIFICATION,
    CONTENT_MODERATION,
    DOCUMENT_QA,
    SUMMARIZATION,
)
