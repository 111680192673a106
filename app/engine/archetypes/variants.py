"""Narrower jobs inside an archetype, chosen by the task's own words (see `Variant`).

The classifier's archetypes are broad: "writing" covers editing a draft and writing a bedtime story; "email and
meetings" covers a meeting recap and a sales email drafted from notes. Their default rules fit one reading and
contradict the other ("Improve the user's text" for a story generator), so each variant replaces what differs.
"""

# ruff: noqa: E501  (archetype content: one rule or pattern per line reads and greps better than split literals)

from __future__ import annotations

import re

from app.engine.archetypes.registry import Variant, rule, var
from app.engine.archetypes.review_replies import REVIEW_REPLY
from app.engine.guessing_game import GUESSING_GAME, TRIES_THEN_ANSWER
from app.engine.spec import Example, OutputFormat
from app.engine.taught_language import TAUGHT_LANGUAGE

# Words that say the user brings a draft to improve: then the editor's own rules are right.
_EDITING = re.compile(
    r"\bedit(?:s|ing|or)?\b|\bproofread\w*|\bcopy-?edit\w*|\brewrit\w*|\brephras\w*|\bpolish\w*|\bcritiqu\w*|"
    r"\bfeedback\s+on\b|\bfix\w*\s+(?:the\s+|their\s+|my\s+)?(?:grammar|typos|spelling)|\bimprove\s+(?:the|my|their)\b",
    re.IGNORECASE,
)

CREATIVE_WRITING = Variant(
    name="creative writing",
    cue=re.compile(
        r"\b(?:stor(?:y|ies)|storytell\w*|poems?|poetry|fiction|fairy\s?tales?|bedtime|lyrics|limericks?|haikus?|"
        r"fables?|screenplays?|worldbuild\w*|plot\s+ideas?|characters?\s+and\s+plots?)\b",
        re.IGNORECASE,
    ),
    unless=_EDITING,
    changes={
        "role": "You are a creative writer{for_product}.",
        "noun": "creative writer",
        "objective": "Write original stories and pieces that fit the request, the audience and the limits set here.",
        "success": "Success means an original, engaging piece that fits its audience, the requested form and every limit here.",
        "rules": (
            rule(
                "Write original work; never reproduce existing stories, lyrics or characters that belong to someone else.",
                "Copied text is not what was asked for and can infringe copyright.",
            ),
            rule(
                "Use every name, character, setting and detail the {user} gives, and keep them consistent to the end.",
                "Readers notice when a name or fact changes halfway through.",
            ),
            rule(
                "Give a story a clear beginning, a turning point and an ending; keep a poem in one form and metre.",
                "A shape the reader can follow is what makes a short piece satisfying.",
            ),
            rule(
                "When the request leaves a choice open (a name, the setting, the theme), make it yourself instead of asking.",
                "A short creative request expects a finished piece, not a list of questions.",
            ),
        ),
        "output": OutputFormat(
            kind="prose", description="The piece itself, with a title when it helps; no commentary before or after it."
        ),
        "examples": (),
        "out_of_scope": "Say that you write stories and creative pieces, and offer one on a related theme.",
        "when_unsure": "Make a reasonable creative choice and carry on; ask only when the piece cannot be written without the answer.",
        "variables": (),
        "drop_variables": ("text", "document", "review", "content", "question"),
        "conversational": True,
        "final_reminder": "Write the original piece the {user} asks for, within every limit here.",
        "contacts_in_text": True,
    },
)

# Minutes as a record of a meeting, not a duration ("30 minutes", "a few minutes", "minutes late").
MEETING_MINUTES = (
    r"(?<!\d )(?<!\d)(?<!-)(?<!\bfew )(?<!\bten )(?<!\bfive )(?<!\btwo )(?<!\bsix )\bminutes\b"
    r"(?!\s+(?:late|early|before|after|ago|later|long|away|each|per|left|of\s+(?:silence|walking|\w+ing)))"
)

# Someone else drafts ("Agents draft replies afterwards; you only pick the label"), or nobody may ("Do not draft
# replies"): no drafting variant
DRAFTED_ELSEWHERE = (
    # (not "Agents review the draft", "Our agents draft replies only for escalations")
    r"\b(?:agents?|team|staff|someone|colleagues?|humans?|they|others?|separate\s+(?:bot|tool))\s+"
    r"(?:(?:will|then|later|also|afterwards|themselves|that)\s+)?(?:drafts?|writes?)\s+(?:(?:the|a|their|all)\s+)?"
    r"(?:repl|respons|answer|email)\w*\b(?![^.\n]*\bonly\s+for\b)|"
    r"\b(?:do\s+not|don'?t|never|no)\s+(?:\w+\s+)?(?:draft|write)\w*\s+(?:a\s+)?repl"
)


EMAIL_DRAFTING = Variant(
    name="email drafting",
    cue=re.compile(
        r"\b(?:draft|write|compose|turn)\w*\s+(?:\w+[\s-]+){0,3}(?:e-?mails?|letters?)\b|\bfollow[\s-]?up\s+e-?mails?\b|"
        # "From each transcript I need: A) a client update email"
        r"\b(?:i|we)\s+(?:need|want)\b[^.]{0,12}\b(?:an?|one)\s+(?:[\w-]+\s+){0,2}(?:update|status|progress)\s+e-?mails?\b",
        re.IGNORECASE,
    ),
    unless=re.compile(
        MEETING_MINUTES
        # (a site lead's voice-note transcript is the notes an update email is written from; a meeting's or a call's
        # transcript is followed up with minutes and action items)
        + r"|\bmeeting\s+(?:notes|transcripts?)\b|\baction\s+items?\b|\b(?:meeting|call|zoom|teams|sales)\s+transcripts?\b|"
        r"\bsummar\w*|\brecap\w*|"
        r"\binbox\b|\bthreads?\b|\btriag\w*|" + DRAFTED_ELSEWHERE,
        re.IGNORECASE,
    ),
    changes={
        "role": "You are an assistant who drafts emails{for_product}.",
        "noun": "email writer",
        "objective": "Draft clear, ready-to-send emails from the {user}'s notes.",
        "success": "Success means an email the sender can send after a quick read, saying only what the notes support.",
        "rules": (
            rule(
                "Use only the facts, names, dates and commitments in the notes; never add a promise the notes do not make.",
                "An email commits the sender to everything it says.",
            ),
            rule(
                "State the purpose of the email in its first sentence.",
                "Busy readers decide from the first line whether to read on.",
            ),
            rule(
                "When the notes leave out something the email needs, write around it and list the open point after the draft.",
                "A guessed detail in a sent email is hard to take back.",
            ),
            rule(
                "Draft emails for the {user} to send; never state that a message was sent.",
                "You draft; a person decides what goes out.",
            ),
        ),
        "output": OutputFormat(kind="prose", description='A "Subject:" line, then the email body, ready to send.'),
        "examples": (
            Example(
                input="Notes: call with Priya at Lumen Labs. Wants a pilot for 20 seats. Needs our security questionnaire. Next: demo for her IT team, Thursday?",
                output=(
                    "Subject: Your pilot and next steps\n\n"
                    "Hi Priya,\n\n"
                    "Thank you for your time today. As discussed, you would like to start a pilot for 20 seats, and "
                    "I will send our security questionnaire for your team.\n\n"
                    "As a next step, could we show the product to your IT team on Thursday?"
                ),
            ),
        ),
        "out_of_scope": "Say that you draft emails from notes, and ask for the notes.",
        "when_unsure": "Leave the unclear point out of the draft and ask the {user} about it after the email.",
        "variables": (var("notes", "The notes to turn into an email."),),
        "drop_variables": ("email", "transcript", "text", "document", "review", "content"),
        "replaceable_inputs": ("notes",),
        "final_reminder": "Draft the email from the notes, adding nothing they do not support.",
        "contacts_in_text": True,
    },
)

# "a bot that drafts replies to customer emails", "conceptantwoorden schrijft op e-mails", "Antworten auf Anfragen
# entwerfen": the input is an incoming message to answer, not notes or a meeting to follow up.
# "notes typed during the weekly lab meeting … a quick readout and the action items pulled out": a meeting's notes
# turned into a recap; no reply is drafted, so no rule about replies or their register applies.
MEETING_RECAP = Variant(
    name="meeting recap",
    cue=re.compile(
        r"\bmeeting\s+(?:notes|transcripts?|minutes)\b|\bnotes\s+(?:\w+\s+){0,6}(?:during|from|of|after)\s+(?:\w+\s+){0,3}"
        r"(?:meetings?|stand-?ups?|calls?|retros?)\b|\baction\s+items?\b|" + MEETING_MINUTES,
        re.IGNORECASE,
    ),
    unless=re.compile(
        r"\brepl(?:y|ies)\b|\brespon(?:d|se)\w*|\b(?:draft|write|compose|send)\w*\s+(?:\w+[\s-]+){0,3}e-?mails?\b|"
        r"\bfollow[\s-]?up\s+e-?mails?\b|\binbox\b|\binto\s+(?:an?\s+)?(?:\w+\s+){0,2}e-?mails?\b|\be-?mails?\s+to\b",
        re.IGNORECASE,
    ),
    changes={
        "role": "You are an assistant who turns meeting notes into a recap{for_product}.",
        "noun": "assistant who turns meeting notes into a recap",
        "objective": "Turn each meeting's notes into a short recap with every decision, action item, owner and date.",
        "success": "Success means nobody who missed the meeting misses a decision, an owner or a date.",
        "rules": (
            rule(
                "Capture every decision, owner and due date stated in the notes; add none the notes do not state.",
                "An invented owner or date becomes a false commitment.",
            ),
            rule(
                "Keep names, numbers, dates and identifiers exactly as the notes give them.",
                "These details are what readers act on.",
            ),
        ),
        "variables": (var("notes", "The meeting notes to recap."),),
        "drop_variables": ("email", "text", "document", "review", "content"),
        "replaceable_inputs": ("notes",),
        "final_reminder": "Recap the meeting from the notes: decisions, action items, owners and dates.",
    },
)

# The messages a reply answers are e-mails ("e-mail", "mail", "correo", "courriel", "メール", "邮件") …
EMAIL_WORD = (
    r"\be-?mails?\b|\bmails?\b|\binbox\b|\bcorreos?\b|\bcourriels?\b|\be-?mails?\w*|\bmailbox\b|\bpostvak\b|"
    r"\bposteingang\b|メール|邮件|电邮|信件"
)
# … or something else: a text, a chat or WhatsApp message, a review, a comment ("a weekly check-in text and they reply
# to it", "口コミへの返信"), which has no subject line, greeting or sign-off to write.
OTHER_CHANNEL = (
    r"\btexts?\b|\btext\s+messages?\b|\bsms\b|\bwhats\s?app\b|\bmessages?\b|\bchats?\b|\bdms?\b|\breviews?\b|"
    r"\bcomments?\b|\bposts?\b|\bcheck-?ins?\b|\bmensaje\w*|\bmensage\w*|\bnachricht\w*|\bmessaggi\w*|"
    r"\bberichten\b|\bappjes?\b|\bavis\b|\bcommentaires?\b|\brese[ñn]as?\b|\bcomentarios?\b|\bavalia[çc][õo]es\b|"
    r"\bbewertung\w*|\brecensioni\b|\brecensies?\b|口コミ|クチコミ|レビュー|评论|评价|留言|短信|私信"
)
# A reply drafted where no e-mail is named but another channel is: the e-mail frame would be wrong.
NOT_AN_EMAIL = rf"^(?![\s\S]*(?:{EMAIL_WORD}))(?=[\s\S]*(?:{OTHER_CHANNEL}))"


def unless_not_an_email(cue: str) -> str:
    """A reply-drafting cue that holds only when the brief names e-mails, or no other channel at all."""
    return rf"^(?!{NOT_AN_EMAIL[1:]})[\s\S]*?(?:{cue})"


REPLY_DRAFTING = Variant(
    name="reply drafting",
    cue=re.compile(
        r"\b(?:draft|write|compose|suggest|prepare)\w*\s+(?:\w+[\s-]+){0,2}(?:repl(?:y|ies)|responses?|answers?)\s+(?:to|for|on)\s+"
        r"(?:\w+[\s-]+){0,4}(?:e-?mails?|messages?|enquiries|inquiries|complaints|reviews|letters)\b|"
        # "reads each tenant email, tags it and drafts a reply I can send": the reply to the email just read
        r"\bdraft(?:s|ing)?\s+(?:a|an|the)\s+(?:\w+\s+)?(?:repl(?:y|ies)|response)\b|"
        # "goes through the inbox each morning, drafts replies and books meetings"
        r"\bdraft(?:s|ing)?\s+replies\b|"
        # "for every email, a tag for us and then a draft reply I can check and send"
        r"\b(?:then|and|plus|with)\s+a\s+draft\s+(?:repl(?:y|ies)|response)\b|"
        r"\bconcept-?antwoord\w*|\bantwoorden\s+(?:\w+\s+){0,2}op\s+(?:\w+\s+){0,2}e-?mails?\b|\bbeantwoord\w*\s+(?:\w+\s+){0,2}e-?mails?\b|"
        r"\bantwort(?:en|entwürfe|entwurf)?\s+auf\s+(?:\w+\s+){0,3}(?:e-?mails?|mails|anfragen|beschwerden|nachrichten)\b|\bantwortentw\w*|"
        r"\bborradores?\s+de\s+respuesta\w*|\brespuestas?\s+a\s+(?:los\s+|las\s+)?(?:correos|e-?mails|mensajes|reclamaciones|quejas)\b|"
        r"\bbrouillons?\s+de\s+réponse\w*|\bréponses?\s+aux\s+(?:e-?mails|courriels|messages|réclamations)\b|"
        r"\brascunhos?\s+de\s+resposta\w*|\brespostas?\s+(?:a|aos|às)\s+(?:e-?mails|mensagens|reclamações)\b|"
        r"\bbozz[ae]\s+di\s+risposta\b|\brisposte\s+(?:alle|ai)\s+(?:e-?mail|mail|messaggi|reclami)\b|"
        r"返信(?:文|案|メール)|メールへの返信|返信の?下書き|回复邮件|邮件回复|起草回复|回复(?:的)?草稿|草拟回复|回信",
        re.IGNORECASE,
    ),
    unless=re.compile(
        # meeting work, an inbox to triage or follow-ups to list keep the follow-up rules
        MEETING_MINUTES + r"|\bmeeting\s+(?:notes|transcripts?)\b|\baction\s+items?\b|\bnotulen\b|\bprotokoll|"
        r"\bfollow-?ups?\b|\btriag\w*|\bsummar\w*|\brecap\w*|" + DRAFTED_ELSEWHERE,
        re.I,
    ),
    changes={
        "role": "You are an assistant{for_product} who drafts replies to incoming emails.",
        "noun": "reply writer",
        "objective": "Draft a reply to each incoming email that answers what the sender wrote, ready for the {user} to check and send.",
        "success": "Success means a reply the {user} can send after a quick read: it answers every question in the email and promises nothing the {user} has not confirmed.",
        "rules": (
            rule(
                "Answer every question and request in the incoming email, in the order the sender raised them.",
                "A reply that skips a question starts another round of emails.",
            ),
            rule(
                "Use only facts the email and these instructions give; never promise a date, refund or outcome they do not support.",
                "A reply commits the sender to everything it says.",
            ),
            rule(
                "When the reply needs a fact you do not have, write around it and list the open point for the {user} after the draft.",
                "A guessed detail in a sent email is hard to take back.",
            ),
            rule(
                "Draft replies for the {user} to send; never state that a message was sent.",
                "You draft; a person decides what goes out.",
            ),
        ),
        "output": OutputFormat(kind="prose", description="The reply, ready to send: greeting, body and sign-off."),
        "examples": (),
        "example_kind": "",
        "out_of_scope": "Say that you draft replies to incoming emails, and ask for the email to answer.",
        "when_unsure": "Write around the unclear point and list it for the {user} after the draft, instead of guessing.",
        "variables": (var("email", "The incoming email to reply to."),),
        "final_reminder": "Draft the reply to the email, answering what the sender asked and promising nothing unconfirmed.",
        "contacts_in_text": True,
    },
)

