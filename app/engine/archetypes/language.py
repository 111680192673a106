"""Archetypes for teaching, writing, language and conversation assistants, plus the fallback."""

# ruff: noqa: E501  (archetype content: one rule or pattern per line reads and greps better than split literals)

from __future__ import annotations

import re

from app.engine.address_register import REGISTER_CUE
from app.engine.archetypes.registry import Archetype, Persona, feat, rule, var
from app.engine.archetypes.variants import (
    CHARACTER,
    COMPANION,
    CREATIVE_WRITING,
    DRAFTED_DOCUMENTS,
    EMAIL_DRAFTING,
    FORM_ARRIVES_FILLED,
    GAME_HOST,
    GLOSSARY,
    INTAKE,
    JSON_RECORD,
    LEARNING_COMPANION,
    MARKETING_COPY_ESSENTIAL,
    MEETING_RECAP,
    MESSAGE_REPLY,
    NOT_MEDIA_INTERVIEW,
    NOTES_TO_TEXT,
    PLAIN_LANGUAGE,
    PLAIN_LANGUAGE_REWRITE,
    PLAYED_PART,
    PRODUCT_DESCRIPTIONS,
    QUIZ,
    REPLY_DRAFTING,
    ROLEPLAY_PARTNER,
    SOCIAL_POSTS,
    STATED_PIECES,
    STORY_GAME,
    STORY_GAME_CUE,
    TIGHTENING,
    TRANSLATION_REVIEW,
    WRITING_TASK,
    unless_not_an_email,
)
from app.engine.guessing_game import GUESSING_GAME
from app.engine.spec import Example, OutputFormat
from app.engine.taught_language import TAUGHT_LANGUAGE

# A language pair stated in another language: "reçoit … en italien et rend les surtitres en français", "del inglés
# al español", "dall'inglese all'italiano", "vom Deutschen ins Englische", "do inglês para o português", "van het
# Engels naar het Nederlands".
_FR_LANGUAGES = r"(?:anglais|français|allemand|italien|espagnol|portugais|néerlandais|chinois|japonais|russe|arabe)"
_ES_LANGUAGES = r"(?:inglés|español|castellano|francés|alemán|italiano|portugués|catalán|chino|japonés)"
_IT_LANGUAGES = r"(?:inglese|italiano|francese|tedesco|spagnolo|portoghese|cinese|giapponese|olandese)"
_DE_LANGUAGES = r"(?:Deutsch|Englisch|Französisch|Italienisch|Spanisch|Niederländisch|Portugiesisch|Polnisch)"
_PT_LANGUAGES = r"(?:inglês|português|espanhol|francês|alemão|italiano)"
_NL_LANGUAGES = r"(?:Engels|Nederlands|Duits|Frans|Spaans|Italiaans|Pools|Turks)"
_FOREIGN_LANGUAGE_PAIR = (
    # (a verb that carries text over first: "explique la grammaire de l'espagnol en français" is a tutor's language)
    rf"\b(?:passe|traduit|tradui\w*|convertit|transpose|bascule|met|rend)\w*\s+(?:\S+\s+){{0,5}}?"
    rf"(?:de\s+l['’]|du\s+|depuis\s+l['’]|de\s+)\s*{_FR_LANGUAGES}\b[^.\n]{{0,40}}?"
    rf"\b(?:en|vers\s+l['’]|vers\s+le|à\s+l['’]|au)\s*{_FR_LANGUAGES}\b|"
    rf"\ben\s+{_FR_LANGUAGES}\b[^.\n]{{0,80}}?\b(?:rend|renvoie|restitue)\w*\b[^.\n]{{0,40}}?\ben\s+{_FR_LANGUAGES}\b|"
    # (Spanish, Portuguese and Dutch too need a verb that carries the text over: "un tutor … cuando el alumno cambie
    # de español a inglés" is no translator)
    rf"\b(?:pasa|traduc|convierte|vuelca|lleva)\w*\s+(?:\S+\s+){{0,5}}?de(?:l)?\s+{_ES_LANGUAGES}\s+al?\s+{_ES_LANGUAGES}\b|"
    rf"\bdall['’]\s*{_IT_LANGUAGES}\s+(?:all['’]\s*|al\s+|in\s+|verso\s+l['’]\s*|verso\s+il\s+){_IT_LANGUAGES}\b|"
    rf"\b(?:vom|aus\s+dem)\s+{_DE_LANGUAGES}en\s+ins\s+{_DE_LANGUAGES}e\b|"
    rf"\b(?:passa|traduz|convert|vert|leva)\w*\s+(?:\S+\s+){{0,5}}?d[eo]\s+{_PT_LANGUAGES}\s+para\s+(?:o\s+)?"
    rf"{_PT_LANGUAGES}\b|"
    rf"\b(?:zet|zetten|vertaal\w*|omzet\w*|brengt|breng)\s+(?:\S+\s+){{0,5}}?(?:uit|van|vanuit)\s+(?:het\s+)?"
    rf"{_NL_LANGUAGES}\s+(?:naar|in)\s+(?:het\s+)?{_NL_LANGUAGES}\b"
)

# The rules tutor brings into another job's prompt when it is a secondary: its job's essentials, not
# the rules that shape a whole reply (they would contradict the primary job's output).
_TUTOR_ESSENTIAL = (
    rule(
        "Guide the student with one question or hint at a time instead of giving the full solution at once.",
        "Students learn more by working through a step than by reading the answer.",
    ),
    rule(
        "When the student makes a mistake, point to the step where it happened and ask them to retry it.",
        "Locating the error teaches more than correcting it for them.",
    ),
)

# A club where children learn an activity, in the languages briefs come in (the children named in the same stretch).
_LEARNING_CLUB = (
    r"\b(?:(?:chess|coding|code|programming|scratch|robotics|maths?|science|stem|reading)\s+clubs?|"
    r"club(?:es)?\s+(?:de|d['’]|di|du)\s*(?:programaci[óo]n|ajedrez|rob[óo]tica|[ée]checs|programmation|codage|xadrez|"
    r"programa[çc][ãa]o|scacchi|programmazione|lettura|lecture|lectura)|"
    r"(?:schach|programmier|coding|robotik|schaak|programmeer)(?:club|klub|verein|-?ag)\w*)\b"
)
_CHILDREN_WORD = (
    r"\b(?:kids?|children|pupils|juniors?|ni[ñn]os|ni[ñn]as|enfants?|kinder|kindern|bambini|ragazzi|crian[çc]as|"
    r"kinderen|jongeren|sch[üu]ler\w*)\b"
)

# The brief's own step after an answer: "say if it was right and why, then ask the next question", "di si es correcta
# y pasa a la siguiente pregunta", "sag, ob es richtig war, dann die nächste Frage" (a quiz's fixed flow) ...
_OWN_ANSWER_STEP = re.compile(
    r"\b(?:say|tell|state|explain|let\s+them\s+know)s?\s+(?:\w+\s+){0,2}?(?:if|whether)\s+(?:it|the\s+answer|their\s+answer|"
    r"they|he|she|the\s+choice)(?:\s+(?:was|is|were|are|got\s+it)\s+|['’](?:s|re)\s+)(?:right|correct|wrong)\b|"
    r"\b(?:next|following)\s+question\b|\b(?:siguiente|pr[óo]xima)\s+pregunta\b|\bpregunta\s+siguiente\b|"
    r"\bpr[óo]xima\s+pergunta\b|\bpergunta\s+seguinte\b|\bquestion\s+suivante\b|\bprochaine\s+question\b|"
    r"\bn[äa]chste\s+Frage\b|\b(?:prossima|successiva)\s+domanda\b|\bdomanda\s+successiva\b|\bvolgende\s+vraag\b",
    re.IGNORECASE,
)
# ... replaces the tutor's own loop for that step: retry at the faulty step, the worked solution after two attempts,
# one step at a time ending with a question
_TUTOR_ANSWER_STEP = re.compile(
    r"\bask\s+them\s+to\s+retry\b|\bfull\s+worked\s+solution\s+only\s+after\b|"
    r"\bone\s+step\s+at\s+a\s+time\s+and\s+end\s+with\s+a\s+question\b|"
    r"\bone\s+question\s+or\s+hint\s+at\s+a\s+time\s+instead\s+of\b|"
    # the output, reminder and worked example of that loop: turns ending with a question, solving it together
    r"\bending\s+with\s+(?:one|a)\s+question\b|\bone\s+step\s+at\s+a\s+time\b|\blet['’]s\s+solve\s+it\s+together\b",
    re.IGNORECASE,
)

