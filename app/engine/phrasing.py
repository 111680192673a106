"""Turn the user's free-text task into prompt prose: the task as an imperative sentence, and the role line."""

from __future__ import annotations

import re

from app.engine.assistant_name import without_assistant_name

_WS = re.compile(r"\s+")
_META_PROMPT = re.compile(
    # ("prompt to sort our gym app emails …": the request may come without its verb)
    r"^(?:please\s+)?(?:(?:(?:write|create|generate|build|make|design|draft|give|i need|we need|i want|we want|"
    r"need|want|"
    r"(?:i'm\s+|i\s+am\s+|we're\s+|we\s+are\s+)?(?:writing|creating|building|drafting))"
    r"\s+)(?:me\s+|us\s+)?(?:a\s+|an\s+|the\s+)?(?:good\s+)?(?:system\s+)?prompt\s+(?:for|that|to|which)|"
    # without a verb only "system prompt for …" or "prompt to <job>" ("Prompt for the booking reference" is a rule)
    r"(?:a\s+|an\s+|the\s+)?system\s+prompt\s+(?:for|that|to|which)|prompt\s+to|"
    r"prompt\s+for(?=\s+(?:a|an|my|our|the)\s|\s+\w+ing\b)|"
    # "Prompt wanted: turn hospital discharge letters into …", "System prompt needed:"
    r"(?:system\s+)?prompt\s+(?:wanted|needed|request(?:ed)?)\s*:)\s+(?:an?\s+)?",
    re.IGNORECASE,
)
_META_BUILD = re.compile(
    r"^(?:please\s+)?(?:write|create|build|make|design|set up|i need|we need|i want|we want|need|want|"
    r"looking for|i'm looking for|we're looking for)\s+(?:me\s+|us\s+)?(?=an?\s)",
    re.IGNORECASE,
)
_AGENT_NOUNS = (
    "bot|chatbot|agent|assistant|helper|copilot|analyst|planner|tutor|coach|reviewer|writer|moderator|classifier|"
    "buddy|companion|partner|pal|trainer|mentor|"
    "grader|translator|summari[sz]er|model|system|gpt|llm|tool|widget|service"
)
_AGENT_THAT = re.compile(
    rf"^(?:an?\s+|the\s+)?(?:[\w'&.+/-]+\s+){{0,3}}?(?:{_AGENT_NOUNS})"
    # "a chatbot on the site that can …", "a bot on our website + whatsapp to book …": where it lives is no job.
    r"(?:\s+(?:on|for|in|at)\s+(?:[\w'&.+/-]+\s+){0,4}?[\w'&.+/-]+)?"
    r"\s+(?:that|which|who|to)\s+(?:(?:can|will|should|could|would|must)\s+)?",
    re.IGNORECASE,
)
# "a Postgres SQL helper for our analytics team": the assistant itself (not "a packing list", "a quiz of 10
# questions": the thing the assistant makes)
_AGENT_ASKED = re.compile(
    rf"^(?:an?\s+|the\s+)?(?:[\w'&.+/-]+\s+){{0,4}}?(?:{_AGENT_NOUNS}|(?:game|dungeon|quiz)\s*master|concierge|"
    r"character|persona|friend|host|narrator|interviewer|advis[eo]r|expert|teacher|sidekick|pen\s?pal)\b",
    re.IGNORECASE,
)
# "a study buddy who quizzes my daughter …": the assistant asked for, with its job after it
_RELATIVE_JOB = re.compile(r"\b(?:who|that|which)\s+\w+", re.IGNORECASE)
# Base forms of the verbs tasks start with; a task that starts with one reads as an instruction already.
VERBS = frozenset(
    """
    act advise analyse analyze answer apply assess assist audit book build categorise categorize check classify coach
    compare compose condense conduct convert create critique debug design detect digest draft edit evaluate explain
    extract file find fix flag format generate get give go grade guide handle help identify improve interview keep
    label list localise localize look make moderate monitor normalise normalize parse plan polish practice practise
    prepare proofread pull quiz rank rate read recommend refactor reformat reply research resolve respond return review
    say send show rewrite route run schedule score screen search simplify simulate sort suggest summarise summarize
    support tag take teach tell test track transform translate triage turn tutor update walk write
    escalate notify remind collect verify process assign draft book match recommend welcome onboard greet hold cheer
    brainstorm name invent organise organize calculate estimate forecast predict negotiate pitch outline paraphrase
    shorten expand caption describe discuss chat converse motivate encourage remember capture prioritise prioritize
    call ask reveal offer celebrate congratulate award count host pick present reward wait start finish post confirm
    """.split()  # noqa: SIM905  (one wrapped word list reads better than 130 quoted literals)
)
_NOT_REPORTED = (
    r"(?<!\bsay )(?<!\bsays )(?<!\bsay that )(?<!\bexplain )(?<!\bexplain that )(?<!\bconfirm )(?<!\bstate )"
    r"(?<!\bstate that )(?<!\btell them that )(?<!\btell them )(?<!\btell the customer )(?<!\btell the user )"
    r"(?<!\btell the guest )(?<!\btell the caller )(?<!\bremind them )(?<!\blet them know )"
)
# "only book if it doesn't work", "if it doesn't help, escalate": what a thing (a fix, a machine) does or fails to do;
# "it" there is no assistant (but "It doesn't help with billing disputes" is the bot)
_THING_VERB = (
    r"(?!\s+(?:work|help(?!\s+(?:with|out|on)\b)|fit|apply|matter|exist|load|start|arrive|match|come|show|print|"
    r"charge|drain|heat|cool|spin|close|open|turn|fix|solve|stop|run|boot|connect|go|happen|resolve|compile|pass|change|sync|improve|clear|"
    r"appear|last|finish|succeed)\b)"
)
_PRONOUNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # (the bot as "it"; not a thing said to be so: "say it cannot be undone", "explain that it is not refundable")
    (re.compile(rf"{_NOT_REPORTED}\bit (doesn't|does not)\b{_THING_VERB}", re.I), "you don't"),
    (re.compile(rf"{_NOT_REPORTED}\bit (can't|cannot)\b(?!\s+be\b){_THING_VERB}", re.I), "you can't"),
    (re.compile(rf"{_NOT_REPORTED}\bit (isn't|is not)\b(?!\s+\w+[ai]ble\b)", re.I), "you are not"),
    (re.compile(r"\bi'm\b", re.I), "they're"),
    (re.compile(r"\bi've\b", re.I), "they've"),
    (re.compile(r"\bmyself\b", re.I), "themselves"),
    (re.compile(r"\bi\b"), "they"),
)
# "Support agent for ...", "Review bot that ...": a verb-like word used as a modifier of an agent noun.
_TOPICS_AFTER = re.compile(r"^(?:do|handle|cover|deal\s+with|answer)\s*:\s*", re.IGNORECASE)
_NOUN_PHRASE = re.compile(rf"^[\w-]+\s+(?:{_AGENT_NOUNS}|agents|bots|engine|desk)\b", re.IGNORECASE)
_ME = re.compile(r"\bme\b", re.I)
_MY_GROUP = re.compile(r"\bmy (team|company|org|organi[sz]ation|department|business)\b", re.I)
_MY = re.compile(r"\bmy\b", re.I)
_OUR = re.compile(r"\bour\b(?!\s+own\b)", re.I)  # ("we do our own valuations": never "the own")


