"""What an inquiry is about, as the answer's first sentence says it ("… vedrørende <topic>"): from its
subject line without the words that only say it is a question, else from its first question.

    subject_topic("Spørgsmål til skriftlig besvarelse - vikardækning i folkeskolen") -> "vikardækning i folkeskolen"
    subject_topic("Henvendelse fra Dagbladet om konsulentudgifter")                   -> "konsulentudgifter"
    subject_topic("Spørgsmål til borgmesteren")                                       -> None (says nothing)
    question_topic("Hvorfor er regnvandsbassinet ved Skovvej ikke blevet udvidet?")   -> "regnvandsbassinet ved Skovvej"
    question_topic("Hvor mange borgere fik afslag?")                                  -> None (too vague to say)

A topic is kept short and safe: a noun phrase with its prepositional parts, or nothing.
"""

from __future__ import annotations

import re

# the words that only say what kind of letter it is: "Spørgsmål om", "§20-spørgsmål om", "Svar på spørgsmål
# om", "Byrådsspørgsmål om", "Henvendelse fra Dagbladet om", "Vedr.:"
SUBJECT_LEAD = re.compile(
    r"^(?:(?:vedr\.?|vedrørende|angående|ang\.|svar\s+på|opfølgende|opfølgning\s+på\s+svar\s+på)\s*:?\s+"
    r"|(?:§\s*\d+\s*-?\s*)?\w*(?:spørgsmål|spm\.?|henvendelse|forespørgsel|anmodning)(?:et|ene)?"
    r"(?:\s+nr\.?\s*\d+)?(?:\s+(?:fra|til)\s+\S+(?:\s+[A-ZÆØÅ]\S*)?)?\s+(?:om|vedr\.?|vedrørende|angående|ang\.)\s+)",
    re.IGNORECASE)
# "Spørgsmål til skriftlig besvarelse - X", "Spørgsmål efter forretningsordenens § 20 – X": the kind, then the topic
_KIND_THEN_TOPIC = re.compile(r"^[^-–:]*(?:spørgsmål|spm\.?|besvarelse|henvendelse|spørgetid|§\s*\d+)[^-–:]*"
                              r"\s(?:-|–|:)\s+(?P<topic>.+)$", re.IGNORECASE)
# a subject that still starts with its kind after the lead is gone names no topic
_KIND = re.compile(r"^\S*(?:spørgsmål|spm\.?|henvendelse|forespørgsel|spørgetid)\b", re.IGNORECASE)
# what is left of a subject that says nothing: "Spørgsmål til borgmesteren", "Spørgsmål", "Henvendelse"
_EMPTY = re.compile(r"^(?:\w*(?:spørgsmål|spm\.?|henvendelse|forespørgsel|spørgetid)\w*|skriftlig|besvarelse|til|fra|"
                    r"og|svar|efter|i|borgmester(?:en)?|forvaltning(?:en)?|kommune(?:n)?|region(?:en)?|rådmand(?:en)?|"
                    r"udvalg(?:et)?|byråd(?:et)?|ministe(?:r|ren|riet)|referat|dagsorden|notat|brev|bilag|§|\d+|[A-ZÆØÅ]\w*\s+(?:kommune|byråd)|"
                    r"forretningsorden\w*|[-–:.,\s])*$", re.IGNORECASE)


def subject_topic(subject: str | None) -> str | None:
    """The topic of a subject line, or None when it only says that it is a question."""
    if not subject:
        return None
    text = " ".join(subject.split()).strip(" .:")
    kind = _KIND_THEN_TOPIC.match(text)
    if kind:
        text = kind.group("topic").strip(" .:")
    for _ in range(3):
        text = SUBJECT_LEAD.sub("", text).strip(" .:")
    if not text or _EMPTY.match(text) or not kind and _KIND.match(text):
        return None  # "Spørgsmål nr. 104 (Alm. del) fra …", "Spørgsmål til skriftlig besvarelse jf. § 11"
    return text


def in_sentence(topic: str, text: str) -> str:
    """The topic inside a sentence: a common noun starts in lower case ("cykelsti langs Ibækvej"), a
    name keeps its capital ("Grådybskolen", "Nyborg Slots Sommerkoncerter", "BIU")."""
    first = topic.split()[0]
    rest = topic.split()[1:]
    if len(first) < 2 or not first[0].isupper() or first[1].isupper():
        return topic
    if rest and rest[0][:1].isupper():
        return topic  # a name of several words
    lower = first[0].lower() + first[1:]
    words = set(re.findall(r"\w+", text))
    mid_sentence = re.search(rf"[a-zæøå,]\s+{re.escape(first)}\b", text)
    if lower not in words and mid_sentence:
        return topic  # written with a capital inside sentences, never without: a name
    return lower + topic[len(first):]


_AGENT = (r"(?:ministeren|forvaltningen|borgmesteren|administrationen|regionen|kommunen|rådmanden|direktøren|"
          r"udvalget|byrådet|regionsrådet|kommunalbestyrelsen|I|du)")
