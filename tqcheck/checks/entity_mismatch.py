from __future__ import annotations

from collections.abc import Iterator

from tqcheck import lang
from tqcheck.checks.base import Check, CheckContext, Need
from tqcheck.records import Finding, ProbeKind, Severity, Span
from tqcheck.text.bodies import no_body_to_render, person_in_no_form, unaccounted_body
from tqcheck.text.entities import Name, comparable, find_names, kept_words, name_in, name_words, verifiable
from tqcheck.text.openers import kept_openers, openers
from tqcheck.text.place_pairs import new_demonym, one_within_other, places_only_in
from tqcheck.text.places import dateline, mentions_place, place_names, place_of_word, places_in, same_place
from tqcheck.text.segment import listed_together
from tqcheck.text.sounds import compared_names
from tqcheck.text.strings import cognate, in_title, overlaps
from tqcheck.text.titles import named

_INVENTED_PLACE, _INVENTED_PERSON = "a place the source never mentions", "which the source has in no form"
_LOST_PERSON = "the translation has no word of that name"


class EntityMismatch(Check):
    """A name in the source is missing, replaced or swapped in the translation.

    Names are compared within one language at a time, so translated names ("Alemanha"/"Germany")
    need no dictionary: the source's names against the back-translation, and a machine
    translation's names against the draft (case and accents folded, known aliases and acronyms
    matched: "EUA" = "Estados Unidos"). A name counts as dropped or added only when both languages
    agree, which filters out each model's own slips; acronyms each language coins for itself
    ("AfD"/"ApA") are no evidence.

    Critical: a name replaced by another (unless both name one place: "Birmânia", "Myanmar"; major when
    each model translates its name rather than keeps it, as for bodies: "Treasury" → "Ministério das
    Finanças", "Premier League" → "Liga Inglesa", or when one place lies within the other in WordNet:
    "Britain" → "Inglaterra"); a country, region or large city the source never
    mentions, not even by a demonym; a person's full name ("Glenn Middleton") one text has and the other
    has no word of (a surname alone may go for "he"); a news dateline ("PARIS –") whose place the
    translation never mentions; a name dropped from a list whose other names the draft keeps ("Google,
    Microsoft and Apple" → "Google, Microsoft"; an acronym too, when the machine translation keeps it:
    "Marks & Spencer and ITV"); a name dropped with a piece of the source that the model reads the
    draft far likelier without (TQ105's clause probes, ``probe-min-gain`` nats: "on national security,
    on Europe," → "sobre a segurança nacional,"). Major: another name dropped or added outright (a
    translator's liberty: "Pyongyang" → "North Korea"), a name replaced inside quotation marks (titles
    of works are translated freely), a place only the source before the segment names ("the two
    countries" as the two just named).
    A name a title leads counts only with its person ("U.S. President Donald Trump" is not in "the U.S.
    president"; ``text.titles``). A place opening a sentence counts as a name ("Italy may be…"); a
    demonym the back-translation vouches for counts too ("Russians" where it says "os russos"); so does
    a word opening a sentence that the other language's text keeps as it is ("Trump said", "Trump
    dijo"), though only as one side of a replacement. In languages whose capitals mark no names (German
    nouns, Japanese, Chinese) places alone are compared. Without a model, places are compared, and in
    two languages of one script the names translators keep as they are ("Theresa May" put for "Pompeo",
    a person the source never names or the draft has no word of); across scripts, where a language
    module reads its script in Latin letters (Greek), names are compared by sound ("Ουίλομπι" is
    Willoughby; ``text.sounds``), and a person none of whose words the source sounds is made up. How the
    rules were measured: references/calibration.md.

    Bad: source "A Alemanha e a Finlândia discordam." — translation "Germany and Sweden disagree."
    Good: source "A Alemanha e a Finlândia discordam." — translation "Germany and Finland disagree."
    """

    code = "TQ201"
    name = "entity-mismatch"
    severity = Severity.CRITICAL
    needs = (Need.SOURCE,)
    options = {"similarity": 0.8, "cognate": 0.5, "probe-min-gain": 8.0}

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if not ctx.source or not ctx.target:
            return
        cased = all(lang.get(code).capitalised_names for code in (ctx.source_lang, ctx.target_lang))
        if ctx.forward_translation is None or not ctx.back_translation or not cased:
            yield from self._direct(ctx)
            return
        found = list(self._names(ctx))
        yield from found
        yield from self._replaced_places(ctx, found)

    def _direct(self, ctx: CheckContext) -> Iterator[Finding]:
        """No model for the pair, or capitals that mark no names (German, Japanese, Chinese): places
        first, which the CLDR and GeoNames name in every language ("Alemania", "Γερμανία", "ドイツ"). A
        place of the source the draft never mentions, while the draft mentions one the source never
        does, is one put for the other. Then the names a translator keeps (``_kept_names``), or
        across scripts names by sound; a new place no rule pairs with a lost name is invented."""
        assert ctx.source is not None
        langs = tuple(code for code in (ctx.source_lang, ctx.target_lang) if code)

        def places(text: str, code: str | None) -> list[tuple[Span, frozenset[str]]]:
            if not lang.get(code).capitalised_names:  # every word is looked up, in any case
                return places_in(text, langs)
            found = find_names(text, code, lambda w: place_names(w, langs) is not None)
            return [(n.span, p) for n in found if (p := place_names(n.bare, langs)) is not None]

        lost = [(at, p) for at, p in places(ctx.source, ctx.source_lang) if not mentions_place(p, ctx.target)]
        new = [(at, p) for at, p in places(ctx.target, ctx.target_lang) if not mentions_place(p, ctx.source)]
        for (src, _), (tgt, _) in zip(lost, new):
            said = f"source names {ctx.source[slice(*src)]}, translation has {ctx.target[slice(*tgt)]} instead"
            yield self.finding(said, tgt, src)
        if not all(lang.get(code).capitalised_names for code in langs):
            return
        taken = [s for s, _ in lost[: len(new)]], [t for t, _ in new[: len(lost)]]
        found: list[Finding] = []
        if len({lang.script(c) for c in langs}) == 1:
            found = list(self._kept_names(ctx, langs, taken))
        elif len(langs) == 2 and any(lang.get(code).romanise for code in langs):  # across scripts, by sound
            replaced, people = compared_names(ctx.source, ctx.target, *langs)
            for src, tgt in replaced:
                if not overlaps(src.span, taken[0]) and not overlaps(tgt.span, taken[1]):
                    said = f"source names {src.text}, translation has {tgt.text} instead"
                    found.append(self.finding(said, tgt.span, src.span))
            for tgt in [p for p in people if not overlaps(p.span, taken[1])]:
                found.append(self.finding(f"translation names {tgt.text}, {_INVENTED_PERSON}", tgt.span))
        yield from found
        paired = [f.target_span for f in found if f.target_span]
        for tgt, place in [(t, p) for t, p in new[len(lost) :] if not overlaps(t, paired)]:  # put for no name
            yield self._invented_place(ctx, ctx.target[slice(*tgt)], tgt, place)

    def _kept_names(
        self, ctx: CheckContext, langs: tuple[str, ...], taken: tuple[list[Span], list[Span]]
    ) -> Iterator[Finding]:
        """A name of the draft with a word a translator keeps ("Pompeo"; ``entities.kept_words``) or
        read as a name through and through ("Steven Lawless"; ``entities.name_words``) that the
        source lacks, or a place the source never mentions, while a name of the source is missing
        (or its kept words are: "Prime Minister" ~ "Primer Ministro", the person's name must match;
        or an acronym the draft has in no form): one put for the other. A body of the draft is new
        only when the source names no body to render (``text.bodies``); a name in each language's
        form is a cognate when its kept words match ("Catalonia", "Catalunha"; "Blair Macpherson"
        is no "Macedonia"). A new name left over pairs with a word opening a source sentence ("Trump
        said", ``text.openers``); a person left over is made up, or lost (``bodies.person_in_no_form``)."""
        assert ctx.source is not None
        sim = self.opts["similarity"]
        source, target, codes = ctx.source, ctx.target, (ctx.source_lang, ctx.target_lang)

        def new(name: Name) -> bool:
            place = place_names(name.bare, langs)
            if place is not None:
                return not mentions_place(place, source)
            kept = kept_words(name, *codes) or name_words(name, ctx.target_lang)
            return bool(kept) and not any(name_in(w, source, sim) for w in kept)

        def lost(name: Name) -> bool:
            place = place_names(name.bare, langs) or frozenset()
            if mentions_place(place, target):
                return False
            kept = kept_words(name, *codes)
            return not name_in(name, target, sim) or bool(kept) and not any(name_in(w, target, sim) for w in kept)

        def one_name(a: Name, b: Name) -> bool:  # each word a translator keeps has its like in the other
            kept = [(w, b) for w in kept_words(a, *codes)] + [(w, a) for w in kept_words(b, *codes)]
            return all(cognate(x, y.bare) >= self.opts["cognate"] for x, y in [(a.bare, b)] + kept)

        in_source, in_target = find_names(source, ctx.source_lang), find_names(target, ctx.target_lang)
        missing = [n for n in in_source if _may_be_lost(n, taken[0], langs) and lost(n)]
        added = [n for n in in_target if comparable(n, taken[1]) and new(n)]
        if no_body_to_render(in_source, in_target, codes, langs):
            bodies = [n for n in in_target if n not in added and comparable(n, taken[1])]
            added += [n for n in bodies if unaccounted_body(n, source, codes, langs, sim)]
        for src in list(missing):  # one name in each language's form ("Korea", "Coreia")
            tgt = next((t for t in added if one_name(src, t)), None)
            if tgt is not None:
                missing.remove(src)
                added.remove(tgt)
        if len(added) > len(missing):  # a name left over: was it put for a word opening a sentence?
            opening = [n for n in openers(source, ctx.source_lang) if comparable(n, taken[0]) and lost(n)]
            missing += opening[: len(added) - len(missing)]
        for src, tgt in zip(missing, added):
            title = in_title(source, src.span) or in_title(target, tgt.span)
            note = " (in a quoted title)" if title else ""
            said = f"source names {src.text}, translation has {tgt.text} instead{note}"
            yield self.finding(said, tgt.span, src.span, Severity.MAJOR if title else None)
        for tgt in added[len(missing) :]:  # a name left over: a person's is made up, whatever it was put for
            if person_in_no_form(tgt, target, source, codes[1], langs, sim):
                yield self.finding(f"translation names {tgt.text}, {_INVENTED_PERSON}", tgt.span)
        for src in missing[len(added) :]:  # and a person's lost with every word of it
            if person_in_no_form(src, source, target, codes[0], langs, sim):
                yield self.finding(f"source names {src.text}; {_LOST_PERSON}", None, src.span)

    def _replaced_places(self, ctx: CheckContext, reported: list[Finding]) -> Iterator[Finding]:
        """A place the source mentions and the translation lost, while the translation mentions
        another the source never does, each seen in both languages and in any case ("brasil",
        "russos", "German"): one place put for another, critical. Only places the name rules
        above did not report."""
        assert ctx.source is not None and ctx.forward_translation is not None
        source, target, back, forward = ctx.source, ctx.target, ctx.back_translation, ctx.forward_translation
        langs = tuple(lang for lang in (ctx.source_lang, ctx.target_lang) if lang)
        taken_source = [f.source_span for f in reported if f.source_span]
        taken_target = [f.target_span for f in reported if f.target_span]
        lost = places_only_in(source, forward, (target, back), taken_source, langs)
        new = places_only_in(target, back, (source, forward), taken_target, langs)
        for src_span, tgt_span in zip(lost, new):
            yield self.finding(
                f"source mentions {source[slice(*src_span)]}, translation has {target[slice(*tgt_span)]} instead",
                tgt_span,
                src_span,
            )

    def _names(self, ctx: CheckContext) -> Iterator[Finding]:
        assert ctx.source is not None and ctx.forward_translation is not None
        source, target, back, forward = ctx.source, ctx.target, ctx.back_translation, ctx.forward_translation
        langs = tuple(lang for lang in (ctx.source_lang, ctx.target_lang) if lang)
        sim = self.opts["similarity"]

        def names(text: str, code: str | None) -> list[Name]:  # a place opening a sentence is a name too
            return find_names(text, code, lambda word: place_names(word, langs) is not None)

        opening = dateline(source, langs)  # all capitals: no name to find_names, but a place all the same
        if opening and not mentions_place(opening[1], target, back, demonyms=False):  # a city has no demonym to spare
            where = source[slice(*opening[0])]
            message = f"source is datelined {where}; the translation never mentions that place"
            yield self.finding(message, None, opening[0])
        src_lang, tgt_lang = ctx.source_lang, ctx.target_lang
        in_source, in_target = names(source, src_lang), names(target, tgt_lang)
        absent = self._absent(in_source, src_lang, back, target, kept_in=forward)  # source names the draft lost
        missing = [n for n in absent if verifiable(n)]
        # acronyms the machine translation keeps as they are: lost only from a list (translators spell them out)
        acronyms = [n for n in absent if not verifiable(n)]
        added = self._absent(in_target, tgt_lang, forward, source)  # draft names the source lacks
        missing_in_forward = bool(self._absent(names(forward, tgt_lang), tgt_lang, target))
        if not missing_in_forward:  # the machine translation lost none either
            missing = []
        new_in_source_language = bool(self._absent(names(back, src_lang), src_lang, source))
        if not new_in_source_language:  # a demonym is not capitalised in Portuguese: "Russians", "os russos"
            added = [t for t in added if new_demonym(t, langs, back, source)]
        for src in list(missing):  # one place under another of its names ("Birmânia", "Myanmar")
            tgt = next((t for t in added if same_place(src.bare, t.bare, langs)), None)
            if tgt is not None:
                missing.remove(src)
                added.remove(tgt)
        pairs = list(zip(missing, added))  # names found outright; then one left over, with a name kept as it is
        missing, added = missing[len(pairs) :], added[len(pairs) :]
        if missing and new_in_source_language:
            also = self._absent(kept_openers(target, tgt_lang, in_target, back, src_lang), tgt_lang, forward, source)
            pairs += zip(missing, also)
            missing = missing[len(also) :]
        elif added and missing_in_forward:
            also = self._absent(kept_openers(source, src_lang, in_source, forward, tgt_lang), src_lang, back, target)
            pairs += zip(also, added)
            added = added[len(also) :]
        for src, tgt in pairs:
            title = in_title(source, src.span) or in_title(target, tgt.span)  # a title of a work, translated freely
            # names each model translates rather than keeps ("Treasury" → "Tesouro", "Liga Inglesa" →
            # "English League") name bodies, which translators render freely; places are compared as places
            body = not (name_in(src, forward, sim) or name_in(tgt, back, sim)) and not any(
                place_names(n.bare, langs) for n in (src, tgt)
            )
            texts, translations = (source, target), (back, forward)
            within = not (title or body) and one_within_other(src, tgt, texts, translations, (src_lang, tgt_lang))
            note = " (in a quoted title)" if title else " (names of bodies are often translated freely)" if body else ""
            note = " (one place lies within the other)" if within else note
            yield self.finding(
                f"source names {src.text}, translation has {tgt.text} instead{note}",
                tgt.span,
                src.span,
                Severity.MAJOR if note else None,  # each note says why it is no name put for another
            )
        lost = missing + acronyms
        for src in lost:  # one of a list whose other names the draft keeps was cut, not rendered freely
            listed = [n for n in in_source if n not in lost and listed_together(src.span, n.span, source, src_lang)]
            if src in acronyms and not listed:
                continue
            person = person_in_no_form(src, source, f"{target} {back}", src_lang, langs, sim)  # nor any word of it
            message = f"source names {src.text}; " + (_LOST_PERSON if person else "the translation does not")
            cut = None if listed or person else ctx.probe(ProbeKind.CLAUSE, src.span, self.opts["probe-min-gain"])
            if listed:
                other = listed[0].text
                message = f"source lists {src.text} with {other}; the translation keeps {other} but not {src.text}"
            elif cut:
                message += f", and the model reads it far likelier as a translation of the source without “{cut.text}”"
            evidence = cut.evidence if cut else None
            yield self.finding(message, None, src.span, None if listed or person or cut else Severity.MAJOR, evidence)
        for tgt in added:
            place = place_of_word(tgt.bare, langs)
            if place and not mentions_place(place, source, forward):
                yield self._invented_place(ctx, tgt.text, tgt.span, place)
            elif person_in_no_form(tgt, target, f"{source} {forward}", ctx.target_lang, langs, sim):
                yield self.finding(f"translation names {tgt.text}, {_INVENTED_PERSON}", tgt.span)
            else:
                said = f"translation names {tgt.text}, which the source does not"
                yield self.finding(said, tgt.span, None, Severity.MAJOR)

    def _invented_place(self, ctx: CheckContext, name: str, span: Span, place: frozenset[str]) -> Finding:
        """Invented, unless the source before the segment names it (a reference made explicit): major."""
        before = bool(ctx.source_before) and mentions_place(place, ctx.source_before)
        said = "which the source names only before this segment" if before else _INVENTED_PLACE
        return self.finding(f"translation names {name}, {said}", span, None, Severity.MAJOR if before else None)

    def _absent(self, names: list[Name], code: str | None, *texts: str, kept_in: str = "") -> list[Name]:
        """The ``names`` (of language ``code``) none of ``texts`` has, with the person a title leads
        (``text.titles``); acronyms only those ``kept_in`` writes as they are."""
        sim = self.opts["similarity"]
        return [n for n in names if verifiable(n, kept_in) and not any(named(n, t, code, sim) for t in texts)]


def _may_be_lost(name: Name, taken: list[Span], langs: tuple[str, ...]) -> bool:
    """A source name whose loss counts with no model: a comparable one, or an acronym of three
    letters or more that is no place (datelines, "PARIS –", come and go). Acronyms are localised,
    so none is a new name or a word translators keep; but one the draft has in no form ("FBI",
    which Spanish keeps as it is) is a name lost."""
    acronym = name.bare.isupper() and len(name.bare) >= 3 and place_names(name.bare, langs) is None
    return comparable(name, taken) or acronym and not overlaps(name.span, taken)
