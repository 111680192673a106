"""Multilingual cues that tell a brief's sensitive domain (medical, mental health, legal, financial, children).

Each domain has strong cues, enough on their own ("patients", "therapist", "lawyer", "401(k)", "kids"), and weak
cues that are ambiguous alone ("symptoms" of a memory leak, a basketball "court", "stocks" in a warehouse, a
design "portfolio"): a domain is detected on one strong cue or on two different weak ones. Latin-script cues
match at a word start in lowercased text; CJK cues match anywhere. English, Spanish, German, French,
Portuguese, Japanese and Chinese are covered.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from app.engine.fastre import prefiltered


class DomainCues(NamedTuple):
    """The compiled strong and weak cue patterns of one domain."""

    domain: str
    strong: re.Pattern[str]
    weak: re.Pattern[str] | None


def _compile(latin: str, cjk: str = "") -> re.Pattern[str]:
    alternatives = [rf"(?<![\w-])(?:{latin})"]
    if cjk:
        alternatives.append(f"(?:{cjk})")
    return prefiltered(re.compile("|".join(alternatives)))


_TECH_AFTER = (
    r"(?!\s+(?:process|element|node|table|component|class|theme|record|row|entity|task|thread|widget|key|span))"
)

# "kids parties", "children's menu", "kids' tickets": something adults book or buy for children, who are not the ones
# talking to the assistant
_BOUGHT_FOR_KIDS = (
    r"(?!(?:['’]s?)?\s+(?:birthday\s+)?(?:parties|party|menus?|meals?|tickets?|prices?|pricing|sizes?|clothing|clothes|"
    r"shoes|rates?|discounts?|bookings?|"
    # what is rented or sold in children's sizes ("how many kids' boots did we rent"): stock, not a reader
    r"boots|skis?|snowboards?|bikes?|bicycles?|helmets?|(?:car\s+)?seats?|equipment|gear|toys?|books?|rentals?|hire|"
    r"items?|products?|ranges?|"
    # "kids welcome with an adult", "children must be accompanied": a house rule for groups that adults book
    r"(?:are\s+)?(?:welcome|allowed)\s+(?:with|if\s+accompanied|when\s+accompanied)|go\s+free|must\s+be\s+accompanied|"
    r"with\s+an?\s+(?:adult|parent))\b)"
)

MEDICAL = DomainCues(
    "medical",
    _compile(
        r"medical|medicine|medicines|medication|patients\b|patient's|"
        r"patient[- ](?:portal|intake|care|records?|notes|data|education|questions|information|safety|facing|support)|"
        # ("our Tuesday drop-in clinic", "a legal clinic", "the tax clinic": advice sessions, not health care)
        r"(?<!legal )(?<!law )(?<!tax )(?<!advice )(?<!housing )(?<!tenant )(?<!tenants' )"
        r"(?<!tenants )(?<!debt )(?<!money )(?<!benefits )(?<!repair )(?<!bike )(?<!business )clinics?\b|"
        r"clinical(?!\s+psycholog)|clinician|health ?care|"
        r"telehealth|telemedicine|nurses?\b|nursing|doctors?\b|physicians?|gp appointment|dosages?|prescription|"
        r"hospitals?|pharmac|first aid|illness|diseases?|diabet|insulin|blood (?:sugar|pressure|tests?)|"
        # ("allergens on the menu", "allergies or dietary needs" for a caterer: food, not health care)
        r"(?<!dietary needs or )(?<!dietary needs and )(?<!dietary requirements or )(?<!dietary requirements and )"
        r"allerg(?!ens?\b)(?!(?:y|ies)\s+(?:or|and|&|/)\s*dietary)(?!y\s*[:：])|"
        r"pregnan|dietitian|symptom checker|symptom triage|triage nurse|nurse line|"
        r"health (?:questions?|advice|information|concerns?|conditions?|problems?)|lab results|poison|emergency vet|"
        r"sexual health|reproductive health|contracepti|"
        # es / pt / fr / de
        r"m[ée]dic[oa]s?\b|m[ée]dicament|pacientes\b|s[íi]ntomas?|sintomas|cl[íi]nicas?\b|hospital|enfermer|"
        r"urgencias|rem[ée]dio|sa[úu]de f[íi]sica|"
        r"arzt|[äa]rztin|[äa]rzte|patienten|symptome|klinik|krankenhaus|medikament|krankheit|notaufnahme|"
        r"m[ée]decin|sympt[ôo]mes?|clinique|h[ôo]pital|infirmi|maladie",
        r"医療|病院|患者|症状|医師|診断|処方|看護|クリニック|診療|服薬|医疗|医院|病人|医生|诊断|药物|用药|护士|门诊|问诊|病情",
    ),
    _compile(
        r"symptoms?\b|diagnos|patient\b|paciente\b|injur(?:y|ies)|nutrition|treatments?\b|"
        r"pain\b(?! points?)|health\b(?!\s*-?checks?)|"
        r"wellness|side effects|veterinar|vets?\b|"
        r"salud\b|gesundheit|sant[ée]\b|sa[úu]de\b|dolor|schmerz|douleur|dor\b",
        r"健康|薬|药",
    ),
)

MENTAL_HEALTH = DomainCues(
    "mental_health",
    _compile(
        r"mental health|mental[- ]wellbeing|therap(?:y|ist|ists|eutic)\b|counsell?(?:ing|or|ors)\b|anxiety|"
        r"depress(?:ion|ed|ive)\b|emotional (?:support|wellbeing|well-being|distress)|self[- ]harm|suicid|"
        r"psychiatr|panic attacks?|ptsd|addict|crisis (?:line|hotline|support)|eating disorder|"
        r"feel(?:s|ing)? (?:so |really )?(?:low|down|hopeless|worthless|empty)\b|grief|grieving|bereave|"
        r"(?:not |no longer )?want(?:s|ing)? to (?:live|die|end it)|kill(?:ing)? (?:myself|themselves|herself|himself)|"
        r"end(?:ing)? (?:my|their|his|her) (?:own )?life|"
        r"salud mental|ansiedad|depresi[óo]n|terapia|terapeuta|autolesi|apoyo emocional|"
        r"psychische gesundheit|angstst[öo]rung|[äa]ngste|depression|therapie|therapeut|suizid|selbstverletz|"
        r"seelisch|emotionale unterst[üu]tzung|"
        r"sant[ée] mentale|anxi[ée]t[ée]|d[ée]pression|th[ée]rapie|th[ée]rapeute|automutil|soutien [ée]motionnel|"
        r"sa[úu]de mental|ansiedade|depress[ãa]o|suic[íi]d|automutila|apoio emocional|acolhimento emocional",
        r"メンタルヘルス|心の健康|うつ|鬱|不安障害|自殺|自傷|カウンセリング|心理|悩み相談|希死念慮|"
        r"心理健康|抑郁|焦虑|自杀|自残|心理咨询|情绪支持|倾诉|轻生",
    ),
    _compile(
        r"lonely|loneliness|grief|griev|stress(?:ed)?\b|burn-?out|trauma|psycholog|well-?being|mood|"
        r"listens?\b|coping|peer[- ]support|journaling|mindfulness|sad(?:ness)?\b|overwhelmed|"
        r"soledad|duelo|estr[ée]s|einsamkeit|trauer|solitude|deuil|solid[ãa]o|luto",
        r"孤独|ストレス|悲し|落ち込|压力|难过|情绪",
    ),
)

LEGAL = DomainCues(
    "legal",
    _compile(
        r"legal (?:advice|information|questions?|issues?|matters?|help|aid|assistant|rights?)|lawyers?|attorneys?|"
        r"law firm|lawsuits?|litigation|eviction|tenancy|tenant rights|landlord|divorce|child custody|custody|"
        r"solicitors?|paralegal|court (?:rulings?|decisions?|cases?|judgments?|orders?|dates?|hearings?)|"
        r"statutes?|small claims|employment law|immigration law|"
        r"abogad|asesor[íi]a (?:legal|jur[íi]dica)|jur[íi]dic|desahucio|demanda judicial|"
        r"rechtsanwalt|anwalt|anw[äa]ltin|rechtsberatung|rechtlich|mietrecht|arbeitsrecht|k[üu]ndigungsschutz|"
        r"avocat|juridique|conseil juridique|droit du travail|expulsion locative|"
        r"advogad|direito do trabalho|a[çc][ãa]o judicial|despejo",
        r"法律|弁護士|法的|訴訟|裁判|法务|律师|诉讼|法院|合同纠纷|劳动法",
    ),
    _compile(
        r"court\b|courts\b|tenants?\b|visas?\b|immigration|laws?\b|contracts?\b|rights\b|lease\b|"
        r"legal\b|ley(?:es)?\b|gesetz|gericht|loi\b|lois\b|tribunal|lei\b|leis\b|inquilin|mieter|locataire",
        r"契約|合同|权益",
    ),
)

FINANCIAL = DomainCues(
    "financial",
    _compile(
        r"investing|investments?\b|stock (?:picks?|tips?|market)|stocks and bonds|401\(?k\)?|"
        r"retirement (?:savings?|accounts?|planning)|cryptocurrenc|crypto (?:wallet|exchange|trading|coins?|assets?)|"
        r"bitcoin|ethereum|brokerage|robo[- ]?advis|etfs?\b|index funds?|mutual funds?|personal finance|"
        r"financial (?:advice|planning|planner|adviser|advisor|decisions?|education|coach)|wealth management|"
        r"mortgages?|tax advice|tax returns?|tax filing|debt (?:relief|consolidation|advice)|"
        r"invers(?:i[óo]n|iones|ores?)|invertir|criptomoneda|finanzas personales|asesor financiero|hipoteca|"
        r"geldanlage|anlageberatung|investier|aktien|finanzberatung|altersvorsorge|krypto|hypothek|"
        r"investissement|investir|conseil financier|conseiller financier|bourse\b|cryptomonnaie|pr[êe]t immobilier|"
        r"investimento|criptomoeda|finan[çc]as pessoais|consultor financeiro|aposentadoria|hipoteca|"
        r"declaraci[óo]n de la renta|asesoramiento fiscal|steuererkl[äa]rung|steuerberatung|d[ée]claration de revenus|"
        # ("nómina", never "pilulier nominatif" or "nominal")
        r"imp[ôo]t sur le revenu|conseil fiscal|imposto de renda|declara[çc][ãa]o de irpf|payslips?|pay ?stubs?|"
        r"lohnabrechnung|gehaltsabrechnung|fiche de paie|bulletin de salaire|n[óo]minas?\b|holerite|contracheque",
        r"投資|株式(?!会社)|資産運用|仮想通貨|暗号資産|住宅ローン|投资|股票|理财|基金|加密货币|房贷|炒股|养老金",
    ),
    _compile(
        # (not "check_stock", "in stock", "budget/mid/premium tyres": a shop's stock and price tiers)
        r"invest(?:ed|ors?|s)?\b|accountants?\b|tax\b|gambling|(?<![\w])(?<!in )(?<!of )stocks?\b(?!_)|trading|"
        r"traders?\b|portfolios?\b|pensions?\b|retirement|wealth|budget(?:ing)?\b(?!\s*/)"
        r"(?!\s+(?:tyres?|tires?|brands?|range|tier|options?|models?))|savings\b|"
        r"credit cards?|loans?\b|debt\b|money\b|finance|financial|taxes|"
        r"acciones|bolsa|jubilaci[óo]n|pr[ée]stamo|ahorro|dinero|depot|rente|geld|kredit|"
        r"actions\b|retraite|[ée]pargne|argent|a[çc][õo]es|poupan[çc]a|dinheiro|empr[ée]stimo",
        r"年金|貯金|お金|ローン|储蓄|贷款|钱",
    ),
)

CHILDREN = DomainCues(
    "children",
    _compile(
        rf"(?:kids?\b|kid's|kids'|children(?:'s)?|child(?:'s)?\b{_TECH_AFTER}){_BOUGHT_FOR_KIDS}|toddlers?|preschool|"
        r"kindergarten|"
        r"primary school|elementary school|young (?:learners|children|readers)|minors\b|under 13|"
        r"(?:ages?|aged) (?:[3-9]|1[0-2])\b|(?:[3-9]|1[0-2])[- ]year[- ]olds?|"
        r"ni[ñn]os|ni[ñn]as|infantil|menores de edad|kinder\b|kindern\b|grundsch[üu]l|kita\b|"
        r"enfants?\b|[ée]cole primaire|maternelle|crian[çc]as?|ensino fundamental",
        r"子ども|子供|児童|小学生|幼児|キッズ|儿童|孩子|小学生|幼儿|小朋友|少儿",
    ),
    _compile(
        r"pupils?\b|parents?\b|bedtime|nursery|teens?\b|teenagers?\b|adolescen|(?:ages?|aged) 1[3-7]\b|school\b|"
        r"padres|eltern|schule|[ée]cole|escola|jugendlich\w*|ados\b|ragazz[ie]\b|tieners?\b"
    ),
)

DOMAIN_CUES: tuple[DomainCues, ...] = (MEDICAL, MENTAL_HEALTH, LEGAL, FINANCIAL, CHILDREN)
"""In pack order."""

PERSON_FACING = _compile(
    # "reads an incoming chat message": a chat log is input, not a conversation with the person
    r"companion|chat(?:bot)?s?\b(?!\s+(?:messages?|logs?|transcripts?|history|exports?))|"
    # ("a helpline chat assistant", not "the helpline the team shares": a number named is no conversation)
    r"talks? (?:to|with)|listens?\b|conversations?|(?:helpline|hotline)(?= (?:chat|bot|assistant|agent|volunteer))|"
    r"support(?:s|ing)? "
    r"(?:people|users|parents|patients|students|members|families|adults|teens|someone)|"
    r"(?:answers?|replies|responds?) (?:to )?(?:people|users|patients|customers|parents|questions)|"
    r"(?:people|users|patients|parents|members|customers|callers|clients|students) (?:who )?(?:ask|write|message|"
    r"chat|talk|describe|share|reach out|come)|advice|advise|coach|check-?ins?|buddy|friend|"
    r"acompa[ñn]|compa[ñn]er|conversa|escucha|respond[ae]\b|contest[ae]\b|atiend|beantwort|r[ée]pond|"
    r"begleit|gespr[äa]ch|zuh[öo]r|accompagn|compagnon|[ée]coute|"
    r"acolh|apoio|apoyo|unterst[üu]tz|soutien",
    r"寄り添|相談|対話|チャット|話し相手|答え|陪伴|聊天|倾听|对话|咨询|倾诉|回答",
)
"""The assistant talks with a person (rather than labelling, extracting or translating text about the domain)."""


def detected(cues: DomainCues, lowered: str) -> bool:
    """True on one strong cue or on two different weak ones."""
    if cues.strong.search(lowered):
        return True
    if cues.weak is None:
        return False
    # ("parents" and "parent", "loan" and "loans": one word in two forms is one cue)
    return len({_STEM.sub("", m.group(0)) for m in cues.weak.finditer(lowered)}) >= 2


_STEM = re.compile(r"(?:['’]s|['’]|e?s|e)$")


INVESTING = _compile(
    r"invest|stocks?\b|shares\b|securit(?:y|ies)|bonds?\b|funds?\b|etfs?\b|crypto|bitcoin|ethereum|portfolio|"
    r"retirement|pensions?\b|401\(?k|ira\b|brokerage|trading|traders?\b|wealth|robo[- ]?advis|returns?\s+on|"
    r"inversi|invertir|acciones|bolsa|fondos?\b|jubilaci|geldanlage|anlage|aktien|fonds|rente|altersvorsorge|krypto|"
    r"investir|bourse|placements?|retraite|investimento|a[çc][õo]es|aposentadoria|previd[êe]ncia",
    r"投資|株式(?!会社)|資産運用|仮想通貨|暗号資産|年金|投资|股票|理财|基金|加密货币|养老金|炒股",
)
"""Investing, as opposed to pay, tax, bills or budgets: only then do the rules about securities and returns apply."""

ANIMAL_CARE = _compile(
    r"vets?\b(?!-free)|veterinar|pets?\b(?!-free)|dogs?\b|cats?\b|pupp(?:y|ies)|kittens?|animals?\b|horses?\b|livestock|"
    # (a farm's animals: the medicine is theirs, and `evidence.livestock_only` then drops the pet-care pack too)
    r"cattle|sheep|cows?\b|ewes?\b|lambs?\b|calves|heifers?|pigs?\b|poultry|herds?\b|flocks?\b|bovins?|ovins?|"
    r"b[ée]tail|troupeaux?|ganado|vieh\b|gado\b|bestiame|vee\b|"
    r"tierarzt|tierärzt|tierklinik|haustier|v[ée]t[ée]rinaire|animaux|animal de compagnie|mascotas?|veterin[áa]ri",
    r"獣医|ペット|动物医院|宠物|兽医",
)
"""Cues that the care is for animals: the veterinary pack then replaces the medical one."""

PLANT_CARE = _compile(
    # (not "a plant-based diet", "the garden" of a nursing home, "Orchard Medical Practice": plants or a garden named,
    # not cared for)
    r"plants?\b(?!-based)|houseplants?|gardening|gardeners?\b|garden centres?|garden centers?|crops?\b|shrubs?|"
    r"lawn\s+care|seedlings?|horticultur|agronom|vineyards?|greenhouses?|plant\s+nurser(?:y|ies)|"
    r"pflanzen|g[äa]rtnerei\w*|plantas?\b|vivero|jardiner[íi]a|cultivos?|plantes?\b|jardinerie|"
    r"lavouras?|trees?\b|tree\s+surgeons?|lawns?\b|arbres?\b|arbustes?|jardiniers?|árboles?|césped|bäume|rasen\b|"
    r"alberi|piante|árvores?|gramado",
    r"植物|園芸|ガーデニング|作物|盆栽|园艺|农作物",
)
"""Cues that the care is for plants: 'diagnose plant diseases' and 'suggest treatments' for a leaf then say nothing
about a person's health."""