_FRAMES = [re.compile(p, re.IGNORECASE) for p in (
    r"^(?:og|men|endelig|desuden|derudover|samtidig)\s*,?\s+",
    # "Det ønskes oplyst, …", "Ministeren bedes oversende …", "Vil ministeren redegøre for …", "Jeg vil gerne vide, …"
    r"^(?:det\s+ønskes\s+(?:\w+\s+)?oplyst|(?:\w+\s+)?(?:bedes|anmodes\s+om\s+at)\s+(?:\w+\s+)?\w+e(?:\s+for)?"
    r"|jeg\s+(?:\w+\s+)?(?:\w+\s+)?(?:gerne\s+)?(?:have\s+oplyst|vide|høre|spørge\s+om)"
    rf"|(?:kan|vil)\s+{_AGENT}\s+(?:\w+\s+)?\w+e(?:\s+(?:for|mig|os|om))*"
    r"|(?:\w+\s+){0,2}(?:beder|anmoder)\s+(?:\w+\s+)?(?:om\s+(?:at\s+få\s+)?|\w+e(?:\s+for)?))\b\s*,?\s*",
    r"^(?:er\s+det\s+(?:korrekt|rigtigt))\s*,?\s*at\s+",
    r"^(?:hvor\s+(?:mange|meget|stor(?:e|t)?|lang(?:e|t)?|ofte)|hvilke[nt]?|hvad|hvem|hvornår|hvorfor|hvordan|"
    r"hvorvidt|om|på\s+hvilken\s+måde|i\s+hvilket\s+omfang)\s+(?:en\s+(?:del|andel)\s+(?:af\s+)?)?",
)]
# "I forbindelse med den nye daginstitution i Tølløse ønskes det oplyst, …": the topic is named first
_CONNECTION = re.compile(r"^(?:i\s+forbindelse\s+med|vedrørende|angående|med\s+hensyn\s+til)\s+", re.IGNORECASE)
# a verb, its subject and adverbs between the question word and the noun phrase ("Hvorfor er der lukket for …")
_SKIP = frozenset("""
har er var blev bliver vil kan skal må bør kommer får fik gives findes foreligger sker står gælder agter påtænker
der det man kommunen forvaltningen regionen ministeren borgmesteren administrationen du vi jeg de den
udvalget byrådet regionsrådet kommunalbestyrelsen magistraten rådmanden direktionen direktøren
ikke nu allerede fortsat stadig endnu også samlet reelt egentlig blevet været gjort
""".split())
_PARTICIPLE = re.compile(r"^(?:\w+eret|undersøgt|foretaget|modtaget|brugt|betalt|udbetalt|givet|bevilget|iværksat|"
                         r"igangsat|truffet|besluttet|lukket|åbnet|afsat|ansat|sat|fået|haft|lavet|planlagt|udarbejdet|"
                         r"vedtaget|indført|sket|solgt|købt|afholdt|behandlet|godkendt|overvejet|hørt|sendt|udsendt|"
                         r"fældet|udvidet|nedlagt|ændret|gennemført|brugte|betalte|udbetalte|modtog|gav|havde|fik|"
                         r"kostede|udgjorde|besluttede|valgte|tog|solgte|købte|ønskes|bedes)$", re.IGNORECASE)
_PREPOSITIONS = frozenset("af på i ved til for om langs mellem fra under over efter uden med mod".split())
# an adjective before its noun: "gennemsnitlige", "kommunale", "samlede", "private", "første" (a plural noun in -e,
# "borgere", "togafgange", ends the group instead)
_ADJECTIVE = re.compile(r"(?:ige|lige|ske|ale|ede|ste|ate|ive|ære|elle|ne|nde|rte|gte|store|gamle)$", re.IGNORECASE)
# a head that is an adjective or adverb, not a noun: "en hurtig", "Fremadrettet"
_ADJECTIVE_ONLY = re.compile(r"(?:ig|lig|isk|rettet)$", re.IGNORECASE)
_DETERMINERS = frozenset("den det de en et nye nyt ny".split())
_STOP = _SKIP | frozenset("""
og eller at som hvis når fordi hvor hvad hvem hvilke hvilken hvilket hvornår hvorfor hvordan om samt så sig
sin sit sine deres hans hendes jer os mig dem ham hende mere mest mange flere færre end
da idet selvom såfremt mens skønt
""".split())
# heads too vague to name what an inquiry is about: "Hvor mange borgere …" (counted things), and heads that
# say something only with what follows them ("status på …", "muligheden for …")
_VAGUE = frozenset("""
borgere personer børn unge ledige kommuner boliger medarbejdere ansatte gange gang dage timer sager kroner kr mio
elever patienter beboere familier husstande
""".split())
_RELATIONAL = frozenset("tal antal andel del status muligheder muligheden ting forhold årsagen begrundelsen "
                        "forbindelse relation henhold lyset".split())


