"""Spanish."""

from tqcheck.lang import Language, Negation, Numbers

LANGUAGE = Language(
    code="es",
    name="Spanish",
    negation=Negation(
        cues=r"no|nunca|ni|ningún|ninguno|ninguna|nadie|nada|jamás|sin|tampoco",
        plain=r"no|nunca|jamás",
        idioms=r"sin embargo|sin duda|no sólo|no solo|no obstante",  # "however", "no doubt", "not only"
    ),
    numbers=Numbers(
        cardinals={
            "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9,
            "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "veinte": 20,
            "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80,
            "noventa": 90, "cien": 100, "ciento": 100, "docena": 12, "doble": 2, "triple": 3,
        },
        soft={
            **dict.fromkeys("uno una un primer primero primera".split(), 1), **dict.fromkeys("segundo segunda".split(), 2),
            **dict.fromkeys("tercero tercera".split(), 3), **dict.fromkeys("cuarto cuarta".split(), 4),
            **dict.fromkeys("quinto quinta".split(), 5), **dict.fromkeys("sexto sexta".split(), 6),
            **dict.fromkeys("séptimo séptima".split(), 7), **dict.fromkeys("octavo octava".split(), 8),
            **dict.fromkeys("noveno novena".split(), 9), **dict.fromkeys("décimo décima".split(), 10),
            **dict.fromkeys("mitad medio".split(), 0.5),
        },
        articles=frozenset({"un", "una", "uno"}),
        scales={"mil": 1e3, "k": 1e3, "millón": 1e6, "millones": 1e6, "m": 1e6, "mil millones": 1e9},
        bare_scales=("mil millones", "millón"),
        percent=("por ciento", "puntos porcentuales"),
        text2num=True,
    ),
    stopwords=frozenset(
        """el la los las un una unos unas de del en por para con y o pero que se es son fue ser ha han su sus él ella
        ellos ellas al lo le les más muy como ya también está están este esta estos estas ese esa sobre entre hasta
        cuando donde""".split()
    ),
    not_names=frozenset("el la los las un una sr sra dr dra".split()),
    headline_small_words=frozenset("y en el la los las un una con por sin al del".split()),
    name_particles=frozenset("de del la los para".split()),
    relations=frozenset("de del por contra sobre con para hacia entre al".split()),
    coordinators=frozenset({"y", "o", "pero"}),
    subordinators=frozenset({"que", "porque", "si"}),
    aliases={
        "US": ("Estados Unidos", "EE.UU.", "EE. UU.", "EEUU", "América"),
        "UK": ("Reino Unido", "Gran Bretaña"),
        "UN": ("ONU", "Naciones Unidas"),
        "EU": ("UE", "Unión Europea"),
        "NATO": ("OTAN",),
        "USSR": ("URSS", "Unión Soviética"),
        "GOP": ("Partido Republicano",),
        "IMF": ("FMI", "Fondo Monetario Internacional"),
        "WHO": ("OMS", "Organización Mundial de la Salud"),
        "ECB": ("BCE", "Banco Central Europeo"),
        "AI": ("IA", "inteligencia artificial"),
        "TV": ("televisión",),
        "Fed": ("Reserva Federal",),
    },
)
