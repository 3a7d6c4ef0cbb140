"""Batch inputs: a folder of department YAML files or a CSV/XLSX roster, merged over a base YAML."""

from __future__ import annotations

import csv
import functools
import io
import re
from dataclasses import dataclass
from pathlib import Path

from toolkit.core.document import Origin
from toolkit.core.errors import InputError, Place
from toolkit.core.sources import read_text
from toolkit.draft.loader import Map, Seq, Text, load

NAME_KEYS = ("单位", "部门", "落款")  # where a department's name is found, in this order
ROSTER_SUFFIXES = (".csv", ".xlsx")
MAX_ROWS = 10_000


@dataclass
class RosterShape:
    """What every row of one roster shares: where it is, and which column fills which key."""

    path: str
    columns: list  # (column number, name, dotted key parts, is a list column)


@dataclass(slots=True)  # a batch holds one per department: keep each small
class Job:
    """One department to build: its name, where it came from, and how to load its data.

    The data itself is loaded where the department is built (a worker process), so a batch of
    a thousand departments never holds a thousand reports in one process.
    """

    name: str
    source: str  # file path, or "名单.csv 第5行"
    data: Map | None = None  # set once loaded (or given directly)
    content: str = ""  # a digest of the department's own input, for incremental rebuilds
    error: InputError | None = None
    path: str | None = None  # a department's YAML file
    row: tuple | None = None  # (line number, cells) of a roster row
    roster: RosterShape | None = None
    base_path: str | None = None
    kind: str = ""  # the report kind, when known without loading
    digest: str = ""  # fingerprint of everything its output depends on (set by the batch)

    def load(self) -> Map:
        """The department's data merged over the base (loading it if needed)."""
        if self.data is not None:
            return self.data
        base = load_base(self.base_path)
        if self.path is not None:
            own = load(read_text(self.path))
        elif self.row is not None and self.roster is not None:
            own = _row_map(self.roster, *self.row)
        else:
            raise InputError("部门没有可读取的内容。", Place(self.source))
        return merge(base, own) if base is not None else own


def merge(base: Map, own: Map) -> Map:
    """The department's values win; mappings merge key by key; lists and texts replace."""
    out = Map(own.origin)
    for source in (base, own):
        for key, value in source.items():
            current = out.get(key)
            if isinstance(current, Map) and isinstance(value, Map) and source is own:
                value = merge(current, value)
            out[key] = value
            out.key_origins[key] = source.key_origins[key]
    return out


def _name_of(data: Map, fallback: str) -> str:
    for key in NAME_KEYS:
        value = data.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return fallback


