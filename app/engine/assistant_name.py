"""The name a brief gives the assistant: "a chatbot called Fern", "(call it Fern)", "Its name is Max."

The name is who the assistant is, not the business it works for ("a chatbot called Fern for Greenleaf Garden
Centre": Greenleaf is the business) and not part of its job ("a bot (call it Fern) that answers …": the job is to
answer). `assistant_name` finds it; `without_assistant_name` takes it out of the text the other steps read.
"""

from __future__ import annotations

import re

# ("Mr. Hale": a title and its name stay whole)
_NAME = (
    r"[\"'“‘«]?(?P<name>(?:(?:Mr|Mrs|Ms|Dr|Prof|Sr|Sra|Herr|Frau|Mme|M)\.\s)?[A-ZÀ-Ý][\w'’-]*"
    r"(?:\s[A-ZÀ-Ý][\w'’-]*)?)[\"'”’»]?"
)
# A noun that is always the machine: "a chatbot called Fern", "ein Bot namens Fritz"
_BOT_NOUN = (
    r"(?:chat\s?bots?|bots?|avatar|(?:virtual|ai|digital|voice)\s+(?:assistant|agent|helper|companion|tutor|coach)|"
    r"asistente\s+virtual|assistente\s+virtual|assistant\s+virtuel|virtuelle[rn]?\s+assistent\w*|"
    r"sprachassistent\w*|ki-assistent\w*)"
)
# A noun that names the assistant only when the brief introduces it ("an assistant named Max"); with "our" or after
# a hand-over it is a colleague ("hand them over to our retention agent named Sarah")
_ROLE_NOUN = r"(?:assistant|agent|helper|concierge|companion|buddy|tutor|coach|asistente|assistente|assistent)"

# "(call it Fern)", "(named Fern)", "(name: Fern)", "(it's called Fern)": an aside that names the assistant
_NAME_ASIDE = re.compile(
    r"\s*\(\s*(?i:call\s+(?:it|the\s+bot|the\s+assistant)|(?:it['’]s\s+)?"
    r"(?:called|named)|name\s*:|nombre\s*:|llamad[oa]|namens)\s+" + _NAME + r"\s*\)"
)
_NAMING = (
    r"(?i:called|named|nicknamed|llamad[oa]|que\s+se\s+llama|namens|appel[ée]e?|nomm[ée]e?|qui\s+s['’]appelle|"
    r"chamad[oa]|de\s+nome|chiamat[oa])"
)
# "a chatbot called Fern", "an assistant named Max", "un asistente virtual llamado Leo", "ein Bot namens Fritz"
_NAME_AFTER_NOUN = re.compile(
    r"(?:(?i:\b"
    + _BOT_NOUN
    # A role noun names the assistant only where the brief introduces it: at its very start ("Companion called
    # Marigold for residents of …", "An assistant named Max for …") or after "You are" (not "A human agent called
    # Tom takes over", "una asistente llamada Lucía" later in the brief: colleagues)
    + r")|(?P<intro>(?i:(?:^\s*|\b(?:you\s+are|you['’]re|eres|du\s+bist|sie\s+sind|tu\s+es|vous\s+êtes|você\s+é|sei|"
    # "I want a friendly tutor named Leo", "we'd like a concierge named Jules": the assistant asked for
    r"(?:i|we)\s+(?:want|need|would\s+like)|(?:i|we)['’]d\s+like|looking\s+for|(?:build|create|make|design|set\s+up)"
    r"(?:\s+(?:me|us))?)\s+)"
    r"(?:(?:an?|un|una|ein|eine|une|um|uma|the|my|our)\s+)?(?:(?!human\b|staff\b|office\b|real\b|live\b)[\w-]+\s+){0,2}?"
    + _ROLE_NOUN
    + r")))(?P<cut>,?\s+"
    + _NAMING
    + r"\s+"
    + _NAME
    + r")(?=[\s,.;:!?)]|$)"
)
# "Its name is Max.", "The bot's name is Fern.", "Call it Fern.", "Name the assistant Pip." (not "Her name is
# Joanne": a person)
_NAME_SENTENCE = re.compile(
    r"(?:^|(?<=[.!?\n]))\s*(?:(?i:(?:its|the\s+(?:bot|chatbot|assistant)['’]s)\s+name\s+(?:is|will\s+be|"
    r"should\s+be)|(?:call|name)\s+(?:it|the\s+bot|the\s+chatbot|the\s+assistant)|"
    # "Our website assistant is called Ava."
    r"(?:our|the|my)\s+(?:[\w-]+\s+){0,2}(?:assistant|bot|chat\s?bot)\s+(?:is|will\s+be)\s+(?:called|named))\s+"
    + _NAME
    + r")\s*"
    r"(?:[.!]\s*|$)"
)
# Words that follow "called" without being a name: "a bot called from the webhook", "an agent named in the ticket".
_NOT_A_NAME = frozenset(
    {"The", "A", "An", "When", "If", "From", "By", "In", "On", "At", "Each", "Every", "This", "That"}
)
# The requester speaking of themselves or handing over to a colleague: "I'm a life coach named Dana", "pass them to
# our retention agent named Sarah", "pásalo a nuestra asistente llamada Marta"
_SOMEONE_ELSE_BEFORE = re.compile(
    r"(?i:\b(?:i['’]m|i\s+am|we['’]re|we\s+are|my\s+name\s+is|soy|somos|ich\s+bin|je\s+suis|sou)\b|"
    r"\b(?:to|over\s+to|a|al|à|an|zu)\s+(?:our|my|the|nuestr[oa]|mi|la|el|unsere[nm]?|notre|la)\s+[^.;!?\n]{0,30}$|"
    r"\b(?:hand|pass|transfer|send|forward|escalate|refer|connect|route|pás|pasa|transfier|deriv|weiterleit|"
    r"übergeb|transf[eé]r|encaminh)\w*\b[^.;!?\n]{0,40}$)"
)


