"""Strict YAML loading: every scalar stays text, keys are unique, every value knows file:line:col."""

from __future__ import annotations

import re

import yaml

from toolkit.core.document import Origin
from toolkit.core.errors import Place, Problem, YamlError
from toolkit.core.sources import SourceText

MAX_NODES = 50_000  # alias expansion beyond this is a "billion laughs" file, not a report

# Characters that cannot appear in a DOCX (XML 1.0) even when a YAML escape produced them.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")

try:  # the C composer is about ten times faster; both give the same marks
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader


class Text(str):
    """A YAML scalar: a str that remembers where it was written."""

    origin: Origin

    def __new__(cls, value: str, origin: Origin) -> "Text":
        obj = super().__new__(cls, value)
        obj.origin = origin
        return obj

    def __reduce__(self):  # batch workers receive loaded data by pickle
        return (Text, (str(self), self.origin))


class Map(dict):
    """A YAML mapping that remembers its own position and the position of each key."""

    origin: Origin
    key_origins: dict

    def __init__(self, origin: Origin):
        super().__init__()
        self.origin = origin
        self.key_origins = {}

    def __reduce__(self):
        return (_rebuild, (Map, self.origin, dict(self), self.__dict__))


class Seq(list):
    """A YAML sequence that remembers its position."""

    origin: Origin

    def __init__(self, origin: Origin):
        super().__init__()
        self.origin = origin

    def __reduce__(self):
        return (_rebuild, (Seq, self.origin, list(self), self.__dict__))


def _rebuild(cls, origin, content, attributes):
    obj = cls(origin)
    if isinstance(obj, dict):
        obj.update(content)
    else:
        obj.extend(content)
    obj.__dict__.update(attributes)
    return obj


# PyYAML's English problems, made into advice a report writer can act on.
_TRANSLATIONS = (
    ("mapping values are not allowed",
     "这里不能出现“冒号+空格”。",
     "内容里需要冒号时，请用全角“：”，或把整段内容用引号括起来。"),
    ("found character '\\t' that cannot start any token",
     "不能用 Tab 键缩进。", "请把 Tab 换成空格（每级缩进两个空格）。"),
    ("found a tab character",
     "不能用 Tab 键缩进。", "请把 Tab 换成空格（每级缩进两个空格）。"),
    ("could not find expected ':'",
     "缺少键后面的冒号。", "每个键后面要有英文冒号和一个空格，例如“标题: 内容”。"),
    ("did not find expected key",
     "缩进不一致，或缺少键。", "同一层的键要左对齐；列表项以“- ”开头。"),
    ("did not find expected '-' indicator",
     "列表缩进不一致。", "同一列表的各项要左对齐，并以“- ”开头。"),
    ("expected <block end>",
     "缩进不一致。", "同一层的键和列表项要左对齐。"),
    ("found unexpected end of stream",
     "引号没有闭合。", "请检查这一行起的引号是否成对。"),
    ("found undefined alias",
     "引用了未定义的锚点（*名称）。", "请先用 &名称 定义，再用 *名称 引用。"),
    ("found unknown escape character",
     "双引号内有无效的转义字符“\\”。", "内容里需要反斜杠时，请改用单引号，或写成“\\\\”。"),
    ("found unacceptable character",
     "文件中有不可见的控制字符。", "请删除这个位置的特殊字符。"),
    ("special characters are not allowed",
     "文件中有不可见的控制字符。", "请删除这个位置的特殊字符。"),
    ("found character '@' that cannot start any token",
     "“@”不能出现在值的开头。", "请把这个值用引号括起来。"),
    ("found character '`' that cannot start any token",
     "“`”不能出现在值的开头。", "请把这个值用引号括起来。"),
    ("found character '%' that cannot start any token",
     "“%”不能出现在值的开头。", "请把这个值用引号括起来。"),
)


def _translate(problem: str) -> tuple[str, str]:
    for needle, message, hint in _TRANSLATIONS:
        if needle in problem:
            return message, hint
    return f"YAML 格式错误（{problem}）。", "请检查这一行的缩进、冒号和引号。"


# Mistakes writers make that YAML reports late or vaguely: a Chinese colon after a key, a colon
# with no space after it, a value that starts with a character YAML reserves.
_KEY_FULLWIDTH = re.compile(r"^(\s*(?:-\s+)?)([\u4e00-\u9fff\w]{1,12})：")
_KEY_NO_SPACE = re.compile(r"^(\s*(?:-\s+)?)([\u4e00-\u9fff\w]{1,12}):(?=[^\s/])")
_RESERVED_START = re.compile(r"^(\s*(?:-\s+)?[^\s:#][^:#]*?:[ \t]+)([{\[&*!|>%@`])(?![^\n]*[}\]]\s*$)")
_SLOT_START = re.compile(r"^(\s*(?:-\s+)?[^\s:#][^:#]*?:[ \t]+)(\{[^}\n]*\})")