TUTOR = Archetype(
    id="tutor",
    title="Tutor",
    # a brief with tools to call ("book_lesson(…)") and no teaching words is an agent that books lessons
    yields_to_tools_unnamed=True,
    features=(
        # "ask the teacher", "our yoga teachers": a teacher named is no request to teach.
        # "I teach Year 9 physics and need something to mark …": what the requester does is not the assistant's job
        feat("tutor", r"\btutor\w*\b|(?<!\bi )(?<!\bwe )(?<!\bi also )\bteach(?!ers?\b)\w*\b|\bsocratic\b", 7),
        # "クイズを出して答え合わせをする先生役", "家庭教师", "辅导": the tutor's role, named in Japanese or Chinese
        # (not 辅导 alone: 心理辅导 is counselling, 职业辅导 career coaching)
        feat(
            "tutor role (CJK)",
            r"先生役|講師役|家庭教師|チューター|答え合わせ|家庭教师|(?:功课|作业|学习|课业)辅导|辅导(?:功课|作业|学习)|老师的角色|批改作业",
            7,
        ),
        feat(
            "learning game",
            r"\b(?:spelling|vocabulary|maths?|times[- ]tables?|reading|phonics)\s+(?:game|quiz|practice|drills?|bee|test)\b|"
            r"\bquiz\s+(?:the\s+)?(?:kids|children|students|learners|pupils)\b",
            10,
        ),
        # "Chat buddy for the library's summer reading challenge", "a homework buddy for kids": a learning companion.
        # Narrower than LEARNING_COMPANION's cue on purpose: this one chooses the job (so no "students" of a
        # university office); the variant only shapes a tutor already chosen (and a maths buddy keeps the tutor).
        feat(
            "learning companion",
            r"\b(?:reading|homework|study|learning|spelling|maths?|book)\s+(?:buddy|companion|pal|partner)\b|"
            r"\bbuddy\s+for\s+(?:\w+\s+){0,6}?(?:summer\s+)?reading\b|"
            r"\b(?:chat\s+)?buddy\s+(?:for|that\s+chats\s+with|who\s+chats\s+with)\s+(?:\w+\s+){0,4}?(?:kids|children|pupils|"
            r"(?:\d(?:st|nd|rd|th)|first|second|third|fourth|fifth)\s+graders|young\s+readers)\b",
            9,
        ),
        feat(
            "study/exam prep",
            r"\bstudy\b|\bstudying\b|\bexams?\b|\btest prep\b|\bflashcards?\b|\bcertification\b|\bcorrect (?:my|their|the student's) mistakes\b",
            5,
        ),
        feat(
            "language practice",
            r"\b(?:practi[cs]e|learn\w*|speak\w*) (?:my )?(?:arabic|chinese|czech|danish|dutch|english|finnish|french|german|greek|hebrew|hindi|hungarian|indonesian|italian|japanese|korean|norwegian|polish|portuguese|romanian|russian|spanish|swedish|thai|turkish|ukrainian|vietnamese)\b|\b(?:arabic|chinese|czech|danish|dutch|english|finnish|french|german|greek|hebrew|hindi|hungarian|indonesian|italian|japanese|korean|norwegian|polish|portuguese|romanian|russian|spanish|swedish|thai|turkish|ukrainian|vietnamese) (?:conversation|practice|lessons?|vocabulary)\b",
            5,
        ),
        # "French vocab buddy", "Vokabeltrainer für Französisch", "vocabulaire anglais": a language taught names the job
        feat("taught language (any language)", TAUGHT_LANGUAGE.pattern, 8),
        feat("students", r"\bstudents?\b|\blearners?\b|\bpupils?\b", 3),
        # "les ayuda con los deberes … NO les hace los deberes, les da una pista", "Hausaufgabenhilfe", "aide aux
        # devoirs": homework help, which gives hints rather than answers, in the languages briefs come in
        feat(
            "homework help (any language)",
            r"\b(?:hacen|hacer|haciendo|machen|macht|font|faire|fazem|fazer|fanno|fare|maken|doen|do|does|doing)\s+"
            r"(?:(?:los|las|sus|les|leurs|die|ihre|seine|os|as|seus|i|loro|hun|de|their|his|her|the)\s+)?"
            r"(?:deberes|tareas|hausaufgaben|devoirs|deveres|li[çc][õo]es\s+de\s+casa|compiti|huiswerk|homework)\b|"
            r"(?:做|写)(?:作业|功课)|宿題を(?:する|やる|して)",
            8,
        ),
        # "ne donne jamais directement le meilleur coup", "never give them the answer", "nunca le des la respuesta": a
        # tutor's rule, in the languages briefs come in
        # "let them guess", "after 3 wrong guesses", "laisse-les deviner": a game that leads a learner to the answer
        feat("lets them work it out (any language)", GUESSING_GAME, 6),
        feat(
            "no answer given (any language)",
            r"\b(?:ne\s+(?:leur\s+|lui\s+)?donne\s+jamais|never\s+(?:just\s+)?give|don'?t\s+(?:just\s+)?give|"
            r"nunca\s+(?:les?\s+)?d[eê]s|gib\s+(?:ihnen\s+|ihm\s+|ihr\s+)?nie|non\s+dare\s+mai|geef\s+nooit)\b[^.\n]{0,40}?"
            r"\b(?:r[ée]ponse|answers?|respuesta|resposta|l[öo]sung|risposta|antwoord|solution|soluci[óo]n|"
            r"meilleur\s+coup|best\s+move)\b|"
            # "non dare mai la traduzione completa", "never give them the whole translation": the learner's exercise
            # is to translate it (a translator's "never give a literal translation" withholds nothing)
            r"\b(?:ne\s+(?:leur\s+|lui\s+)?donne\s+jamais|never\s+(?:just\s+)?give|don'?t\s+(?:just\s+)?give|"
            r"nunca\s+(?:les?\s+)?d[eê]s|gib\s+(?:ihnen\s+|ihm\s+|ihr\s+)?nie|non\s+dare\s+mai|geef\s+nooit)\s+"
            r"(?:(?:them|him|her|the\s+students?|les|leur|lui|ihnen|ihm|ihr|gli|loro|hun)\s+)?"
            r"(?:(?:the|la|el|le|die|a|o|de|het|l['’])\s*)?(?:(?:full|whole|complete|entire|finished|completa|intera|"
            r"entera|complète|entière|vollständige|komplette|ganze|fertige|inteira|volledige|hele)\s+)?"
            r"(?:translations?|traduzion[ei]|traducci[oó]n|traduction|[üu]bersetzung|tradu[çc][ãa]o|vertaling)\b",
            7,
        ),
        # "help them translate it themselves", "che la traducano da soli", "qu'ils traduisent eux-mêmes": the learner
        # does the translating, the assistant guides
        feat(
            "learner translates (any language)",
            r"\btranslat\w*\s+(?:(?:it|them|this|the\s+\w+)\s+)?(?:them|your|him|her)sel(?:f|ves)\b|"
            r"\btradu\w*\s+(?:\w+\s+){0,2}?da\s+sol[eiao]\b|\btraduz\w*\s+(?:\w+\s+){0,2}?sozinh[oa]s?\b|"
            r"\btraduz\w*\s+(?:\w+\s+){0,2}?por\s+(?:si|sí)\s+(?:mesm|mism)[oa]s?\b|"
            r"\btraduzcan?\s+(?:\w+\s+){0,2}?(?:por\s+s[ií]\s+)?(?:mism[oa]s|sol[oa]s)\b|"
            r"\btradui\w*\s+(?:\w+\s+){0,2}?(?:eux|elles|lui|elle)-m[êe]mes?\b|"
            r"\bselbst\s+(?:zu\s+)?[üu]bersetz\w*|\bzelf\s+(?:te\s+)?vertal\w*",
            7,
        ),
        # "les da una pista o un ejemplo parecido", "gib einen Tipp", "donne un indice": a hint instead of the answer
        feat(
            "hint, not the answer (any language)",
            r"\b(?:da(?:r|le|les)?|give|gives|giving|gib|gibt|donne|donner|d[áa]|dar|dà|dai|geef|geeft)\s+"
            # ("give hints and ask guiding questions": hints in the plural too)
            # ("give one hint first, only show the exact blocks after they've tried twice": one hint, then more)
            r"(?:(?:una?|a|an|einen|un|une|uma|een|one|1|a\s+single|a\s+small|small|one\s+small|uno|eine|ein|é[ée]n)\s+)?"
            r"(?:pistas?|hints?|tipps?|hinweise?|indices?|dicas?|suggerimenti|"
            r"suggerimento|aanwijzing(?:en)?)\b|"
            r"\bguiding\s+questions?\b|\bpreguntas?\s+gu[íi]a\b|\bperguntas?\s+orientadoras?\b|\bdomande\s+guida\b",
            5,
        ),
        # "give one hint first, only show the exact blocks after they've tried twice", "a hint first, the answer only
        # once they've had a go", "primero una pista", "erst einen Tipp", "d'abord un indice": the learner tries before
        # the answer is shown, which is how a tutor works (a helper that answers at once would fight it)
        feat(
            "hint first, answer after tries (any language)",
            r"\bhints?\s+first\b|\bfirst\s+(?:give\s+)?(?:a|one|an?\s+small)\s+hint\b|"
            r"\b(?:show|give|reveal|tell)\s+(?:them\s+|him\s+|her\s+)?(?:the\s+)?(?:\w+\s+)?"
            r"(?:answers?|solutions?|blocks|code|steps|results?)\s+(?:only\s+)?(?:after|once|when)\s+"
            r"(?:they|he|she|the\s+\w+)\s*(?:'?ve|have|has|'s)?\s+(?:tried|attempted|had\s+a\s+go|had\s+a\s+try)\b|"
            r"\b(?:primero|antes)\s+(?:una\s+|un\s+)?(?:pista|indicio)\b|\bpista\s+primero\b|"
            r"\b(?:erst|zuerst|zunächst)\s+(?:einen?\s+)?(?:tipp|hinweis)\b|"
            r"\bd['’]abord\s+(?:un\s+)?indice\b|\bun\s+indice\s+d['’]abord\b|"
            r"\bprimeiro\s+(?:uma\s+)?dica\b|\bprima\s+(?:un\s+)?(?:suggerimento|indizio)\b|"
            r"\beerst\s+(?:een\s+)?(?:hint|tip|aanwijzing)\b",
            7,
        ),
        # "after-school Scratch coding club", "junior chess club", "club de programación … los niños", "club d'échecs …
        # aide les enfants": a helper for children learning an activity at a club teaches them
        feat(
            "children's learning club",
            rf"{_LEARNING_CLUB}[\s\S]{{0,300}}?{_CHILDREN_WORD}|{_CHILDREN_WORD}[\s\S]{{0,300}}?{_LEARNING_CLUB}|"
            r"\b(?:junior|after-?school|kids'?|children'?s|youth)\s+(?:[\w-]+\s+){0,2}(?:club|clubs)\b",
            7,
        ),
        # "Chispa les ayuda cuando se atascan", "helps them when they get stuck": help with the learner's own step
        feat(
            "helps when stuck",
            r"\b(?:when|whenever|if)\s+(?:they|you|he|she|kids|children|students)\s+(?:get\s+|are\s+|'re\s+)?stuck\b|"
            r"\bse\s+atasca\w*|\b(?:sont|est)\s+bloqu[ée]s?\b|\bnicht\s+weiterkomm\w*|\bficam?\s+empacad\w*|"
            r"\bsi\s+bloccan\w*|\bvastloop\w*|\bvast\s+(?:lopen|zitten|zit)\b",
            4,
        ),
        # "help my students prepare their essays", "aider mes élèves à préparer la dissertation", "ayudar a mis alumnos
        # a repasar": the assistant helps learners learn, in any language (not "help students find a book")
        feat(
            "helps learners learn",
            r"\b(?:help|helps|helping|aider|aide|ayudar|ayuda|helfen|hilft|aiutare|aiuta|ajudar|ajuda|helpen|helpt)\s+"
            r"(?:a\s+)?(?:(?:my|our|the|mes|nos|les|mis|nuestros|los|las|meinen|unseren|den|i\s+miei|i|os|meus|as|mijn|"
            r"onze|de)\s+)?(?:students?|pupils?|learners?|élèves|étudiants|alumn[oa]s|estudiantes|schüler\w*|"
            r"studierende\w*|studenti|alunos|estudantes|leerlingen)\s+(?:to\s+|à\s+|a\s+|bei\s+der\s+|ad\s+|om\s+)?"
            # (not "understand": "ayudar a los estudiantes a entender los plazos de matrícula" is a registry office)
            r"(?:prepare|study|learn|revise|practi[cs]e|write|improve|préparer|réviser|apprendre|rédiger|progresser|"
            r"preparar|estudiar|aprender|repasar|redactar|vorbereiten|lernen|üben|preparare|studiare|imparare|ripassare|"
            r"estudar|revisar|voorbereiden|leren|oefenen|"
            # "help my pupils translate Caesar", "ayudar a mis alumnos a traducir": translating is their exercise
            r"translate|tradu(?:ire|cir|rre|zir)|[üu]bersetzen|vertalen)\w*",
            7,
        ),
        # the same learning job in the other languages users write it in
        feat(
            "times tables (any language)",
            r"\btablas?\s+de\s+multiplicar\b|\beinmaleins\b|\btables?\s+de\s+multiplication\b|\btabuadas?\b|"
            r"\btabelline\b|\btafels?\s+van\b|九九|乘法表",
            10,
        ),
        feat(
            "practice (any language)",
            r"\b(?:practiquen|practicar|practique|repasar|repasen|üben|übt|pratiquer|pratiquent|réviser|praticar|pratiquem|"
            r"pratique|esercitar\w*|ripassare|oefenen)\b",
            4,
        ),
        # "2 things they did well and 2 things to work on": formative feedback on a learner's work
        feat("formative feedback", r"\bthings?\s+(?:they|you|he|she)\s+did\s+well\b|\bthings?\s+to\s+work\s+on\b", 5),
        feat(
            "learning",
            # A pub quiz or a quiz night is a game, not a lesson ("game for fun" below).
            r"\bhomework\b|\blessons?\b|\blearn\w*\b|\bexplain\w* (?:concepts?|topics?)\b|"
            r"(?<!\bpub )(?<!\bbar )(?<!\bparty )\bquiz(?!\s*(?:night|master|host|show)|master)\w*\b|\bexercises?\b",
            3,
        ),
        feat(
            "subjects",
            r"\bmath\w*\b|\balgebra\b|\bcalculus\b|\bphysics\b|\bchemistry\b|\bbiology\b|\bhistory\b|\bgrammar\b",
            2,
        ),
    ),
    role="You are a patient tutor{for_product}.",
    noun="patient tutor",
    success="Success means the student can solve similar problems on their own.",
    objective="Help the student understand the material well enough to solve similar problems on their own.",
    rules=(
        *_TUTOR_ESSENTIAL,
        rule(
            "Check the student's current understanding before explaining, and build on what they already know.",
            "Explanations pitched at the wrong level are either boring or confusing.",
        ),
        rule(
            "Give the full worked solution only after the student has made two real attempts and is still stuck.",
            "Endless hints frustrate a student who is stuck.",
        ),
    ),
    blend_rules=_TUTOR_ESSENTIAL,
    tone=("Encouraging and patient; praise effort and specific progress.",),
    output=OutputFormat(
        kind="prose",
        description="Short conversational turns of at most {max_words} words, ending with one question for the student.",
    ),
    examples=(
        Example(
            input="What's the answer to 3x + 5 = 20?",
            output="Let's solve it together. Which operation on both sides leaves 3x on its own?",
        ),
    ),
    out_of_scope="Say that you help with learning this subject and steer back to it.",
    when_unsure="Say you are not certain, explain how the student could check the fact, and continue with what you know.",
    drop_variables=("question", "text"),
    user_term="student",
    final_reminder="Guide the student one step at a time and end with a question.",
    gives_way_to=((_OWN_ANSWER_STEP, _TUTOR_ANSWER_STEP),),
    conversational=True,
    example_kind="tutor",
    variants=(QUIZ, LEARNING_COMPANION),
)

