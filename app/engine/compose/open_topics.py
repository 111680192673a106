"""Topics where anything the brief says replaces the default: the brief's own sentence on the topic is the rule,
whichever way it decides it (see `settled`)."""

from __future__ import annotations

from app.engine.compose.settled_topic import Topic
from app.engine.compose.settled_topic import said_pattern as _p
from app.engine.constraints.layout import FILE_LINE_SLOT

# "when in doubt, REVIEW", "Bij twijfel: VERDACHT_GESTOLEN": a case a classifying brief settles in its own words.
_IN_DOUBT = (
    # ("HOLD when it is borderline or when unsure", "Twijfel je tussen twee labels, kies dan het urgentere")
    # (not "if unsure of the customer's name", "if you're unsure whether a review is in English": another doubt)
    r"\b(?:when|if)\s+(?:you(?:'re|\s+are)\s+)?unsure\b(?!\s+(?:of|whether|about|if|how|what|who|where|when)\b)|"
    r"\btwijfel\s+je\s+tussen\b|"
    r"\bwhen\s+in\s+doubt\b|\bif\s+in\s+doubt\b|\bbij\s+twijfel\b|\bim\s+zweifel(?:sfall)?\b|\ben\s+cas\s+de\s+doute\b|"
    r"\ben\s+caso\s+de\s+duda\b|\bem\s+caso\s+de\s+d[úu]vida\b|\bin\s+caso\s+di\s+dubbio\b|迷ったら|拿不准|不确定时"
)


# A password or a card number, in the languages briefs come in
_CREDENTIAL_CUE = (
    r"(?:passwords?|passcodes?|pins?\b|pin\s+(?:numbers?|codes?)|security\s+codes?|"
    r"(?:full\s+|long\s+)?card[\s_-]*(?:numbers?|nums?|no\b|details|data)|login\s+details|"
    r"contrase[ñn]as?|(?:n[úu]mero|datos)\s+de\s+(?:la\s+)?tarjeta|passw[öo]rt(?:er)?|kennw[öo]rt(?:er)?|"
    r"kartennummer\w*|mots?\s+de\s+passe|num[ée]ro\s+de\s+(?:la\s+)?carte|senhas?|n[úu]mero\s+do\s+cart[ãa]o|"
    r"wachtwoord\w*|kaartnummer\w*|パスワード|暗証番号|カード番号|密码|卡号)"
)


