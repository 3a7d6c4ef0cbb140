"""Breaks a report title into lines at word boundaries, as offices set a 22 pt 公文 title."""

from __future__ import annotations

import functools

from toolkit.text.lexicon import COMMON, USER_DICT, Lexicon

# GB/T 9704-2012 7.3.1 allows a title several lines; about 18 characters of 22 pt fill a line of
# the 156 mm 版心 with a comfortable margin either side (practice).
MAX_CHARS = 18
# The 版心 holds 156 mm / 22 pt = 20.1 characters: a line may take two more than the comfortable
# measure, but only when that saves a line, and then as few more as will do (practice).
STRETCH = 2

# GB/T 15834-2011 line-breaking rules: 点号 and closing marks never start a line, opening marks
# never end one, and 连接号/破折号/省略号 are not torn from their neighbours.
_OPENING = frozenset("“‘（《〔【「『〈([{")
_CLOSING = frozenset("、，。：；！？”’）》〕】」』〉)]},.;:!?％%")
_CLOSERS = frozenset("”’）》〕】」』〉)]}")
_JOINERS = frozenset("—–-～~·…/／")
_SPACES = frozenset(" \t\u3000\u00a0")
# A break right after these marks ends a line on a pause the reader already makes.
_PAUSES = frozenset("、，；：。！？,;:")
# A number and its unit are one thing to a reader (2026年 never breaks as 2026 / 年).
_UNITS = frozenset(
    "年 年度 月 月份 日 号 季度 届 次 期 批 项 个 条 条款 件 家 所 类 名 人 万 亿 元 万元 亿元 周 周年 天 "
    "小时 分 点 版 号文 岁 户 座 处 公里 亩".split()
)
# Placeholder and coded names take a one-character suffix that belongs to them (X区, XX市).
_PLACE_SUFFIXES = frozenset("省市区县州盟旗镇乡村")

# Costs of a break between two units, in characters of imbalance between adjacent lines they
# are worth (the line DP adds one per character of length difference). A typist gives up some
# symmetry to break at a natural pause, but will not strand a word for it. Breaks a typist never
# makes are no breaks at all (see `_breakable`): after a conjunction or preposition ([link],
# [lead]), before 的 or another [head] word, inside a year and its period (2026年上半年).
_STRONG = 0  # after 、，; before 关于; after the organ name; before the document type
_NORMAL = 6  # between two ordinary words
_ORGAN_JOINT = 4  # between two organs of a joint issuer (…财政局 / XX市审计局…)
_INSIDE_ORGAN = 14  # inside one organ's name (X区人民政府 / 办公室…)
_AFTER_TAIL = 8  # a line ending on a function word (…进一步 / 加强…)
_INSIDE_NAME = 14  # before the word that names a campaign (安全生产 / 治本攻坚三年行动)
_UNKNOWN_BOTH = 10  # both sides unknown to the lexicon: probably inside a name
_UNKNOWN_ONE = 4
_SCRIPT_CHANGE = 4  # Latin or digits against Chinese without a mark between (X区, 5G网络)
_INSIDE_MARKS = 8  # per level inside quotes or 书名号 (《…》 is one name to the reader)
# Per character a line is longer than the one above it while the title still widens towards
# its middle (a diamond, 菱形): allowed, but only to spare a worse break.
_DIAMOND = 3
# The dearest break next to a line beyond the measure: a line is stretched to spare a line,
# never to tear a name (…〈中华人民共和国 / 安全生产法〉…).
_STRETCH_BREAK = _NORMAL + _UNKNOWN_ONE

# Segmentation cost, in bits, of a hand-listed phrase: about a word counted 2^14 times in
# jieba's dictionary, so a phrase beats any split of itself but not a likelier reading around it.
_PHRASE_CLASS = 14


