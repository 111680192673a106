"""Structure rules: role, output format, examples, fallback, input placement."""

from __future__ import annotations

import re
from collections.abc import Iterator

from app.engine.lint._registry import Hit, rule
from app.engine.lint._scoring import NEAR_EMPTY_WORDS, length_cap
from app.engine.lint._text import LintContext, Phrases, heads

OPENING_CHARS = 1200
"""The role or objective must appear this early (Anthropic course element 2; OpenAI first-line rule)."""

_ROLE_VERBS = (
    "act|serve|be|help|assist|answer|review|write|extract|classify|receive|get|analy[sz]e|generate|create|play|take"
    "|work|provide|translate|summari[sz]e|guide|coach|teach|tutor|handle|support|draft|check|grade|evaluate"
)
ROLE = Phrases(
    r"you are\b",
    r"you're\b",
    rf"you will (?:now )?(?:{_ROLE_VERBS})\b",
    r"you (?:help|assist|answer|support|review|write|analy[sz]e|generate|create|classify|extract|translate"
    r"|summari[sz]e|guide|coach|teach|tutor|handle|draft|check|grade|evaluate|serve|act)\b",
    *heads("act|acting", r" (?:as|like)\b"),
    r"i want you to (?:act|be|play|pretend)\b",
    r"pretend (?:to be|you are)\b",
    r"play the (?:role|part) of\b",
    r"take (?:on )?the role of\b",
    r"your (?:primary |main |core )?(?:role|job|task|goal|objective|purpose|mission|responsibility|function)"
    r"(?: here)? ?(?:is|will be|here is|:)",
    r"you work (?:as|for)\b",
    *heads("role|objective|task|goal|purpose|mission|persona|identity", r"\s*:"),
    r"the assistant (?:is|gives|can|will|should|must|helps|answers|acts)\b",
    r"this (?:agent|assistant|bot|tool|prompt) (?:is|will|reads|helps|answers|summari[sz]es|reviews|generates|writes"
    r"|handles|creates|turns|checks)\b",
    r"(?:we|i) (?:need|want|would like|'d like) you to\b",
    r"you(?:'ll| will) be (?:\w+ing|acting|working|playing)\b",
    # "Acme Support Bot — answers questions about routers", "Max, our billing helper, answers …"
    *heads(
        "bot|assistant|agent|helper|chatbot|copilot|advisor|adviser|tutor|coach",
        r"\b[^.\n]{0,30}?\b(?:answers|helps|handles|assists|supports|reviews|writes|summari[sz]es|classifies"
        r"|triages|guides|explains|drafts|checks|extracts|translates)\b",
    ),
    # The same opening in other languages (the linter's phrase lists are English otherwise).
    *heads(("sie sind ein", "sie sind eine", "sie sind der", "sie sind die", "lei è", "tu sei"), r"\b"),
    *heads(("você é", "voce e", "tu es", "vous êtes", "du bist", "eres", "usted es", "sei un", "jesteś"), r"\b"),
    *heads(("あなたは", "你是", "您是", "당신은"), ""),
    word_start=True,
)
ROLE_TAG_RE = re.compile(r"<([a-z][\w.:-]*)>")
ROLE_TAG_WORDS = ("role", "identity", "persona", "behavior", "behaviour", "objective", "task", "goal", "purpose")
ROLE_HEADING_RE = re.compile(r".*\b(?:role|objective|task|goal|purpose|identity|persona|mission)\b")
IMPERATIVE_OPENING_RE = re.compile(
    r"\W*(?:classify|extract|summari[sz]e|translate|write|generate|answer|analy[sz]e|review|rewrite|convert|identify"
    r"|help|draft|evaluate|assess|create|produce|categori[sz]e|label|tag|detect|determine|explain|compare|find|grade"
    r"|score|respond|triage|route|moderate|proofread|edit|check|plan|tutor|teach|build|design|suggest|recommend"
    r"|list|rate|decide|choose|pick|select|verify|map|format|fix|debug|implement|refactor|read|turn|take)\b"
)
OPENING_SENTENCES = 3
TASK_VERB_RE = re.compile(
    r"\W*(?:classify|extract|summari[sz]e|translate|write|generate|review|analy[sz]e|produce|draft|evaluate|assess"
    r"|create|build|design|plan|rewrite|convert|identify|categori[sz]e|label|detect|determine|grade|score|triage"
    r"|moderate|proofread|edit|fix|debug|implement|refactor|turn)\b"
)
_COUNT = (
    r" (?:about |around |roughly |approximately |~)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
    r" (?:words|sentences?|paragraphs?|characters|tokens|lines|bullets?|items)\b"
)
FORMAT = Phrases(
    r"output format",
    r"response format",
    r"answer format",
    r"format(?:ted)? (?:as|in|your|the (?:answer|response|output))\b",
    *heads("respond|reply", r" (?:in|with|using|only)\b"),
    r"answer (?:in|with) (?:a|an|one|two|three|\d|plain|json|the)\b",
    *heads("return|output|produce|emit", r" (?:a|an|the|only|json|valid|one|exactly)\b"),
    r"your (?:response|answer|reply|output)s? (?:should|must|will|is)\b",
    *heads(
        "write|put|wrap|place|enclose|give",
        r" (?:your|the) (?:final )?(?:answer|response|reply|output) (?:in|inside|within|between|as|using)\b",
    ),
    *heads("json|yaml|csv|markdown|numbered list|plain text|plain prose", r"\b"),
    r"bullet(?:ed)? (?:points?|list)\b",
    *heads("under|at most|no more than|fewer than|maximum of|up to|exactly|between|more than|longer than", _COUNT),
    *heads("<output_format>|<format>|<response_format>"),
    r"use (?:this|the following|the same|exactly this) (?:exact |exactly )?(?:format|structure|template|layout|schema)",
    *heads("in|using|with", r" the following (?:format|structure|template|layout|sections)"),
    *heads("should|must", r" be structured\b"),
    r"structured? (?:it |them )?as(?: follows)?\s*:",
    r"structure your (?:response|answer|analysis|output|reply|report|summary)",
    r"required sections\b",
    r"include an? [\w\"“” ]{1,30} section\b",
    r"keep (?:your |each |the )?(?:responses?|answers?|replies|messages?|output|it|them|utterances?) (?:brief|short"
    r"|concise|under|to|below|minimal)\b",
    *heads("one|two|three", r"[-–](?:\d|two|three|four|five) (?:short )?(?:words|sentences|lines|paragraphs|bullets?)"),
    r"[1-3][-–][2-5] (?:short )?(?:words|sentences|lines|paragraphs|bullets?)",
    r"one[- ](?:word|line|sentence|paragraph) (?:answers?|replies|responses|summary)\b",
    *heads("answer|respond|reply", r" in (?:a|one|single) (?:short )?(?:sentence|paragraph|line)\b"),
    *heads("a|one", r" (?:short )?(?:sentence|paragraph|line) (?:answer|response|reply|summary)\b"),
    *heads("format|response format|output format|output schema", r"(?:\*\*)?[ \t]*:[ \t]*(?:\n|$)"),
    r"when outputting\b",
    # "in 2 sentences", "within three bullets max" ("in one sentence" alone may scope a quote, not the reply)
    *heads(
        "in|within|using",
        r" (?:\d+|two|three|four|five|six|seven|eight|nine|ten) (?:short )?(?:words|sentences|paragraphs|lines"
        r"|bullets|bullet points|items)\b",
    ),
    *heads("fenced|code", r" (?:code )?blocks?\b"),
    *heads(
        "return|output|produce|write|give|use",
        r" (?:\d|two|three|four|five|six|seven) (?:short |headed |labell?ed |titled |numbered |named |separate )*"
        r"(?:sections?|headings?|parts?|bullets?|bullet points|paragraphs?|lines?|fields?|columns?|items?)\b",
    ),
    *heads("write|present|return|format", r" (?:it|them|the [a-z]+) as an?\b"),
    *heads("in|as", r" (?:plain )?(?:prose|paragraphs|a table|a list|a numbered list|a bulleted list)\b"),
    *heads("reply|respond|answer", r" only (?:with|in|as)\b"),
    r"only (?:reply|respond|answer|output|return) (?:with|in|as|the)\b",
)
# The same cues in other languages (es, pt, fr, de, it): a format word, a list/paragraph shape, or a length limit.
FORMAT_OTHER = Phrases(
    *heads("formato|format|formate|formatiere|formatea|formata|formatez|formate", r"\b"),
    *heads(
        "responde|responda|réponds|répondez|antworte|antworten sie|rispondi|risponda",
        r" (?:en|em|in|sous|con|mit|avec)\b",
    ),
    *heads("antworte kurz|antworten sie kurz|responde brevemente|responda brevemente|réponds brièvement", r"\b"),
    *heads("lista|liste|viñetas|stichpunkte|stichpunkten|aufzählung|puces|tópicos|elenco puntato", r"\b"),
    *heads("párrafos|parágrafos|paragraphes|absätze|absätzen|absatz|paragrafi", r"\b"),
    *heads(
        "máximo|máximo de|como máximo|no más de|en un máximo de|no máximo|au plus|au maximum|pas plus de|höchstens"
        "|maximal|nicht mehr als|massimo|al massimo|non più di|menos de|moins de|weniger als|unter",
        r" (?:\d+|dos|tres|cuatro|cinco|duas|três|quatro|cinco|deux|trois|quatre|cinq|zwei|drei|vier|fünf|due|tre"
        r"|quattro|cinque)\b",
    ),
)
FORMAT_CJK = Phrases(
    *heads(
        "箇条書き|形式|フォーマット|以内|文字以内|文以内|段落|表形式|格式|列表|要点|以内回答|字以内|句话|段落|表格", ""
    ),
    *heads("json|markdown", ""),
    word_start=False,
)
FALLBACK_OTHER = Phrases(
    *heads(
        "si no|si tu ne|si tu n'|si vous ne|si vous n'|se não|se nao|wenn du|wenn sie|falls du|falls sie|se non",
        r"\b[^.\n]{0,60}?\b(?:sabes|sabe|estás seguro|está seguro|sais|savez|es sûr|êtes sûr|sûr|souber|tiver certeza"
        r"|weißt|wissen|sicher|sai|sei sicuro|encuentras|trouves|trouvez|encontrar|findest|finden|puedes|peux|pode)",
    ),
    *heads("agente humano|atendente humano|agent humain|conseiller|menschlichen mitarbeiter|operatore umano", r"\b"),
    *heads("verweise an|verweise auf|remite a|redirige|oriente|renvoie vers|rinvia a", r"\b"),
    *heads("fuera de tu ámbito|hors de ton champ|fora do escopo|außerhalb", r"\b"),
)
FALLBACK_CJK = Phrases(
    *heads("わからない場合|分からない場合|不明な場合|わからないときは|答えられない場合|担当者に|おつなぎ", ""),
    *heads("如果不知道|不确定|无法回答|不清楚|转接|人工客服|不知道时", ""),
    word_start=False,
)
FORMAT_HEADING_RE = re.compile(r".*\b(?:format|output|response structure|response guidelines|answer structure)\b")
# Section names (headings or XML tags) that carry the output format or the fallback themselves.
FORMAT_TAG_RE = re.compile(r"<(?:[a-z_]*(?:format|output|schema)[a-z_]*)>")
FALLBACK_SECTION_RE = re.compile(
    r".*\b(?:fallbacks?|edge[ _-]cases?|escalations?|when (?:unsure|uncertain|in doubt|stuck)|out[ _-]of[ _-]scope"
    r"|limitations|guardrails|error handling|uncertainty)\b"
)
STRUCTURED_FORMAT = Phrases(r"json\b", r"yaml\b", r"csv\b", r"structured (?:output|data)\b")
# Checked only in the 70 characters before a format word, so the verbs never drive a scan of the text.
# The verb must govern the format word: same clause (no comma or dash between) and at most ~40 characters.
REQUEST_VERB_BEFORE_RE = re.compile(
    r"\b(?:return|respond|output|format|reply|produce|emit|answer|generate|give|provide|write|extract)\b[^.\n,;:—–-]*$"
)
# "JSON keys", "YAML fields": the prompt is talking about structure, not asking for structured output.
STRUCTURE_TALK_AFTER_RE = re.compile(r"(?:json|yaml|csv)\b[ -](?:keys?|fields?|schema|paths?|pointers?|files?|config)")
FORMAT_NOUN_AFTER_RE = re.compile(
    r"(?:json|yaml|csv)\b[^.\n]{0,20}\b(?:object|output|response|format|array|document)\b"
)
FIELDS = Phrases(
    r"\"[a-z_][\w ]{0,40}\"\s*:",
    r"\n[ \t]*(?:[-*+]|\d{1,2}[.)])[ \t]+`?[a-z_][\w.]*`?[ \t]*(?:\(|:|—|–|-[ \t])",
    *heads("fields?|keys?|properties|columns?|attributes", r"\b[^.\n]{0,60}?(?:`|\"|:[ \t]*(?:\n|$))"),
    r"`[a-z_]\w*`[^.\n]{0,40}`[a-z_]\w*`",
    r":[ \t]*(?:string|number|integer|boolean|bool|int|float|array|object|list|null)\b",
    r"<(?:schema|fields|json_schema)>",
    # a CSV header row names the columns: "header row: `call_id,check,passed`", "with header name,email,phone"
    r"`[a-z_]\w*(?:,[ \t]*[a-z_]\w*)+`",
    r"\bheader(?:\s+(?:row|line))?\s*:?\s*\n?[ \t]*[a-z_]\w*(?:,[ \t]*[a-z_]\w*)+",
    # "with fields label and priority", "keys: name, email, plan", "the properties title, year and genre"
    *heads(
        "fields|keys|properties|columns|attributes",
        r"\s+(?:named\s+|called\s+)?[a-z_][\w-]*(?:\s*,\s*[a-z_][\w-]*)*,?\s+(?:and|&)\s+[a-z_][\w-]*",
    ),
    *heads("fields|keys|properties|columns|attributes", r"\s*(?:\(|:)\s*[a-z_][\w-]*\s*,\s*[a-z_][\w-]*"),
)
EXAMPLES = Phrases(
    r"examples?\b",
    r"<example",
    r"e\.g\.",
    r"for (?:example|instance)\b",
    r"such as\b",
    r"\n[ \t]*(?:input|output|user|assistant|q|a)[ \t]*:",
)
_NEGATIVE_OUTCOME = (
    r"\b[^.\n]{0,80}?\b(?:not|no|none|nothing|unsure|uncertain|unclear|ambiguous|missing|lacks?|unavailable"
    r"|outside|unrelated|off-topic|insufficient|absent|empty|doubt|unable|cannot|can't|doesn't|don't|isn't|aren't"
    r"|fail(?:s|ed|ure)?|errors?|stuck|blocked|non-\w+|too (?:large|long|short|vague)|unreadable|illegible|incomplete"
    r"|invalid|unknown|corrupt(?:ed)?|malformed|unsupported|impossible|irrelevant)\b"
)
FALLBACK = Phrases(
    *heads("if|when|whenever|unless", _NEGATIVE_OUTCOME),
    r"out[ -]of[ -]scope\b",
    r"outside (?:the|your|of)\b[^.\n]{0,30}\bscope\b",
    r"unrelated (?:to|questions|requests)\b",
    r"off-topic\b",
    r"i (?:don't|do not) know\b",
    r"politely (?:decline|refuse|redirect)",
    *heads("decline|refuse|null", r"\b"),
    r"escalat",
    r"not (?:enough|sufficient) (?:information|context)\b",
    r"hand ?(?:off|over)\b",
    *heads("ask|prepare", r" (?:a |one |some )?(?:short )?clarifying questions?"),
    r"ask (?:the user |them |the caller |the customer )?for (?:clarification|more (?:information|details|context)"
    r"|the missing|missing)",
    r"ask (?:the user|them|questions)\b",
    *heads("stop|pause", r" (?:and|to) ask\b"),
    *heads("when in doubt|if in doubt|if you are stuck|genuinely blocked|say so|let the user know", r"\b"),
    *heads("connect|transfer|redirect|route", r" (?:them|the (?:user|caller|customer|call))\b"),
    r"human (?:agent|representative|review|staff)\b",
)
LONG_INPUT_NAME_RE = re.compile(
    r"(?:^|_)(?:documents?|docs?|context|articles?|transcripts?|text|content|pages?|reports?|sources?|code|files?|history"
    r"|knowledge|corpus|passages?|manual|faq|contract|body|emails?|thread|conversation|data|notes|logs?|catalog(?:ue)?"
    r"|listings?|inventory|diff|invoice)(?:$|_)",
    re.I,
)
LONG_INPUT_MIN_LENGTH = 2000
TRAILING_INSTRUCTION_CHARS = 30
LEADING_INSTRUCTION_CHARS = 200
COMPLEX_WORDS = 200
FALLBACK_MIN_WORDS = 30


