"""Sentences in which the requester talks about the request, not to the assistant.

"…アシスタントを作りたいです。", "我想做一个帮客户查订单的机器人。", "I'd like a bot that books tables." say
what the requester wants built (the job, not a rule: the role line states it); "使えるツールは下の表のとおりです。",
"工具如下：", "Here are the tools:" point at the material below (the tools section states it). As rules, the
assistant would be told to "want an assistant" or that "the tools are below".
"""

from __future__ import annotations

import re

_AGENTS_JA = r"(?:アシスタント|ボット|チャットボット|bot|AI|エージェント|仕組み|システム|プロンプト|窓口)"
_AGENTS_ZH = r"(?:机器人|機器人|助手|助理|客服|bot|AI|智能体|智能體|提示词|提示詞|系统|系統|agent)"
_AGENTS_EU = r"(?:bot|chatbot|assistant|agent|helper|asistente|assistente|assistent|assistentin|agente|ayudante|helfer)"
_WANTS = re.compile(
    # "…アシスタントを作りたいです", "…ボットがほしい", "…AIを導入したいと考えています"
    rf"{_AGENTS_JA}(?:を|が)(?:作り|作成し|用意し|導入し|開発し|構築し|作って(?:もらい|ほし))?(?:たい|ほしい|欲しい)"
    r"(?:です|と思っています|と思います|と考えています)?[。.！!]?\s*$|"
    # "我想做一个…的机器人", "我们需要一个助手，…", "想搭建一个客服机器人"
    r"^\W*(?:(?:我们|我們|我)(?:想|想要|需要|希望|打算)|想)(?:做|搭建|建|建立|开发|開發|创建|創建|弄|有|要)?(?:一个|一個|个|個)?"
    rf"[^。！？\n]{{0,60}}?{_AGENTS_ZH}|"
    # "I want a bot that …", "We'd like an assistant for …", "Quiero un asistente que …", "Ich möchte einen Bot, der …"
    r"^\W*(?:(?:i|we)\s+(?:want|need|would\s+like|'d\s+like)|quiero|queremos|necesito|necesitamos|quero|queremos|"
    r"preciso|precisamos|ich\s+(?:möchte|will|brauche|hätte\s+gern)|wir\s+(?:möchten|wollen|brauchen)|je\s+veux|"
    r"je\s+voudrais|nous\s+voulons|il\s+(?:me|nous)\s+faut|vorrei|voglio|ci\s+serve|mi\s+serve|ik\s+wil|wij\s+willen)"
    rf"\s+(?:(?:a|an|one|un|una|uno|um|uma|einen|eine|ein|une|een)\s+)(?:[\w'’-]+\s+){{0,3}}?{_AGENTS_EU}\b",
    re.IGNORECASE,
)
_POINTS_BELOW = re.compile(
    # "使えるツールは下の表のとおりです", "利用できるツールは以下です", "ツール一覧は下記の通り"
    r"^\W*(?:(?:使える|利用できる|使用できる|呼び出せる)\s*)?(?:ツール|関数|機能)(?:一覧)?は\s*(?:下|以下|下記)(?:の表)?"
    r"(?:の(?:とおり|通り)|です|にまとめ)[^。\n]{0,8}[。.:：]?\s*$|"
    # "工具如下：", "可用的工具如下", "能调用的工具见下表", "以下是可用工具："
    r"^\W*(?:(?:可用|可以用|能用|能调用|能調用|可调用|可調用)(?:的)?)?(?:工具|函数|函數)(?:列表)?(?:如下|见下表|見下表|在下面)"
    r"\W*$|^\W*以下是(?:可用的?|能用的?)?(?:工具|函数|函數)\W*$|"
    # "Here are the tools:", "The tools are below.", "Aquí están las herramientas:", "Voici les outils :"
    r"^\W*(?:here\s+are\s+the\s+(?:tools|functions)|the\s+(?:tools|functions)\s+are\s+(?:below|as\s+follows)|"
    r"aquí\s+(?:están|tienes)\s+las\s+(?:herramientas|funciones)|estas\s+son\s+las\s+herramientas|"
    r"hier\s+sind\s+die\s+(?:tools|werkzeuge|funktionen)|voici\s+les\s+(?:outils|fonctions)|"
    r"ecco\s+(?:gli\s+strumenti|le\s+funzioni)|aqui\s+estão\s+as\s+(?:ferramentas|funções)|"
    r"hier\s+zijn\s+de\s+(?:tools|functies))\b[^.\n]{0,20}[.:]?\s*$",
    re.IGNORECASE,
)


