"""Names of bodies, which translators translate ("Senate Judiciary Committee", "Comisión Judicial").

With no model, nothing says which body of the draft renders which of the source: its words are
the draft language's own. One thing can be said: a source that names nothing but people, places
and names kept as they are ("Kavanaugh", "Ayr") gives the draft no body to render. A body the
draft names then, not in the source as it is, is new: put for a name the draft lost. An acronym
may be spelt out as a body ("NSF", "Fundación Nacional para la Ciencia"), and a body's name may
hold a kept word ("Betfred Cup"), so both count as names a body may render, unless the draft
already has them otherwise: as they are ("LSU", "True West"), or as their kept words alone ("Professor
Czeisler" as "el profesor Czeisler"), which leaves no body to render them. A draft in a language
that capitalises more than the source's names bodies the source writes in lower case or in one
word, so it is not asked (``Language.title_case_names``). The other way round, a person the draft
names and the source has in no form is made up, whatever it was put for: the body it replaced may
not be shown lost ("Green Party" is half found in any "Partido"), but no translator invents a person.
"""

from __future__ import annotations

from tqcheck import lang
from tqcheck.text.entities import Name, kept_words, name_in, name_parts, name_words
from tqcheck.text.places import place_names
from tqcheck.text.strings import in_title


def no_body_to_render(
    names: list[Name], drafts: list[Name], codes: tuple[str | None, str | None], langs: tuple[str, ...]
) -> bool:
    """Whether the source's ``names`` hold nothing a body of the draft may render: no name but
    places and names of words translators keep as they are (``entities.kept_words``; an acronym is
    no kept word), or names one of the ``drafts`` names renders as they are or by their kept words
    alone. Asked only of a draft whose language capitalises no more than the source's: English
    writes "Public Prosecution Service" for "Fiscalía", "North Korean" for "norcoreano"."""
    title_case = [lang.get(code).title_case_names for code in codes]
    if title_case[1] > title_case[0]:
        return False
    for name in names:
        kept = kept_words(name, *codes)
        if place_names(name.bare, langs) is not None or all(w in kept for w in name_parts(name)):
            continue
        if not any(d.bare == name.bare or kept and set(name_parts(d)) <= set(kept) for d in drafts):
            return False
    return True


def unaccounted_body(
    name: Name, source: str, codes: tuple[str | None, str | None], langs: tuple[str, ...], similarity: float
) -> bool:
    """Whether a draft name is a body the source does not name as it is: two words or more, none a
    word translators keep, not a person's name through and through (``entities.name_words``), no
    place."""
    return (
        len(name_parts(name)) >= 2
        and not kept_words(name, *codes)
        and not name_words(name, codes[1])
        and place_names(name.bare, langs) is None
        and not name_in(name, source, similarity)
    )


def person_in_no_form(
    name: Name, text: str, other: str, code: str | None, langs: tuple[str, ...], similarity: float
) -> bool:
    """Whether a name of ``text`` is a person's (``entities.name_words``: "Mike Trudell"), no
    place and not in a quoted title (titles are translated freely), none of whose words ``other``
    has in any form ("Donald Trump" for "Trump" is neither invented nor lost). A translator may
    leave out a surname already given or put a title for it; no good one invents a person, or
    drops every word of one."""
    words = name_words(name, code)
    if not words or place_names(name.bare, langs) is not None or in_title(text, name.span):
        return False
    return not any(name_in(w, other, similarity) for w in words)
