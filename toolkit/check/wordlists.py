"""Word lists as data: loads, validates and matches corpora/wordlists and users' own list files.

A list file (YAML; English or Chinese keys) either defines a list or extends one:

    code: W501                 # a rule code; omit it for a data-only list (see request-phrases)
    name: unit-words           # kebab-case, unique
    severity: 警告             # 错误 / 警告 / 提示
    message: "“{word}”……改为“{suggestion}”。"   # placeholders: {word} {suggestion} {note}
    basis: 写作惯例
    summary: 这条规则查什么、为什么。
    fix: false                 # wording is suggested, never rewritten
    ignore_quoted: false       # true: skip hits inside “…” (quoted sayings and slogans)
    examples: {fails: [...], passes: [...]}
    entries:
      - word: 截止             # or `pattern:` (a regular expression)
        suggest: 截至          # for a pattern, \\1 \\g<0> refer to its groups
        after: "\\d|目前"       # 后接: regex (or list of words) that must follow the hit
        before: [...]          # 前接: must precede it (the 30 characters before are looked at)
        not_after: ...         # 不后接 / 不前接: must not follow / precede
        not_before: ...
        note: 截止表示到期停止，截至表示到某时为止

    extends: W103              # a list code (or name) already loaded
    add: [ {word: ..., suggest: ...} ]
    remove: [其它, 做出]       # every entry with that word (or pattern text)

Codes: the shipped lists use W101–W110 (permanent); a user's new list takes a code from W500 to
W999 so that no future built-in rule can collide with it. Hits inside 《》 are never reported: a
cited title is quoted as it was issued.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

from toolkit.check.model import Finding, Rule, severity_of
from toolkit.core import resources
from toolkit.core.errors import InputError, Problem
from toolkit.core.sources import read_text
from toolkit.draft.loader import Map, Seq, Text, load

USER_FIRST, USER_LAST = 500, 999  # codes a user's own list may take (W500–W999)
BEFORE_WINDOW = 30  # characters a 前接 condition can see

LIST_KEYS = ("code", "name", "severity", "message", "basis", "summary", "fix", "ignore_quoted",
             "examples", "entries")
EXTEND_KEYS = ("extends", "add", "remove")
ENTRY_KEYS = ("word", "pattern", "suggest", "note", "before", "after", "not_before", "not_after")
EXAMPLE_KEYS = ("fails", "passes")
CONDITIONS = ("before", "after", "not_before", "not_after")
PLACEHOLDERS = ("word", "suggestion", "note")

# Report writers may write the keys in Chinese.
CHINESE = {"代码": "code", "名称": "name", "级别": "severity", "消息": "message", "依据": "basis",
           "简介": "summary", "自动修改": "fix", "忽略引号": "ignore_quoted", "示例": "examples",
           "词条": "entries", "继承": "extends", "增加": "add", "删除": "remove",
           "词": "word", "模式": "pattern", "建议": "suggest", "说明": "note", "前接": "before",
           "后接": "after", "不前接": "not_before", "不后接": "not_after",
           "应发现": "fails", "不应发现": "passes"}

_CODE = r"W\d{3}"
_NAME = r"[a-z0-9]+(?:-[a-z0-9]+)*"
# A pattern with back-references or named groups cannot share the combined alternation.
_OWN_SCAN = r"\\[1-9]|\(\?P[<=]"
_QUOTED = r"“[^“”]*”"
_TITLED = r"《[^《》]*》"


@functools.cache
def _re(source: str) -> re.Pattern:
    """Compiled on first use: importing this module costs nothing."""
    return re.compile(source)


@dataclass(frozen=True)
class Entry:
    """One word (or pattern) of a list, with what to suggest and the context it must have."""

    source: str  # the word as written, or the pattern's text
    literal: bool
    suggest: str = ""
    note: str = ""
    before: str = ""  # regex sources ("" = no condition)
    after: str = ""
    not_before: str = ""
    not_after: str = ""

    @functools.cached_property
    def regex(self) -> re.Pattern:
        return re.compile(re.escape(self.source) if self.literal else self.source)

    @functools.cached_property
    def _conditions(self) -> tuple:
        def ending(src):  # must match right before the hit
            return re.compile(f"(?:{src})\\Z") if src else None

        def opening(src):  # must match right after the hit
            return re.compile(f"(?:{src})") if src else None

        return (ending(self.before), opening(self.after),
                ending(self.not_before), opening(self.not_after))

    def context_ok(self, text: str, start: int, end: int) -> bool:
        """Whether the 前接/后接 conditions hold around text[start:end]."""
        before, after, not_before, not_after = self._conditions
        lo = max(0, start - BEFORE_WINDOW)
        if before and not before.search(text, lo, start):
            return False
        if not_before and not_before.search(text, lo, start):
            return False
        if after and not after.match(text, end):
            return False
        if not_after and not_after.match(text, end):
            return False
        return True

    def suggestion(self, match: re.Match) -> str:
        if not self.suggest or self.literal:
            return self.suggest
        try:
            return match.expand(self.suggest)
        except (re.error, IndexError):
            return self.suggest


class Hit(NamedTuple):
    """One match of a list in a text."""

    entry: Entry
    start: int
    end: int
    text: str
    suggestion: str


@dataclass(frozen=True)
class Wordlist:
    """A list of words with its rule identity (code empty: a data-only list)."""

    name: str
    entries: tuple[Entry, ...]
    code: str = ""
    severity: str = ""
    message: str = ""
    basis: str = ""
    summary: str = ""
    fails: tuple[str, ...] = ()
    passes: tuple[str, ...] = ()
    ignore_quoted: bool = False
    path: str = ""

    @functools.cached_property
    def _scanner(self):
        shared = [e for e in self.entries if e.literal or not _re(_OWN_SCAN).search(e.source)]
        own = tuple(e for e in self.entries if e not in shared)
        # Longer words first, so that 截止到 is tried before 截止 at the same place.
        shared.sort(key=lambda e: (not e.literal, -len(e.source) if e.literal else 0))
        combined = re.compile("|".join(f"(?:{re.escape(e.source) if e.literal else e.source})"
                                       for e in shared)) if shared else None
        by_first: dict[str, list[Entry]] = {}
        patterns = tuple(e for e in shared if not e.literal)
        for e in shared:
            if e.literal:
                by_first.setdefault(e.source[0], []).append(e)
        return combined, {k: tuple(v) for k, v in by_first.items()}, patterns, own

    def finditer(self, text: str) -> Iterator[Hit]:
        """Every hit of the list in `text` whose context conditions hold, in text order."""
        combined, by_first, patterns, own = self._scanner
        hits: list[Hit] = []
        if combined is not None:
            pos, n = 0, len(text)
            while pos < n:
                m = combined.search(text, pos)
                if m is None:
                    break
                s = m.start()
                hit = None
                for entry in by_first.get(text[s], ()) + patterns:
                    em = entry.regex.match(text, s)
                    if em and em.end() > s and entry.context_ok(text, s, em.end()):
                        hit = Hit(entry, s, em.end(), em.group(), entry.suggestion(em))
                        break
                if hit is None:
                    pos = s + 1
                else:
                    hits.append(hit)
                    pos = hit.end
        for entry in own:
            for em in entry.regex.finditer(text):
                if em.end() > em.start() and entry.context_ok(text, em.start(), em.end()):
                    hits.append(Hit(entry, em.start(), em.end(), em.group(), entry.suggestion(em)))
        if own:
            hits.sort(key=lambda h: h.start)
        if not hits:
            return iter(())
        spans = [m.span() for m in _re(_TITLED).finditer(text)]
        if self.ignore_quoted:
            spans += [m.span() for m in _re(_QUOTED).finditer(text)]
        if spans:
            hits = [h for h in hits if not any(a <= h.start < b for a, b in spans)]
        return iter(hits)

    def find(self, text: str) -> Hit | None:
        """The first hit in `text`, or None."""
        return next(self.finditer(text), None)

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(e.source for e in self.entries)


class Lexicons:
    """The word lists in force: the shipped ones, changed and extended by a user's list files."""

    def __init__(self, lists: Iterable[Wordlist]):
        self._lists: dict[str, Wordlist] = {}
        for wl in lists:
            self._lists[wl.code or wl.name] = wl

    @classmethod
    def default(cls) -> "Lexicons":
        """The shipped lists (corpora/wordlists), read once per process on first use."""
        return _default()

    @classmethod
    def load(cls, paths: Iterable[str | Path]) -> "Lexicons":
        """The shipped lists plus the user's list files, in order; InputError has every problem."""
        lists = dict(_default()._lists)
        problems: list[Problem] = []
        for path in paths:
            _load_user_file(Path(path), lists, problems)
        if problems:
            raise InputError.many(problems)
        return cls(lists.values())

    def get(self, key: str) -> Wordlist | None:
        """A list by code (W103) or name (request-phrases)."""
        found = self._lists.get(key)
        if found is None:
            found = next((wl for wl in self._lists.values() if wl.name == key), None)
        return found

    def __getitem__(self, key: str) -> Wordlist:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    @property
    def lists(self) -> tuple[Wordlist, ...]:
        return tuple(sorted(self._lists.values(), key=lambda wl: (wl.code or "~", wl.name)))

    def rules(self, user_only: bool = True) -> tuple[Rule, ...]:
        """Rules made from the lists with a code (by default only the user's new ones, W500+)."""
        return tuple(list_rule(wl) for wl in self.lists
                     if wl.code and (not user_only or int(wl.code[1:]) >= USER_FIRST))

    def extra_rules(self) -> tuple[Rule, ...]:
        """The rules of the user's new lists (W500–W999), to run beside all_rules()."""
        return self.rules(user_only=True)

    @property
    def request_phrases(self) -> Wordlist:
        """Phrases that ask a superior for approval (请批示, 妥否 …): a 报告 must not carry them."""
        return self["request-phrases"]