# "Students … get a weekly check-in text and they reply to it … draft a reply the duty coordinator can send", "口コミへの
# 返信案": a reply to a text, a chat message or a review, with no e-mail named, has no greeting or sign-off, and a
# draft whose layout the brief fixes gets no open points listed after it.
MESSAGE_REPLY = Variant(
    name="message reply drafting",
    cue=re.compile(NOT_AN_EMAIL + r"[\s\S]*?(?:" + REPLY_DRAFTING.cue.pattern + r")", re.IGNORECASE),
    unless=REPLY_DRAFTING.unless,
    changes={
        **REPLY_DRAFTING.changes,
        "role": "You are an assistant{for_product} who drafts replies to incoming messages.",
        "objective": "Draft a reply to each incoming message that answers what the sender wrote, ready for the {user} to check and send.",
        "success": "Success means a reply the {user} can send after a quick read: it answers what the sender wrote and promises nothing the {user} has not confirmed.",
        "rules": (
            rule(
                "Reply to what the sender wrote, using only facts the message and these instructions give; never promise a date, service or outcome they do not support.",
                "A reply commits the sender to everything it says.",
            ),
            rule(
                "Draft replies for the {user} to send; never state that a message was sent.",
                "You draft; a person decides what goes out.",
            ),
        ),
        "output": OutputFormat(kind="prose", description="The reply, ready to send."),
        "out_of_scope": "Say that you draft replies to incoming messages.",
        "when_unsure": "Leave out any fact you cannot confirm rather than guess it.",
        "variables": (var("message", "The incoming message to reply to."),),
        "replaceable_inputs": ("message",),
        "drop_variables": ("email", "text", "document", "content"),
        "final_reminder": "Draft the reply to the message, promising nothing unconfirmed.",
    },
)

# "an assistant that replies to our Google reviews", "que responda a las reseñas": the public reply to each review,
# whatever else the brief names ("unhappy guests can email us at …")
REVIEW_REPLY_DRAFTING = Variant(
    name="review reply drafting",
    cue=re.compile(REVIEW_REPLY, re.IGNORECASE),
    unless=REPLY_DRAFTING.unless,
    changes={
        **MESSAGE_REPLY.changes,
        # (the reviewers are the customers; the business checks and posts each reply)
        "role": "You are an assistant{for_product} who drafts public replies to customer reviews.",
        "objective": "Draft a reply to each review that answers what the reviewer wrote, ready to check and post.",
        "success": "Success means a reply the business can post after a quick read: it answers what the reviewer wrote and promises nothing the business has not confirmed.",
        "rules": (
            rule(
                "Reply to what the reviewer wrote, using only facts the review and these instructions give; never promise a refund, date or outcome they do not support.",
                "A public reply commits the business to everything it says.",
            ),
            rule(
                "Draft the reply for the business to post; never state that a reply was posted.",
                "You draft; a person decides what goes out.",
            ),
        ),
        "out_of_scope": "Say that you draft replies to reviews.",
        "variables": (var("review", "The review to reply to."),),
        "replaceable_inputs": ("review",),
        "drop_variables": ("email", "text", "document", "content", "message"),
        "final_reminder": "Draft the reply to the review, promising nothing unconfirmed.",
        "live_chat_cue": None,  # each review arrives to be answered, never a live chat
    },
)

TIGHTENING = Variant(
    name="tightening",
    cue=re.compile(
        r"\b(?:tighten|shorten|trim|cut\s+down|make\s+(?:\w+\s+)?(?:shorter|concise|tighter))\w*\b", re.IGNORECASE
    ),
    unless=re.compile(r"\bsummar\w*|\bkey\s+points\b|\btl;?dr\b|\bbullets?\b", re.IGNORECASE),
    changes={
        "role": "You are an editor who tightens text{for_product}.",
        "noun": "editor",
        "objective": "Make the input shorter and tighter without changing what it says.",
        "success": "Success means a shorter text that keeps every claim, number and reference of the original, in its order.",
        "rules": (
            rule(
                "Keep the original's order, structure and claims; cut words, not content.",
                "Readers of the tightened text expect the same piece, only shorter.",
            ),
            rule(
                "Keep every number, name, term and reference exactly as written.",
                "These are the details a reader checks against the original.",
            ),
            rule(
                "Cut filler, repetition and hedges that add no meaning, and merge sentences that say one thing.",
                "That is where length goes without loss.",
            ),
        ),
        "output": OutputFormat(kind="prose", description="The tightened text only, with no notes before or after it."),
        "examples": (),
        "example_kind": "",
        "out_of_scope": "Say that you tighten supplied text, and ask for the text.",
        "when_unsure": "Keep the original wording for a passage whose meaning you cannot keep while shortening it.",
        "variables": (var("text", "The text to tighten."),),
        "replaceable_inputs": ("text",),
        "final_reminder": "Return the tightened text, keeping every claim, number and reference.",
    },
)

# "rewrite our letters in plain language", "du schreibst es in einfache, verständliche Sprache um", "reescribe … en
# lectura fácil": a rewrite whose target is plain language, in any language. "Use plain English" alone is a style.
_PLAIN = (
    r"(?:plain|simple|everyday|easy)\s+(?:English|language|words|Dutch|German|Spanish|French)\b|\beasy[- ]read\b|"
    r"\beinfache\w*(?:,\s*\w+)?\s+Sprache\b|\bleichte\w*\s+Sprache\b|\bverständliche\w*\s+Sprache\b|"
    r"\blenguaje\s+(?:claro|sencillo|llano|fácil)\b|\blectura\s+fácil\b|\blangage\s+(?:clair|simple|courant)\b|\bFALC\b|"
    r"\blinguagem\s+(?:simples|clara|acessível)\b|\blinguaggio\s+(?:semplice|chiaro)\b|\beenvoudige\s+taal\b|"
    # "naar taalniveau B1", "auf B1-Niveau", "nivel B1": a plain-language reading level
    # (a level to write to, not the requester's own: "I'm at level B1")
    r"(?<!up\s)(?<!i'm\s)(?<!i’m\s)(?<!i\sam\s)(?<!\bim\s)\b(?:naar|to|into|auf|op|al|para|a|en|in|at|au|di|ao)\s+(?:(?:taal)?niveau|level|nivel|livello|n[íi]vel)\s+"
    r"[AB][12]\b|(?<!up\s)(?<!i'm\s)(?<!i’m\s)(?<!i\sam\s)\b(?:naar|to|into|auf|op|at)\s+[AB][12][- ](?:niveau|level)\b|"
    r"\bbegrijpelijke\s+taal\b|やさしい日本語|わかりやすい(?:日本語|言葉)|分かりやすい(?:日本語|言葉)|通俗易懂|大白话|简单易懂"
)
# "turn", "put", "convert" rewrite a text ("turn our letters into plain English", "put it in plain English"); with
# another object ("turn any jargon into plain English", "put everything in plain English") they set a style, as
# "schreibe immer in einfacher Sprache" (write, not rewrite) does.
_TEXT_OBJECT = (
    r"(?:it|them|this|these|that|those|(?:\w+[\s-]+){0,3}?(?:texts?|letters?|notices?|documents?|leaflets?|forms?|"
    r"e-?mails?|contracts?|polic(?:y|ies)|articles?|pages?|reports?|bills?|statements?|notifications?|brochures?|"
    r"decisions?|paragraphs?|passages?|clauses?|terms\s+and\s+conditions|t&cs|drafts?|copy|content|carta|cartas|"
    r"texto|textos|documento|documentos|courrier|courriers|lettre|lettres|texte|textes|brief|brieven|tekst|teksten|"
    r"briefe|bescheid\w*))\b"
)
_REWRITE_VERB = (
    r"\b(?:rewrit\w*|reescrib\w*|réécri\w*|reformul\w*|reescrev\w*|riscriv\w*|herschrijf\w*|herschrijv\w*|"
    r"umschreib\w*|übertrag\w*)\b|"
    rf"\b(?:turn|convert|put|transform|conviert\w*|transforma\w*)(?:s|ed|ing)?\s+{_TEXT_OBJECT}|"
    r"書き直|書き換え|言い換え|改写|改成|转换成|改为"
)
PLAIN_LANGUAGE_REWRITE = re.compile(
    # (an abbreviation's full stop, "from St. Aldric Regional into plain language", ends no sentence)
    rf"(?:{_REWRITE_VERB})(?:[^.!?\n]|(?<=\bSt)\.|(?<=\bDr)\.|(?<=\bMr)\.|(?<=\bMrs)\.|(?<=\bNo)\.|(?<=\bCo)\.){{0,80}}?(?:{_PLAIN})|(?:{_PLAIN})[^.!?\n]{{0,40}}?(?:\bum\b|\bversions?\b|\brewrite\b|に書き直|改写)",
    re.IGNORECASE,
)

PLAIN_LANGUAGE = Variant(
    name="plain language",
    cue=PLAIN_LANGUAGE_REWRITE,
    changes={
        "role": "You are a plain-language editor{for_product} who rewrites texts so that anyone can understand them.",
        "noun": "plain-language editor",
        # a rewrite of a given text advises nobody: the chat safety packs would add advice the original lacks
        "safety_packs": False,
        "objective": "Rewrite the text in plain language that its readers understand on first reading, keeping every fact.",
        "success": "Success means a reader with no special knowledge understands the rewritten text on first reading and knows what to do, and no fact, amount, date or deadline of the original is lost or changed.",
        "rules": (
            rule(
                "Keep every fact, amount, date, deadline and reference number of the original, and everything the reader must do.",
                "A plain version that drops a deadline or an amount misleads the reader it was written for.",
            ),
            rule(
                "Use short sentences and everyday words; explain a technical term in a few words, or replace it, where it first appears.",
                "Readers who stumble over one word often give up on the whole text.",
            ),
            rule(
                "Address the reader directly, and put what they must do, and by when, near the start.",
                "The action is what most readers of an official letter need from it.",
            ),
            rule(
                "Never add advice, opinions or facts that the original does not contain.",
                "The rewrite must say what the sender said, only more clearly.",
            ),
        ),
        "output": OutputFormat(kind="prose", description="The rewritten text only, with no notes before or after it."),
        "examples": (),
        "example_kind": "",
        "out_of_scope": "Say that you rewrite supplied texts in plain language, and ask for the text.",
        "when_unsure": "Keep the original wording for a passage whose meaning you cannot keep in plain words, and mark it for the sender to check.",
        "variables": (var("text", "The text to rewrite."),),
        "replaceable_inputs": ("text",),
        "final_reminder": "Return the rewritten text only, keeping every fact, amount and date.",
    },
)

# "The character is Captain Marrow, a friendly old ship's cook …", "a mascot called Pip the penguin": the assistant
# plays a character the brief describes, for visitors or players, not for practice.
CHARACTER_CUE = re.compile(
    r"\b(?i:the|our|a|this)\s+(?i:chat\s+|talking\s+|museum\s+|brand\s+|game\s+|story\s+|support\s+|assistant\s+|bot\s+|"
    r"chatbot\s+|virtual\s+assistant\s+)?(?i:character|mascot|persona)\s+"
    r"(?:is|will\s+be|(?:is\s+)?called|(?:is\s+)?named)\s+(?P<who>[A-Z][^.!?\n]{1,160})",
)


# "Help me brainstorm plot twists for my novel. The character is Elena …": a character of the requester's story is
# what they write about, not someone the assistant plays.
_FICTION = re.compile(
    r"\b(?:my|our|the|a)\s+(?:\w+[\s-]+){0,2}?(?:novel|short\s+story|story|book|screenplay|script|manuscript|"
    r"fan\s*fic(?:tion)?|campaign|comic)\b|\bplot\s+(?:twists?|ideas?|holes?|points?)\b|\bbackstor(?:y|ies)\b",
    re.IGNORECASE,
)


# "The bot plays the candidate: Dana Okafor, applying for Shift Lead (nights).": the part the assistant plays
PLAYS_A_PART = re.compile(
    r"\b(?i:the|our)\s+(?i:bot|assistant|ai|model|chatbot)\s+(?i:plays|will\s+play|is\s+playing|acts\s+as)\s+"
    r"(?P<part>(?i:the|a|an)\s+[\w -]{2,30}?)\s*[:,]\s*(?P<who>[A-Z][^.!?\n]{1,160})"
)


def played_character(task: str) -> str | None:
    """Who the assistant plays, in the brief's words ("Captain Marrow, a friendly old ship's cook …"), if it says."""
    plays = PLAYS_A_PART.search(task)
    if plays is not None:
        who = re.split(r",?\s+(?:and|while|whereas|but)\s+(?:the|a|an|you|they|he|she)\b", plays.group("who"))[0]
        return f"{who.strip().rstrip(',;:')} ({plays.group('part').strip()})"
    match = CHARACTER_CUE.search(task)
    if match is None or _FICTION.search(task):
        return None
    # "Ava, she's friendly and upbeat" -> "Ava, friendly and upbeat": the role speaks to the character itself
    who = _PRONOUN_CLAUSE.sub(", ", match.group("who"))
    return who.strip().rstrip(",;:")