class _Lexicon(Lexicon):
    """The shared word costs plus hand-listed phrases and the word classes break costs depend on."""

    def __init__(
        self, common: bytes, phrase_text: str, userdict_text: str, phrase_path: str = ""
    ) -> None:
        super().__init__(common)
        self.organ: set[str] = set()
        self.lead: set[str] = set()
        self.doctype: set[str] = set()
        self.link: set[str] = set()
        self.tail: set[str] = set()
        self.head: set[str] = set()
        self.period: set[str] = set()
        self.named: set[str] = set()
        sections: dict[str, set[str] | None] = {
            "organ": self.organ,
            "lead": self.lead,
            "doctype": self.doctype,
            "link": self.link,
            "tail": self.tail,
            "head": self.head,
            "period": self.period,
            "named": self.named,
            "phrase": None,
        }
        current: set[str] | None = None
        for number, raw in enumerate(phrase_text.splitlines(), 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            if line.startswith("[") and line.endswith("]"):
                if line[1:-1] not in sections:
                    from toolkit.core.errors import InputError, Place

                    raise InputError(
                        f"词表中有未知的分节“{line}”",
                        Place(phrase_path, number, raw.index("[") + 1),
                        "可用的分节：" + "、".join(f"[{name}]" for name in sections),
                    )
                current = sections[line[1:-1]]
                continue
            if current is not None:
                current.add(line)
            # Function words and one-character organ endings only classify; as words they are
            # already in the common list with their true counts.
            classifying = current is self.link or current is self.tail or current is self.head
            if not classifying and len(line) > 1:
                self.add(line, _PHRASE_CLASS)
        # Words a line never ends with: conjunctions, prepositions and 关于.
        self.binds = self.link | self.lead
        # The jieba domain dictionary names the same vocabulary: one place to add a term.
        for raw in userdict_text.splitlines():
            if raw and not raw.startswith("#"):
                self.add(raw.split(" ", 1)[0], _PHRASE_CLASS)


@functools.cache
def _lexicon() -> _Lexicon:
    """Loads the shipped word lists once per process (a few milliseconds, never at import)."""
    from toolkit.core import resources

    phrases = resources.path("corpora", "lexicon", "title-phrases.txt")
    userdict = resources.path(*USER_DICT)
    return _Lexicon(
        resources.path(*COMMON).read_bytes(),
        phrases.read_text(encoding="utf-8"),
        userdict.read_text(encoding="utf-8") if userdict.is_file() else "",
        str(phrases),
    )


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or ch == "\u3007"


def _is_alnum(ch: str) -> bool:
    return ch.isalnum() and not _is_han(ch)


def _segment_han(run: str, lex: _Lexicon, out: list[tuple[str, str]]) -> None:
    """Most probable segmentation of a run of Han characters (jieba's DAG idea, no HMM)."""
    # 'w' a word the lexicon knows, 'u' a character it does not (likely part of a name).
    out.extend((word, "w" if known else "u") for word, known in lex.segment(run))


def _atoms(title: str, lex: _Lexicon) -> list[tuple[str, str]]:
    """Words and marks in order, each with a kind: w u a(lnum) o(pen) c(lose) j(oin) s(pace) x."""
    atoms: list[tuple[str, str]] = []
    i, n = 0, len(title)
    while i < n:
        ch = title[i]
        j = i + 1
        if _is_han(ch):
            while j < n and _is_han(title[j]):
                j += 1
            _segment_han(title[i:j], lex, atoms)
        elif _is_alnum(ch):
            while j < n and (_is_alnum(title[j]) or title[j] == "." and j + 1 < n
                             and _is_alnum(title[j + 1])):
                j += 1
            atoms.append((title[i:j], "a"))
            # A number's unit is read with the number, not with what follows it (2026年 / 前三
            # 季度, not 2026 / 年前 / 三季度).
            if title[j - 1].isdigit() and j < n and _is_han(title[j]):
                unit = title[j : j + 2] if title[j : j + 2] in _UNITS else title[j]
                if unit in _UNITS:
                    atoms.append((unit, "w"))
                    j += len(unit)
        elif ch in _OPENING:
            atoms.append((ch, "o"))
        elif ch in _CLOSING:
            atoms.append((ch, "c"))
        elif ch in _JOINERS:
            atoms.append((ch, "j"))
        elif ch in _SPACES:
            atoms.append((ch, "s"))
        else:
            atoms.append((ch, "x"))
        i = j
    return atoms


def _breakable(atoms: list[tuple[str, str]], i: int, lex: _Lexicon) -> bool:
    """Whether a line may end after `atoms[i - 1]` and the next begin with `atoms[i]`."""
    prev, cur = atoms[i - 1], atoms[i]
    pk, ck = prev[1], cur[1]
    if ck in "cjs" or pk in "oj":
        return False
    if pk == "a" and (cur[0] in _UNITS or cur[0] in _PLACE_SUFFIXES):
        return False
    if prev[0] == "第" and ck == "a":
        return False
    # A line never ends with a conjunction or preposition (…和 / 《…》, …关于 / 2026年) nor
    # starts with 的 or a word such as 等 or 中 that leans on the one before it.
    if pk in "wu" and prev[0] in lex.binds:
        return False
    if ck in "wu" and (cur[0][0] == "的" or cur[0] in lex.head):
        return False
    # A year and its period are one date: 2026年上半年, 2026年第一季度, 2026年1—6月,
    # 2025—2026年度冬春.
    if prev[0] in ("年", "年度") and i > 1 and atoms[i - 2][1] == "a":
        if cur[0] in lex.period or cur[0] == "第":
            return False
        if ck == "a":
            j = i
            while j < len(atoms) and atoms[j][1] in "aj":
                j += 1
            if j < len(atoms) and atoms[j][0][:1] == "月":
                return False
    return True


def _units(title: str) -> tuple[list[str], list[int]]:
    """The unbreakable units of `title` and the cost of a line break before each of them."""
    lex = _lexicon()
    atoms = _atoms(title, lex)
    if not atoms:
        return [], []
    # Group atoms into units; per unit keep its first and last word-like atom and whether it
    # ends on a pause mark, which is all the break costs look at.
    spans: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(atoms)):
        if _breakable(atoms, i, lex):
            spans.append((start, i))
            start = i
    spans.append((start, len(atoms)))

    depth_at: list[int] = []  # open quotes/brackets before each unit
    depth = 0
    core: list[tuple[tuple[str, str] | None, tuple[str, str] | None]] = []
    pause: list[bool] = []
    in_note: list[bool] = []
    for s, e in spans:
        depth_at.append(depth)
        words = [a for a in atoms[s:e] if a[1] in "wuax"]
        core.append((words[0], words[-1]) if words else (None, None))
        trailing = ""
        for text, kind in atoms[s:e]:
            if kind == "o":
                depth += 1
            elif kind == "c" and text in _CLOSERS and depth:
                depth -= 1
            trailing = trailing + text if kind == "c" else ""
        pause.append(any(ch in _PAUSES for ch in trailing))
        in_note.append(atoms[s][1] == "o" or depth_at[-1] > 0)

    def first(k: int) -> str:
        word = core[k][0]
        return word[0] if word else ""

    def last(k: int) -> str:
        word = core[k][1]
        return word[0] if word else ""

    count = len(spans)
    # The issuing organ is what precedes the first 关于 (第九条: organ + 事由 + type); without
    # 关于, the first run of organ words that contains a multi-character ending such as 人民政府.
    organ_end = 0
    for k in range(1, count):
        if first(k) in lex.lead:
            organ_end = k
            break
    else:
        for k in range(count):
            if last(k) in lex.organ and len(last(k)) > 1:
                organ_end = k + 1
                while organ_end < count and first(organ_end) in lex.organ:
                    organ_end += 1
                break
        if organ_end >= count:
            organ_end = 0
    # A document type counts as closing the title when only bracketed notes follow it
    # (……的通知（征求意见稿）).
    closing_from = count
    while closing_from > 0 and in_note[closing_from - 1]:
        closing_from -= 1
    closing_from -= 1

    costs = [0]
    for k in range(1, count):
        left, right = core[k - 1][1], core[k][0]
        lw, rw = last(k - 1), first(k)
        if pause[k - 1] or k == organ_end or (k == closing_from and rw in lex.doctype):
            cost = _STRONG
        elif k < organ_end:
            joint = lw in lex.organ and rw not in lex.organ
            cost = _ORGAN_JOINT if joint else _INSIDE_ORGAN
        else:
            cost = _NORMAL
            if lw in lex.tail:
                cost += _AFTER_TAIL
            touching = atoms[spans[k - 1][1] - 1][1] in "wua" and atoms[spans[k][0]][1] in "wua"
            if rw in lex.named and touching:
                cost += _INSIDE_NAME
            kinds = (left[1] if left else "x") + (right[1] if right else "x")
            unknown = sum(kind in "ux" for kind in kinds)
            cost += (0, _UNKNOWN_ONE, _UNKNOWN_BOTH)[unknown]
            # Only when the two touch: a mark between them is a boundary a reader sees.
            if touching:
                if ("a" in kinds) and kinds != "aa":
                    cost += _SCRIPT_CHANGE
        # Squared: a name quoted inside a name (〈…法〉 within 《…》) is short and whole.
        cost += _INSIDE_MARKS * depth_at[k] * depth_at[k]
        costs.append(cost)
    units = ["".join(text for text, _ in atoms[s:e]) for s, e in spans]
    return units, costs


