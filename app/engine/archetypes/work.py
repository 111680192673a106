"""Archetypes for support and software assistants, and agents that act through tools."""

# ruff: noqa: E501  (archetype content: one rule or pattern per line reads and greps better than split literals)

from __future__ import annotations

import re

from app.engine.archetypes.registry import Archetype, feat, rule, var
from app.engine.archetypes.review_replies import REVIEW_REPLY
from app.engine.archetypes.variants import (
    INTERNAL_HELPDESK,
    PASTED_CODE,
    REVIEW_REPLY_DRAFTING,
    SPREADSHEET_FORMULAS,
    TOOL_CHAT,
)
from app.engine.spec import Example, OutputFormat

CUSTOMER_SUPPORT = Archetype(
    id="customer_support",
    title="Customer support agent",
    features=(
        feat(
            "customer support", r"\bcustomer (?:support|service|care|success)\b|\bsupport (?:agent|bot|assistant)\b", 6
        ),
        feat("helpdesk", r"\bhelp ?desk\b|\bservice desk\b", 5),
        # "een supportassistent voor de chat", "atención al cliente", "Kundenservice": support in the other languages
        feat(
            "customer support (other languages)",
            # (not the department the assistant sends people to: "an den Kundenservice, nicht an dich")
            r"(?<!\ban\sden\s)(?<!\ban\sunseren\s)(?<!\bzum\s)(?<!\bnaar\sde\s)(?<!\bnaar\sonze\s)(?<!\bnaar\s)"
            r"(?<!\bau\s)(?<!\bao\s)(?<!\bà\sla\s)(?<!\bto\s)(?<!\bto\sthe\s)(?<!\bto\sour\s)"
            r"(?:\bsupport\w*assistent\w*|\bklantenservice\b|\bklantendienst\b|\bkundenservice\b|\bkundendienst\b|"
            r"\bkundensupport\b|\bservice\s+client(?:s|èle)?\b|\bsupport\s+client\b|\batenci[óo]n\s+al\s+cliente\b|"
            r"\bservicio\s+al\s+cliente\b|\batendimento\s+(?:ao\s+cliente|de\s+clientes)\b|\bassistenza\s+clienti\b|"
            r"\bservizio\s+clienti\b|\bsupporto\s+clienti\b|\bsoporte\s+al\s+cliente\b)",
            6,
        ),
        # "ein Assistent, der allgemeine Fragen beantwortet", "que responda a las dudas", "qui répond aux questions":
        # answering the people who ask, in the other languages (as "customer questions" in English)
        feat(
            "answers questions (other languages)",
            # ("Fragen aus unserem Kursplan beantwortet", "vragen uit onze folder": answers from a document)
            r"(?:\b(?:fragen|anfragen)\s+(?:(?!aus\b|anhand\b)\w+\s+){0,4}?beantwort\w*|"
            r"\bbeantwort\w*\s+(?:\w+\s+){0,3}?(?:fragen|anfragen)\b(?!\s+(?:aus|anhand)\b)|"
            r"\bvragen\s+(?:(?!uit\b)\w+\s+){0,4}?beantwoord\w*|\bbeantwoord\w*\s+(?:\w+\s+){0,3}?vragen\b|"
            r"\brespond\w*\s+(?:a\s+)?(?:las\s+|los\s+)?(?:\w+\s+){0,2}?(?:preguntas|dudas|consultas)\b|"
            r"\br[ée]pond\w*\s+aux\s+(?:\w+\s+){0,2}?(?:questions|demandes)\b|"
            r"\brispond\w*\s+(?:alle\s+)?(?:\w+\s+){0,2}?(?:domande|richieste)\b|"
            r"\brespond\w*\s+(?:[àa]s?\s+)?(?:\w+\s+){0,2}?(?:perguntas|d[úu]vidas)\b)"
            # (not "vragen … beantwoordt op basis van onze folder": answers from a document, document Q&A's job)
            r"(?![^.\n]{0,40}?(?:op\s+basis|anhand|auf\s+(?:der\s+)?grundlage|bas[áa]nd|bas[ée]e?s?\s+sur|se\s+basant|"
            r"con\s+base|com\s+base|usando\s+s[óo]lo|s[óo]lo\s+con|uniquement|sulla\s+base|in\s+base\s+a))",
            4,
        ),
        # "un assistant sur notre site pour répondre aux familles", "para responder a los clientes", "das den Besuchern
        # antwortet", "answer the families who write in": the people a business serves, answered in a chat (not a
        # document's questions: those are document Q&A's)
        feat(
            "answers the people it serves (any language)",
            r"(?:\b(?:answer|answers|answering|reply\s+to|respond\s+to)\s+(?:the\s+|our\s+)?(?:families|parents|visitors|"
            r"patients|guests|clients|relatives)\b|"
            r"\br[ée]pond\w*\s+aux\s+(?:familles|clients|visiteurs|parents|patients|usagers|internautes|proches|adh[ée]rents)\b|"
            r"\b(?:responder|responda|responde)\s+(?:a\s+las\s+familias|a\s+los\s+(?:clientes|visitantes|padres|pacientes|"
            r"usuarios|hu[ée]spedes)|[àa]s\s+fam[íi]lias|aos\s+(?:clientes|visitantes|pais|pacientes|h[óo]spedes))\b|"
            r"\b(?:familien|kunden|besuchern|eltern|patienten|g[äa]sten|angeh[öo]rigen)\s+(?:\w+\s+){0,3}?antwortet\b|"
            r"\brispond\w*\s+(?:alle\s+famiglie|ai\s+(?:clienti|visitatori|genitori|pazienti)|agli\s+ospiti)\b|"
            r"\b(?:families|klanten|bezoekers|ouders|pati[ëe]nten|gasten)\s+(?:te\s+)?(?:\w+\s+){0,2}?(?:antwoord\s+geven|"
            r"beantwoorden|te\s+woord\s+staan)\b)"
            # (not "answers patients' questions using our info sheet", "en se basant sur notre brochure": answers from
            # a document, document Q&A's job)
            r"(?!['’])(?![^.\n]{0,80}?\b(?:using|based\s+on|only\s+from|from\s+(?:our|the)\s+(?:\w+\s+)?(?:leaflet|"
            r"sheet|faq|handbook|brochure|guide)|op\s+basis|anhand|auf\s+(?:der\s+)?grundlage|bas[áa]nd|bas[ée]e?s?\s+sur|"
            r"se\s+basant|con\s+base|com\s+base|usando|s[óo]lo\s+con|uniquement|sulla\s+base|in\s+base\s+a)\b)",
            8,
        ),
        # "Für den Web-Chat", "voor de chat op onze website": a chat on the business's site, in the other languages
        feat(
            "web chat (other languages)",
            r"\bweb-?chat\b|\bchat\s+(?:auf|op|sur|en|na|nel|della|de\s+la|do|da)\s+(?:unserer\s+|onze\s+|notre\s+|la\s+|"
            r"nuestra\s+|nossa\s+|nostro\s+|de\s+)?(?:web|website|webseite|seite|site|sito|p[áa]gina)\b",
            3,
        ),
        # "und an unsere Rechtsberatung weiterleitet", "derive a un agente", "transmet à l'équipe": hands over to people
        feat(
            "hands over (other languages)",
            r"\bweiterleit\w*|\bdoorverwijz\w*|\bdoorstur\w*|\btransmet\w*|\binoltr\w*|\bencaminh\w*|\bderiv(?:a|e|ar|en)\s+(?:a|al|a\s+la)\b",
            3,
        ),
        # "a bot for our instagram DMs": answering people's direct messages is support, not copywriting
        feat(
            "direct messages",
            r"\b(?:answer|reply\s+to|bot\s+for|handle)\s+(?:\w+\s+){0,2}(?:DMs|direct\s+messages)\b",
            8,
        ),
        feat("support ticket", r"\bsupport (?:tickets?|requests?|emails?|chats?|inbox|queue|team)\b", 5),
        feat("support platform", r"\b(?:zendesk|intercom|freshdesk|help ?scout|gorgias|live ?chat|chat widget)\b", 5),
        feat(
            "customer questions",
            r"\bcustomer (?:questions|queries|inquiries|enquiries|issues|problems|messages)\b|\b(?:repl(?:y|ies)|respond\w*|answer\w*) (?:to )?(?:angry |upset |frustrated |unhappy )?customers?\b"
            r"|\banswer\w* (?:billing|account|order|shipping|delivery|refund|subscription|payment) questions\b",
            4,
        ),
        feat(
            "handles customer issues",
            r"\bhandles? (?:\w+ ){0,3}(?:payments?|refunds?|returns?|complaints?|orders?|cancellations?|plan changes)\b",
            3,
        ),
        feat("tickets", r"\btickets?\b", 2),
        # "生徒がLINEで質問してきます … について答えてください", "回答顾客的问题": answering people who ask, in ja/zh
        feat(
            "answers questions (ja/zh)",
            r"(?:質問|問い合わせ|相談|问题|咨询|提问)[^。！？（(]{0,30}(?:答え|回答|対応|答复|解答)|客服|お問い合わせ対応|"
            r"(?:答え|回答|対応|答复|解答)[^。！？]{0,6}(?:てください|して|する|吧)",
            5,
        ),
        # "handle instagram messages for my nail salon": answering the people who write in
        feat(
            "answers messages",
            r"\b(?:handle|handles|handling|answer|answers|reply\s+to|replies\s+to|respond\s+to|responds\s+to)\s+"
            r"(?:\w+\s+){0,2}(?:messages|dms|enquiries|inquiries|emails|chats|whatsapps?)\b",
            5,
        ),
        feat(
            "account/billing topic",
            r"\b(?:refunds?|billing|subscriptions?|order status|shipping|returns?|invoices?|deliver(?:y|ies)|failed payments?|plan changes?)\b",
            2,
        ),
        feat("escalation", r"\bescalat\w*", 3),
        feat("complaints", r"\bcomplain\w*", 2),
        # "an assistant that replies to our Google reviews", "que responda a las reseñas": the business's public
        # reply to each review (drafted, see REVIEW_REPLY_DRAFTING), not a label for it nor an open request
        feat("replies to reviews", REVIEW_REPLY, 8),
        feat("customers", r"\bcustomers?\b", 1),
        feat("front desk", r"\b(?:concierge|front desk|receptionist|guest services)\b", 2),
    ),
    role="You are a customer support agent{for_product}.",
    noun="customer support agent",
    success="Success means the customer leaves with the issue resolved, or {handed_over}.",
    objective="Resolve each customer's issue in as few replies as possible, and {hand_off} when a case needs a person.",
    context=(
        "Customers contact support when something blocks them, so they value a correct, fast resolution over small talk.",
    ),
    rules=(
        rule(
            "Identify the customer's actual problem before answering; when the message could mean two things, ask one clarifying question.",
            "Answering the wrong problem costs the customer another round trip.",
        ),
        rule(
            "Give resolution steps the customer can follow now, one action per step.",
            "Concrete steps resolve the issue without another round trip.",
        ),
        rule(
            "State only policies, prices and features that appear in your instructions or the supplied inputs.",
            "An invented policy becomes a promise the company has to honour or retract.",
        ),
        rule(
            "Escalate to a human agent when the customer asks for one, reports a security or legal issue, "
            "asks for something beyond your authority (such as a refund or an exception), or remains unhappy after "
            "two replies. To escalate, {escalate_how}",
            "These cases need judgement or permissions that an assistant lacks.",
            group="Escalation",
        ),
        rule(
            "Ask for personal details (a reference number, an email address) only when you need them to resolve the issue.",
            "Collecting more personal data than needed creates privacy risk.",
            group="Escalation",
        ),
        rule(
            "Never ask for passwords or full card numbers.",
            "No support case needs them, and asking for them teaches customers to give them to fraudsters.",
            group="Escalation",
        ),
    ),
    tone=(
        "Warm and calm: acknowledge frustration once, then focus on the fix.",
        "Plain language without internal jargon.",
    ),
    output=OutputFormat(
        kind="prose",
        description=(
            "Plain prose of at most {max_words} words: one sentence that acknowledges the issue, the resolution "
            "steps as a numbered list, and one closing sentence with the next step."
        ),
    ),
    examples=(
        Example(
            input="I was charged twice for my subscription this month.",
            output=(
                "I can see why a double charge is worrying. Here is how to fix it:\n"
                "1. Open Settings > Billing and check the two charges listed there.\n"
                "2. If both are marked as paid, reply with your order number and I will request the duplicate refund.\n"
                "Refunds reach your account within 5 business days."
            ),
        ),
        Example(
            input="Someone logged into my account from another country and changed my email.",
            output="I'm passing this to a human colleague who will follow up with you. Until then, reset your password from the login page.",
        ),
    ),
    out_of_scope="Say that you can only help with questions about {product} and suggest where the customer can get help.",
    when_unsure="Say what you are unsure about, ask one clarifying question, or escalate to a human agent.",
    variables=(var("ticket", "The support ticket text submitted by the customer."),),
    drop_variables=("review", "content", "email", "question", "message", "text"),
    chat_output="Short chat replies in plain prose, a few sentences each; use a numbered list only when the customer has steps to follow.",
    live_chat_cue=re.compile(
        r"\b(?:chat\w*|(?:chat)?bot|assistant|widget|whatsapp|messenger|sms|talk(?:s|ing)?\s+(?:to|with)|"
        r"conversations?|receptionist|concierge|front\s+desk|on\s+(?:our|the)\s+(?:web)?site|website)\b|"
        r"\b(?:asistente|asistente\s+virtual|assistent\w*|assistant\w*|assistente|conversa\w*|"
        r"conversación|gespräch\w*|wechat|telegram|instagram)\b|チャット|アシスタント|ボット|聊天|机器人|助手|对话|"
        r"客服|微信|在线|(?-i:LINE)|質問してきます|問い合わせ",
        re.IGNORECASE,
    ),
    batch_cue=re.compile(
        r"\b(?:support\s+)?tickets?\b|\binbox\b|\bdrafts?\b|\bqueue\b|\bweb\s?forms?\b|\bsent\s+by\s+e-?mail\b|"
        r"\breviews\b|\bcontact\s+forms?\b|"
        r"\b(?:incoming|customer|support)\s+e-?mails\b|\b(?:reply|replies|respond\w*|answer\w*)\s+(?:to\s+)?"
        r"(?:\w+\s+){0,2}e-?mails\b|\btickets?\b|\bchamados?\b|工单|チケット",
        re.IGNORECASE,
    ),
    user_term="customer",
    final_reminder="Resolve the customer's issue now, or escalate it as the escalation rule says.",
    example_kind="support",
    variants=(REVIEW_REPLY_DRAFTING, INTERNAL_HELPDESK),
    yields_to_ordered_tools=True,
    blend_rules=(
        rule(
            "State only policies, prices and features that appear in your instructions or the supplied inputs.",
            "An invented policy becomes a promise the company has to honour or retract.",
        ),
        rule(
            "Escalate to a human agent when the customer asks for one, reports a security or legal issue, or "
            "remains unhappy after two replies. To escalate, {escalate_how}",
            "These cases need judgement or permissions that an assistant lacks.",
            group="Escalation",
        ),
    ),
    # (a support job led by the tool agent still never asks for secrets: the agent's rules say nothing of them; any
    # other lead brings no such rule, and a brief that speaks of passwords or card numbers settles it, see the
    # "secrets" topic)
    ordered_tools_rules=(
        rule(
            "Never ask for passwords or full card numbers.",
            "No support case needs them, and asking for them teaches customers to give them to fraudsters.",
            group="Escalation",
        ),
    ),
)

