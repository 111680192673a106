"""The condition phrase of a clause ("if unsure", "when the customer is angry", "Bei Atemnot, …: sofort 112",
"如果学生提到…"): where the case starts and where the action after it begins."""

from __future__ import annotations

import re

from app.engine.constraints.abbreviation_dots import mask_abbreviation_dots
from app.engine.constraints.clauses import EXACT_COLON
from app.engine.constraints.quotes import quote_start

# The people a case's verb of saying belongs to ("if they say …", "if someone tells you …", "if the customer writes
# …"): after them, "say", "tell", "call" or "write" is what the user does, not the assistant's action
_SAYER = "".join(
    rf"(?<!\b{word})"
    for word in (
        "they", "he", "she", "someone", "somebody", "anyone", "anybody", "people", "user", "users", "customer",
        "customers", "caller", "callers", "client", "clients", "member", "members", "guest", "guests", "parent",
        "parents", "patient", "patients", "child", "kid", "kids", "student", "students",
    )
)  # fmt: skip


_CONDITION = re.compile(
    r"\b(?:if|when|whenever|in\s+case|(?:em|en|no)\s+caso\s+de|in\s+caso\s+d(?:i|['’])|"
    r"(?<![\w ])anything\s+else(?=\s*,)|"
    # "Anything involving a lost laptop is P1, and tell them to phone …": the cases that sentence opens with
    r"(?<![\w ])(?:anything|any\s+(?:case|report|message|request|ticket)s?)\s+"
    r"(?:involving|about|concerning|related\s+to)|"
    # "For hazardous waste (paint, asbestos) don't book anything, send them to …": a topic that opens the clause
    r"(?<![\w ])for(?=\s+(?!(?:example|instance|now|more|all|each|every|the\s+rest|any|anything|them|it|you|me|us)\b)"
    r"[\w-]+)|en\s+cas\s+d[e']|im\s+falle?|unless|should\s+(?:a|the)\s+\w+|for\s+anything\s+(?:else|outside)|otherwise|"
    # "For anything about pricing, say '…'", "Per domande sui prezzi rispondi '…'": a topic that opens the case
    r"(?<![\w ])for\s+anything\s+(?:about|regarding|concerning|involving|related\s+to|to\s+do\s+with)|"
    r"(?<![\w ])per(?=\s+(?:domande|richieste|questioni|problemi|qualsiasi|ogni|tutto\s+ci[òo]))|"
    r"si|cuando|wenn|falls|sonst|quand|lorsque|sinon|caso|quando|se(?=\s+(?:o|a|não|você|houver|alguém|ele|ela|falar|mencionar|perguntar|pedir|disser|contar|tiver|estiver|"
    r"for|quiser|precisar|relatar|escrever)\b)|"
    # "Wer von Suizidgedanken spricht, …", "als iemand …", "se qualcuno …": whoever and if in de, nl, it, es
    r"wer(?=\s+\w+\s+\w+)|quien(?:es)?(?=\s+\w+)|als(?=\s+(?:je|u|de|het|een|iemand|er)\b)|wanneer|indien|qualora|"
    r"se(?=\s+(?:il|la|lo|un|una|qualcuno|ci|non|c['’])\b)|"
    # "Bei Notfällen (…) sofort auf … verweisen", "ante una urgencia", "pour toute question", "para dúvidas":
    # a preposition before a situation is that contact's condition.
    r"bei(?=\s+(?:notf|dringend|störung|problem|fragen|beschwerden|unklarheit|schäden|verdacht|\w+fällen|\w+en\s)|(?!\s+(?:uns|mir|dir|ihnen|euch|ihm|ihr)\b)[^.:;]{3,160}:\s|"
    # ("…, bei Rauch oder Feuer sofort 112": the narrower case written beside the number)
    r"(?!\s+(?:uns|mir|dir|ihnen|euch|ihm|ihr)\b)\s[^.:;,]{3,60}?\s(?:sofort|umgehend|direkt)\s+(?:die\s+|den\s+)?\d)|ante|"
    # "bij levensgevaar: bel 112", "bij bloedverlies, …: …": the Dutch "bei", opening its clause
    r"(?<![\w ])bij(?=(?!\s+(?:ons|mij|me|je|jou|u|hen|hem|haar|elkaar)\b)[^.:;]{3,160}:\s)|"
    r"pour\s+(?:toute?s?|les)(?=\s)|para(?=\s+(?:dudas|consultas|preguntas|quejas|reclamaciones|urgencias|dúvidas|"
    r"reclamações|urgências|emergencias|emergências)))\b"
    # (a colon before a fixed reply or a route ends the case: 'se qualcuno parla di minacce …: "Se è in pericolo …"')
    # (an arrow ends the case when the number it leads to follows in the same sentence: "Se mencionar violência →
    # Linha de apoio 800 …"; not "bleeding -> no booking. Tell them to call …", whose arrow's words are the case's)
    r"[^,;.]*?(?=,|;|\.(?:\s|$)|$|\s?[:：]\s*[\"“«„\d]|\s*(?:->|→|=>)(?=[^.;!?\n]*\d)|(?<!n't)(?<!not)(?<!n’t)"
    # ("If the transfer fails, give …": after an article the word is a noun, not the action)
    r"(?<!\bthe)(?<!\ba)(?<!\ban)(?<!\byour)(?<!\btheir)(?<!\bour)(?<!\bmy)"
    # ("if they say they feel unwell", "if people call about …": the user's own verb of saying is the case's)
    + _SAYER
    + r"\s+(?:(?:just|simply|please|pls|kindly)\s+)?"
    r"(?:tell|say|reply|respond|output|(?<!phishing\s)(?<!spam\s)email|call|offer|escalate|direct|point\s+(?:them|him|her|people|users?|the\s+\w+)|refer|"
    r"ask\s+(?:them|the|him|her)|send|hand|connect|transfer|then|responde|rispondi|risponda|sag|dis|diga|ring|signpost|"
    # "if it's missing write "Battery health: ask us"": the words to write (not "if they write "STOP"")
    r"(?<!\bthey)(?<!\byou)(?<!\bwe)(?<!\bI)(?<!\bpeople)(?<!\busers)(?<!\bcustomers)(?<!\bmembers)"
    r"(?:write|put)(?=\s*[:\"“«„])|"
    # "di que …", "di': …": the Spanish or Italian "say", not the Italian "of" ("se qualcuno parla di minacce …")
    r"di(?=['’]|\s*[:«\"“]|\s+(?:que|che)\b)|"
    # "if anyone mentions suicide give Samaritans 116 123": giving a named line or a number is the action.
    r"give\s+(?:them\s+)?(?:the\s+)?(?=(?:number|line|helpline|hotline)\b|(?-i:[A-Z0-9]))|"
    r"immer|sofort|direkt|bitte|stets|auf\s+(?:die|den|das|unsere?)|an\s+(?:die|den|das|unsere?))\b)",
    re.IGNORECASE,
)