# "Scan Buddy runs on a tablet in the waiting room …": the brief opens with the assistant's name (a name ending in a
# bot's noun: not "Intercom runs in a widget", a platform, nor "Mr Patel is the physics tutor", staff) as the subject
# of where it runs
_NAME_OPENS = re.compile(
    r"^\W*(?P<cut>(?P<name>(?!(?:It|This|That|Our|We|My|The)\b)[A-ZÀ-Ý][\w'’-]*\s(?:Buddy|Bot|Helper|Assistant|Pal|"
    r"Guide|Mate|Friend|Coach|Genie|Concierge|AI))\s+)(?=(?:runs|lives|sits|will\s+(?:run|live|sit))"
    r"\s+(?:on|in|inside)\s+(?:a|an|the|our|my|every)\s+(?:[\w-]+\s+){0,3}?(?i:tablets?|websites?|site|apps?|kiosks?|"
    r"screens?|chat|page|portal|phones?|whatsapp|widget|slack|teams|discord|intranet|terminal)\b)"
)


def _accepted(match: re.Match[str] | None, text: str = "") -> str | None:
    if match is None:
        return None
    name = match.group("name").strip()
    if name.split()[0] in _NOT_A_NAME:
        return None
    sentence_start = max(text.rfind(mark, 0, match.start()) for mark in ".!?\n") + 1
    if text and _SOMEONE_ELSE_BEFORE.search(text, sentence_start, match.start() + 1):
        return None
    return name


# 「さくら」という名前のチャットボット: the bot's name in Japanese
_CJK_NAME = re.compile(r"「(?P<name>[^「」。、，,.!?！？]{1,14})」という名前の(?:チャット)?(?:ボット|アシスタント|AI)")
# "You are Sage, a friendly maths tutor for …": the brief's own role line opens with the name
_YOU_ARE_NAME = re.compile(
    r"^\s*(?i:you\s+are|you['’]re)\s+(?P<name>[A-ZÀ-Ý][\w'’-]*(?:\s[A-ZÀ-Ý][\w'’-]*)?)(?=,\s+(?i:an?|the|your)\s)"
)