def _digest(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@functools.cache
def load_base(path: str | None) -> Map | None:
    """The shared base file, loaded once per process."""
    if not path:
        return None
    return load(read_text(path))


_KIND_LINE = re.compile(r"^类型[ \t]*:[ \t]*['\"]?([^'\"#\s]+)", re.M)
_NAME_LINE = re.compile(r"^(?:单位|部门)[ \t]*:[ \t]*['\"]?([^'\"#\n]+?)['\"]?[ \t]*(?:#.*)?$", re.M)


def jobs_from_folder(folder: Path, base_path: str | None) -> list[Job]:
    """One job per *.yaml/*.yml file in `folder` (not recursive; hidden files skipped).

    The name comes from the file's 单位 line (else the file name), read without loading the
    YAML: the worker that builds the department loads it.
    """
    files = sorted(f for f in folder.iterdir()
                   if f.is_file() and f.suffix.lower() in (".yaml", ".yml")
                   and not f.name.startswith((".", "~$")))
    if not files:
        raise InputError("文件夹中没有 .yaml 文件。", Place(str(folder)),
                         "每个部门一个 YAML 文件，或改用 CSV/XLSX 名单。")
    base = load_base(base_path)
    base_kind = str(base.get("类型", "")) if base is not None else ""
    jobs = []
    for f in files:
        try:
            text = read_text(f).text
        except InputError as exc:
            jobs.append(Job(f.stem, str(f), error=exc, path=str(f)))
            continue
        name = _NAME_LINE.search(text)
        kind = _KIND_LINE.search(text)
        jobs.append(Job(name.group(1).strip() if name else f.stem, str(f), content=_digest(text),
                        path=str(f), base_path=base_path,
                        kind=kind.group(1) if kind else base_kind))
    return jobs


# -- rosters ---------------------------------------------------------------------------------

def _rows_csv(path: Path) -> list[list[str]]:
    source = read_text(path)
    text = source.text
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    return [row for row in csv.reader(io.StringIO(text), dialect)]


def _rows_xlsx(path: Path) -> list[list[str]]:
    import zipfile

    try:
        from openpyxl import load_workbook
    except ImportError:  # pragma: no cover - openpyxl is a dependency
        raise InputError("读取 XLSX 名单需要 openpyxl。", Place(str(path)),
                         "请运行 pip install openpyxl，或把名单另存为 CSV。") from None
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise InputError(f"无法读取 XLSX 名单（{type(exc).__name__}）。", Place(str(path)),
                         "请确认文件是 Excel 的 .xlsx 格式，或另存为 CSV（UTF-8）。") from None
    sheet = book.worksheets[0]
    rows = []
    for row in sheet.iter_rows(values_only=True):
        rows.append(["" if v is None else _cell_text(v) for v in row])
        if len(rows) > MAX_ROWS:
            break
    book.close()
    return rows


def _cell_text(value) -> str:
    import datetime

    if isinstance(value, datetime.datetime):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _item_seq(cell: str, origin: Origin) -> Seq:
    """A list cell: each line is one item (“标题。内容” is split later by the schema)."""
    seq = Seq(origin)
    for n, line in enumerate(cell.replace("\r\n", "\n").split("\n")):
        if line.strip():
            seq.append(Text(line.strip(), Origin(origin.path, origin.line, origin.column)))
    return seq


def _set_path(data: Map, dotted: list[str], value, origin: Origin) -> None:
    node = data
    for part in dotted[:-1]:
        child = node.get(part)
        if not isinstance(child, Map):
            child = Map(origin)
            node[part] = child
            node.key_origins[part] = origin
        node = child
    node[dotted[-1]] = value
    node.key_origins[dotted[-1]] = origin


def _list_columns(kind_name: str | None) -> set[str]:
    """Dotted keys whose values are lists, from the kind's manifest (条目列表, 段落 as lines)."""
    from toolkit.draft import kinds

    kind = kinds.find_kind(kind_name or kinds.DEFAULT_KIND)
    lists: set[str] = set()

    def walk(specs, prefix):
        for spec in specs:
            if spec.type in ("条目列表", "段落"):
                lists.add(prefix + spec.name)
            if spec.type == "分组":
                lists.update(prefix + spec.name + "." + k for k in ("条目", "导语", "结语"))
            if spec.type == "部分":
                walk(spec.fields, prefix + spec.name + ".")

    walk(kind.fields, "")
    return lists


SHORTHAND = {"问题": "问题.条目", "下一步": "下一步.条目"}


def jobs_from_roster(path: Path, base_path: str | None) -> list[Job]:
    """One job per data row; columns are named by the (dotted) YAML keys they fill."""
    rows = _rows_xlsx(path) if path.suffix.lower() == ".xlsx" else _rows_csv(path)
    rows = [r for r in rows if any(c.strip() for c in r)]
    shown = str(path)
    if len(rows) < 2:
        raise InputError("名单中没有数据行。", Place(shown, 1, 1),
                         "第一行写列名（如 单位、事由、日期），下面每行一个部门。")
    if len(rows) > MAX_ROWS:
        raise InputError(f"名单超过 {MAX_ROWS} 行。", Place(shown))
    base = load_base(base_path)
    header = [h.strip().lstrip("\ufeff") for h in rows[0]]
    kind_name = None
    if base is not None and isinstance(base.get("类型"), str):
        kind_name = str(base["类型"])
    if "类型" in header:
        kinds = {r[header.index("类型")].strip() for r in rows[1:] if len(r) > header.index("类型")}
        kind_name = next(iter(kinds)) if len(kinds) == 1 else kind_name
    lists = _list_columns(kind_name)
    columns = []
    for col, name in enumerate(header, 1):
        if not name:
            continue
        dotted = SHORTHAND.get(name, name)
        columns.append((col, name, dotted.split("."), dotted in lists))
    shape = RosterShape(shown, columns)
    names = {name: col for col, name, _, _ in columns}
    base_name = _name_of(base, "") if base is not None else ""
    base_kind = str(base.get("类型", "")) if base is not None else ""
    jobs = []
    for line, row in enumerate(rows[1:], 2):
        cells = tuple(c.strip() for c in row)

        def cell(key: str) -> str:
            col = names.get(key)
            return cells[col - 1] if col and col - 1 < len(cells) else ""

        name = cell("单位") or cell("部门") or base_name or cell("落款") or f"第{line}行"
        jobs.append(Job(name, f"{path.name} 第{line}行", content=_digest("\x1f".join(cells)),
                        row=(line, cells), roster=shape, base_path=base_path,
                        kind=cell("类型") or base_kind))
    return jobs


def _row_map(shape: RosterShape, line: int, cells: tuple) -> Map:
    """One roster row as report data, each value placed at its row and column."""
    own = Map(Origin(shape.path, line, 1))
    for col, name, dotted, is_list in shape.columns:
        cell = cells[col - 1] if col - 1 < len(cells) else ""
        if not cell:
            continue
        origin = Origin(shape.path, line, col)
        value = _item_seq(cell, origin) if is_list else Text(cell, origin)
        _set_path(own, dotted, value, origin)
    return own


def collect(input_path: str, base_path: str | None) -> list[Job]:
    """The jobs of a batch: from a folder of YAML files, or from a CSV/XLSX roster."""
    load_base(base_path)  # a broken base file is an input error before anything is built
    p = Path(input_path)
    if p.is_dir():
        return jobs_from_folder(p, base_path)
    if not p.exists():
        raise InputError("找不到批量输入。", Place(input_path),
                         "请给出部门 YAML 文件所在的文件夹，或 CSV/XLSX 名单。")
    if p.suffix.lower() in ROSTER_SUFFIXES:
        return jobs_from_roster(p, base_path)
    raise InputError("批量输入应为文件夹或 .csv/.xlsx 名单。", Place(input_path))