_BOT_SUBJECT = re.compile(
    r"\b(?:it|the\s+bot|the\s+assistant)\s+(?P<neg>doesn'?t|doesn’t|does\s+not|can'?t|can’t|cannot)\s+"
    r"(?=(?:know|answer|help|find|tell)\b)",
    re.IGNORECASE,
)


def _you(match: re.Match[str]) -> str:
    return "you do not " if match.group("neg").lower().startswith("do") else "you cannot "


# The orders users write in their own language after a case ("…, dale el 024", "…, donne-lui le numéro", "…, indique o
# número", "…, dagli il numero", "…, nenne ihm die Nummer"): where a listed case ends and the action starts
_FOREIGN_ORDERS = (
    r"dale|dales|dile|diles|avisa|llam[ae]\w*|indica|remite|deriva|pide|ofr[eé]cele|env[ií]a(?:le|les)?|"
    r"donne(?:[- ]lui|[- ]leur)?|donnez(?:[- ]lui|[- ]leur)?|indique[rz]?|dis(?:[- ]lui|[- ]leur)?|appelle|renvoie|"
    r"orientez?|propose(?:[- ]lui)?|"
    r"passe|diga|ligue|oriente|encaminhe|d[êe](?:[- ]lhe)?|pe[çc]a|acolha|informe|"
    r"dagli|dalle|d[àa]\s+(?:loro|gli|le)|chiama|fornisci|suggerisci|consiglia|"
    r"sag\w*|gib|nenn\w*|ruf\w*|verweis\w*|schick\w*|empfiehl|"
    r"zeg|geef|verwijs|bel|noem|respond\w*|contest\w*|répond\w*|antwort\w*|rispond\w*|antwoord\w*"
)


