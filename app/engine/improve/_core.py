"""The improve pipeline: lint → read the prompt verbatim → fill the gaps lint names → render → lint again."""

from __future__ import annotations

import difflib
import re

import msgspec

from app.engine.archetypes import FALLBACK_ID
from app.engine.brief import describe_variable
from app.engine.classify import ArchetypeMatch, classify
from app.engine.improve._feedback import apply_feedback
from app.engine.improve._gaps import ROLEPLAY_ARCHETYPES, fill_gaps, is_roleplay
from app.engine.improve._language import guess_language, names_a_language
from app.engine.improve._model import Change, ImproveResult
from app.engine.improve._restructure import INSTRUCTIONS_TITLE, Draft, inline_names, read_prompt
from app.engine.improve._safety import safety_line
from app.engine.lint import lint_prompt
from app.engine.parse import is_system_variable, wrap_bare_variables
from app.engine.render import render
from app.engine.spec import Guardrails, OutputFormat, OutputKind, PromptSpec, Rule, Section
from app.engine.templatize._snippets import placeholders
from app.engine.types import ChatMessage, LintReport, Target, Variable

_VAR = re.compile(r"\{\{\s*([A-Za-z_]\w*)\s*\}\}")
_FORMAT_KINDS: tuple[tuple[re.Pattern[str], OutputKind], ...] = (
    (re.compile(r"\bjson\b", re.I), "json"),
    (re.compile(r"\btable\b", re.I), "table"),
    (re.compile(r"\bbullet", re.I), "bullets"),
    (re.compile(r"\bmarkdown\b", re.I), "markdown"),
)
GPT_INSTRUCTIONS_TITLE = "General"
DECEPTIVE_RULE = "SAF-02"
SAFETY_RULE = "SAF-01"
REMOVED_RULES: dict[str, str] = {
    DECEPTIVE_RULE: "a deceptive instruction",
    "SEC-07": "an instruction that lets user-supplied text override these instructions",
    "SEC-02": "an injection phrase",
}
"""Rules whose sentences improve removes rather than keeps: keeping them keeps the prompt unsafe."""
LEFTOVER_RULE = "VAR-05"
_AUTHOR_NOTE = re.compile(r"(?i)(?:todo|fixme|tbd|lorem ipsum|xxx)\b")
_ADD_SUGGESTION = re.compile(r"Add: '(.+?)'(?=\s+Add: '|\s*$)")
_DOMAIN_IN_MESSAGE = re.compile(r"\(([a-z ]+)\)")
_TEMPLATE_KEYWORDS = frozenset({"end", "else", "this", "break", "continue", "range", "with", "define", "block", "nil"})
CLASSIFY_CHARS = 2000
TONE_TITLE = "Tone and style"
_ENGLISH_CONDITION = re.compile(r"\W*(?:if|when|whenever|unless)\b", re.I)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_LANGUAGE_NAMES = {"en": "English", "es": "Spanish", "de": "German", "fr": "French", "pt": "Portuguese"}


def _output_kind(description: str) -> OutputKind:
    return next((kind for pattern, kind in _FORMAT_KINDS if pattern.search(description)), "prose")


def _variables(text: str, constants: frozenset[str] = frozenset()) -> list[Variable]:
    """Every `{{name}}` of the prompt; untrusted unless the application fills it in (dates, product name, or a
    leftover slot improve turned into a constant such as `{{company_name}}`)."""
    seen: dict[str, Variable] = {}
    for name in _VAR.findall(text):
        if name in _TEMPLATE_KEYWORDS:
            continue  # Go/Handlebars control words ({{end}}, {{else}}), not inputs
        trusted = is_system_variable(name) or name in constants
        seen.setdefault(name, Variable(name=name, description=describe_variable(name), trusted=trusted))
    return list(seen.values())


def _cjk_language(text: str) -> str | None:
    """Japanese, Chinese or Korean when most of the prompt's letters are in that script, else None."""
    letters = [ch for ch in text[:CLASSIFY_CHARS] if ch.isalpha()]
    cjk = [ch for ch in letters if _CJK.match(ch)]
    if not letters or len(cjk) * 2 < len(letters):
        return None
    if any(_KANA.match(ch) for ch in cjk):
        return "Japanese"
    if any(_HANGUL.match(ch) for ch in cjk):
        return "Korean"
    return "Chinese"


def _lint_safety_lines(report: LintReport) -> list[tuple[str, str]]:
    """(domain, sentence) for every safeguard lint's SAF-01 findings say is missing, in lint's own words."""
    lines: list[tuple[str, str]] = []
    for finding in report.findings:
        if finding.rule_id != SAFETY_RULE or not finding.suggestion:
            continue
        domain = _DOMAIN_IN_MESSAGE.search(finding.message)
        for sentence in _ADD_SUGGESTION.findall(finding.suggestion):
            if all(sentence != line for _, line in lines):
                lines.append((domain.group(1) if domain else "sensitive", sentence))
    return lines