def _base_form(word: str) -> str | None:
    """The base form of a verb in the third person ("triages" -> "triage"), or None when it is no known verb."""
    lower = word.lower()
    if lower in VERBS:
        return lower
    candidates = []
    if lower.endswith("zzes"):
        candidates.append(lower[:-3])  # "quizzes" -> "quiz"
    if lower.endswith("ies"):
        candidates.append(lower[:-3] + "y")
    if lower.endswith("es"):
        candidates.append(lower[:-2])
    if lower.endswith("s"):
        candidates.append(lower[:-1])
    return next((c for c in candidates if c in VERBS), None)


def base_form(word: str) -> str | None:
    """The base form of a known verb in the third person ("triages" -> "triage"), or None."""
    return _base_form(word)


def is_third_person_verb(word: str) -> bool:
    """Whether a word is a known verb in the third person singular ("reads", "triages")."""
    base = _base_form(word)
    return base is not None and base != word.lower()


# Words to say, in quotes: 'reply with exactly: "I'm really glad you told me."' keeps its first person.
_QUOTED_WORDS = re.compile(r'"[^"\n]*"|“[^”\n]*”|«[^»\n]*»|「[^」\n]*」')


# A verb of writing with its "only" ("write only:", "schrijf dan alleen:"): a reply, never a ban on its words
_WRITE_ONLY = (
    r"(?:(?:write|output|print)\s+(?:only|just)|"
    r"(?:escribe|escriba|escrib[ií]|escreve|escreva)(?:\s+(?:entonces|então))?\s+"
    r"(?:solo|sólo|solamente|únicamente|apenas|só|somente)|"
    r"(?:schreib|schreibe|schreiben\s+Sie|gib)(?:\s+dann)?\s+(?:nur|ausschließlich|einzig)|"
    r"(?:écris|écrivez|écrire)(?:\s+alors)?\s+(?:seulement|uniquement|simplement|juste)|"
    r"(?:scrivi|scriva|scrivere)(?:\s+allora)?\s+(?:solo|soltanto|solamente|unicamente)|"
    r"(?:schrijf|schrijft|schrijven)(?:\s+dan)?\s+(?:alleen|enkel|uitsluitend))"
    # ("Output only: JSON", "Write only: English": a format or a language, not the words of the reply)
    r"(?=\s*[:：]\s*(?!(?:JSON|SQL|CSV|TSV|XML|YAML|HTML|Markdown|English|Englisch|anglais|inglés|inglese|Engels|"
    r"Spanish|German|French|Deutsch|Français|Español|Italiano|Nederlands|Português)\b))"
)