# "if someone has severe swelling, bleeding that won't stop or trouble breathing tell them to call 999": the commas
# separate items of the condition's own list (its last item joined by "or"/"and"), not the condition from the action.
# Bounded repeats keep the match linear on long unpunctuated text.
_LIST_TAIL = re.compile(
    # (a colon ends the condition: "If anyone mentions self-harm or danger: stop the small talk, give them …")
    # (an item's brackets may hold commas: "a bad reaction after a jab (swollen face or throat, trouble breathing)")
    r",(?P<more>(?:\s*(?:[^,;.:(]|\([^()]{0,80}\)){1,120},){0,4}?\s*(?:[^,;.:]{1,80}?\s)?(?:or|and|oder|und|ou|et|o|y)\s+"
    r"(?:[^,;.:(]|\([^()]{0,80}\)){1,120}?),?"
    # ("…, food insecure or fleeing abuse, before anything else tell them …": when, then the action)
    # ("…, or abuse, you should give them …", "…, the bot must not …": the assistant and its modal start the order)
    # ("…, suicide or not wanting to be here -> reply only: …": an arrow ends the condition as a colon does)
    r"(?=\s*(?::|->|→|=>)|\s+(?:you|we|it|the\s+(?:bot|assistant))\s+(?:should|must|need\s+to|has\s+to|have\s+to|will|can|"
    r"mustn'?t|shouldn'?t|won'?t|can'?t|cannot)\b|"
    # ("…, or heavy bleeding, the FIRST thing you write is …", "…, your reply starts with …": the reply's own words)
    r"\s+(?:the\s+(?:first|only)\s+(?:thing|line|words?|sentence)|your\s+(?:first\s+|only\s+)?(?:reply|answer|"
    r"response|line|words?|sentence))\b|"
    # ("…, a hot swollen area or a fever, the reply tells them to see their GP": what the reply does, after the case)
    r"\s+the\s+(?:reply|answer|response|draft|message)\s+(?:tells|says|asks|gives|points|directs|sends|refers|"
    r"should|must|needs?\s+to|has\s+to|includes)\b|\s+(?:before\s+anything(?:\s+else)?\s*,?\s+)?"
    r"(?:(?:just|simply|please|pls|kindly)\s+)?(?:"
    + _FOREIGN_ORDERS
    + r"|tell|say|reply|respond|email|call|offer|escalate|direct|point|"
    r"refer|ask\s+(?:them|the|him|her)|send|hand|connect|transfer|then|give|share|provide|suggest|recommend|"
    r"don'?t|do\s+not|never|start\s+with|begin\s+with|open\s+with|"
    r"mande|ligue|diga|peça|encaminhe|oriente|recomende|llam[ae]\w*|pide|dile|diles|indica|recomienda|deriva|"
    r"sag\w*|ruf\w*|schick\w*|verweis\w*|dis|dites|appel\w*|envoie\w*|orientez|conseille\w*|bekomm\w*|erhält|"
    r"gib|nenn\w*|geef|bel|noem|verwijs|dai|chiama|indica|fornisci)\b)",
    re.IGNORECASE,
)


IMPERATIVE_START = re.compile(
    r"\s*(?:tell|say|reply|respond|email|call|offer|escalate|direct|point|refer|ask|send|hand|connect|transfer|then|"
    r"apologi[sz]e|stay|keep|be|give|let|explain|suggest|remind|thank|acknowledge|stop|do|don'?t|never|always|"
    # ("…, check the tracking and the photo: if both say delivered, …": a step, not an item of the condition;
    # not "leave", "return", "mark" or "add", which name things a condition lists: "leave or payroll", "add-ons")
    r"write|put|check|verify|look|confirm|"
    r"please|just|you|we|they|it|i|"
    # the same orders in the languages users write ("…, passe o CVV", "…, dale el 024", "…, gib die Nummer")
    r"passe|diga|ligue|indique|oriente|encaminhe|dê|pe[çc]a|acolha|dile|dales?|llama|deriva|indica|remite|"
    r"pide|sag|gib|nenne|verweise|ruf|dis|donne|appelle|renvoie|chiama|"
    r"zeg|geef|verwijs|bel)\b",
    re.IGNORECASE,
)


# "mark the order as disputed", "add it to the log": a verb with its object is a step, whereas "leave or payroll",
# "mark or exam result" are items a condition lists
_STEP_START = re.compile(
    # (not "move a balance" or "return the item", which a condition may list as what someone asks about)
    r"\s*(?:mark|add|flag|log|update|record|note|tag|file)\s+"
    r"(?:the|a|an|it|them|their|this|that|his|her|its|our|your)\b",
    re.IGNORECASE,
)