_PRONOUN_CLAUSE = re.compile(r",\s+(?:she|he|they|it)(?:'s|’s|\s+is|'re|’re|\s+are)\s+", re.IGNORECASE)


CHARACTER = Variant(
    name="character",
    cue=CHARACTER_CUE,
    unless=_FICTION,
    changes={
        "role_from_task": False,
        "fixed_frame": True,
        "role": "You are {character}.",
        "noun": "character",
        "objective": "Talk with the {user} as this character: answer what they ask in the character's own voice, with accurate facts.",
        "success": "Success means the {user} enjoys talking with the character and every fact they hear from it is accurate.",
        "rules": (
            rule(
                "Stay in character in every reply: speak in the character's voice, from the character's world and time.",
                "The character is the experience; a reply in an assistant's voice breaks it.",
            ),
            rule(
                "Keep facts accurate even in character; when you do not know something, say so in character instead of inventing it.",
                "People take what a friendly character tells them as true.",
            ),
            rule(
                "Answer what the {user} asked, then leave room for their next question.",
                "A conversation with a character is driven by the {user}'s curiosity.",
            ),
        ),
        "tone": (),
        "output": OutputFormat(
            kind="prose", description="Short replies in the character's spoken voice; no lists or headings."
        ),
        "examples": (),
        "example_kind": "",
        "out_of_scope": "Stay in character and steer back to what the character knows about.",
        "when_unsure": "Say in character that you do not know, rather than guess.",
        "final_reminder": "Reply in character, in the character's own voice.",
    },
)

# People come to get something off their chest: "students can vent about revision stress", "a place to vent",
# "para desahogarse", "um sich den Frust von der Seele zu reden", "pour vider leur sac", "para desabafar", "per
# sfogarsi", "om stoom af te blazen" (not an air vent: "vent" is a verb here, before "about" or after a modal or "to").
_VENTING = (
    r"\b(?:can|could|may|might|will|to|and|or)\s+vent\b(?!\s+(?:cover|pipe|fan|hood|grille|duct)s?\b)|"
    r"\bvent(?:s|ing)?\s+about\b|\b(?:place|space|somewhere)\s+to\s+(?:vent|offload|unload|let\s+off\s+steam)\b|"
    r"\blet(?:ting)?\s+off\s+steam\b|\bget\s+(?:things|it|stuff)\s+off\s+(?:their|your|his|her|my)\s+chests?\b|"
    r"\bdesahog(?:arse|ar|o|an|a)\b|\bdampf\s+ab(?:zu)?lassen\b|\bvon\s+der\s+seele\s+(?:zu\s+)?(?:reden|schreiben)\b|"
    r"\bvider\s+(?:leur|son|ton|votre)\s+sac\b|\bdesabaf(?:ar|am|a|o)\b|\bsfog(?:arsi|arti|ano|a|o)\b|"
    r"\bstoom\s+af(?:\s+te)?\s+blazen\b|\bhun\s+hart\s+(?:te\s+)?luchten\b|倾诉|愚痴を(?:聞|こぼ|言)"
)

# An HR or policy Q&A ("HR helper for the staff: leave, payroll and overtime … employees may vent about their
# managers"): venting is an aside there, and the job stays answering from the policy, never a listener's. The HR
# job must be the brief's JOB: its first sentence (its role) names HR or a staff-policy bot, or the brief has it
# answer questions about HR, leave or payroll; a "privacy policy" and "parental leave" elsewhere are no such job,
# and a first sentence that names listening, venting or a companion keeps the listener.
_HR_ROLE = (
    r"hr|rrhh|rh|human\s+resources|recursos\s+humanos|ressources\s+humaines|personalabteilung|personeelszaken|"
    r"(?:staff|employee|company|workplace|hr)\s+(?:polic(?:y|ies)|handbook)|"
    r"polic(?:y|ies)\s+(?:bot|assistant|helper|chat(?:bot)?|q\s*&\s*a)|handbook\s+(?:bot|assistant|helper|chat(?:bot)?)|"
    r"pol[íi]ticas?\s+de\s+(?:personal|empresa|la\s+empresa)|politiques?\s+(?:rh|du\s+personnel)|"
    r"personalrichtlinien?|reglamento\s+interno|r[èe]glement\s+int[ée]rieur"
)
_HR_TOPIC = (
    r"annual\s+leave|leave|expenses|sick\s+pay|payroll|overtime|holiday\s+entitlement|vacaciones|"
    r"bajas|n[óo]minas?|horas\s+extra|cong[ée]s|notes\s+de\s+frais|mutuelle|urlaub|spesen|[üu]berstunden|"
    r"krankmeldung|verlof|declaraties"
)
_LISTENING_ROLE = (
    r"listen\w*|listener|companion|vent(?:s|ing)?|someone\s+to\s+talk\s+to|let\s+off\s+steam|"
    r"desahog\w*|sfog\w*|desabaf\w*|zuh[öo]r\w*|[ée]coute\w*|escucha\w*|compa[ñn]er[oa]|compagnon"
)
_POLICY_QA = (
    rf"^(?![^.!?\n]*\b(?:{_LISTENING_ROLE})\b)(?:"
    # the first sentence is the HR role, and the brief's topics are HR ones
    rf"(?=[^.!?\n]*\b(?:{_HR_ROLE})\b)(?=[\s\S]*\b(?:{_HR_TOPIC})\b)|"
    # "answers staff questions about HR policies, leave and payroll"
    rf"(?=[\s\S]*\b(?:answer\w*|respond\w*|handl\w*|respond\w*|responde\w*|r[ée]pond\w*|beantwort\w*)\s+"
    rf"(?:[\w'’-]+\s+){{0,3}}?(?:questions?|queries|preguntas|dudas|questions|fragen)\s+"
    rf"(?:about|on|sobre|de|sur|zu|zum|zur|über)\s+(?:[\w'’,-]+\s+){{0,3}}?(?:{_HR_ROLE}|{_HR_TOPIC}|hr\s+polic(?:y|ies))\b))"
)

# A chat whose job is to listen: "It is NOT counselling … listen, reflect back", "just listen", "a listening ear",
# "escucha y refleja", "écoute et reformule", "zuhören und spiegeln": a listening companion, never a support desk
# with resolution steps.
# The job itself, which the disclaimer alone is not: "It is NOT a therapist" also heads app Q&A bots, intake forms
# and thought-record tools, which keep their own frames.
LISTENING = re.compile(
    r"\blisten(?:s|ing)?\b[^.\n]{0,30}\breflect\w*|\breflect(?:s|ing)?\s+back\b|\bjust\s+(?:to\s+)?listen\b|"
    r"\blistening\s+(?:ear|companion|space|chat|service)\b|"
    r"\bescuch\w*\s+y\s+(?:reflej|acompa[ñn])\w*|\b[ée]cout\w*\s+et\s+(?:reformul|refl[ée]t)\w*|"
    r"\bzuh[öo]r\w*\s+und\s+spiegel\w*|\bascolt\w*\s+e\s+rispecchi\w*|\bescut\w*\s+e\s+(?:reflet|acolh)\w*|"
    r"\bluister\w*\s+en\s+(?:spiegel|weerspiegel)\w*",
    re.IGNORECASE,
)

# "turn the week's diary entries into a report", "aus den Tagebucheinträgen einen Wochenbericht", "convertir las
# entradas del diario en un informe semanal", "transformer les entrées du journal en rapport": entries condensed into a
# report, a summariser's job (and no journal kept for its own sake, which a companion listens to)
_ENTRIES = (
    # (not notes: "turn my site-visit notes into the weekly progress report" is written up, a writing job)
    r"(?:entries|entry|logs?|diar(?:y|ies)|journals?|"
    r"entradas|registros|bit[áa]coras?|diarios?|eintr[äa]ge\w*|protokoll\w*|tagebuch\w*|"
    r"entr[ée]es|journaux|voci|logboek\w*|dagboek\w*)"
)
_REPORT = (
    r"(?:\w+\s+){0,2}?(?:reports?|summary|summaries|digest|overview|round-?up|informes?|resumen|reportes?|"
    r"\w*berichte?s?|zusammenfassung|rapports?|compte-?rendus?|synth[èe]se|rapport[oi]|resoconto|relat[óo]rios?|"
    r"resumo|\w*verslag|\w*rapport)\b"
)
ENTRIES_TO_REPORT = (
    rf"\b(?:turn|turns|turning|convert\w*|compil\w*|condens\w*|make|makes|write\s+up|convierte|convertir|"
    rf"transforma\w*|transform\w*|pasa|pasar|verwandl\w*|umwandel\w*|trasforma\w*|converti\w*|omzetten|zet)\s+"
    rf"(?:[\w'’-]+\s+){{0,5}}?{_ENTRIES}\s+(?:[\w'’-]+\s+){{0,3}}?(?:into|in|en|em|naar|zu|zum|zur)\s+"
    rf"(?:(?:a|an|one|the|our|un|una|une|um|uma|einen?|een|het|de|le|la|il)\s+)?{_REPORT}|"
    rf"\b(?:aus|anhand)\s+(?:den|der|dem|unseren?)\s+(?:\w+\s+){{0,2}}?{_ENTRIES}\s+(?:\w+\s+){{0,6}}?"
    rf"(?:ein(?:e|en)?\s+)?{_REPORT}|"
    rf"\b(?:report|summary|informe|rapport|bericht|verslag|relat[óo]rio)\w*\s+(?:from|out\s+of|based\s+on|"
    rf"a\s+partir\s+de|à\s+partir\s+d[eu']s?|aus|op\s+basis\s+van|com\s+base\s+n)\s+(?:[\w'’-]+\s+){{0,3}}?{_ENTRIES}"
)

COMPANION = Variant(
    name="companion",
    cue=re.compile(
        r"^\W*(?:(?:an?|the|my|our)\s+)?(?:[\w'-]+\s+){0,3}companion\b|\bcompanion\s+(?:for|called|named|app|bot|chat|in|on)\b|"
        r"\bjournaling\b|\bjournal\s+(?:app|entr(?:y|ies)|prompts?)\b|\bdiary\s+(?:app|entr(?:y|ies))\b|"
        r"\breflect\w*\s+back\b|\bsomeone\s+to\s+talk\s+to\b|\blet\s+\w+\s+vent\b|"
        + _VENTING
        + "|"
        + LISTENING.pattern
        + "|"
        r"\bcheck-?ins?\b|\bpen\s?pal\b|"
        # "Cada mañana conversa con ellos un rato", "hace compañía", "plaudert mit ihnen", "bavarde avec eux": a
        # conversation kept for its own sake, in the other languages briefs come in
        r"\bconversa(?:r)?\s+(?:con|com)\s+(?:ellos|ellas|él|ella|eles|elas|la\s+persona|el\s+usuario)\b|"
        r"\b(?:hace|hacer|hacerles|fazer|faz)\s+compa(?:ñ|nh)ía\b|\bcharla(?:r)?\s+con\s+(?:ellos|ellas|él|ella)\b|"
        # (not "die Gäste plaudern", "een gezelschap van 8", 亲子陪伴: guests chatting, a party, parents' time)
        r"\bplaudert\b|\bgesellschaft\s+leisten\b|\bbavarde\s+avec\b|"
        r"\btenir\s+compagnie\b|\bfare\s+compagnia\b|\bkletst\s+met\s+(?:hen|haar|hem)\b|\bgezelschap\s+houden\b|"
        r"話し相手|陪聊|陪伴(?:独居|孤独|空巢)?(?:的)?(?:老人|长者|老年人)|陪伴聊天",
        re.IGNORECASE,
    ),
    unless=re.compile(
        r"\bbrainstorm\w*|\bplot\s+hooks?\b|\bcampaign\b|\b(?:\d+|three|five|some)\s+ideas\b|"
        + ENTRIES_TO_REPORT
        + "|"
        + _POLICY_QA,
        re.IGNORECASE,
    ),
    changes={
        "success": "Success means the {user} feels heard and keeps going in their own words.",
        "rules": (
            rule(
                "Respond to what the {user} actually wrote, reflecting it back briefly in your own words.",
                "Being heard accurately is what keeps someone talking.",
            ),
            rule(
                "Ask at most one question per reply, and make it open.",
                "Several questions at once feel like an interview.",
            ),
            rule(
                "Offer advice or opinions only when the {user} asks for them.",
                "Unasked-for advice makes people stop sharing.",
            ),
        ),
        "output": OutputFormat(kind="prose", description="Short, warm replies in plain prose, no lists or headings."),
        "when_unsure": "Ask one gentle question about what the {user} meant instead of guessing.",
        "final_reminder": "Respond to what the {user} shared, warmly and briefly.",
        "example_kind": "",
    },
)

# A game played for fun ("a riddle game for kids", "host our trivia night"): turns, rules and a score, not answers.
GAME_HOST = Variant(
    name="game host",
    cue=re.compile(
        r"\b(?:riddles?|trivia|guessing|word|party|board|card|murder[- ]mystery|text[- ]adventure|escape[- ]room|"
        r"bingo|charades|would[- ]you[- ]rather|twenty[- ]questions|20[- ]questions|drinking)\s+(?:game|games|night)\b|"
        r"\bgame\s*:|\b(?:play|host|run)s?\s+(?:a|the|our)\s+(?:\w+\s+){0,2}game\b",
        re.IGNORECASE,
    ),
    changes={
        "success": "Success means the {user} enjoys a game that keeps to its rules, with every turn clear about what to do next.",
        "rules": (
            rule(
                "Run the game one turn at a time: say what the {user} should do next, then wait for their answer.",
                "A turn that asks for one thing is easy to play; several at once lose the player.",
            ),
            rule(
                "Apply the game's rules the same way every turn, and say whether an answer is right before moving on.",
                "Players trust a game whose rules never shift.",
            ),
            rule(
                "When the game has a score, keep it exactly and say it whenever it changes.",
                "A score that drifts spoils the game.",
            ),
            rule(
                "Make each question or puzzle have one clear answer, and never reveal it before the rules say so.",
                "An ambiguous or spoiled puzzle is no fun to solve.",
            ),
        ),
        "output": OutputFormat(
            kind="prose", description="Short turns in plain prose: one question, hint or result per reply."
        ),
        "out_of_scope": "Say that you are here to play the game, and offer the next turn.",
        "when_unsure": "Ask the {user} one short question about what they meant, then carry on with the game.",
        "final_reminder": "Play the next turn of the game.",
        "example_kind": "",
    },
)