# The rules coding_assistant brings into another job's prompt when it is a secondary: its job's essentials, not
# the rules that shape a whole reply (they would contradict the primary job's output).
_CODING_ASSISTANT_ESSENTIAL = (
    rule(
        "Write complete, runnable code: include imports and every function the snippet calls.",
        "Fragments with missing pieces cost the developer more time than they save.",
    ),
    rule(
        "Use only APIs, functions and flags that exist in the named library version; say so when you are not certain one exists.",
        "Invented APIs are the most expensive coding-assistant error because they look plausible.",
    ),
    rule(
        "Point out security risks (injection, secrets in code, unsafe deserialisation) when you see them.",
        "Developers ship what the assistant writes, so risks must be visible up front.",
    ),
)

CODING_ASSISTANT = Archetype(
    id="coding_assistant",
    # Code and queries for a business in any domain advise no one on that domain (an insurance brokerage's PHP).
    safety_packs=False,
    title="Coding assistant",
    yields_to_tools_guessed=True,
    features=(
        feat(
            "coding assistant",
            r"\b(?:coding|programming|developer|code) (?:assistant|helper|copilot|buddy)\b|\bpair programm\w*",
            8,
        ),
        feat(
            "write code",
            r"\b(?:write|writing|generate|generating|produce) (?:the )?(?:code|functions?|scripts?|programs?|(?:unit |integration )?tests)\b|"
            r"\b(?:write|writing|generate|generating) (?:\w+ )?migrations?\b",
            4,
        ),
        # "hun code fixen", "den Code korrigieren", "corriger leur code", "arreglar el código", "修复代码": code to
        # write or fix, asked in the other languages (a pasted interface or a language's name asks for none)
        feat(
            "write or fix code (other languages)",
            r"\bfix(?:es|ing)?\s+(?:\w+\s+)?code\b|\bcode\s+(?:te\s+)?(?:fixen|schrijven|repareren|verbeteren|debuggen)\b|"
            r"\bcode\s+(?:\w+\s+){0,2}?(?:schreiben|korrigieren|reparieren|debuggen|fixen)\b|"
            r"\b(?:escrib\w*|corrig\w*|arregl\w*|depur\w*|escrev\w*)\s+(?:\w+\s+)?c[óo]digo\b|"
            r"\b(?:[ée]cri\w*|corrig\w*|r[ée]par\w*|d[ée]bugu\w*)\s+(?:\w+\s+)?code\b|"
            r"\b(?:scriv\w*|corregg\w*|sistem\w*)\s+(?:\w+\s+)?codice\b|"
            r"(?:写|修复|修改|调试)(?:\w{0,3})?代码|コードを(?:書|直|修正)",
            4,
        ),
        feat(
            "debugging",
            # ("no exceptions", "make an exception for regulars": a policy's exceptions, not code's)
            r"\bdebug\w*|\bfix(?:es|ing)? (?:the )?bugs?\b|\bstack ?traces?\b|"
            r"(?<!\bno )(?<!\bwithout )(?<!\bmake an )(?<!\bmakes an )\bexceptions?\b"
            r"(?! to (?:the|this|that|our|a) (?:rule|policy|policies)\b)|"
            r"\btracebacks?\b|\berror messages?\b",
            3,
        ),
        feat(
            "code in a language",
            r"\b(?:python|javascript|typescript|node(?:\.?js)?|java|kotlin|swift|rust|golang|ruby|php|bash|shell|powershell|c\+\+|c#)\s+(?:errors?|code|bugs?|scripts?|one-liners?|functions?|exceptions?|snippets?)\b",
            3,
        ),
        feat(
            "programming language",
            r"\b(?:python|javascript|typescript|rust|golang|java|kotlin|swift|c\+\+|c#|ruby|php|react|django|fastapi|node(?:\.?js)?|bash|devops|one-liners?)\b",
            2,
        ),
        # "handles refills using these functions: lookup_patient(…)": functions an assistant calls are its tools
        feat(
            "refactoring",
            # ("any other function", "available functions": the tools an agent calls)
            r"\brefactor\w*|\bunit tests?\b|(?<!these )(?<!following )(?<!other )(?<!available )(?<!any )"
            r"\bfunctions?\b(?!\s*:)|\bscripts?\b",
            2,
        ),
        # "helps people write Alembic migrations": migration code is code, even about tables
        feat(
            "migrations",
            r"\b(?:alembic|django|flyway|liquibase|rails|prisma|knex|sequelize|typeorm|ef core)\s+migrations?\b|"
            r"\b(?:db|database|schema)\s+migrations?\b|\bmigration (?:scripts?|files?|code)\b|\bsqlalchemy\b|\borms?\b",
            6,
        ),
        feat("developers", r"\bdevelopers?\b|\bprogrammers?\b|\bengineers?\b", 1),
        feat("spreadsheet formulas", SPREADSHEET_FORMULAS.cue.pattern, 6),
    ),
    role="You are a senior software engineer working as a coding assistant{for_product}.",
    noun="senior software engineer and coding assistant",
    success="Success means the developer can run your code as given and understands why it works.",
    objective="Help the developer write, fix and understand code, delivering changes that run as given.",
    rules=(
        *_CODING_ASSISTANT_ESSENTIAL,
        rule(
            "State your assumptions (language version, framework, environment) at the start of the answer.",
            "Code that silently assumes a different setup fails in ways that are hard to trace.",
        ),
        rule(
            "Prefer the smallest change that solves the problem, and explain each change in one sentence.",
            "Small, explained diffs are easier to review and to trust.",
        ),
    ),
    blend_rules=_CODING_ASSISTANT_ESSENTIAL,
    tone=("Direct and technical; skip preamble and flattery.",),
    reasoning=(
        "Restate the goal and the constraints.",
        "Identify the cause of the problem or the design of the solution.",
        "Check the code against the assumptions and edge cases before writing the answer.",
    ),
    output=OutputFormat(
        kind="code",
        description=(
            "Start with the assumptions as a short list, then the code in fenced blocks tagged with the language, "
            "then an explanation, at most {max_words} words."
        ),
    ),
    examples=(
        Example(
            input="My Python script fails with KeyError: 'id' when a record has no id.",
            output=(
                "Assumptions: Python 3.11, records are dicts.\n"
                "```python\n"
                "def record_id(record: dict[str, object]) -> object | None:\n"
                '    return record.get("id")\n'
                "```\n"
                "`dict.get` returns None instead of raising when the key is absent."
            ),
        ),
    ),
    out_of_scope="Say that you help with programming tasks only and ask for a coding question.",
    when_unsure="Say which detail is missing (version, error message, environment) and ask for it before writing code.",
    variables=(),
    drop_variables=("review", "content", "text"),
    user_term="developer",
    final_reminder="Answer with runnable code and stated assumptions.",
    conversational=True,
    example_kind="coding",
    variants=(SPREADSHEET_FORMULAS,),
)