def list_rule(wordlist: Wordlist) -> Rule:
    """The rule that reports every hit of a list (the list in force is looked up when it runs)."""
    code = wordlist.code

    def check(ctx, rule):
        current = None
        lexicons = getattr(ctx, "lexicons", None)
        if lexicons is not None:
            current = lexicons.get(code)
        wl = current or wordlist
        for i, block in enumerate(ctx.blocks):
            for hit in wl.finditer(block.text):
                advice = _advice(hit)
                # Built here rather than by rule.at(): the template's {suggestion} would clash
                # with at()'s own `suggestion` parameter.
                message = rule.message.format(word=hit.text, suggestion=hit.suggestion,
                                              note=hit.entry.note)
                yield Finding(rule.code, i, hit.start, hit.end, message, advice)

    return Rule(code=code, name=wordlist.name, severity=wordlist.severity,
                message=wordlist.message, basis=wordlist.basis, summary=wordlist.summary,
                check=check, fails=wordlist.fails, passes=wordlist.passes, fix=False)


_INSTRUCTION = ("删去", "改为", "只用", "写明", "去掉", "换用", "统一")


def _advice(hit: Hit) -> str:
    """The finding's suggestion: “改为“X”” for a replacement word, else the instruction itself."""
    if not hit.suggestion:
        return hit.entry.note
    if hit.suggestion.startswith(_INSTRUCTION):
        return hit.suggestion
    return f"改为“{hit.suggestion}”"


