"""Parses external report text (pasted, TXT, DOCX paragraphs) into the composer's Document type."""

from __future__ import annotations

import re
from dataclasses import dataclass

from toolkit.core.document import (ATTACHMENT, BODY, DATE, HEADING, NOTE, SALUTATION, SIGNATURE,
                                   SUBTITLE, TITLE, Block, Document, Origin, Span, lead_length)
from toolkit.core.numerals import chinese
from toolkit.core.numerals import marker as standard_marker
from toolkit.core.numerals import parse_chinese

# How the parser reads a text (the heuristics, in the order they are applied):
#
# 1. Every non-empty line is a paragraph; leading and trailing spaces (full-width too) are not
#    part of its text, but its span keeps the column of the first visible character.
# 2. The body starts at the first "opening" line: a salutation-shaped line, a numbered heading, a
#    一是 paragraph, an attachment line or a sentence (has 。！？ or ends with ；/……) -- unless it is
#    download-site boilerplate (温馨提示, 下载, 本站, 客服 …). Going back from it over subtitle-
#    shaped lines (——…, （…）, dates, “职务 姓名”), the line reached is the title if it is
#    title-shaped (no sentence marks, no colon, no marker, at most 80 characters) and either names
#    a document type (汇报/报告/总结/讲话/发言/述职…) or is the first line that is not
#    boilerplate. A short line without a type word right under a line that ends with one is the
#    speaker (“XX局局长张三”), not the title. Identical lines right before the title are the same title repeated (kept as separate
#    TITLE blocks so a rule can flag them); longer title-shaped lines before those are the first
#    lines of a title split over several lines and are joined into it -- but never a line that
#    is itself a complete title (ends with a type word), nor short keyword tags (under 5
#    characters, or a run of short lines). Lines before the title are boilerplate: BODY.
#    Scanning for this stops at the first salutation or level-1/2 heading (or after 60 lines):
#    past that point the report has started, and an untitled report keeps no title.
# 3. The line after the title and subtitles is the salutation if it is short and ends with a colon.
# 4. At the end: a date line is DATE; a “（…）” line after it is NOTE; a short unpunctuated line
#    before it is SIGNATURE (without a date, only a line ending like an organ name, 局/办公室/政府…).
# 5. Everything else: a line opening with a numbering marker is a HEADING at the level the marker
#    means, however long it is (length and final marks are for the rules to judge) -- but “一、二级
#    医院” and “三、四季度” list ordinals, they are not the marker “一、” (unless the line is the next
#    level-1 heading by number and holds no sentence: “一、…” then “二、三级医院建设”); a line opening
#    with 一是/第一，/首先 … is a series paragraph unless it also holds the next item (二是 …), in
#    which case it is an inline series, plain BODY, as the composer makes it (最后， counts only
#    after another item of its section: alone it is a closing remark); “附件：” and the
#    numbered lines after it are ATTACHMENT; the rest is BODY.

_CN_DIGITS = "一二三四五六七八九十百零〇"
_DIGITS = "0-9０-９"
_SPACE = " \t\u3000\u00a0\ufeff"

# GB/T 9704-2012 7.3.3 markers and the variants people type for them: (level meant, pattern). Each
# pattern matches at the start of a paragraph; group "n" (or "c" for ①, ⑴, ⒈) is the number and the
# whole match is the marker as written. Tried in this order; the first match wins.
HEADING_PATTERNS: tuple[tuple[int, re.Pattern], ...] = (
    # level 2 before level 1 and level 4 before level 3: their markers open with a bracket
    (2, re.compile(rf"[（(][ \u3000]*(?P<n>[{_CN_DIGITS}]{{1,4}})[ \u3000]*[）)][、.．，,]?")),
    (2, re.compile(rf"(?P<n>[{_CN_DIGITS}]{{1,4}})[）)][、.．，,]?")),
    # "一 些" is a word with a stray space, not "一 " + 些
    (1, re.compile(rf"(?P<n>[{_CN_DIGITS}]{{1,4}})"
                   rf"(?:[、.．，,]|[ \u3000]+(?![ \u3000些个是直起定般样切旦共向方面边半]))")),
    (4, re.compile(rf"[（(][ \u3000]*(?P<n>[{_DIGITS}]{{1,2}})[ \u3000]*[）)][、.．，,]?")),
    (4, re.compile(rf"(?P<n>[{_DIGITS}]{{1,2}})[）)][、.．，,]?")),
    (4, re.compile(r"(?P<c>[\u2460-\u2473\u2474-\u2487])[、.．，, \u3000]?")),  # ① … ⑳, ⑴ … ⒇
    (3, re.compile(r"(?P<c>[\u2488-\u249b])")),  # ⒈ … ⒛
    # "1.5亿" is a number, not a marker; "3 月份" is a date, not "3 " + 月份
    (3, re.compile(rf"(?P<n>[{_DIGITS}]{{1,2}})(?:[.．、，,](?![{_DIGITS}])"
                   rf"|[ \u3000]+(?![ \u3000{_DIGITS}年月日号时点分秒个项次件人家所名位元万亿千百%％倍天周岁]))")),
)