# "… and reply only: That sounds really important. Please tell …", "En ese caso responde: No puedo …": a verb of
# replying right before the colon, after words of the same sentence (a line's own "Answer:" label is no order), and a
# text that opens with a capital (a lowercase "reply with: the label only" describes the reply)
REPLY_COLON = (
    # (after a case's arrow or colon too: "Empty log -> write only: NONE", "If the log is empty: reply only: NONE")
    r"(?<=[\w,;:>→]\s)(?:"
    # (not the noun: "End each reply with: Kind regards, Anna." is the closing line, read as such)
    r"(?<!\beach\s)(?<!\bevery\s)(?<!\bthe\s)(?<!\byour\s)(?<!\bits\s)(?<!\ba\s)(?<!\ban\s)"
    r"(?:reply|respond|answer|say|tell\s+(?:them|him|her))(?:\s+(?:only|just|simply))?(?:\s+with)?(?:\s+only)?|"
    r"(?:responde|responda|contesta|conteste|dile|diles|dígale|dígales|diga|diz|responder)"
    r"(?:\s+(?:solo|sólo|solamente|únicamente|apenas|só|somente))?(?:\s+com?)?|"
    r"(?:antworte|antwortet|antworten\s+Sie|sag|sage|sagen\s+Sie)(?:\s+(?:nur|ausschließlich|einfach))?(?:\s+mit)?|"
    r"(?:répondez|réponds|répondre|dites|dis|dire)(?:\s+(?:uniquement|seulement|simplement|juste))?"
    r"(?:\s+(?:par|avec))?|"
    r"(?:rispondi|risponda|rispondere|dica|dì)(?:\s+(?:solo|soltanto|solamente|semplicemente))?(?:\s+con)?|"
    r"(?:antwoord|antwoorden|reageer|zeg|zeggen)(?:\s+dan)?(?:\s+(?:alleen|enkel|uitsluitend|gewoon))?(?:\s+met)?|"
    # "write only: NO ENTRIES", "schrijf dan alleen:", "schreib nur:", "écris seulement :", "escribe solo:", "scrivi
    # solo:": a verb of writing is a reply only with its "only" (a bare "Write: a haiku" names the task)
    rf"{_WRITE_ONLY}"
    r")\s*[:：]\s*(?=(?-i:[A-ZÀ-ÖØ-Þ¿¡]))"
)
_FIXED_TAIL = re.compile(
    r"\b(?:(?:reply|respond|answer|say|write|send|use)\s+(?:with\s+)?(?:only|just|exactly)(?:\s+(?:this|the\s+following))?|"
    r"(?:word\s+for\s+word|verbatim|exactly\s+this))"
    # ("reply with exactly this sentence:")
    r"(?:\s+(?:sentence|text|line|message|words|reply|answer)s?)?\s*[:：]\s*(?=[^\"“\s])|" + REPLY_COLON,
    re.IGNORECASE,
)