# ---------------------------------------------------------------------------------------------
# Loading and validation


@functools.cache
def _default() -> Lexicons:
    folder = resources.path("corpora", "wordlists")
    lists: dict[str, Wordlist] = {}
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yaml")):
        data = load(read_text(path))
        wl = _parse_list(data, str(path), lists, problems, builtin=True)
        if wl is not None:
            lists[wl.code or wl.name] = wl
    if problems:  # a broken shipped list is a bug of ours, but say where it is
        raise InputError.many(problems)
    return Lexicons(lists.values())


def _load_user_file(path: Path, lists: dict[str, Wordlist], problems: list[Problem]) -> None:
    try:
        data = load(read_text(path))
    except InputError as exc:  # unreadable or not YAML: report it with the other files' problems
        problems.extend(exc.problems)
        return
    keys = {CHINESE.get(k, k) for k in data}
    if "extends" in keys:
        _parse_extension(data, str(path), lists, problems)
    else:
        wl = _parse_list(data, str(path), lists, problems, builtin=False)
        if wl is not None:
            _check_examples(wl, data, problems)
            lists[wl.code or wl.name] = wl


def _keys(data: Map, allowed: tuple[str, ...], problems: list[Problem], what: str) -> dict:
    """English name -> value; unknown keys become problems with a did-you-mean hint."""
    out = {}
    for raw, value in data.items():
        name = CHINESE.get(raw, raw)
        if name not in allowed:
            near = difflib.get_close_matches(raw, list(allowed) + list(CHINESE), 1)
            hint = f"是不是“{near[0]}”？" if near else ""
            problems.append(Problem(f"{what}中不认识键“{raw}”。",
                                    data.key_origins[raw].place(0, len(raw)),
                                    hint + "可用的键：" + "、".join(allowed) + "。"))
            continue
        out[name] = (value, data.key_origins[raw], raw)
    return out


