"""English."""

from tqcheck.lang import Antonymy, Language, Negation, Numbers

_WEEKDAYS_MONTHS = """monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december"""

LANGUAGE = Language(
    code="en",
    name="English",
    negation=Negation(
        # besides the plain negators, the words translators use in their place ("unlikely" for
        # "não é provável", "hardly", "lacking", "unless"), so a paraphrase keeps the count
        cues=r"not|n't|no|never|neither|nor|none|nobody|nothing|nowhere|without|cannot|no longer"
        r"|unlikely|hardly|barely|scarcely|seldom|rarely|unless|lacks?|lacking|lacked|fail(?:s|ed|ing)?"
        r"|refus(?:e|es|ed|ing)|den(?:y|ies|ied|ying)|absent|instead of|rather than",
        plain=r"no longer|not|never|no|cannot|\w*n['’]t",
        # "not only … but also", litotes ("no small part", "not unfounded"), fixed phrases
        idioms=r"not only|not just|not least|never mind|no doubt|no matter|no (?:small|little|mean)\b|not un\w+"
        r"|not to (?:mention|say)",
        contractions={"can't": "can", "cannot": "can", "won't": "will", "shan't": "shall", "ain't": "is"},
        auxiliaries={"do": "base", "does": "third", "did": "past"},
    ),
    numbers=Numbers(
        cardinals={
            "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
            "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
            "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
            "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
            "dozen": 12, "twice": 2, "double": 2, "triple": 3, "thrice": 3,
        },
        soft={
            **dict.fromkeys("one a an single once first".split(), 1), "second": 2, "third": 3, "fourth": 4,
            "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "half": 0.5,
        },
        articles=frozenset({"a", "an", "one"}),
        scales={
            "thousand": 1e3, "thousands": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6,
            "mln": 1e6, "billion": 1e9, "billions": 1e9, "bn": 1e9, "trillion": 1e12, "trillions": 1e12,
        },
        bare_scales=("thousand", "million", "billion", "trillion"),
        percent=("per cent", "percent", "percentage points", "percentage point"),
        units={
            "mile": 1.609, "miles": 1.609, "mph": 1.609, "inch": 25.4, "inches": 25.4, "foot": 0.3048,
            "feet": 0.3048, "ft": 0.3048, "yard": 0.9144, "yards": 0.9144, "pound": 0.4536, "pounds": 0.4536,
            "lb": 0.4536, "lbs": 0.4536, "ounce": 28.35, "ounces": 28.35, "oz": 28.35, "gallon": 3.785,
            "gallons": 3.785, "acre": 0.4047, "acres": 0.4047, "stone": 6.35,
        },
        text2num=True,
    ),
    stopwords=frozenset(
        """a an the of to in on at by for with from and or but is are was were be been being it its this that these
        those as which who whom whose what there their they them he she his her we our you your i than then so such
        also will would can could may might must should has have had do does did into over about between after before
        while because if when where more most very just only even up out s""".split()
    ),
    not_names=frozenset(
        f"""i a the this that these those it he she we they you his her its our their mr mrs ms dr
        {_WEEKDAYS_MONTHS} but and or if when while as so yet also however still""".split()
    ),
    headline_small_words=frozenset(
        "above after against and as at by for from in into of off on or over the to up with".split()
    ),
    name_particles=frozenset("of the for on".split()),
    # a body one word names elsewhere is several capitalised here ("Fiscalía": "Public Prosecution Service")
    title_case_names=True,
    relations=frozenset("from by against about to towards toward with on over versus vs at between for of".split()),
    coordinators=frozenset({"and", "or", "but"}),
    subordinators=frozenset({"that", "because", "whether", "if"}),
    doubled_words=frozenset({"that", "had", "is"}),  # "he said that that plan", "had had", "what it is is"
    antonymy=Antonymy(
        polarity_pairs=(
            ("increase", "reduce cut lower decrease"), ("raise", "cut lower reduce"), ("rise", "fall drop decline"),
            ("grow", "shrink decline"), ("gain", "lose"), ("support", "oppose"), ("accept", "reject refuse"),
            ("approve", "reject veto"), ("strengthen", "weaken undermine"), ("boost", "hurt curb undermine"),
            ("inspire", "stifle discourage"), ("encourage", "discourage stifle"), ("allow", "forbid ban prevent"),
            ("succeed", "fail"), ("expand", "contract shrink"), ("improve", "worsen deteriorate"),
            ("above", "below"), ("exceed", "below"), ("more", "less fewer"), ("maximum", "minimum"),
            ("victory", "defeat"), ("benefit", "harm"), ("safe", "dangerous"), ("legal", "illegal"),
            ("possible", "impossible"), ("likely", "unlikely"), ("success", "failure"), ("welcome", "reject"),
            ("before", "after"),
        ),
        # quantifiers oppose each other in WordNet ("all"/"some") but trade places freely in paraphrase,
        # as function words of time order do ("before"/"after": "X before Y" is "Y after X"): their
        # swaps count only when the translation model agrees (TQ403)
        quantifiers=frozenset(
            """no any all some several few many much none one first certain each every both either neither
            little more most less least other another before after""".split()
        ),
        # verbs so general that their antonymy is mostly idiom: "given" / "taking into account"
        light_verbs=frozenset("go come take give bring get put make do have".split()),
        negative_prefixes=("un", "non", "in", "im", "il", "ir", "dis", "n"),
        plain_negators=frozenset("not n't n’t no never cannot without".split()),
        diminishers=frozenset({"less", "least"}),
    ),
    aliases={
        "US": ("U.S.", "USA", "U.S.A.", "America", "United States"),
        "UK": ("U.K.", "Britain", "Great Britain", "United Kingdom"),
        "UN": ("U.N.", "United Nations"),
        "EU": ("European Union",),
        "NATO": ("North Atlantic Treaty Organization", "North Atlantic Treaty Organisation"),
        "USSR": ("Soviet Union",),
        "GOP": ("Republican Party",),
        "IMF": ("International Monetary Fund",),
        "WHO": ("World Health Organization",),
        "ECB": ("European Central Bank",),
        "AI": ("artificial intelligence",),
        "TV": ("television",),
        "Fed": ("Federal Reserve",),
    },
)