# The rules writing_editor brings into another job's prompt when it is a secondary: its job's essentials, not
# the rules that shape a whole reply (they would contradict the primary job's output).
_WRITING_EDITOR_ESSENTIAL = (
    rule(
        "Keep the author's meaning, facts and voice; change wording only where it improves clarity or correctness.",
        "Writers reject edits that make the text sound like someone else.",
    ),
)

_PASTED_AND_BACK = (
    r"(?:\bpast(?:e|es|ed|ing)\s+(?:in\s+)?[^.\n]{3,140}?\band\s+(?:then\s+)?(?:get|gets|receive|receives)\s+"
    r"(?:(?:it|them|this)\s+)?back\b|"
    r"\bcoll(?:e|es|ons|ez)\s+[^.\n]{3,140}?\bet\s+(?:tu\s+(?:me\s+)?(?:sors|rends|renvoies|redonnes)|"
    r"vous\s+(?:me\s+)?(?:sortez|rendez|renvoyez)|je\s+(?:récupère|reçois))\b|"
    r"\bpeg(?:o|as|a|amos)\s+[^.\n]{3,140}?\by\s+(?:me\s+|nos\s+)?(?:devuelve|devuelves|devuelvas|devuelva)\b|"
    r"\b(?:füge|fügen|kopiere|kopieren)\s+[^.\n]{3,140}?\bein\s+und\s+(?:bekomme|bekommen|erhalte|erhalten)\b[^.\n]{0,60}?"
    r"\bzurück\b|"
    r"\bincoll(?:o|i|a|iamo)\s+[^.\n]{3,140}?\be\s+(?:mi\s+|ci\s+)?(?:restituisc\w*|ridà|ridai|rimand\w*)|"
    r"\bcol(?:o|as|a|amos)\s+[^.\n]{3,140}?\be\s+(?:me\s+|nos\s+)?(?:devolve|devolves|devolva)\b|"
    r"\bplak(?:t|ken)?\s+[^.\n]{3,140}?\ben\s+(?:krijg|krijgen|ontvang|ontvangen)\b[^.\n]{0,60}?\bterug\b)"
    # (what comes back names another job: "and get back a summary / the JSON / the Spanish version / a score")
    r"(?![^.\n]{0,60}?\b(?:summar\w*|r[ée]sum\w*|resum\w*|zusammenfass\w*|riassun\w*|samenvat\w*|tl;?dr|"
    r"translat\w*|tradu\w*|übersetz\w*|vertaal\w*|vertaling|json|csv|fields?|labels?|categor\w*|scores?|grades?|"
    r"marks?|answers?|feedback|review|english|spanish|french|german|italian|dutch|portuguese)\b)"
)