def _missing(data: Map, name: str, problems: list[Problem], what: str) -> None:
    problems.append(Problem(f"{what}缺少“{name}”。", data.origin.place(),
                            f"请加上“{name}: ……”。"))


def _text(value, problems: list[Problem], what: str) -> Text | None:
    if isinstance(value, (Map, Seq)):
        problems.append(Problem(f"“{what}”应为一行文字。", value.origin.place()))
        return None
    return value


def _flag(value, problems: list[Problem], what: str) -> bool:
    text = str(value).strip().lower()
    if text in ("true", "yes", "是", "on"):
        return True
    if text in ("false", "no", "否", "off"):
        return False
    problems.append(Problem(f"“{what}”只能是 true 或 false；这里是“{value}”。",
                            value.origin.place(0, len(value))))
    return False


def _compile(source: Text, problems: list[Problem], what: str, empty_ok: bool = False) -> bool:
    try:
        regex = re.compile(source)
    except re.error as exc:
        pos = exc.pos or 0
        problems.append(Problem(f"{what}不是有效的正则表达式：{_regex_problem(exc)}。",
                                source.origin.place(pos, 1),
                                "如果只想写普通的词，请用 word（或列出词语的列表）；"
                                "特殊字符 . * + ? ( ) [ ] { } | \\ 要在前面加“\\”。"))
        return False
    if not empty_ok and regex.fullmatch(""):
        problems.append(Problem(f"{what}可以匹配空文字，会在每个位置命中。",
                                source.origin.place(0, len(source)), "请去掉可以省略全部内容的写法。"))
        return False
    return True


def _regex_problem(exc: re.error) -> str:
    msg = str(exc.msg)
    for needle, chinese in (("missing ), unterminated subpattern", "括号没有闭合"),
                            ("unbalanced parenthesis", "括号不成对"),
                            ("unterminated character set", "方括号没有闭合"),
                            ("nothing to repeat", "重复符号（* + ?）前面没有内容"),
                            ("look-behind requires fixed-width pattern", "前接条件里的“(?<=…)”必须是固定长度"),
                            ("bad escape", "无效的“\\”转义"),
                            ("multiple repeat", "重复符号连用")):
        if needle in msg:
            return chinese
    return msg