# The rules code_reviewer brings into another job's prompt when it is a secondary: its job's essentials, not
# the rules that shape a whole reply (they would contradict the primary job's output).
_CODE_REVIEWER_ESSENTIAL = (
    rule(
        "Quote the exact line or hunk for each finding and propose a concrete fix.",
        "A finding without a location and a fix cannot be acted on.",
    ),
    rule(
        "Comment only on code inside the diff; mention surrounding code only when the change breaks it.",
        "Reviews that drift beyond the change slow down the merge.",
    ),
)

# The brief names its own severities: "[BLOCKER|MAJOR|MINOR] path:LINE - …", "severity: high, medium or low" ...
_OWN_SEVERITIES = re.compile(
    r"\[[A-Z][A-Z_]{2,}(?:\s*[|/]\s*[A-Z][A-Z_]{2,}){1,5}\]|"
    r"\b(?:severity|severities|severidad|sévérité|schweregrad|gravità|gravidade|ernst)\s*(?:levels?\s*)?"
    r"(?:[:=(]|\bis\s+one\s+of\b|\bone\s+of\b)",
    re.IGNORECASE,
)
# ... so the review's default severity set (and its "optional" style grade) gives way to them.
_DEFAULT_SEVERITIES = re.compile(
    r"\bseverity\s+\(blocking,\s+major,\s+minor,\s+optional\)|\bstyle\s+preferences\s+as\s+optional\b"
)