WRITING_EDITOR = Archetype(
    id="writing_editor",
    title="Writing and editing assistant",
    features=(
        feat(
            "edit",
            r"\bedit(?:s|ing|or)?\b|\bproofread\w*\b|\bcopy-?edit\w*\b|\bfix(?:es|ing)? (?:the )?(?:grammar|typos|spelling|punctuation|wording)\b",
            6,
        ),
        feat(
            "adjust tone",
            r"\bmake (?:\w+\s+){0,3}sound\b|\bsound (?:less|more)\b|\btone (?:it )?down\b|\bsoften\w*\b|\bless (?:passive[- ]aggressive|rude|harsh|formal|stiff)\b",
            6,
        ),
        feat(
            "rewrite",
            # (not the first person: "poi io riscrivo tutto" is what the requester does)
            r"\brewrit\w*\b|\brephras\w*\b|\breescrib(?!o\b)\w*|\breescrev(?!o\b)\w*|\bumschreib(?!e\b|ung)\w*|"
            r"\bumformulier(?!e\b)\w*|\bréécri(?!s\b)\w*|\breformul(?!o\b)\w*|\briscriv(?!o\b)\w*|\bherschrij[fv]\w*|"
            # the text handed back rewritten: "devolves o CV reescrito em inglês", "devuelve el correo reescrito",
            # "gib den umgeschriebenen Text zurück", "restituisci il testo riscritto", "geef de herschreven tekst"
            # (not "no máximo uma frase reescrita como exemplo" in a grader's rules)
            r"\b(?:devolv|devuelv|entreg|return|give|send|gib|gebe|renv[oe]|rend|restitu|geef|geeft|lever)\w*\s+"
            r"(?:[\w-]+\s+){0,4}?(?:reescrit[oa]s?|umgeschrieben\w*|riscritt[oaie]|herschreven|réécrit\w*)\b|"
            r"改写|改寫|重写|書き直|リライト|"
            r"(?<!\bin\s)(?<!\bor\s)(?<!\band\s)(?<!\bto\s)(?<!\binto\s)(?<!\bfrom\s)"
            r"\bpolish\w*\b(?!\s+(?:speakers?|language|version|translation|customers?|parents?|users?|people|community|clients?)\b)|\bimprove (?:the |my |their )?(?:writing|text|prose|drafts?)\b|"
            # "help us tighten grant narrative sections", "return the revised section"
            r"\btighten\w*\s+(?:up\s+)?(?:the\s+|my\s+|our\s+|their\s+|this\s+)?(?:[\w-]+\s+){0,2}?(?:text|prose|drafts?|"
            r"copy|sections?|paragraphs?|narratives?|writing|wording|sentences?|essays?|posts?|letters?|bios?)\b|"
            r"\brevised\s+(?:section|text|version|draft|paragraph|copy|letter|essay)\b",
            5,
        ),
        feat("plain-language rewrite", PLAIN_LANGUAGE_REWRITE.pattern, 8),
        # "I paste in a section of a data sheet and get back the card he reads out", "pego el acta y me devuelves el
        # aviso": a pasted text handed back reworked is a rewrite (not when what comes back is another job's: a
        # summary, a translation, a record, a label, a grade)
        feat("pasted text handed back", _PASTED_AND_BACK, 8),
        feat("grammar/style", r"\bgrammar\b|\bspelling\b|\btypos?\b|\bstyle guides?\b|\bclarity\b|\breadability\b", 3),
        feat("writing", r"\bwrit(?:e|ing) (?:blog posts?|articles?|essays?|stories|content)\b|\bdrafts?\b", 2),
        feat(
            "stories",
            r"\b(?:bedtime|short|children'?s|kids'?)\s+stor(?:y|ies)\b|\bstory\s*(?:teller|telling|generator|writer)\b|"
            r"\bpoems?\b|\bhistoires?\s+(?:du\s+soir|pour)\b|\bcontes?\b|\bcuentos?\b|\bgeschichten?\b|\bhistórias?\b|"
            r"睡前故事|故事|物語|お話",
            7,
        ),
    ),
    role="You are an editor{for_product}.",
    noun="editor",
    success="Success means clearer, correct text that still sounds like its author.",
    objective="Improve the user's text for clarity, correctness and flow while keeping their meaning and voice.",
    rules=(
        *_WRITING_EDITOR_ESSENTIAL,
        rule(
            "Fix grammar, spelling and punctuation errors.",
            "Errors distract readers and undermine the author's credibility.",
        ),
        rule(
            "Cut redundant words and split sentences longer than 30 words.",
            "Shorter sentences are easier to read.",
        ),
        rule(
            "List the three most important changes after the edited text.",
            "Explaining the edits helps the writer improve.",
        ),
    ),
    blend_rules=_WRITING_EDITOR_ESSENTIAL,
    output=OutputFormat(
        kind="markdown",
        description='The edited text first, then a "Changes" list of at most three bullets, each under 20 words.',
    ),
    examples=(
        Example(
            input="Their going to announce the results, which was delayed, on monday.",
            output=(
                "They are going to announce the delayed results on Monday.\n\n"
                'Changes:\n- Fixed "Their" to "They are".\n- Merged the clause about the delay.\n'
                '- Capitalised "Monday".'
            ),
        ),
    ),
    out_of_scope="Say that you edit and improve text, and ask for the text to work on.",
    when_unsure="Keep the original wording for that passage and add a note asking the author what they meant.",
    variables=(var("text", "The text to edit."),),
    drop_variables=("document", "review", "content"),
    final_reminder="Return the edited text, then the key changes.",
    variants=(PLAIN_LANGUAGE, CREATIVE_WRITING, NOTES_TO_TEXT, TIGHTENING),
    writes_from_notes=True,
)

# The brief rules out anything beside the translation ("no explanations", "只输出译文，不要解释", "sin notas") ...
_NOTHING_BESIDE = re.compile(
    r"\bno\s+(?:explanations?|notes|comments|commentary)\b|\bwithout\s+(?:any\s+)?(?:explanations?|notes|comments)\b|"
    r"\b(?:don['’]?t|do\s+not|never)\s+(?:explain|add\s+(?:any\s+)?(?:notes|explanations?|comments))\b|"
    r"\bsin\s+(?:notas|explicaci\w+|comentarios)\b|\bno\s+expliques\b|\bsans\s+(?:notes?|explications?|commentaires?)\b|"
    r"\bpas\s+d['’](?:explications?|notes?)\b|\b(?:keine|ohne)\s+(?:Erklärung\w*|Anmerkung\w*|Kommentar\w*)|"
    r"\b(?:senza|niente|nessuna)\s+(?:spiegazion\w+|note|commenti)\b|\bsem\s+(?:explica\w+|notas|coment\w+)\b|"
    r"\b(?:geen|zonder)\s+(?:uitleg|toelichting|notities|opmerkingen)\b|"
    r"(?:不要|不用|无需|無需|不必|不加|别)(?:任何)?(?:解释|解釋|说明|說明|注释|註釋|备注)|説明(?:は)?(?:不要|なし|無し)|注釈(?:は)?(?:不要|なし)",
    re.IGNORECASE,
)
# ... so the translator's own note for an unclear passage has no place in the reply.
_TRANSLATOR_NOTE = re.compile(r"\btranslator['’]?s\s+notes?\b", re.IGNORECASE)
_SOURCE_REGISTER = re.compile(r"\bMatch the register of the source\b")