def title_units(title: str) -> list[str]:
    """The pieces `break_title` never splits: words and fixed phrases with their marks attached."""
    return _units(title)[0]


def break_title(title: str, max_chars: int = MAX_CHARS, stretch: int = STRETCH) -> list[str]:
    """Lines for a 公文 title, broken at word boundaries as a careful office typist would.

    In order of importance: as few lines as possible, each at most `max_chars` characters, or up
    to `stretch` more when that saves a line (a single unbreakable unit longer than that gets a
    line of its own; a stretched line needs cheap breaks on both sides); then as few characters
    beyond `max_chars` as will do; then 上长下短: no line longer than the one above it, except
    that a title of three or more lines may widen towards its middle (菱形) when that spares a
    bad break, and the last line is longer than the one above only when no break gives that
    few lines and that little stretch otherwise; then the cheapest breaks (after 、 or ，, before
    关于 or after the organ name, before the document type are free; inside an organ name or a
    campaign's name, after a function word, inside quotes or 书名号 are dear) together with the
    least difference in length between adjacent lines. Lines never start with 、，。：；”）, 的,
    等 or 中 and never end with “（《, a conjunction or a preposition (和 与 及 并 对 在 关于 …);
    a year keeps its period (2026年上半年). Joined, the lines give `title` back exactly. An
    empty title gives no lines.

    The reference title "X区人民政府办公室关于贯彻落实中央、省、市重大决策部署工作情况汇报"
    (33 characters) needs two lines. With both lines within 18 and the upper one not shorter,
    the break must fall after the 17th or 18th character; after the 17th a line would start
    with 、, so it falls after "中央、", on a 顿号 where a reader pauses anyway:
    ["X区人民政府办公室关于贯彻落实中央、", "省、市重大决策部署工作情况汇报"] (18 + 15).
    A typist could keep the enumeration whole ("…关于贯彻落实" / "中央、省、市…工作情况汇报",
    15 + 18), but that puts the longer line below; "organ / 关于… / 工作情况汇报" spends a
    third line on a title that fits in two.

    Stretching: "青山区人民政府办公室关于优化营商环境推动“高效办成一件事”改革工作情况汇报" (37)
    takes three lines of at most 18 but two of at most 20; of the two-line breaks, 18 + 19
    ("…优化营商环境" / "推动“高效办成一件事”改革工作情况汇报") goes one character beyond the
    measure where 20 + 17 goes two, and keeps the verb with its object.
    """
    if max_chars < 1:
        raise ValueError("max_chars must be at least 1")
    if stretch < 0:
        raise ValueError("stretch must not be negative")
    fit = max_chars + stretch
    if len(title) <= fit:
        return [title] if title else []
    units, costs = _units(title)
    count = len(units)
    prefix = [0]
    for unit in units:
        prefix.append(prefix[-1] + len(unit))

    # Dynamic programming over states (first unit of the next line; length of the line above;
    # shape so far: 0 never widened, 1 widening towards a diamond's middle, 2 narrowing after
    # it). Costs compare as (lines, characters beyond the measure, shape faults, badness):
    # fewer lines always win, then the least stretch, then the shape, then the breaks and the
    # balance.
    best: list[
        dict[tuple[int, int], tuple[tuple[int, int, int, int], tuple[int, tuple[int, int]] | None]]
    ]
    best = [{} for _ in range(count + 1)]
    best[0][(0, 0)] = ((0, 0, 0, 0), None)
    for k in range(count):
        for state, (key, _) in best[k].items():
            above, phase = state
            lines, over, faults, badness = key
            for m in range(k + 1, count + 1):
                length = prefix[m] - prefix[k]
                if length > fit and m > k + 1:
                    break
                extra = length - max_chars if length > max_chars else 0
                if extra and m > k + 1 and (
                    costs[k] > _STRETCH_BREAK or m < count and costs[m] > _STRETCH_BREAK
                ):
                    continue
                fault, bad, now = 0, costs[m] if m < count else 0, phase
                if lines:
                    bad += abs(above - length)
                    if length > above:
                        if phase == 2:
                            fault = length - above  # widening again: no shape at all
                        else:
                            bad += _DIAMOND * (length - above)
                            now = 1
                    elif length < above and phase == 1:
                        now = 2
                if m == count and now == 1:
                    fault += 1  # widened and never narrowed: an upside-down trapezoid
                candidate = (lines + 1, over + extra, faults + fault, badness + bad)
                target = (length, now)
                seen = best[m].get(target)
                if seen is None or candidate < seen[0]:
                    best[m][target] = (candidate, (k, state))
                if length > fit:
                    break
    final = best[count]
    state = min(final, key=lambda s: final[s][0])
    lines: list[str] = []
    m = count
    while m > 0:
        _, back = best[m][state]
        k, previous = back
        lines.append("".join(units[k:m]))
        m, state = k, previous
    lines.reverse()
    return lines