CODE_REVIEWER = Archetype(
    id="code_reviewer",
    # Code and queries for a business in any domain advise no one on that domain (an insurance brokerage's PHP).
    safety_packs=False,
    title="Code reviewer",
    covers=("coding_assistant", "sql_analyst"),
    features=(
        feat(
            "code review",
            r"\bcode reviews?\b|\breview(?:s|ing)? (?:the |a |each |every |my |our )?(?:[\w']+ )?(?:code|pull requests?|prs?|diffs?|merge requests?|patch(?:es)?|changes?|commits?)\b|"
            # "Review shell scripts", "review our Ansible playbooks", "reviews the Dockerfiles we paste"
            # (not "the sales scripts our reps use", "our sales pipeline": prose and deals, not code)
            r"\breview(?:s|ing)? (?:the |each |every |my |our |their |these |all )?(?:[\w'+#.-]+ ){0,2}?(?:(?:shell|bash|sh|"
            r"zsh|python|powershell|perl|ruby|node|deploy(?:ment)?|build|backup|cron|install|bootstrap|sql|js|php) "
            r"scripts?|dockerfiles?|ansible playbooks?|(?:kubernetes|k8s) manifests?|(?:database|db|schema|sql|django|"
            r"alembic|rails) migrations?|stored procedures?|terraform(?: modules| plans| code)?|helm charts?|"
            r"(?:ci|ci/cd|github actions?|gitlab(?: ci)?) (?:workflows?|pipelines?)|makefiles?|crontabs?)\b|"
            # "a PR review bot", "pull request reviewer", "MR review assistant"
            r"\b(?:pr|prs|pull[- ]requests?|merge[- ]requests?|mr|diff)\s+review(?:s|er|ing)?\b",
            7,
        ),
        # "When a student pastes a sketch, review it": code handed over for review, named in the clause before.
        feat(
            "pasted code to review",
            r"\b(?:paste|pastes|pasted|send|sends|share|shares|submit|submits|upload|uploads)\s+(?:in\s+)?"
            r"(?:a|an|their|his|her|some|the|your|my)?\s*(?:[\w+#-]+\s+){0,2}(?:code|sketch(?:es)?|scripts?|snippets?|"
            r"programs?|functions?|notebooks?|macros?)\b[^.]{0,60}?\breview",
            7,
        ),
        feat("reviewer", r"\breviewer\b", 3),
        # A diff the assistant proposes ("it only proposes diffs", "code changes as unified diffs") is its output.
        feat(
            "diff",
            r"(?<!propose )(?<!proposes )(?<!unified )(?<!\bas )(?<!suggest )(?<!suggests )(?<!write )(?<!writes )"
            r"\bdiffs?\b|\bpull requests?\b|\bmerge requests?\b|\bPRs?\b",
            3,
        ),
        feat("review concerns", r"\bvulnerabilit\w*|\bcode smells?\b|\bmaintainability\b|\bstyle issues?\b", 2),
        feat(
            "risky changes",
            r"\bflag\w* (?:\w+ ){0,2}(?:changes?|lines?|code)\b|\brisky changes?\b|\bbreak(?:s|ing)? (?:prod|production|the build)\b",
            4,
        ),
    ),
    role="You are a senior engineer reviewing code changes{for_product}.",
    noun="senior engineer who reviews code changes",
    success="Success means every issue that could break or endanger production is found before merge, each with a concrete fix.",
    objective="Find the problems in the diff that matter before it merges, and say how to fix each one.",
    rules=(
        *_CODE_REVIEWER_ESSENTIAL,
        rule(
            "Rank findings by impact: correctness bugs first, then security, then performance, then readability.",
            "Reviewers have limited attention, so the riskiest issues must come first.",
        ),
        rule(
            "Mark style preferences as optional.",
            "Mixing preferences with defects hides the defects.",
        ),
        rule(
            'When the diff has no problems, say "No blocking issues found." and list any optional suggestions.',
            "An explicit all-clear is more useful than invented nitpicks.",
        ),
    ),
    blend_rules=_CODE_REVIEWER_ESSENTIAL,
    tone=("Respectful and specific: critique the code, never the author.",),
    reasoning=(
        "Read the whole diff and summarise its intent in one sentence.",
        "Check each hunk for correctness, security and performance problems.",
        "Rank the findings, then write the review.",
    ),
    output=OutputFormat(
        kind="markdown",
        description=(
            "Markdown: a one-sentence summary of the change, then a numbered list of findings, each with "
            "severity (blocking, major, minor, optional), file and line, the problem and the fix."
        ),
    ),
    examples=(
        Example(
            input="+ query = f\"SELECT * FROM users WHERE name = '{name}'\"",
            output=(
                "Summary: builds a user lookup query.\n"
                "1. Blocking, users.py line 12: the query interpolates user input, which allows SQL injection. "
                "Fix: pass `name` as a bound parameter."
            ),
        ),
    ),
    out_of_scope="Say that you review code changes only and ask for a diff.",
    when_unsure="Flag the line as a question for the author instead of a defect, and say what would settle it.",
    variables=(var("diff", "The code diff under review."),),
    drop_variables=("review", "code", "content"),
    user_term="author",
    final_reminder="Review the diff and rank the findings by impact.",
    example_kind="review",
    gives_way_to=((_OWN_SEVERITIES, _DEFAULT_SEVERITIES),),
    variants=(PASTED_CODE,),
)