TRANSLATION = Archetype(
    id="translation",
    title="Translator",
    # (a booking chat with tools that the model alone read as translation, for the languages its guests write in, is
    # an agent's: a translation job names itself, "translate", "into English")
    yields_to_tools_guessed=True,
    features=(
        feat(
            "translate",
            # (not the Spanish "localizador" of a booking, nor "localizar", to find)
            r"\btranslat\w*\b|\blocali[sz](?:e|es|ed|ing|ation|ations|er|ers)\b|\blocalizzazion[ei]\b|\bübersetz\w*|\btradu[cz]\w*|\btraduis\w*|\bvertaal\w*|\bvertal(?:en|ing|ingen|ers?)\b|\btradurr?\w*|"
            r"翻译|翻譯|翻訳|译成|訳して",
            8,
        ),
        feat("language pair", r"\bfrom [A-Z][a-z]+ (?:in)?to [A-Z][a-z]+\b", 3),
        feat(
            "convert into a language",
            r"\b(?:convert|turn|rewrite|put|render|adapt)\w*\b[^.]{0,60}?\b(?:to|into|in)\s+(?:arabic|chinese|czech|danish|dutch|english|finnish|french|german|greek|hebrew|hindi|hungarian|indonesian|italian|japanese|korean|norwegian|polish|portuguese|romanian|russian|spanish|swedish|thai|turkish|ukrainian|vietnamese)\b|\b(?:arabic|chinese|czech|danish|dutch|english|finnish|french|german|greek|hebrew|hindi|hungarian|indonesian|italian|japanese|korean|norwegian|polish|portuguese|romanian|russian|spanish|swedish|thai|turkish|ukrainian|vietnamese)\b[^.]{0,60}?\b(?:to|into)\s+(?:arabic|chinese|czech|danish|dutch|english|finnish|french|german|greek|hebrew|hindi|hungarian|indonesian|italian|japanese|korean|norwegian|polish|portuguese|romanian|russian|spanish|swedish|thai|turkish|ukrainian|vietnamese)\b",
            8,
        ),
        feat("language pair in another language", _FOREIGN_LANGUAGE_PAIR, 8),
        feat("multilingual", r"\bmultilingual\b|\bbilingual\b|\bnative speakers?\b", 2),
    ),
    role="You are a professional translator{for_product}.",
    noun="professional translator",
    success="Success means {language} text that reads as if it were written natively, with the meaning, tone and formatting of the source.",
    objective="Translate the input text{source_phrase} into {language}, preserving meaning, tone and formatting.",
    rules=(
        rule(
            "Translate the meaning, not word for word; use idioms a native {language} speaker would use.",
            "Literal translation reads as machine output and can change the meaning.",
        ),
        rule(
            "Keep names, product names, code, URLs and placeholders such as `{name}` or `%s` unchanged.",
            "These strings are identifiers that break when translated.",
        ),
        rule(
            "Preserve the source formatting: line breaks, lists, Markdown and punctuation style.",
            "The translation replaces the source in the same layout.",
        ),
        rule(
            "Match the register of the source (formal or informal address).",
            "A shift in formality changes how the reader perceives the sender.",
        ),
    ),
    output=OutputFormat(
        kind="prose",
        description="Only the translated text, with no notes, quotes or explanations around it.",
    ),
    examples=(
        Example(
            input="Welcome back, {name}! Your order has shipped.",
            output="[The same sentence in {language}, with the placeholder kept as is.]",
        ),
    ),
    out_of_scope="Translate the text as given; for requests other than translation, say that you only translate text.",
    when_unsure="Choose the most likely meaning and add a translator's note in square brackets after the sentence.",
    variables=(var("text", "The text to translate."),),
    drop_variables=("document", "email", "review", "content", "product_details"),
    blendable=False,
    final_reminder="Return only the {language} translation.",
    reply_language_rule=False,
    safety_packs=False,
    example_kind="translation",
    # ("Sie, ook als de bron 'je' gebruikt": the brief's register, not the source's)
    gives_way_to=((_NOTHING_BESIDE, _TRANSLATOR_NOTE), (REGISTER_CUE, _SOURCE_REGISTER)),
    variants=(TRANSLATION_REVIEW, GLOSSARY),
)


# What follows "marketing" when it names money or data a business tracks, not a text to write.
_NOT_MARKETING_FIGURES = (
    r"(?!\s+(?:spend|spending|budgets?|costs?|expenses?|expenditure|outlay|data|analytics|metrics|attribution|roi|kpis?|"
    r"figures|numbers|stats|statistics|performance|dashboards?|tables?|database|events?|channels?\s+(?:data|mix|costs?)|"
    r"consent|opt[- ]?(?:ins?|outs?)|preferences)\b)"
)


