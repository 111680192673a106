"""Multilingual cue stems per archetype, used as extra model features ("lex:<archetype>").

A training corpus of a few hundred briefs cannot show every word for every job in eight languages; these stems
(en, es, de, fr, pt, it, nl, ja, zh) carry that vocabulary to the model, which learns how much each cue is worth.
Stems match at a word start for alphabetic scripts, anywhere for CJK. They are cues, not rules: the model weighs
them against the rest of the brief.
"""

from __future__ import annotations

import re

# ruff: noqa: E501  (one archetype per line reads and greps better than split literals)

_LATIN: dict[str, str] = {
    "customer_support": r"customer (?:support|service|care)|support (?:bot|agent|team|ticket)|helpdesk|help desk|complain|complaint|refund|atenci[oó]n al cliente|servicio al cliente|reclam|devoluci|soporte|kundenservice|kundendienst|kundenanfrage|beschwerde|reklamation|erstattung|service client|sav\b|r[ée]clamation|rembourse|atendimento|suporte|reembolso|devolu[cç]|assistenza clienti|servizio clienti|klantenservice|klacht|customers? (?:ask|write|message|contact)|clientes|kunden|abonn[ée]s|subscribers|passengers|pasajeros|passageiros|members|socios|tenants|mieter|inquilinos|hotline|tickets?\b|chamados|reclamos|anfragen",
    "coding_assistant": r"cod(?:e|ing)\b|program|debug|script|function|python|javascript|typescript|java\b|rust\b|golang|\bgo code|c\+\+|kotlin|swift|react|django|rails|bash|regex|sdk|compiler|stack trace|bug fix|refactor|unit test|programaci|c[óo]digo|programm|quellcode|fehlermeldung|d[ée]velopp|programa[çc]|codice|programmeer|ansible|playbook|terraform|docker|kubernetes|k8s|yaml|elixir|phoenix|ruby|php|laravel|node|vue|angular|flutter|dart|scala|haskell|c#|\.net|dotnet|powershell|vba|apps script|sql alchemy|orm\b|frontend|backend|devops|api client|snippet|entwickler|desarrollador|d[ée]veloppeur|desenvolvedor|sviluppat",
    "code_reviewer": r"code review|review (?:my |the |our )?(?:pr|prs|pull|merge|diff|code)|pull request|merge request|\bdiffs?\b|\bprs?\b|revis(?:a|ar|e) (?:el |o )?c[oó]digo|revisi[oó]n de c[oó]digo|code-review|relecture de code|revue de code|审查|レビュー|コードレビュー",
    "tool_agent": r"(?<!human )(?<!live )(?<!support )(?<!sales )(?<!travel )(?<!estate )(?<!letting )(?<!insurance )\bagent(?!s?\s+(?:will|would|can|could|should|must|to\s+call)\b)|\bagente|tools?\b|herramienta|werkzeug|outil|ferramenta|strument|function call|api\b|apis\b|zzcall|autonom|book(?:s|ing)? (?:a |the )?(?:flight|hotel|meeting|room)|calendar|kalender|calendario|calendrier|can call|calls? (?:the|our)|tool ?use|function calling|mcp\b|webhook|integrat|acciones|aktionen|actions? (?:in|on)",
    "sql_analyst": r"sql|postgres|mysql|bigquery|snowflake|redshift|clickhouse|sqlite|data ?warehouse|dbt\b|quer(?:y|ies)|consulta|abfrage|requ[eê]te|datenbank|base de datos|banco de dados|base de donn|metric|m[ée]trica|kennzahl|pivot|excel formula|spreadsheet|dashboard|kpi|cohort|churn|revenue by|analytics|anal[íi]tica|datos de ventas|tables?\b|tabla|tabelle|tableau de bord",
    "research_analyst": r"research|investigaci|recherch|pesquis|ricerca|onderzoek|market (?:analysis|size|trend)|mercado|markt|march[ée]|mercato|(?<!discuss )(?<!mention )(?<!about )competit|concurren|wettbewerb|concorr|landscape|due diligence|literature|evidence|sources|fuentes|quellen|fontes|fonti|report on|briefing|benchmark|compare (?:vendors|competitors|options)|informe|bericht|rapport|relat[óo]rio|rapporto|white ?paper|study of|studie|[ée]tude",
    "data_extraction": r"extract|pull (?:out|the)|parse|structured data|json|schema|fields?\b|extrae|extraer|extrahier|extraire|extrair|estrai|haal .* uit|campos|felder|champs|grab|out of|return null|null for|codes?\b|entities|entidades|entit[ée]s|entit[äa]ten|fill (?:a|the) (?:form|template)|pull (?:name|the|out)|get the .{0,40} from|campos|dados de|datos de cada|herauszieh|ziehe .* heraus",
    "classification": r"classif|categori|label|tag (?:it|them|each|every|incoming|with)|assign (?:it |each |every |them )?(?:a |one )?(?:label|category|tag|class)|triage|route|sentiment|intent|bucket|clasific|etiquet|klassifi|kategori|einordnen|ordne .* zu|classer|cat[ée]goris|classific|sentimiento|stimmung|sentiment|categor[íi]a|cat[ée]gorie|kategorie|categoria|positiv|negativ|n[ée]gati|neutr|intenci[óo]n|intention|inten[çc][ãa]o|absicht|one of:|una de|l'une|eine der|which (?:department|team|queue)|priorit|urgenc|dringlich|detect the (?:language|intent|topic)",
    "content_moderation": r"moderat|modera|toxic|hate speech|harass|abuse|spam|scam|nsfw|profanit|policy violat|community guideline|trust and safety|flag (?:posts|comments|messages)|discurso de odio|acoso|hassrede|beleidigung|mobbing|haine|insulte|discurso de [óo]dio|golpe|haatzaai|prohibited|prohibid|verboten|interdit|proibid|proibit|grooming|bullying|acoso|violat|infring|approve/reject|allow/(?:review|remove)|remove|jailbreak|injection",
    "document_qa": r"knowledge base|\bkb\b|rag\b|retriev|help ?center|help-center|faq|handbook|manual|policy doc|documenta|provided (?:doc|text|article)|attached|uploaded|only (?:from|using|based)|cite|citing|grounded|base de conocimiento|art[íi]culos del centro|manual|handbuch|leitfaden|dokument|wissensdatenbank|document fourni|fourni|base de connaissances|documento fornecido|fornecid|documento fornito|regolamento|only answer|not in the|strictly (?:from|based)|solely|[úu]nicamente|uniquement|ausschlie[ßs]lich|somente|apenas|soltanto|published|sop|guidelines? (?:we|document)|zoning|code text|knowledge|conocimiento|wissen|connaissances|conhecimento|conoscenza|wiki|confluence|notion|sharepoint",
    "summarization": r"summar|sumar|tl;?dr|gist|condense|(?<!version or )(?<!tag or )(?<!hash or )digest|recap|boil down|key points|abstract|resum(?!es\b)|zusammenfass|fasse .* zusammen|r[ée]sum|synth[eè]se|riassun|samenvat|vat .* samen|shorten|brief(?:ly)?|overview|highlights|takeaways|puntos clave|kernpunkte|points cl[ée]s|pontos principais|in (?:\d|one|two|three|five) (?:sentences|bullets|lines)|en (?:tres|cinco) (?:puntos|frases)",
    "grader": r"grade (?:essays|answers|papers|exams|homework|submissions|student)|grading|grader|rubric|scor(?:e|ing)\b|evaluat|judge|rate (?:the|each)|mark (?:homework|essays|answers)|assess|calific|corregir ex|evalua|r[úu]brica|nota\b|bewert|benot|noten|korrigier|[ée]valu|noter|grille|barème|avaliar|avalia|valuta|beoordeel|cijfer|0-100|1-5|1-10|out of (?:10|20|100)|points? (?:out|per)|pass/fail|correctness|scorecard|checklist|rate (?:each|the quality)|puntua|punkte|note sur|nota de|voto",
    "tutor": r"tutor|teach|learn|study|studying|lesson|homework|quiz|exam prep|student|explain .* concept|socratic|coach|ense[ñn]a|aprend|estudi|tutor[ií]a|alumno|nachhilfe|lern|erkl[äa]r|sch[üu]ler|enseign|apprend|r[ée]vis|[ée]l[èe]ve|ensin|aprend|professor particular|insegn|studente|leer|exam|examen|pr[üu]fung|prova|exame|practi[cs]e|pr[áa]ctica|[üu]b(?:e|en|ung)|pratique|pratica|flashcard|beginners|principiantes|anf[äa]nger|d[ée]butants|iniciantes|learners|worked examples|ejemplos resueltos|step by step|paso a paso|schritt f[üu]r schritt",
    "writing_editor": r"proofread|edit(?:or|ing)?\b|rewrite|rephrase|grammar|typo|spelling|polish|clarity|concise|tone|reword|plain language|readab|corrig|ortograf|gram[áa]tica|reescrib|redacci|korrektur|rechtschreib|grammatik|umformulier|[üu]berarbeit|orthograph|r[ée][ée]cri|revisar texto|melhorar|verbeter|spelling|fix my (?:english|writing|grammar|text)|improve (?:my|the) (?:writing|text|wording)|style guide|ap style|simplif|vereinfach|wording",
    "translation": r"translat|locali[sz]|traduc|tradu|[üu]bersetz|lokalisier|vertaal|traduz|tradurre|traduci|subtitle",
    "marketing_copy": r"marketing|copywrit|\bads?\b|advert|tagline|slogan|caption|campaign|landing page|seo|product description|newsletter|promo|instagram|tiktok|linkedin post|publicidad|anuncio|werbe|anzeige|publicit|annonce|publicidade|an[úu]ncio|legenda|pubblicit|reclame|campa[ñn]|kampagne|campagne|campanha|outreach|cold email|promotional|brand voice|call to action|cta\b|headline|subject lines?|fiches? produits?|fichas? de productos?|produktbeschreibung|descri[çc](?:ão|ões) de produtos?|descripciones de productos?|product listings?|ad variations|copy\b|social media|redes sociales|r[ée]seaux sociaux|redes sociais|werbung",
    "roleplay_interviewer": r"role-?play|roleplay|(?<!never )(?<!not )(?<!n't )pretend|act as|play (?:a|an|the)|simulat|mock|interview|stay in character|\bnpc\b|dungeon master|game master|entrevista|simula(?!(?:ç|c)[aã]o\s+de\s+(?:cr[ée]dito|renegocia|parcel|financ|reembolso|empr[ée]stimo|consulta|pagamento))(?![^.]*\b(?:cpf|cet|parcelas?|d[íi]vidas?)\b)|vorstellungsgespr[äa]ch|spiele (?:einen|eine)|entretien|joue le r[ôo]le|rôle|interpret|colloquio|sollicitatie|stay in character|in character|play (?:my|the role)|you play|practi[cs]e (?:partner|conversations?|negotiat)|hiring manager|recruiter|reclutador|recruteur|recrutador|personaje|personnage|charakter|personagem",
    "meeting_email_assistant": r"meeting(?!\s+rooms?)|minutes|transcript|action items?|agenda|inbox|e-?mails?\b(?! (?:us|them|zzlink|at)\b)|follow-?up (?:e-?mails?|messages?|notes|tasks)|standup|stand-up|recap email|reuni[oó]n|acta|correo|besprechung|protokoll|meeting|r[ée]union|compte rendu|courriel|reuni[ãa]o|ata de|riunione|verbale|vergadering|notulen|call notes|weekly sync|team sync|1:1|one-on-one|minutes of|todo|to-do|replies to (?:emails|messages)|draft (?:a )?repl|vendor emails|e-mails? de|correos de|courriels",
    "general_assistant": r"everyday|anything|random|general purpose|trip|itinerar|recipe|gift|plan (?:a|my)|recommend|viaje|receta|regalo|reise|urlaub|rezept|geschenk|voyage|vacances|recette|cadeau|viagem|receita|presente|viaggio|regalo|vakantie",
}

