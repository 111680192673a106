"""Who the assistant is and what it is for: role line, objective, success criterion and background context."""

from __future__ import annotations

import re

from app.engine.archetypes.variants import PLAYS_A_PART, played_character
from app.engine.assistant_name import named_role
from app.engine.compose.job import ASSISTANT_CALLED, JOB_VERBS
from app.engine.compose.language import QUOTE_MARKS
from app.engine.compose.plan import Plan
from app.engine.constraints.limit_numbers import INPUT_SCOPE
from app.engine.phrasing import (
    article,
    normalise,
    possessive,
    second_person,
    sentence,
    verbs_to_base,
    without_meta_request,
    without_request,
)

_ROLE_HEAD = re.compile(
    r"^(?:an?\s+|the\s+)?(?:[\w'-]+\s+){0,3}?(?:planner|assistant|helper|advisor|adviser|coach|bot|chatbot|guide|"
    r"concierge|expert|companion|buddy|consultant|recommender|agent|specialist|representative|rep|officer|"
    r"analyst|writer|coordinator|clerk|navigator|counsell?or|librarian|editor|reviewer|tutor|trainer|generator|host|"
    r"quizmaster|narrator|storyteller|game\s?master|dm|referee|scorekeeper|organi[sz]er|sommelier|chef|cook)\b",
    re.IGNORECASE,
)


_EMPTY_ADJECTIVES = re.compile(r"\b(?:general|generic|helpful|useful|nice|good|smart|ai)\s+(?=\w)", re.IGNORECASE)


def role_sentence(role: str) -> str:
    """The brief's own role as a "You are ..." sentence."""
    role = role.strip().rstrip(".")
    if re.match(r"(?i)you are\b", role):
        return role + "."
    lead = "" if re.match(r"(?i)(?:a|an|the)\b", role) else ("an " if role[:1].lower() in "aeiou" else "a ")
    return f"You are {lead}{role}."


# "be my brainstorm buddy", "You are the narrator of …": the brief addresses the assistant; the noun phrase is the role.
_BE_MY = re.compile(
    r"^(?:please\s+)?(?:be|act\s+as|serve\s+as|work\s+as|you\s+are|you['’]re|you\s+will\s+be|you['’]ll\s+be)\s+"
    r"(?=(?:my|our|a|an|the)\s)",
    re.IGNORECASE,
)


def _first_part(text: str) -> tuple[str, str]:
    """The text up to its first comma outside parentheses, and the rest ("(low magic, pirates)" stays whole)."""
    depth = 0
    for index, char in enumerate(text):
        depth += (char == "(") - (char == ")")
        if char == "," and depth == 0 and text[index + 1 : index + 2] == " ":
            return text[:index], text[index + 2 :]
    return text, ""


_NAME_IS_THE = re.compile(
    r"(?P<name>(?!It\b)[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s+(?:is|will\s+be)\s+"
    # (a bot's nouns only: "Marta is our tour guide", "Laura is the running coach" are people)
    r"(?P<role>(?:the|a|an|our)\s+(?:[\w'’-]+\s+){0,3}?(?:companion|assistant|bot|chatbot|buddy|mascot|character|"
    r"persona)\b[^.!?;\n]{0,100})"
)


# The named assistant's opening sentence with its name taken out (assistant_name.without_assistant_name)
_IT_RUNS = re.compile(r"It\s+(?:runs|lives|sits)\s+(?P<where>(?:on|in|inside)\s+[^.!?;\n]{3,120})$")


