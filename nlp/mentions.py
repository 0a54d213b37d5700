"""Which of the automaker names the matchers found are the automakers: the words around each name,
and the rest of the text, tell a carmaker from its namesakes.

"Ford" is a carmaker, and also Harrison Ford, the Ford Foundation and a Mrs. Ford; "Lincoln" is
a town in Nebraska, "Volvo Penta" a sister company, "KIA" the Kachin Independence Army. Every
check here is made on the text itself (its characters around a name, its other names), so it
works the same on a short text and on a long one tagged a piece at a time: ``Names.candidates``
reads the words around each name while its Doc exists (for a long text, once per piece), and
``Names.mentions`` decides on the whole text's candidates at once (which name a text gives to
someone else, and from where; which sense it used first). Kept apart from the tagger's flow
(``nlp.tagger``) because this is where the namesake rules live and change, with their patterns.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from .acronyms import in_brackets_after_another, spelled_out
from .cues import Cues
from .layout import TITLE_WEIGHT
from .people import is_name, named_as_person_after, written_as_person
from .registry import Registry, SurfaceForm, first_names
from .together import CARMAKER_NEXT, COMPANY_NEXT, LINK_GAP, PARENT_BEFORE


class Names:
    """The automaker names of a registry, and how to tell them from their namesakes; built once
    with the ``Tagger`` (``make_doc`` tokenizes as the tagger does)."""

    def __init__(self, registry: Registry, forms: list[SurfaceForm], make_doc):
        self.registry = registry
        self._form_rank = {id(form): n for n, form in enumerate(forms)}  # ties between forms
        self._names_of: dict[str, tuple[str, ...]] = {}  # automaker -> its forms' texts, lower-cased
        for form in forms:
            self._names_of[form.automaker] = (*self._names_of.get(form.automaker, ()), form.text.lower())
        self.given_names = first_names() if any(f.surname for f in forms) else frozenset()
        # each form's last token's length: where a match ends in the text, without asking the Doc
        self._last_len = {id(f): len(make_doc(f.text)[-1].text) for f in forms}
        # a truck maker's name -> the keys of the brand forms it also bears (``Registry.sister_brands``)
        self._sisters = {name: tuple(dict.fromkeys(f.key for f in forms if f.text.lower() in brands))
                         for name, brands in registry.sister_brands}
        # a brand's models (``Registry.models``), and each form that needs context as one that
        # has it, for a mention followed by a model: "a Ford Mustang", "the Jeep Wrangler"
        self._models = dict(registry.models)
        self._with_model: dict[int, SurfaceForm] = {}
        for form in forms:
            if form.needs_context:
                sure = self._with_model[id(form)] = replace(form, needs_context=False, strict_context=False)
                self._form_rank[id(sure)] = self._form_rank[id(form)]

    def candidates(self, doc, cues: Cues, text: str, offsets: list[int], chars: list[tuple[int, int]],
                    after: str = "") -> tuple[list, dict[tuple[str, str], tuple[int, bool]]]:
        """The automaker forms found, less those the words around them refuse, each as (first
        token, end token, form, sentence, doubtful (see ``mentions``), first character, end
        character; the characters in the whole text, for ``aboutness``); and the namesakes: the
        names (form keys) the text also gives to someone or something else, a person, a place or
        another company, each with the first token where it does so and whether it is a person.

        ``text`` is the whole text, ``offsets`` the Doc's tokens' characters in it, ``chars`` its
        sentences', and ``after`` the first word after the Doc when it is a piece of a longer
        text. Refused, and a namesake from there on:
        - a form inside a blocked name: "Nikola Tesla", "Volvo Group", "Tata Steel";
        - a surname form right after a given name or a title, or named as a person otherwise (``people.written_as_person``):
          "Eleanor Ford", "COO Ford", "Director Ishiro Honda", 'Marcus "Chevy" Reyes', "Honda, 32,", "Renault (1905-1983)";
        - a word of not_before or not_after that is itself a name: "Harrison Ford" (surname forms),
          "Ford Foundation", "Lincoln, Nebraska" (other such words refuse that mention only: "in
          Lincoln", "GM crops");
        - an exact-case form followed by a comma and a state: "Lincoln, Neb.", or said to be a place: "Cadillac is a city";
        - a conglomerate's name before a sister company's word: "Hyundai Samho Heavy Industries";
        - any form before a word that names a place or another business after it (``named_after``):
          "Cadillac Mountain", "Lotus Bakeries";
        - an acronym in brackets after another name it stands for: "Kachin Independence Army (KIA)";
        - a surname form that is "he" or "she" right after ("Ford says he...", "Ford, who"), or that
          tells its memories or grew up ("Honda recounted how", "Ford grew up"): a person,
          from the text's start, since a passage may quote her after naming her out of its view;
        - a brand of a truck maker the text names ("Volvo Group ... brands including Renault"), from
          where the text names the truck maker (``Registry.sister_brands``).
        Refused for that mention only: a form in a sentence of another industry (``not_in``) with
        no car word in it ("the Volvo brands delivered 1,442 electric trucks": a long report that
        names KIA soldiers once still means the carmaker by a later "Kia"), or in a text of that
        industry (its words in two sentences, and no car word anywhere: "... trade process in the
        NHL ... veteran Carolina Hurricanes GM Jim Rutherford said"; ``mentions`` refuses those, on
        the whole text's cues, since a long text's pieces see only their own), and a form with a
        founding year in a sentence dated only before it ("In 1887 Tesla designed...").
        Doubtful: a form after or before one of its doubt words ("as GM") or, for a unit, after
        a number ("a 1.5 Tesla magnet")."""
        candidates = []
        blocked = cues.blocked
        namesakes: dict[tuple[str, str], tuple[int, int]] = {}
        given = self.given_names
        reg = self.registry
        last_len = self._last_len
        n = len(doc)
        historic: dict[int, int] = {}  # sentence -> its latest year (0: none), for founded forms
        if blocked and self._sisters:  # a truck maker's own brands: "Volvo Group ... Renault and Mack"
            for bs, be in blocked:
                if be > n:
                    continue
                name = " ".join(text[offsets[bs]:offsets[be - 1] + len(doc[be - 1].text)].split()).lower()
                for key in self._sisters.get(name, ()):
                    first_namesake(namesakes, key, bs, THING)
        for s, e, form, i in cues.forms:
            if blocked:
                inside = next((bs for bs, be in blocked if bs < e and s < be), None)
                if inside is not None:  # "Nikola Tesla" is a person, "Volvo Group" a company
                    first_namesake(namesakes, form.key, s, PERSON if form.surname and inside < s else COMPANY)
                    continue
            start = offsets[s]
            end = offsets[e - 1] + last_len[id(form)]
            if ((form.exact_case and (self._place(text, end)  # "in Lincoln, Neb." is the town
                                      or _PLACE_IS.match(text, end) is not None))  # "Cadillac is a city"
                    # a sister company (Hyundai Steel, Hyundai Samho Heavy Industries), a place or
                    # business named after the brand (Cadillac Mountain, the Toyota Oiden Festival)
                    or (form.conglomerate and _followed_by(text, end, reg.siblings_next, reg.siblings_far))
                    or _followed_by(text, end, reg.named_after, reg.named_after)
                    or (form.acronym and self._acronym_of_another(text, start, end, form))):
                first_namesake(namesakes, form.key, s, THING)
                continue
            # followed by one of its models, a name that needs context is the carmaker ("a Seat Ibiza")
            with_model = form.needs_context and _model_after(text, end, self._models.get(form.brand, ()))
            prev = doc[s - 1] if s > 0 and (form.not_before or form.surname or form.doubt_before) else None
            if form.not_before and prev is not None and prev.lower_ in form.not_before and not (
                    with_model and not is_name(prev.text)):
                if form.surname and is_name(prev.text):
                    first_namesake(namesakes, form.key, s, PERSON)
                continue
            if form.surname and ((prev is not None and prev.text in given)
                                 or written_as_person(text, start, end, given, reg.titles)):
                first_namesake(namesakes, form.key, s, PERSON)
                continue
            if form.surname and named_as_person_after(text, start, end):
                # "Ford says he", "Honda recounted how": her or him all along
                first_namesake(namesakes, form.key, 0, PERSON)
                continue
            if form.not_after:
                k = _next_index(doc, e)
                if (doc[k].lower_ if k < n else after) in form.not_after:
                    if k < n and is_name(doc[k].text):
                        first_namesake(namesakes, form.key, s, THING)
                    continue
            if form.not_in and i not in cues.car and any(i in cues.other.get(w, ()) for w in form.not_in):
                continue
            if form.founded:
                latest = historic.get(i)
                if latest is None:
                    latest = historic[i] = max(map(int, _YEAR.findall(text, *chars[i])), default=0)
                if 0 < latest < form.founded:
                    continue
            doubtful = ((prev is not None and prev.text in form.doubt_before)
                        or (form.doubt_after and e < n and doc[e].text in form.doubt_after)
                        or (form.doubt_before and _APPOSITION_BEFORE.search(text, max(0, start - 40), start)
                            and _APPOSITION_AFTER.match(text, end))  # "Manish Chawla, GM, Industrial Products"
                        or (form.unit and _after_number(text, start)))
            if with_model:
                form = self._with_model[id(form)]
            candidates.append((s, e, form, i, doubtful, start, end))
        return candidates, namesakes

    def _acronym_of_another(self, text: str, start: int, end: int, form: SurfaceForm) -> bool:
        """Whether an acronym stands for another organisation's name written in the text (``nlp.acronyms``)."""
        letters, own = form.text.replace("&", "").upper(), self._names_of[form.automaker]
        return (in_brackets_after_another(text, start, end, letters, form.automaker, self._names_of)
                or any(not any(name in written for name in own) for written in spelled_out(text, letters)))

    @staticmethod
    def _first_sense(kept: list, namesakes: dict, cues: Cues, weights: list[float]) -> dict:
        """The namesakes less the companies' and places' names that the text first used, in its
        body, for the carmaker: a mention before the namesake, not doubtful, with the context it
        needs."""
        first_plain: dict[tuple[str, str], int] = {}
        for s, _, f, i, doubtful, _, _ in kept:
            named = namesakes.get(f.key)
            if (named is None or named[1] == PERSON or doubtful or s >= named[0] or weights[i] == TITLE_WEIGHT
                    or f.key in first_plain):
                continue
            if f.needs_context and i not in (cues.strict if f.strict_context else cues.context):
                continue
            first_plain[f.key] = s
        return {k: v for k, v in namesakes.items() if k not in first_plain} if first_plain else namesakes

    def _place(self, text: str, end: int) -> bool:
        """Whether the name ending at ``end`` is followed by a comma and a state or county: a
        town ("Lincoln, Neb.", "Cadillac, Michigan"; not "Ford, Michigan's largest employer")."""
        m = _PLACE_AFTER.match(text, end) if text.startswith(",", end) else None
        if m is None:
            return False
        places = self.registry.places
        one = m.group(1).lower()
        if m.group(3) and f"{one} {m.group(3).lower()}" in places:  # "New York", "North Carolina"
            return True
        return one in places and m.group(2) is None  # "Michigan's largest employer" is no address

    def mentions(self, candidates: list, namesakes: dict[tuple[str, str], tuple[int, int]], cues: Cues,
                  weights: list[float], text: str) -> dict[str, list]:
        """Each automaker's mentions (sentence, form, first character, end character; the
        characters in ``text``, the whole text), decided on the whole text's candidates."""
        # the longest form wins where forms of one automaker overlap: in order of start, a form
        # overlaps one kept before it if it starts before the furthest end kept so far (on a
        # tie, the form listed first in the registry)
        rank = self._form_rank
        if not cues.car and cues.other:  # a text of another industry throughout (see ``candidates``)
            candidates = [c for c in candidates if not any(len(cues.other.get(w, ())) >= 2 for w in c[2].not_in)]
        candidates.sort(key=lambda c: (c[0], c[0] - c[1], rank[id(c[2])]))
        kept: list[tuple[int, int, SurfaceForm, int, bool, int, int]] = []
        reach: dict[str, int] = {}
        for c in candidates:
            if c[0] < reach.get(c[2].automaker, -1):
                continue
            kept.append(c)
            reach[c[2].automaker] = max(c[1], reach.get(c[2].automaker, -1))
        # A name the text also gives to someone or something else is that one again from where the
        # text first does so, and in the title (written knowing the story): "Volvo ... its sister
        # company Volvo Penta" and "Tesla, named after Nikola Tesla" are still the carmakers,
        # "Volvo Buses ... Volvo said" is not.
        # A car word in its sentence makes it the carmaker again, unless the namesake is a person
        # ("Hyundai Steel ... Hyundai's new SUV plant"; but "Eleanor Ford ... Ford estimates that
        # scrap will come from cell plants, not cars").
        # And the first sense wins: a text that used the bare name for the carmaker before naming a
        # sister company or a place ("Hyundai's chief executive said... Hyundai Steel will supply
        # ... Hyundai said") goes on meaning the carmaker (not for a person: "Ford said...
        # Eleanor Ford, an analyst... Ford estimates" is her). The title sets no sense.
        car = cues.car
        if namesakes:
            namesakes = self._first_sense(kept, namesakes, cues, weights)

        def namesake(f: SurfaceForm, s: int, i: int) -> bool:
            named = namesakes.get(f.key)
            if named is None or not (s >= named[0] or weights[i] == TITLE_WEIGHT):
                return False
            return named[1] == PERSON or i not in car

        # plain mentions: need no context, neither doubtful nor a namesake; and the automakers
        # named unmistakably, by a name the text gives to nobody else (Ford Motor, Volvo Cars)
        strong_ids: set[str] = set()
        strong_sents: dict[int, set[str]] = defaultdict(set)
        strong_spans: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
        anchored: set[tuple[str, str]] = set()  # (automaker, brand) named unmistakably
        for s, _, f, i, doubtful, start, end in kept:
            # the carmaker a sister company was spun off from is named unmistakably: "Daimler Truck was
            # spun off from Mercedes-Benz in 2021 ... workers at a Mercedes-Benz plant in Alabama"
            parent = bool(namesakes) and f.key in namesakes and PARENT_BEFORE.search(text, max(0, start - 40), start)
            if parent:
                anchored.add((f.automaker, f.brand))
            if not f.needs_context and not doubtful and (parent or not (namesakes and namesake(f, s, i))):
                strong_ids.add(f.automaker)
                strong_sents[i].add(f.automaker)
                strong_spans[i].append((start, end, f.automaker))
                if not f.surname and f.key not in namesakes:
                    anchored.add((f.automaker, f.brand))
        # Once a text names a person "Eleanor Ford", a place "Lincoln, Nebraska" or a sister company "Volvo Group",
        # "Tata Steel", a bare "Ford", "Lincoln", "Volvo" or "Tata" after that is most likely that one again: it
        # counts only beside another automaker (after a person, listed with it: "Ford and GM", not "Ford expressed
        # confidence in Honda's commitment" after "Premier Doug Ford"; after a blocked company's name, never), or when
        # the text also names that brand unmistakably (Ford Motor, Volvo Cars, Tata Motors; the
        # city "Lincoln, Nebraska" stays the city in a text that names Ford, another brand);
        # after a person, only with plainly automotive words too, since "Ford Motor will buy her
        # cells ... Ford added that..." is most likely her quote again.
        # A doubtful mention ("as GM", "1.5 Tesla") counts only with plainly automotive words or
        # another automaker in its sentence. A name that needs context ("Ford", "Mitsubishi") has it
        # from car words in its sentence, another automaker named plainly there or in the sentence before or after
        # ("Toyota led the ranking. Ford was second."), its own plain name elsewhere, or its people after it ("Ford executives").
        found: dict[str, list] = defaultdict(list)
        strict = cues.strict
        unsure: list[tuple] = []  # needs context and has none here (but may have it elsewhere)
        sure: set[tuple[str, str]] = set()  # forms that needed context and had it
        for s, _, form, i, doubtful, start, end in kept:
            others = strong_sents.get(i, set()) - {form.automaker}
            if namesakes and namesake(form, s, i) and not (  # (a truck maker's name beside a carmaker: "Toyota and Daimler")
                    (others and ((kind := namesakes[form.key][1]) == THING
                                 or (kind == PERSON and _listed(text, start, end, strong_spans[i], form.automaker))))
                    or ((form.automaker, form.brand) in anchored and (i in strict or namesakes[form.key][1] != PERSON))):
                continue
            if doubtful and not (i in strict or others):
                continue
            context = strict if form.strict_context else cues.context
            if form.needs_context and not (i in context or form.automaker in strong_ids or others
                                           or (strong_sents.get(i - 1, set()) | strong_sents.get(i + 1, set()))
                                           - {form.automaker}
                                           or CARMAKER_NEXT.match(text, end) is not None
                                           or (not form.strict_context and COMPANY_NEXT.match(text, end))):
                unsure.append((i, form, start, end))
                continue
            if form.needs_context:
                sure.add(form.key)
            found[form.automaker].append((i, form, start, end))
        # one sense in one text: a name that had its context once is the carmaker everywhere in the
        # text ("After the union campaign launched, Mercedes announced ... saying Mercedes illegally
        # interfered with the election": the second has the context, the first is the story's doer)
        late = {form.automaker for _, form, _, _ in unsure if form.key in sure}
        for mention in unsure:
            if mention[1].key in sure:
                found[mention[1].automaker].append(mention)
        for automaker in late:
            found[automaker].sort(key=lambda m: m[2])
        return found


THING, PERSON, COMPANY = 0, 1, 2  # what a namesake was: a place or a thing, a person, a blocked company's name ("Daimler Truck")


def first_namesake(namesakes: dict, key: tuple[str, str], token: int, kind: int) -> None:
    """Keep the first token where the text names ``key`` as someone or something else (the
    matches come grouped by pattern, not in text order), and whether it was ever a person (or else a company)."""
    first, was = namesakes.get(key, (token, 0))
    namesakes[key] = (min(first, token), PERSON if PERSON in (was, kind) else max(was, kind))


def _listed(text: str, start: int, end: int, spans: list[tuple[int, int, str]], automaker: str) -> bool:
    """Whether the name at ``start``-``end`` is in one list with another automaker's (``spans``):
    "Ford and GM", "Ford, Honda" (the gap between two names of one list, ``together.LINK_GAP``)."""
    return any(other != automaker and ((s2 >= end and LINK_GAP.fullmatch(text, end, s2) is not None)
                                       or (e2 <= start and LINK_GAP.fullmatch(text, e2, start) is not None))
               for s2, e2, other in spans)


def _followed_by(text: str, end: int, next_words: frozenset[str], far_words: frozenset[str]) -> bool:
    """Whether the name ending at ``end`` is the first word of another name: a capitalised word
    of ``next_words`` right after it, or of ``far_words`` after one more name (lower-cased sets)."""
    m = _NAMES_AFTER.match(text, end) if text[end + 1:end + 2].isupper() else None
    return m is not None and (m.group(1).lower() in next_words
                              or (m.group(2) is not None and m.group(2).lower() in far_words))


def _model_after(text: str, end: int, models) -> bool:
    """Whether the name ending at ``end`` is followed by one of its brand's ``models`` (one or two
    words) or by a model code: capitals and digits, "F-150", "GV70", "ID.4" (not a year)."""
    m = _MODEL_AFTER.match(text, end)
    if m is None:
        return False
    word = m.group(1)
    if any(c.isdigit() for c in word):
        return any(c.isupper() for c in word)
    return word in models or (m.group(2) is not None and f"{word} {m.group(2)}" in models)


def _next_index(doc, end: int) -> int:
    """The next token after a match, stepping over one punctuation mark (Lincoln, Nebraska);
    ``len(doc)`` past the Doc's end."""
    if end < len(doc) and doc[end].is_punct and doc[end].text not in ("-", "'s"):
        end += 1
    return end


# a name said to be a place: "Cadillac is a city in Michigan", "Mercedes is a small town"
_PLACE_IS = re.compile(r"\s+is\s+an?\s+(?:[\w-]+\s+){0,2}?(?:city|town|village|hamlet|county|township|borough|"
                       r"municipality|suburb|river|lake|mountain|island)\b")
# a title between commas after a person's name: "Manish Chawla, GM, Global Products at IBM, said"
_APPOSITION_BEFORE = re.compile(r"\b[A-Z][a-z]+\s+[A-Z][\w'’-]+,\s*$")
_APPOSITION_AFTER = re.compile(r"\s*,\s+[A-Z]")
_PLACE_AFTER = re.compile(r",\s+([A-Z][A-Za-z]*)\.?(?:(['’]s\b)|\s+([A-Z][a-z]+))?")
_MODEL_AFTER = re.compile(r"[ \t\xa0]+([A-Z0-9][\w.-]*\w)(?:[ \t\xa0]+([A-Z][\w-]*))?")  # "Grand Cherokee", "F-150"
_NAMES_AFTER = re.compile(r"\s+([A-Z][\w&]*)(?:\s+([A-Z][\w&]*))?")  # "Samho Heavy"
# a year as dates are written: "in 1887", "since 1956", "May 1901" (not "by 1500 cars"); the end of
# a range counts too ("from 2000 to 2018", "2016-2018")
_YEAR = re.compile(r"(?:(?:\b(?:to|through|till|and)|[-–])\s*(?=(?:1[5-9]|20)\d\d\b)|"
                   r"\b(?:[Ii]n|[Ss]ince|[Ff]rom|[Uu]ntil|[Bb]efore|[Aa]fter|[Aa]round|[Cc]irca|"
                   r"[Ee]arly|[Ll]ate|mid-|January|February|March|April|May|June|July|August|"
                   r"September|October|November|December)\s*)(1[5-9]\d\d|20\d\d)\b")
# a number right before a name that is also a unit ("1.5 Tesla", "3-Tesla"), but not a year
_NUMBER_BEFORE = re.compile(r"(?:(?<![\w.,])(\d+(?:[.,]\d+)*)|\b(?:one|two|three|four|five|six|seven|eight|"
                            r"nine|ten|half))\s*-?\s*$", re.IGNORECASE)


def _after_number(text: str, start: int) -> bool:
    m = _NUMBER_BEFORE.search(text, max(0, start - 24), start)
    if m is None:
        return False
    number = m.group(1)
    return not (number and len(number) == 4 and number[:2] in ("19", "20"))