@rule(
    "STR-01",
    "structure",
    "warning",
    "Missing role or objective",
    "The opening does not say who the assistant is or what it must achieve ('You are …', 'Act as …', 'Your task"
    " is …', an imperative task, a role heading or tag).",
)
def missing_role(ctx: LintContext) -> Iterator[Hit]:
    doc = ctx.doc
    if not doc.text.strip():
        return  # STR-08 reports the empty prompt
    if ROLE.contains(doc.lower, 0, OPENING_CHARS):
        return
    if any(any(w in m.group(1) for w in ROLE_TAG_WORDS) for m in ROLE_TAG_RE.finditer(doc.lower, 0, OPENING_CHARS)):
        return
    if any(ROLE_HEADING_RE.match(title.lower()) for _, _, title in doc.headings):
        return
    sentences = doc.sentences
    if sentences and IMPERATIVE_OPENING_RE.match(sentences[0].lower):
        return
    # A context sentence may come first ("The messages above are a conversation. Summarize them …").
    if any(TASK_VERB_RE.match(s.lower) for s in sentences[1:OPENING_SENTENCES] if s.start < OPENING_CHARS):
        return
    start, end = (sentences[0].start, sentences[0].end) if sentences else (0, min(len(doc.text), 80))
    yield Hit(
        start,
        end,
        "The opening states no role or objective.",
        "Start with one line such as 'You are <role> helping <audience> to <goal>.'",
    )