def general_role(task: str, for_product: str) -> tuple[str, str]:
    """Role and objective for a catch-all task written as a noun phrase ("trip planner for a travel agency")."""
    phrase = normalise(task).rstrip(".!?") or normalise(task)  # a task of only "!" or "..." must not crash
    # "be my brainstorm buddy for ...": the user's own noun phrase, addressed to the assistant.
    phrase = _BE_MY.sub("", phrase, count=1) or phrase
    phrase = without_request(phrase) or phrase  # "i want a bot for …": the bot is the role, not the wish
    # "Greenhollow Garden Centre wants a "plant doctor" on our website chat": the business's wish names the role.
    phrase = _ORG_WANTS.sub("", phrase, count=1) or phrase
    runs = _IT_RUNS.match(phrase)
    if runs is not None:
        # "(Scan Buddy) runs on a tablet in the radiology waiting room": where the assistant runs says what it is
        return (
            f"You are an assistant {second_person(runs.group('where'), 'user')}.",
            "Help the user with each request in this area, directly and accurately.",
        )
    companion = _NAME_IS_THE.match(phrase)
    if companion is not None:
        # "Bookworm Buddy is the reading companion in our school's phonics app": the name and what it is
        what = second_person(re.sub(r"(?i)^our\s+", "the ", companion.group("role")), "user")
        return (
            f"You are {companion.group('name')}, {what}.",
            "Help the user with each request in this area, directly and accurately.",
        )
    called = ASSISTANT_CALLED.search(phrase)
    if called is not None:
        # "We want a weekly check-in chat called "Between Sessions" for people on the list": the name and what it is
        what = second_person(f"{called.group('what')}{called.group('rest')}".strip(), "user")
        return (
            f"You are {called.group('name').strip()}, {what[0].lower()}{what[1:]}.",
            "Help the user with each request in this area, directly and accurately.",
        )
    titled = _titled(phrase, for_product)
    if titled is not None:
        return titled
    acts = _THE_ASSISTANT_DOES.match(phrase)
    if acts is not None and verbs_to_base(acts.group("verb")).lower() in JOB_VERBS | {"walk", "guide"}:
        # "the assistant walks the user through it step by step and at the end shows the filled record": what it does
        job = second_person(verbs_to_base(phrase[acts.start("verb") :]), "user")
        return f"You are an assistant{for_product}.", sentence(job[0].upper() + job[1:])
    if _ROLE_HEAD.match(phrase):
        # "a general helpful assistant" says nothing a role needs: the words that carry no job go.
        body = _EMPTY_ADJECTIVES.sub("", phrase[0].lower() + phrase[1:]).strip()
        body, rest = _first_part(body)
        body = second_person(re.sub(r"(?i)^(?:an?|the)\s+", "", body), "user").rstrip(" ,;:–—-")
        objective = "Help the user with each request in this area, directly and accurately."
        if rest.strip():
            note = sentence(second_person(rest, "user"))
            objective += f" Keep in mind: {note[0].lower()}{note[1:]}"
        lead = "" if body.startswith("the user's ") else article(body) + " "
        return f"You are {lead}{body}.", objective
    if _SHORT_NOUN_PHRASE.match(phrase):
        # "a "plant doctor" on the website chat": the noun phrase is the role itself.
        body = second_person(phrase, "user")
        return f"You are {body}{for_product}.", "Help the user with each request in this area, directly and accurately."
    wanted = _WANTED_ROLE.search(phrase)
    head = re.sub(r"\s+(?:for|of|to|with|in)\s+.*$", "", wanted["role"]) if wanted is not None else ""
    if wanted is not None and not re.search(r"[^su]s$", head):  # ('need "nudges" that …': no role)
        # 'building a journaling app (Quietpage) and want an AI "reflection buddy" that responds to a user's journal
        # entry': the role the requester wants, and what it does
        job = second_person(verbs_to_base(wanted["job"].strip()), "user")
        return f"You are {article(wanted['role'])} {wanted['role']}{for_product}.", sentence(job[0].upper() + job[1:])
    # ("Kessler & Daughters …", "Bella's Bakery …": a name keeps its capital)
    named = re.match(r"[A-Z][\w'’.-]*\s+(?:&|[A-Z])|I\b", phrase) is not None
    opening = phrase[0] if named else phrase[0].lower()
    return f"You are an assistant{for_product}.", f"Help the user with this request: {opening}{phrase[1:]}."


# "the assistant walks the user through it …", "the bot answers …": a sentence that says what the assistant does
# (and "you help parents of toddlers with sleep questions": the brief already speaks to the assistant)
_THE_ASSISTANT_DOES = re.compile(
    r"(?:(?:the|our|this|my)\s+(?:assistant|bot|chatbot|agent|ai|helper)|you)\s+(?:will\s+|should\s+|must\s+)?"
    r"(?P<verb>[a-z]+)\s",
    re.IGNORECASE,
)
# "… and want an AI "reflection buddy" that responds to …": a quoted role the requester wants, then what it does
_WANTED_ROLE = re.compile(
    r"\b(?:want|need|would\s+like|looking\s+for)s?\s+(?:an?\s+)?(?:AI\s+|ai\s+)?[\"“'‘](?P<role>[A-Za-z][\w -]{2,40}?)"
    r"[\"”'’]\s+(?:that|who|which)\s+(?P<job>[a-z][^.;]{5,200})"
)