def second_person(text: str, user: str) -> str:
    """The requester's first-person wording ("my grandma") rewritten for the assistant ("the user's grandma"); words
    in quotes (a reply to say exactly) stay as written, and so do the words after "reply with only this:"."""
    fixed = _FIXED_TAIL.search(text)
    if fixed is not None:
        # "… reply with only this: I'm really glad you told me.": the fixed reply is the assistant's own words
        return second_person(text[: fixed.end()], user) + text[fixed.end() :]
    if not _QUOTED_WORDS.search(text):
        return _second_person(text, user)
    out, position = [], 0
    for quote in _QUOTED_WORDS.finditer(text):
        out.append(_second_person(text[position : quote.start()], user) if quote.start() > position else "")
        out.append(quote.group(0))
        position = quote.end()
    out.append(_second_person(text[position:], user) if position < len(text) else "")
    return "".join(out)


def _second_person(text: str, user: str) -> str:
    """First-person wording of the requester ("help me", "my emails") rewritten for the assistant's instructions."""
    text = _MY_GROUP.sub(r"the \1", text)
    # "people at our climbing gym": the requester's business is "the" business to the assistant that works there.
    text = _OUR.sub(lambda m: "The" if m.group(0)[0] == "O" else "the", text)
    for pattern, repl in _PRONOUNS:
        text = pattern.sub(repl, text)
    if _ME.search(text):
        text = _ME.sub(f"the {user}", text, count=1)
        text = _ME.sub("them", text)
        return _MY.sub("their", text)
    # "buddy for my campaign and my players": the first "my" names the user, later ones refer back to them.
    return _MY.sub("their", _MY.sub(f"the {user}'s", text, count=1)) if _MY.search(text) else text


def verbs_to_base(text: str) -> str:
    """Third-person verbs at the start and after "and", "then" or a comma in base form ("asks ..., gives ..." ->
    "ask ..., give ...")."""
    return _verbs_to_base(text)


def _verbs_to_base(text: str) -> str:
    """Third-person verbs at the start and after "and" or a comma ("answers ... and escalates") in base form."""
    words = text.split(" ")
    for i, word in enumerate(words):
        if i == 0 or words[i - 1].lower() in {"and", "then", "or"} or words[i - 1].endswith(","):
            base = _base_form(word)
            if base is not None and word.lower() != base:
                words[i] = base
    return " ".join(words)


# Openers that talk about the request instead of the task: greetings, "can you", "I need", "looking for".
_GREETING = re.compile(
    r"^(?:(?:hi|hey|hello|ok|okay|so|basically|quick one|just|simply|really|maybe)\b[,!.:]*\s+)+", re.IGNORECASE
)
_POLITE = re.compile(
    r"^(?:please\s+|(?:can|could|would|will)\s+you\s+(?:please\s+)?|"
    r"i(?:'d| would) like(?: you)? to\s+|i(?:'m| am) trying to\s+)",
    re.IGNORECASE,
)
_META_WANT = re.compile(
    r"^(?:i|we)?\s*(?:really\s+|just\s+)?(?:need|want|would like|'d like|am looking for|'m looking for|"
    r"are looking for|looking for|require)\s+(?:you\s+to\s+)?(?:(?:make|build|write|create|design|set up|give)\s+)?"
    r"(?:me\s+|us\s+)?(?:a\s+|an\s+|some\s+)?(?:(?:good|simple|quick|small|solid|decent|system|new)\s+)*"
    r"(?:prompt|something|thing|way)\s+(?:for|that|which|to|who)\s+(?:an?\s+)?",
    re.IGNORECASE,
)
# "Preciso de um moderador automático para os anúncios antes de irem pro ar", "Quero um assistente para o chat … que
# passe para a equipa o que não consegue resolver": the sentence that asks for the assistant states the job; its
# "antes de" or "não" describes the job, it orders or bans nothing.
ASKS_FOR_ASSISTANT = re.compile(
    r"^\W*(?:(?:hi|hey|hello|oi|olá|ola|hola|hallo|bonjour|salut|ciao|hoi)\b\W*)?"
    r"(?:(?:i|we|je|nous|ich|wir|ik|wij|yo|nosotros|eu|nós|io|noi)\s+)?(?:really\s+|just\s+|so\s+)?"
    r"(?:need|want|would\s+like|['’]d\s+like|am\s+looking\s+for|['’]m\s+looking\s+for|are\s+looking\s+for|"
    r"preciso\s+de|precisamos\s+de|quero|queremos|queria|necesito|necesitamos|quiero|queremos|quisiera|"
    r"brauche|brauchen|möchte|möchten|suche|suchen|hätte\s+gern|j['’]ai\s+besoin\s+d['’]?|ai\s+besoin\s+d['’]?|"
    r"avons\s+besoin\s+d['’]?|veux|voudrais|voulons|cherche|cherchons|ho\s+bisogno\s+di|abbiamo\s+bisogno\s+di|"
    r"voglio|vogliamo|vorrei|cerco|cerchiamo|wil|willen|zoek|zoeken)\s*"
    r"(?:an?|um|uma|un|una|une|ein|eine|einen|een|some)\s+(?:[\w-]+\s+){0,3}?[\w-]*?"
    r"(?:bot|assistant|agent|helper|asistente|assistente|assistent\w*|agente|moderador\w*|moderator\w*|"
    r"modérateur|moderatore|companion|tutor|coach|tool|ferramenta|herramienta|werkzeug|outil|strumento)\b",
    re.IGNORECASE,
)
_META_MAKE = re.compile(
    r"^(?:help\s+(?:me|us)\s+(?:to\s+)?)?(?:write|create|generate|build|make|design|draft|give|set up)\s+"
    r"(?:me\s+|us\s+)?(?:a\s+|an\s+)?"
    r"(?:(?:good|simple|quick|small|solid|system)\s+)*prompt\s+(?:for|that|to|which)\s+(?:an?\s+)?",
    re.IGNORECASE,
)