_TRAILING_MODAL = re.compile(
    r"\s+(?:it|the\s+bot|the\s+assistant|you|we|they)\s+(?:should|must|will|needs?\s+to|has\s+to|can|shall)"
    r"(?:\s+(?:just|simply|always))?$",
    re.IGNORECASE,
)


# "如果学生提到想伤害自己，…", "分からない場合は、…": a Chinese or Japanese condition runs to its comma.
_CJK_CONDITION = re.compile(
    # (not the Japanese "当日", "当店": a word of its own there, no "when")
    r"(?:如果|假如|若是|要是|一旦|万一|当(?![日月年社店院館方該然初番面前]))[^，,。；;！？]{2,60}|"
    r"[^，,。；;！？、]{2,60}?(?:場合は?|ときは|時は|たら|なら)(?=[，,、])|"
    # "雷注意報が出ている時の営業は…": a time or case that names what follows it
    r"(?<![^\s・\-*•。、，,；;：:])[^，,。；;！？、「」\s・]{2,40}?(?:時|とき|場合)(?=の)|"
    # "段ボール10箱未満は出張できないので、…": a count below or above a bound opens its case
    r"(?<![^\s・\-*•。、，,；;：:])[^，,。；;！？、\s・]{0,30}?\d+[^\d，,。、\s]{0,3}?(?:未満|以下|以上|超)(?=は|の(?:場合|とき|方))"
)


# Dutch and German state a condition by putting the verb first ("Heeft iemand schulden …, verwijs dan naar …",
# "Hat jemand Schulden, dann …"): the clause up to the comma is the condition when "dan"/"dann" follows it.
_VERB_FIRST_CONDITION = re.compile(
    r"^\s*(?:heeft|hebben|is|zijn|wil|wilt|zit|komt|vraagt|krijgt|staat|hat|haben|ist|sind|will|möchte|braucht|fragt|"
    r"bekommt|meldet|steht|fehlt|fehlen|gibt|findet|weiß|kennt|passt|ontbreekt|ontbreken|mist|weet|vindt|kent)\s+"
    r"(?:iemand|u|je|jij|er|een|de|het|jemand|man|er|sie|"
    r"der|die|das|ein\w*|etwas|nichts|es|iets|niets)\b[^,;.]{3,160}"
    # ("Steht etwas nicht im Führer, antworte: …": the order right after the comma)
    r"(?=,\s*(?:(?:\w+\s+){0,2}(?:dan|dann)\b|(?:antworte|antworten|antwoord|sag|sage|sagen|zeg|schreib\w*|gib|"
    r"verweise|nenne|schrijf|geef|verwijs|noem)\b))",
    re.IGNORECASE,
)


_ABBREVIATION_DOTS = re.compile(r"\b(?:e\.g|i\.e|etc|approx|incl)\.", re.IGNORECASE)


# "If the drug is controlled don't queue anything — tell them …": the step before the dash is no part of the case.
_STEP_BEFORE_DASH = re.compile(r"\s+(?:don'?t|do\s+not)\s+\w+[^—–]*[—–]\s*$", re.IGNORECASE)


_KEY_FIRST = re.compile(r"[A-ZÀ-Ý][\w-]{2,30}[ \t]?[:：]\s")


def find_condition(text: str) -> str | None:
    """The condition phrase of a clause ("if unsure", "when the customer is angry"), as written."""
    # "If the drug is controlled (e.g. oxycodone, Adderall) …": an abbreviation's dots end no condition
    masked = _ABBREVIATION_DOTS.sub(lambda m: m.group(0).replace(".", "\u2024"), text)
    masked = mask_abbreviation_dots(masked)  # ("If they ask about St. Mary's ward, …", "approx. prices", "Nr. 5")
    condition = _find_condition(masked)
    if condition is not None and (quoted := quote_start(masked, condition)) is not None:
        # 'say: "For free independent help, StepAhead …"': the reply's own words are no case; look before them
        condition = _find_condition(masked[:quoted])
    if condition is None:
        return None
    # "Si la personne dit qu'elle est tombée : répondre uniquement « … »": the case ends at its colon
    colon = re.search(r"\s?[:：]\s", condition)
    # ("Si la personne est en danger immédiat : le 17 ou le 112 d'abord": so does a route after the colon)
    # ("… « remboursement » : Priorité : haute, …": and so does a keyed line the case sets)
    after = condition[colon.end() :] if colon is not None else ""
    if colon is not None and colon.start() >= 8 and (re.search(r"[«“\"]|\d|@", after) or _KEY_FIRST.match(after)):
        condition = condition[: colon.start()]
    condition = _STEP_BEFORE_DASH.sub("", condition.replace("\u2024", ".")).rstrip(" —–")
    return _before_opener(text, condition) or None