# "Kessler & Daughters Removals (Bristol) wants a website chat assistant that …": the organisation's wish
_ORG_WANTS = re.compile(
    r"^(?:(?:[A-Z][\w&'’.-]*|&|\([^()]{1,30}\))\s+){1,7}(?:wants|needs|would\s+like|is\s+looking\s+for)\s+(?=an?\s)"
)
_SHORT_NOUN_PHRASE = re.compile(r"^an?\s+(?:\S+\s+){0,3}\S+(?:\s+(?:on|for|in|at)\s+(?:\S+\s+){0,4}\S+)?$")
_TITLE_AND_BODY = re.compile(r"^(?P<title>[^:.!?]{3,60}?):\s+(?P<body>\S.*)$")
_HOSTED = re.compile(r"\b(?:game|games|quiz|show|challenge|club|contest|adventure)$", re.IGNORECASE)
_THE_BOT = re.compile(r"\b(?:the\s+(?:bot|assistant|ai|agent|model)|it)\s+(?=[a-z]+s\b)", re.IGNORECASE)


_RULES_ONLY = re.compile(r"^\W*(?:no|never|don'?t|do\s+not|avoid|only|always|keep|max(?:imum)?|under)\b", re.IGNORECASE)


# Headings a brief puts over its lines: "What it should do:", "How it works:", "Rules:", "Tone:"
_HEADING = re.compile(
    r"(?i)(?:what|how|when|where|who|why|which|rules|tone|style|context|background|notes?|important|things)\b"
)


def _titled(phrase: str, for_product: str) -> tuple[str, str] | None:
    """ "kids (8-10) riddle game: the bot asks a riddle, …": a title, then what the assistant does in it."""
    match = _TITLE_AND_BODY.match(phrase)
    if match is None or re.match(r"(?i)(?:i|we|you|please|hi|hey|ok)\b", match.group("title")):
        return None
    if _HEADING.match(match.group("title")):
        # ("What it should do: listen, ask how today went, …": a heading over what the assistant does, not a title)
        job = second_person(match.group("body"), "user")
        return f"You are an assistant{for_product}.", sentence(job[0].upper() + job[1:])
    title = re.sub(r"(?i)^(?:an?|the)\s+", "", match.group("title").strip())
    if title[1:2].islower():
        title = title[0].lower() + title[1:]  # "Pet poison helpline assistant" opened the brief, it is no name
    body = _THE_BOT.sub("you ", match.group("body"), count=1)
    if body.startswith("you "):
        body = "you " + verbs_to_base(body[4:])
    body = second_person(body, "user")
    objective = sentence(body[0].upper() + body[1:])
    if _RULES_ONLY.match(body):
        # "Story bot for little ones: no swearing, no monsters": rules, not the job; the rules section has them.
        objective = "Help the user with each request in this area, directly and accurately."
    if _HOSTED.search(title):
        return f"You host {article(title)} {title}{for_product}.", objective
    if _ROLE_HEAD.match(title):
        return f"You are {article(title)} {title}{for_product}.", objective
    if for_product:
        return f"You are {article(title)} {title} assistant{for_product}.", objective
    return f"You are an assistant for {title}.", objective


_OWN_ROLE = re.compile(
    # ("You are Pip, a friendly fox who …": the name, then the role)
    r"^\s*(?:you\s+are|you['’]re|you\s+will\s+be|you['’]ll\s+be)\s+"
    r"(?P<role>(?:[A-Z][\w'’-]*,\s+)?(?:the|a|an)\s+[^.(;:!?\n]{3,80}?)\s*(?=[.(;:!?\n]|$)",
    re.IGNORECASE,
)


# (not "Our Lady of Mercy School", a name; nor "our own …")
_OUR = re.compile(r"\bour\b(?!\s+own\b)")
# What is left of an aside once the audience it named went to its own line: "club (, Ontario)".
_EMPTY_ASIDE_PART = re.compile(r"\(\s*[,;]\s*")