def _word(token: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-zÆØÅæøåÉé][\wÆØÅæøå'’-]*", token)) and token.lower() not in _STOP \
        and not _PARTICIPLE.match(token)


def _plain_e(token: str) -> bool:
    return token[:1].islower() and token.endswith("e") and not _ADJECTIVE.search(token)


def _group(tokens: list[str], i: int) -> int:
    """The end of the noun group starting at tokens[i] (determiner, adjectives in -e, a noun, or a name)."""
    j = i
    determiner = j < len(tokens) and (tokens[j].lower() in _DETERMINERS or tokens[j].lower().endswith("ens"))
    j += determiner
    start = j
    while j < len(tokens) and _word(tokens[j]) and tokens[j].lower() not in _PREPOSITIONS:
        if j > start and tokens[j - 1][:1].isupper() and tokens[j][:1].islower() and not tokens[j - 1].endswith("s"):
            break  # a name ends where lower-case words begin ("Kan XX opnå …"; "Venstres liste" goes on)
        if j > start and all(_plain_e(t) for t in tokens[j - 1: j + 1]):
            break  # "den forbindelse redegøre": of two plain words in -e, the first is the noun
        j += 1
        word = tokens[j - 1]
        if word.endswith("-") and j + 1 < len(tokens) and tokens[j] in ("og", "eller"):
            j += 1  # "patient- og besøgsparkering"
            continue
        if j + 1 < len(tokens) and tokens[j] == "-" and tokens[j + 1] in ("og", "eller"):
            j += 2  # "Børn - og Ungeudvalget"
            continue
        adjective = _ADJECTIVE.search(word) or determiner and j - 1 == start  # "den nye", "de berørte"
        if word[:1].islower() and not (word.endswith("e") and adjective):
            break  # a noun ends the group; adjectives ("den nye", "samlede") go before it
        if j + 1 < len(tokens) and tokens[j] == "og" and tokens[j + 1][:1].isupper():
            j += 1  # "mellem Roskilde og Holbæk"
    if start < j < len(tokens) and tokens[j - 1][:1].islower() and re.fullmatch(r"[1-9]\d{0,2}|[A-ZÆØÅ]", tokens[j]):
        j += 1  # "linje 2", "kørsel A"
    return j if j > start else i


def question_topic(question: str) -> str | None:
    """The noun phrase a question is about, with its prepositional parts; None when it cannot be found
    or is too vague to be a subject."""
    text = re.split(r"[?;]|,\s+(?:og|men|eller|der|som|fordelt)\b", " ".join(question.split()))[0].lstrip(" \"“”»«'„")
    connection = _CONNECTION.match(text)
    if connection:
        text = text[connection.end():]
    else:
        for _ in range(3):
            for frame in _FRAMES:
                text = frame.sub("", text)
    spans = [m.span() for m in re.finditer(r"[\wÆØÅæøå'’-]+", text)]
    tokens = [text[a:b] for a, b in spans]
    if tokens and tokens[0][:1].isupper() and tokens[0].lower() in _STOP:
        tokens[0] = tokens[0].lower()  # "Udvalget anmoder …": a capital at the start of a sentence is no name
    i = 0
    while i < len(tokens) and (tokens[i].lower() in _SKIP - _DETERMINERS or tokens[i] == "I" and i > 0
                               or _PARTICIPLE.match(tokens[i])
                               or tokens[i][:1].isupper() and i + 1 < len(tokens) and tokens[i + 1] == "Kommune"
                               or tokens[i] == "Kommune"):
        i += 1
    if i and i + 1 < len(tokens) and tokens[i].lower() in _PREPOSITIONS:
        i += 1  # "Hvorfor er der lukket for tilmelding …", "hvad regionen brugte på vikarer …"
    end = _group(tokens, i)
    if end == i:
        return None
    head = next(t for t in reversed(tokens[i:end]) if not re.fullmatch(r"\d+|[A-ZÆØÅ]", t))
    while end + 1 < len(tokens) and tokens[end].lower() in _PREPOSITIONS and not tokens[end + 1].isdigit():
        after = _group(tokens, end + 1)
        if after == end + 1 or after - i > 8:
            break  # short: a phrase that would make it longer than eight words is left out
        end = after
    if end - i > 1 and tokens[end - 1].isdigit() and text[spans[end - 1][1]:][:1] in ("/", "-", "."):
        end -= 1  # "samrådet 3/9-21": a date, not a name's number
    words = tokens[i:end]
    chained = end > _group(tokens, i)
    if head.lower() in _VAGUE or head.lower() in _RELATIONAL and not chained or _ADJECTIVE_ONLY.search(head):
        return None
    if len(words) < 2 and (len(head) < 12 or i == 0 and head[:1].isupper()):
        return None  # one word says enough only when it is a long compound inside the sentence
    return " ".join(text[spans[i][0]:spans[end - 1][1]].split())