@rule(
    "STR-02",
    "structure",
    "warning",
    "No output format",
    "The prompt never says what the answer should look like (length, structure, tags or schema).",
)
def missing_output_format(ctx: LintContext) -> Iterator[Hit]:
    doc = ctx.doc
    if not doc.text.strip() or FORMAT.contains(doc.lower) or FORMAT_OTHER.contains(doc.lower):
        return
    if doc.has_cjk and FORMAT_CJK.contains(doc.lower):
        return
    if any(FORMAT_HEADING_RE.match(title.lower()) for _, _, title in doc.headings):
        return
    if FORMAT_TAG_RE.search(doc.lower):
        return
    yield Hit(
        None,
        None,
        "No output format is specified.",
        "Add an 'Output format' section: length, structure, and tag names or JSON fields.",
    )


@rule(
    "STR-07",
    "structure",
    "error",
    "Structured output without fields",
    "JSON/YAML/CSV output is requested but no field names, keys or schema are given.",
)
def structured_without_fields(ctx: LintContext) -> Iterator[Hit]:
    lower = ctx.doc.lower
    for m in STRUCTURED_FORMAT.finditer(lower):
        if STRUCTURE_TALK_AFTER_RE.match(lower, m.start()):
            continue
        verb = REQUEST_VERB_BEFORE_RE.search(lower, max(0, m.start() - 40), m.start())
        noun = FORMAT_NOUN_AFTER_RE.match(lower, m.start())
        if verb or noun:
            break
    else:
        return
    if FIELDS.contains(lower):
        return
    start = verb.start() if verb else m.start()
    end = noun.end() if noun else m.end()
    yield Hit(
        start,
        end,
        "Structured output is requested without naming its fields.",
        "List every field with its type, or give a JSON schema or a complete example object.",
    )