# "Ich brauche einen Prompt für …", "Il me faut un prompt pour …", "Necesito un prompt para …": the request for a
# prompt, in the other languages briefs are written in; what follows it is the job.
_META_PROMPT_FOREIGN = re.compile(
    r"^\s*(?:(?:ich|wir)\s+(?:brauche|brauchen|möchte|möchten|hätte\s+gern|hätten\s+gern|suche|suchen)\s+"
    r"(?:einen|ein|den)\s+(?:\w+\s+)?prompt\s+(?:für|zum|zur)\s+|"
    r"(?:il\s+me\s+faut|il\s+nous\s+faut|j['’]ai\s+besoin\s+d['’]|nous\s+avons\s+besoin\s+d['’]|je\s+veux|"
    r"je\s+voudrais|nous\s+voulons)\s*(?:un|le)\s+(?:system\s+)?prompt\s+(?:pour|qui)\s+|"
    r"(?:necesito|necesitamos|quiero|queremos)\s+(?:un|el)\s+(?:system\s+)?prompt\s+(?:para|que|q)\s+|"
    # "hazme un prompt q escriba …", "fammi un prompt che …", "schreib mir einen Prompt, der …": asked for outright
    r"(?:hazme|haz|escr[ií]beme|cr[ée]ame|armame|ármame)\s+un\s+(?:system\s+)?prompt\s+(?:para|que|q)\s+|"
    r"(?:faz(?:-me)?|fa[çc]a|escreve(?:-me)?|cria(?:-me)?)\s+um\s+(?:system\s+)?prompt\s+(?:para|pra|que)\s+|"
    r"(?:fais|[ée]cris|cr[ée]e)(?:-moi|-nous)?\s+un\s+(?:system\s+)?prompt\s+(?:pour|qui)\s+|"
    r"(?:schreib|mach|erstell)e?\s+(?:mir|uns)\s+(?:einen|ein)\s+(?:\w+\s+)?prompt,?\s+(?:für|der|das|zum|zur)\s+|"
    r"(?:fammi|scrivimi|creami|fai|scrivi)\s+un\s+(?:system\s+)?prompt\s+(?:per|che)\s+|"
    r"(?:maak|schrijf)\s+(?:(?:voor\s+)?(?:mij|ons)\s+)?een\s+(?:system\s*)?prompt\s+(?:voor|die|dat)\s+|"
    r"(?:preciso|precisamos|quero|queremos)\s+(?:de\s+)?(?:um|o)\s+(?:system\s+)?prompt\s+(?:para|que)\s+|"
    r"(?:mi|ci)\s+serve\s+(?:un|il)\s+(?:system\s+)?prompt\s+(?:per|che)\s+|"
    r"vorrei\s+(?:un|il)\s+(?:system\s+)?prompt\s+(?:per|che)\s+|"
    r"(?:ik|we|wij)\s+(?:wil|willen|zoek|zoeken|heb|hebben)\s+(?:een\s+|de\s+)?(?:system\s*)?prompt\s+(?:nodig\s+)?"
    r"(?:voor|die|dat)\s+)",
    re.IGNORECASE,
)