def _condition(value, problems: list[Problem], what: str) -> str | None:
    """A 前接/后接 condition: a regex, or a list of plain words."""
    if isinstance(value, Seq):
        words = []
        for item in value:
            if isinstance(item, (Map, Seq)) or not str(item):
                problems.append(Problem(f"{what}的列表里只能写词语。", item.origin.place()))
                return None
            words.append(str(item))
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    if isinstance(value, Map):
        problems.append(Problem(f"{what}应为正则表达式或词语列表。", value.origin.place()))
        return None
    # A condition may match nothing: “(?=\d)” and “$” are useful conditions.
    return str(value) if _compile(value, problems, what, empty_ok=True) else None


def _parse_entry(item, problems: list[Problem], needs_suggest: bool) -> Entry | None:
    if not isinstance(item, Map):
        if isinstance(item, Text) and item.strip():  # shorthand: `- 某词`
            if needs_suggest:
                problems.append(Problem(f"词条“{item}”缺少 suggest（消息里用到了 {{suggestion}}）。",
                                        item.origin.place(0, len(item)),
                                        "请写成 {word: 某词, suggest: 建议用词}。"))
                return None
            return Entry(str(item), True)
        problems.append(Problem("词条应为“word: 词”或“pattern: 正则”的映射。", item.origin.place()))
        return None
    before = len(problems)
    keys = _keys(item, ENTRY_KEYS, problems, "词条")
    if ("word" in keys) == ("pattern" in keys):
        problems.append(Problem("每个词条要有 word 或 pattern（二者只写一个）。", item.origin.place()))
        return None
    literal = "word" in keys
    value, _, raw = keys["word" if literal else "pattern"]
    source = _text(value, problems, raw)
    if source is None:
        return None
    if not source.strip():
        problems.append(Problem(f"“{raw}”不能为空。", source.origin.place()))
        return None
    if not literal and not _compile(source, problems, f"pattern“{source}”"):
        return None
    fields = {}
    for name in ("suggest", "note"):
        if name in keys:
            text = _text(keys[name][0], problems, keys[name][2])
            fields[name] = str(text) if text is not None else ""
    for name in CONDITIONS:
        if name in keys:
            cond = _condition(keys[name][0], problems, f"“{keys[name][2]}”条件")
            fields[name] = cond or ""
    if needs_suggest and not fields.get("suggest"):
        problems.append(Problem(f"词条“{source}”缺少 suggest（消息里用到了 {{suggestion}}）。",
                                source.origin.place(0, len(source))))
    if len(problems) > before:
        return None
    return Entry(str(source), literal, **fields)


def _parse_entries(value, problems: list[Problem], needs_suggest: bool, what: str) -> list[Entry]:
    if not isinstance(value, Seq):
        problems.append(Problem(f"“{what}”应为词条列表（每项以“- ”开头）。", value.origin.place()))
        return []
    entries = [e for e in (_parse_entry(item, problems, needs_suggest) for item in value) if e]
    return entries


