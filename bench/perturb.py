"""Plant critical errors in good human translations, to measure recall by error family.

The WMT22 dev labels say BAD but not why, and exist for pt→en only. This generator takes a good
translation (NTREX-128, en→pt, or the same pair read pt→en) and changes one thing in the draft:

* ``name``: a name the source also has, replaced by another of its kind: a country by another
  country (Unicode CLDR names in the draft's language), anything else by a name from another line;
* ``number``: a number both sides have, replaced by a different one;
* ``negation``: a negation added to an affirmative clause, or the only one taken out;
* ``substitution``: a word replaced by its opposite: an English WordNet antonym, or for Portuguese
  a word of the opposite pairs below (a generator's list, never read by a check);
* ``dropped-clause``: an inner or final clause (a stretch between commas) cut;
* ``dropped-item``: an item of a list cut ("in A, B and C" → "in A and C"), or what follows its
  "and" ("e", "y") up to the next punctuation: the cuts the unseen WMT22 test split showed that a
  stretch between commas is not;
* ``added-clause``: a clause of another line of the same text inserted after a comma or at the end.

Each change is made where it can be read: a line gets at most one change per family, lines are
drawn with a seeded random generator, and every planted line records what was changed.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from babel import Locale

from tqcheck.text.antonyms import load_antonyms
from tqcheck.text.entities import find_names, name_in
from tqcheck.text.segment import clauses

FAMILIES = ("name", "number", "negation", "substitution", "dropped-clause", "dropped-item", "added-clause")

# Portuguese opposites for the generator (inflected forms as they stand in news text).
_PT_OPPOSITES = [
    ("aumentou", "diminuiu"), ("aumentar", "diminuir"), ("aumento", "redução"), ("subiu", "desceu"),
    ("subir", "descer"), ("maior", "menor"), ("melhor", "pior"), ("positivo", "negativo"),
    ("aprovou", "rejeitou"), ("ganhou", "perdeu"), ("ganhar", "perder"), ("abriu", "fechou"),
    ("antes", "depois"), ("primeiro", "último"), ("primeira", "última"), ("novo", "antigo"),
    ("nova", "antiga"), ("alto", "baixo"), ("alta", "baixa"), ("forte", "fraco"), ("fácil", "difícil"),
    ("possível", "impossível"), ("sucesso", "fracasso"), ("vitória", "derrota"), ("apoia", "opõe-se a"),
    ("aceitou", "recusou"), ("permitir", "proibir"), ("início", "fim"), ("começou", "terminou"),
    ("rico", "pobre"), ("vivo", "morto"), ("grande", "pequeno"), ("grandes", "pequenos"),
    ("longo", "curto"), ("verdadeiro", "falso"), ("legal", "ilegal"), ("seguro", "perigoso"),
    ("dentro", "fora"), ("norte", "sul"), ("comprar", "vender"), ("mais", "menos"), ("muito", "pouco"),
    ("cresceu", "caiu"), ("crescimento", "queda"), ("elevado", "reduzido"), ("acima", "abaixo"),
]
_EN_AUXILIARIES = r"is|are|was|were|has|have|had|will|would|can|could|should|must|does|do|did|may|might"
_PT_VERBS = r"é|são|foi|foram|está|estão|estava|tem|têm|tinha|vai|vão|pode|podem|deve|devem|disse|afirmou|havia"
_NEGATORS = {"en": r"\b(?:not|never|no)\b|n't", "pt": r"\b(?:não|nunca)\b"}


@dataclass(frozen=True)
class Planted:
    family: str
    index: int  # the line of the corpus the draft comes from
    source: str
    draft: str  # the translation with the error in it
    change: str  # what was changed, for reading the misses


def _replace_number(draft: str, source: str, rng: random.Random) -> tuple[str, str] | None:
    shared = [m for m in re.finditer(r"(?<![\d.,])\d+(?![\d.,]\d)", draft) if re.search(rf"(?<!\d){m.group()}(?!\d)", source)]
    if not shared:
        return None
    m = rng.choice(shared)
    value = int(m.group())
    new = value + rng.choice([1, 2, 3, 5, 10]) if value < 10 else value * rng.choice([2, 3]) + rng.randint(1, 9)
    return draft[: m.start()] + str(new) + draft[m.end() :], f"{m.group()} → {new}"


def _replace_name(
    draft: str, source: str, lang: str, source_lang: str, rng: random.Random, other_names: Sequence[str], countries: Sequence[str]
) -> tuple[str, str] | None:
    names = [n for n in find_names(draft, lang) if name_in(n, source) and len(n.bare) > 2]
    if not names:
        return None
    name = rng.choice(names)
    country = next((c for c in countries if c.casefold() == name.bare.casefold()), None)
    pool = [c for c in countries if c != country] if country else [o for o in other_names if not name_in(o, draft)]
    if not pool:
        return None
    new = rng.choice(pool)
    start = name.span[0]
    return draft[:start] + new + draft[start + len(name.bare) :], f"{name.bare} → {new}"


def _negation(draft: str, lang: str, rng: random.Random) -> tuple[str, str] | None:
    if lang not in _NEGATORS:
        return None
    negators = list(re.finditer(_NEGATORS[lang], draft, re.IGNORECASE))
    if len(negators) == 1:  # take the only one out
        m = negators[0]
        cut = draft[: m.start()].rstrip() + (" " if not m.group().startswith("n'") else "") + draft[m.end() :].lstrip()
        return re.sub(r"\s+", " ", cut), f"removed “{m.group()}”"
    if negators:
        return None
    if lang == "en":
        found = list(re.finditer(rf"\b({_EN_AUXILIARIES})\b", draft))
        if not found:
            return None
        m = rng.choice(found)
        return draft[: m.end()] + " not" + draft[m.end() :], f"added “not” after “{m.group()}”"
    found = list(re.finditer(rf"(?<!\w)({_PT_VERBS})(?!\w)", draft))
    if not found:
        return None
    m = rng.choice(found)
    return draft[: m.start()] + "não " + draft[m.start() :], f"added “não” before “{m.group()}”"


def _substitute(draft: str, lang: str, rng: random.Random) -> tuple[str, str] | None:
    if lang == "pt":
        pairs = [(a, b) for a, b in _PT_OPPOSITES] + [(b, a) for a, b in _PT_OPPOSITES]
        found = [(m, b) for a, b in pairs for m in re.finditer(rf"(?<!\w){a}(?!\w)", draft)]
    elif lang != "en":
        return None
    else:
        antonyms = load_antonyms()
        if antonyms is None:
            return None
        found = []
        # a whole word ("enter" inside "Center" is none), replaced by a one-word opposite: WordNet's
        # "stay_in_place" or "keep_quiet" put for a word plant gibberish, not a fluent substitution
        for m in re.finditer(r"(?<![\w'’-])[a-z]{3,}(?![\w'’-])", draft):
            word = m.group()
            if word in antonyms.lemmas(word):  # a dictionary form: its antonym fits as it stands
                opposite = sorted(o for o in antonyms.opposites(word) if o.isalpha())
                if opposite:
                    found.append((m, rng.choice(opposite)))
    if not found:
        return None
    m, new = rng.choice(found)
    return draft[: m.start()] + new + draft[m.end() :], f"{m.group()} → {new}"


def _drop_clause(draft: str, rng: random.Random) -> tuple[str, str] | None:
    spans = [s for s in clauses(draft)[1:] if 3 <= len(draft[s[0] : s[1]].split()) <= 14]
    if not spans:
        return None
    start, end = rng.choice(spans)
    head = draft[:start].rstrip().rstrip(",;:–—(").rstrip()
    tail = draft[end:]
    return (head + (tail if tail.strip(" .!?\"”") else tail.lstrip(",;) "))).strip(), f"cut “{draft[start:end]}”"


_AND = {"en": "and", "pt": "e", "es": "y", "el": "και"}


def _drop_item(draft: str, lang: str, rng: random.Random) -> tuple[str, str] | None:
    if lang not in _AND:
        return None
    joiner = _AND[lang]
    # an item between two commas, or between a comma and the list's "and"
    items = [m.span(1) for m in re.finditer(rf",(\s[^,;:()–—.!?]{{2,60}}?)(?=,|\s{joiner}\s)", draft)]
    # "and" and what follows it to the next punctuation, two to fourteen words
    tails = [m.span() for m in re.finditer(rf"\s{joiner}\s[^,;:()–—.!?]+", draft) if 2 <= len(m.group().split()) <= 15]
    spans = [(a - 1, b) for a, b in items] + tails  # an item goes with its comma
    if not spans:
        return None
    start, end = rng.choice(spans)
    return draft[:start] + draft[end:], f"cut “{draft[start:end].strip(' ,')}”"


def _add_clause(draft: str, others: Sequence[str], rng: random.Random) -> tuple[str, str] | None:
    donors = [c for other in rng.sample(list(others), min(20, len(others))) for c in _fragments(other)]
    if not donors or len(draft.split()) < 6:
        return None
    fragment = rng.choice(donors)
    commas = [m.end() for m in re.finditer(r",\s", draft)]
    if commas and rng.random() < 0.5:
        at = rng.choice(commas)
        return draft[:at] + fragment + ", " + draft[at:], f"added “{fragment}”"
    body = draft.rstrip()
    end = body[-1] if body[-1:] in ".!?" else ""
    return body[: len(body) - len(end)] + ", " + fragment + end, f"added “{fragment}”"


def _fragments(text: str) -> Iterator[str]:
    for start, end in clauses(text):
        piece = text[start:end].strip(" .,;:\"“”")
        if 4 <= len(piece.split()) <= 10:
            yield piece[0].lower() + piece[1:]


def plant(
    sources: Sequence[str],
    drafts: Sequence[str],
    source_lang: str,
    target_lang: str,
    per_family: int = 60,
    seed: int = 0,
) -> list[Planted]:
    """Up to ``per_family`` planted errors of each family, each on its own line of the corpus.
    Each family draws from its own seeded generator, so a change in what one family can plant
    (the name finder finding more names, say) leaves the other families' lines as they were."""
    locale = Locale.parse(target_lang)
    countries = sorted({n for code, n in locale.territories.items() if code.isalpha() and len(code) == 2 and " " not in n})
    names = sorted({n.bare for d in drafts for n in find_names(d, target_lang) if len(n.bare.split()) == 2})
    makers: dict[str, Callable[[str, str, random.Random], tuple[str, str] | None]] = {
        "name": lambda s, d, rng: _replace_name(d, s, target_lang, source_lang, rng, names, countries),
        "number": lambda s, d, rng: _replace_number(d, s, rng),
        "negation": lambda s, d, rng: _negation(d, target_lang, rng),
        "substitution": lambda s, d, rng: _substitute(d, target_lang, rng),
        "dropped-clause": lambda s, d, rng: _drop_clause(d, rng),
        "dropped-item": lambda s, d, rng: _drop_item(d, target_lang, rng),
        "added-clause": lambda s, d, rng: _add_clause(d, drafts, rng),
    }
    planted: list[Planted] = []
    for family, make in makers.items():
        rng = random.Random(f"{seed}-{family}")
        order = list(range(len(drafts)))
        rng.shuffle(order)
        made = 0
        for index in order:
            if made >= per_family:
                break
            source, draft = sources[index], drafts[index]
            if not source.strip() or not draft.strip():
                continue
            changed = make(source, draft, rng)
            if changed is None or changed[0] == draft:
                continue
            planted.append(Planted(family, index, source, changed[0], changed[1]))
            made += 1
    return planted
