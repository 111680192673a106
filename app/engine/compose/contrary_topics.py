"""Topics where only a brief that decides against the default replaces it: one that agrees ("cite the section like
[§ 4.2]", "use null for missing values") keeps the default, which the brief's words then shape (see `settled`)."""

from __future__ import annotations

from app.engine.compose.settled_topic import Topic
from app.engine.compose.settled_topic import said_pattern as _p
from app.engine.constraints.layout import SUBJECT_LINE_BAN

CONTRARY_TOPICS: tuple[Topic, ...] = (
    Topic(
        "citations",
        _p(
            r"\b(?:no|don'?t|do\s+not|never|without)\s+(?:need\s+(?:to|for)\s+)?(?:\w+\s+){0,2}(?:cit\w+|sources|references|"
            r"footnotes)\b(?![^.;]{0,25}\b(?:that|which)\b)|\bno\s+need\s+to\s+cite\b|\bsin\s+citar\b|\bohne\s+Quellen\w*|\bsans\s+citer\b|\bsem\s+citar\b|"
            # "Every bullet ends with its source URL in parentheses": the brief says how to cite
            r"\bsource\s+(?:url|link)s?\b|\bends?\s+with\s+(?:its|the|a)\s+(?:source|citation|link|url)\b"
        ),
        _p(r"\bcite\b|\bciting\b|\bcitations?\b|\[Doc\s+\d|\bits\s+source\s+\(title\s+and\s+date\)"),
    ),
    Topic(
        "confirmation",
        # "you can cancel without asking for confirmation", "no need to confirm"
        _p(
            r"\bwithout\s+(?:asking|(?:a\s+|any\s+)?confirm\w*)\b|\bno\s+(?:need\s+(?:to|for)\s+)?confirm\w*|"
            r"\b(?:never|don'?t|do\s+not)\s+ask\s+(?:\w+\s+){0,2}(?:for\s+)?confirm\w*|\bsin\s+(?:pedir\s+)?confirmaci[oó]n\b|"
            r"\bohne\s+(?:Rückfrage|Bestätigung)\b|\bsans\s+(?:demander\s+)?confirmation\b|\bsem\s+(?:pedir\s+)?confirma[çc][ãa]o\b"
        ),
        _p(r"\bconfirm\s+before\s+any\s+action\b|\bwithout\s+the\s+user'?s\s+confirmation\b"),
    ),
    Topic(
        "ordered_notice",
        # "call notify_coordinator after cancel_booking", "if a dock stays broken, page_field_tech": a message the
        # brief itself orders is sent when it says, not after asking the person in the chat
        _p(
            r"\b(?:call|use|run|trigger|fire)\s+(?:the\s+)?`?(?:notify|send|alert|page|post|message|email|slack|sms|text)"
            r"\w*`?[^.;\n]{0,60}?\b(?:after|when|whenever|once|if)\b|"
            r"\b(?:after|when|whenever|once|if)\b[^.;\n]{0,100}?\b(?:call|use|run|trigger|fire)\s+(?:the\s+)?`?"
            r"(?:notify|send|alert|page|post|message|email|slack|sms|text)_\w+"
        ),
        _p(r",\s+sends\s+messages(?=\s+or\s+deletes\s+data)"),
        phrase=True,
    ),
    Topic(
        "clarifying",
        # "never ask clarifying questions; make your best guess"
        _p(
            r"\b(?:don'?t|do\s+not|never)\s+ask\s+(?:\w+\s+){0,2}questions\b|\bno\s+(?:clarifying\s+|follow-?\s*up\s+)?questions\s+"
            r"(?:back|to\s+the\s+user)\b|\bno\s+clarifying\b|\bwithout\s+asking\s+(?:questions|back)\b|\bbest\s+guess\b|"
            r"\bkeine\s+R[üu]ckfragen\b|\bsin\s+hacer\s+preguntas\b|\bsans\s+poser\s+de\s+questions\b|"
            r"\b(?:don'?t|do\s+not|never)\s+ask\s+(?:me|us|them|the\s+user)\s+back\b|\bno\s+(?:asking|questions)\s+back\b|"
            # "if the question is vague pick the most likely meaning and say which one you picked"
            r"\b(?:pick|choose|go\s+with|assume|take|use)\s+(?:the\s+)?(?:most\s+likely|likeliest|most\s+probable|most\s+"
            r"sensible|most\s+reasonable)\s+(?:meaning|reading|interpretation|one|option)\b|"
            r"\bmake\s+(?:a\s+)?(?:reasonable|sensible)\s+assumptions?\b|"
            r"\b(?:elige|escoge|toma)\s+la\s+interpretaci[óo]n\s+m[áa]s\s+probable\b|"
            r"\bw[äa]hle?\s+die\s+wahrscheinlichste\b|\bchoisis\s+l['’]interpr[ée]tation\s+la\s+plus\s+probable\b|"
            r"\bescolha\s+a\s+interpreta[çc][ãa]o\s+mais\s+prov[áa]vel\b|\bscegli\s+l['’]interpretazione\s+pi[ùu]\s+probabile\b"
        ),
        _p(r"\bclarifying\s+question\b|\bAsk\s+which\s+\w+(?:\s+or\s+[\w\s]+?)?\s+the\s+user\s+means\b"),
    ),
    Topic(
        "unanswerable_query",
        # "if a table or column doesn't exist, reply only: …", "问题里提到的表或字段不存在时，只回复：…": the brief says
        # what a question the data cannot answer gets, so no "say so" of the default and no question back
        _p(
            # (not "When a column has missing values, output 0": the values are missing, not the column)
            r"\b(?:tables?|columns?|fields?|data)\b[^.;\n]{0,40}\b(?:(?:is|are)\s+missing|"
            r"(?:doesn'?t|does\s+not|don'?t|do\s+not)\s+exist|(?:we|you)\s+(?:don'?t|do\s+not)\s+have|"
            r"isn'?t\s+(?:there|in\s+the\s+schema)|not\s+in\s+the\s+schema)\b[^.;\n]{0,40}"
            r"\b(?:reply|say|answer|respond|output|return|write)\b|"
            r"\b(?:can'?t|cannot|can\s+not)\s+be\s+answered\s+(?:from|with)\s+(?:the|this|our)\s+(?:data|schema|tables)\b|"
            r"(?:表|字段|列)(?:或(?:表|字段|列))?不存在|无法用现有数据|现有表[^。\n]{0,8}(?:没有|查不到)|(?:テーブル|カラム|列)が(?:存在しない|ない)|"
            r"\b(?:tabla|columna|campo)s?\b[^.;\n]{0,30}\bno\s+existe|\b(?:tabela|coluna|campo)s?\b[^.;\n]{0,30}\bnão\s+exist|"
            r"\b(?:tabella|colonna|campo)\b[^.;\n]{0,30}\bnon\s+esist|\b(?:tabelle|spalte|feld)\b[^.;\n]{0,30}"
            r"\b(?:existiert\s+nicht|gibt\s+es\s+nicht)|\b(?:table|colonne|champ)\b[^.;\n]{0,30}\bn'existe\s+pas"
        ),
        _p(
            r";\s+if\s+a\s+needed\s+column\s+is\s+missing,\s+say\s+so\b|"
            r"\bAsk\s+which\s+table\s+or\s+metric\s+definition\s+the\s+user\s+means\s+before\s+writing\s+the\s+query\.?"
        ),
        phrase=True,
    ),
    Topic(
        "missing_value",
        # "use an empty string when a value is missing, never null", "write N/A", "leave it blank"
        _p(
            r"\bempty\s+(?:string|value|field)s?\b|\bleave\s+(?:it|them|the\s+\w+|that\s+\w+)?\s*(?:blank|empty)\b|"
            r"\bN/A\b|[\"'“]unknown[\"'”]|\b(?:never|not|no)\s+nulls?\b|\bomit\s+(?:the\s+|that\s+)?(?:field|key)s?\b|"
            r"\bvac[íi]o\b|\bleer\s+lassen\b|\blaisse[rz]?\s+vide\b|\bvazio\b|空欄|留空|"
            # 'If the NDA doesn't say, write "not stated" in Value'
            r"\b(?:doesn'?t|does\s+not|don'?t|do\s+not|isn'?t|is\s+not|not)\s+(?:say|state|give|mention|list|show)\w*"
            r"[^.;]{0,40}\b(?:write|put|enter|use|mark)\s+(?:it\s+as\s+)?[\"'“]"
        ),
        _p(
            r"\bset\s+(?:a|the|every|the\s+uncertain)\s+(?:\w+\s+)?fields?\s+to\s+null\b|\bfield\s+set\s+to\s+null\b|"
            r"\bnull\s+for\s+every\s+value\b|\bmark\s+that\s+cell\s+as\s+missing\b"
        ),
    ),
    Topic(
        "dates",
        # "keep dates exactly as written", "dates as DD/MM/YYYY" (a brief that asks for YYYY-MM-DD agrees)
        _p(
            r"\bdates?\b[^.;]{0,40}\b(?:as\s+written|exactly|unchanged|as\s+(?:they|it)\s+appears?)\b|"
            r"\b(?:DD|TT|JJ)[/.-]MM[/.-](?:YYYY|JJJJ|AAAA|YY)\b|\bMM/DD/(?:YYYY|YY)\b|\bfecha\w*\s+tal\s+cual\b|"
            r"日付[^。]{0,20}そのまま|日期[^。]{0,20}原样"
        ),
        _p(r"\bISO\s*8601\b"),
    ),
    Topic(
        "empty_input",
        # "if there are no loads in the email at all, output []", "se não tiver vaga nenhuma devolve []": the brief's
        # own empty reply replaces the default's all-null object (and its reminder of a single object)
        _p(
            r"(?:output|return|reply\s+with|respond\s+with|give|send|devolve|devuelve|responde|gib|renvoie|restituisci|"
            r"geef|retorne|retourne)\s+(?:an?\s+|um\s+|una?\s+|just\s+|only\s+)?(?:\[\s*\]|empty\s+(?:json\s+)?"
            r"(?:list|array)|lista\s+vazia|lista\s+vac[ií]a|leere\s+liste)"
        ),
        _p(r"\bevery\s+field\s+set\s+to\s+null\b|\bReturn\s+only\s+the\s+JSON\s+object\b"),
    ),
    Topic(
        "answer_timing",
        # Whatever a tutor brief says about giving the answer ("hints, not answers", "give the full answer straight
        # away") replaces the default's "full solution after two attempts".
        _p(
            r"\b(?:give|show|tell|share|provide)\s+(?:them\s+|him\s+|her\s+|the\s+student\s+)?(?:the\s+)?(?:full\s+|final\s+|"
            r"whole\s+|complete\s+|correct\s+|right\s+|official\s+|model\s+|expected\s+)?(?:answers?|solutions?|working|workings)\b(?!\s+(?:to|about|on|in)\b)|"
            r"\bnot\s+(?:the\s+)?(?:answers?|solutions?)\b|\b(?:just|only)\s+(?:give|hints?)\b|"
            r"\b(?:give|show|tell)\s+(?:it|them)\s+(?:straight|right)\s+away\b|"
            # "never write the essay for them", "Il ne rédige JAMAIS … à la place de l'élève", "PAS pour la faire à leur
            # place", "nunca escribas la redacción por ellos": the work is never done for the student, not even late
            # (the work itself: not "don't write long explanations for them"; "à leur place", not "à la place": instead)
            r"\b(?:never|don'?t|do\s+not|not\s+to|won'?t)\s+(?:\w+\s+){0,2}?(?:write|do|solve|finish|complete|draft)\s+"
            r"(?:(?:the|their|an?|his|her|any)\s+)?(?:whole\s+|full\s+)?(?:essays?|homework|assignments?|answers?|"
            r"solutions?|work|it|paragraphs?|introductions?|problems?|exercises?|tasks?|coursework)\s+"
            r"(?:for\s+(?:them|him|her|the\s+students?|students)|on\s+their\s+behalf)\b|"
            r"\b(?:rédige|rédiger|écri[st]|écrire|fai[st]|faire|résou[ds]|résoudre|la\s+faire)\b[^.!?\n]{0,100}?"
            r"\bà\s+(?:leur|sa)\s+place\b|\bà\s+la\s+place\s+(?:de\s+l['’]élève|des\s+élèves|de\s+l['’]étudiant)|"
            r"\b(?:no|nunca|jamás)\s+(?:le\s+|les\s+)?(?:escrib|hag|resuelv|redact)\w*\b[^.!?\n]{0,60}?"
            r"\bpor\s+(?:él|ella|ellos|ellas|el\s+alumno|los\s+alumnos)\b|"
            r"\b(?:nicht|nie|niemals)\b[^.!?\n]{0,60}?\bfür\s+(?:sie|ihn|die\s+schüler\w*)\s+(?:schreib|lös|mach|erledig)\w*"
        ),
        _p(r"\bfull\s+worked\s+solution\s+only\s+after\b"),
    ),
    Topic(
        "hint_pacing",
        # "when they ask for the answer, just give it": no hint-at-a-time pacing.
        _p(
            r"\b(?:straight|right)\s+away\b|\bimmediately\b|\bjust\s+give\s+(?:it|them|the)\b|"
            r"\b(?:give|show|tell)\s+(?:\w+\s+){0,3}(?:answers?|solutions?)\s+(?:first|directly|when\s+(?:they\s+)?ask\w*|"
            r"if\s+(?:they\s+)?ask\w*)\b"
        ),
        _p(r"\bone\s+question\s+or\s+hint\s+at\s+a\s+time\b"),
    ),
    Topic(
        "spelling",
        # "be fair to spelling mistakes", "don't fix their grammar, only comment on plot", "a spelling game"
        _p(
            r"\b(?:don'?t|do\s+not|never|no\s+need\s+to|not)\s+(?:\w+\s+){0,3}(?:spelling|grammar|typos?)\b|"
            r"\b(?:spelling|grammar|typos?)\b[^.;]{0,30}\b(?:don'?t|doesn'?t|do\s+not|does\s+not)\s+(?:matter|count)\b|"
            r"\bfair\s+(?:to|about|with)\s+(?:\w+\s+)?(?:spelling|grammar|typos?)\b|\bignore\s+(?:\w+\s+)?(?:spelling|grammar|typos?)\b|"
            r"\b(?:spelling|grammar)\s+only\b|\bonly\s+(?:fix\s+|correct\s+)?(?:the\s+)?(?:spelling|grammar)\b|"
            r"\b(?:fix|correct)\s+(?:the\s+)?grammar\s+only\b|\bspelling\s+(?:game|quiz|test|bee)\b"
        ),
        _p(r"\bFix\s+grammar,\s+spelling\b"),
    ),
    Topic(
        "score_first",
        # 'output exactly "Score: N/4" on the 1st line', "first line: the grade", "start with the mark": the brief
        # puts the score before anything else, so no evidence and reasoning come before it
        _p(
            r"\b(?:score|grade|mark|rating|verdict|punteggio|puntuaci[óo]n|note|nota|punkte?zahl|cijfer)\b[^.\n]{0,40}?"
            r"\b(?:on|in|as)\s+(?:the\s+)?(?:1st|first|top|opening)\s+line\b|"
            r"\b(?:1st|first|top|opening)\s+line\s*(?:[:=–—-]|is|should\s+be)\s*(?:the\s+|just\s+the\s+)?"
            r"(?:score|grade|mark|rating|verdict)\b|"
            r"\b(?:start|begin|lead|open)\s+with\s+(?:the\s+)?(?:score|grade|mark|rating|verdict)\b|"
            r"\b(?:score|grade|mark|rating)\s+first\b"
        ),
        _p(
            r"\bevidence\s+and\s+reasoning\s+for\s+a\s+criterion\s+before\s+its\s+score\b|\bwith\s+evidence\s+first,\s+then\s+the\s+score\b|"
            r"\bthen\s+the\s+score\.\s+Then\s+\"Total:\""
        ),
    ),
    Topic(
        "scoring_unit",
        _p(r"\b(?:one|a\s+single|single|an?)\s+overall\s+(?:score|mark|grade)\b|\bnot\s+per\s+criteri(?:on|a)\b"),
        _p(r"\bScore\s+each\s+criterion\s+separately\b"),
    ),
    Topic(
        "outside_knowledge",
        _p(
            r"\b(?:can|may|also|feel\s+free\s+to|allowed\s+to|fine\s+to|ok\s+to)\s+(?:\w+\s+){0,3}(?:general|outside|own|"
            r"common|background|world)\s+knowledge\b|\b(?:general|outside|own)\s+knowledge\s+(?:is\s+)?(?:fine|ok|okay|allowed)\b"
        ),
        _p(r"\bdo\s+not\s+use\s+outside\s+knowledge\b"),
    ),
    Topic(
        "write_access",
        # "Solo SELECT: mai INSERT, UPDATE …", "SELECT only", "nunca DELETE": the brief sets what the queries may do
        _p(
            r"\b(?:never|mai|nunca|jamais|niemals|nie|nooit|não)\b[^.;\n]{0,20}\b(?-i:INSERT|UPDATE|DELETE|DROP)\b|"
            r"\b(?:only|solo|sólo|nur|seulement|uniquement|apenas|somente|alleen|enkel)\s+SELECTs?\b|"
            r"\bSELECTs?\s+(?:only|solo|nur|seulement|apenas|alleen)\b|只(?:能|允许|用)?\s*SELECT|SELECT(?:文)?(?:のみ|だけ)|"
            # "I only write SELECT queries", "if they ask to update, delete or insert anything reply exactly: …"
            r"\bonly\s+(?:write|run|use|allow|do|generate)\s+SELECTs?\b|"
            r"\b(?:ask|asks|want|wants|request|requests)\s+(?:\w+\s+){0,2}(?:to\s+)?(?:update|delete|insert|drop|truncate|modify|"
            r"alter)(?:\s*,\s*\w+)*(?:\s+(?:or|and)\s+\w+)?\s+(?!(?:the\s+|their\s+|a\s+|an\s+)?(?:\w+\s+)?(?:quer(?:y|ies)|"
            r"reports?|date|filters?|sql|where)\b)[^.;\n]{0,60}\b(?:reply|say|respond|answer|refuse|decline|tell)\b|"
            r"\bread[- ]only\s+(?:queries|access|user|role|connection|replica)\b"
        ),
        _p(r"\bunless\s+the\s+user\s+explicitly\s+asks\s+for\s+a\s+change\s+to\s+data\b"),
    ),
    Topic(
        "subject_line",
        # "No subject line", "ohne Betreff", "sans objet": the brief bans the e-mail's subject line
        _p(SUBJECT_LINE_BAN),
        _p(r'A\s+"Subject:"\s+line,\s+then\s+the\s+email\s+body,\s+ready\s+to\s+send\.\s*'),
        phrase=True,
    ),
    Topic(
        "direct_answer",
        # "ne donne jamais directement le meilleur coup : d'abord une question", "NO les hace los deberes. Les da una
        # pista", "never just give them the answer": the brief says how the answer comes, so "answer directly" goes
        _p(
            r"\bne\s+(?:leur\s+|lui\s+)?donne\s+jamais\s+(?:directement\s+)?(?:la\s+r[ée]ponse|le\s+meilleur\s+coup|"
            r"la\s+solution)|\b(?:never|don'?t|do\s+not)\s+(?:just\s+)?(?:give|tell)\s+(?:them\s+|him\s+|her\s+)?"
            r"(?:the\s+)?(?:answer|solution|best\s+move)s?\b|\bno\s+les\s+hace\s+los\s+deberes\b|"
            r"\bnunca\s+(?:les?\s+)?d[eê]s\s+(?:la\s+|a\s+)?(?:respuesta|resposta|soluci[óo]n|solu[çc][ãa]o)\b|"
            r"\bgib\s+(?:ihnen\s+|ihm\s+|ihr\s+)?nie\s+(?:direkt\s+)?die\s+(?:l[öo]sung|antwort)\b|"
            r"\bnon\s+dare\s+mai\s+(?:direttamente\s+)?la\s+(?:risposta|soluzione)\b"
        ),
        _p(r"\bAnswer\s+the\s+question\s+that\s+was\s+asked\s+first\b|\bAnswer\s+the\s+user's\s+request\s+directly\b"),
    ),
    Topic(
        "style_findings",
        _p(
            r"\b(?:ignore|skip|no|don'?t\s+(?:comment\s+on|flag|mention|nitpick))\s+(?:\w+\s+)?(?:style|formatting|nits?|"
            r"nitpick\w*)\b|\b(?:linter|ruff|black|prettier|eslint|gofmt|rubocop)\b[^.;]{0,30}\b(?:for\s+that|handles?|"
            r"catches?)\b|\bstyle\b[^.;]{0,30}\b(?:blockers?|blocking|must\s+fix)\b"
        ),
        _p(r"\bstyle\s+preferences\s+as\s+optional\b"),
    ),
)
