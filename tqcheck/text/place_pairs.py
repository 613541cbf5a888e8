"""Places one text of a pair mentions that another does not, each seen in both languages: the
evidence that one place was put for another, or that a draft's demonym is new."""

from __future__ import annotations

from tqcheck.records import Span
from tqcheck.text.entities import Name, find_names, name_in
from tqcheck.text.holonyms import part_and_whole
from tqcheck.text.places import mentions_place, place_names, place_of_word, places_in
from tqcheck.text.strings import overlaps


def new_demonym(name: Name, langs: tuple[str, ...], back: str, source: str) -> bool:
    """A demonym of a place the back-translation mentions and the source does not."""
    place = None if place_names(name.bare, langs) else place_of_word(name.bare, langs)
    return place is not None and mentions_place(place, back) and not mentions_place(place, source)


def places_only_in(
    text: str, vouched_by: str, absent_from: tuple[str, ...], taken: list[Span], langs: tuple[str, ...]
) -> list[Span]:
    """The spans of places ``text`` mentions, that the other language's text ``vouched_by`` also
    mentions and the texts ``absent_from`` never do, outside spans already ``taken``."""
    return [
        span
        for span, place in places_in(text, langs)
        if not overlaps(span, taken) and mentions_place(place, vouched_by) and not mentions_place(place, *absent_from)
    ]


def one_within_other(
    src: Name, tgt: Name, texts: tuple[str, str], translations: tuple[str, str], codes: tuple[str | None, str | None]
) -> bool:
    """Whether one name is of a place WordNet files within the other's, read in English: the
    English name against the names the other language's text gains in English ("Britain" against
    "England", the back-translation of "Inglaterra"). ``texts`` are the source and the draft,
    ``translations`` the back-translation and the forward translation. A translator who narrows
    or widens a place puts no place for another of its kind."""
    (source, target), (back, forward) = texts, translations
    if codes[0] == "en":
        pairs = [(src.bare, n.bare) for n in find_names(back, "en") if not name_in(n, source)]
    elif codes[1] == "en":
        pairs = [(n.bare, tgt.bare) for n in find_names(forward, "en") if not name_in(n, target)]
    else:
        pairs = [(src.bare, tgt.bare)]
    return any(part_and_whole(a, b) for a, b in pairs)