def _likely_cause(text: str, error_line: int):
    """(message, line, column, hint) for a common typing mistake at or before the error line."""
    lines = text.split("\n")
    for number in range(min(error_line, len(lines) - 1), max(error_line - 3, -1), -1):
        line = lines[number]
        if line.lstrip().startswith("#"):
            continue
        m = _KEY_FULLWIDTH.match(line)
        if m:
            col = len(m.group(1)) + len(m.group(2)) + 1
            return (f"键“{m.group(2)}”后面用了中文冒号“：”。", number + 1, col,
                    f"键后面要用英文冒号加一个空格，例如“{m.group(2)}: ……”。")
        m = _KEY_NO_SPACE.match(line)
        if m:
            col = len(m.group(1)) + len(m.group(2)) + 1
            return (f"键“{m.group(2)}”后面的冒号后缺少空格。", number + 1, col,
                    f"冒号后面要有一个空格，例如“{m.group(2)}: ……”。")
        m = _SLOT_START.match(line) or _RESERVED_START.match(line)
        if m:
            col = len(m.group(1)) + 1
            char = m.group(2)[0]
            return (f"值以“{char}”开头，YAML 会把它当作特殊符号。", number + 1, col,
                    "请把整个值用双引号括起来，例如：标题: \"{数}项机制，压实责任\"。")
    return None


def load(source: SourceText) -> Map:
    """Parse YAML text into Map/Seq/Text values; raise YamlError with every problem found."""
    path = source.path
    try:
        root = yaml.compose(source.text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        problem = str(exc.problem or exc.context or "")
        mark = exc.problem_mark or exc.context_mark
        if "end of stream" in problem and exc.context_mark:
            mark = exc.context_mark  # an unclosed quote: show where it was opened
        if mark and "cannot start any token" in problem:
            lines = source.text.split("\n")
            if mark.line < len(lines) and lines[mark.line][mark.column:mark.column + 1] == "\t":
                problem = "found a tab character"
            elif mark.line < len(lines):
                char = lines[mark.line][mark.column:mark.column + 1]
                problem = f"found character '{char}' that cannot start any token"
        likely = _likely_cause(source.text, mark.line if mark else 0)
        if likely is not None:
            raise YamlError(*likely[:1], Place(path, likely[1], likely[2]), likely[3]) from None
        message, hint = _translate(problem)
        place = Place(path, mark.line + 1, mark.column + 1) if mark else Place(path)
        raise YamlError(message, place, hint) from None
    except yaml.YAMLError as exc:  # e.g. a reader error without a mark
        raise YamlError(f"YAML 格式错误（{exc}）。", Place(path)) from None
    if root is None:
        raise YamlError("文件是空的。", Place(path, 1, 1), "可以先运行 gongwen init 生成一个带说明的起始文件。")
    builder = _Builder(path, source.text)
    value = builder.build(root)
    if not isinstance(value, Map):
        raise YamlError(
            "文件最外层应当是“键: 值”的形式。",
            Place(path, root.start_mark.line + 1, root.start_mark.column + 1),
            "例如第一行写“标题: ……”。",
        )
    if builder.problems:
        raise YamlError.many(builder.problems)
    return value


class _Builder:
    """Walks composed nodes; collects every problem instead of stopping at the first."""

    def __init__(self, path: str, text: str):
        self.path = path
        self.lines = text.split("\n")
        self.problems: list[Problem] = []
        self.count = 0

    def origin(self, node, simple: bool = False) -> Origin:
        mark = node.start_mark
        return Origin(self.path, mark.line + 1, mark.column + 1, simple)

    def build(self, node):
        self.count += 1
        if self.count > MAX_NODES:
            place = Place(self.path, node.start_mark.line + 1, node.start_mark.column + 1)
            raise YamlError(
                f"文件展开后超过 {MAX_NODES} 个值（锚点/别名引用过多），拒绝读取。",
                place,
                "报告文件不需要大量的 &锚点 和 *引用，请直接写出内容。",
            )
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if isinstance(node, yaml.SequenceNode):
            seq = Seq(self.origin(node))
            seq.extend(self.build(child) for child in node.value)
            return seq
        return self.mapping(node)

    def scalar(self, node) -> Text:
        start, end = node.start_mark, node.end_mark
        style = node.style or None  # libyaml says "" where the Python parser says None (plain)
        shift = 1 if style in ("'", '"') else 0  # the first character sits after the quote
        simple = False
        if start.line == end.line and style in (None, "'", '"'):
            raw = self.lines[start.line][start.column + shift:end.column - shift]
            # Escapes ("\n", '') make the value shorter than its source: offsets would drift.
            simple = raw == node.value
        origin = Origin(self.path, start.line + 1, start.column + 1 + shift, simple)
        value = node.value
        bad = _BAD_CHARS.search(value)
        if bad:
            place = origin.place(bad.start())
            self.problems.append(Problem(
                f"内容中有不能写入 Word 文档的控制字符（U+{ord(bad.group()):04X}）。",
                place, "请删除这个不可见字符；如果是从别处复制的文字，请重新输入这一处。"))
        return Text(value, origin)

    def mapping(self, node) -> Map:
        result = Map(self.origin(node))
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(Problem(
                    "键必须是一段文字，不能是列表或映射。",
                    Place(self.path, key_node.start_mark.line + 1, key_node.start_mark.column + 1)))
                continue
            key = key_node.value
            key_origin = self.origin(key_node, simple=not key_node.style and "\n" not in key)
            if key == "<<" and key_node.tag == "tag:yaml.org,2002:merge":
                self.problems.append(Problem(
                    "不支持合并键“<<”。", key_origin.place(), "请直接写出需要的键。"))
                continue
            if key in result:
                first = result.key_origins[key]
                self.problems.append(Problem(
                    f"键“{key}”重复出现（第 {first.line} 行已有）。",
                    key_origin.place(0, len(key)),
                    "同一层的键只能写一次；请合并两处内容或删除其中一处。"))
                continue
            result.key_origins[key] = key_origin
            value = self.build(value_node)
            if isinstance(value, (Map, Seq)):
                value.key_origin = key_origin  # lets "missing key" messages point at the owner
            result[key] = value
        return result