def _examples(value, problems: list[Problem]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if not isinstance(value, Map):
        problems.append(Problem("“examples”应为映射：fails: [...] 和 passes: [...]。",
                                value.origin.place()))
        return (), ()
    keys = _keys(value, EXAMPLE_KEYS, problems, "examples")
    out = []
    for name in EXAMPLE_KEYS:
        items = keys.get(name, (None,))[0]
        if items is None:
            out.append(())
            continue
        items = items if isinstance(items, Seq) else [items]
        texts = tuple(str(t) for t in items if not isinstance(t, (Map, Seq)))
        out.append(texts)
    return out[0], out[1]


def _parse_list(data: Map, path: str, known: dict[str, Wordlist], problems: list[Problem],
                builtin: bool) -> Wordlist | None:
    before = len(problems)
    keys = _keys(data, LIST_KEYS, problems, "词表文件")
    values: dict[str, str] = {}
    for name in ("code", "name", "severity", "message", "basis", "summary"):
        if name in keys:
            text = _text(keys[name][0], problems, keys[name][2])
            if text is not None:
                values[name] = str(text).strip()
    if "name" not in keys:
        _missing(data, "name", problems, "词表")
    elif not _re(_NAME).fullmatch(values.get("name", "")):
        v = keys["name"][0]
        problems.append(Problem(f"名称“{v}”应为小写英文和短横线，例如 unit-words。",
                                v.origin.place(0, len(v))))
    elif any(wl.name == values["name"] for wl in known.values()):
        v = keys["name"][0]
        problems.append(Problem(f"已经有名为“{v}”的词表。", v.origin.place(0, len(v)),
                                "请换一个名称；要改动已有词表，请用 extends。"))
    code = values.get("code", "").upper()
    if code:
        v = keys["code"][0]
        if not _re(_CODE).fullmatch(code):
            problems.append(Problem(f"代码“{v}”应为 W 加三位数字，例如 W501。", v.origin.place(0, len(v))))
        elif not builtin and not USER_FIRST <= int(code[1:]) <= USER_LAST:
            problems.append(Problem(f"自定义词表的代码应在 W{USER_FIRST}～W{USER_LAST} 之间，“{v}”不行。",
                                    v.origin.place(0, len(v)),
                                    "W100～W499 留给内置规则；要改动内置词表，请写 extends: W103 等。"))
        elif code in known:
            problems.append(Problem(f"代码“{v}”已被词表“{known[code].name}”使用。",
                                    v.origin.place(0, len(v))))
        for name in ("severity", "message", "basis", "summary"):
            if name not in keys:
                _missing(data, name, problems, "有代码的词表")
        if "severity" in values and severity_of(values["severity"]) is None:
            v = keys["severity"][0]
            problems.append(Problem(f"级别只能是：错误、警告、提示；这里是“{v}”。", v.origin.place(0, len(v))))
        if "message" in values:
            _check_message(keys["message"][0], problems)
        if "examples" not in keys and not builtin:
            _missing(data, "examples", problems, "有代码的词表")
    if "fix" in keys and _flag(keys["fix"][0], problems, "fix"):
        v = keys["fix"][0]
        problems.append(Problem("词表规则只提示、不自动改写，fix 只能是 false。", v.origin.place(0, len(v))))
    ignore_quoted = _flag(keys["ignore_quoted"][0], problems, "ignore_quoted") \
        if "ignore_quoted" in keys else False
    fails, passes = _examples(keys["examples"][0], problems) if "examples" in keys else ((), ())
    if code and "examples" in keys and not (fails and passes):
        problems.append(Problem("examples 里 fails 和 passes 都至少要有一句。",
                                keys["examples"][0].origin.place()))
    if "entries" not in keys:
        _missing(data, "entries", problems, "词表")
        return None
    needs_suggest = "{suggestion}" in values.get("message", "")
    entries = _parse_entries(keys["entries"][0], problems, needs_suggest, keys["entries"][2])
    if not entries and len(problems) == before:
        problems.append(Problem("词表没有词条。", keys["entries"][0].origin.place()))
    if len(problems) > before:
        return None
    return Wordlist(name=values["name"], entries=tuple(entries), code=code,
                    severity=severity_of(values.get("severity", "")) or "",
                    message=values.get("message", ""), basis=values.get("basis", ""),
                    summary=values.get("summary", ""), fails=fails, passes=passes,
                    ignore_quoted=ignore_quoted, path=path)


def _check_message(message: Text, problems: list[Problem]) -> None:
    before = len(problems)
    for m in re.finditer(r"\{([^{}]*)\}", message):
        if m.group(1) not in PLACEHOLDERS:
            problems.append(Problem(f"消息模板中的“{m.group()}”不认识。",
                                    message.origin.place(m.start(), len(m.group())),
                                    "可用的占位符：{word}（命中的词）、{suggestion}（建议）、{note}（说明）。"))
    if len(problems) == before:
        try:
            message.format(word="", suggestion="", note="")
        except (ValueError, IndexError, KeyError):
            problems.append(Problem("消息模板中的花括号不成对。", message.origin.place(),
                                    "花括号只用于 {word} {suggestion} {note}；要写花括号本身，请写成 {{ 和 }}。"))


def _parse_extension(data: Map, path: str, lists: dict[str, Wordlist],
                     problems: list[Problem]) -> None:
    keys = _keys(data, EXTEND_KEYS, problems, "extends 词表文件")
    target = keys["extends"][0]
    if isinstance(target, (Map, Seq)):
        problems.append(Problem("“extends”应为一个词表代码，例如 W103。", target.origin.place()))
        return
    key = str(target).strip()
    base = lists.get(key.upper()) or next((wl for wl in lists.values() if wl.name == key), None)
    if base is None:
        codes = "、".join(f"{wl.code}（{wl.name}）" if wl.code else wl.name for wl in
                         sorted(lists.values(), key=lambda w: w.code or "~"))
        problems.append(Problem(f"没有代码或名称为“{target}”的词表。", target.origin.place(0, len(target)),
                                f"可以继承的词表：{codes}。"))
        return
    if "add" not in keys and "remove" not in keys:
        problems.append(Problem("extends 词表文件要有 add 或 remove。", data.origin.place()))
        return
    entries = list(base.entries)
    if "remove" in keys:
        value = keys["remove"][0]
        items = value if isinstance(value, Seq) else [value]
        for item in items:
            if isinstance(item, Map):  # allow `- {word: X}` too
                item = item.get("word") or item.get("词") or item.get("pattern") or item.get("模式")
            if item is None or isinstance(item, (Map, Seq)):
                problems.append(Problem("remove 的每一项应为要删除的词。", value.origin.place()))
                continue
            kept = [e for e in entries if e.source != str(item)]
            if len(kept) == len(entries):
                problems.append(Problem(f"词表 {base.code or base.name} 中没有词条“{item}”，无法删除。",
                                        item.origin.place(0, len(item)),
                                        "运行 gongwen rules " + (base.code or base.name) + " 查看词条。"))
            entries = kept
    if "add" in keys:
        needs_suggest = "{suggestion}" in base.message
        entries += _parse_entries(keys["add"][0], problems, needs_suggest, keys["add"][2])
    if not entries:
        problems.append(Problem(f"删除后词表 {base.code or base.name} 没有词条了。", data.origin.place(),
                                "要关闭这条规则，请在检查设置里写 rules: {代码: off}。"))
        return
    lists[base.code or base.name] = replace(base, entries=tuple(entries), path=path)


def _check_examples(wl: Wordlist, data: Map, problems: list[Problem]) -> None:
    """A user's examples must behave: each fails example is hit, no passes example is."""
    raw = next((v for k, v in data.items() if CHINESE.get(k, k) == "examples"), None)
    if not isinstance(raw, Map):
        return
    for key, value in raw.items():
        name = CHINESE.get(key, key)
        items = value if isinstance(value, Seq) else [value]
        for item in items:
            if isinstance(item, (Map, Seq)):
                continue
            hit = wl.find(str(item))
            if name == "fails" and hit is None:
                problems.append(Problem(f"示例“{item}”应当被词表发现，但没有词条命中。",
                                        item.origin.place(0, len(item)),
                                        "请检查词条和前接/后接条件。"))
            elif name == "passes" and hit is not None:
                problems.append(Problem(f"示例“{item}”不应被发现，但命中了“{hit.text}”。",
                                        item.origin.place(hit.start, len(hit.text)),
                                        "请给这个词条加上前接/后接条件，或换一个示例。"))