def is_meta_request(sentence: str) -> bool:
    """Whether a sentence asks for the prompt itself ("I need a prompt for …", "Necesito un prompt para …")."""
    text = _WS.sub(" ", sentence).strip()
    return any(p.match(text) for p in (_META_PROMPT, _META_WANT, _META_MAKE, _META_PROMPT_FOREIGN)) or bool(
        re.search(r"プロンプトを(?:作|書)|提示词|プロンプトが(?:欲しい|ほしい)", text)
    )


def without_meta_request(text: str) -> str:
    """A job sentence without its request for a prompt, in any language the engine reads ("Ich brauche einen Prompt
    für einen Assistenten, der …" -> "Einen Assistenten, der …")."""
    stripped = _META_PROMPT_FOREIGN.sub("", text.strip(), count=1)
    # "…英語に翻訳するプロンプトを作ってください" -> "…英語に翻訳する"
    stripped = re.sub(
        r"(?<=[\u3040-\u30ff\u4e00-\u9fff])(?:ための|用の|の)?(?:システム)?プロンプトを(?:作|書)(?:って|いて)(?:ください|下さい|ほしい|欲しい)[。]?$",
        "",
        stripped,
    )
    if stripped == text.strip() or (len(stripped.split()) < 3 and stripped.isascii()):
        return text
    return stripped[0].upper() + stripped[1:]


def normalise(task: str) -> str:
    """Collapse whitespace and strip meta phrasing ("I need a prompt for ...", "Can you make me a bot that ...")."""
    text = _WS.sub(" ", without_assistant_name(task)).strip()
    stripped = text
    for pattern in (_GREETING, _POLITE, _META_PROMPT, _META_WANT, _META_MAKE):
        stripped = pattern.sub("", stripped, count=1).strip()
    return stripped or text


_IDENTIFIER_FIRST = re.compile(r"[a-z]\w*(?:_\w+|[A-Z]\w*)\b")


def sentence(text: str) -> str:
    """Capitalise the first letter and end with a full stop (an identifier such as "collected_at" stays as written)."""
    if "\n   " in text.strip():
        # a layout kept line by line ends with its own last line ("Work on: (one sentence)", "Note for family:")
        text = text.strip()
        return text[0].upper() + text[1:] if not _IDENTIFIER_FIRST.match(text) else text
    text = text.strip().rstrip(",;:")
    if not text:
        return text
    if not _IDENTIFIER_FIRST.match(text):
        text = text[0].upper() + text[1:]
    if text.endswith((".", "!", "?")) or (text[-1:] in "\"”»'’」" and text[-2:-1] in (".", "!", "?", "。")):
        return text  # 'must include this sentence: "… at any time."' already ends inside its quote
    return text + "."


# "pls make the bot answer ...", "the assistant should always reply ...", "I want it to ...": the directive to the
# builder around the instruction goes; what remains is the instruction itself.
META_DIRECTIVE = re.compile(
    r"^(?:(?:ok(?:ay)?|so|also|and|then)\s*,?\s+)*(?:please\s+|pls\s+|plz\s+)?(?:"
    r"(?:make|have|get|let)\s+(?:the\s+bot|the\s+assistant|the\s+model|the\s+ai|the\s+agent|the\s+chatbot|it)\s+|"
    r"(?:the\s+bot|the\s+assistant|the\s+model|the\s+agent|the\s+chatbot|the\s+ai|it)\s+(?:should|must|needs?\s+to|has\s+to|"
    r"will|shall|is\s+supposed\s+to|ought\s+to)\s+(?:also\s+|always\s+(?=\w))?|"
    r"(?:i|we)\s+(?:want|need|would\s+like|'d\s+like)\s+(?:the\s+bot|the\s+assistant|the\s+model|it)\s+to\s+)",
    re.IGNORECASE,
)


def strip_meta_directive(text: str) -> str:
    """The instruction without the words addressed to whoever builds the assistant ("make the bot answer X" ->
    "answer X"); the text unchanged when it has none, or when nothing would remain."""
    stripped = META_DIRECTIVE.sub("", text.strip(), count=1)
    return stripped if stripped and stripped != text.strip() and len(stripped.split()) >= 2 else text.strip()