# "Intake assistant …: ask questions one at a time to collect what happened": a conversation that fills a record.
# "ask one question at a time", "asks at most 6 questions", "一次只问一个问题": the assistant questions the person, in a
# conversation; whatever it outputs at the end (a record, a JSON object) closes that conversation.
_ASKS = (
    r"\bone\s+question\s+(?:at\s+a\s+time|per\s+(?:turn|message|reply))\b|"  # (= _ONE_PER_TURN, below)
    r"\bask(?:s|ing)?\s+(?:\w+\s+){0,3}?questions\s+(?:\w+\s+)?(?:one\s+at\s+a\s+time|one\s+by\s+one|one\s+after\s+(?:another|the\s+other))\b|"
    r"\bask(?:s|ing)?\s+(?:\w+\s+){0,3}?(?:up\s+to|at\s+most|no\s+more\s+than|max(?:imum)?\.?)\s+\d{1,2}\s+questions\b|"
    r"\b(?:una\s+pregunta\s+(?:a\s+la\s+vez|por\s+vez|cada\s+vez)|de\s+una\s+en\s+una\s+pregunta)\b|"
    r"\b(?:eine\s+frage\s+nach\s+der\s+anderen|(?:immer\s+)?nur\s+eine\s+frage\s+(?:auf\s+einmal|pro\s+nachricht)|jeweils\s+eine\s+frage)\b|"
    r"\bune\s+(?:seule\s+)?question\s+(?:à\s+la\s+fois|par\s+message)\b|"
    r"\buma\s+pergunta\s+(?:de\s+cada\s+vez|por\s+vez)\b|\buna\s+domanda\s+(?:alla|per)\s+volta\b|"
    r"\bé[ée]n\s+vraag\s+(?:tegelijk|per\s+keer|per\s+bericht)\b|"
    r"一次只问一个问题|一次问一个问题|每次只问一个问题|逐个提问|一つずつ質問|ひとつずつ質問|1問ずつ|一問ずつ|質問は一つずつ|質問は1つずつ"
)
# "If a value is ambiguous, ask at most 2 questions", "ask one question at a time if you need more info": questions
# asked only when something is unclear clarify a job; they make no intake conversation of it.
_CLARIFYING = (
    r"\b(?:if|when|whenever|where|unless)\b[^.!?\n。]*?\b(?:unclear|unsure|ambiguous|vague|missing|illegible|"
    r"not\s+sure|need\s+more|more\s+info\w*|more\s+details?|don'?t\s+know|can'?t\s+tell)\b"
)
ASKS_QUESTIONS = re.compile(
    rf"(?:^|(?<=[.!?\n。]))(?![^.!?\n。]*{_CLARIFYING})[^.!?\n。]*?(?:{_ASKS})",
    re.IGNORECASE,
)
# "at most one question per reply", "no more than one question per message": a cap on a chat's questions (a wellbeing
# chat, a night-shift chat), not a job of asking them; a conversation of questions says how it asks them ("one
# question at a time", "ask at most 6 questions, then …"), so the intake frame takes only those.
_ONE_PER_TURN = r"\bone\s+question\s+(?:at\s+a\s+time|per\s+(?:turn|message|reply))\b"
_UNCAPPED_ONE_PER_TURN = (
    r"\bone\s+question\s+at\s+a\s+time\b|"
    r"(?<!\bmost\s)(?<!\bthan\s)(?<!\bmax\s)(?<!\bmax\.\s)(?<!\bmaximum\s)(?<!\bonly\s)(?<!\bup\sto\s)"
    r"(?<!\bsingle\s)\bone\s+question\s+per\s+(?:turn|message|reply)\b"
)
_INTAKE_ASKS = re.compile(
    rf"(?:^|(?<=[.!?\n。]))(?![^.!?\n。]*{_CLARIFYING})[^.!?\n。]*?"
    rf"(?:{_UNCAPPED_ONE_PER_TURN}|{_ASKS.removeprefix(_ONE_PER_TURN + '|')})",  # (_ASKS opens with _ONE_PER_TURN)
    re.IGNORECASE,
)

# "Each input is one completed web intake form", "We paste the intake form exactly as the client filled it out": the
# form arrives filled in (not "output a completed intake form", "hand the front desk a filled-in intake form": the
# record an intake conversation produces)
FORM_ARRIVES_FILLED = (
    r"\b(?:input|inputs|paste[sd]?|receive[sd]?|arrives?|comes?\s+in|we\s+get|you\s+get|forward\w*)\b[^.]{0,60}?"
    r"\b(?:completed|submitted|filled[- ](?:in|out))\s+(?:[\w-]+\s+){0,2}forms?\b|"
    r"\bforms?\b[^.]{0,40}?\b(?:as|that)\s+(?:the\s+)?\w+\s+(?:filled|completed|submitted)\b"
)

INTAKE = Variant(
    name="intake",
    cue=re.compile(
        r"\bintake\b(?!\s+(?:at|team|department|desk|queue|inbox|unit)\b)|"
        r"\b(?:collect|gather)(?:s|ing)?\s+(?:the\s+|their\s+|all\s+(?:the\s+)?)?(?:details|information|info|facts)\b|"
        r"\bonboarding\s+(?:chat|conversation|interview)\b|(?:" + _INTAKE_ASKS.pattern + ")",
        re.IGNORECASE,
    ),
    # "aider mes élèves à préparer la dissertation … une seule question à la fois": questions that teach, with no
    # record to fill (unless the brief says intake: "Intake assistant for the writing centre … the essay's topic")
    unless=re.compile(
        # "Each input is one completed web intake form": the form arrives filled in; nobody is questioned
        FORM_ARRIVES_FILLED + "|"
        # "the bench staff scribble intake notes … I need each note turned into JSON": the notes are written already
        r"\bintake\s+(?:notes?|sheets?|slips?|logs?)\b|"
        r"^(?![\s\S]*\bintake\b)[\s\S]*?(?:"
        r"\b(?:help|helps|aider|aide|ayudar|ayuda|helfen|hilft|aiutare|aiuta|ajudar|ajuda|helpen|helpt)\s+(?:a\s+)?"
        r"(?:(?:my|our|the|mes|nos|les|mis|nuestros|los|las|meinen|unseren|den|i\s+miei|i|os|meus|as|mijn|onze|de)\s+)?"
        r"(?:students?|pupils?|learners?|élèves|étudiants|alumn[oa]s|estudiantes|schüler\w*|studierende\w*|studenti|"
        r"alunos|estudantes|leerlingen)\s+(?:to\s+|à\s+|a\s+|bei\s+der\s+|ad\s+|om\s+)?(?:prepare|study|learn|"
        r"revise|practi[cs]e|write|improve|préparer|réviser|apprendre|rédiger|progresser|preparar|estudiar|aprender|"
        r"repasar|redactar|vorbereiten|lernen|üben|preparare|studiare|imparare|ripassare|estudar|revisar|voorbereiden|"
        r"leren|oefenen)|\bsocratic\b|\bessays?\b|\bdissertations?\b|"
        # "let them guess … after 3 wrong guesses tell them the answer": a guessing game teaches, it records nothing;
        # so does a quiz that shows the answer after a learner's tries, and one that teaches a language ("French vocab
        # buddy … one question at a time")
         + GUESSING_GAME + "|" + TRIES_THEN_ANSWER + "|" + TAUGHT_LANGUAGE.pattern + ")",
        re.IGNORECASE,
    ),
    changes={
        "role": "You are an intake assistant{for_product} who asks one question at a time and records the answers.",
        "noun": "intake assistant",
        "success": "Success means the person feels heard and the record holds every detail they gave, in their own words.",
        "rules": (
            rule(
                "Ask one question at a time, in plain words, and wait for the answer before the next.",
                "One question at a time is easy to answer; a list of questions gets half-answered.",
            ),
            rule(
                'Ask only for the details this job needs, and accept "I don\'t know" without pressing.',
                "Pressing for details people do not have makes them stop, or guess.",
            ),
            rule(
                "Record what the person says in their own words; never add, soften or judge it.",
                "The record is used by someone else, who needs what was said, not an interpretation.",
            ),
            rule(
                "Before the final record, sum up what you collected in one or two sentences and ask whether anything is missing or wrong.",
                "A quick check catches a misheard detail while the person is still there.",
            ),
        ),
        "output": OutputFormat(
            kind="prose", description="Short, plain turns with one question each; no lists or headings."
        ),
        "when_unsure": "Ask the person one short question about what they meant, instead of guessing.",
        "final_reminder": "Ask the next question you need, one at a time.",
        "example_kind": "",
    },
)

# "first a summary of at most 3 sentences, then the fields as JSON after the summary": prose, then the object.
PROSE_BEFORE_JSON = re.compile(
    r"\b(?:first|start\s+with|begin\s+with|open\s+with|write|give|produce)\s+(?:a|an|the|one)?\s*(?:short\s+|brief\s+|\w+-\w+\s+)?"
    r"(?P<part>summary|explanation|note|overview|reply|answer|paragraph|recap|description)\b[^.]{0,160}?\bthen\b"
    r"[^.]{0,200}?\bjson\b|"
    r"\bjson\s+(?:after|below|following|under)\s+(?:the|your|a|an)\s+(?P<part2>summary|explanation|reply|answer|recap)\b",
    re.IGNORECASE,
)

PROSE_THEN_JSON = Variant(
    name="prose then JSON",
    cue=PROSE_BEFORE_JSON,
    changes={
        "examples": (),
        "example_kind": "",
        "out_of_scope": "Say that you read the supplied text and return its summary and fields, and give the JSON object with every field set to null.",
        "final_reminder": "Write the prose part first, then the JSON object, with null for missing fields.",
    },
)

# A role-play that is not an interview: a café waiter for language learners, a difficult customer for sales training.
# "Devuelve solo JSON así: {"categoria": …, "ubicacion": …, "urgente": …}": a label inside a JSON record with other
# fields, so the reply is the record, not a bare label.
LABELLED_RECORD = Variant(
    name="labelled record",
    cue=re.compile(r".", re.DOTALL),
    json_output=True,
    changes={
        "role": "You are a classifier{for_product} that returns each input as a JSON record.",
        "objective": "Read each input, choose its label from the closed label set, and return the label with the requested fields as one JSON object.",
        "success": "Success means one valid JSON object per input, with a label from the closed set and only what the input states in the other fields.",
        "out_of_scope": "Return the JSON object with the closest label from the set, and fill the other fields only with what the input states.",
        "when_unsure": "Choose the closest label from the set; never guess a value the input does not state.",
        "final_reminder": "Return only the JSON object: a label from the set, and only what the input states in the other fields.",
        "example_kind": "",
        "examples": (),
    },
)

# "When a student pastes a sketch, review it": code handed over whole for review, not a diff before a merge.
PASTED_CODE = Variant(
    name="pasted code",
    cue=re.compile(
        r"\bpaste|\bsketch(?:es)?\b|\bscripts?\b|\bsnippets?\b|\bsubmissions?\b|\bhomework\b|\bassignments?\b|"
        r"\bstudents?\b|\bnotebooks?\b|\bmacros?\b|\bbeginners?\b",
        re.IGNORECASE,
    ),
    unless=re.compile(r"\bdiffs?\b|\bpull\s+requests?\b|\bmerge\s+requests?\b|\bPRs?\b|\bcommits?\b|\bpatch", re.I),
    changes={
        "role": "You are a code reviewer{for_product}.",
        "noun": "code reviewer",
        "success": "Success means the problems that matter most in the code are found, each with its line and a fix the author can apply.",
        "objective": "Review the code you are given: find the problems that matter most, and say how to fix each one.",
        "rules": (
            rule(
                "Rank findings by impact: code that will not run first, then wrong behaviour, then readability.",
                "The author has limited attention, so the problems that stop the code must come first.",
            ),
            rule(
                "Point to the exact line for each finding and say what is wrong and how to fix it.",
                "A finding without a location and a fix cannot be acted on.",
            ),
            rule("Mark style preferences as optional.", "Mixing preferences with defects hides the defects."),
            rule(
                'When the code has no problems, say "No problems found." and list any optional suggestions.',
                "An explicit all-clear is more useful than invented nitpicks.",
            ),
        ),
        "reasoning": (
            "Read the whole code and say in one sentence what it is meant to do.",
            "Check it for problems that stop it running, wrong behaviour and unclear code.",
            "Rank the findings, then write the review.",
        ),
        "output": OutputFormat(
            kind="prose",
            description="A numbered list of findings, most serious first, each with the line, the problem and the fix.",
        ),
        "examples": (),
        "example_kind": "",
        "out_of_scope": "Say that you review code, and ask for the code to review.",
        "variables": (),
        "drop_variables": ("review", "diff", "content", "code"),
        "conversational": True,
        "final_reminder": "Review the code and rank the findings by impact.",
    },
)

# "be the game master / narrator of our weekly fantasy one-shot": the assistant runs a story game for players.
STORY_GAME_CUE = (
    r"\b(?:game|dungeon)\s*-?\s*masters?\b|\bGMs?\b(?=\s+(?:for|of|in|and|/))|\bnarrator\b|\btabletop\b|\bttrpgs?\b|"
    r"\brpgs?\b|\bd&d\b|\bdnd\b|\bdungeons\s*(?:&|and)\s*dragons\b|\bone-?shots?\b|\bpathfinder\b|"
    r"\bspielleiter\w*|\bma[iî]tre\s+du\s+jeu\b|\bm[áa]ster\s+(?:de|del)\s+(?:juego|rol)\b|\bmestre\s+(?:de|do)\s+jogo\b|"
    r"ゲームマスター|TRPG|跑团|主持人.{0,6}(?:跑团|游戏)"
)
STORY_GAME = Variant(
    name="story game",
    cue=re.compile(STORY_GAME_CUE, re.IGNORECASE),
    changes={
        "role": "You are the game master{for_product}.",
        "noun": "game master",
        "user_term": "player",
        "personas": (),
        "success": "Success means the players enjoy a story that keeps to its world and rules, and always know whose turn it is and what they can do.",
        "objective": "Run the game as its narrator: describe each scene, voice the characters the players meet, and keep the story and its rules consistent.",
        "rules": (
            rule(
                "Describe what the players see, hear and notice, then stop and let them act; never decide what a player's character says, thinks or does.",
                "The players' choices are the game; narration that takes them over ends it.",
            ),
            rule(
                "Give each non-player character a voice of their own, and keep what they know and want consistent.",
                "Distinct, consistent characters make the world believable.",
            ),
            rule(
                "Keep track of whose turn it is, what has happened and what each character carries, and never contradict an earlier scene.",
                "Players plan around what they were told; a contradiction breaks their plans.",
            ),
            rule(
                "Apply the game's rules the same way every time, and say when a rule or a roll decides an outcome.",
                "Players trust a game whose rules never shift.",
            ),
        ),
        "tone": ("Vivid and immersive in narration, clear and brief when explaining rules.",),
        "output": OutputFormat(
            kind="prose", description="Short narration in prose, ending with what the players can do next."
        ),
        "examples": (),
        "out_of_scope": "Stay in the game and steer the players back to the story.",
        "when_unsure": "Ask the player one short question about what their character does, then carry on.",
        "final_reminder": "Narrate the next moment of the game, then hand the turn to the players.",
    },
)

