"""Archetypes that judge work against criteria: rubric grading and LLM-as-judge evaluation."""

# ruff: noqa: E501  (archetype content: one rule or pattern per line reads and greps better than split literals)

from __future__ import annotations

import re

from app.engine.archetypes.registry import Archetype, Variant, feat, rule, var
from app.engine.archetypes.variants import JSON_SCORES
from app.engine.spec import Example, OutputFormat

# "give a score out of 10 and PASS or FAIL (PASS is 7 or more)": the brief states its own standard (a pass mark or a
# pass/fail verdict) and names no rubric, so the caller has no rubric to paste; the submission is the only input.
STATED_SCALE = Variant(
    name="scale stated in the brief",
    # A pass mark or a pass/fail verdict makes the standard complete; a bare "1-5 scale" still needs level definitions.
    cue=re.compile(
        r"\bPASS\b|\bpass\s*(?:/|or)\s*fail\b|\bpass(?:es)?\s+(?:mark|at|with|if|from)\b|\bpass\s+is\b|"
        r"\b(?:aprobado|aprovado|bestanden|réussi|admis|promosso|geslaagd)\b|\bapto\b|"
        # "Score 0-10, where 7 is a pass", "against the model answer": the standard is stated or supplied
        r"\b(?:\d+|\w+)\s+(?:or\s+(?:more|above|higher)\s+)?is\s+a\s+pass\b|\b(?:model|reference|sample)\s+answers?\b|"
        r"\bmusterlösung|\brespuesta\s+modelo\b|\bresposta\s+modelo\b|\bcorrigé\s+type\b",
        re.IGNORECASE,
    ),
    unless=re.compile(
        r"\brubrics?\b|\bcriteri(?:a|on)\b|\bmark(?:ing)?\s+scheme\b|\bscoring\s+guide\b|\banswer\s+key\b|"
        r"\br[úu]brica|\bcrit[ée]rios?|\bcrit[èe]res?|\bkriterien|\bbewertungsschema|\bgrille\b|\bbarème|\bcriteri\b",
        re.IGNORECASE,
    ),
    changes={
        "objective": "Grade each submission on the scale this prompt states, justifying the grade with evidence from the submission.",
        "success": "Success means a grade on the stated scale, backed by evidence from the submission, that a second grader would agree with.",
        "rules": (
            rule(
                "Grade on the scale and pass mark this prompt states, and apply them the same way to every submission.",
                "A fixed standard is what makes grades comparable across submissions.",
            ),
            rule(
                "Base the grade only on what the submission shows; give no credit for what it leaves out.",
                "Credit for missing work makes grades meaningless.",
            ),
            rule(
                "When a submission falls between two grades, give the lower one and say what would earn the higher one.",
                "A fixed tie-break keeps grades reproducible, and the note turns the grade into feedback.",
            ),
            rule(
                "Ignore length, style and confidence unless this prompt says they count.",
                "Graders that reward length or confident tone drift away from the standard.",
            ),
        ),
        "reasoning": (
            "Work out what a complete answer must contain.",
            "Compare the submission with it, point by point.",
            "Choose the grade on the stated scale, then write the feedback.",
        ),
        "examples": (),
        "example_kind": "",
        "out_of_scope": "Say that you grade submissions only.",
        "when_unsure": "Give the lower of the two grades you are choosing between and say what is unclear.",
        "variables": (var("submission", "The submission to grade."),),
        "final_reminder": "Grade on the stated scale, with the evidence before the grade.",
    },
)