# words that make a wish a rule as well ("Quero um assistente que nunca dê descontos": the ban still binds)
_RULE_WORDS = re.compile(
    r"\b(?:never|not|no|don't|always|only|must|nunca|jamais|jamás|nie|niemals|immer|nur|sempre|siempre|toujours|"
    r"seulement|solo|sólo|só|apenas|mai|ne|não|nicht|kein|keine|keinen|nooit|altijd|alleen)\b|しない|禁止|不要|不能|别|別|只",
    re.IGNORECASE,
)


def wants_assistant(text: str) -> bool:
    """Whether a sentence is the requester saying what assistant they want built ("…アシスタントを作りたいです")."""
    return _WANTS.search(text.strip()) is not None


def points_below(text: str) -> bool:
    """Whether a sentence only points at the brief's material below ("使えるツールは下の表のとおりです。")."""
    return _POINTS_BELOW.search(text.strip()) is not None


# What the requester does or pastes: "Te pego mis apuntes … y tú me preparas el correo", "Ti incollo il verbale",
# "Je te colle mes notes", "I'll paste the minutes", "Después de cada junta tengo que mandar un correo …", "Dopo ogni
# assemblea devo mandare …", "After every meeting I have to send …": context about the requester's routine.
_REQUESTER_DOES = re.compile(
    r"^\W*(?:(?:y\s+)?te\s+(?:pego|paso|copio)|(?:e\s+)?ti\s+(?:incollo|passo|copio)|je\s+(?:te|vous)\s+(?:colle|copie|"
    r"transmets)|(?:und\s+)?ich\s+(?:füge|kopiere|schicke|gebe)\s+(?:dir|ihnen|euch)|eu\s+(?:colo|copio|te\s+passo)|"
    r"(?:te|lhe)\s+(?:colo|passo)|ik\s+(?:plak|kopieer|stuur)|(?:i|we)(?:'ll|\s+will)?\s+(?:paste|copy|send\s+you|"
    r"give\s+you))\b|"
    r"^\W*(?:after|después\s+de|tras|dopo|après|nach|na|depois\s+d[eao])\b[^.\n]{0,80}?\b(?:i\s+(?:have\s+to|must|need\s+"
    r"to)|tengo\s+que|debo|devo|je\s+dois|il\s+faut\s+que\s+je|ich\s+muss|moet\s+ik|tenho\s+(?:de|que)|preciso)\b|"
    # "El desarrollador nos ha pasado esto:", "Our developer sent this:": what someone gave the requester
    r"^\W*(?:el|la|o|a|il|le|der|die|de|our|the|my)\s+(?:\w+\s+){0,2}(?:nos|me|ci|mi|nous|uns|mir|ons|us|me)?\s*"
    r"(?:ha|han|hat|a|heeft|has|have)\s+(?:pasado|enviado|mandado|passato|mandato|envoyé|passé|geschickt|gegeben|"
    r"gestuurd|gegeven|sent|given|shared|passado)\s+(?:esto|esta|questo|ceci|ça|das|dit|this|isto|us\s+this)\W*$",
    re.IGNORECASE,
)
# "Regras (muito importantes):", "Reglas:", "Wichtig:": a short heading line that introduces the rules below
# (not "A evitar:", "Never:": a ban heading whose items are bans)
_HEADING = re.compile(
    r"^\W*(?:(?:some|our|the|as|las|los|les|die|le|de|i|algumas|algunas)\s+)?(?:(?:hard|main|basic|house|harde|"
    r"wichtige|importantes?|principales)\s+)?(?:rules|regras|reglas|regeln|r[èe]gles|regole|regels|importante?s?|"
    r"important|wichtig|notes?|notas?|hinweise?|context[eo]?|kontext|achtergrond|background)\b[^.!?\n:]{0,30}:\s*$",
    re.IGNORECASE,
)
_REPLY_WORDS = re.compile(
    r"\b(?:reply|answer|output|respond|write|return|say|use|start|end|format|responde|responda|contesta|réponds|"
    r"répondez|antworte|schreibe?|rispondi|scrivi|antwoord|escreve|escribe|écris|commence|empieza|begin)\w*\b",
    re.IGNORECASE,
)


def requester_does(text: str) -> bool:
    """Whether a sentence tells what the requester does or pastes, or is a bare heading line ending in ":"."""
    stripped = text.strip()
    if _RULE_WORDS.search(stripped) is not None and _REQUESTER_DOES.search(stripped) is None:
        return False
    if _REQUESTER_DOES.search(stripped) is not None:
        return _RULE_WORDS.search(_REQUESTER_DOES.sub("", stripped)) is None
    return _HEADING.match(stripped) is not None and _REPLY_WORDS.search(stripped) is None


def requester_voice(text: str) -> bool:
    """Whether a sentence is the requester talking about the request, not a rule for the assistant (a wish that
    also says "never", "always" or "only" is a rule too)."""
    return (wants_assistant(text) and _RULE_WORDS.search(text) is None) or points_below(text) or requester_does(text)