# "The bot plays the candidate: Dana …", "you play the applicant and I interview you": the assistant is the one
# questioned, and the user runs the scene
_PLAYS_THE_QUESTIONED = re.compile(
    r"\b(?:(?:the|our)\s+(?:bot|assistant|ai|model|chatbot)|you)\s+(?:plays?|will\s+play|is\s+playing|acts?\s+as|are|is|"
    r"will\s+be)\s+(?:the|a|an)\s+(?:pretend\s+|fake\s+|mock\s+|nervous\s+)?(?:candidate|applicant|interviewee|"
    r"job\s+seeker|patient|witness|suspect|caller|client)\b(?!['’]s)",
    re.IGNORECASE,
)

_HIRING = (
    r"\b(?:jobs?|hiring|recruit\w*|candidates?|applicants?|vacanc\w*|résumés?|resumes?|cvs?|cover\s+letters?|careers?|"
    r"behaviou?ral|employers?)\b"
)
_MEDIA = r"\b(?:radio|tv|television|press|media|journalists?|journalism|reporters?|podcasts?|broadcast\w*|news\w*)\b"
# A job interview: "interview" named, and either a word of hiring or no other kind of interview ("a reporter from a
# local radio station, doing a recorded phone interview with the press officer" is media training, a witness interview
# police training: the job interview's "tell me about a project" fits neither).
JOB_INTERVIEW = re.compile(
    rf"^(?=[\s\S]*\binterview)(?:(?=[\s\S]*{_HIRING})|(?![\s\S]*(?:{_MEDIA}|\b(?:police|visa|immigration|citizenship|"
    r"asylum|witness\w*|user\s+research|research\s+interviews?|oral\s+history)\b)))",
    re.IGNORECASE,
)
# Any interview but a press or radio one: a media interview's trainee is no candidate either.
NOT_MEDIA_INTERVIEW = re.compile(rf"^(?=[\s\S]*\binterview)(?:(?=[\s\S]*{_HIRING})|(?![\s\S]*{_MEDIA}))", re.I)


PLAYED_PART = Variant(
    name="played part",
    cue=_PLAYS_THE_QUESTIONED,
    # (only an interview turns round: in another practice scene the partner's own rules already answer in character)
    unless=re.compile(
        r"^(?![\s\S]*(?:\binterview|\bentrevista|\bentretien|\bvorstellungsgespräch|\bcolloquio|\bsollicitatie|面接|面试))",
        re.IGNORECASE,
    ),
    changes={
        "success": "Success means a realistic scene the {user} can practise against.",
        "objective": "Play the part the brief describes, answering the {user} in character, so that they can practise.",
        "user_term": "user",
        "rules": (
            rule(
                "Answer what the {user} says in character; do not run the scene or ask the questions the {user} is "
                "there to practise asking.",
                "The {user} leads this scene; the practice is theirs.",
            ),
            rule(
                "Stay in character until the {user} ends the scene the way these instructions say.",
                "Breaking character ruins the practice value.",
            ),
        ),
        "tone": ("Natural and in character.",),
        "output": OutputFormat(kind="prose", description="One spoken turn in character."),
        "examples": (),
        "out_of_scope": "Stay in character and answer as the part would.",
        "when_unsure": "Answer as the part would, in character.",
        "final_reminder": "Stay in character and reply with one spoken turn.",
    },
)

ROLEPLAY_PARTNER = Variant(
    name="role-play partner",
    cue=re.compile(r".", re.DOTALL),
    unless=re.compile(r"\binterview|\bentrevista|\bentretien|\bvorstellungsgespräch|面接|面试", re.IGNORECASE),
    changes={
        "success": "Success means a conversation that feels real and gives the {user} the practice the scenario is for.",
        "objective": "Play the character the scenario describes so that the {user} can practise a real conversation.",
        "rules": (
            rule(
                "Stay in the character and setting described here; speak as that person would, in their words.",
                "The practice only works while the scene feels real.",
            ),
            rule(
                "Reply one turn at a time and leave the {user} room to answer.",
                "Long speeches turn practice into listening.",
            ),
            rule(
                "Keep the scene moving with a natural question or reaction when the {user} stalls.",
                "A partner who waits silently ends the practice.",
            ),
        ),
        "tone": ("Natural and in character.",),
        "output": OutputFormat(kind="prose", description="Short turns in character, as spoken dialogue."),
        "examples": (),
        "out_of_scope": "Stay in character and steer the conversation back to the scene.",
        "when_unsure": "React as the character would and ask the {user} a short question to go on.",
        "final_reminder": "Stay in character and reply with one natural turn.",
    },
)

TABLE_EXTRACTION = Variant(
    name="table extraction",
    cue=re.compile(
        r"\b(?:tables?|columns?|tablas?|columnas|tabellen?|spalten|tableaux?|colonnes|tabelas?|colunas|tabella|colonne|"
        r"tabel|kolommen)\b|表格|テーブル",
        re.IGNORECASE,
    ),
    unless=re.compile(r"\bjson\b|\bcsv\b|\byaml\b", re.IGNORECASE),
    changes={
        "objective": "Extract the requested items from the input text into a table with the columns the brief names.",
        "success": "Success means a table that states exactly what the input says, with every gap marked rather than filled.",
        "rules": (
            rule(
                "Copy values exactly as they appear in the input; normalise only dates and numbers.",
                "The table is checked against the source; reworded values cannot be.",
            ),
            rule(
                "Write dates as ISO 8601 (YYYY-MM-DD).",
                "One date form keeps the column sortable.",
            ),
            rule(
                "When the input does not state a value, mark that cell as missing instead of guessing.",
                "A guessed value looks exactly like a real one.",
            ),
            rule(
                "Keep one row per item and the columns in the order given.",
                "Readers and scripts rely on a fixed shape.",
            ),
        ),
        "output": OutputFormat(kind="table", description="A Markdown table with a header row and one row per item."),
        "examples": (),
        "example_kind": "",
        "out_of_scope": "Say that you extract the listed items from the supplied text into a table, and ask for the text.",
        "when_unsure": "Mark the uncertain cell as missing rather than guessing.",
        "final_reminder": "Return the table, with every missing value marked instead of guessed.",
    },
)

# A grade returned as a JSON object: no prose around it, so evidence and quotes have nowhere to go.
JSON_SCORES = Variant(
    name="scores as JSON",
    cue=re.compile(r".", re.DOTALL),
    json_output=True,
    changes={
        "success": "Success means scores that a second grader using the same rubric would agree with.",
        "rules": (
            rule(
                "Score each criterion separately, using only the rubric's definitions and scale.",
                "Scores are only comparable when every grader applies the same definitions.",
            ),
            rule(
                "Base each score only on what the submission shows; a criterion it does not show gets the score the rubric sets for missing work, or the lowest one.",
                "Credit for work that is not there makes scores meaningless.",
            ),
            rule(
                "When a submission falls between two levels, give the lower level.",
                "Consistent rounding keeps scores comparable.",
            ),
            rule(
                "Ignore length, style and confidence unless the rubric scores them.",
                "Unscored qualities bias the grade.",
            ),
        ),
        "reasoning": (),
        "examples": (),
        "example_kind": "",
        "when_unsure": "Give the lower of the two scores you are choosing between.",
        "final_reminder": "Return only the JSON object, with each score on the rubric's scale.",
    },
)

# Product descriptions and listings: one text per product, in the shop's voice; variants are for ad testing.
PRODUCT_DESCRIPTIONS = Variant(
    name="product descriptions",
    cue=re.compile(
        r"\bproduct\s+(?:descriptions?|listings?|pages?|copy)\b|\blistings?\s+(?:copy|descriptions?)\b|"
        # "class descriptions for the booking page": one text per class, as a listing shows it
        r"\b(?:class|course|workshop|event|session|experience|activity)\s+descriptions?\b|"
        r"\b(?:ebay|etsy|amazon|shop|marketplace|vinted|depop)\s+listings?\b|"
        r"\bdescri[çc](?:ão|ões)\s+de\s+produtos?\b|\bdescripci(?:ón|ones)\s+de\s+productos?\b|"
        r"\bdescriptions?\s+(?:de|des)\s+produits?\b|\bproduktbeschreibung\w*|商品説明|商品描述|产品描述",
        re.IGNORECASE,
    ),
    unless=re.compile(r"\bvariants?\b|\bversions\b|\bA/B\b|\boptions\b", re.IGNORECASE),
    changes={
        "rules": (
            rule(
                "Lead with what the product does for the buyer, then the concrete details that prove it.",
                "Shoppers decide on the benefit; details make it credible.",
            ),
            rule(
                "State only facts found in the product details: sizes, materials, care and use exactly as given.",
                "An invented detail becomes a return or a complaint.",
            ),
            rule(
                "Write one description per product, in the shop's own voice.",
                "A listing shows one text; alternatives are not what the page needs.",
            ),
        ),
        "tone": ("Warm and concrete, matched to the shop's voice.",),
        "output": OutputFormat(kind="prose", description="One description per product, at most {max_words} words."),
        "examples": (),
        "example_kind": "",
        "final_reminder": "Write one benefit-led description per product, using only the product details.",
        "contacts_in_text": True,
    },
)

# "Excel formula helper for the finance team": formulas pasted into a cell, not programs to run; the coding rules
# (imports, runnable code, injection risks) and a Python example would contradict the job.
SPREADSHEET_FORMULAS = Variant(
    name="spreadsheet formulas",
    cue=re.compile(
        r"\b(?:excel|google\s+sheets|spreadsheets?|hojas?\s+de\s+c[aá]lculo|tabellenkalkulation|tableur|planilhas?|"
        r"libreoffice\s+calc|numbers)\b[^.]{0,80}?\b(?:formulas?|fórmulas?|formeln?|formules?)\b|"
        r"\b(?:formulas?|fórmulas?|formeln?|formules?)\b[^.]{0,40}?\b(?:excel|google\s+sheets|spreadsheets?)\b|"
        r"\b(?:vlookup|xlookup|index/match|sumifs|countifs)\b",
        re.IGNORECASE,
    ),
    unless=re.compile(r"\b(?:python|pandas|openpyxl|javascript|typescript|apps\s+script|java|c#)\b", re.IGNORECASE),
    changes={
        "role": "You are a spreadsheet formula expert{for_product}.",
        "noun": "spreadsheet formula expert",
        "objective": "Help the {user} build, fix and understand spreadsheet formulas that work when pasted into their sheet.",
        "success": "Success means the formula works when pasted into the {user}'s sheet and they understand how it works.",
        "rules": (
            rule(
                "Give the complete formula, ready to paste, and say which cell it goes in and which ranges it reads.",
                "A formula with guessed ranges fails silently or returns the wrong figures.",
            ),
            rule(
                "Use only functions that exist in the spreadsheet version the {user} has; say so when you are not certain one exists there.",
                "A function the version lacks returns #NAME? instead of a result.",
            ),
            rule(
                "Say how the formula handles blanks, text in number columns and missing matches (#N/A).",
                "Real sheets have gaps, and a formula that breaks on them gives wrong totals.",
            ),
            rule(
                "When the request is unclear (which columns, which rows, which sheet), ask for the layout before writing the formula.",
                "A formula written for the wrong layout looks right and returns the wrong figures.",
            ),
        ),
        "reasoning": (
            "Restate what the formula must return and the layout of the sheet.",
            "Choose the functions that the {user}'s version supports.",
            "Check the formula against blanks, text and missing matches before writing the answer.",
        ),
        "output": OutputFormat(
            kind="code",
            description="The formula in a fenced code block, then a short explanation of each part, at most {max_words} words.",
        ),
        "examples": (),
        "out_of_scope": "Say that you help with spreadsheet formulas, and ask for a formula question.",
        "when_unsure": "Ask for the sheet's layout (columns, header row, sheet names) and the spreadsheet version before writing the formula.",
        "drop_variables": ("review", "content", "text", "code"),
        "final_reminder": "Answer with a formula that works when pasted, and explain it briefly.",
        "user_term": "user",
        "example_kind": "",
    },
)

# "Each review can have more than one category", `"categorias": [...]`: every label that applies, not exactly one.
# Chosen by the brief's label constraint (see `make_plan`), not by a cue: the cue is the constraint's own reading.
MULTI_LABEL = Variant(
    name="multi-label",
    cue=re.compile(r"(?!)"),
    changes={
        "success": "Success means every label from the closed label set that applies to each input, and no other, applied the same way every time.",
        "objective": "Assign every label from the closed label set that applies to each input.",
        "rules": (
            rule(
                "Choose every label from the label set that applies to the input; never invent a new label.",
                "The output feeds an automated system that only accepts the defined labels.",
            ),
            rule(
                "Give a label only for what the input actually says, not for isolated keywords.",
                "Keyword matching misclassifies sarcasm, negation and quoted text.",
            ),
            rule(
                "List the labels in the order of the label set, each once.",
                "A fixed order keeps the output reproducible and easy to compare.",
            ),
        ),
        "output": OutputFormat(
            kind="label",
            description="Only the labels that apply (from: {labels}), in lowercase, separated by commas, on a single line, with no explanation.",
        ),
        "examples": (),
        "example_kind": "",
        "out_of_scope": "Return only the labels that clearly apply; when none does, return none rather than guess.",
        "when_unsure": "Return only the labels that clearly apply; when none does, return none rather than guess.",
        "final_reminder": "Return every label from the set that applies, and no other.",
    },
)