@rule(
    "STR-03",
    "structure",
    "info",
    "No examples for a complex task",
    f"A long prompt ({COMPLEX_WORDS}+ words) gives no example of the expected behaviour.",
)
def missing_examples(ctx: LintContext) -> Iterator[Hit]:
    doc = ctx.doc
    # Sections are structure, not complexity: a 130-word prompt in five tags (as improve writes it) needs no
    # examples, so only the length of the instructions counts.
    complex_task = doc.word_count >= COMPLEX_WORDS
    if complex_task and not EXAMPLES.contains(doc.lower):
        yield Hit(
            None,
            None,
            "This prompt is complex but shows no examples.",
            "Add 1-3 diverse examples (in <example> tags or an '# Examples' section), including an edge case.",
        )


@rule(
    "STR-05",
    "structure",
    "warning",
    "Long input after its instructions",
    "A long input (document, context, transcript…) is placed at the end, after the instructions about it.",
)
def long_input_last(ctx: LintContext) -> Iterator[Hit]:
    doc = ctx.doc
    declared = ctx.declared or {}
    seen: set[str] = set()
    for occ in doc.variables:
        if not occ.valid or occ.name in seen:
            continue
        var = declared.get(occ.name)
        is_long = LONG_INPUT_NAME_RE.search(occ.name) is not None or (
            var is not None and var.max_length is not None and var.max_length >= LONG_INPUT_MIN_LENGTH
        )
        if not is_long:
            continue
        seen.add(occ.name)
        block_end = occ.end
        for region in doc.xml_regions:
            if region.content_start <= occ.start and occ.end <= region.content_end:
                block_end = max(block_end, region.end)
        for start, end in doc.fences:
            if start <= occ.start < end:
                block_end = max(block_end, end)
        # Bounded windows: only "at least N non-space characters" matters, so never split the whole text.
        tail = len("".join(doc.text[block_end : block_end + 8 * TRAILING_INSTRUCTION_CHARS].split()))
        head = len("".join(doc.text[max(0, occ.start - 8 * LEADING_INSTRUCTION_CHARS) : occ.start].split()))
        if tail < TRAILING_INSTRUCTION_CHARS and head >= LEADING_INSTRUCTION_CHARS:
            yield Hit(
                occ.start,
                occ.end,
                f"Long input '{{{{{occ.name}}}}}' comes after the instructions about it.",
                "Put long inputs near the top and the task or question at the end, or restate the task after it.",
            )