def without_request(text: str) -> str:
    """The text without a leading "I want" / "we need" / "build" before the thing asked for ("a chatbot …")."""
    return _META_BUILD.sub("", text, count=1)


def imperative_task(task: str, user: str) -> str | None:
    """The task as one instruction to the assistant, or None when it is a noun phrase ("sql helper for ...").

    "write a bot that triages issues into bug/feature" -> "Triage issues into bug/feature."
    "help me study for the exam" -> "Help the student study for the exam."
    """
    text = strip_meta_directive(normalise(task))
    built = _META_BUILD.sub("", text, count=1)
    agent = _AGENT_THAT.match(built)
    if agent is None and built != text and _AGENT_ASKED.match(built) and not _RELATIVE_JOB.search(built):
        return None  # "Build me a Postgres SQL helper for our team": the assistant asked for, a noun phrase, no job
    # Third-person verbs in base form: "a bot that triages ..." and "turns notes into ..." alike.
    text = _verbs_to_base(built[agent.end() :] if agent else text)
    if agent:
        # "a chatbot that can do: opening times, vaccines, prices": a list of topics to help with.
        text = _TOPICS_AFTER.sub("help with ", text, count=1)
    first = text.split(" ", 1)[0].lower().rstrip(",:")
    if first not in VERBS or _NOUN_PHRASE.match(text):
        return None
    return sentence(_second_person(text.rstrip("?").rstrip(), user))


def possessive(name: str) -> str:
    """ "Acme" -> "Acme's", "Globex Airlines" -> "Globex Airlines'"."""
    return name + ("'" if name.endswith("s") else "'s")


def article(noun: str) -> str:
    """The indefinite article for a noun phrase."""
    return "an" if noun[:1].lower() in "aeiou" else "a"