# "Members paste a recipe … return ONLY this JSON: {…}": a catch-all job whose reply is an object, not an answer to a
# question; the question-answering rules ("say when a fact may be outdated", "ask a clarifying question") and prose
# guardrails would contradict "JSON only".
JSON_RECORD = Variant(
    name="JSON record",
    json_output=True,
    cue=re.compile(r"[\s\S]"),
    unless=PROSE_BEFORE_JSON,
    changes={
        "success": "Success means one valid JSON object that matches the schema and holds only what the input states.",
        "rules": (
            rule(
                "Base every value on the input, converted or computed as these instructions say; never invent or estimate a value the input does not give.",
                "An invented value looks as trustworthy as a real one to whatever reads the object.",
            ),
            rule(
                "Give every key of the schema, with the type it names, and no other key.",
                "The object feeds a program that expects exactly this shape.",
            ),
        ),
        "reasoning": (),
        "examples": (),
        "example_kind": "",
        "out_of_scope": "Return the JSON object with every field set to null.",
        "when_unsure": "Set a field you cannot fill from the input to null; never guess.",
        "final_reminder": "Return only the JSON object.",
    },
)

# "WhatsApp assistant for our padel club … book courts with book_court(…)": the tools serve a person in a chat, so
# an autonomous agent's habits (status lines between calls, a closing report of the actions taken, a visible plan)
# would reach that person as noise.
TOOL_CHAT = Variant(
    name="tools in a chat",
    cue=re.compile(
        # ("een chatassistent op de website", "Chatassistentin": a compound that names the chat)
        r"\b(?:chat(?:s|bots?|assistent\w*|assistant|helper|widget)?|whatsapp|messenger|sms|telegram|slack\s+bot|website\s+bot|voice\s+(?:assistant|agent)|"
        r"members?|customers?|guests?|residents?|citizens?|patients?|callers?|parents?|tenants?|visitors?|"
        r"socios?|clientes?|kunden|mitglieder|mieter(?:innen)?|membres|clients|usuarios|usuários|membros|"
        r"inwoners|klanten|leden|ospiti|clienti|soci|passengers?|passagers?|voyageurs?|pasajeros?|passageiros?|"
        r"fahrgäste|fahrgast|reisende|viaggiatori|passeggeri|reizigers|patients|patienten|pacientes|pazienti|"
        r"réservations?|reservas?|buchungen|prenotazioni)\b|チャット|聊天|客服|会員|住民|市民|员工|顾客|店员|お客|乗客|旅客|乘客",
        re.IGNORECASE,
    ),
    changes={
        "role": "You are an assistant{for_product} that helps people in a chat and calls the tools listed below when a request needs them.",
        "noun": "chat assistant who works with tools",
        "objective": "Help each person with their request in a few short messages, using the tools for live data and actions.",
        "success": "Success means the person's request is answered or done with verified tool results, and nothing irreversible happens without their confirmation.",
        "rules": (
            rule(
                "Call a tool whenever the answer depends on live data or an action; answer from memory only for general knowledge.",
                "Guessing data that a tool can fetch produces confident, wrong answers.",
                group="Tool use",
            ),
            rule(
                "Ask the person to confirm before any action that spends money, books, cancels, sends messages or deletes data.",
                "These actions are hard or impossible to undo.",
                group="Tool use",
            ),
            rule(
                "If a tool returns an error, retry once with corrected arguments, then tell the person it did not work.",
                "Endless retries keep the person waiting and hide the problem.",
                group="Tool use",
            ),
            rule(
                "Tell the person the result in plain words; never show tool names, arguments or raw tool output.",
                "The person wants the answer, not the mechanics behind it.",
            ),
        ),
        "reasoning": (),
        "output": OutputFormat(
            kind="prose",
            description="Short chat replies in plain prose, a few sentences each, at most {max_words} words; no status lines between tool calls.",
        ),
        "examples": (),
        "example_kind": "",
        "out_of_scope": "Say what you can help with here, and point to the contact the instructions give for the rest.",
        "final_reminder": "Answer in a few short messages, and use the tools for live data and actions.",
    },
)

TRANSLATION_REVIEW = Variant(
    name="translation review",
    # "our QA step after the translation", "check the German translation against the source", "Übersetzung prüfen",
    # "revisar la traducción": the translation exists; the job is to find its errors, not to translate again.
    cue=re.compile(
        # the translation as a thing checked ("check the German translation"), not the act of translating ("review
        # and translate …", "check the spelling before translating"); someone else's later check ("Die Übersetzungen
        # prüft danach unser Team", "une relecture humaine suivra") is no job of the assistant's
        r"\b(?:review|check|proofread|assess|evaluate|verify)(?:ing|s)?\s+(?:the\s+|a\s+|our\s+|their\s+|each\s+|every\s+|"
        r"all\s+)?(?:[\w-]+\s+){0,2}translat(?:ions?|ed)\b|"
        r"\btranslat\w*\s+(?:QA|quality|proofreading|review(?:er|ing)?\b(?!s))|"
        r"\bQA\b[^.]{0,40}\btranslat\w*|\bQA-?Schritt\b|\b(?:prüf|kontrollier)\w*[^.]{0,60}"
        r"Übersetzung|Übersetzung\w*[^.]{0,40}\b(?:prüf(?:en|e)?|kontrollier(?:en|e)?|QA)\b|"
        r"\brevis\w*[^.]{0,40}\btradu(?:cci[oó]n\w*|ctions?|ç(?:ão|ões))|"
        r"\btradu(?:cci[oó]n\w*|ctions?|ç(?:ão|ões))[^.]{0,40}\b(?:revis|verific|relectur|contrôl)\w*|"
        r"\brelecture\s+(?:de\s+la\s+|des\s+)?traduction|\brivedere\s+(?:la\s+)?traduzion|"
        r"\bvertaling\w*[^.]{0,40}\b(?:controleer|nakijk|check)\w*|校对|审校|译文.{0,10}(?:检查|审核)|翻訳.{0,10}(?:チェック|校正|確認)",
        re.IGNORECASE,
    ),
    changes={
        "role": "You are a translation reviewer{for_product}.",
        "noun": "translation reviewer",
        "objective": "Check a translation against its source text and report every error in it, with a fix.",
        "success": "Success means every real error in the translation is reported with a minimal fix, and nothing that is already correct is changed.",
        "rules": (
            rule(
                "Compare the translation with the source sentence by sentence (segment by segment when they are numbered).",
                "Errors of meaning and omissions only show against the source.",
            ),
            rule(
                "Check meaning, numbers and units, names and terms, and whether any sentence of the source is missing.",
                "These are the errors that make a translation wrong, not just different.",
            ),
            rule(
                "Report only real errors; a correct rendering that you would have worded differently is no error.",
                "Preference edits bury the real errors and cost the translator time.",
            ),
            rule(
                "For each error, quote the passage and suggest the smallest fix; never retranslate the whole text.",
                "The translator applies the fix in place.",
            ),
        ),
        "output": OutputFormat(
            kind="prose",
            description="Each error found, with where it is, the passage, the kind of error and the fix; if there is none, say so in one line.",
        ),
        "examples": (),
        "example_kind": "",
        "out_of_scope": "Say that you review translations against their source, and ask for the source and the translation.",
        "when_unsure": "Report the passage as a possible error and say what is unclear about it.",
        "variables": (var("text", "The source text and its translation to review."),),
        "replaceable_inputs": ("text",),
        "final_reminder": "Report the errors with their fixes; change nothing that is correct.",
    },
)


# An IT or workplace helpdesk for the company's own staff: colleagues, not customers; no refunds, prices or card
# numbers, and the hand-off goes to the helpdesk team.
INTERNAL_HELPDESK = Variant(
    name="internal helpdesk",
    cue=re.compile(
        r"\b(?:internal|in-house|staff|employee|workplace)\s+(?:it\s+)?(?:help\s?desk|service\s?desk|it\s+support|"
        r"support\s+desk)\b|\b(?:it|tech)\s+(?:help\s?desk|service\s?desk|support)\s+(?:assistant\s+|bot\s+)?"
        r"(?:for|of)\s+(?:our\s+|the\s+)?(?:staff|employees|colleagues|team|workers)\b|"
        r"\b(?:help\s?desk|service\s?desk)\b[^.\n]{0,60}\b(?:for|of)\s+(?:our\s+|the\s+|all\s+)?(?:staff|employees|"
        r"colleagues)\b|\binterne[rns]?\s+(?:it-?)?(?:helpdesk|service\s?desk|support)\b|\bsupport\s+(?:it\s+)?interne\b|"
        r"\bhelpdesk\s+interne?\b|\bsoporte\s+(?:it\s+|técnico\s+)?interno\b|\bmesa\s+de\s+ayuda\s+interna\b|"
        r"\bsuporte\s+(?:de\s+ti\s+)?interno\b|\binterne\s+helpdesk\b|社内ヘルプデスク|内部(?:IT)?(?:帮助台|服务台)",
        re.IGNORECASE,
    ),
    unless=re.compile(
        r"\bcustomers?\b|\bkunden\b|\bclientes\b|\bguests?\b|\b(?:our|your|app'?s?)\s+users\b|\bend[- ]users\b|"
        r"\bstudents?\b|\bpatients?\b|\btenants?\b|\bsubscribers?\b|\busuarios\b|\butilisateurs\b|\bnutzer\w*",
        re.IGNORECASE,
    ),
    changes={
        "role": "You are an internal helpdesk assistant{for_product}.",
        "noun": "internal helpdesk assistant",
        "user_term": "colleague",
        "objective": "Resolve each colleague's request in as few replies as possible, and hand it to the helpdesk team when a case needs a person.",
        "success": "Success means the colleague can get back to work, or knows that the helpdesk team is taking over.",
        "context": (
            "Colleagues contact the helpdesk when something blocks their work, so they value a correct, fast fix over small talk.",
        ),
        "rules": (
            rule(
                "Identify the colleague's actual problem before answering; when the message could mean two things, ask one clarifying question.",
                "Fixing the wrong problem costs the colleague another round trip.",
            ),
            rule(
                "Give steps the colleague can follow now, one action per step.",
                "Concrete steps get the colleague back to work without another round trip.",
            ),
            rule(
                "State only procedures and facts that appear in your instructions, the supplied inputs or tool results.",
                "An invented procedure sends the colleague down the wrong path.",
            ),
            rule(
                "Hand the case to the helpdesk team when the colleague asks for a person, reports a possible security "
                "incident, needs something beyond your permissions, or is still blocked after two replies. To hand it "
                "over, {escalate_how}",
                "These cases need judgement or permissions that an assistant lacks.",
                group="Escalation",
            ),
            rule(
                "Never ask anyone for a password.",
                "No helpdesk case needs it, and asking for it teaches colleagues to give it to phishers.",
                group="Escalation",
            ),
        ),
        "tone": (
            "Calm and practical: acknowledge the problem once, then focus on the fix.",
            "Plain language; explain a technical term when you have to use one.",
        ),
        "examples": (),
        "example_kind": "",
        "chat_output": "Short chat replies in plain prose, a few sentences each; use a numbered list only when the colleague has steps to follow.",
        "out_of_scope": "Say that you can only help with helpdesk requests and suggest who else can help.",
        "when_unsure": "Say what you are unsure about, ask one clarifying question, or hand the case to the helpdesk team.",
        "final_reminder": "Resolve the colleague's request now, or hand it on as the escalation rule says.",
        "blend_rules": (
            rule(
                "State only procedures and facts that appear in your instructions, the supplied inputs or tool results.",
                "An invented procedure sends the colleague down the wrong path.",
            ),
        ),
    },
)


# The rules marketing_copy brings into another job's prompt when it is a secondary: its job's essentials, not
# the rules that shape a whole reply (they would contradict the primary job's output).
MARKETING_COPY_ESSENTIAL = (
    rule(
        "Lead with the reader's benefit, then support it with a concrete feature or number.",
        "Readers care about outcomes; features make the claim credible.",
    ),
    rule(
        "Use only claims supported by the product details; no superlatives you cannot prove.",
        "Unsupported claims create legal risk and erode trust.",
    ),
)


# "escriba los posts de insta de Tacos Don Chuy", "write linkedin posts for my consulting biz": one post per
# request, ready to publish; three labelled variants with a call to action each are a campaign brief's default.
SOCIAL_POSTS = Variant(
    name="social posts",
    cue=re.compile(
        # (captions without a count keep the three variants to choose from: a caption is picked, a post is published)
        r"\b(?:posts?|publicaci[oó]n(?:es)?|beiträge)\b[^.\n]{0,20}?\b(?:instagram|insta|ig|"
        r"linkedin|facebook|tiktok)\b|\b(?:instagram|insta|ig|linkedin|facebook|tiktok)[- ]?posts?\b",
        re.IGNORECASE,
    ),
    # (several posts, counted or by period, and posts to analyse rather than write, keep the campaign default)
    unless=re.compile(
        r"\bvariants?\b|\bvariantes?\b|\bA/B\b|\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|dos|tres|"
        r"cuatro|cinco|seis|siete|ocho|diez|zwei|drei|vier|fünf|sieben|zehn|deux|trois|quatre|cinq|sept|dix|duas|três|"
        r"quatro|sete|dez|due|tre|quattro|cinque|sette|dieci|twee|drie|vier|vijf|zeven|tien)\s+(?:\w+\s+){0,2}"
        r"(?:options?|opciones|optionen|versions?|versiones|opções|opzioni|opties|posts?|captions?|publicaci\w+|"
        r"beiträge|berichten|publications?)\b|"
        r"\b(?:a|one|the|this|next|whole|every)\s+(?:week|month)(?:'s)?\s+(?:of|worth)\b|\bper\s+(?:day|weekday|week)\b|"
        r"\bone\s+(?:for\s+|per\s+)?(?:each|every|a)\s+(?:day|weekday)\b|\bhele\s+(?:maand|week)\b|\bpor\s+d[ií]a\b|"
        r"\bpor\s+semana\b|\bpro\s+tag\b|\bpar\s+jour\b|\bal\s+giorno\b|\bper\s+dag\b|\bcontent\s+(?:calendar|plan)\b|"
        r"\banaly[sz]\w*|\banalis\w*|\bperformance\b|\bengagement\b|\bmetrics\b|\bcsv\b|\bmoderat\w*|\bsummari[sz]\w*|"
        r"\btranslat\w*",
        re.IGNORECASE,
    ),
    changes={
        "rules": MARKETING_COPY_ESSENTIAL,
        "output": OutputFormat(
            kind="prose", description="The post itself, ready to publish, with nothing before or after it."
        ),
        "examples": (),
        "example_kind": "",
        "final_reminder": "Write the post, ready to publish, within the brief's limits.",
    },
)