# “一、二级医院” “三、四季度” “一、二、三产业”: ordinals listed before what they qualify, not “一、”
# and a heading about “二级医院”. A higher numeral right after the marker, before a word that
# numerals qualify, makes the line a sentence.
_ORDINAL_LIST = re.compile(r"(?P<n>[一二三四五六七八九十]{1,3})(?:[、，,][一二三四五六七八九十]{1,3})*"
                           r"(?:级|类|等|档|批|期|星|线|季度|年级|产业|胎|孩|甲|号)")


def _ordinal_list(text: str, mark: str, n: int) -> bool:
    m = _ORDINAL_LIST.match(text, len(mark))
    return m is not None and mark[-1] in "、，," and (parse_chinese(m.group("n")) or 0) > n


def _listed_ordinals(text: str) -> tuple[int, str, int] | None:
    """The level-1 marker a line would open with if it did not list ordinals (“一、二级医院”)."""
    for level, pattern in HEADING_PATTERNS:
        m = pattern.match(text)
        if m:
            if level != 1:
                return None
            n = parse_chinese(m.group("n")) or 0
            return (1, m.group(0), n) if _ordinal_list(text, m.group(0), n) else None
    return None


def _marker_match(text: str) -> tuple[int, str, int] | None:
    for level, pattern in HEADING_PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        if level == 1 and _ordinal_list(text, m.group(0), parse_chinese(m.group("n")) or 0):
            return None
        if "c" in m.groupdict() and m.group("c"):
            c = ord(m.group("c"))
            n = c - 0x2460 + 1 if c <= 0x2473 else c - 0x2474 + 1 if c <= 0x2487 else c - 0x2488 + 1
        else:
            raw = m.group("n")
            n = int(raw) if raw[0] not in _CN_DIGITS else (parse_chinese(raw) or 0)
            if not n:
                continue
        return level, m.group(0), n
    return None


def heading_marker(text: str) -> tuple[int, str, bool] | None:
    """The numbering marker a paragraph opens with: (level meant, marker as written, standard?).

    Level 1 “一、”, 2 “（一）”, 3 “1.”, 4 “（1）” (GB/T 9704-2012 7.3.3) are standard. Variants count as
    the level they mean: “一.” “一，” “一 ” → 1; “(一)” “（一）、” “一）” → 2; “1、” “1．” “1，” “1 ” → 3;
    “(1)” “1）” “（1）、” ①②⑴ → 4. A decimal (“1.5亿”) or a date (“3 月”) is not a marker.
    """
    found = _marker_match(text)
    if found is None:
        return None
    level, mark, n = found
    return level, mark, mark == standard_marker(level, n)


def marker_number(mark: str) -> int | None:
    """The number a heading marker stands for (“（三）” → 3, “12.” → 12, “②” → 2), or None."""
    found = _marker_match(mark)
    return found[2] if found and found[1] == mark else None


_SERIES_ORDINAL = re.compile(rf"(?P<n>[{_CN_DIGITS}]{{1,4}})(?P<w>[是要])")
# 第一、第三产业 and 第一、二轮督察 list ordinals; they do not open a series.
_SERIES_NTH = re.compile(rf"第(?P<n>[{_CN_DIGITS}]{{1,4}})(?:[，,：:]|、(?!第?[{_CN_DIGITS}]))")
# 再次 ("again") and 最后 ("the last one") open ordinary sentences too; only a comma makes them
# ordinals. 首先 and 其次 are ordinals whatever follows.
_SERIES_WORDS = re.compile(r"(?:(?P<w>首先|其次)[，,、：:]?|(?P<v>再次|最后)[，,、：:])")
_WORD_VALUES = {"首先": 1, "其次": 2, "再次": 3, "最后": 0}