def _spec_from(
    draft: Draft,
    text: str,
    language: str,
    changes: list[Change],
    lint_safety: list[tuple[str, str]],
    constants: frozenset[str] = frozenset(),
) -> PromptSpec:
    role, output, unsure, scope = fill_gaps(draft, text, language, changes)
    cjk = _cjk_language(text)
    if cjk and not names_a_language(text):
        # The improved frame is English; without this line models answer a Japanese prompt's users in English.
        output = f"{output} Reply in {cjk}."
        changes.append(Change(kind="added", description=f"Added the reply language: 'Reply in {cjk}.'"))
    extra = [*draft.unsure[1:], *draft.scope[1:], *draft.boundaries]
    if language == "en" and lint_safety:
        # Lint names each missing safeguard with the sentence that provides it: add exactly those.
        for domain, line in lint_safety:
            extra.append(line)
            changes.append(
                Change(kind="added", description=f"Added a safeguard for the {domain} domain.", rule_id=SAFETY_RULE)
            )
    safety = None if language == "en" and lint_safety else safety_line(text, language)
    if safety is not None:
        domain, line = safety
        extra.append(line)
        changes.append(
            Change(kind="added", description=f"Added a safety line for the {domain.replace('_', ' ')} domain.")
        )
    # Renderers prefix a fallback that does not open with an English condition ("If a request is out of scope: …");
    # a fallback in another language reads right only as a guardrail line of its own.
    if scope and not _ENGLISH_CONDITION.match(scope):
        extra.insert(0, scope)
        scope = ""
    if unsure and not _ENGLISH_CONDITION.match(unsure):
        extra.insert(0, unsure)
        unsure = ""
    return PromptSpec(
        role=role,
        objective="",
        context=list(draft.context),
        tone=list(draft.tone),
        output_format=OutputFormat(kind=_output_kind(output), description=output),
        examples=list(draft.examples),
        # The confidentiality clause is added only when the author asked for it, and then it is their sentence.
        guardrails=Guardrails(out_of_scope=scope, when_unsure=unsure, protect_instructions=False, extra=extra),
        variables=_variables(text, constants),
        sections=list(draft.sections),
        inline_variables=inline_names(draft),
        language=_LANGUAGE_NAMES[language],
    )


def _titled_for(spec: PromptSpec, target: Target) -> PromptSpec:
    """GPT renders sections as `##` sub-headings under `# Instructions`: avoid "Instructions" twice there."""
    if target != "gpt":
        return spec
    sections = [
        Section(title=GPT_INSTRUCTIONS_TITLE, body=s.body) if s.title == INSTRUCTIONS_TITLE else s
        for s in spec.sections
    ]
    return msgspec.structs.replace(spec, sections=sections)


def _fold_rules(spec: PromptSpec) -> PromptSpec:
    """Feedback rules join the author's instructions section as bullets, and tone gets a section of its own:
    renderers would otherwise open a second instructions section for them."""
    sections = list(spec.sections)
    if spec.tone:
        sections.append(Section(title=TONE_TITLE, body="\n".join(f"- {line}" for line in spec.tone)))
        spec = msgspec.structs.replace(spec, tone=[], sections=sections)
    if not spec.instructions:
        return spec
    lines = [f"- {rule.text}" for rule in spec.instructions]
    index = next((i for i, s in enumerate(sections) if s.title == INSTRUCTIONS_TITLE), None)
    if index is None:
        sections.append(Section(title=INSTRUCTIONS_TITLE, body="\n".join(lines)))
    else:
        sections[index] = Section(title=INSTRUCTIONS_TITLE, body=sections[index].body + "\n" + "\n".join(lines))
    return msgspec.structs.replace(spec, instructions=[], sections=sections)