# "It answers questions about plants and checks stock …", "The bot greets people by name": the job in the third
# person, after a sentence about the assistant.
_ASSISTANT_SUBJECT = re.compile(
    r"^(?P<subject>it|the\s+(?:chat\s?bot|bot|assistant|agent|helper))\s+(?P<adverb>(?:also|always|then|first)\s+)?"
    r"(?P<verb>[a-z]+s)\b(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
# Verbs that say what the assistant is, not what it does: "It runs on our website", "It gets 200 chats a day".
_NOT_ORDERS = frozenset({"run", "get", "go", "take", "turn", "look", "make", "keep", "show", "say", "need"})
# The last thing named before "It …": an assistant ("our chat bot (call it Fern). It answers …") or something else
# ("Our app is a budgeting tool. It tracks spending …": the app does that, not the assistant).
_LAST_THING = re.compile(
    r"\b(?:(?P<assistant>chat\s?bots?|bots?|assistants?|agents?|helpers?|concierges?|tutors?|companions?)|"
    r"apps?|platforms?|tools?|sites?|websites?|services?|products?|shops?|stores?|company|business|systems?|"
    r"software|programs?|games?|newsletters?|forms?|pages?|databases?|api|devices?|machines?|teams?|"
    # a business ("A chatbot for Pulse Gym in Bristol. It offers yoga …": the gym offers them)
    r"(?P<business>gyms?|bakery|bakeries|hotels?|clinics?|caf[eé]s?|restaurants?|salons?|studios?|centres?|centers?|practices?|"
    r"schools?|museums?|library|libraries|clubs?|pubs?|bars?|farms?|nursery|garages?|pharmacy|charity|trust|firm|"
    r"agency|brewery|theatres?|theaters?|hostels?|venues?|council|bank|co-?op|cooperative|association|"
    r"foundation|brand|chain|franchise|marketplace))\b",
    re.IGNORECASE,
)
# "It tells them fun facts …": what is done to people is the assistant's, even after a place is named ("a chat
# helper in the Riverside Model Railway Museum … It tells them …")
_TO_PEOPLE = re.compile(
    # (a pronoun for the people just named: "It gives customers 10% off" is the bakery's practice)
    r"\s+(?:them|him|her)\b",
    re.IGNORECASE,
)
# "Our current support chatbot … is too pushy. It recommends upgrades nobody asked for": the bot as it is now, whose
# faults the brief wants gone
_CURRENT_BOT = re.compile(
    r"\b(?:current|existing|old|previous|present|today'?s)\s+(?:[\w-]+\s+){0,2}?(?:chat\s?bot|bot|assistant|agent|"
    # (not "parents who find homework too hard": a fault needs the bot as its owner)
    r"prompt)\b|\b(?:has|have|with)\s+(?:some\s+|a\s+few\s+|many\s+)?(?:problems|issues)\b|\bcomplain\w*|"
    # "Our support chatbot is too pushy": the bot's fault, said of it
    r"\b(?:chat\s?bot|bot|assistant)\s+(?:is|sounds|feels|seems|gets)\s+(?:\w+\s+)?too\s+\w+",
    re.IGNORECASE,
)
# "… and passes them to a mechanic": a verb the conversion did not know, left in the third person
_LEFT_THIRD_PERSON = re.compile(
    # (a pronoun or an article after it: "passes them", "stays open"; not "the engines and layouts on display")
    r"(?:\band|\bthen|\bor|,)\s+(?P<word>[a-z]+s)\s+(?:them|the|a|an|it|its|their|up|open|out|back|his|her|our|your|"
    r"all|every|each)\b"
)


# "… and it never recommends books", "; it never takes payment", "before it promises anything": a clause with its
# own subject, which the conversion would leave half in the third person
_INNER_SUBJECT = re.compile(
    r"(?P<lead>\b(?:before|after|until|unless|if|when|once|while)\s+)?\bit\s+(?P<adverb>(?:never|always|also|only|then)\s+)?"
    r"(?P<verb>can['’]?t|cannot|can|will|won['’]t|doesn['’]t|does\s+not|[a-z]+s)\b"
)


def _inner_order(match: re.Match[str]) -> str:
    """ "…, and it never recommends" -> "…, and never recommend"; "if it can't help" -> "if you can't help"; "before
    it promises" -> "before you promise"; the match unchanged when its verb is unknown."""
    verb = match.group("verb").lower()
    adverb = match.group("adverb") or ""
    lead = match.group("lead") or ""
    if verb in ("can't", "can’t", "cannot", "can", "will", "won't", "won’t"):
        return f"{lead}you {adverb}{match.group('verb')}"
    if verb in ("doesn't", "doesn’t", "does not"):
        return f"{lead}you {adverb}don't"
    base = _base_form(verb) or (_stem(verb) if adverb or lead else None)  # ("it never quotes": a verb, known or not)
    if base is None or base == verb:
        return match.group(0)
    return f"{lead}you {adverb}{base}" if lead else f"{adverb}{base}"


def subject_verb_to_base(text: str) -> str:
    """A clause whose subject was the assistant, its first verb in base form even when the verb list does not know it
    ("promises anything" -> "promise anything")."""
    first, _, rest = text.partition(" ")
    if not first.islower() or not first.endswith("s") or first.endswith("ss"):
        return text
    base = _base_form(first) or _stem(first)
    return f"{base} {rest}".rstrip() if rest else base


def _stem(verb: str) -> str:
    """The base form of a third-person verb by its spelling ("quotes" -> "quote", "fixes" -> "fix")."""
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    if re.search(r"(?:s|x|z|ch|sh)es$", verb):
        return verb[:-2]
    return verb[:-1]


def assistant_sentence_as_order(before: str, text: str) -> str:
    """A sentence about what the assistant does, as an order to it ("It answers questions and checks stock." ->
    "Answer questions and check stock."); the sentence unchanged when its subject may be something else."""
    match = _ASSISTANT_SUBJECT.match(text)
    if match is None:
        return text
    base = _base_form(match.group("verb"))
    if base is None or base in _NOT_ORDERS or base == match.group("verb").lower():
        return text
    if match.group("subject").lower() == "it":
        things = list(_LAST_THING.finditer(before[-400:]))
        if not things:
            return text
        last = things[-1]
        if last.group("assistant") is None and not (last.group("business") and _TO_PEOPLE.match(match.group("rest"))):
            return text
    if _CURRENT_BOT.search(before[-400:]):
        return text
    adverb = (match.group("adverb") or "").strip()
    order = _verbs_to_base(f"{base}{match.group('rest')}")
    order = _INNER_SUBJECT.sub(_inner_order, order)
    if _LEFT_THIRD_PERSON.search(order) or _INNER_SUBJECT.search(order):
        return text  # half an order would be broken grammar: the sentence stays as written
    order = f"{adverb} {order}" if adverb else order
    return order[0].upper() + order[1:]
