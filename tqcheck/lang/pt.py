"""Portuguese (Portugal and Brazil)."""

from tqcheck.lang import Language, Negation, Numbers

LANGUAGE = Language(
    code="pt",
    name="Portuguese",
    negation=Negation(
        cues=r"não|nunca|nem|nenhum|nenhuma|nenhuns|nenhumas|ninguém|nada|jamais|sem|tampouco"
        r"|improvável|improváveis|dificilmente|raramente|a menos que|exceto se|salvo se|carente|carentes"
        r"|falta|faltam|faltar|recus\w*|neg(?:a|am|ar|ou|aram)|em vez d(?:e|o|a|os|as)|ao invés d(?:e|o|a|os|as)",
        plain=r"não|nunca|jamais|nenhum|nenhuma",
        # "não para de" (keeps on), "não deixa de" (does after all), "para não dizer pior"
        idioms=r"não só|não apenas|não somente|não (?:para|pára|parou|param|deixa|deixou|deixam|deixar) de"
        r"|sem dúvida(?: nenhuma| alguma)?|dúvida nenhuma|para não (?:falar|dizer|mencionar)",
    ),
    numbers=Numbers(
        cardinals={
            "dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5, "seis": 6, "sete": 7, "oito": 8,
            "nove": 9, "dez": 10, "onze": 11, "doze": 12, "treze": 13, "catorze": 14, "quatorze": 14,
            "quinze": 15, "dezasseis": 16, "dezesseis": 16, "dezassete": 17, "dezessete": 17, "dezoito": 18,
            "dezanove": 19, "dezenove": 19, "vinte": 20, "trinta": 30, "quarenta": 40, "cinquenta": 50,
            "sessenta": 60, "setenta": 70, "oitenta": 80, "noventa": 90, "cem": 100, "cento": 100,
            "dúzia": 12, "dobro": 2, "duplo": 2, "triplo": 3,
        },
        soft={
            **dict.fromkeys("um uma primeiro primeira".split(), 1), **dict.fromkeys("segundo segunda".split(), 2),
            **dict.fromkeys("terceiro terceira".split(), 3), **dict.fromkeys("quarto quarta".split(), 4),
            **dict.fromkeys("quinto quinta".split(), 5), **dict.fromkeys("sexto sexta".split(), 6),
            **dict.fromkeys("sétimo sétima".split(), 7), **dict.fromkeys("oitavo oitava".split(), 8),
            **dict.fromkeys("nono nona".split(), 9), **dict.fromkeys("décimo décima".split(), 10),
            **dict.fromkeys("metade meio".split(), 0.5),
        },
        articles=frozenset({"um", "uma"}),
        scales={
            "mil": 1e3, "k": 1e3, "milhão": 1e6, "milhões": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
            "bilhão": 1e9, "bilhões": 1e9, "mil milhões": 1e9, "bn": 1e9,
            "trilhão": 1e12, "trilhões": 1e12, "bilião": 1e12, "biliões": 1e12,
        },
        # "bilião" alone is 10¹² in Portugal and a slip for 10⁹ often enough: it only ever pairs
        bare_scales=("mil milhões", "milhão", "bilhão", "bilião", "trilhão"),
        percent=("por cento", "pontos percentuais"),
        text2num=True,
    ),
    stopwords=frozenset(
        """o a os as um uma uns umas de do da dos das em no na nos nas por pelo pela pelos pelas para com e ou mas que
        se é são foi foram ser ter tem têm há seu sua seus suas ele ela eles elas nós ao aos à às num numa este esta
        estes estas esse essa esses essas isso isto aquele aquela lhe lhes mais muito como já também está estão
        era eram sobre entre até quando onde""".split()
    ),
    # weekdays and months are written in lower case: no capitalised word to mistake for a name
    not_names=frozenset("o os as um uma a sr sra dra".split()),
    headline_small_words=frozenset("e em na no nas nos num numa ao aos à às os as um uma com por sem".split()),
    name_particles=frozenset("de da do dos das para a o".split()),
    relations=frozenset("de da do das dos por pela pelo contra sobre com para sob entre à ao aos às".split()),
    coordinators=frozenset({"e", "ou", "mas"}),
    subordinators=frozenset({"que", "porque", "se"}),
    doubled_words=frozenset({"do", "da", "dos", "das", "que"}),  # "diferente do do ano passado"
    aliases={
        "US": ("Estados Unidos", "EUA", "América"),
        "UK": ("Reino Unido", "Grã-Bretanha"),
        "UN": ("ONU", "Nações Unidas"),
        "EU": ("UE", "União Europeia"),
        "NATO": ("OTAN",),
        "USSR": ("URSS", "União Soviética"),
        "GOP": ("Partido Republicano",),
        "IMF": ("FMI", "Fundo Monetário Internacional"),
        "WHO": ("OMS", "Organização Mundial da Saúde"),
        "ECB": ("BCE", "Banco Central Europeu"),
        "AI": ("IA", "inteligência artificial"),
        "TV": ("televisão",),
        "Fed": ("Reserva Federal",),
    },
)