MARKETING_COPY = Archetype(
    id="marketing_copy",
    # "UK spelling", "no typos": a copywriter keeps to the house spelling itself; that alone is no editing job
    covers_cues=("grammar/style",),
    title="Marketing copywriter",
    features=(
        feat(
            "marketing",
            # ("marketing spend", "the marketing budget", "marketing attribution data": figures an analyst queries, no
            # copy to write)
            r"\bmarketing\b"
            + _NOT_MARKETING_FIGURES
            + r"|\bcopywrit\w*\b|\bad copy\b|\badvert\w*\b|\bcold (?:outreach|emails?)\b|\boutreach\b|\bprospecting\b|\bsales emails?\b",
            6,
        ),
        feat(
            "copy formats",
            # not "newsletter": a parish or school newsletter is a channel for summaries and notices, not sales copy
            r"\bslogans?\b|\btaglines?\b|\bheadlines?\b|\blanding pages?\b|\bproduct descriptions?\b|\bcaptions?\b|"
            # "write product copy for the online shop", "shop copy", "website copy": copy is what marketing writes
            r"\b(?:product|shop|store|web|website|listing|catalog(?:ue)?|packaging|sales|launch)\s+copy\b|"
            # "Write tap-list descriptions for the menu board", "write room descriptions for our website" (not the
            # descriptions to proofread, check or summarise)
            r"(?:^\W*|\b(?:write|writes|writing|draft|drafts|drafting|create|creates|generate|generates|compose|composes|"
            r"need|want)\s+(?:[\w'’-]+\s+){0,3}?)(?:menu|tap-?list|wine-?list|catalog(?:ue)?|dish|room|tour|class|course|"
            # ("Write class descriptions for the booking page": what readers see before they book)
            r"workshop|event|session|experience|activity|retreat|excursion|trip)\s+"
            r"descriptions?\b|"
            r"\b(?:write|writes|writing|draft|drafts|drafting|create|creates|generate|generates)\s+(?:[\w'’-]+\s+){0,3}?"
            r"descriptions?\s+for\s+(?:the\s+|our\s+|my\s+)?(?:[\w'’-]+\s+){0,2}?(?:booking|landing|sales|product|shop)\s+"
            r"pages?\b",
            4,
        ),
        # "productteksten voor onze webshop laten schrijven", "Produkttexte für unseren Onlineshop", "fiches produits
        # pour notre boutique en ligne", "write product descriptions for our web shop": a shop's product copy to write
        # (not product descriptions to translate, check or extract from)
        feat(
            "product texts for a shop (any language)",
            r"\b(?:product\s+(?:descriptions?|texts?|copy|listings?)|product(?:teksten|tekst|beschrijvingen|omschrijvingen)|"
            r"produkt(?:texte?|beschreibungen?)|(?:fiches?|descriptions?|textes?)\s+(?:de\s+|des\s+)?produits?|"
            r"(?:descripciones|textos|fichas)\s+de\s+(?:los\s+)?productos?|(?:descrizioni|testi|schede)\s+(?:dei\s+|di\s+)?prodott[oi]|"
            r"(?:descri[çc][õo]es|textos)\s+d[eo]s?\s+produtos?)\s+(?:voor|f[üu]r|pour|para|per|for)\s+(?:\w+\s+){0,2}?"
            r"(?:webshop|web\s+shop|online-?shop|onlineshop|e-?shop|boutique|tienda|negozio|loja|shop|store|site|website|"
            r"webwinkel|sitio|sito)\b",
            8,
        ),
        feat(
            "writes a newsletter",
            r"\b(?:writ\w*|draft\w*|compos\w*|into)\s+(?:(?:a|an|the|our|my|this|each|monthly|weekly|warm|short|new)\s+){0,3}newsletters?\b",
            4,
        ),
        feat(
            "social posts",
            # "scrivere i post Instagram", "LinkedIn posts for our launches", "インスタの投稿文": posts to publish
            r"\b(?:instagram|linkedin|facebook|tiktok|insta)[- ]?(?:posts?|captions?|beiträge|publicaciones|publications)\b|"
            # ("we post on Facebook by 8am": a verb after its subject says where news goes, no post to write; not "I", which
            # is the Italian article of "i post Instagram")
            r"(?<!\bwe\s)(?<!\bthey\s)(?<!\balso\s)(?<!\busually\s)(?<!\balways\s)(?<!\bwill\s)"
            r"\bposts?\s+(?:(?:per|su|di|on|for|para|pro|no|na|do|da|de|del|van|auf|sur|pour|voor)\s+)?(?:o\s+|a\s+)?"
            r"(?:instagram|insta|ig|linkedin|facebook|face|fb|"
            r"tiktok)\b|\blegendas?\s+(?:pro|para|do|no)\s+(?:o\s+)?(?:insta|instagram|face|facebook|tiktok)\b|"
            r"\bpublicaci[oó]n(?:es)?\s+(?:de|en|para)\s+(?:instagram|facebook|linkedin)\b|"
            r"\bbeiträge\s+für\s+(?:instagram|linkedin|facebook)\b|インスタ(?:グラム)?の?投稿|小红书(?:文案|笔记)|朋友圈文案",
            5,
        ),
        feat(
            "campaign/social",
            # "Instagram DMs", "social media messages": a channel people write in, not copy to publish
            r"\bcampaigns?\b|\bsocial media\b(?!\s+(?:dms?|messages?|inbox|chats?|comments?|enquiries|questions))|"
            r"\binstagram\b(?!\s+(?:dms?|messages?|inbox|chats?|comments?|direct))"
            # ("we get the same questions via Instagram", "via Instagram krijgen we vragen": where questions arrive)
            r"(?![^.\n]{0,60}?\b(?:questions|vragen|preguntas|perguntas|fragen|domande|berichten|mensajes|mensagens|"
            r"nachrichten|messaggi)\b)|\blinkedin posts?\b|\btweets?\b|\bseo\b",
            3,
        ),
        feat("conversion", r"\bconversions?\b|\bcall to action\b|\bcta\b|\bbrand voice\b", 2),
        # "请根据我给的参数写商品描述", "Produktbeschreibungen für unseren Shop", "eBay listings": sales copy in any language.
        feat(
            "copy formats (other languages, listings)",
            r"商品描述|产品描述|商品介绍|产品文案|(?<!界面)(?<!UI)(?<!按钮)文案|广告语|宣传语|商品説明|商品紹介|キャッチコピー|広告文|宣伝文|"
            r"\bdescripci[oó]n(?:es)?\s+de\s+(?:productos?|art[ií]culos?)\b|\bdescri[cç](?:ão|ões)\s+de\s+produtos?\b|"
            r"\btextes?\s+publicitaires?\b|\bdescriptions?\s+(?:de|des)\s+produits?\b|\bfiches?\s+produits?\b|"
            r"\bproduktbeschreibung\w*|\bwerbetext\w*|\banzeigentext\w*|\bproductbeschrijving\w*|"
            r"\bdescrizion[ei]\s+(?:del|dei)\s+prodott[oi]\b|"
            # "las fichas de producto para la web", "product sheets for the shop", "schede prodotto": a product's page
            r"\bfichas?\s+(?:de\s+)?(?:productos?|produtos?|art[ií]culos?)\b|\bschede?\s+(?:dei\s+|del\s+)?prodott[oi]\b|"
            r"\bproduct\s+(?:sheets?|cards?|blurbs?)\b(?!\s+(?:data|specs?))|\bproduktbl[äa]tt\w*|"
            # "le descrizioni dei nostri oli per lo shop online", "Beschreibungen für unseren Onlineshop",
            # "descriptions for our web shop": descriptions written for a shop are its product copy
            r"\b(?:descrizion[ei]|descripci[oó]n(?:es)?|descri[cç](?:ão|ões)|descriptions?|beschreibung(?:en)?|"
            r"beschrijvingen|omschrijvingen|textos|testi|texte|textes)\s+[^.\n]{0,50}?\b(?:per|para|pour|für|voor|for)\s+"
            r"(?:(?:il|lo|la|el|la|le|la|den|die|das|unseren|unser|unsere|onze|de|het|our|the|my|notre|nuestra|nostro|"
            r"a|o|nossa)\s+){0,2}(?:shop|e-?shop|web\s*shop|webshop|onlineshop|online-?shop|shop\s+online|tienda|negozio|"
            r"boutique|loja|webwinkel|e-?commerce|online\s+(?:store|shop))\b|"
            r"\b(?:product|property|ebay|etsy|amazon|shop|marketplace|item|vinted|depop|discogs)\s+listings?\b|"
            r"\blisting\s+(?:copy|descriptions?|titles?|text)\b",
            5,
        ),
        # "Write Etsy listings for my handmade stoneware": a verb that writes the listing names the job outright.
        # (a shop's listings: "writes the listing" of a class from notes is a notes writer's)
        feat(
            "writes listings",
            r"\b(?:write|writes|writing|draft|drafts|drafting)\s+(?:(?:my|our|the|new|all)\s+)?"
            r"(?:etsy|ebay|amazon|shop|marketplace|vinted|depop|product|property|real\s+estate|rental|holiday\s+(?:home|let)|"
            r"car|vehicle|airbnb)\s+listings?\b|"
            # "Write listings for my Etsy shop"
            r"\b(?:write|writes|writing|draft|drafts|drafting)\s+listings?\s+for\s+(?:my|our|the)\s+(?:\w+\s+){0,2}"
            r"(?:shop|store|boutique|etsy|ebay|amazon|marketplace|agency|properties|products)\b",
            8,
        ),
        # "Groove Cellar sells second-hand vinyl on our own site and on Discogs … write the listing": goods for sale
        feat(
            "sells online",
            r"\b(?:sell|sells|selling)\s+[^.\n]{0,60}?\b(?:online|on\s+(?:our\s+(?:own\s+)?(?:site|website|shop|store)|"
            r"discogs|ebay|etsy|vinted|depop|amazon))\b"
            # (when the brief then asks for the listing or copy: "sells spare parts online. Help customers find the part
            # number" is support)
            r"(?=[\s\S]{0,600}?\b(?:listings?|product\s+descriptions?|descriptions?\s+for|copy|product\s+pages?)\b)",
            5,
        ),
        # "on les vend sur notre boutique en ligne … tu me sors l'annonce", "los vendemos en Wallapop … el anuncio",
        # "verkaufen wir online … die Anzeige": goods sold online, then their listing, in the other languages
        feat(
            "sells online (other languages)",
            r"\b(?:vend(?:s|ons|ez|ent|re|u|emos|en|e|o|iamo|ono|ere|ido|ida)?|verkauf\w*|verkoop\w*|verkopen)\b[^.\n]{0,60}?"
            r"(?:\b(?:en\s+ligne|online|on-?line|en\s+l[ií]nea|in\s+rete|(?:sur|en|na|no|auf|su|op)\s+(?:(?:notre|nuestra|"
            r"nuestro|nossa|nosso|unserem|unserer|la\s+nostra|il\s+nostro|onze|le|la|el|o|a)\s+)?(?:site|sitio|web|"
            r"boutique|tienda|loja|shop|negozio|webshop|webwinkel)|leboncoin|wallapop|vinted|ebay|etsy|kleinanzeigen|"
            r"marktplaats|subito|olx)\b)"
            r"(?=[\s\S]{0,600}?\b(?:annonces?|anuncios?|an[úu]ncios?|anzeigen?|inserat\w*|annunci[oi]?|advertenties?|"
            r"fiches?\s+produits?|descriptions?|descripci[oó]n(?:es)?|descri[çc](?:ão|ões)|beschreibung\w*|descrizion[ei]|"
            r"beschrijving\w*)\b)",
            5,
        ),
    ),
    role="You are a marketing copywriter{for_product}.",
    noun="marketing copywriter",
    success="Success means copy that makes the target reader want to take the next step, using only claims the product details support.",
    objective="Write copy that makes the target reader want to take the next step.",
    rules=(
        *MARKETING_COPY_ESSENTIAL,
        rule(
            "End with one clear call to action.",
            "Copy without a next step does not convert.",
        ),
        rule(
            "Offer three distinct variants that differ in angle, not just wording.",
            "Distinct angles give the team real options to test.",
        ),
    ),
    blend_rules=MARKETING_COPY_ESSENTIAL,
    tone=("Confident and vivid, matched to the brand voice.",),
    output=OutputFormat(
        kind="markdown",
        description='Three variants under the headings "Variant 1" to "Variant 3", each at most {max_words} words.',
    ),
    examples=(
        Example(
            input="Product: a water bottle that keeps drinks cold for 24 hours.",
            output=(
                "Variant 1\nIce-cold water at hour 24. Order yours today.\n\n"
                "Variant 2\nOne bottle, a full day of cold drinks. Get it now.\n\n"
                "Variant 3\nYour afternoon coffee break deserves cold water too. Shop the bottle."
            ),
        ),
    ),
    out_of_scope="Say that you write marketing copy for this product only.",
    when_unsure="Ask for the missing product fact instead of inventing it.",
    variables=(var("product_details", "Facts about the product: name, features, price.", trusted=True),),
    drop_variables=("document", "content", "review", "text", "email"),
    final_reminder="Write three benefit-led variants, each ending with a call to action.",
    example_kind="marketing",
    contacts_in_text=True,
    # copy speaks to the market, never with a person about their case: the brief's own claim rules govern health copy
    safety_packs=False,
    variants=(STATED_PIECES, SOCIAL_POSTS, PRODUCT_DESCRIPTIONS),
)

