"""Numbers an outline (一、（一）1.（1）, 一是), fills count words and fixes sentence punctuation."""

from __future__ import annotations

from toolkit.core.document import BODY, HEADING, SALUTATION, Block, Document, Span, lead_length
from toolkit.core.numerals import count_word, marker, series_marker
from toolkit.draft.outline import COUNT_SLOT, OutBlock, Piece, SeriesItem

SENTENCE_END = "。！？"
CLOSERS = "”’）》」』】〕"
# Marks a writer may leave at the end of a text that the toolkit replaces with its own.
_TRAILING = "。，；：、,.;:!?！？ \t\u3000"


def _text(ps: list[Piece]) -> str:
    return "".join(p.text for p in ps)


def strip_final(ps: list[Piece], marks: str = _TRAILING) -> list[Piece]:
    """Pieces without trailing punctuation and spaces (headings and run-in titles carry none)."""
    out = [Piece(p.text, p.origin, p.offset) for p in ps]
    while out:
        last = out[-1]
        trimmed = last.text.rstrip(marks)
        if trimmed:
            last.text = trimmed
            break
        out.pop()
    return out


def finish_sentence(ps: list[Piece]) -> list[Piece]:
    """Pieces ending with exactly one sentence-final mark, whether or not the writer typed one."""
    text = _text(ps).rstrip()
    if not text:
        return []
    core = text.rstrip(CLOSERS)
    if core.endswith(tuple(SENTENCE_END)) or core.endswith("……"):
        return strip_final(ps, " \t\u3000")
    if text.endswith(("：", ":")):  # a lead-in (“现将有关情况报告如下：”) keeps its colon
        return strip_final(ps, ":： \t\u3000") + [Piece("：")]
    out = strip_final(ps, "，；、,.; \t\u3000")
    return out + [Piece("。")]


def _with_count(ps: list[Piece], count: int) -> list[Piece]:
    """Replace each {数} with the Chinese count, keeping the origins of the text around it."""
    out: list[Piece] = []
    for p in ps:
        if COUNT_SLOT not in p.text:
            out.append(p)
            continue
        offset = p.offset
        for n, chunk in enumerate(p.text.split(COUNT_SLOT)):
            if n:
                out.append(Piece(count_word(count)))
                offset += len(COUNT_SLOT)
            if chunk:
                out.append(Piece(chunk, p.origin, offset))
            offset += len(chunk)
    return out


class _Builder:
    """Accumulates a block's text and the spans that map it back to YAML."""

    def __init__(self):
        self.parts: list[str] = []
        self.spans: list[Span] = []
        self.length = 0

    def add(self, ps: list[Piece] | str) -> None:
        for p in [Piece(ps)] if isinstance(ps, str) else ps:
            if p.origin is not None and p.text:
                self.spans.append(Span(self.length, self.length + len(p.text), p.origin, p.offset))
            self.parts.append(p.text)
            self.length += len(p.text)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _inline_series(b: _Builder, items: list[SeriesItem], separator: str) -> None:
    if separator == "auto":
        separator = "。" if any(_text(i.body).strip() for i in items) else "；"
    for n, item in enumerate(items, 1):
        if len(items) > 1:  # one item is no series: no 一是
            b.add(series_marker(n))
        lead = strip_final(item.lead)
        if separator == "。":
            if lead:
                b.add(lead)
                b.add("。")
            b.add(finish_sentence(item.body))
            continue
        b.add(lead)
        body = strip_final(item.body)
        if body:
            b.add("，" if lead else "")
            b.add(body)
        b.add("。" if n == len(items) else "；")


def _count(blocks: list[OutBlock], i: int) -> int:
    """How many direct children the block at i introduces (for its {数})."""
    here = blocks[i]
    if here.kind == HEADING:
        level = here.level
    else:  # a body paragraph counts the parts of the section it stands in
        level = next((b.level for b in reversed(blocks[:i]) if b.kind == HEADING), 0)
    end = next((j for j in range(i + 1, len(blocks))
                if blocks[j].kind == HEADING and blocks[j].level <= level), len(blocks))
    inside = blocks[i + 1:end]
    levels = [b.level for b in inside if b.kind == HEADING]
    if levels:
        return levels.count(min(levels))
    series = [b.series for b in inside if b.series]
    if series:
        return series.count(series[0])
    own = here.inline or next((b.inline for b in inside if b.inline), [])
    return len(own)


def compose(outline: list[OutBlock], kind: str = "", unit: str = "", source: str = "") -> Document:
    """The numbered, punctuated Document for an outline."""
    counters = [0] * 5
    series_seen: dict[int, int] = {}
    # A “series” of one is not a series: 一是 with no 二是 reads as a mistake, so it gets no ordinal.
    series_size: dict[int, int] = {}
    for ob in outline:
        if ob.series:
            series_size[ob.series] = series_size.get(ob.series, 0) + 1
    blocks: list[Block] = []
    for i, ob in enumerate(outline):
        body = ob.body
        lead = ob.lead
        if any(COUNT_SLOT in p.text for p in body + lead):
            count = _count(outline, i)
            body, lead = _with_count(body, count), _with_count(lead, count)
        b = _Builder()
        mark = ""
        runin = False
        series = 0
        if ob.kind == HEADING:
            if not 1 <= ob.level <= 4:
                raise ValueError(f"heading level must be 1–4, not {ob.level}")
            counters[ob.level] += 1
            for deeper in range(ob.level + 1, 5):
                counters[deeper] = 0
            mark = marker(ob.level, counters[ob.level])
            b.add(mark)
            if lead or ob.inline:  # run-in heading: “1.标题。正文”
                runin = True
                if lead:
                    b.add(strip_final(lead))
                    b.add("。")
                b.add(finish_sentence(body))
                if ob.inline:
                    _inline_series(b, ob.inline, ob.separator)
            else:
                b.add(strip_final(body))
        elif ob.series and series_size[ob.series] == 1:
            if _text(lead).strip():
                b.add(strip_final(lead))
                b.add("。")
            b.add(finish_sentence(body))
        elif ob.series:
            series = series_seen[ob.series] = series_seen.get(ob.series, 0) + 1
            mark = series_marker(series)
            b.add(mark)
            runin = True
            if _text(lead).strip():
                b.add(strip_final(lead))
                b.add("。")
            b.add(finish_sentence(body))
        elif ob.kind == SALUTATION:
            b.add(strip_final(body))
            b.add("：")
        elif ob.kind == BODY:
            b.add(finish_sentence(body))
            if ob.inline:
                _inline_series(b, ob.inline, ob.separator)
        else:
            b.add(strip_final(body, " \t\u3000"))
        if not b.text:
            continue
        lead_len = lead_length(b.text, mark) if runin else 0
        blocks.append(Block(ob.kind, b.text, level=ob.level if ob.kind == HEADING else 0,
                            marker=mark, lead=lead_len, series=series, spans=tuple(b.spans)))
    return Document(blocks, kind=kind, unit=unit, source=source)