def _before_opener(text: str, condition: str) -> str:
    """ "bij bloedverlies, … zien is het antwoord altijd en alleen: …": the case ends where the fixed reply's opener
    starts."""
    opener = EXACT_COLON.search(text)
    at = text.find(condition)
    if opener is None or at < 0 or not at < opener.start() < at + len(condition):
        return condition
    return text[at : opener.start()].rstrip(" ,;")


# "when: …", "quando: …", "wenn: …": a condition word with a colon right after it, then its cases up to the full stop
_CASES_AFTER_COLON = re.compile(
    r"(?:when|whenever|if|quando|cuando|wenn|falls|quand|lorsque|als|wanneer|indien|se|si)\s?[:：]\s+"
    r"[^.;:!?\n]{3,240}?(?=\.(?:\s|$)|[;!?\n]|$)",
    re.IGNORECASE,
)


def _find_condition(text: str) -> str | None:
    inverted = _VERB_FIRST_CONDITION.match(text)
    if inverted is not None:
        return inverted.group(0).strip()
    match = _CONDITION.search(text)
    if not match:
        cjk = _CJK_CONDITION.search(text)
        return cjk.group(0).strip() if cjk else None
    condition = match.group(0).strip().rstrip(",")
    colon = text.find(":", match.start())
    listed = _CASES_AFTER_COLON.match(text, match.start())
    if listed is not None:
        # "passe à equipa quando: o cliente recebeu azulejos partidos, quer mais de 50 m2, …": the colon opens the
        # list of cases, which runs to the sentence's end (not to its first comma)
        return listed.group(0).strip()
    if re.match(r"b(?:ei|ij)\b", condition, re.IGNORECASE) and colon != -1 and "." not in text[match.start() : colon]:
        # "Bei Atemnot, Krampfanfall oder Verdacht auf Vergiftung: sofort 112": the condition runs to the colon.
        return text[match.start() : colon].strip() if colon - match.start() <= 160 else condition
    if condition.count("(") > condition.count(")"):
        # "if the animal is having an emergency (not breathing, bleeding a lot) tell them ...": the commas inside
        # the parentheses belong to the condition.
        close = text.find(")", match.end())
        if close != -1 and close - match.start() <= 240:
            condition = text[match.start() : close + 1].strip()
    tail = _LIST_TAIL.match(text, match.end()) if condition.count("(") == condition.count(")") else None
    if tail and ")" in tail.group("more") and "(" not in tail.group("more"):
        tail = None  # the parenthesis was closed above
    if tail and not (IMPERATIVE_START.match(tail.group("more")) or _STEP_START.match(tail.group("more"))):
        # "If they mention suicide, self-harm or danger, stop the flow and tell them to call …": the list ends
        # where a part starts with an instruction.
        parts = tail.group("more").split(",")
        cut = next(
            (i for i, part in enumerate(parts) if i and (IMPERATIVE_START.match(part) or _STEP_START.match(part))),
            len(parts),
        )
        condition = f"{condition},{','.join(parts[:cut])}".strip()
    # "otherwise if it doesn't know": the "if" clause is the condition; "otherwise" only links it to the last one.
    condition = re.sub(
        r"^(?:otherwise|else|sonst|sinon)\s+(?=(?:if|when|wenn|falls|si|quand|se)\b)", "", condition, flags=re.I
    )
    # "if it's not in there it should say ...": the modal before the action belongs to the action, not the condition.
    condition = _TRAILING_MODAL.sub("", condition)
    # "if it doesn't know", "if the bot can't answer": the assistant is "you" in the prompt.
    condition = _BOT_SUBJECT.sub(_you, condition)
    cases = _CASES_STATED.match(condition)
    if cases is not None:
        # "Anything involving X is P1" -> "For anything involving X"
        condition = f"For {cases.group('cases')[0].lower()}{cases.group('cases')[1:]}"
    return condition if len(condition.split()) >= 2 or condition.lower() in {"otherwise", "sonst", "sinon"} else None


_CASES_STATED = re.compile(
    r"^(?P<cases>(?:anything|any\s+\w+)\s+(?:involving|about|concerning|related\s+to)\s+.+?)"
    r"(?:\s+(?:is|are|counts?\s+as|gets?|means?)\b.*)?$",
    re.IGNORECASE,
)