ROLEPLAY_INTERVIEWER = Archetype(
    id="roleplay_interviewer",
    title="Interviewer or role-play partner",
    # (a booking chat with a pasted tool table, which the model alone took for a role-play, is an agent's)
    yields_to_tools_guessed=True,
    features=(
        # Running an interview is the job; a brief that only mentions one ("notes about the interview") is not.
        feat(
            "interview",
            r"\b(?:mock|practice|job|conduct\w*|run\w*|simulat\w*|prepar\w*|prep|realistic|behavio\w+|technical)\s+"
            r"(?:\w+\s+)?interviews?\b|\binterview(?:er|ing)\b|\binterviews?\s+(?:practice|prep|questions|simulation|coach\w*)\b|"
            r"\binterview\s+(?:me|the\s+user|them|candidates)\b",
            6,
        ),
        feat("mentions an interview", r"\binterviews?\b", 2),
        feat(
            "role-play",
            # (Italian and Spanish "persona" is a person: "niente giudizi sulla persona", "cada persona")
            r"\brole-?play\w*\b|\bact as\b|\bpretend\b|\bin character\b|\bsimulat\w*\b|"
            r"(?<!\bla\s)(?<!\buna\s)(?<!\bsulla\s)(?<!\bdella\s)(?<!\bnella\s)(?<!\balla\s)(?<!\bcada\s)"
            r"(?<!\bdi\s)(?<!\bde\s)(?<!\bcon\s)(?<!\bogni\s)(?<!\bpor\s)(?<!\bper\s)\bpersona\b(?!\s+(?:che|que|di|de|con|a)\b)",
            5,
        ),
        feat(
            "role-play (other languages)",
            r"\btu\s+joues\b|\bjeu\s+de\s+r[ôo]les?\b|\bdu\s+spielst\b|\brollenspiel\w*|\bjuegas\s+(?:el\s+papel|a\s+ser)\b|"
            r"\binterpretas\s+(?:a|al|el|la)\b|\bjuego\s+de\s+rol\b|\bvocê\s+(?:interpreta|faz\s+o\s+papel)\b|"
            # (a conversation simulated, not a loan's "simulação" of instalments)
            r"\bsimulação\s+de\s+(?:uma\s+)?(?:entrevista|conversa|atendimento)\b|"
            # a sale or a negotiation simulated for practice ("treinar a minha equipa comercial: simulação de
            # negociação"), not a loan's or an instalment plan's
            r"\bsimula(?:ção|cao)\s+de\s+(?:negocia(?:ção|cao)|venda)\b(?=[\s\S]*\b(?:trein|pratic|prátic|o\s+bot\s+é)\w*)|"
            r"\b(?:trein|pratic|prátic)\w*\b[\s\S]*\bsimula(?:ção|cao)\s+de\s+(?:negocia(?:ção|cao)|venda)\b|"
            r"扮演|角色扮演|ロールプレイ|役を演じ|になりきっ|"
            # "Il bot deve interpretare la signora Bortolin … Mai uscire dal personaggio"
            r"\binterpreta(?:re)?\s+(?:il|la|lo|l['’]|un|una|uno)\b|\bfa(?:re)?\s+la\s+parte\b|\bgioco\s+di\s+ruolo\b|"
            r"\bsimulazion[ei]\s+di\s+(?:un\s+|una\s+)?(?:colloquio|conversazione|telefonata)\b|"
            r"\bincarne[rsz]?\b|\brollenspel\b|\bspeelt?\s+de\s+rol\b|"
            r"\bsimulatie\s+van\s+(?:een\s+)?(?:gesprek|sollicitatie\w*|verkoopgesprek|klantgesprek)\b|"
            r"\b(?:uscire|uscirà|esce|sortir|sors|sort|salir|salga|sale|sair|saia|sai)\s+(?:mai\s+)?"
            r"(?:dal|du|del|do)\s+(?:personaggio|personnage|personaje|personagem|papel)\b|"
            r"\b(?:dal|nel|dans\s+le)\s+(?:personaggio|personnage)\b|\buit\s+de\s+rol\b",
            6,
        ),
        # (a theatre's "rehearsal notes", "rehearsal report" or "rehearsal schedule" is no practice session)
        feat(
            "practice",
            r"\bpractice\b|\bmock\b|\brehears\w*\b(?!\s+(?:notes?|reports?|schedules?|rooms?|calls?|halls?|spaces?)\b)|"
            r"\bcandidates?\b",
            3,
        ),
        feat("game master", STORY_GAME_CUE, 9),
    ),
    role="You are an interviewer{for_product} conducting a realistic practice session.",
    noun="interviewer who runs realistic practice sessions",
    success="Success means a realistic practice session followed by feedback the {user} can act on.",
    objective="Run a realistic conversation that helps the {user} practise, then give actionable feedback.",
    rules=(
        rule(
            "Ask one question per turn and wait for the answer.",
            "Several questions at once overwhelm the {user} and break realism.",
        ),
        rule(
            'Stay in role for the whole session until the {user} types "end session".',
            "Breaking character ruins the practice value.",
        ),
        rule(
            "Follow up on vague answers with one probing question.",
            "Real interviewers probe, and practising this is the point.",
        ),
        rule(
            "After the session ends, give feedback: two strengths and two improvements, each with an example from the conversation.",
            "Specific feedback tied to the conversation is what the {user} can act on.",
        ),
    ),
    tone=("Professional and realistic, neither harsh nor flattering.",),
    output=OutputFormat(
        kind="prose",
        description="During the session: one question per turn, at most 60 words. After the session: the feedback as a bulleted list.",
    ),
    examples=(
        Example(
            input="I'm ready to start.",
            output="Great. Tell me about a project where you had to change course half way. What happened?",
        ),
    ),
    out_of_scope="Stay in role and steer back to the session; outside the session, say you run practice interviews only.",
    when_unsure="Ask the {user} to clarify their answer as an interviewer would.",
    drop_variables=("question", "text", "resume", "review"),
    user_term="candidate",
    # A hospital buyer or a patient in the scene calls for no health pack; a pupil or a trainee in crisis still counts.
    plays_a_character=True,
    blendable=False,
    final_reminder="Ask the next interview question, one at a time.",
    conversational=True,
    example_kind="roleplay",
    personas=(
        Persona(
            # (a press or radio interview is practised by a trainee too: no "candidate")
            unless_task=NOT_MEDIA_INTERVIEW,
            user_term="trainee",
            noun="role-play partner who stays in character for realistic practice sessions",
            role="You are a {noun}{for_product}.",
        ),
    ),
    variants=(PLAYED_PART, STORY_GAME, ROLEPLAY_PARTNER),
)

# The rules meeting_email_assistant brings into another job's prompt when it is a secondary: its job's essentials, not
# the rules that shape a whole reply (they would contradict the primary job's output).
_MEETING_EMAIL_ASSISTANT_ESSENTIAL = (
    rule(
        "Capture every decision, owner and due date stated in the input.",
        "Missed action items are the main cost of meetings and email threads.",
    ),
)

# The brief fixes how each draft ends or is laid out ("always sign off \"Dunmore Swarm Team\"", "line 1 = the label,
# line 2 blank, then the draft") ...
_OWN_DRAFT_END = re.compile(
    r"\b(?:always\s+)?sign(?:ed)?[- ]?off\s+(?:as\s+|with\s+)?[\"'“]|\bsigned\s+(?:as\s+)?[\"'“]|"
    r"\bline\s+\d\s*[=:]|\bend\s+(?:each|every|the)\s+(?:reply|draft|e-?mail)\s+with\b",
    re.IGNORECASE,
)
# ... so nothing is listed for the user after it.
_OPEN_POINTS_AFTER = re.compile(
    r"\blist\s+(?:the\s+open\s+point|it)\b[^.]{0,40}?\bafter\s+the\s+draft\b", re.IGNORECASE
)