GRADER = Archetype(
    yields_to_tools=True,
    id="grader",
    title="Rubric grader and evaluator",
    features=(
        feat(
            "grade",
            # (not the condition grade of goods: "Media <grade> / Sleeve <grade>", "grades only from Goldmine: M, NM")
            # (not "grade the urgency of maintenance requests: P1, P2, P3": a priority to sort by is a triage label)
            r"(?<!<)\bgrad(?:e|es|ing|er)\b(?!>)(?!\s+(?:only\s+)?from\b)"
            r"(?!\s+(?:the\s+|each\s+|every\s+)?(?:urgency|priority|severity|importance)\b)(?![^.\n]{0,60}\b(?:faults?|sleeves?|mint|goldmine|condition|wear|scratch\w*|"
            r"scuffs?|pressings?|packaging)\b)|"
            # "RESULT: <grade>" on a line of the reply's layout (not "CONDITION: Media <grade> / Sleeve <grade>")
            r"[:：]\s*<grades?>|"
            r"\bmark(?:s|ing)? (?:the |their |my |our |each |every |students'? |pupils'? )?"
            r"(?:[\w-]+ )?(?:essays?|homework|assignments?|papers?|exams?|answers?|write-?ups?|lab reports?|coursework|"
            r"worksheets?|submissions?|scripts)\b|"
            # "Mark against this scheme, 12 marks in total"
            r"\bmark (?:it |them |each one )?against (?:this|the|our|my) (?:scheme|rubric|criteria|mark scheme)\b|"
            r"\b\d+ marks in total\b|\bout of \d+ marks\b|"
            # "Marking assistant for the theory test", "1 mark per marking point", "the model answer"
            r"\bmark(?:ing|er) (?:assistant|helper|bot|tool)\b|\bmarking points?\b|\bmark schemes?\b|"
            r"\bmarks? per (?:marking )?point\b",
            7,
        ),
        feat("rubric", r"\brubrics?\b|\bscoring (?:guide|criteria)\b|\bmarking scheme\b", 6),
        # "der jeden Aufsatz nach unserem Raster vorbewertet", "corrige les copies", "califica las redacciones"
        feat(
            "grade (other languages)",
            r"\b(?:vor)?bewert\w*\s+(?:[\w:]+\s+){0,4}?(?:aufs[äa]tz\w*|arbeit\w*|klausur\w*|hausaufgab\w*|texte?)\b|"
            r"\baufs[äa]tz\w*\s+(?:[\w:]+\s+){0,4}?(?:vor)?bewert\w*|\bbenot\w*|\bbewertungsraster\b|\bnotenschl[üu]ssel\b|"
            r"\bcorrig\w*\s+(?:les\s+|des\s+|las\s+|los\s+|os\s+|as\s+)?(?:copies|dissertations?|rédactions?|redacciones|"
            r"ex[áa]menes|redações|provas|compiti|temi)\b|\bgrille\s+d['’][ée]valuation\b|\bbar[èe]me\b|"
            r"\bcalific\w*\s+(?:las\s+|los\s+)?(?:redacciones|ex[áa]menes|trabajos|ensayos)\b|"
            r"\bavali\w*\s+(?:as\s+|os\s+)?(?:redações|provas|trabalhos)\b|\bvalut\w*\s+(?:i\s+|gli\s+)?(?:temi|compiti|elaborati)\b|"
            r"\bbeoordeel\w*\s+(?:de\s+|het\s+)?(?:opstel\w*|werkstuk\w*|toets\w*)\b|採点|评分标准|批改|打分",
            7,
        ),
        feat(
            "judge",
            r"\bllm[- ]as[- ](?:a[- ])?judge\b|\bjudge\b|\bevaluat\w+ (?:the |each |every )?(?:responses?|answers?|outputs?|completions?)\b",
            6,
        ),
        feat(
            "score",
            r"\bscor(?:e|es|ing) (?:the |each |every )?(?:\w+ )?(?:responses?|answers?|outputs?|essays?|submissions?|replies)\b|\bon a (?:\d+[- ](?:to|-)[- ]?\d+|\d+-point) scale\b",
            5,
        ),
        # "ricevi la domanda, la risposta di riferimento e la risposta del partecipante", "the model answer and the
        # learner's answer": an answer judged against the one it should have been, in the languages briefs come in
        feat(
            "answer against a reference (any language)",
            r"\b(?:model|reference|sample|expected)\s+answers?\b|\brisposta\s+(?:di\s+riferimento|modello|attesa)\b|"
            r"\brespuesta\s+(?:de\s+referencia|modelo|esperada)\b|\br[ée]ponse\s+(?:de\s+r[ée]f[ée]rence|mod[èe]le|attendue)\b|"
            r"\breferenzantwort\w*|\bmusterl[öo]sung\w*|\bmusterantwort\w*|\berwartete\s+antwort\b|"
            r"\bresposta\s+(?:de\s+refer[êe]ncia|modelo|esperada)\b|\breferentieantwoord\w*|\bmodelantwoord\w*|"
            r"模範解答|参考答案|标准答案",
            6,
        ),
        # "punteggio da 0 a 10", "puntuación de 0 a 10", "une note de 0 à 20", "Punkte von 0 bis 10": a score to give
        feat(
            "score range (any language)",
            r"\b(?:punteggio|voto|puntuaci[óo]n|puntaje|calificaci[óo]n|nota|note|punktzahl|punkte|pontua[çc][ãa]o|"
            r"score|cijfer)\s+(?:da|de|von|van|tra|entre|from|sur)\s+0\s+(?:a|à|bis|tot|to|e|y|et)\s+\d+\b",
            4,
        ),
        feat("criteria", r"\bcriteri(?:a|on)\b|\bhelpfulness\b|\baccuracy\b|\bfeedback\b", 1),
    ),
    role="You are a careful, consistent grader{for_product}.",
    noun="careful, consistent grader",
    objective="Score each submission against the rubric, justifying every score with evidence from the submission.",
    success="Success means a score for each criterion, backed by evidence quoted from the submission, that a second grader using the same rubric would agree with.",
    context=("Scores feed feedback and decisions, so they must be consistent from one submission to the next.",),
    rules=(
        rule(
            "Score each criterion separately, using only the rubric's definitions and scale.",
            "A shared, written standard is what makes scores comparable across submissions.",
        ),
        rule(
            "Write the evidence and reasoning for a criterion before its score.",
            "Reasoning written after the score tends to justify it rather than arrive at it.",
        ),
        rule(
            "Quote the passage of the submission that supports each judgement.",
            "Quotes let the reader check the judgement against the submission.",
        ),
        rule(
            "When a submission falls between two levels, give the lower level and say what would earn the higher one.",
            "A fixed tie-break keeps scores reproducible, and the note turns the score into feedback.",
        ),
        rule(
            "Ignore length, style and confidence unless the rubric scores them.",
            "Graders that reward length or confident tone drift away from the rubric.",
        ),
    ),
    tone=("Neutral and specific; critique the work, never the author.",),
    reasoning=(
        "Read the rubric and restate what each level of each criterion requires.",
        "For each criterion, find the evidence in the submission, then choose the level.",
        "Add up the scores and write the feedback.",
    ),
    output=OutputFormat(
        kind="markdown",
        description=(
            "For each criterion: its name, the evidence (a short quote), one sentence of reasoning, then the score. "
            'Then "Total:" with the overall score, and "Feedback:" with at most three sentences on how to improve, '
            "at most {max_words} words in all."
        ),
    ),
    examples=(
        Example(
            input="[A submission that meets one criterion fully and another only partly]",
            output=(
                'Criterion: [name]\nEvidence: "[quote]"\nReasoning: [why the quote meets the top level]\nScore: [top level]\n\n'
                'Criterion: [name]\nEvidence: "[quote]"\nReasoning: [what is missing for the next level]\nScore: [lower level]\n\n'
                "Total: [sum]\nFeedback: [the one change that would raise the score most]"
            ),
        ),
    ),
    out_of_scope="Say that you grade submissions against the rubric only.",
    when_unsure="Say which criterion you cannot judge and why, and score it as not assessable instead of guessing.",
    variables=(
        var("rubric", "The grading rubric: criteria, levels and scale.", trusted=True),
        var("submission", "The submission to grade."),
    ),
    drop_variables=("question", "review", "content", "text", "document", "email"),
    replaceable_inputs=("submission",),
    blendable=False,
    final_reminder="Grade each criterion with evidence first, then the score.",
    safety_packs=False,
    variants=(STATED_SCALE, JSON_SCORES),  # a stated standard wins: no rubric to ask for
)

EVALUATION_ARCHETYPES: tuple[Archetype, ...] = (GRADER,)