_CJK: dict[str, str] = {
    "customer_support": r"客服|顧客|サポート|問い合わせ|退款|退货|投诉|返品|返金|窓口|转人工|人工客服|お客様|旅客|乘客|顾客|会员|お問い合わせ|咨询|受付|対応",
    "coding_assistant": r"代码|编程|程序|報错|报错|コード|プログラ|エラー|开发|開発|函数|関数|脚本",
    "code_reviewer": r"审查|代码审查|コードレビュー|プルリクエスト|マージリクエスト|合并请求|レビュー",
    "tool_agent": r"智能体|エージェント|工具|ツール|调用|呼び出|接口|API",
    "sql_analyst": r"SQL|查询|クエリ|数据库|データベース|数仓|指标",
    "research_analyst": r"调研|研究|调查|調査|リサーチ|市场|市場|竞品|競合|分析报告|レポート",
    "data_extraction": r"提取|抽出|JSON|字段|項目|提取出|取り出",
    "classification": r"分类|分類|归类|判定|判断|情感|感情|意图|意図|标注|ラベル|标签|类别|カテゴリ|正面|负面|ポジティブ|ネガティブ|意图|どれか|いずれか",
    "content_moderation": r"审核|违规|違反|有害|辱骂|色情|垃圾广告|スパム|仇恨|モデレーション|禁止|违禁|規約|审查内容|不当",
    "document_qa": r"文档|ドキュメント|手册|マニュアル|规程|規程|根据|基づ|基于|根拠|出处|引用|帮助中心|ヘルプ",
    "summarization": r"总结|摘要|要約|概要|まとめ|要点",
    "grader": r"打分|评分|採点|評価|评估|批改|评语|点数|分数",
    "tutor": r"辅导|老师|教える|家庭教師|学习|学習|勉強|讲解|練習問題|练习|クイズ|先生|生徒|学生|考试|試験|练习题|例题|教えて|辅导",
    "writing_editor": r"润色|改写|書き直|修改|校正|誤字|语法|文法|添削|推敲|读みやす|読みやす|直して|わかりやすく|简洁|通顺|表达",
    "translation": r"翻译|翻訳|译|訳|中英|英中|日英|英日",
    "marketing_copy": r"文案|广告|広告|キャッチコピー|宣传|宣伝|种草|促销|投稿文|SNS",
    "roleplay_interviewer": r"扮演|演じ|面试官|面接官|模拟|模擬|角色|役を|なりきって|NPC",
    "meeting_email_assistant": r"会议|会議|纪要|議事録|邮件|メール|待办|ToDo|アクションアイテム|打ち合わせ|行动项",
    "general_assistant": r"日常|旅行|献立|推荐|おすすめ|礼物|プレゼント|计划一次|旅|挑选|选购|买|選んで|おすすめ",
}

CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (archetype, re.compile(rf"(?<!\w)(?:{_LATIN[archetype].lower()})|{_CJK[archetype].lower()}"))
    for archetype in _LATIN
)
"""(archetype id, compiled cue pattern), in a fixed order. Matched against lowercased text, which is about twice
as fast as re.IGNORECASE on these long alternations."""


def cue_features(prepared: str) -> list[str]:
    """The "lex:<archetype>" features whose cues occur in the prepared brief, in a fixed order."""
    lowered = prepared.lower()
    return [f"lex:{archetype}" for archetype, pattern in CUES if pattern.search(lowered)]