def series_marker_of(text: str) -> tuple[int, str] | None:
    """The series ordinal a paragraph opens with: (value, marker as written), or None.

    一是/二是 … 十一是 and 一要 (marker without punctuation, as the composer writes it); 第一，
    (marker with its comma, which GB/T 15834-2011 requires); 首先 1, 其次 2, 再次 3 (with the comma
    when there is one). 最后 gives 0: it means "the last", whatever number that is.
    """
    m = _SERIES_ORDINAL.match(text)
    if m:
        n = parse_chinese(m.group("n"))
        return (n, m.group(0)) if n else None
    m = _SERIES_NTH.match(text)
    if m:
        n = parse_chinese(m.group("n"))
        return (n, m.group(0)) if n else None
    m = _SERIES_WORDS.match(text)
    if m:
        return _WORD_VALUES[m.group("w") or m.group("v")], m.group(0)
    return None


def _next_marker_inside(text: str, value: int, mark: str) -> bool:
    """Whether a series paragraph also holds its next item (an inline 一是……二是…… series)."""
    rest = text[len(mark):]
    if _SERIES_ORDINAL.match(mark):
        return chinese(value + 1) + mark[-1] in rest
    if mark.startswith("第"):
        return re.search(rf"第{chinese(value + 1)}[，,、：:]", rest) is not None
    return mark.startswith("首先") and "其次" in rest


# ------------------------------------------------------------------------------- line shapes

_SENTENCE_MARKS = "。！？!?"
_TITLE_BREAKERS = set("。！？；!?;：:")
_TYPE_WORDS = ("汇报", "报告", "总结", "讲话", "发言", "述职")
_NOTICE = re.compile(
    r"温馨提示|下载|本站|本文档|文档由|网站|客服|版权|侵权|上传|预览|投诉|VIP|会员|范文|文库|公众号|"
    r"仅供参考|仅供学习|https?:|www\.|\.com|扫码|二维码|第\s*\d+\s*页|共\s*\d+\s*页",
    re.IGNORECASE)
_DATE = re.compile(
    rf"[（(]?[ \u3000]*(?:[{_DIGITS}]{{2,4}}|[{_CN_DIGITS}○Ｏ]{{2,4}})[ \u3000]*[年./\-－][ \u3000]*"
    rf"(?:[{_DIGITS}]{{1,2}}|[{_CN_DIGITS}]{{1,2}})[ \u3000]*[月./\-－][ \u3000]*"
    rf"(?:[{_DIGITS}]{{1,2}}|[{_CN_DIGITS}]{{1,3}})[ \u3000]*[日号]?[ \u3000]*[）)]?")
_SALUTATION_MAX = 40
_TITLE_MAX = 80
_ORGAN = re.compile(
    r"(?:局|委|办|办公室|政府|委员会|厅|部|处|科|室|中心|院|所|站|队|会|组|公司|集团|党组|党委|"
    r"支部|街道|镇|乡|村|社区|学校|医院|馆|署|行|社|团|庭|股|厂|场)$")
_ATTACHMENT = re.compile(rf"附件[{_DIGITS}{_CN_DIGITS}]*[：:]")
_ATTACHMENT_ITEM = re.compile(rf"[{_DIGITS}]{{1,2}}[.．、]")


def _bare(text: str) -> str:
    return re.sub(rf"[{_SPACE}]+", "", text)


def _notice(text: str) -> bool:
    return _NOTICE.search(text) is not None


def _is_date(text: str) -> bool:
    return _DATE.fullmatch(text) is not None


def _has_type_word(text: str) -> bool:
    return any(w in _bare(text) for w in _TYPE_WORDS)


def _ends_with_type_word(text: str) -> bool:
    return _bare(text).rstrip("）)").endswith(_TYPE_WORDS)


def _titleish(text: str) -> bool:
    """A line that could be (part of) a title: short, no sentence marks, colon or marker."""
    bare = _bare(text)
    return (0 < len(bare) <= _TITLE_MAX and not _TITLE_BREAKERS & set(bare)
            and bare[-1] not in "，,、" and not bare.endswith("……")
            and _marker_match(text) is None and series_marker_of(text) is None
            and not _is_date(text) and not _notice(text))


def _letter_spaced(text: str) -> bool:
    return re.fullmatch(rf"(?:\S[{_SPACE}]+)+\S", text) is not None


def _subtitle_form(text: str) -> bool:
    """Speaker, post or date lines under a title: ——…, （…）, a date, 职务 姓名, 汇报人：…"""
    if text.startswith(("—", "－", "--", "─")):
        return True
    if text[0] in "（(" and text[-1] in "）)":
        return True
    if _is_date(text) or re.match(r"(?:汇报人|报告人|发言人|述职人|讲话人|单位|作者)[：:]", text):
        return True
    parts = re.split(rf"[{_SPACE}]+", text)
    return (len(parts) >= 2 and not _letter_spaced(text) and _titleish(text)
            and len(_bare(text)) <= 30 and 2 <= len(parts[-1]) <= 4
            and not _has_type_word(text))