def role_and_objective(plan: Plan) -> tuple[str, str, str]:
    """(role, objective, success)."""
    primary, brief = plan.primary, plan.brief
    if primary.fixed_frame and not brief.role:
        return plan.fill(primary.role), plan.fill(primary.objective), plan.fill(primary.success)
    character = played_character(brief.task) if not brief.role else None
    role, objective, success = _job_role_and_objective(plan)
    role = _EMPTY_ASIDE_PART.sub("(", role).replace("()", "").replace(" .", ".")  # "club (kids 7 to 12, Ontario)"
    talks = primary.conversational or primary.live_chat_cue is not None
    if character is not None and not primary.role_from_task and talks:
        # (only a job that talks with people plays one: a copywriter's "our mascot is called Pip" is whom the
        # captions feature, not who writes them)
        # "Our support persona is called Ava, …": whatever the job, the assistant is the character the brief names.
        if PLAYS_A_PART.search(brief.task):
            # "The bot plays the candidate: …": the user practises against the part; the job's own frame (an
            # interviewer who helps a candidate practise) would be the other side of the scene
            objective = (
                "Play this part in the practice scene, in the character's own voice, so the user can practise; step "
                "out of it only where these instructions say."
            )
            success = "Success means a realistic scene the user can practise against."
        return f"You are {character}.", objective, success
    name = plan.entities.assistant_name
    # (not when the objective quotes the brief's own "you are Pip, a friendly fox …")
    if (
        name is not None
        and not brief.role
        and not re.search(rf"\byou\s+are\s+{re.escape(name)}(?!\w)", objective, re.I)
    ):
        role = named_role(role, name)  # "a chatbot called Fern": "You are Fern, a customer support agent …"
    return role, objective, success


def _job_role_and_objective(plan: Plan) -> tuple[str, str, str]:
    """(role, objective, success) from the job: the brief's role, its own "You're the …", or the archetype's."""
    primary, brief, line = plan.primary, plan.brief, plan.task_line
    org = plan.entities.organization
    success = plan.fill(primary.success)
    own = _OWN_ROLE.match(brief.task) if not brief.role and not primary.role_from_task else None
    if brief.role:
        role = role_sentence(brief.role)
    elif own is not None:
        # "You're the receptionist for Greenleaf Dental (…)": the brief says who the assistant is ("for our grant
        # team": the requester's team is "the" team to the assistant)
        role = f"You are {_OUR.sub('the', own.group('role').strip())}."
    elif plan.persona is not None and plan.persona.role is not None:
        role = plan.fill(plan.persona.role)
    elif line and not primary.role_from_task:
        role = f"You are {possessive(org) if org else article(plan.noun)} {plan.noun}."
    else:
        role = plan.fill(primary.role)
    if line:
        if primary.role_from_task and not brief.role:
            opening = f"You are an assistant{plan.placeholders['for_product']} with one job:"
            return opening, line[0].lower() + line[1:], success
        return role, line, success
    if primary.role_from_task and plan.brief_language is not None:
        # The job in the requester's words, not translated (see `compose.language`); the other sentences follow as
        # requirements.
        named = None if brief.role else _QUOTED_NAME_FIRST.match(without_meta_request(plan.job_text))
        if named is not None:
            # «"Brújula", el asistente de bienestar del SAP»: the name is who the assistant is, the rest its job
            objective = (
                f"Who you are, as the requester wrote it in {plan.brief_language[1]}: {_quoted(plan, named['rest'])}."
            )
            return f"You are {named['name']}.", objective, success
        objective = f"Your job, as the requester wrote it in {plan.brief_language[1]}: {_quoted(plan)}."
        return (role if brief.role else plan.fill(primary.role)), objective, success
    if primary.role_from_task and not brief.role:
        role, objective = general_role(plan.task, plan.placeholders["for_product"])
        purpose = _purpose_after_wish(plan.job_text)
        if purpose is not None and objective.startswith(_THIS_REQUEST):
            # "I'd like a chat assistant on our website. It should answer donor questions using only our guide.": the
            # wish names no job; the sentence after it does
            objective = purpose
        return role, objective, success
    objective = plan.fill(primary.objective)
    purpose = _purpose_after_wish(plan.job_text) if plan.brief_language is None else None
    if purpose is not None:
        # "I'd like a chat assistant on our page. It should answer donor questions using only our guide.": the job in
        # the brief's own words, as a named job's own sentence would be (the archetype's objective says it generically)
        return role, purpose, success
    if "explanation" in plan.conflicts.forbidden:
        # "Return only the query, no explanation": "… and explain what the result means" would contradict it.
        objective = re.sub(r",?\s+and\s+(?:explain|describe)\b[^.]*", "", objective)
    return role, objective, success


