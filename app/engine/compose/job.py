"""The brief's job sentence: which sentence states what the assistant is for, and its core clause."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.engine.compose.sentences import split_sentences
from app.engine.constraints import Constraint
from app.engine.constraints.meta_requests import asks_for_prompt
from app.engine.constraints.requester_voice import wants_assistant

_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?)])")
_EMPTY_PARENS = re.compile(r"\s*\([\s,;/]*\)")  # "app (not therapy, not a crisis service)" with both blanked
_DANGLING = re.compile(
    r"(?:,|\s+(?:as\s+)?(?:one or more of|one or more|one of|either|into|as|like|such as|between|of|to|for|with|"
    r"in|and|or|but))\s*([.;!?])",
    re.I,
)
_REPEATED_PUNCT = re.compile(r"([.;!?])(?:\s*[.,;:!?])+")
_HANGING_PUNCT = re.compile(r"[,:;]+\s*([.!?]|$)")
_STACKED_PUNCT = re.compile(r"\s*[:;]\s*(?:[,;:]\s*)+")  # "appointment:,, include" once the limits are blanked
CONTENT_WORD = re.compile(r"[\w@.'-]+")
_CLAUSE_LEAD = re.compile(r"\b(?:in|with|and|as|using|but|then|so)$", re.I)
_SPAN_LEAD = re.compile(r"(?:in|with|as|using|under|within|without|and|but)\b", re.I)


def _whole_clause(task: str, start: int, end: int) -> bool:
    """Whether [start, end) is a clause of its own, so that removing it leaves a readable sentence.

    "... app in at most 3 sentences." and "(billing, bug, other)" are; "for kids aged 8-10, ..." is not.
    """
    before, after = task[:start].rstrip(), task[end:].lstrip()
    left = (
        not before
        or before[-1] in ",;:(.!?"
        or bool(_CLAUSE_LEAD.search(before))
        or bool(_SPAN_LEAD.match(task[start:end]))
    )
    right = not after or after[0] in ",;:).!?"
    return left and right


def _is_the_job(task: str, start: int, end: int) -> bool:
    """A span that opens the task and holds most of its first clause is the job itself ("translate our emails
    into Portuguese"), not a detail: blanking it would leave the role without its task."""
    first_end = min((i for i in (task.find(mark) for mark in ",;.") if i >= 0), default=len(task))
    return start <= 2 and end - start >= (first_end - start) * 0.6


_STUB_WORDS = 2


def _drop_stub_sentences(text: str, task: str) -> str:
    """Drop the later sentences that removing constraint spans cut down to a stub ("Classify emails. answer with"
    once "the label only" is stated as a format rule): a stub of two words or fewer says nothing on its own. A short
    sentence the brief wrote whole ("Be brief.") stays."""
    parts = re.split(r"(?<=[.;!?])\s+", text)
    said = " ".join(task.split())
    kept = [parts[0], *(part for part in parts[1:] if len(part.split()) > _STUB_WORDS or _whole_in(part, said))]
    return " ".join(kept).strip(" ,;:.")


def _whole_in(sentence: str, text: str) -> bool:
    """Whether `sentence` stands whole in `text`, ending where a sentence of the text ends."""
    return re.search(re.escape(sentence.rstrip(".;!? ")) + r"\s*(?:[.;!?]|$)", text) is not None


def core_task(task: str, constraints: Sequence[Constraint]) -> str:
    """The task without the clauses that constraints carry (they are stated in their own sections)."""
    chars = list(task)
    for c in constraints:
        if c.span is not None and c.span.field == "task" and _whole_clause(task, c.span.start, c.span.end):
            if _is_the_job(task, c.span.start, c.span.end):
                continue
            for i in range(max(0, c.span.start), min(len(chars), c.span.end)):
                chars[i] = " "
    text = " ".join("".join(chars).split())
    text = _EMPTY_PARENS.sub("", text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = _HANGING_PUNCT.sub(r"\1", text)
    text = _STACKED_PUNCT.sub(": ", text)
    for _ in range(3):  # "as one of:" leaves two connectors behind
        text = _DANGLING.sub(r"\1", text)
    text = _REPEATED_PUNCT.sub(r"\1", text)
    text = _drop_stub_sentences(text.strip(" ,;:."), task)
    return text if len(text.split()) >= 2 else " ".join(task.split())


# "ok so im the office manager at Brambleway Vet Hospital …", "we're a family plumbing firm in Leeds": who is asking,
# not what the assistant is for.
BACKGROUND = re.compile(
    r"^\s*(?:(?:ok(?:ay)?|so|hi|hey|hello|hiya|right|ciao|hola|hallo|bonjour|salut|ol[áa]|oi|hoi|buongiorno|buenas)"
    r"[\s,!.]+)*(?:i'?m|i\s+am|we'?re|we\s+are|i\s+(?:run|own|work|manage)|"
    # "ok so this is for Tidepool Journal, its a journaling app …": what it is for, the job comes after
    r"this\s+is\s+for\s+(?-i:[A-Z])\w+|"
    r"we\s+(?:run|own|have|sell|make|operate|get)|our\s+\w+\s+(?:is|are|has|have)|my\s+(?:name|company|team|shop|business)|"
    r"i\s+(?:teach|coach|tutor|volunteer|organi[sz]e|help\s+run)|we\s+(?:teach|coach)|"
    # "Sou psicóloga e coordeno …", "Soy la dueña de …", "Ich bin Lehrerin …", "Je suis …": the requester, in their
    # own language
    r"sou|soy|somos|je\s+suis|nous\s+sommes|on\s+est|ich\s+bin|wir\s+sind|sono|siamo|ik\s+ben|wij\s+zijn|we\s+zijn|"
    # "私たちは東京の小さな英会話教室です", "我们是一家二手相机店": the requester's introduction in ja/zh
    r"(?=私たちは|弊社は|当店は|当社は|我们是|我們是|我是|本店|我在|我们在|我們在|我做|我们做|我开|我们开|私は|うちは)|"
    # "有田焼の窯元「松浦窯」のオンラインショップをやっています": what the requester runs, said at the end
    r"(?=[^。\n]{2,60}(?:をやっています|を経営しています|を運営しています|で働いています|を営んでいます)[。]?\s*$)|"
    # "Trabajo en atención ciudadana del Ayuntamiento …", "Ich arbeite in der Praxis …": where the requester works
    r"trabajo\s+en|trabajamos\s+en|trabalho\s+(?:em|na|no)|trabalhamos|ich\s+arbeite|wir\s+arbeiten|je\s+travaille|"
    r"nous\s+travaillons|lavoro\s+(?:in|a|al|alla|presso)|lavoriamo|ik\s+werk|wij\s+werken|we\s+werken|"
    # "Ich leite eine kleine Praxis …", "Dirijo una academia …", "Je gère un gîte …": the requester runs a business
    r"ich\s+(?:leite|führe|betreibe|habe)|wir\s+(?:leiten|führen|betreiben|haben)|dirijo|dirigimos|gestiono|tengo|"
    # "Ich mache die Rätselseite …": what the requester makes (not "Wir machen Termine nur telefonisch", a rule)
    r"(?:ich\s+mache|wir\s+machen)\s+(?:die|das|den|eine?n?)\s|"
    r"tenemos|je\s+(?:dirige|gère|tiens)|nous\s+(?:dirigeons|gérons|tenons)|j['’]ai|nous\s+avons|dirijo|gerencio|"
    r"tenho|temos|gestisco|dirigo|gestiamo|abbiamo|ho\s+un|ik\s+(?:leid|run|heb)|wij\s+hebben|"
    # "En la Cooperativa … estamos formando a temporeros", "At our clinic we …": where, then who is speaking
    r"(?:en|in|at|à|au|na|no|em|im|bei|nella|nel|presso)\s+(?:(?:la|el|los|las|le|les|the|our|nuestra|nuestro|der|die|"
    r"dem|a|o|il|lo)\s+)?(?-i:[A-ZÀ-Ý])[^.!?\n]{2,90}?\b(?:estamos|somos|tenemos|trabajamos|"
    r"we(?:'re|\s+are|\s+have|\s+run|\s+get)|wir\s+(?:sind|haben)|nous\s+(?:sommes|avons)|temos|estamos|siamo|"
    r"abbiamo|zijn\s+we|hebben\s+we))\b",
    re.IGNORECASE,
)
# "Cooperativa Agrícola Vale do Sapucaí (MG).", "Brook Farm Shop – Leeds.": a first sentence that only names the
# business (a few words, nearly all capitalised) introduces it; the job comes after.
# ("Pastificio Aurelio Vitale, Gragnano.": a comma before the place)
_NAME_ONLY = re.compile(
    r"^\W*(?:[A-ZÀ-Ý][A-Za-zÀ-ÿ'&.-]*,?|\(\w+\)|de|do|da|del|di|of|the|and|&|[-–])(?:\s+(?:[A-ZÀ-Ý][A-Za-zÀ-ÿ'&.-]*,?|"
    r"\(\w+\)|de|do|da|dos|das|del|della|di|van|von|der|of|the|and|&|[-–,]))*\W*$"
)
# "Huisartsenpraktijk De Linde in Amersfoort (4 huisartsen, …).": a name, where it is and an aside, no verb
_ASIDE = re.compile(r"\s*\([^()]*\)")
_AT_PLACE = re.compile(r"\s+(?:in|at|near|en|em|à|a|im|in\s+der|bei|aan|te|nel|nella)\s+(?=[A-ZÀ-Ý])")


# "chat sur notre site pour répondre …", "A bot for our members that …": a sentence that opens with the assistant
_ASSISTANT_OPENS = re.compile(
    # (not "My assistant who used to do this has left": a person the requester has)
    r"\W*(?!(?:my|his|her|their|mi|mis|mon|ma|mes|mein\w*|mijn|meu|minha|mio|mia)\b)"
    r"(?:(?:a|an|un|une|una|um|uma|ein|eine|einen|een|our|notre|nuestro|unser)\s+)?(?:[\w-]+\s+)?"
    r"(?:chat|chatbot|bot|assistant|asistente|assistente|assistent|agent|agente)\s+(?:\w+\s+){0,4}?"
    r"(?:for|to|that|which|pour|para|pra|per|voor|für|que|qui|che|die|der|om|sur|on|op|auf|en|em|su)\b",
    re.IGNORECASE,
)


def _names_only(sentence: str) -> bool:
    """Whether the sentence only names the business (and where it is, and an aside about it): an introduction."""
    bare = _AT_PLACE.sub(" ", _ASIDE.sub("", sentence)).strip().rstrip(".!:")
    return len(bare.split()) <= 8 and _NAME_ONLY.match(bare) is not None


_JOB_CUE = re.compile(
    # "je monte un petit tuteur pour mes élèves", "I'm building a coach for …": building the thing is the job
    r"\b(?:je\s+(?:monte|crée|fais|prépare|construis|développe)|i['’]?m\s+(?:building|making|setting\s+up|creating)|"
    r"i\s+am\s+(?:building|making|setting\s+up|creating)|estoy\s+(?:montando|creando|armando|haciendo)|"
    r"ich\s+(?:baue|erstelle|entwickle)|sto\s+(?:creando|costruendo|preparando)|"
    r"estou\s+(?:criando|montando|fazendo|construindo)|ik\s+(?:bouw|maak))\s+(?:\w+\s+){0,3}?"
    r"(?:tuteur|tutor|tutore|coach)\b|"
    r"\b(?:bot|chatbot|assistant|agent|gpt|prompt|helper|widget|asistente|assistente|assistent|agente|"
    r"quiero|queremos|necesito|necesitamos|quero|queremos|preciso|precisamos|je\s+veux|nous\s+voulons|"
    r"ich\s+(?:möchte|brauche|will)|wir\s+(?:möchten|brauchen|wollen)|(?:möchten|brauchen|wollen|suchen)\s+wir|"
    r"vorrei|vogliamo|ik\s+wil|wij\s+willen|"
    r"mi\s+serve|ci\s+serve|ho\s+bisogno|abbiamo\s+bisogno|j['’]ai\s+besoin|nous\s+avons\s+besoin|ich\s+benötige|"
    r"me\s+hace\s+falta|nos\s+hace\s+falta|ik\s+heb\s+\w+\s+nodig|"
    # "Ich gebe dir ein Lösungswort, du lieferst drei Umschreibungen", "you come up with 10 names": the job, addressed
    r"du\s+(?:lieferst|schreibst|erstellst|erfindest)|you\s+(?:come\s+up\s+with|give\s+me)|"
    r"tu\s+(?:me\s+)?(?:donnes|écris|proposes)|t[úu]\s+(?:me\s+)?(?:das|escribes|propones)|"
    r"voc[êe]\s+(?:me\s+)?(?:d[áa]|escreve|sugere)|"
    # "Ti incollo la scheda … e mi scrivi il testo per la pagina prodotto": the job, addressed in Italian
    r"(?:mi|ci)\s+(?:scrivi|prepari|traduci|riassumi|proponi|correggi)|jij\s+(?:schrijft|maakt|vertaalt)|"
    # "A técnica cola o CV e tu devolves o CV reescrito em inglês": the text handed back rewritten, addressed (not
    # "tu renvoies uniquement cet objet JSON", the reply's form)
    r"(?:tu\s+(?:me\s+|lhe\s+)?devolves|voc[êe]\s+(?:me\s+|lhe\s+)?devolve|t[úu]\s+(?:me\s+|le\s+)?devuelves|"
    r"tu\s+(?:me\s+|lui\s+)?(?:renvoies|rends)|tu\s+(?:mi\s+|gli\s+)?restituisci|du\s+gibst|jij\s+geeft|"
    r"you\s+(?:return|send\s+back|give\s+back|hand\s+back))\s+(?:[\w-]+\s+){0,4}?(?:reescrit|rewritten|"
    r"réécrit|umgeschrieben|riscritt|herschreven|traduzid|traducid|tradui|translated|übersetzt|tradott|vertaald|"
    r"corrigid|corregid|corrig|corrected|korrigiert|corrett|verbeterd|revist|revisad|edited)\w*|"
    r"tu\s+reescreves|t[úu]\s+reescribes|tu\s+réécris|tu\s+riscrivi|you\s+rewrite|jij\s+herschrijft)\b|"
    r"てください|てほしい|て欲しい|お願いします|请|請|帮我|幫我|希望你|需要一个|需要一個|"
    r"\b(?:need|want|looking\s+for|build|create|make)\b"
    r"[^.]{0,40}?\b(?:something|thing|that|which|to|them|it|into)\b",
    re.IGNORECASE,
)

WISH = re.compile(
    r"\b(?:and|so)\s+(?:we|i)\s+(?:want|need|would\s+like|'d\s+like|are\s+looking\s+for|am\s+looking\s+for)\s+(?=an?\s)",
    re.IGNORECASE,
)

_NEGATION_LEAD = re.compile(
    r"^\W*(?:never|don'?t|do\s+not|nunca|não|nao|jamás|nicht|niemals|nie|keine?n?|jamais|ne\s|non\s|mai\s|nooit|niet)\b",
    re.IGNORECASE,
)

# A sentence that opens with a limit or a standing order states a rule, not the job: "Max one emoji per message.", "No
# more than 80 words per reply.", "Always reply in English.", "Maximal ein Emoji pro Nachricht.", "Siempre de usted."
# ("Only answer questions about our menu." names the job and stays it.)
_RULE_LEAD = re.compile(
    r"^\W*(?:please\s+)?(?:max(?:imum)?\b|at\s+most|no\s+more\s+than|always|keep\s+(?:your\s+|all\s+|every\s+|each\s+|the\s+)?"
    r"(?:replies|reply|answers?|responses?|messages?|it)\b|"
    r"(?:one|1|un|une|ein|eine|uno|una|um|uma|één)\s+[\w-]+\s+(?:max(?:imum)?|maximal|massimo|máximo|maximaal)\b|"
    r"maximal|höchstens|immer|au\s+(?:maximum|plus)|toujours|como\s+máximo|máximo|siempre|al\s+massimo|massimo|sempre|"
    r"no\s+máximo|maximaal|hoogstens|altijd|no\s+(?!\.|\d)\w+s\b|"
    # "Reply 'We're closed on Sundays.' to any question about Sunday hours.": a fixed reply for one case
    r"(?:reply|say|respond|answer)\s+(?:with\s+)?(?:exactly\s+)?:?\s*[\"“‘'«„])",
    re.IGNORECASE,
)


def leading_rules(task: str, sentences: Sequence[tuple[int, int]]) -> int:
    """How many sentences at the start of the task state rules before a sentence that does not (0 when every
    sentence does: then the first is the job after all)."""
    for count, (start, end) in enumerate(sentences):
        text = task[start:end]
        if not (_RULE_LEAD.match(text) or _NEGATION_LEAD.match(text)):
            return count
    return 0


# "two jobs in one prompt pls.", "I need a system prompt please.": a request for a prompt, no word of the job
META_ONLY = re.compile(
    r"\s*(?:(?:hi|hey|hello)[,!.]?\s+)?(?:(?:can|could|would)\s+you\s+(?:please\s+)?(?:write|make|create|draft|give)"
    r"\s+(?:me|us)\s+|(?:i|we)(?:'d|\s+would)?\s+(?:need|want|like)\s+)?"
    r"(?:(?:a|an|one|new|quick|two|2|three|3)\s+){0,2}(?:(?:jobs?|tasks?|things?)\s+in\s+(?:one|a\s+single)\s+)?"
    r"(?:system\s+)?prompt(?:\s+(?:please|pls|plz|needed|request|for\s+(?:us|me|this)))?\s*[.!:?]*\s*|"
    # "ok so this is a bit of a long one sorry.", "bear with me, long brief": an apology for the brief, no job
    r"\s*(?:(?:ok(?:ay)?|so|hi|hey)[\s,!.]+)*(?:this\s+(?:is|will\s+be)\s+(?:a\s+bit\s+of\s+|quite\s+|kind\s+of\s+)?"
    r"(?:a\s+)?long\s+(?:one|brief|message|post)|bear\s+with\s+me|sorry\s+(?:this\s+is|for\s+the)\s+long\s+\w+)"
    r"(?:[\s,]*(?:sorry|lol|haha))?\s*[.!:?]*\s*",
    re.IGNORECASE,
)


def job_sentence(task: str) -> int:
    """The index of the sentence that says what the assistant is for: the first, unless the first only introduces
    the requester and one of the next two names the job."""
    sentences = split_sentences(task)
    if len(sentences) > 1 and (
        GREETING_ONLY.match(task[sentences[0][0] : sentences[0][1]])
        or META_ONLY.fullmatch(task[sentences[0][0] : sentences[0][1]])
    ):
        # "hola! tengo una escuela de surf … y quiero un asistente …": a greeting says nothing of the job
        return 1 + job_sentence(task[sentences[1][0] :])
    labelled = next((i for i, (start, _) in enumerate(sentences[:8]) if _JOB_LABEL.match(task, start)), None)
    if labelled is not None:
        return labelled  # "- cosa fa l'assistente: spiega …", "任务：把里面的术语挑出来": the brief names its job line
    first = task[sentences[0][0] : sentences[0][1]] if sentences else ""
    if len(sentences) > 1 and first.rstrip().endswith((":", "：")) and asks_for_prompt(task[slice(*sentences[1])]):
        return 1  # "Here's what I need:\n1. A system prompt for a helper that …": the lead-in introduces the job
    if len(sentences) > 1 and _NEGATION_LEAD.match(first):
        return 1  # "Nunca dês conselhos de investimento. Ajuda os jovens com orçamento": a rule first, then the job
    ruled = leading_rules(task, sentences)
    if ruled:
        # "Max one emoji per message. You answer questions for our bakery …": the rules the brief opens with are
        # rules (their constraints state them); the job is the first sentence after them
        return ruled + job_sentence(task[sentences[ruled][0] :])
    named = _names_only(first)
    named = named or _BUSINESS_STATES.match(first) is not None
    if not (named or BACKGROUND.match(first)) or _JOB_CUE.search(first):
        return 0
    # "… e eu preciso deles prontos. quero um assistente que reescreva o texto": the sentence that asks for an
    # assistant names the job better than an earlier one that only says what the requester needs.
    for index, (start, end) in enumerate(sentences[1:4], start=1):
        said = task[start:end]
        if _ASSISTANT_WANTED.search(said) or ASSISTANT_CALLED.search(said) or _ASSISTANT_OPENS.match(said):
            return index
    for index, (start, end) in enumerate(sentences[1:3], start=1):
        if _JOB_CUE.search(task[start:end]):
            return index
    # "I volunteer as the inbox coordinator … what I want: for every email, a tag and a draft reply": after an
    # introduction, the sentence the requester heads with what they want
    for index, (start, _) in enumerate(sentences[1:5], start=1):
        if _WHAT_I_WANT.match(task, start):
            return index
    # "I run a dog grooming salon. Write the reminder texts we send …": an order right after the introduction (or
    # after the rules that follow it: "Our shop is at 45 Queen Ave. Always mention parking. You answer questions …")
    rest = task[sentences[1][0] :] if len(sentences) > 1 else ""
    after = 1 + leading_rules(rest, split_sentences(rest))
    if after < len(sentences):
        opening = _ORDER_OPENING.match(task, sentences[after][0], sentences[after][1])
        if opening is not None and opening.group(1).lower().removesuffix("s") in JOB_VERBS:
            return after
    return 0


# "Write …", "Please answer …", "You answer …": the verb an order or a job sentence opens with
_ORDER_OPENING = re.compile(r"\s*(?:please\s+|you\s+)?([a-z]+)", re.IGNORECASE)


# "Wir brauchen einen Assistenten für unsere Schichtleiter. Damit sollen sie Entwürfe … schreiben": a sentence that
# says what the wished-for assistant is for continues the job sentence.
PURPOSE_NEXT = re.compile(
    r"\s*(?:damit|dazu|hiermit|so\s+that|that\s+way|with\s+it|it\s+should|it\s+will|it\s+must|er\s+soll|es\s+soll|"
    r"con\s+(?:él|ella|esto)|avec\s+(?:lui|elle|ça)|com\s+ele|con\s+(?:lui|esso|questo)|daarmee|hiermee|zodat)\b",
    re.IGNORECASE,
)


def job_text(task: str, job: int) -> str:
    """The job sentence, with the next sentence when that one says what the assistant is for."""
    sentences = split_sentences(task)
    if not sentences:
        return ""
    start, end = sentences[job]
    if job + 1 < len(sentences) and (
        PURPOSE_NEXT.match(task, sentences[job + 1][0]) or wants_assistant(task[slice(*sentences[job + 1])])
    ):
        end = sentences[job + 1][1]  # ("…です。…アシスタントを作りたいです。": the job, said as the requester's wish)
    return " ".join(task[start:end].split())


# Verbs that name a whole job when they open the sentence after an introduction ("Write the reminder texts …"), not a
# rule about replies ("Keep every reply under 50 words", "Use British spelling").
JOB_VERBS = frozenset(
    """
    write draft answer summarise summarize translate classify categorise categorize tag extract review grade mark
    score triage route sort tutor teach coach rewrite proofread edit generate create compose convert analyse analyze
    moderate research recommend quiz interview respond reply support handle screen check plan parse proofread
    help explain guide suggest
    """.split()  # noqa: SIM905
)

# A line the brief heads with its job: "Task:", "What it does:", "cosa fa l'assistente:", "Aufgabe:", "任务：".
_JOB_LABEL = re.compile(
    r"\s*(?:[-*•]\s*)?(?:(?:the\s+|your\s+|its\s+)?(?:task|job|role)|what\s+(?:it|the\s+(?:assistant|bot))\s+"
    r"(?:does|should\s+do)|cosa\s+fa\s+l['’]assistente|compito|ruolo|(?:la\s+)?tarea|qué\s+hace(?:\s+el\s+asistente)?|"
    r"(?:la\s+)?tâche|ce\s+que\s+fait\s+l['’]assistant|(?:a\s+)?tarefa|o\s+que\s+(?:o\s+assistente\s+)?faz|aufgabe|"
    r"was\s+(?:der\s+assistent|er|es)\s+tut|taak|wat\s+de\s+assistent\s+doet)\s*:\s*\S|(?:任务|任務|タスク|役割|仕事)\s*[:：]",
    re.IGNORECASE,
)
_WHAT_I_WANT = re.compile(r"\s*(?:[-*•]\s*)?what\s+(?:i|we)\s+(?:want|need)(?:\s+is)?\s*[:：]", re.IGNORECASE)
GREETING_ONLY = re.compile(
    r"^\W*(?:hi|hey|hello|hiya|hola|buenas|buenos\s+d[ií]as|hallo|moin|servus|bonjour|salut|ol[áa]|oi|ciao|salve|hoi|"
    r"dag|goedendag|你好|您好|こんにちは|はじめまして)(?:\s+(?:there|all|everyone|team|a\s+todos|zusammen|à\s+tous))?\W*$",
    re.IGNORECASE,
)
# "Northgate Talking Therapies has a waiting list of about 14 weeks.", "Huurteam Zuidwest geeft gratis advies …": a
# statement about a named business (two capitalised words or more, then a plain verb) introduces it, asks for nothing
_BUSINESS_STATES = re.compile(
    r"^\W*(?-i:[A-Z][\w'’&.-]*)(?:\s+(?-i:[A-Z&][\w'’&.-]*)){1,5}\s+(?:has|have|is|are|runs|offers|provides|sells|"
    r"helps|gives|hat|ist|bietet|betreibt|a|est|propose|g[èe]re|tiene|es|ofrece|gestiona|ha|è|offre|gestisce|tem|é|"
    r"oferece|heeft|is|biedt|geeft)\b",
    re.IGNORECASE,
)
# "a weekly check-in chat called "Between Sessions" for people on the list": the assistant the brief names
ASSISTANT_CALLED = re.compile(
    r"\b(?P<what>(?:an?|one)\s+(?:[\w'’-]+\s+){0,4}?(?:chat|chatbot|bot|assistant|companion|buddy|helper|tutor|guide|"
    r"agent))\s+(?:called|named)\s+[\"“'‘]?(?P<name>(?-i:[A-Z])[^\"”'’.,;:]{1,40}?)[\"”'’]?(?P<rest>(?:\s+(?:for|in|on|at|that|which|to)\b[^.;:!?\n]*)?)"
    r"(?=[.;:!?\n]|$)",
    re.IGNORECASE,
)
_ASSISTANT_WANTED = re.compile(
    # one asked for ("quero um assistente que …"), not one the requester has ("My assistant who used to do this …")
    # (a compound counts: "een supportassistent die …", "einen Chatbot, der …")
    r"\b(?:an?|um|uma|un|una|une|ein|eine|einen|een)\s+(?:\w+\s+)?(?:\w+-)?\w{0,12}?"
    r"(?:bot|chatbot|assistant|agent|helper|asistente|assistente|assistent(?:in|en)?|agente|assistant)\b"
    r"[^.]{0,20}?\b(?:that|which|to|who|que|qui|der|die|das|che|dat|die|om|para|pra|pour|per|zum|zur|for|voor|für)\b|"
    r"(?:助手|アシスタント|ボット|机器人)",
    re.IGNORECASE,
)


def is_background(sentence: str) -> bool:
    """A requester's introduction that asks for nothing ("Somos el Sindicato de Inquilinas de Carabanchel.")."""
    return BACKGROUND.match(sentence) is not None and _JOB_CUE.search(sentence) is None


def is_introduction(sentence: str) -> bool:
    """A sentence that introduces the requester or only names the business ("Tandartspraktijk Zonnehof in Utrecht (3
    tandartsen).") and asks for nothing: context, never a rule."""
    return is_background(sentence) or _names_only(sentence)


def job_span(task: str) -> tuple[int, int]:
    """[start, end) of the job sentence."""
    sentences = split_sentences(task)
    if not sentences:
        return 0, 0
    return sentences[min(job_sentence(task), len(sentences) - 1)]


# "… non che riscriva i miei testi", "… and never rewrites": what the assistant must not do is no job it is for
_NEGATED_REST = re.compile(
    r"\b(?:not|never|no|don'?t|non|nicht|nie|kein\w*|não|nunca|mai|niet|nooit|ne)\b.*", re.IGNORECASE | re.DOTALL
)


def job_clause(task: str) -> str:
    """What the job sentence asks the assistant to do: after "un assistente che", up to the next comma or semicolon
    ("…, poi io riscrivo tutto" is the requester's part), and up to a negation; the whole sentence when it asks
    for no assistant in these words."""
    start, end = job_span(task)
    sentence = task[start:end]
    wanted = _ASSISTANT_WANTED.search(sentence)
    if wanted is not None and wanted.group(0).isascii() and sentence[wanted.end() :].strip():
        sentence = re.split(r"[,;]", sentence[wanted.end() :])[0]
    return _NEGATED_REST.sub("", sentence)


def job_start(task: str) -> int:
    """Where the job begins: at the job sentence, after a requester's introduction before it."""
    sentences = split_sentences(task)
    job = job_sentence(task)
    return sentences[job][0] if job and job < len(sentences) else 0