def _salutation_shaped(text: str) -> bool:
    return (text[-1] in "：:" and len(_bare(text)) <= _SALUTATION_MAX
            and not set(text) & set("。！？；!?;") and _marker_match(text) is None
            and not _notice(text))


def _sentence(text: str) -> bool:
    return any(c in text for c in _SENTENCE_MARKS) or text.endswith(("；", ";", "……"))


def _opening(text: str) -> bool:
    """A line that can only belong to the report's body (or its salutation)."""
    if _notice(text):
        return False
    return (_salutation_shaped(text) or _marker_match(text) is not None
            or series_marker_of(text) is not None or _ATTACHMENT.match(text) is not None
            or _sentence(text))


def _signature_shaped(text: str) -> bool:
    return (len(_bare(text)) <= _SALUTATION_MAX and not set(text) & set("。！？；，,;!?：:")
            and not text.endswith("……") and _marker_match(text) is None
            and series_marker_of(text) is None and not _is_date(text))


def _paren_wrapped(text: str) -> bool:
    return len(text) >= 2 and text[0] in "（(" and text[-1] in "）)"


# ------------------------------------------------------------------------------------ lines

@dataclass
class SourceLine:
    """One paragraph of the input, without surrounding spaces; spans map it back to its file."""

    text: str
    spans: tuple[Span, ...] = ()


_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LEADING = re.compile(rf"^[\s{_SPACE}]*")


def split_lines(text: str, path: str = "<文本>") -> list[SourceLine]:
    """The non-empty lines of a text, each with a span pointing at its file line and column."""
    lines: list[SourceLine] = []
    for number, raw in enumerate(_LINE_BREAK.split(text), 1):
        lead = _LEADING.match(raw).end()
        body = raw[lead:].rstrip()
        if body:
            origin = Origin(path, number, lead + 1, simple=True)
            lines.append(SourceLine(body, (Span(0, len(body), origin),)))
    return lines


def _join(lines: list[SourceLine]) -> SourceLine:
    text, spans = "", []
    for line in lines:
        spans += [Span(s.start + len(text), s.end + len(text), s.origin, s.offset)
                  for s in line.spans]
        text += line.text
    return SourceLine(text, tuple(spans))


# ------------------------------------------------------------------------------------- head

_HEAD_SCAN = 60


@dataclass
class _Head:
    boilerplate: int  # lines [0, boilerplate) are download-site text and the like
    titles: list[list[int]]  # each title block: the line indices joined into it
    body: int  # first line after the title and subtitles


def _find_title(lines: list[str], anchor: int) -> _Head | None:
    """The title block(s) before the opening line `anchor`, if there is one."""
    i = anchor - 1
    while i >= 0 and _subtitle_form(lines[i]) and anchor - i <= 6:
        i -= 1
    if i < 0 or not _titleish(lines[i]):
        return None
    last = i
    # A short line without a type word under a complete title is the speaker, not the title.
    while (last > 0 and not _has_type_word(lines[last]) and len(_bare(lines[last])) <= 30
           and _titleish(lines[last - 1]) and _ends_with_type_word(lines[last - 1])):
        last -= 1
    first = last
    while first > 0 and lines[first - 1] == lines[last]:
        first -= 1
    # Earlier lines of a title split over several lines.
    group = [first]
    while group[0] > 0 and len(group) < 4:
        k = group[0] - 1
        prev = lines[k]
        joined = sum(len(_bare(lines[j])) for j in group)
        short_run = k > 0 and len(_bare(lines[k - 1])) <= 6 and _titleish(lines[k - 1])
        if (not _titleish(prev) or _subtitle_form(prev) or prev == lines[first]
                or len(_bare(prev)) < 5 or (len(_bare(prev)) <= 6 and short_run)
                or _ends_with_type_word(prev) or joined + len(_bare(prev)) > _TITLE_MAX):
            break
        group.insert(0, k)
    start = group[0]
    if not _has_type_word("".join(lines[j] for j in group)):
        if any(not _notice(lines[j]) for j in range(start)):
            return None  # a plain line in the middle of text is not a title
    titles = [group] + [[j] for j in range(first + 1, last + 1)]
    return _Head(start, titles, anchor)


def _head(lines: list[str]) -> _Head | None:
    for anchor in range(min(len(lines), _HEAD_SCAN)):
        text = lines[anchor]
        if not _opening(text):
            continue
        head = _find_title(lines, anchor)
        if head is not None:
            return head
        found = _marker_match(text)
        if _salutation_shaped(text) or (found is not None and found[0] <= 2):
            return None
    return None