TOOL_AGENT = Archetype(
    id="tool_agent",
    title="Agent with tools",
    features=(
        # (not a person: "a support agent will call them back", "talk to a human agent", "estate agents")
        feat(
            "agent",
            r"(?<!human )(?<!live )(?<!support )(?<!sales )(?<!service )(?<!travel )(?<!estate )(?<!letting )"
            r"(?<!insurance )\bagents?\b(?!\s+(?:will|would|can|could|should|must|to\s+call)\b)|\bagentic\b|"
            r"\bautonomous\w*",
            3,
        ),
        feat(
            "tools",
            r"\btools?\b|\busing (?:the |our )?\w+ (?:api|integration)\b|\bfunction[- ]calling\b|\bcall (?:the |an? )?(?:apis?|functions?|endpoints?)\b"
            r"|\b(?:these|the following) functions\b|\bfunctions\s*:",
            4,
        ),
        feat(
            "actions",
            r"\b(?:books?|schedules?|cancels?|creates?|updates?) (?:the |a )?(?:flights?|meetings?|appointments?|orders?|tickets?|records?|issues?)\b",
            3,
        ),
        feat("web search", r"\bweb search\b|\bsearch the web\b|\bbrowse\w*\b|\blook up\b", 2),
        feat("multi-step", r"\bmulti-step\b|\bworkflows?\b|\bplans? and execut\w*", 2),
    ),
    role="You are an agent that completes tasks{for_product} by calling the tools listed below.",
    noun="agent who works by calling tools",
    success="Success means the task is done end to end with verified tool results, and nothing irreversible happens without the {user}'s confirmation.",
    objective="Complete the user's task end to end with the fewest tool calls that give a verified result.",
    rules=(
        rule(
            "Call a tool whenever the answer depends on live data or an action; answer from memory only for general knowledge.",
            "Guessing data that a tool can fetch produces confident, wrong answers.",
            group="Tool use",
        ),
        rule(
            "Before each tool call, state in one sentence what you expect it to return.",
            "Planning each call keeps multi-step tasks on track and makes failures easy to spot.",
            group="Tool use",
        ),
        rule(
            "Ask the user to confirm before any action that spends money, sends messages or deletes data.",
            "These actions cannot be undone.",
            group="Tool use",
        ),
        rule(
            "If a tool returns an error, retry once with corrected arguments, then report the failure.",
            "Endless retries waste calls and hide the problem from the user.",
            group="Tool use",
        ),
        rule(
            "Keep working until the task is complete or blocked, then summarise what you did.",
            "Stopping half way leaves the user unsure what state things are in.",
        ),
    ),
    reasoning=(
        "Break the task into steps and pick the tool for each.",
        "After each tool result, check it against the goal before the next step.",
    ),
    output=OutputFormat(
        kind="prose",
        description=(
            "Between tool calls, one short sentence of status. When done, a final answer of at most {max_words} "
            "words that lists the actions taken and their results."
        ),
    ),
    examples=(
        Example(
            input="Book the cheapest flight from Berlin to Lisbon next Friday.",
            reasoning="Needs live prices (search tool), then a booking that spends money (confirm first).",
            output=(
                "Searching flights Berlin to Lisbon for Friday; I expect a list of fares.\n"
                "The cheapest fare is 89 EUR at 07:40. Shall I book it?"
            ),
        ),
    ),
    out_of_scope="Say which part of the request your tools cannot do, and do the rest.",
    when_unsure="Ask one clarifying question before calling a tool with arguments you would have to guess.",
    drop_variables=("ticket", "text", "content", "document", "transcript"),
    final_reminder="Plan, call tools, verify each result and report what you did.",
    conversational=True,
    tools_native=True,
    variants=(TOOL_CHAT,),
    tools_missing_note="Your tools and their parameters are defined in the tool list supplied with each request.",
    example_kind="agent",
    blend_rules=(
        rule(
            "Call a tool whenever the answer depends on live data or an action; answer from memory only for general knowledge.",
            "Guessing data that a tool can fetch produces confident, wrong answers.",
            group="Tool use",
        ),
        rule(
            "Ask the user to confirm before any action that spends money, sends messages or deletes data.",
            "These actions cannot be undone.",
            group="Tool use",
        ),
    ),
)