# "give 3 headlines max 30 characters each and 2 descriptions": the brief counts the pieces it wants (an ad's
# headlines and descriptions, a post's hooks); they are the reply, not three variants each with a call to action.
STATED_PIECES = Variant(
    name="stated pieces",
    # asked for ("give 3 headlines", "write me two taglines"), not reported ("our last two headlines flopped")
    cue=re.compile(
        r"(?:\b(?:give|write|need|want|create|make|generate|draft|suggest|propose|provide|produce|come\s+up\s+with|"
        r"dame|danos|escribe|genera|redacta|gib|schreib\w*|erstell\w*|donne|écris|rédige|génère|propose|dammi|scrivi|"
        r"genera|d[êe]-?me|escreva|gere|crie)\s+(?:me\s+|us\s+|nos\s+|moi\s+|mir\s+|uns\s+)?(?:exactly\s+|exactement\s+|"
        r"genau\s+|exactamente\s+)?|\b(?:exactly|exactement|genau|exactamente|esattamente|exatamente)\s+)"
        r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:short\s+|more\s+)?(?:headlines?|"
        r"descriptions?|taglines?|slogans?|subject\s+lines?|captions?|hooks?|titles?|titulares|titulos|títulos|"
        r"descripciones|titres|überschriften|schlagzeilen)\b",
        re.IGNORECASE,
    ),
    unless=re.compile(r"\bvariants?\b|\bA/B\b", re.IGNORECASE),
    changes={
        "rules": MARKETING_COPY_ESSENTIAL,
        "output": OutputFormat(
            kind="markdown",
            description="Exactly the pieces the brief asks for, each on its own line under a label that names it.",
        ),
        "examples": (),
        "example_kind": "",
        "final_reminder": "Write exactly the pieces the brief asks for, each within its limit.",
        "contacts_in_text": True,
    },
)


# "write product descriptions for my candle shop", "convierte mis apuntes en un comentario para las familias": a
# general assistant asked to produce a text, not to answer questions; the Q&A rules ("answer the question asked
# first", "say when a fact may be outdated", "ask one clarifying question") would not fit it.
WRITING_TASK = Variant(
    name="writing task",
    cue=re.compile(
        # ("La cita se pide escribiendo a sap@…": writing to someone is how to reach them, not a text to produce)
        r"\b(?:(?:write|writes)\b(?!\s+to\b)|(?:escrib\w*|escrev\w*|scriv\w*)\b(?!\s+(?:a|al|para)\b)|"
        r"écri\w*\b(?!\s+à\b)|schreib\w*\b(?!\s+an\b)|"
        r"(?:rewrite|turn|turns|convert|converts|draft|drafts|produce|generate|compose|"
        r"redact\w*|conviert\w*|transform\w*|genera|rédig\w*|verfass\w*|erstell\w*|"
        r"wandl\w*|trasform\w*|redij\w*|redig\w*|convert\w*)\b)",
        re.IGNORECASE,
    ),
    unless=re.compile(
        r"\b(?:questions?|ask|asks|asking|answer\w*|chat\w*|conversation\w*|talk\w*|pregunt\w*|respond\w*|contest\w*|"
        r"frage\w*|antwort\w*|répon\w*|question\w*|pergunt\w*|domand\w*|rispond\w*|rispost\w*|vraag\w*|vragen|gespräch\w*|"
        r"explain\w*|spieg\w*|erklär\w*|expliqu\w*|explic\w*|uitleg\w*|legt\s+uit|"
        r"conversa\w*|help\s+(?:people|users|customers|visitors)|dudas|consultas|d[úu]vidas|domande|vragen)\b|"
        # people the assistant talks with; not the readers the text is sent to ("the texts we send clients")
        r"(?<!\bsend\s)(?<!\bsends\s)(?<!\bto\s)(?<!\bfor\s)(?<!\bour\s)(?<!\bemail\s)(?<!\btext\s)"
        r"\b(?:guests?|visitors?|customers?|users?|diners?|patients?|clients?|huéspedes|gäste|clientes|kunden)\b|"
        r"質問|问题|回答|答え",
        re.IGNORECASE,
    ),
    changes={
        "success": "Success means the text the brief asks for, in its form and within its rules, ready to use.",
        "rules": (),
        # ("Plain prose; use a numbered list for steps" is the Q&A default: a text to send has no steps)
        "output": OutputFormat(
            kind="prose",
            description="The finished text, ready to use, with no commentary before it; name any missing detail after it.",
        ),
        "when_unsure": "Write around a missing detail and name it after the text, instead of guessing.",
        "final_reminder": "Write the text the brief asks for, following its rules.",
        "contacts_in_text": True,
    },
)


# "Damit sollen sie Entwürfe für Ermahnungen und Abmahnungen schreiben", "drafts of warning letters": drafts of a
# kind of document are a writing job even when the brief also mentions questions (to refer) or asking back.
DRAFTED_DOCUMENTS = Variant(
    name="drafted documents",
    cue=re.compile(
        r"\b(?:entw[üu]rfe?\s+(?:f[üu]r|von)|drafts?\s+(?:of\s+)?(?:letters?|warnings?|notices?|contracts?|"
        r"announcements?)|borradores?\s+de|brouillons?\s+de|rascunhos?\s+de|bozze?\s+di|concepten?\s+van)",
        re.IGNORECASE,
    ),
    changes=WRITING_TASK.changes,
)


# "takes my messy notes about an event and writes the blurb", "van die aantekeningen een conceptbrief maken",
# "a partir de mis apuntes redacta la carta": a text written from the requester's notes. It is neither an edit of
# the user's draft ("keeping their voice") nor a summary of a source ("lead with the main conclusion"): the notes
# hold the facts, and the brief says what text to make of them.
_NOTES = (  # (not an output section of that name: "then write NOTAS: with at most 3 points")
    r"\b(?<!release\s)(?<!patch\s)(?<!show\s)(?:notes|note-?form|shorthand|jottings|talking\s+points|aantekeningen|notities|"
    r"notas|apuntes|notizen|stichpunkte\w*|appunti|anotações|anotacoes)\b(?!\s*:)|"
    r"メモ|笔记|筆記"
)
# The text a writing job makes of notes: a letter, a blurb, a post, an announcement (not "make notes private").
_TEXT_NOUN = (
    r"(?:letters?|brief|brieven|conceptbrief|lettres?|cartas?|letteras?|lettere|blurbs?|posts?|announcements?|"
    r"aankondiging\w*|annonces?|anuncios?|ankündigung\w*|newsletters?|nieuwsbrie\w*|press\s+releases?|persbericht\w*|"
    r"listings?|bios?|e-?mails?|notices?|descriptions?|articles?|updates?|invitations?|flyers?|handouts?|captions?|"
    # "turn our stage managers' raw notes into the daily rehearsal report": a report written up from notes
    r"reports?|"
    r"statements?|write-?ups?|copy|texts?|postings?|courriers?|communiqués?|anschreiben|mitteilung\w*|rundschreiben|comunicados?|"
    r"avisos?|comunicazion\w*|circolar\w*)"
)
_WRITE_FROM = (
    r"\b(?:writes?|writing|draft(?:s|ing)?|turns?\s+(?:\w+\s+){0,3}into|makes?|maken|maakt|schrijf\w*|schrijv\w*|"
    r"opstel\w*|redact\w*|redig\w*|escrib\w*|escrev\w*|redij\w*|schreib\w*|verfass\w*|erstell\w*|formulier\w*|"
    r"rédig\w*|écri\w*|scriv\w*|convert\w*\s+(?:\w+\s+){0,3}(?:into|en|in)|transform\w*)\s+(?:[\w'’-]+\s+){0,4}?"
    rf"{_TEXT_NOUN}\b|"
    # "daar moet een brief aan de huurder van komen": the text to make, named with its article
    rf"\b(?:a|an|een|une|una|um|uma|einen|eine|ein)\s+(?:\w+\s+)?{_TEXT_NOUN}\b|"
    # "turn our stage managers' raw notes into the daily rehearsal report"
    rf"\binto\s+(?:the|a|an|our|their|your|my)\s+(?:[\w'’-]+\s+){{0,3}}?{_TEXT_NOUN}\b|作成|書い|書く|写成|撰写"
)
NOTES_TO_TEXT = Variant(
    name="text from notes",
    cue=re.compile(
        rf"(?:{_NOTES})[^.!?\n。]{{0,160}}?(?:{_WRITE_FROM})|(?:{_WRITE_FROM})[^.!?\n。]{{0,160}}?(?:{_NOTES})",
        re.IGNORECASE,
    ),
    unless=re.compile(
        r"\bsummar\w*|\brecaps?\b|"
        + MEETING_MINUTES
        + r"|\bkey\s+points\b|\baction\s+items?\b|\btl;?dr\b|\bsamenvat\w*|"
        r"\bresum(?:e|en|ir|o|ez|er)\b|\bzusammenfass\w*|\briassun\w*|要約|总结|摘要|\bedit(?:s|ing)?\s+(?:my|the|their|our)\b|"
        r"\bproofread\w*|\brewrit\w*|\breescr\w*|\bréécri\w*|\bumschreib\w*|\bherschrij\w*|\briscriv\w*|"
        r"\b(?:release|patch)\s+notes\b|\bchange-?logs?\b|"
        # a job of another kind that reads notes: answering from them, quizzing, coding, reviewing, marking
        r"\b(?:answers?|answering|quiz(?:zes)?|quizzing|grades?|grading|marks|marking|moderates?|moderating|reviews?|"
        r"reviewing|decides?|tutors?|tutoring|chats?|chatting)\s+(?:the\s+|my\s+|their\s+|our\s+|me\s+|them\s+)?"
        r"(?:\w+\s+){0,2}?(?:questions?|notes|posts?|comments?|answers?|code|essays?|on)\b|\bflash\s?cards?\b|"
        r"\bcod(?:e|ing)\s+(?:assistant|helper|review)|\bpregunt\w*|\bfragen\b|\bvragen\b|\bdomande\b",
        re.IGNORECASE,
    ),
    changes={
        "role": "You are a writer{for_product} who turns notes into finished texts.",
        "noun": "writer",
        "objective": "Write the text the brief asks for from the notes you receive, using only the facts they contain.",
        "success": "Success means a finished text in the form the brief asks for, within its rules, that states only what the notes say.",
        "rules": (
            rule(
                "Use only facts from the notes; when the text needs a detail the notes do not give, leave it out rather than invent it.",
                "The text goes out under the requester's name, and an invented date, name or fact is a real error.",
            ),
            rule(
                "Keep names, dates, times, places and numbers exactly as the notes give them.",
                "These are the details readers act on.",
            ),
        ),
        "blend_rules": (),
        "output": OutputFormat(
            kind="prose", description="The finished text only, ready to use, with no commentary before or after it."
        ),
        "examples": (),
        "example_kind": "",
        "out_of_scope": "Say that you write texts from notes, and ask for the notes.",
        "when_unsure": "Write around a missing detail and name it after the text, instead of guessing.",
        "variables": (var("notes", "The notes to write the text from."),),
        "replaceable_inputs": ("notes",),
        "final_reminder": "Write the text the brief asks for from the notes, using only their facts.",
        "contacts_in_text": True,
        # the requester writes to a third party: rules for talking with a person at risk would address no one here,
        # and the brief's own rules say what the text may contain
        "safety_packs": False,
    },
)


# "把里面的法律术语挑出来，翻译成英文，输出表格", "extract the key terms and give their Spanish equivalents": the job is a
# glossary of the source's terms with their translations, not a translation of the whole text.
GLOSSARY = Variant(
    name="glossary",
    # made, not followed ("Glossary: workspace → area di lavoro", "用語集を必ず守ること"), and terms picked out of the
    # text, not a whole text translated with care for its terms ("make sure the technical terms are consistent",
    # "our terms and conditions", "identify terms with no equivalent and add a note")
    cue=re.compile(
        r"\b(?:build|make|create|compile|draw\s+up|produce|generate|crea|haz|elabora|erstell|dresse|établi|cria|"
        r"monta|compila|maak)\w*\s+(?:[\w'-]+\s+){0,4}?(?:glossar(?:y|ies|io|ium)?|glossaire|glossário|glosario|"
        r"term\s*bases?|termbase|terminology\s+lists?|woordenlijst)\b|"
        r"\b(?:extract|pull\s+out|pick\s+out|list|extrae|saca|extrahier|extrai|relève|relever|estrai|haal)\w*\s+"
        r"(?:the\s+|all\s+(?:the\s+)?|los\s+|die\s+|les\s+|os\s+|i\s+|de\s+)?(?:[\w'-]+\s+){0,2}?(?:terms|términos|"
        r"fachbegriffe|begriffe|termes|termos|termini|vaktermen|termen)\b(?!\s+(?:and|&)\s+conditions|\s+of\s+(?:use|service))|"
        r"\b(?:glossar|fachbegriffe|glossaire|glosario|glossário|glossario)\w*\s+(?:[\w'-]+\s+){0,3}?"
        r"(?:erstell|extrahier|herausschreib|dresser|établir|crear|elaborar|criar|creare)\w*|"
        r"做术语表|術語表を作|用語集を作|用語集の作成|(?:术语表|術語表).{0,6}(?:做|制作|整理)|"
        r"(?:挑出|提取|抽出|拾い出).{0,12}(?:术语|術語|専門用語|用語)|"
        r"(?:术语|術語|専門用語|用語).{0,12}(?:挑出|提取|抽出|拾い出|リストアップ)|(?:术语|術語).{0,6}找出来",
        re.IGNORECASE,
    ),
    changes={
        "role": "You are a terminologist who builds bilingual glossaries{for_product}.",
        "noun": "terminologist",
        "objective": "Pick out the terms the brief asks for from the input text and give each one's {language} equivalent.",
        "success": "Success means every term the brief asks for is listed once, with the {language} equivalent a specialist in the field would use, and nothing the text does not contain.",
        "rules": (
            rule(
                "Take terms only from the input text, each once; never add terms it does not contain.",
                "The glossary is for this text, and an invented entry wastes the reader's preparation.",
            ),
            rule(
                "Give the equivalent a specialist in the field uses in {language}, not a word-for-word rendering.",
                "A literal rendering of a term of art is often not the term that field uses.",
            ),
            rule(
                "Mark an equivalent you are not sure of as uncertain instead of presenting a guess as settled.",
                "The reader relies on the glossary where they cannot check each term.",
            ),
        ),
        "output": OutputFormat(
            kind="table",
            description="One row per term, in the columns the brief names, with no text before or after the table.",
        ),
        "examples": (),
        "example_kind": "",
        "out_of_scope": "Say that you build glossaries from a supplied text, and ask for the text.",
        "when_unsure": "List the term with the most likely equivalent and mark it as uncertain.",
        "variables": (var("text", "The source text to take the terms from."),),
        "replaceable_inputs": ("text",),
        "final_reminder": "Return the glossary: each term from the text once, with its equivalent.",
        "language_rule_text": "Give each equivalent in {language}; keep the source terms exactly as the text writes them.",
    },
)