# ------------------------------------------------------------------------------------ parse

def kind_of_title(title: str) -> str:
    """The report kind a title names (述职报告, 调研报告, 工作总结, 工作情况汇报, 情况报告), or ""."""
    return _kind_of(title)


def _kind_of(title: str) -> str:
    bare = _bare(title)
    if "述职报告" in bare:
        return "述职报告"
    if "调研报告" in bare:
        return "调研报告"
    if "总结" in bare:
        return "工作总结"
    if "汇报" in bare:
        return "工作情况汇报"
    if re.search(r"关于.+报告", bare):
        return "情况报告"
    return ""


def _tail(lines: list[str], start: int) -> dict[int, str]:
    """Kinds of the closing lines (signature, date, note) found at or after `start`."""
    kinds: dict[int, str] = {}
    end = len(lines)
    if end - 2 >= start and _paren_wrapped(lines[end - 1]):
        before = lines[end - 2]
        if _is_date(before) or (_signature_shaped(before) and _ORGAN.search(before)):
            kinds[end - 1] = NOTE
            end -= 1
    dated = end - 1 >= start and _is_date(lines[end - 1])
    if dated:
        kinds[end - 1] = DATE
        end -= 1
    if end - 1 >= start and _signature_shaped(lines[end - 1]):
        if dated or _ORGAN.search(lines[end - 1]):
            kinds[end - 1] = SIGNATURE
    return kinds


def _block(kind: str, line: SourceLine, level: int = 0, mark: str = "", lead: int = 0,
           series: int = 0) -> Block:
    return Block(kind, line.text, level=level, marker=mark, lead=lead, series=series,
                 spans=line.spans)


def parse_lines(source: list[SourceLine], path: str = "<文本>") -> Document:
    """The Document for paragraphs already split (from a text file or a DOCX)."""
    texts = [line.text for line in source]
    blocks: list[Block] = []
    head = _head(texts)
    body = 0
    if head is not None:
        blocks += [_block(BODY, source[j]) for j in range(head.boilerplate)]
        for group in head.titles:
            blocks.append(_block(TITLE, _join([source[j] for j in group])))
        last_title = head.titles[-1][-1]
        blocks += [_block(SUBTITLE, source[j]) for j in range(last_title + 1, head.body)]
        body = head.body
    if body < len(texts) and _salutation_shaped(texts[body]):
        blocks.append(_block(SALUTATION, source[body]))
        body += 1
    closing = _tail(texts, body)
    in_attachment = False
    series_seen = 0  # the value of the last series paragraph in this section, for 最后
    top = 0  # the number of the last level-1 heading
    for j in range(body, len(texts)):
        line, text = source[j], texts[j]
        if j in closing:
            blocks.append(_block(closing[j], line))
            continue
        if _ATTACHMENT.match(text):
            blocks.append(_block(ATTACHMENT, line))
            in_attachment = _ATTACHMENT_ITEM.match(text[_ATTACHMENT.match(text).end():]) is not None
            continue
        if in_attachment and _ATTACHMENT_ITEM.match(text):
            blocks.append(_block(ATTACHMENT, line))
            continue
        in_attachment = False
        found = _marker_match(text)
        if found is None:
            # “二、三级医院建设” right after “一、”, without a sentence in it, is the next heading.
            listed = _listed_ordinals(text)
            if listed is not None and listed[2] == top + 1 and not _sentence(text):
                found = listed
        if found is not None:
            level, mark, n = found
            blocks.append(_block(HEADING, line, level, mark, lead_length(text, mark)))
            series_seen = 0
            top = n if level == 1 else top
            continue
        series = series_marker_of(text)
        if series is not None:
            value, mark = series
            if value == 0:  # 最后: one after the item before it, if it closes a series
                value = series_seen + 1 if series_seen else 0
            if value and not _next_marker_inside(text, value, mark):
                blocks.append(_block(BODY, line, 0, mark, lead_length(text, mark), value))
                series_seen = value
                continue
        blocks.append(_block(BODY, line))
    title = next((b.text for b in blocks if b.kind == TITLE), "")
    unit = next((b.text for b in blocks if b.kind == SIGNATURE), "")
    return Document(blocks, kind=_kind_of(title), unit=unit, source=path)


def parse_text(text: str, path: str = "<文本>") -> Document:
    """The Document of a report's plain text: one paragraph per non-empty line.

    Each block's spans give the file line and column of every character
    (`block.origin_at(offset)`). See the module comments for how titles, headings, series,
    salutation, signature and date are recognised.
    """
    return parse_lines(split_lines(text, path), path)
