"""`kitchen`: our internal problems told to the client as an excuse («Наш дизайнер заболел, поэтому…»).

A detector, not a word list: a sentence is reported only when three things meet in it — an internal topic
(illness, holidays, workload, outages, weather, office moves, our hours, contractors), a tie to us (мы, у нас,
наш, я, our designer…) and an excuse (из-за, поэтому, задержка, не успели, извините…; the excuse may also open
the next sentence or close the previous one). Each of the three words alone is everyday vocabulary; the
conjunction is what the commandment «Запах из кухни» forbids. All lists live in rules/kitchen.yaml.

What keeps it quiet: a topic or a colleague owned by the client («ваши сотрудники на больничном»), wishes and
plans (``topic_except``: «хорошего отпуска», «к праздникам»), hypotheticals («если курьер застрянет в
пробке…»), handovers that are news, not excuses («ухожу в отпуск, проект ведёт Ирина» — ``not_excuse``), and
«>» citations of the client's own words.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable

from letterlint.checks import register
from letterlint.engine.context import Hit
from letterlint.text.phrases import PhraseMatch, PhraseSet, compile_phrase, longest_first, token_view

if TYPE_CHECKING:  # pragma: no cover
    from letterlint.engine.context import RuleContext
    from letterlint.text.pipeline import AnalysedText


def _phrase_set(items: Iterable[Any], tag: object = None) -> PhraseSet:
    return PhraseSet(compile_phrase(str(x), tag=tag) for x in items or () if str(x).strip())


def _grouped(groups: Any) -> PhraseSet:
    """A {group: [phrases]} map (or a plain list) as one PhraseSet whose matches carry their group name."""
    ps = PhraseSet()
    if isinstance(groups, dict):
        for name, items in groups.items():
            for p in _phrase_set(items, tag=name).phrases:
                ps.add(p)
    else:
        for p in _phrase_set(groups or ()).phrases:
            ps.add(p)
    return ps


@dataclass(frozen=True)
class _Kitchen:
    """The rule's params, compiled once per distinct params."""

    topics: PhraseSet
    topic_except: PhraseSet
    pronouns: PhraseSet
    staff: PhraseSet
    ours: PhraseSet            # words that make a colleague ours: наш, мой, у нас, у меня
    staff_needs_ours: PhraseSet
    client: PhraseSet
    client_window: int
    excuses: PhraseSet
    openers: PhraseSet
    prev_excuses: PhraseSet
    hypothetical: PhraseSet
    not_excuse: PhraseSet

    @classmethod
    def from_params(cls, p: dict[str, Any]) -> "_Kitchen":
        ties = p.get("ties") or {}
        excuses = p.get("excuses") or {}
        return cls(
            topics=_grouped(p.get("topics")),
            topic_except=_phrase_set(p.get("topic_except")),
            pronouns=_phrase_set(ties.get("pronouns")),
            staff=_phrase_set(ties.get("staff")),
            ours=_phrase_set(ties.get("ours", ["наш", "мой", "у мы", "у я"])),
            staff_needs_ours=_phrase_set(ties.get("staff_needs_ours")),
            client=_phrase_set(p.get("client_markers")),
            client_window=int(p.get("client_window", 3) or 3),
            excuses=_grouped(excuses),
            openers=_phrase_set(p.get("next_sentence_openers")),
            prev_excuses=_phrase_set(excuses.get("failure") if isinstance(excuses, dict) else ()),
            hypothetical=_phrase_set(p.get("hypothetical")),
            not_excuse=_phrase_set(p.get("not_excuse")),
        )


_COMPILED: dict[str, _Kitchen] = {}


def _compiled(params: dict[str, Any]) -> _Kitchen:
    key = json.dumps(params, sort_keys=True, ensure_ascii=False, default=str)
    if key not in _COMPILED:
        _COMPILED[key] = _Kitchen.from_params(params)
    return _COMPILED[key]


class _Sentence:
    """One sentence of the analysed text, with word positions for «N words before» questions."""

    def __init__(self, at: "AnalysedText", start: int, end: int, found: "_Found") -> None:
        self.at, self.start, self.end, self._found = at, start, end, found
        v = token_view(at)
        lo, hi = bisect.bisect_left(v.idx, start), bisect.bisect_left(v.idx, end)
        self.words = [i for i in range(lo, hi) if v.word[i]]

    def find(self, ps: PhraseSet) -> list[PhraseMatch]:
        return self._found.within(ps, self.start, self.end)

    def word_no(self, token: int) -> int:
        """The position of token ``token`` among the sentence's words."""
        return bisect.bisect_left(self.words, token)

    def opens_with(self, ps: PhraseSet) -> bool:
        return bool(self.words) and any(m.start_token == self.words[0] for m in self.find(ps))