# "Output these fields, one per line as `field: value`": a record written as lines for a person to paste, not a JSON
# object, so the extractor's JSON rules (null for missing, the schema's types) would contradict it.
FIELD_LINES = Variant(
    name="field lines",
    cue=re.compile(
        r"\b(?:fields?|keys?|felder|campos|champs|campi|velden)\b[^.\n]{0,80}?(?:\bone\s+per\s+line\b|\beach\s+on\s+(?:its\s+own|a\s+new)\s+line\b|"
        r"\bfield\s*:\s*value\b|\bkey\s*:\s*value\b|\bfeld\s*:\s*wert\b|\bcampo\s*:\s*valor\b|\bchamp\s*:\s*valeur\b)",
        re.IGNORECASE,
    ),
    unless=re.compile(r"\bjson\b", re.IGNORECASE),
    changes={
        "success": "Success means one `field: value` line per field, in the order listed, holding only what the input states.",
        "rules": (
            rule(
                "Copy values as the input states them; never infer a value the input does not give.",
                "The lines go into a record as written, and a guessed value reads as a documented one.",
            ),
            rule(
                "Write every listed field, with its exact name, in the listed order, even when its value is missing.",
                "Whoever pastes the lines expects the same fields in the same place every time.",
            ),
            rule(
                "When the input states two conflicting values for a field, use the first one and say so after the lines.",
                "A fixed tie-break keeps results reproducible, and the reader needs to know of the conflict.",
            ),
        ),
        "output": OutputFormat(
            kind="prose",
            description="One `field: value` line per field, in the listed order, with nothing before or after.",
        ),
        "examples": (),
        "example_kind": "",
        "out_of_scope": "Write every listed field's line, each with the missing-value marker, when the input holds nothing to extract.",
        "when_unsure": "Leave a value you cannot read with certainty as missing rather than guess it.",
        "final_reminder": "Return one `field: value` line per listed field, in order, and nothing else.",
    },
)


# "Turn it into exactly one CSV row matching this header: sku,brand,…", "output CSV only": the record is CSV, so
# every JSON line of the default (role, schema, example, reminder) would contradict the brief.
CSV_RECORD = Variant(
    name="csv record",
    # (asked for: "output CSV only", "turn it into one CSV row", "becomes one CSV row", "…, as CSV please"; not "users
    # upload their statements as CSV", "accountants give us a CSV export", "the old system writes CSV files")
    cue=re.compile(
        r"\b(?:output|return|reply|respond|produce|give\s+(?:me|us|back)|send\s+(?:me|us|back)|ausgabe|salida|saída|"
        r"sortie|uitvoer)\w*\b(?:\s+\w+){0,3}?\s+(?:as\s+|in\s+)?csv\b(?!\s+(?:exports?|files?|uploads?|dumps?))|"
        r"\b(?:turn|convert|transform|map|reformat)\w*\b[^.\n]{0,60}\binto\s+(?:exactly\s+)?(?:a\s+|one\s+)?csv\b|"
        r"\bbecomes?\s+(?:exactly\s+)?(?:one|a)\s+csv\s+(?:row|line)\b|[,;]\s*as\s+csv\b|\bcsv\s+only\b|"
        r"\b(?:nur|only|solo|seulement|apenas|alleen)\s+(?:the\s+|das\s+|el\s+|le\s+|o\s+|de\s+)?csv\b",
        re.IGNORECASE,
    ),
    # JSON somewhere in the brief: the CSV is what arrives ("each CSV row becomes a JSON object"); "don't output CSV"
    unless=re.compile(
        r"\bjson\b|\b(?:not|no|never|nicht|kein\w*|pas|sin|sem|niet|non|don'?t)\s+"
        r"(?:output|return|use|want|send|reply\s+(?:in|with))?\s*(?:(?:als|as|in|en)\s+)?csv\b",
        re.I,
    ),
    changes={
        "objective": "Extract the requested fields from the input text into CSV with exactly the listed columns, in order.",
        "success": "Success means valid CSV with exactly the listed columns in the listed order, and an empty value for "
        "everything the input does not state.",
        "rules": (
            rule(
                "Copy values exactly as they appear in the input; normalise only dates and numbers.",
                "Downstream systems compare values literally, so rewording breaks matching.",
            ),
            rule(
                "Leave a column empty when the input does not state its value.",
                "A guessed value is indistinguishable from a real one downstream; an empty cell is honest.",
            ),
            rule(
                "Wrap a value in double quotes when it contains a comma, a double quote or a line break, and double any "
                "double quote inside it.",
                "An unquoted comma shifts every later column of the row.",
            ),
        ),
        "output": OutputFormat(
            kind="prose",
            description="CSV with exactly the listed columns, in the listed order, and nothing before or after it.",
        ),
        "examples": (),
        "example_kind": "",
        "out_of_scope": "Return a row with every column empty when the input holds no extractable data.",
        "when_unsure": "Leave a value you cannot read with certainty empty rather than guess it.",
        "final_reminder": "Return only the CSV, with empty values for missing fields.",
    },
)


# "Ausgabe bitte als YAML, NICHT als JSON, unser Import-Skript liest YAML": the record is YAML, so every JSON line
# of the default (role, schema, example, reminder) would contradict the brief.
# The reply as YAML: "as YAML", "Ausgabe bitte als YAML", "output: YAML", "nur das YAML" (not a file's ".yaml").
ASKS_YAML = re.compile(
    r"\b(?:as|in|into|als|en|em|in|como)\s+yaml\b|(?<![.\w-])yaml\s+(?:only|output|format)\b|"
    r"\b(?:output|ausgabe|return|reply|respond|formato?|sortie|salida|saída|uitvoer)\b[^.\n]{0,30}(?<![.\w-])yaml\b|"
    r"\b(?:nur|only|solo|seulement|apenas|alleen)\s+(?:das\s+|the\s+|el\s+|le\s+|o\s+|de\s+)?yaml\b",
    re.IGNORECASE,
)
YAML_RECORD = Variant(
    name="yaml record",
    cue=ASKS_YAML,
    unless=re.compile(
        r"\b(?:not|no|never|nicht|kein\w*|pas|sin|sem|niet|non)\s+(?:(?:als|as|in|en|em|in)\s+)?yaml\b|"
        r"\b(?:rather\s+than|instead\s+of|statt|plutôt\s+que|en\s+lugar\s+de|em\s+vez\s+de|invece\s+di)\s+yaml\b",
        re.IGNORECASE,
    ),
    changes={
        "objective": "Extract the requested fields from the input text into one YAML document with exactly the listed keys.",
        "success": "Success means valid YAML with exactly the listed keys, and null for every value the input does not state.",
        "rules": (
            rule(
                "Copy values exactly as they appear in the input; normalise only dates and numbers.",
                "Downstream systems compare values literally, so rewording breaks matching.",
            ),
            rule(
                "Set a field to null when the input does not state its value.",
                "A guessed value is indistinguishable from a real one downstream; null is honest.",
            ),
            rule(
                "Write only the listed keys, with their exact names, as plain `key: value` YAML.",
                "Extra or renamed keys break the import that reads the YAML.",
            ),
        ),
        "output": OutputFormat(
            kind="prose",
            description=(
                "One YAML document: a `key: value` line for each listed field, in the listed order, with null for "
                "fields the input does not state, and nothing before or after it."
            ),
        ),
        "examples": (),
        "example_kind": "",
        "out_of_scope": "Return the YAML document with every field set to null when the input holds no extractable data.",
        "final_reminder": "Return only the YAML document, with null for missing fields.",
    },
)


# "explains the topic, then gives a quiz of exactly 3 multiple-choice questions … wait for all 3 answers before
# marking": a quiz the tutor sets and marks, not Socratic hints ("ask them to retry", "full solution after two
# attempts"), which would contradict the brief's own marking protocol.
QUIZ = Variant(
    name="quiz",
    # a quiz with a marking step the brief states ("wait for all 3 answers before marking", "then grade their answer");
    # "short lessons and quizzes" alone is tutoring that uses quizzes
    cue=re.compile(
        r"^(?=[\s\S]*(?:\bquiz(?:zes|zing)?\b|\bmultiple[- ]choice\b|\btest\s+(?:me|them|him|her|the\s+(?:student|learner|"
        r"pupil)s?|students|learners|pupils)\s+(?:on|with)\b|\bcuestionario\b|\bQuiz\b|\bquestionnaire\s+à\s+choix\b|"
        r"\bQCM\b|\bteste\s+de\s+escolha\b|小テスト|クイズ|小测验|测验|选择题|"
        # "una ronda de 10 preguntas, de a una": a round of questions to answer
        r"\b(?:ronda|rodada|Runde|série|serie|reeks)\s+(?:de|von|van|di)\s+\d+\s+(?:preguntas|perguntas|Fragen|questions|domande|vragen)\b))"
        r"(?=[\s\S]*(?:\bmark(?:s|ing|ed)?\b|\bscores?\b|\bgrad(?:e|es|ing)\b|\bcorrect(?:s|ing)?\s+(?:the|their|them|it)\b|"
        # "then tell them if it's right and give the official answer", "check their answer"
        r"\btells?\s+(?:them|him|her|the\s+\w+)\s+(?:if|whether)\s+(?:it['’]s|it\s+is|they['’]re|they\s+are|they\s+got\s+it)\s+"
        r"(?:right|correct)\b|\bcheck\s+(?:their|the|each)\s+answers?\b|"
        r"\bcorrig\w*|\bbewert\w*|\bpunt(?:uación|eggio|aje)\b|\bpontua[çc][ãa]o\b|\bPunkt(?:e|zahl)\b|採点|打分|评分|批改))",
        re.IGNORECASE,
    ),
    # (a generator of quiz questions writes them for a teacher; it quizzes no one)
    unless=re.compile(
        r"\b(?:pub|bar|party)\s+quiz\b|\bquiz\s*(?:night|master|show)\b|\btrivia\b|\bgame\b|"
        r"\b(?:generat|writ|creat|draft|produc|mak|build)\w*\s+(?:\w+\s+){0,3}(?:quiz|multiple[- ]choice)\s+questions\b|"
        # the brief's own way to see an answer early ("if I type 'pass', show me the answer") would clash with it
        r"\b(?:types?|says?|writes?|sends?|enters?|replies)\s+[\"'“‘]?(?:pass|skip|give\s+up)\b|"
        r"\b(?:show\s+(?:me\s+)?the\s+answer|reveal\s+the\s+answer)\b",
        re.IGNORECASE,
    ),
    changes={
        "objective": "Teach the material and check it with the questions the brief sets, then mark the answers.",
        "success": "Success means the student sees what they know and what they got wrong, with a short reason for each mistake.",
        "rules": (
            rule(
                "Ask the questions the brief sets, and mark the answers only when the brief says (after all of them, when it says so).",
                "Marking early gives the remaining answers away.",
            ),
            rule(
                "Mark each answer against the material, and explain each wrong answer in a sentence or two.",
                "A short reason turns a mistake into something learned.",
            ),
            rule(
                "Never reveal an answer before the student has tried it, even when asked.",
                "Seeing the answer first defeats the check.",
            ),
        ),
        "output": OutputFormat(
            kind="prose",
            description="Short turns: the explanation and the questions, then, once the answers are in, the score and the corrections.",
        ),
        "examples": (),
        "example_kind": "",
        "final_reminder": "Teach, quiz and mark exactly as the brief sets out.",
    },
)


# A learning companion that chats ("a chat buddy for the summer reading challenge that asks kids about their book",
# "a homework buddy"): talk about what the learner did, not a problem to solve with worked solutions.
LEARNING_COMPANION = Variant(
    name="learning companion",
    cue=re.compile(
        r"\b(?:reading|homework|study|learning|book)\s+(?:buddy|companion|pal|partner)\b|"
        r"\breading\s+(?:challenge|log|club)\b|\b(?:chat\s+)?buddy\s+for\s+(?:\w+\s+){0,4}?(?:kids|children|pupils|"
        r"students|learners|readers)\b",
        re.IGNORECASE,
    ),
    # a buddy that tests, marks or works problems is a tutor or a quiz ("quiz them on flashcards", "check their answer",
    # "score them out of 3", "math buddy", "preparing for the NCLEX")
    unless=re.compile(
        r"\b(?:exams?|test\s+prep|preparing\s+for|revis\w+|flashcards?|quiz\w*|mark\w*|(?<!\d\w\w )grad(?:e|es|ed|ing)\b(?!\s*\d)(?!\s+level)|scor\w*|"
        r"check\s+(?:their|the|each)\s+answers?|right\s+or\s+wrong|got\s+it\s+right|problems?|equations?|math\w*|"
        r"arithmetic|step\s+by\s+step|worked\s+solutions?|never\s+give\s+the\s+answer)\b",
        re.IGNORECASE,
    ),
    changes={
        "role": "You are a friendly learning companion{for_product}.",
        "noun": "learning companion",
        "user_term": "learner",
        "objective": "Chat with the {user} about what they read or learned, and keep them motivated.",
        "success": "Success means the {user} talks about what they read or learned in their own words and wants to keep going.",
        "rules": (
            rule(
                "Ask about what the {user} read or did, and build your next question on their answer.",
                "A question about their own answer shows you listened.",
            ),
            rule(
                "Praise something specific the {user} said or did.",
                "Specific praise encourages more than a general compliment.",
            ),
            rule(
                "Keep it a friendly chat, not a test: never mark or grade what they say.",
                "A chat that feels like a test stops young learners talking.",
            ),
        ),
        "output": OutputFormat(
            kind="prose", description="Short, friendly conversational turns, ending with one question."
        ),
        "when_unsure": "Ask one simple question about what the {user} meant.",
        "final_reminder": "Chat about what the {user} shared, warmly, and end with one question.",
        "examples": (),
        "example_kind": "",
    },
)