MEETING_EMAIL_ASSISTANT = Archetype(
    id="meeting_email_assistant",
    title="Meeting and email assistant",
    features=(
        # A bare "inbox" is where the work comes from ("our support inbox is drowning"), not a job of its own.
        feat("inbox", r"\binbox\b", 3),
        # "Necesito que redactes respuestas a los correos …", "Antwortentwürfe auf Kundenanfragen": the same job
        # in the other languages the reply-drafting variant reads.
        # (a reply to a text, a chat message or a review, with no e-mail named, is no e-mail job: "pick a label and
        # draft a reply the coordinator can send" to a student's check-in text)
        feat("drafts replies (any language)", unless_not_an_email(REPLY_DRAFTING.cue.pattern), 5),
        feat(
            "drafts replies",
            unless_not_an_email(
                r"\bdraft(?:s|ing)? (?:a |the |an? \w+ )?repl(?:y|ies)\b|\brepl(?:y|ies) to (?:\w+ )?e-?mails?\b"
            ),
            5,
        ),
        feat("email", r"\be-?mails?\b(?!\s+(?:us|them|zzlink|at)\b)", 3),
        feat(
            "drafts emails",
            r"\b(?:draft|writ|compos)\w*\s+(?:(?:the|a|an|my|our|same|each|every|follow-?up|thank-?you|\w+ing)\s+){0,3}"
            r"e-?mails?\b|"
            # "From each transcript I need: A) a client update email": the email is what the reply is
            r"\b(?:i|we)\s+(?:need|want)\b[^.]{0,12}\b(?:an?|one)\s+(?:[\w-]+\s+){0,2}(?:update|follow-?up|summary|"
            r"recap|reply|thank-?you|status|progress|confirmation)\s+e-?mails?\b",
            6,
        ),
        feat(
            "meeting",
            r"\bmeetings?\b(?!\s+rooms?)|(?<!\d )(?<!\d)(?<!-)\bminutes\b(?!\s+(?:late|early|before|after|ago|later|long|away|each|per|left))|\bstand-?ups?\b|\bagendas?\b",
            5,
        ),
        # "ein Protokoll der Vorstandssitzung", "el acta de la reunión", "le compte rendu de réunion": minutes of a
        # meeting in the other languages briefs come in
        feat(
            "minutes (any language)",
            # (not a tasting "Protokoll", nor 議事録 alone: what is pulled out of minutes is extraction's)
            # (not a physiotherapist's "Sitzungsprotokoll für die Behandlungsdokumentation")
            r"\b(?:(?:vorstands|besprechungs|versammlungs|team|meeting)protokoll\w*|"
            r"protokoll\w*\s+(?:der|von|vom|einer)\s+\w*(?:vorstandssitzung|besprechung|versammlung)\w*|"
            r"actas?\s+de\s+(?:la\s+)?reuni[óo]n|compte[s]?[- ]rendus?\s+de\s+r[ée]union|"
            r"atas?\s+d[ae]\s+reuni[ãa]o|verbal[ei]\s+(?:della\s+)?riunione|notulen)\b",
            5,
        ),
        # "tú me preparas el correo", "rédige le courriel aux adhérents", "scrivi la mail ai soci", "schreib die
        # E-Mail an die Mitglieder": an e-mail to write, in the other languages briefs come in
        feat(
            "drafts emails (any language)",
            r"\b(?:redact|prepar|escrib|mand|envi|r[ée]dig|[ée]cri|escrev|scriv|schreib|verfass|entw[ie]rf|schrijf|"
            r"stel)\w*\s+(?:(?:me|nos|te|mi|ci|uns|mir|moi|nous|ons)\s+)?(?:(?:el|un|una|los|le|la|les|une|o|um|uma|os|"
            r"il|lo|die|eine|den|einen|de|een|het)\s+)?(?:\w+\s+)?(?:correos?|courriels?|e-?mails?|mails?)\b",
            6,
        ),
        # "después de cada junta de gobierno", "dopo ogni assemblea", "après chaque réunion": a meeting
        feat(
            "meeting (any language)",
            r"\b(?:reuni[óo]n|reuniones|junta\s+(?:de\s+gobierno|directiva|general)|asambleas?|r[ée]unions?|"
            r"assembl[ée]es?|riunion[ei]|assemblea|assemblee|reuni[ãa]o|reuni[õo]es|vergadering\w*|ledenvergadering)\b",
            2,
        ),
        feat(
            "action items",
            r"\baction items?\b|\bfollow-?up (?:e-?mails?|messages?|notes|tasks)\b|\bnext steps\b|\bdecisions\b",
            3,
        ),
        feat("calendar", r"\bcalendar\b|\bschedul\w*\b", 2),
    ),
    role="You are an executive assistant{for_product} who handles email and meeting follow-up.",
    noun="executive assistant who handles email and meeting follow-up",
    success="Success means no decision, owner or due date in the input gets lost, and every reply is ready to send.",
    objective="Turn emails and meeting notes into clear replies, summaries and action items.",
    rules=(
        *_MEETING_EMAIL_ASSISTANT_ESSENTIAL,
        rule(
            "Draft replies for the {user} to send; never state that a message was sent.",
            "The {user} stays in control of what leaves their account.",
        ),
        rule(
            "Write replies in the sender's register and at most five sentences long.",
            "Busy readers answer short, well-pitched emails faster.",
        ),
        rule(
            'Mark items with no owner or date as "owner: unassigned" or "due: not set".',
            "Inventing owners or dates creates false commitments.",
        ),
    ),
    blend_rules=_MEETING_EMAIL_ASSISTANT_ESSENTIAL,
    output=OutputFormat(
        kind="markdown",
        description=(
            'Markdown with a "Summary" (at most 3 sentences), "Action items" (a bullet per item: task, owner, due) '
            'and, when a reply is requested, a "Draft reply" section of at most {max_words} words.'
        ),
    ),
    examples=(
        Example(
            input="Notes: Ana will send the budget by Friday. We agreed to move the launch to June. Who updates the website?",
            output=(
                "Summary\nThe launch moves to June.\n\n"
                "Action items\n- Send the budget; owner: Ana; due: Friday\n"
                "- Update the website; owner: unassigned; due: not set"
            ),
        ),
    ),
    out_of_scope="Say that you handle email and meeting follow-up only.",
    when_unsure="Mark the unclear point as a question for the {user} instead of guessing.",
    variables=(var("email", "The email thread or meeting notes to process."),),
    drop_variables=("document", "review", "content", "text"),
    replaceable_inputs=("email",),
    final_reminder="Capture the decisions and action items, then draft the reply.",
    variants=(MESSAGE_REPLY, REPLY_DRAFTING, EMAIL_DRAFTING, MEETING_RECAP),
    yields_to_read_record=True,
    gives_way_to=((_OWN_DRAFT_END, _OPEN_POINTS_AFTER),),
)

GENERAL_ASSISTANT = Archetype(
    yields_to_read_record=True,
    id="general_assistant",
    title="General assistant",
    features=(
        feat("assistant", r"\bassistant\b|\bchat ?bot\b|\bhelper\b", 0),  # reported, worth no points
        # A companion is a conversation partner, not a specialist: the general assistant with the companion variant.
        feat(
            "companion",
            r"^\W*(?:(?:an?|the|my|our)\s+)?(?:[\w'-]+\s+){0,3}companion\b|\bcompanion\s+(?:for|called|named|app|bot|chat|in|on)\b|"
            r"\bchats?\s+(?:with\s+\w+\s+)?about\s+(?:their|your|his|her)\s+day\b|\bkeep\s+\w+\s+company\b|"
            r"\bjournal(?:ing)?\s+(?:app|companion|buddy)\b",
            7,
        ),
        # An intake conversation collects a person's details; its closing record is no summary of a document.
        feat(
            "intake",
            # ("Claims intake at Northmere Mutual": a department's name, not a conversation; "Each input is one completed
            # web intake form": the form arrives filled in, nobody is questioned)
            r"^(?![\s\S]*(?:" + FORM_ARRIVES_FILLED + r"))[\s\S]*?"
            r"\bintake\b(?!\s+(?:at|team|department|desk|queue|inbox|unit)\b)|"
            r"\b(?:collect|gather)(?:s|ing)?\s+(?:the\s+|their\s+|all\s+(?:the\s+)?)?(?:details|information|info|facts)\b|"
            r"\bonboarding\s+(?:chat|conversation|interview)\b",
            10,
        ),
        # A game played for fun is hosted, not graded or tutored: "keep score" in a riddle game is no rubric.
        feat(
            "game for fun",
            r"\b(?:riddle|riddles|trivia|guessing|word|party|board|card|murder[- ]mystery|text[- ]adventure|escape[- ]room|"
            r"bingo|charades|would[- ]you[- ]rather|twenty[- ]questions|20[- ]questions)\s+(?:game|games|night|host)\b|"
            r"\b(?:pub|bar|party)\s+quiz\b|\bquiz\s*(?:night|master|show)\b|\bquizmaster\b",
            7,
        ),
    ),
    role="You are an assistant{for_product}.",
    objective="{task_sentence}",
    success="Success means a direct, accurate answer, or one clarifying question when the request is ambiguous.",
    rules=(
        rule(
            "Answer the question that was asked first, then add context only if it changes what the {user} will do.",
            "Direct answers save the {user} time.",
        ),
    ),
    thin_brief_rules=(
        rule(
            "Say when a fact may be outdated or when you are unsure of it.",
            "Calibrated confidence lets the {user} decide what to verify.",
        ),
        rule(
            "Ask one clarifying question when a request can be read in two or more ways.",
            "Answering the wrong reading wastes a full turn.",
        ),
    ),
    output=OutputFormat(
        kind="prose",
        description="Plain prose of at most {max_words} words; use a numbered list for steps.",
    ),
    out_of_scope="Say that the request is outside what you can help with here, and suggest where to get help.",
    when_unsure="Say that you don't know, or ask one clarifying question.",
    final_reminder="Answer the {user}'s request directly.",
    role_from_task=True,
    conversational=True,
    example_kind="general",
    variants=(CHARACTER, COMPANION, GAME_HOST, INTAKE, JSON_RECORD, WRITING_TASK, DRAFTED_DOCUMENTS),
)

LANGUAGE_ARCHETYPES: tuple[Archetype, ...] = (
    TUTOR,
    WRITING_EDITOR,
    TRANSLATION,
    MARKETING_COPY,
    ROLEPLAY_INTERVIEWER,
    MEETING_EMAIL_ASSISTANT,
    GENERAL_ASSISTANT,
)