class _Found:
    """Each phrase list searched once over the whole text; sentences take their share (searching sentence by
    sentence costs a scan per sentence and list)."""

    def __init__(self, at: "AnalysedText", start: int, end: int) -> None:
        self.at, self.start, self.end = at, start, end
        self._by_set: dict[int, tuple[list[int], list[PhraseMatch]]] = {}

    def within(self, ps: PhraseSet, start: int, end: int) -> list[PhraseMatch]:
        if not ps:
            return []
        got = self._by_set.get(id(ps))
        if got is None:
            ms = sorted(ps.finditer(self.at, start=self.start, end=self.end), key=lambda m: m.start)
            got = self._by_set[id(ps)] = ([m.start for m in ms], ms)
        starts, ms = got
        return [m for m in ms[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)] if m.end <= end]


def _near_before(s: _Sentence, marks: list[PhraseMatch], target: PhraseMatch, window: int) -> bool:
    """Is one of ``marks`` within ``window`` words before ``target`` (or right inside it)?"""
    t = s.word_no(target.start_token)
    for m in marks:
        if m.start_token <= target.start_token:
            if t - s.word_no(m.end_token) < window or m.end_token > target.start_token:
                return True
    return False


def _topic(k: _Kitchen, s: _Sentence, client: list[PhraseMatch]) -> PhraseMatch | None:
    """The first internal topic of the sentence that is neither a wish or plan nor the client's own."""
    excepted = [(m.start, m.end) for m in s.find(k.topic_except)]
    for m in longest_first(s.find(k.topics)):
        # an exception overlapping the topic silences it, unless it is only a part of a longer topic
        # («работать в выходной» inside «не работать в выходной»)
        if any((a <= m.start < b or m.start <= a < m.end) and not (m.start <= a and b <= m.end
                                                                    and (a, b) != (m.start, m.end))
               for a, b in excepted):
            continue
        if _near_before(s, client, m, k.client_window):
            continue
        return m
    return None


def _tied_to_us(k: _Kitchen, s: _Sentence, client: list[PhraseMatch]) -> bool:
    """Does the sentence speak about us: мы/я/наш, or one of our people (not «ваш бухгалтер»)?"""
    if any(not _near_before(s, client, m, 1) for m in s.find(k.pronouns)):
        return True
    ours = s.find(k.ours)
    needs_ours = {(m.start, m.end) for m in s.find(k.staff_needs_ours)}
    for m in s.find(k.staff):
        if _near_before(s, client, m, k.client_window):
            continue
        if (m.start, m.end) in needs_ours and not _near_before(s, ours, m, k.client_window):
            continue
        return True
    return False


@register("kitchen", needs=("morph",))
def kitchen(ctx: "RuleContext") -> Iterable[Hit]:
    """Sentences where an internal topic, a tie to us and an excuse meet."""
    k = _compiled(ctx.params)
    src, lo, hi = ctx.scope()
    if not src.text.strip() or lo >= hi:
        return
    at = ctx.analysed(src)
    cited = ctx.cited(src)
    found = _Found(at, lo, hi)
    sents = [_Sentence(at, s, e, found) for s, e in at.sentences()
             if lo <= s < hi and not any(a <= s < b for a, b in cited)]
    for i, s in enumerate(sents):
        client = s.find(k.client)
        topic = _topic(k, s, client)
        if topic is None or not _tied_to_us(k, s, client):
            continue
        if any(m.start < topic.start for m in s.find(k.hypothetical)):
            continue   # «Если наш курьер застрянет в пробке, …» — a contingency, not an excuse
        if s.find(k.not_excuse):
            continue
        excused = bool(s.find(k.excuses))
        if not excused and i + 1 < len(sents) and sents[i + 1].opens_with(k.openers):
            excused = True   # «Наш дизайнер заболел. Поэтому макет будет в среду.»
        if not excused and i > 0 and sents[i - 1].find(k.prev_excuses):
            excused = True   # «Извините за задержку. Наш дизайнер заболел.»
        if not excused:
            continue
        end = s.end
        while end > s.start and at.text[end - 1].isspace():
            end -= 1
        yield Hit.span(src, s.start, end, topic=at.text[topic.start:topic.end])