@rule(
    "STR-06",
    "structure",
    "warning",
    "No fallback",
    "Nothing says what to do when unsure, when information is missing, or when a request is out of scope"
    " (a conditional such as 'If you don't know…', a hand-off, a clarifying question, or an 'Edge cases' section).",
)
def missing_fallback(ctx: LintContext) -> Iterator[Hit]:
    doc = ctx.doc
    if doc.word_count < FALLBACK_MIN_WORDS or FALLBACK.contains(doc.lower) or FALLBACK_OTHER.contains(doc.lower):
        return
    if doc.has_cjk and FALLBACK_CJK.contains(doc.lower):
        return
    sections = [title.lower() for _, _, title in doc.headings] + [r.name for r in doc.xml_regions]
    if not any(FALLBACK_SECTION_RE.match(name) for name in sections):
        yield Hit(
            None,
            None,
            "No fallback for uncertain or out-of-scope requests.",
            "Add e.g. 'If the answer is not in the provided material, say you don't know.'",
        )


@rule(
    "STR-08",
    "structure",
    "warning",
    "Empty or near-empty prompt",
    f"The prompt is empty (an error) or shorter than {NEAR_EMPTY_WORDS} words: too short to state a role, the"
    " task, the output format and what to do when unsure. The score is capped by the length.",
)
def near_empty(ctx: LintContext) -> Iterator[Hit]:
    doc = ctx.doc
    words = doc.word_count
    if words == 0:
        yield Hit(
            None,
            None,
            "The prompt is empty.",
            "Write the role, the task, the output format and what to do when unsure.",
            "error",
        )
    elif words < NEAR_EMPTY_WORDS:
        yield Hit(
            0,
            len(doc.text.rstrip()),
            f"Near-empty prompt: {words} word(s); the score is capped at {length_cap(words)}.",
            "Add what is missing: who the assistant is, the task, the output format, and what to do when unsure"
            " or out of scope.",
        )