def _for_small(spec: PromptSpec) -> PromptSpec:
    """The small renderer keeps only three rules and drops context, tone, extra guardrails and most examples:
    carry the author's material in verbatim sections instead, so none of it is lost."""
    # Small renders section bodies without their titles: keep each title as the body's lead-in line.
    sections = [
        Section(title=s.title, body=f"{s.title}:\n{s.body}" if s.title != INSTRUCTIONS_TITLE else s.body)
        for s in spec.sections
    ]
    if spec.context:
        sections.insert(0, Section(title="Context", body="\n".join(["Context:", *(f"- {c}" for c in spec.context)])))
    limits = [spec.guardrails.out_of_scope, *spec.guardrails.extra]
    if any(limits):
        sections.append(Section(title="Boundaries", body="\n".join(["Boundaries:", *(f"- {x}" for x in limits if x)])))
    if spec.examples:
        body = "Examples:\n" + "\n\n".join(f"Input: {e.input}\nOutput: {e.output}" for e in spec.examples)
        sections.append(Section(title="Examples", body=body))
    unsure = spec.guardrails.when_unsure
    guardrails = Guardrails(out_of_scope="", when_unsure=unsure, protect_instructions=False)
    # As a rule of its own the fallback is listed as written; as `when_unsure` alone the small renderer would put
    # "If unsure or out of scope:" in front of a sentence that already starts with its own "If…".
    rules = [Rule(text=unsure)] if unsure else []
    return msgspec.structs.replace(
        spec, sections=sections, context=[], examples=[], guardrails=guardrails, instructions=rules
    )


def _fill_slots(text: str, reported: frozenset[str], changes: list[Change]) -> tuple[str, frozenset[str]]:
    """Turn the leftover slots lint reported (VAR-05: "[COMPANY NAME]", "{customer_name}") into `{{variables}}`,
    since Promptsmith fills only double braces; "curly brackets {like this}" described as syntax stays as written.
    Returns the text and the names that are constants the application sets."""
    found = [c for c in placeholders(text) if text[c.start : c.end] in reported]
    if not found:
        return text, frozenset()
    out, cursor = [], 0
    for slot in sorted(found, key=lambda c: c.start):
        if slot.start < cursor:
            continue
        out.append(text[cursor : slot.start] + f"{{{{{slot.name}}}}}")
        cursor = slot.end
    out.append(text[cursor:])
    names = ", ".join(f"{text[c.start : c.end]} -> {{{{{c.name}}}}}" for c in found)
    changes.append(
        Change(kind="delimited", description=f"Turned leftover slots into variables: {names}.", rule_id="VAR-05")
    )
    return "".join(out), frozenset(c.name for c in found if c.trusted)


def _delimit(text: str, changes: list[Change], constants: frozenset[str] = frozenset()) -> str:
    system = frozenset(name for name in _VAR.findall(text) if is_system_variable(name)) | constants
    wrapped_text, wrapped = wrap_bare_variables(text, keep=system)
    if wrapped:
        names = ", ".join(f"{{{{{n}}}}}" for n in wrapped)
        changes.append(
            Change(
                kind="delimited", description=f"Wrapped {names} in XML tags where it appears inline.", rule_id="VAR-02"
            )
        )
    return wrapped_text


_SENTENCE_END = re.compile(r"[.!?。！？](?=\s|$)|\n")


def _is_author_note(text: str, start: int) -> bool:
    """A leftover note or filler ("TODO: add the schedule", "Lorem ipsum …"), not a slot that can become a variable."""
    return _AUTHOR_NOTE.match(text, start) is not None


def _drop_unsafe(text: str, report: LintReport, changes: list[Change]) -> str:
    """Remove the sentences lint reports as deceptive (SAF-02: "never say you don't know", "pretend to be human")
    or as letting user text override the prompt (SEC-07, SEC-02).

    They are the one part of the author's wording improve does not keep: a fallback added beside them would
    contradict them, and keeping them keeps the model misleading its users or open to injection.
    """
    spans = sorted(
        (f.span.start, f.span.end, f.rule_id)
        for f in report.findings
        if f.span is not None
        and (f.rule_id in REMOVED_RULES or (f.rule_id == LEFTOVER_RULE and _is_author_note(text, f.span.start)))
    )
    cuts: list[tuple[int, int, str]] = []
    for start, end, rule_id in spans:
        if cuts and start < cuts[-1][1]:
            continue
        before = max(text.rfind(mark, 0, start) for mark in (". ", "! ", "? ", "\n", "。", "！", "？"))
        cut_start = before + 1 if before >= 0 else 0
        after = _SENTENCE_END.search(text, end)
        cut_end = after.end() if after else len(text)
        cuts.append((cut_start, cut_end, rule_id))
    if not cuts:
        return text
    kept, cursor = [], 0
    for cut_start, cut_end, rule_id in cuts:
        kept.append(text[cursor:cut_start])
        removed = text[cut_start:cut_end].strip()
        what = REMOVED_RULES.get(rule_id, "a leftover note")
        changes.append(Change(kind="removed", description=f"Removed {what}: {removed!r}.", rule_id=rule_id))
        cursor = cut_end
    kept.append(text[cursor:])
    return re.sub(r"[ \t]{2,}", " ", "".join(kept)).strip()