OPEN_TOPICS: tuple[Topic, ...] = (
    Topic(
        "secrets",
        # "Never ask for the card number", "take the card number and CVV", "charge_card(card_number, cvv)", "never
        # ask for their PIN or password": the brief says what happens to passwords and card numbers, whichever way
        # (not "help customers reset their password": a task about a password, no rule on asking for one)
        _p(
            rf"\b(?:never|not|don['’]?t|no|nunca|nie|jamais|nooit|mai|ask\w*|request\w*|collect\w*|take|takes|taking|"
            rf"enter\w*|type|types|typing|give|gives|giving|share|shares|sharing|send|sends|store\w*|record\w*|"
            rf"repeat\w*|need|needs|pide|pedir|solicita\w*|fragen?|frag|demande\w*|demander|pergunt\w*|vraag|vragen)"
            rf"\b[^.;\n]{{0,50}}?{_CREDENTIAL_CUE}|"
            rf"{_CREDENTIAL_CUE}[^.;\n]{{0,30}}?\b(?:never|not|nunca|nie|jamais|nooit)\b|"
            # a tool that takes them: "charge_card(card_number, expiry, cvv, amount)"
            r"\([^()\n]{0,120}?\b(?:card_?(?:number|num|no)|cardnumber|cvv\d?|cvc\d?|passwor[dt]|pin(?:_code)?|"
            r"pan)\b[^()\n]{0,120}?\)|\b(?:cvv\d?|cvc\d?)\b"
        ),
        _p(r"\bNever\s+ask\s+for\s+passwords\s+or\s+full\s+card\s+numbers\b"),
    ),
    Topic(
        "all_clear",
        # "if there's nothing wrong just say LGTM", "if there is nothing to flag, reply with just OK"
        _p(
            r"\b(?:nothing(?:['’]s|\s+is)?\s+wrong|nothing\s+(?:to\s+(?:flag|report|fix|change|comment\s+on)|worth\s+\w+ing)|no\s+(?:problems?|"
            r"issues?|bugs?|findings?|errors?)|all\s+good|looks\s+good|(?:it'?s|is)\s+(?:fine|clean|ok))\b[^.;]{0,40}"
            r"\b(?:say|reply|write|answer|respond|output|return|just|end\s+with)\b|"
            r"\b(?:say|reply(?:\s+with)?|write|return|output|respond\s+with)\s+(?:just\s+|only\s*:?\s*)?[\"'“]?(?:LGTM|OK)\b|"
            # "if you find nothing: LGTM, nothing blocking.", "If there's nothing to flag: OK"
            r"\b(?:find|found|see|spot)\s+nothing\s*[:：]|\bnothing\s+to\s+(?:flag|report|fix)\s*[:：]|"
            # "Nothing to flag -> "No issues found."", "No findings → LGTM", "Keine Befunde: „…“", "Sin hallazgos: …"
            r"\b(?:nothing\s+(?:to\s+(?:flag|report|fix)|found|wrong)|no\s+(?:findings?|issues?|problems?)(?:\s+found)?|"
            r"all\s+clear|clean\s+diff|keine\s+(?:befunde|probleme|fehler|auff[äa]lligkeiten)|nichts\s+gefunden|"
            r"sin\s+(?:hallazgos|problemas|incidencias)|nada\s+que\s+(?:se[ñn]alar|reportar)|rien\s+[àa]\s+signaler|"
            r"aucun\s+probl[èe]me|sem\s+problemas|nada\s+a\s+assinalar|nessun\s+problema|niente\s+da\s+segnalare|"
            r"geen\s+(?:bevindingen|problemen))\s*(?:->|→|=>|⇒|[:：])\s*[\"'“„«`]|"
            # "If the diff is fine, output only …", "if the code is clean, reply …"
            r"\b(?:if|when)\s+the\s+(?:diff|code|change|pr|text|draft|file)\s+(?:is|looks)\s+(?:fine|clean|ok|good)\b|"
            # "If you find nothing in scope, output only: …"
            r"\b(?:find|found|see|spot)\s+nothing\b[^.;]{0,40}\b(?:say|reply|write|answer|respond|output|return|just)\b|"
            # "問題がなければ「指摘なし」とだけ返す", "si no hay problemas, responde …", "wenn es keine Probleme …"
            r"問題が?なければ|指摘が?なければ|没有问题(?:就|则|的话)|如果没有问题|\bsi\s+no\s+hay\s+(?:problemas|errores|nada)\b|"
            r"\bwenn\s+(?:es\s+)?keine\s+(?:probleme|befunde|fehler)\b|\bs'il\s+n'y\s+a\s+(?:aucun|pas\s+de)\s+(?:problème|souci)|"
            r"\bse\s+não\s+houver\s+problemas\b|\bse\s+non\s+ci\s+sono\s+problemi\b|\bals\s+er\s+geen\s+problemen\s+zijn\b"
        ),
        _p(r"\bhas\s+no\s+problems\b|\bNo\s+blocking\s+issues\s+found\b"),
    ),
    Topic(
        "mistakes",
        # "Never say "wrong" - say "Nearly!"", "when they get it wrong, …", "bei falschen Antworten …", "si se
        # equivoca, …": the brief words what a wrong answer gets, so the tutor's own mistake routine goes
        _p(
            r"\b(?:never|don'?t|do\s+not)\s+(?:say|tell\s+(?:them|the\s+\w+))\s+(?:that\s+)?[\"'“]?(?:wrong|incorrect|no)\b|"
            r"\b(?:get|gets|got|is|are)\s+(?:it\s+|something\s+|an?\s+answer\s+)?(?:wrong|incorrect)\b|"
            r"\b(?:wrong|incorrect)\s+answers?\b|\bmakes?\s+a\s+mistake\b|\bfalsche[nr]?\s+antwort|"
            r"\b(?:bei|nach)\s+(?:einem\s+)?fehler\b|\bnie\s+[\"„“]?falsch\b|\bse\s+equivoca\b|"
            r"\brespuestas?\s+incorrectas?\b|\bnunca\s+digas\s+[\"«“]?(?:mal|incorrecto)\b|\bse\s+trompe\b|"
            r"\bmauvaises?\s+r[ée]ponses?\b|\bne\s+dis\s+jamais\s+[\"«“]?faux\b|\bse\s+(?:errar|sbaglia)\b|"
            r"\brespostas?\s+erradas?\b|\brisposte?\s+sbagliat[ae]\b|\bfout\s+antwoord\b|\bzeg\s+nooit\s+[\"“]?fout\b"
        ),
        _p(r"\bWhen\s+the\s+student\s+makes\s+a\s+mistake,\s+point\s+to\s+the\s+step\b"),
    ),
    Topic(
        "refund_authority",
        # "Refunds under €10 you can promise straight away", "you may refund up to $25": the brief sets what the
        # assistant may grant, so the default's "a refund" as an example of something beyond its authority goes.
        _p(
            r"\brefunds?\s+(?:of\s+)?(?:under|up\s+to|below|less\s+than|of\s+up\s+to|<)\s*[€$£]?\s?\d|"
            r"\b(?:can|may|allowed\s+to|able\s+to)\s+(?:\w+\s+){0,2}(?:promise|give|issue|approve|offer|grant)\s+(?:a\s+|the\s+)?"
            r"(?:full\s+|partial\s+)?refunds?\b|\brefunds?\b[^.;]{0,40}\byou\s+(?:can|may)\b"
        ),
        _p(r"\s\(such\s+as\s+a\s+refund\s+or\s+an\s+exception\)"),
        phrase=True,
    ),
    Topic(
        "severity_scale",
        # "prefix each finding with [MUST], [SHOULD] or [NIT]", "重要度タグ", "severity: high / medium / low"
        _p(
            r"\[(?:MUST|SHOULD|NIT|COULD|BLOCKER|BLOCKING|MAJOR|MINOR|CRITICAL|HIGH|MEDIUM|LOW|P[0-3])\]|"
            # "SEVERITY is BLOCKER, MAJOR or MINOR" (not "the severity is up to you", "SEVERITY is optional")
            r"\bseverity\s+(?:is|are|must\s+be)\s+(?:one\s+of\s*:?\s*)?[\w-]+(?:\s*,\s*[\w-]+)*\s*(?:\bor\b|/|\|)\s*[\w-]+|"
            r"\bseverity\s*(?:[:=]|tags?|labels?|levels?|scale)|\b(?:tag|label|prefix|mark)\w*\s+(?:each|every)\s+"
            r"(?:finding|comment|issue|point)\b|重要度|严重(?:程度|级别)|\bschweregrad\w*|\bgravedad\b|\bsévérité\b|"
            r"\bseveridade\b|\bgravità\b|\bernst(?:niveau)?\b"
        ),
        _p(
            r"\bseverity\s+\(blocking,\s+major,\s+minor,\s+optional\),\s+|\bMark\s+style\s+preferences\s+as\s+optional\b"
        ),
        phrase=True,
    ),
    Topic(
        "findings_only",
        # "just the findings, no summary", "指摘だけでいい", "nur die Befunde"
        _p(
            r"\b(?:only|just)\s+(?:the\s+)?(?:findings|issues|problems|review\s+comments)\b|\bno\s+summary\b|指摘だけ|指摘のみ|"
            r"只(?:要|列出)问题|\bnur\s+(?:die\s+)?(?:befunde|anmerkungen|probleme)\b|\bsolo\s+(?:los\s+)?(?:hallazgos|problemas)\b|"
            r"\bseulement\s+les\s+problèmes\b|\bapenas\s+os\s+problemas\b|\bsolo\s+i\s+problemi\b|"
            r"\balleen\s+(?:de\s+)?(?:bevindingen|problemen)\b"
        ),
        _p(
            r"\ba\s+one-sentence\s+summary\s+of\s+the\s+change,\s+then\s+|"
            r"\bRead\s+the\s+whole\s+diff\s+and\s+summarise\s+its\s+intent\s+in\s+one\s+sentence\.?"
        ),
        phrase=True,
    ),
    Topic(
        "finding_lines",
        # "Output one finding per line, exactly: SEVERITY path:line - problem", "each issue on its own line": the
        # brief's own line per finding, so the default's numbered Markdown list goes
        _p(
            # (not "One issue per line is NOT what I want")
            r"\bone\s+(?:finding|issue|comment|problem|bug)\s+(?:per|a|each)\s+line\b(?![^.;\n]{0,25}\b(?:not|n't)\b)|"
            r"\b(?:each|every)\s+(?:finding|issue|comment|problem)\s+on\s+(?:its\s+own|a\s+separate|one)\s+line\b|"
            r"1行に1件|一行一(?:条|个)|\beine?\s+(?:befund|anmerkung|problem)\w*\s+pro\s+zeile\b|"
            r"\bun\s+(?:hallazgo|problema)\s+por\s+l[íi]nea\b|\bun\s+probl[eè]me\s+par\s+ligne\b"
        ),
        _p(r"\ba\s+numbered\s+list\s+of\s+findings,\s+each\s+with\b"),
    ),
    Topic(
        "finding_layout",
        # "one finding per line as `path/to/file.py:LINE - problem - fix`", "each starting with file:line": the
        # brief's own layout places each finding, so no quoted hunk goes beside it
        # ("<file>:<line>", "{file}:{line}", "filename:lineno")
        _p(FILE_LINE_SLOT),
        _p(r"\bQuote\s+the\s+exact\s+line\s+or\s+hunk\s+for\s+each\s+finding\b"),
    ),
    Topic(
        "no_owner",
        # "if no owner, write TBD", "没提到负责人的写待定", "leave owner blank when nobody is named"
        _p(
            r"\b(?:no|without\s+an?|missing)\s+(?:owner|assignee|responsible)|没(?:提到|有)负责人|未指定|待定|"
            r"担当者[^。]{0,10}(?:ない|なし)|\bowner\b[^.;]{0,30}\b(?:blank|empty|TBD|none|unknown)\b|"
            r"\b(?:nobody|no\s+one)\s+is\s+(?:named|assigned|mentioned)|"
            r"\bsin\s+responsable|\bohne\s+(?:verantwortliche|zuständige)|\bsans\s+responsable|\bsem\s+respons[áa]vel"
        ),
        _p(r"owner:\s*unassigned"),
    ),
    Topic(
        "advice",
        # "suggest small practical things", "it's fine to give your opinion", "recommend a model"
        _p(
            r"\b(?:suggest|offer|give|share)(?:s|ing)?\s+(?:\w+\s+){0,3}(?:tips?|ideas?|advice|suggestions?|things?\s+(?:to|they\s+can)"
            r"\s+try|practical\s+(?:things|steps|tips))\b|\b(?:your|personal|honest)\s+(?:own\s+)?(?:opinions?|views?|take)\b|"
            r"\bopinions?\b|\brecommend\s+(?:a|an|one|which|what|the\s+best|products?|models?|options?)\b|\bconsejos?\b|"
            r"\bopini[oó]n|\bMeinung|\bavis\b|\bconseils?\b|\bopini[ãa]o|\bconselhos?\b|意見|アドバイス|建议|意见|"
            # "No advice, no diagnosing": the brief rules advice out
            r"\bno\s+advice\b|\b(?:don'?t|never|do\s+not)\s+(?:give|offer)\s+(?:any\s+)?advice\b"
        ),
        _p(r"\boffer\s+advice\s+or\s+opinions\s+only\s+when\b"),
    ),
    Topic(
        "apology",
        _p(
            r"\bapolog\w*|\bsorry\b|\bdisculp\w*|\bperd[oó]n|\bentschuldig\w*|\bexcuse\w*|\bdesculp\w*|謝罪|お詫び|道歉|抱歉"
        ),
        _p(r"\bapologi[sz]e\b|\bapology\b"),
    ),
    Topic(
        "variants",
        # "give just one version, not several options", "write 2 options"
        _p(
            r"\b(?:one|single|\d+|two|three|four|five|several|multiple)\s+(?:\w+\s+)?(?:versions?|variants?|options?|"
            r"alternatives?|drafts?|variations?)\b|\b(?:just|only)\s+one\b|\bexactly\s+one\s+\w+\s+per\b|"
            r"\bno\s+(?:alternatives|variants|variations|other\s+versions)\b|"
            # "只输出文案本身", "only the copy itself": the one piece, nothing beside it
            r"只输出文案本身|文案本身|\bonly\s+(?:output\s+)?the\s+(?:copy|text|caption|post|description)\s+itself\b|"
            # "Each description 35 words max": one piece per item given, its size stated
            r"\beach\s+(?:description|caption|blurb|listing|entry|bio|summary)\s+(?:is\s+|of\s+|at\s+most\s+|max\s+|"
            r"under\s+|up\s+to\s+)?\d+"
        ),
        _p(r"\bvariants?\b"),
    ),
    Topic(
        "ending",
        # "3 hashtags no final", "end each post with the link", "am Ende immer die Filiale nennen": the brief says
        # what the copy ends with, so the default's closing call to action goes.
        _p(
            r"\bend\s+(?:each\s+\w+\s+|every\s+\w+\s+|it\s+|them\s+|the\s+\w+\s+)?with\b|\bat\s+the\s+end\b|"
            r"\b(?:last|final|closing)\s+line\s+(?:always|is|must|should|reads?)\b|\b(?:last|final)\s+line\s*:|"
            r"\bno\s+final\b(?!\s+(?:answer|solution|decision|version|draft|word|grade|score))|\bao\s+final\b|"
            r"\bal\s+final\b|\bam\s+(?:ende|schluss)\b|\bà\s+la\s+fin\b|\balla\s+fine\b|\baan\s+het\s+eind\w*|末尾|文末|最后|結びに"
        ),
        _p(r"\bEnd\s+with\s+one\s+clear\s+call\s+to\s+action\b|\beach\s+ending\s+with\s+a\s+call\s+to\s+action\b"),
    ),
    Topic(
        "call_to_action",
        _p(r"\bcall\s+to\s+action\b|\bCTA\b|\bsign-?\s*up\s+link\b|\b(?:book|buy|order)\s+now\b"),
        _p(r"\bcall\s+to\s+action\b"),
    ),
    Topic(
        "human_handoff",
        # "there is no human support, so never offer to connect them to a person"
        _p(
            r"\bno\s+(?:human|live|real)\s+(?:support|agents?|staff|person|people|help|operators?)\b|\bno\s+(?:humans?|staff)\b|"
            r"\bthere\s+(?:is|are)\s+no\s+(?:human|live|staff|agents?|people|one)\b|"
            r"\b(?:never|don'?t|do\s+not|can'?t|cannot)\s+(?:offer\s+to\s+)?(?:connect|transfer|hand\s*(?:off|over)|escalate)\s+"
            r"(?:\w+\s+){0,2}(?:to|with)\s+(?:a\s+|an\s+)?(?:human|person|agent|staff|someone|anyone)"
        ),
        _p(r"\bhuman\s+(?:agent|colleague)\b|\bhand\s+off\s+to\s+a\s+human\b|\bescalation\s+rule\b"),
    ),
    Topic(
        "row_limit",
        _p(
            r"\bLIMIT\s+\d+|\bno\s+LIMIT\b|\badd\s+a\s+LIMIT\b|\ball\s+(?:the\s+)?(?:matching\s+)?rows\b|\bup\s+to\s+\d+\s+rows\b"
        ),
        _p(r"\b\d+\s+rows\b"),
    ),
    Topic(
        "closing_feedback",
        # "no feedback at the end, just thank them", "give a score out of 10 at the end"
        _p(
            r"\bfeedback\b|\bdebrief\w*|\bscore\s+(?:them|their|the\s+(?:answer|interview))\b|\bR[üu]ckmeldung|\bretour\b"
        ),
        _p(r"\bgive\s+feedback\b|\bfeedback\s*:"),
    ),
    Topic(
        "complete_code",
        _p(
            r"\bsnippets?\b|\brunnable\b|\bpseudo-?\s*code\b|\b(?:complete|full|whole)\s+(?:code|programs?|scripts?|files?)\b|"
            r"\b(?:as|in)\s+(?:unified\s+)?diffs?\b|\bunified\s+diffs?\b|\bpropos\w*\s+diffs?\b"
        ),
        _p(r"\bcomplete,\s+runnable\s+code\b|\brunnable\s+code\s+and\b"),
    ),
    Topic(
        "literalness",
        _p(
            r"\bliteral(?:ly)?\b|\bword\s+for\s+word\b|\bsentence\s+structure\b|\bidioms?\b|\bidiomatic\w*|"
            r"\bfree(?:ly)?\s+translat\w*|\bw[öo]rtlich\b|\blitt[ée]ral\w*|直訳|意訳|逐字|直译|意译"
        ),
        _p(r"\bnot\s+word\s+for\s+word\b"),
    ),
    Topic(
        "own_additions",
        # A summary that adds "your own recommendations at the end"
        _p(
            r"\b(?:your\s+own|add\s+(?:your|a|an|some|short)?)\s*(?:\w+\s+)?(?:recommendations?|opinions?|views?|"
            r"interpretations?|analysis|suggestions?|next\s+steps|commentary|takeaways?)\b"
        ),
        _p(r"\bInclude\s+only\s+information\s+stated\s+in\s+the\s+input\b"),
    ),
    Topic(
        "between_levels",
        _p(
            r"\bround\s+(?:up|down)\b|\bbenefit\s+of\s+the\s+doubt\b|\bgenerous\w*|\blenient\w*|\bstrict(?:ly)?\b|"
            r"\bbetween\s+two\s+(?:levels|grades|bands|marks|scores)\b"
        ),
        _p(r"\bgive\s+the\s+lower\s+level\b"),
    ),
    Topic(
        "balance",
        _p(
            r"\bboth\s+sides\b|\bbalanced\b|\bone-?\s*sided\b|\bcounter-?\s*(?:evidence|arguments?)\b|\bpros\s+and\s+cons\b"
        ),
        _p(r"\bstrongest\s+counter-evidence\b"),
    ),
    Topic(
        "voice",
        # An editor told to rewrite in the house style keeps no "author's voice".
        _p(
            r"\b(?:brand|house|company)\s+(?:voice|style|tone)\b|\bour\s+(?:brand\s+)?voice\b|\bin\s+the\s+style\s+of\b"
        ),
        _p(r"\bauthor'?s\s+meaning,\s+facts\s+and\s+voice\b"),
    ),
    Topic(
        "change_list",
        _p(
            r"\b(?:list|explain|summari[sz]e|note|mark|highlight|show)\s+(?:of\s+)?(?:the\s+|your\s+|what\s+you\s+)?"
            r"(?:changes?|changed|edits?|edited|corrections?)\b|\bchange\s*-?\s*list\b|\bchangelog\b|\btrack(?:ed)?\s+changes\b|"
            r"\bwhat\s+(?:I|you|we)\s+(?:changed|fixed|corrected|edited)\b|"
            # "no notes about what changed", "just return the edited paragraph"
            r"\bnotes?\s+(?:about|on|explaining)\s+(?:what|the)\s+(?:\w+\s+)?(?:changed|changes?|edits?)\b|"
            r"\b(?:just|only)\s+(?:return|give|output|send|reply\s+with)\s+(?:back\s+)?the\s+(?:edited|corrected|"
            r"rewritten|revised|improved|fixed)\b|"
            # "Output only the edited obituary text, no notes to me"
            r"\b(?:return|give|output|send)\s+only\s+the\s+(?:edited|corrected|rewritten|revised|improved|fixed)\b|"
            r"\bno\s+notes?\s+(?:to|for)\s+(?:me|us|the\s+user)\b"
        ),
        # (and an example whose output ends with its "Changes:" list)
        _p(r"\bmost\s+important\s+changes\s+after\b|\bthen\s+the\s+key\s+changes\b|\bChanges:\s*\n"),
    ),
    Topic(
        "notes_to_author",
        # "no notes about what changed", "just return the edited paragraph": no note asking the author either
        _p(
            r"\bno\s+(?:notes?|comments?|commentary|explanations?)\b|\bwithout\s+(?:any\s+)?(?:notes?|comments?)\b|"
            r"\b(?:just|only)\s+(?:return|give|output|send|reply\s+with)\s+(?:back\s+)?the\s+(?:edited|corrected|"
            r"rewritten|revised|improved|fixed)\b"
        ),
        _p(r"\s+and\s+add\s+a\s+note\s+asking\s+the\s+author\s+what\s+they\s+meant(?=\.)"),
        phrase=True,
    ),
    Topic(
        "register",
        _p(
            r"\bformal\w*|\binformal\w*|\bregister\b|\bper\s+(?:Sie|du)\b|\b(?:trato|tratar|trate)\s+de\s+(?:usted|tú|tu)\b|"
            r"\buse\s+[«“]?(?:Sie|du|tu|usted|vous|você)\b|"
            r"\btutear\b|\bsiezen\b|\bduzen\b|\btutoyer\b|\bvouvoyer\b|敬語|です・ます|タメ口"
        ),
        _p(r"\bMatch\s+the\s+register\s+of\s+the\s+source\b"),
    ),
    Topic(
        "probing",
        _p(
            r"\bfollow-?\s*ups?\b|\bprob(?:e|ing)\b|\bdig\s+deeper\b|\bnachhak\w*|\bnachfrag\w*|"
            # "Ask exactly 6 questions", "Faça exatamente 6 perguntas": the number of questions is fixed
            r"\b(?:exact(?:ly|amente|ement)|exatamente)\s+\d+\s+(?:questions|perguntas|preguntas|domande)\b|\bgenau\s+\d+\s+fragen\b|"
            r"\besattamente\s+\d+\s+domande\b|\bprecies\s+\d+\s+vragen\b"
        ),
        _p(r"\bprobing\s+question\b"),
    ),
    Topic(
        "tool_narration",
        _p(
            r"\bnarrat\w*|\bsilently\b|\bannounc\w*|\b(?:tell|say\s+to)\s+the\s+(?:user|customer|guest)\s+(?:before|when|that)\s+"
            r"(?:you\s+)?(?:call|use|check|look)\w*"
        ),
        _p(r"\bBefore\s+each\s+tool\s+call,\s+state\b|\bone\s+short\s+sentence\s+of\s+status\b"),
    ),
    Topic(
        "tool_failure",
        _p(
            r"\b(?:tool|call|api|lookup|search|system|booking\s+system)\s+(?:\w+\s+){0,2}(?:fails?|errors?|is\s+down|times?\s+out|"
            r"doesn'?t\s+(?:work|answer|respond))\b|\bretry\w*|\btry\s+again\b|\bif\s+\w+\s+(?:fails|errors)\b"
        ),
        _p(r"\bretry\s+once\b"),
    ),
    Topic(
        "opening",
        # "start with the product name", "in chronological order", "open with the date"
        _p(
            r"\bchronolog\w*|\bin\s+the\s+order\s+(?:they|it|of)\b|\b(?:start|begin|open|lead)\s+(?:each\s+\w+\s+|every\s+\w+\s+)?"
            r"with\b|\bfirst\s+(?:line|sentence)\s+(?:is|should|must|has)\b"
        ),
        _p(r"\bLead\s+with\s+the\s+(?:main\s+conclusion|reader'?s\s+benefit)\b"),
    ),
    Topic(
        "numbers_in_copy",
        _p(
            r"\b(?:no|never|don'?t\s+(?:mention|include|use|put))\s+(?:\w+\s+)?(?:prices?|numbers?|figures?|stats?|statistics)\b"
        ),
        _p(r"\bconcrete\s+feature\s+or\s+number\b"),
    ),
    Topic(
        "conflicting_values",
        _p(
            r"\bconflict\w*|\bcontradict\w*|\b(?:two|several|more\s+than\s+one)\s+(?:different\s+)?(?:values|dates|amounts|"
            r"prices|numbers)\b|\b(?:latest|most\s+recent|last)\s+(?:one|value|date|amount)\b"
        ),
        _p(r"\bconflicting\s+values\b"),
    ),
    Topic(
        "ambiguous_content",
        # A moderation brief that says what to do when unsure ("when in doubt, REVIEW").
        _p(
            r"\b(?:ambiguous|borderline|not\s+sure|in\s+doubt|can'?t\s+tell|gr[ae]y\s+areas?)\b|\b(?:when|if)\s+unsure\b|"
            + _IN_DOUBT
        ),
        _p(r"\bwhen\s+the\s+content\s+is\s+ambiguous\b"),
    ),
    Topic(
        "helplines",
        # "don't add helpline numbers, disclaimers or advice text - just the JSON": the brief decides whether the reply
        # carries a crisis line
        _p(r"\bhelplines?\b|\bhotlines?\b|\bcrisis\s+(?:lines?|numbers?)\b|\bsamaritans\b|\bl[ií]nea\s+de\s+crisis\b"),
        _p(r"\bcontact\s+a\s+crisis\s+line\b|\b988\s+Suicide\b"),
    ),
    Topic(
        "explanation_depth",
        # "spiegami le formule passo passo", "explain it step by step", "in as much detail as needed"
        _p(
            r"\bstep[- ]by[- ]step\b|\bpasso\s+(?:a\s+)?passo\b|\bpaso\s+a\s+paso\b|"
            r"\bschritt\s+f[üu]r\s+schritt\b|\b[ée]tape\s+par\s+[ée]tape\b|\bstap\s+voor\s+stap\b|"
            r"一步一步|逐步|ステップ(?:ごと|バイステップ)|"
            r"\b(?:in\s+(?:full\s+)?detail|as\s+long\s+as\s+(?:it\s+)?needs?|lunghe\s+quanto\s+serve|tan\s+largas?\s+como)\b"
        ),
        _p(r"\bexplain\s+each\s+change\s+in\s+one\s+sentence\b"),
    ),
    Topic(
        "full_solution",
        # "Non dare MAI il risultato finale", "never give the answer", "no des nunca la solución": the brief decides
        # whether the solution is ever given, so no default releases it after two attempts
        _p(
            r"\b(?:never|don'?t|do\s+not)\s+(?:ever\s+)?(?:give|tell|reveal|show)\s+(?:them\s+|the\s+\w+\s+)?(?:the\s+)?"
            r"(?:final\s+)?(?:answers?|solutions?|results?)\b|\bnon\s+dare\s+(?:mai\s+)?(?:il|la)\s+(?:risultato|soluzione|"
            r"risposta)|\bno\s+(?:le\s+)?des?\s+(?:nunca\s+)?(?:el\s+resultado|la\s+soluci[óo]n|la\s+respuesta)|"
            r"\bnunca\s+(?:le\s+)?(?:des|dês|d[eê])\s+(?:el|la|o|a)\s+(?:resultado|soluci[óo]n|solu[çc][ãa]o|respuesta|resposta)|"
            r"\bne\s+(?:donne|donnez)\s+jamais\s+(?:le\s+résultat|la\s+solution|la\s+réponse)|"
            r"\bnie\s+(?:das\s+)?(?:ergebnis|die\s+lösung|die\s+antwort)\b|\bgeef\s+nooit\s+(?:het\s+)?(?:antwoord|resultaat)|"
            r"\b(?:full|whole|complete)\s+(?:worked\s+)?solution\b"
        ),
        _p(r"\bfull\s+worked\s+solution\s+only\s+after\b"),
    ),
    Topic(
        "keywords",
        # "URGENT = any mention of suicide …", "if it contains the word refund": the brief labels on words themselves
        _p(
            r"\bany\s+mention\s+of\b|\b(?:mentions?|contains?|includes?|uses?)\s+(?:the\s+)?words?\b|\bkeywords?\b|"
            r"\bcualquier\s+menci[oó]n\b|\bjede\s+erw[äa]hnung\b|\btoute\s+mention\b|\bqualquer\s+men[çc][ãa]o\b|"
            r"\bqualsiasi\s+menzione\b|\belke\s+vermelding\b|"
            # "if a review mentions a charge or a refund it's PAYMENT", "描述里出现“高仿”“A货” → REJECT"
            r"\b(?:(?:if|when)\s+(?:a|an|the|any)|any|every)\s+(?:[\w'’-]+\s+){1,2}(?:(?:that|which)\s+)?(?:also\s+)?"
            r"mentions?\b[^.;\n]{0,60}?\b(?:it'?s|is|gets?|→|=|as)\s+(?:an?\s+)?[\"“]?(?-i:[A-Z][A-Z_]{2,})\b|"
            r"(?:出现|提到|含有)[“\"「『]|"
            # "RIESGO_URGENTE gana aunque sea una frase suelta o parezca una broma", "even if it's a joke", "even a
            # passing remark": a label given on the words alone, whatever the post's main point
            r"\beven\s+(?:if|when|though)\s+(?:it\s+)?(?:is\s+|'s\s+|sounds\s+like\s+|seems\s+like\s+|looks\s+like\s+)?"
            r"(?:an?\s+)?(?:joke|passing|throwaway|single|one-off|offhand)|\beven\s+(?:as\s+)?a\s+joke\b|"
            r"\baunque\s+(?:sea|parezca)\s+(?:una\s+)?(?:frase\s+suelta|broma)|\bparezca\s+una\s+broma\b|"
            r"\bauch\s+(?:wenn|als)\s+(?:es\s+)?(?:ein\s+)?(?:witz|scherz)|\bm[êe]me\s+(?:si\s+c'est\s+)?(?:une\s+)?blague|"
            r"\bmesmo\s+(?:que\s+)?(?:pare[çc]a\s+)?(?:uma\s+)?(?:piada|brincadeira)|\banche\s+se\s+(?:sembra\s+)?uno?\s+scherzo|"
            # "EMERGENCY beats everything else if they mention downed power lines, gas smell …": a mention decides
            r"\b(?:beats|trumps|overrides|wins\s+over)\s+(?:everything|all|any)\b[^.;\n]{0,60}?\bmentions?\b|"
            # "anything mentioning sparks or smoke = SYSTEM_FAULT even if its mostly about billing", "… even if the rest
            # is fine": the brief's cue decides, whatever the message is mostly about
            r"\banything\s+(?:that\s+)?mention(?:s|ing)\b[^.;\n]{0,80}?(?:=|→|->|\bis\b|\bgoes\s+to\b)\s*[\"“]?"
            r"(?-i:[A-Z][A-Z_]{2,})\b|\beven\s+if\s+(?:it'?s|its|it\s+is|the\s+message\s+is)\s+(?:mostly|mainly|largely|"
            r"partly)\b|\beven\s+if\s+the\s+rest\s+(?:is|seems|looks)\s+(?:fine|ok|okay|harmless)\b"
        ),
        _p(r"\bnot\s+on\s+isolated\s+keywords\b|\bthat\s+fits\s+the\s+main\s+point\s+best\b"),
    ),
    Topic(
        "tie_break",
        _p(
            r"\b(?:both|two|several|multiple|more\s+than\s+one)\s+(?:labels?|categories|tags)\s+(?:fit|apply|match)\b|\bties?\b|"
            # "If two issues in one report pick the one mentioned first": the brief's own rule for two in one input
            r"\b(?:two|both|several|multiple|more\s+than\s+one)\s+(?:issues|problems|topics|complaints|requests|things|"
            r"reasons)\b[^.;\n]{0,40}?\b(?:pick|choose|use|take|go\s+with|label|classify)\b|"
            # "bug > pricing > feature_request", "in this order of priority": the brief's own precedence
            r"\b\w+\s*>\s*\w+\s*>\s*\w+|\border\s+of\s+priority\b|\bpriority\s+order\b|\btakes?\s+precedence\b|"
            r"\bwins?\s+over\b|"
            # "If a post is crisis and also breaks R1, crisis wins", "in that case ESCALATE always wins"
            r"\balso\b[^.;\n]{0,60}\b\w+\s+(?:always\s+)?wins\b|\b\w+\s+always\s+wins\b|"
            # "if an email mentions both a bug and billing, pick bug", "prefer bug over billing", "si menciona ambos,
            # elige bug", "wenn beides zutrifft, nimm bug": the brief's own tie-break
            # (not "written by both customers and staff, use the signature", "We prefer speed over detail")
            r"\bboth\b[^.;\n]{0,60}?\b(?:pick|choose|go\s+with|label\s+it|classify\s+(?:it\s+)?as|tag\s+it)\b|"
            r"(?:^|[.;:!?]\s*|\b(?:always|then|just)\s+)(?:pick|choose|prefer)\s+[\w-]+\s+over\s+[\w-]+|"
            r"\bambos\b[^.;\n]{0,60}?\b(?:elige|escoge|elija|escolha)\b|"
            r"\bbeides\b[^.;\n]{0,60}?\b(?:nimm|wähle|verwende)\b|\bles\s+deux\b[^.;\n]{0,60}?\b(?:choisis|prends|choisissez)\b|"
            # "it's PAYMENT even if it also reports a crash", "REJECT 优先于 REVIEW": a label that beats another
            r"\beven\s+(?:if|when|though)\b[^.;\n]{0,40}\balso\b|优先于|优先级高于|優先級高於|を優先(?!度|順)|より優先|取最严重|"
            # "when unsure between two labels pick the more urgent one"
            r"\b(?:when|if)\s+(?:unsure|torn|undecided|stuck|in\s+doubt)\s+between\b|\bbetween\s+two\s+(?:labels|categories)\b|"
            # "the most severe one wins", "bei mehreren Gründen gilt der schwerste", "gana el más grave"
            r"\b(?:the\s+)?(?:most\s+(?:severe|serious|urgent)|strictest|harshest|worst)\s+(?:one\s+|label\s+|reason\s+)?"
            r"(?:wins|applies|counts|takes\s+priority|goes(?!\s+first))\b|\bgilt\s+(?:der|die|das)\s+(?:schwerste|strengste)\w*|"
            r"\b(?:scegli|prendi|escolha|escolhe|kies|neem|elige|escoge|choisis|choisissez|nimm|wähle)\s+(?:il|la|o|a|de|het|el|"
            r"le|den|die|das)\s+(?:pi[ùu]\s+grave|mais\s+grave|zwaarste|ernstigste|m[áa]s\s+grave|plus\s+grave|"
            r"schwerste[nr]?)\b|"
            r"\b(?:der|die|das)\s+(?:schwerste|strengste)\w*\s+gilt\b|\bgana\s+(?:el|la)\s+m[áa]s\s+grave\b|"
            r"\ble\s+plus\s+grave\s+l['’]emporte\b|\bprevale\s+(?:il|la)\s+pi[ùu]\s+grave\b|\bvale\s+o\s+mais\s+grave\b|"
            r"\bde\s+(?:zwaarste|ernstigste)\s+(?:wint|telt|geldt)\b|最も重い(?:もの|方)を|" + _IN_DOUBT
        ),
        _p(
            r"\bfit\s+equally\s+well\b|\bthat\s+fits\s+the\s+main\s+point\s+best\b|\bbest\s+matches\s+the\s+main\s+point\b"
        ),
    ),
    Topic(
        "conflicting_values",
        # 'If the certificate gives "as found" and "as left" readings, use the "as left" values', "if two dates
        # disagree use the later one", "prefer the value on the invoice over the email": which value wins is settled
        _p(
            r"\b(?:gives?|has|shows?|lists?|states?|contains?)\s+(?:both\s+)?[\"“']?[\w -]{2,25}[\"”']?\s+and\s+"
            r"[\"“']?[\w -]{2,25}[\"”']?\s+(?:values?|readings?|figures?|amounts?|dates?|prices?|totals?|numbers?)\b"
            r"[^.;\n]{0,40}?\b(?:use|take|keep|pick|prefer)\b|"
            r"\b(?:two|both|several|multiple|different|conflicting)\s+(?:values|readings|dates|amounts|totals|prices|"
            r"figures|numbers|addresses)\b[^.;\n]{0,40}?\b(?:use|take|keep|pick|prefer|go\s+with)\b"
            # (not how to write them: "For both dates use the format YYYY-MM-DD")
            r"(?!\s+(?:the\s+)?(?:same\s+)?(?:format|iso|notation|style))|"
            r"\b(?:use|take|keep|prefer)\s+the\s+(?:latest|most\s+recent|last|newest|later|higher|highest|lower|lowest)"
            r"\s+(?:one|value|reading|date|amount|figure|total|price)\b(?!\s+(?:list|code|format|version|sheet|table))"
        ),
        _p(r"\btwo\s+conflicting\s+values\s+for\s+a\s+field\b"),
    ),
    Topic(
        "personal_details",
        _p(
            r"\bask\s+(?:\w+\s+)?for\s+(?:the\s+|their\s+|his\s+|her\s+)?(?:account|order|booking|reference|email|phone|"
            r"name|customer|member|policy|ticket|postcode|zip)\b"
        ),
        _p(r"\bAsk\s+for\s+personal\s+details\b"),
    ),
    Topic(
        "finding_order",
        _p(
            r"\border\s+(?:the\s+)?(?:findings|issues|comments|problems)\b|\bsort\w*\s+(?:\w+\s+)?by\b|"
            r"\bmost\s+(?:important|serious|severe|critical)\s+first\b|\b(?:security|bugs?|correctness)\s+(?:issues\s+)?first\b|"
            # "BLOCKER first", "critical ones first", "by severity": the brief's own order of findings
            r"\bby\s+severity\b|\b(?:blockers?|blocking|critical|severe|major|p0|sev1|high(?:est)?(?:\s+severity)?)\s+"
            r"(?:findings?\s+|issues?\s+|ones\s+|comments?\s+)?first\b"
        ),
        _p(r"\bRank\s+findings\s+by\s+impact\b"),
    ),
    Topic(
        "child_harm",
        # A children's brief that says what to do when a child is hurt or unsafe, and whom to send them to.
        _p(
            r"\b(?:hurt(?:ing)?|unsafe|(?<!self-)(?<!self\s)harm(?:ed|ing)?|abus\w*|bull(?:y|ied|ying)|safeguard\w*|neglect\w*|"
            r"scared\s+to\s+go\s+home)\b|\bmachuc\w*|\bmedo\s+de\s+voltar|\bmaltrat\w*|\blastim\w*|\bacoso\b|"
            r"\bmisshandel\w*|\bgemobbt\b|\bharcel\w*|虐待|いじめ|被打|欺负|霸凌|"
            # "algo que suene a que lo está pasando mal en la casa", "si ça se passe mal à la maison"
            r"\bpasando\s+mal\b|\bpassando\s+mal\b|\bpasse\s+mal\b|\bzu\s+hause\s+(?:schlecht|schwierig)|\bsente\s+inseguro\b"
        ),
        _p(r"\btalk\s+to\s+a\s+trusted\s+adult,\s+such\s+as\s+a\s+parent\s+or\s+teacher\b"),
    ),
    Topic(
        "legal_referral",
        # "It's not a lawyer … suggest our free Thursday legal clinic": the brief's own referral for a person's case.
        _p(
            r"\bnot\s+a\s+(?:lawyer|solicitor|attorney)\b|\blegal\s+(?:clinic|advice\s+(?:line|service|clinic))\b|"
            r"\b(?:specific|own|individual)\s+(?:case|situation)\b[^.;]{0,60}\b(?:suggest|refer|send|point|tell|book)\b|"
            r"\bno\s+(?:es|soy)\s+abogad\w*|\bkein(?:e)?\s+(?:Anwalt|Anwältin)\b|\bpas\s+(?:un\s+)?avocat\b|"
            r"\bnão\s+(?:é|sou)\s+advogad\w*"
        ),
        _p(r"\bsuggest\s+a\s+qualified\s+lawyer\s+or\s+legal\s+aid\s+service\s+for\s+that\b"),
    ),
    Topic(
        "financial_referral",
        # "Say: "I can't give investment advice, but a licensed advisor can help." and offer transfer_to_advisor":
        # the brief's own referral for a person's money decisions replaces the pack's outside adviser.
        _p(
            r"\b(?:investment|financial)\s+advi[cs]e\b[^.;\n]{0,80}\b(?:advis[eo]rs?|planners?|transfer\w*|refer\w*)\b|"
            r"\b(?:licensed|our)\s+(?:financial\s+)?(?:advis[eo]rs?|planners?)\s+(?:can|will|is|are)\b|"
            r"\btransfer_to_\w*advis[eo]r\b"
        ),
        _p(r"\bsuggest\s+a\s+licensed\s+financial\s+adviser\s+for\s+their\s+situation\b"),
    ),
    Topic(
        "money_referral",
        # "Free, confidential budgeting help: call our partner GreenPath at …", "for debt advice, refer them to …":
        # the brief's own place for a person's money trouble replaces the pack's list of outside professionals
        _p(
            r"\b(?:budget(?:ing)?|debt|credit|money)\s+(?:help|advice|counsel\w*|support|coach\w*)\b[^.;\n]{0,80}"
            r"\b(?:call|contact|email|visit|refer|partner)\w*\b|\b(?:refer|send|point)\s+them\s+to\b[^.;\n]{0,40}\b"
            r"(?:budget\w*|debt\w*|credit\s+counsel\w*)"
        ),
        _p(
            r";\s+suggest\s+a\s+qualified\s+professional,\s+such\s+as\s+a\s+financial\s+adviser,\s+an\s+accountant\s+or\s+a\s+free\s+debt\s+or\s+tax\s+advice\s+service(?:,\s+for\s+their\s+case)?"
        ),
        phrase=True,
    ),
    Topic(
        "unassessable",
        # A grader brief that says what a missing point scores ("if they don't mention re-proving, that row gets 0").
        _p(
            r"\b(?:not|doesn'?t|don'?t|never|fail\s+to)\s+mention\w*[^.;]{0,60}\b(?:0|zero|no\s+marks?|nothing)\b|"
            r"\b(?:row|criterion|point|item|step)\s+gets?\s+(?:a\s+)?(?:0|zero|no\s+marks?)\b|"
            r"\b(?:missing|left\s+out|omitted)\b[^.;]{0,40}\b(?:0|zero|no\s+marks?)\b"
        ),
        _p(r"\bnot\s+assessable\b"),
    ),
)