# 'a prompt for "Buoy", the WhatsApp assistant for Kettle Cove Marina', 'un prompt de sistema para "Vela", el asistente
# de chat de AutoIsla': a name, then the assistant it is (not "for Acme, the assistant app maker": a business)
_NAME_APPOSITIVE = re.compile(
    r"(?i:\b(?:for|para|pour|für|per|voor|(?:i|we)\s+(?:want|need)|build|create|make)\s+)"
    # (quoted, or bare before its comma: "Prompt for Volt, the WhatsApp assistant at Spoke & Volt")
    r"(?P<cut>[\"“«„'‘]?(?P<name>[A-ZÀ-Ý][\w'’-]*(?:\s[A-ZÀ-Ý][\w'’-]*)?)(?:[\"”»“'’],?|,)\s+)"
    r"(?i:(?:the|our|my|an?|el|la|nuestr[oa]|le|notre|der|die|das|unser\w*|o|a|nosso|nossa|il|lo|de|het|onze)\s+"
    # (not a business whose assistant it is: "for Harlow, a law firm whose assistant …", "Zendesk, the helpdesk our
    # support bot runs on")
    r"(?!(?:[\w-]+\s+){0,3}?(?:firm|company|business|agency|shop|store|clinic|practice|school|whose|that|which|"
    r"platform|helpdesk|software|tool|service)\b)"
    # (not a trade or a person's post: "the estate agent", "the dental assistant at our clinic", "the personal
    # assistant of our CEO", "the virtual assistant provider", "the agent network")
    r"(?!(?:[\w-]+\s+){0,2}?(?:estate|travel|insurance|dental|medical|personal|legal|teaching|executive|"
    r"administrative|research|lab|pharmacy|veterinary|talent|literary|press|sales|office|letting|shipping|property|"
    r"booking|customs)\s+(?:agent|assistant)\b(?!\s+(?:bot|for\s+(?:our|the|my)\s+(?!ceo|boss)|on\s+(?:our|the)\s+)))"
    r"(?:[\w-]+\s+){0,3}?(?:assistant|chat\s?bot|bot|agent|asistente|asistenta|ayudante|assistente|assistante|"
    r"assistent\w*|helper|concierge|companion|tutor|chatbot)\b(?!\s+(?:company|startup|platform|maker|vendor|app|"
    r"product|team|provider|network|"
    r"firm|agency|service|(?:of|to|for)\s+(?:our|the|my)\s+(?:ceo|boss|director|manager|founder))\b))"
)


# "Helix = the chat assistant on the IT Service Desk page": the brief opens with the name and what it is
_NAME_EQUALS = re.compile(
    r"^\W*(?P<cut>(?P<name>[A-ZÀ-Ý][\w'’-]+)\s*=\s*)(?i:(?:the|our|a|an)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:assistant|chat\s?bot|bot|agent|helper|concierge|companion|tutor)\b)"
)


def assistant_name(text: str) -> str | None:
    """The name the brief gives the assistant, if it gives one."""
    patterns = (
        _NAME_ASIDE, _NAME_AFTER_NOUN, _NAME_SENTENCE, _YOU_ARE_NAME, _NAME_APPOSITIVE, _NAME_EQUALS, _NAME_OPENS,
        _CJK_NAME,
    )  # fmt: skip
    for pattern in patterns:
        for match in pattern.finditer(text):
            name = _accepted(match, text)
            if name is not None:
                return name
    return None


def without_assistant_name(text: str) -> str:
    """The text without the words that name the assistant ("a bot (call it Fern) that …" -> "a bot that …")."""
    if assistant_name(text) is None:
        return text
    original = text
    text = _NAME_ASIDE.sub(lambda m: m.group(0) if _accepted(m, original) is None else "", text)
    text = _NAME_AFTER_NOUN.sub(
        lambda m: m.group(0) if _accepted(m, original) is None else m.group(0)[: m.start("cut") - m.start()], text
    )
    text = _NAME_SENTENCE.sub(lambda m: m.group(0) if _accepted(m, original) is None else " ", text)
    for pattern in (_NAME_APPOSITIVE, _NAME_EQUALS):
        text = pattern.sub(
            lambda m: m.group(0) if _accepted(m, original) is None else m.group(0).replace(m.group("cut"), "", 1), text
        )
    # ("Scan Buddy runs on a tablet …" -> "It runs on a tablet …": the sentence keeps a subject)
    text = _NAME_OPENS.sub(lambda m: m.group(0) if _accepted(m, original) is None else "It ", text, count=1)
    text = re.sub(r"  +", " ", text).strip()
    # ("The bot's name is Pip." alone: nothing else to read, so the sentence stays)
    return text if len(text.split()) >= 2 else original


def named_role(role: str, name: str) -> str:
    """A role sentence that says the assistant's name ("You are a support agent for X." -> "You are Fern, a support
    agent for X."); the sentence unchanged when it names it already or does not start with "You are"."""
    # (a name inside the business's, "You are … for Spoke & Volt", still says who the assistant is not)
    if re.match(rf"You are (?:the\s+)?{re.escape(name)}(?!\w)", role) or not role.startswith("You are "):
        return role
    return f"You are {name}, {role.removeprefix('You are ')}"