def _improve_text(
    text: str, feedback: str | None, target: Target
) -> tuple[str, PromptSpec, list[Change], list[ArchetypeMatch], LintReport, LintReport]:
    before = lint_prompt(text, target=target)
    fired = {f.rule_id for f in before.findings}
    changes: list[Change] = [
        Change(
            kind="restructured",
            description=f"Reorganised the prompt into {target} sections; the original sentences are kept verbatim.",
            rule_id="MOD-01" if target == "claude" else None,
        )
    ]
    reported = frozenset(
        text[f.span.start : f.span.end] for f in before.findings if f.rule_id == LEFTOVER_RULE and f.span is not None
    )
    filled_text, constants = _fill_slots(_drop_unsafe(text, before, changes), reported, changes)
    wrapped_text = _delimit(filled_text, changes, constants)
    draft = read_prompt(wrapped_text)
    if draft.renumbered:
        changes.append(Change(kind="restructured", description="Renumbered list items 1, 2, 3… within each list."))
    spec = _spec_from(draft, wrapped_text, guess_language(text), changes, _lint_safety_lines(before), constants)
    slots = [v.name for v in spec.variables if v.name not in spec.inline_variables]
    if slots:
        changes.append(
            Change(
                kind="delimited",
                description="Moved " + ", ".join(f"{{{{{n}}}}}" for n in slots) + " into tagged input slots.",
                rule_id="VAR-02",
            )
        )
    if any(not v.trusted for v in spec.variables) and "SEC-01" in fired:
        changes.append(
            Change(kind="added", description="Added a treat-as-data clause for the untrusted inputs.", rule_id="SEC-01")
        )
    if feedback:
        ours = spec.output_format
        if any(c.rule_id == "STR-02" for c in changes):
            # The format was ours, not the author's: a format the feedback asks for replaces it entirely.
            spec = msgspec.structs.replace(spec, output_format=OutputFormat(kind="prose", description=""))
        spec = apply_feedback(spec, feedback, text, changes)
        if not spec.output_format.description:
            spec = msgspec.structs.replace(spec, output_format=ours)
    spec = _titled_for(_fold_rules(msgspec.structs.replace(spec, target=target)), target)
    improved = render(_for_small(spec) if target == "small" else spec, target)
    after = lint_prompt(improved, variables=spec.variables, target=target)
    return improved, spec, changes, _archetypes(text), before, after


def _archetypes(text: str) -> list[ArchetypeMatch]:
    """What the prompt is, for the response: a role-play archetype only when the prompt is role-play."""
    # The opening says what a prompt is for; classifying 20 KB of it costs far more and says no more.
    matches = [m for m in classify(text[:CLASSIFY_CHARS]) if m.id not in ROLEPLAY_ARCHETYPES or is_roleplay(text)]
    if not matches:
        return [ArchetypeMatch(id=FALLBACK_ID, score=0, features=[])]
    return [msgspec.structs.replace(matches[0], rank="primary"), *matches[1:]]


def _diff(before: str, after: str) -> str:
    return "".join(
        difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True), "original", "improved")
    )


def improve(
    prompt: str | list[ChatMessage], *, feedback: str | None = None, target: Target = "generic"
) -> ImproveResult:
    """Improve a prompt (text, or chat messages whose system message is improved) for `target`.

    The author's sentences and lists are kept verbatim and re-sectioned; what the linter finds missing (role,
    output format, fallback, delimiters, treat-as-data clause) is added from the prompt's own content.
    """
    if isinstance(prompt, str):
        improved, spec, changes, matches, before, after = _improve_text(prompt, feedback, target)
        return ImproveResult(
            prompt=improved,
            target=target,
            spec=spec,
            changes=changes,
            diff=_diff(prompt, improved),
            archetypes=matches,
            lint_before=before,
            lint_after=after,
        )
    messages = list(prompt)
    index = next((i for i, m in enumerate(messages) if m.role == "system"), None)
    source = messages[index].content if index is not None else ""
    if index is None:
        # No system message: derive one from what the conversation asks for.
        source = "\n\n".join(m.content for m in messages if m.role == "user")
    improved, spec, changes, matches, before, after = _improve_text(source, feedback, target)
    new_system = ChatMessage(role="system", content=improved)
    if index is None:
        messages.insert(0, new_system)
        changes.insert(0, Change(kind="added", description="Added a system message.", rule_id="STR-01"))
        original_system = ""
    else:
        original_system = messages[index].content
        messages[index] = new_system
    return ImproveResult(
        prompt=messages,
        target=target,
        spec=spec,
        changes=changes,
        diff=_diff(original_system, improved),
        archetypes=matches,
        lint_before=before,
        lint_after=after,
    )