_THIS_REQUEST = "Help the user with this request:"
# "It should answer donor questions …", "It will help tenants …": what the wished-for assistant does
_IT_SHOULD = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:it|the\s+(?:bot|assistant))\s+(?:should|will|must|needs?\s+to|has\s+to)\s+"
    r"(?P<job>[a-z][^\n]{5,300}?)(?=[.!?](?:\s|$)|$)",
    re.IGNORECASE,
)


def _purpose_after_wish(job_text: str) -> str | None:
    """The job the sentence after a wish for an assistant states, as an instruction ("Answer donor questions …")."""
    found = _IT_SHOULD.search(job_text)
    if found is None or found.start() == 0 or found.group("job").split()[0].lower() not in JOB_VERBS:
        return None  # ("It will sit on our homepage", "It should always be friendly": no job)
    job = second_person(our_to_the(found.group("job").strip()), "user").replace(" to it ", " to you ")
    return sentence(job[0].upper() + job[1:])


def our_to_the(text: str) -> str:
    """ "our Donor Eligibility Guide" -> "the Donor Eligibility Guide": the requester's own, said to the assistant."""
    return _OUR.sub("the", text)


# «"Brújula", el asistente de …», «„Lumi“, ein Assistent, der …»: a quoted name, then what it is
_QUOTED_NAME_FIRST = re.compile(
    r'^["“„«「](?P<name>[^"“”„«»「」,.]{2,30})["”“»」]\s*,\s*'
    # (only when what follows names an assistant: «"Casa Lupo", la nostra trattoria» is the business)
    r"(?P<rest>(?:\S+\s+){0,3}?\w*(?:asistente|assistente|assistent|assistant|bot|chatbot|helper|agente|agent|coach|"
    r"tutor|tuteur|guide|gids|guía|guia)\b.*)$",
    re.DOTALL | re.IGNORECASE,
)


def _quoted(plan: Plan, job: str | None = None) -> str:
    """The job sentence of a brief not written in English, in its own quotation marks."""
    assert plan.brief_language is not None
    opening, closing = QUOTE_MARKS.get(plan.brief_language[1], ("«", "»"))
    if job is None:
        job = without_meta_request(
            plan.job_text
        )  # «Einen internen Assistenten, der …», not «Ich brauche einen Prompt …»
    return f"{opening}{job.strip(chr(34) + '“”«»「」').rstrip('.。')}{closing}"


def context_lines(plan: Plan, role: str = "") -> list[str]:
    """Background: the archetypes' context, the use case in the brief's words, the product (unless the role line
    already names it)."""
    primary = plan.primary
    lines = [plan.fill(c) for a in plan.voices for c in a.context if a is primary or "{labels}" not in c]
    line = plan.task_line
    if plan.brief_language is not None and not primary.role_from_task:
        lines.insert(0, f"The request, as the requester wrote it in {plan.brief_language[1]}: {_quoted(plan)}.")
    elif not primary.role_from_task and not line:
        # ("Chess helper for the Pine Rooks junior chess club (, Ontario)": the audience went to its own line)
        use_case = _EMPTY_ASIDE_PART.sub("(", plan.placeholders["task_sentence"]).replace("()", "").replace(" .", ".")
        lines.insert(0, f"Use case: {use_case}")
    if plan.brief_language is None:
        lines.extend(f"From the brief: {sentence(detail)}" for detail in plan.task_details)
    else:
        # the requester's introduction, in their words: who they are is context, not a rule
        lines.extend(f"From the brief, in {plan.brief_language[1]}: {detail}" for detail in plan.task_details)
    # "the tickets can be up to 2,000 words": the size of what arrives describes the input, not the reply's format
    lines.extend(c.text for c in plan.of_kind("limit") if c.scope == INPUT_SCOPE)
    product = plan.entities.product
    if product and (not line or product not in line) and product not in role:
        lines.append(f"Product: {product}.")
    if primary.tools_missing_note and not plan.brief.tools and not plan.of_kind("tool"):
        lines.append(primary.tools_missing_note)
    return lines
