"""Batch production: every department's report built and checked in parallel, with one QA report."""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import os
import re
import signal
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from toolkit import __version__
from toolkit.batch.roster import Job
from toolkit.core.errors import GongwenError, InputError, Place
from toolkit.core.output import atomic_write

# What earlier runs built: one JSON line appended as each department finishes, so a hard kill
# loses at most the department being written; compacted at the end of a run.
JOURNAL = ".gongwen-batch.jsonl"
STATE_FILE = ".gongwen-batch.json"  # the whole-run state of earlier versions (read, then removed)
QA_NAME = "质量报告"
MAX_NAME = 60  # characters
MAX_NAME_BYTES = 180  # UTF-8 bytes: file systems count bytes (255), and “-2.docx” and the
# temporary file's suffix must still fit
_DIGITS = "0123456789¹²³"
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$",
                     *(f"COM{i}" for i in _DIGITS), *(f"LPT{i}" for i in _DIGITS)}
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')


def _visible(text: str) -> str:
    """Without invisible format characters (bidi overrides such as U+202E, zero widths), line
    separators and unpaired surrogates. Private-use and newly assigned code points stay: rare
    characters of Chinese names live there."""
    import unicodedata

    return "".join(c for c in text if unicodedata.category(c) not in ("Cf", "Cs", "Zl", "Zp"))


def safe_name(name: str) -> str:
    """A file name Windows, macOS and Linux all accept, made from a department's name."""
    text = _UNSAFE.sub("_", _visible(name)).strip().strip(".").strip()
    text = re.sub(r"\.{2,}", "_", text)
    # A leading “-” reads as an option to command-line tools; “~$” marks Office lock files.
    text = re.sub(r"^[-~]+", "_", text)
    text = re.sub(r"_+", "_", text)
    if not text or set(text) <= {"_", " "}:
        text = "部门"
    text = text[:MAX_NAME]
    while len(text.encode("utf-8")) > MAX_NAME_BYTES:
        text = text[:-1]
    text = text.rstrip(" .")
    if text.split(".")[0].strip().upper() in _WINDOWS_RESERVED:
        text = "_" + text
    return text


def unique_names(names: list[str]) -> list[str]:
    """Sanitised names, made unique (case-insensitively, as Windows compares) with -2, -3 …"""
    seen: set[str] = set()
    out = []
    for name in names:
        base = safe_name(name)
        candidate, n = base, 1
        while candidate.lower() in seen:
            n += 1
            candidate = f"{base}-{n}"
        seen.add(candidate.lower())
        out.append(candidate)
    return out


@dataclass
class Options:
    """What every worker needs, the same for all departments (picklable)."""

    out_dir: str
    templates: tuple[str, ...] = ()
    style: str | None = None
    config: str | None = None
    check: bool = True
    reference: str | None = None  # a unit's reference DOCX (page setup, letterhead)
    reference_styles: bool = False  # take its styles and grid too
    force: bool = False  # replace read-only outputs too


@dataclass(slots=True)  # a batch holds one per department: keep each small
class Result:
    """What one department's build produced: the QA row and material for cross-document checks."""

    name: str
    source: str
    output: str = ""
    status: str = "失败"  # 已生成 / 未变化 / 失败
    counts: dict = field(default_factory=dict)
    codes: dict = field(default_factory=dict)
    error: str = ""
    digest: str = ""
    file: str = ""  # SHA-256 of the output as written: trusted later only if the file still has it
    length: int = 0
    # Hashes of long sentences, 16 hex digits each, joined: a thousand departments' texts stay
    # out of memory; the few found in several reports are looked up again for the QA report.
    sentences: str = ""
    organisations: list = field(default_factory=list)


# -- the worker side ---------------------------------------------------------------------------

_worker: dict = {}


def _warm(options: Options) -> None:
    """Load once per process what every department needs: kinds, profile, rules, jieba."""
    from toolkit.check.runner import Checker
    from toolkit.docx.profiles import load_profile

    _worker["profile"] = load_profile(options.style)
    if options.check:
        checker = Checker(options.config, (), (), None, options.templates)
        _worker["checker"] = checker
        if any(r.words for r in checker.settings.active(checker.rules)):
            from toolkit.text.segment import tokenizer

            tokenizer()
    _worker["options"] = options


def _init_worker(options: Options) -> None:
    # Ctrl-C goes to the whole process group: the parent alone decides how to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):  # the parent's unwinding handlers are not for workers
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    _warm(options)


_SENTENCE = re.compile(r"[^。！？；\n]{20,}[。！？；]")
# An administrative level and an organ in its full or short form: 区政府办 / 区政府办公室 /
# 区人民政府办公室 name one office, and a batch should spell it one way.
_ORGANISATION = re.compile(
    r"[省市县区镇乡](?:人民政府办公室|人民政府|政府办公室|政府办|政府|委办公室|委办)")


def long_sentences(text: str) -> list[str]:
    """Sentences long enough that finding them in two reports means one was copied."""
    return [m.group().rstrip("。！？；") for m in _SENTENCE.finditer(text)]


def _sentence_hash(sentence: str) -> str:
    return hashlib.blake2b(sentence.encode(), digest_size=8).hexdigest()


def build_one(job: Job, output_name: str, options: Options) -> Result:
    """Draft, write and check one department (runs in a worker process)."""
    from toolkit.check.diagnostics import diagnose
    from toolkit.core.sources import SourceText
    from toolkit.docx.writer import write_docx
    from toolkit.draft.pipeline import draft_data

    if "options" not in _worker:
        _warm(options)
    result = Result(job.name, job.source)
    try:
        draft = draft_data(job.load(), SourceText(job.source, ""), options.templates)
        target = Path(options.out_dir) / f"{output_name}.docx"
        write_docx(draft.document, target, _worker["profile"], options.reference,
                   options.reference_styles, force=options.force)
        written = target.read_bytes()
        result.file = hashlib.sha256(written).hexdigest()
        result.output = str(target)
        result.status = "已生成"
        text = draft.document.text()
        result.length = len(text)
        result.sentences = "".join(sorted({_sentence_hash(s) for s in long_sentences(text)}))
        result.organisations = sorted(set(_ORGANISATION.findall(text)))
        if options.check:
            checker = _worker["checker"]
            from toolkit.check.engine import run

            settings = checker.settings
            lexicons = checker.lexicons(settings)
            rules = settings.active(checker.rules + tuple(lexicons.extra_rules()))
            # Every report of a batch is laid out by the same writer and profile, so the layout
            # (D) rules audit the first file each worker writes; text rules check every one.
            audit = not _worker.get("layout_audited")
            if not audit:
                rules = [r for r in rules if not r.code.startswith("D")]
            found = run(draft.document, rules, settings.severities, settings.options, draft.kind,
                        lexicons, docx=lambda: written, docx_origin="built",
                        style=_worker["profile"])
            _worker["layout_audited"] = True
            diags = diagnose(draft.document, found, {r.code: r for r in rules}, job.source,
                             lambda n: None)
            result.counts = dict(Counter(d.severity for d in diags))
            result.codes = dict(Counter(d.code for d in diags).most_common(5))
    except GongwenError as exc:
        result.status = "失败"
        result.error = "；".join(_problem_text(p) for p in exc.problems)
    except Exception as exc:  # noqa: BLE001 - one department's failure is never the batch's
        result.status = "失败"
        result.error = crash_text(exc)
    return result


def crash_text(exc: BaseException | None) -> str:
    """Why a department failed when gongwen itself did (the QA report's 说明)."""
    if isinstance(exc, RecursionError):
        return "内容嵌套过深，无法生成（RecursionError）。请简化这个部门的内容或模板。"
    if isinstance(exc, MemoryError):
        return "生成这个部门时内存不足（MemoryError）。请检查其中是否有特别长的内容。"
    if exc is None:
        return "生成这个部门的工作进程意外退出（可能内存不足或被系统终止）。请单独生成这个部门查明原因。"
    detail = str(exc).strip().splitlines()[0][:160] if str(exc).strip() else ""
    return (f"内部错误（{type(exc).__name__}{'：' + detail if detail else ''}），这是 gongwen 的缺陷；"
            "请单独生成这个部门，并把它的输入报告给维护者。")


def _problem_text(problem) -> str:
    place = problem.place
    if place is None or not place.line:
        return problem.message
    if place.path.lower().endswith((".csv", ".xlsx")):
        return f"{Path(place.path).name} 第{place.line}行第{place.column}列：{problem.message}"
    return f"{place}：{problem.message}"


_shared_jobs: list = []  # set before the pool forks, so workers read jobs without pickling


def _run_remote(args) -> Result:
    index, name, options, job = args
    return build_one(job if job is not None else _shared_jobs[index], name, options)


# -- the parent side ---------------------------------------------------------------------------

def fingerprint(job: Job, options: Options) -> str:
    """Content hash of everything a department's output depends on."""
    from toolkit.core import resources
    from toolkit.docx.profiles import load_profile
    from toolkit.draft import kinds

    h = hashlib.sha256()
    h.update(__version__.encode())
    h.update(job.content.encode())
    if job.base_path and Path(job.base_path).is_file():
        h.update(Path(job.base_path).read_bytes())
    kind_name = job.kind or kinds.DEFAULT_KIND
    for base in kinds.search_path(options.templates):
        folder = base / kind_name
        if folder.is_dir():
            for f in sorted(folder.rglob("*")):
                if f.is_file():
                    h.update(f.name.encode())
                    h.update(f.read_bytes())
            break
    h.update(load_profile(options.style).key.encode())
    if options.reference and Path(options.reference).is_file():
        h.update(Path(options.reference).read_bytes())
        h.update(str(options.reference_styles).encode())
    h.update(str(options.check).encode())
    for settings_file in (resources.path("configs", "checks.yaml"), options.config):
        if settings_file and Path(settings_file).is_file():
            h.update(Path(settings_file).read_bytes())
    return h.hexdigest()


def file_digest(path: Path) -> str | None:
    """SHA-256 of a regular file (None for anything else: a FIFO must not be opened)."""
    import stat

    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            return None
        h = hashlib.sha256()
        with open(path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return None


class Journal:
    """The batch state as JSON lines in the output folder, appended as departments finish.

    {"own": "甲局.docx", "file": ""} — gongwen is about to write this output (claimed);
    {"own": "甲局.docx", "file": "<sha256>"} — gongwen wrote it with these bytes;
    {"done": {…the department's QA record…}} — built, with input fingerprint and file digest.
    A line cut short by a crash is skipped.
    """

    def __init__(self, out_dir: Path):
        self.path = out_dir / JOURNAL
        self.legacy = out_dir / STATE_FILE
        self.done: dict[str, dict] = {}  # source → latest record
        self.owned: dict[str, str] = {}  # output file name → digest ("" = written, unknown)
        self._read()

    def _read(self) -> None:
        try:
            legacy = json.loads(self.legacy.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            legacy = {}
        if isinstance(legacy, dict):
            for record in legacy.values():  # earlier versions' files: ours, but not trusted
                if isinstance(record, dict) and isinstance(record.get("output"), str):
                    self.owned[Path(record["output"]).name] = ""
        try:
            with open(self.path, "rb") as handle:
                lines = handle.read().split(b"\n")
        except OSError:
            return
        for line in lines:
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if not isinstance(entry, dict):
                continue
            if isinstance(entry.get("own"), str) and isinstance(entry.get("file"), str):
                self.owned[entry["own"]] = entry["file"]
            record = entry.get("done")
            if isinstance(record, dict) and isinstance(record.get("source"), str) \
                    and isinstance(record.get("output"), str):
                self.done[record["source"]] = record
                self.owned[Path(record["output"]).name] = str(record.get("file", ""))

    def _append(self, entries: list[dict], sync: bool = False) -> None:
        if not entries:
            return
        data = "".join(json.dumps(e, ensure_ascii=False, default=_plain) + "\n"
                       for e in entries).encode("utf-8")
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
        try:
            fd = os.open(self.path, flags, 0o666)
        except OSError as exc:
            raise InputError(f"无法写批量状态文件：{exc.strerror or exc}", Place(str(self.path)),
                             "请确认输出文件夹可写。") from None
        try:
            os.write(fd, data)
            if sync:
                os.fsync(fd)
        finally:
            os.close(fd)

    def claim(self, names: list[str]) -> None:
        """Before anything is written: these outputs are gongwen's from now on."""
        self._append([{"own": n, "file": ""} for n in names], sync=True)
        for n in names:
            self.owned[n] = ""

    def record(self, result: Result) -> None:
        self._append([{"done": result}])
        self.owned[Path(result.output).name] = result.file

    def may_replace(self, target: Path) -> str | None:
        """None when gongwen may replace `target`; otherwise why not (a Chinese sentence)."""
        if not os.path.lexists(target):
            return None
        if target.is_symlink() or not target.is_file():
            return f"输出位置 {target.name} 已有一个不是普通文件的同名项，未覆盖。"
        known = self.owned.get(target.name)
        if known is None:
            return (f"输出文件夹中已有 {target.name}，它不是 gongwen 生成的，未覆盖。"
                    "请移走这个文件，或加 --force 覆盖。")
        if known and file_digest(target) != known:
            return (f"{target.name} 在 gongwen 生成后被修改过，未覆盖（以免丢失修改）。"
                    "请另存修改后的文件，或加 --force 覆盖。")
        return None

    def compact(self, state: dict) -> None:
        """Rewrite the journal as the final state, plus earlier outputs still on disk."""
        out_dir = self.path.parent
        named = {Path(_field(r, "output")).name for r in state.values()}
        lines = [{"done": r} for r in state.values()]
        lines += [{"own": n, "file": d} for n, d in sorted(self.owned.items())
                  if n not in named and (out_dir / n).is_file()]

        def write(handle) -> None:
            for entry in lines:
                handle.write((json.dumps(entry, ensure_ascii=False, default=_plain) + "\n")
                             .encode("utf-8"))

        atomic_write(self.path, write, force=True)
        try:
            self.legacy.unlink()
        except OSError:
            pass


def _field(record, name: str):
    return record.get(name) if isinstance(record, dict) else getattr(record, name)


def _plain(value):
    return dataclasses.asdict(value) if dataclasses.is_dataclass(value) else value


def _write_json(target: Path, data, indent: int) -> Path:
    """JSON written straight to the file, piece by piece: a thousand departments' records never
    become one string in memory."""
    def write(handle) -> None:
        text = io.TextIOWrapper(handle, encoding="utf-8", newline="\n")
        json.dump(data, text, ensure_ascii=False, indent=indent,
                  default=lambda o: dataclasses.asdict(o) if dataclasses.is_dataclass(o) else o)
        text.flush()
        text.detach()  # the caller closes the file

    return atomic_write(target, write)


@dataclass
class Summary:
    results: list[Result]
    cross: list[dict]
    seconds: float
    interrupted: bool = False

    @property
    def failed(self) -> int:
        return sum(r.status == "失败" for r in self.results)

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.results)


class Progress:
    """A bar on a terminal, plain lines otherwise, nothing when quiet."""

    def __init__(self, total: int, quiet: bool, echo: Callable):
        self.echo = echo
        self.quiet = quiet
        self.bar = None
        self.done = 0
        self.total = total
        if not quiet and _is_terminal():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="份", desc="生成", leave=False, dynamic_ncols=True)

    def update(self, result: Result) -> None:
        self.done += 1
        if self.quiet:
            return
        if self.bar is not None:
            self.bar.update(1)
            if result.status == "失败":
                self.bar.write(f"失败：{result.name}（{result.source}）：{result.error}")
            return
        line = f"[{self.done}/{self.total}] {result.status} {result.name}"
        if result.status == "失败":
            line += f"：{result.error}"
        self.echo(line, err=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _is_terminal() -> bool:
    import sys

    return sys.stderr.isatty()


def run_batch(jobs: list[Job], options: Options, jobs_n: int | None = None, force: bool = False,
              quiet: bool = False, echo: Callable = print) -> Summary:
    """Build every job (in parallel), reusing unchanged outputs; write state as it goes."""
    out_dir = Path(options.out_dir)
    names = unique_names([j.name for j in jobs])
    journal = Journal(out_dir)
    state = {} if force else journal.done
    new_state: dict = {}
    claims: list[str] = []
    results: dict[int, Result] = {}
    todo: list[int] = []
    start = time.perf_counter()
    for i, (job, name) in enumerate(zip(jobs, names)):
        if job.error is not None:
            results[i] = Result(job.name, job.source, error="；".join(
                _problem_text(p) for p in job.error.problems))
            continue
        digest = fingerprint(job, options)
        previous = state.get(job.source)
        target = out_dir / f"{name}.docx"
        # Unchanged only if the file on disk is, byte for byte, the one this input built: after
        # a hard kill or a copy over it, the output is built again.
        if previous and previous.get("digest") == digest and previous.get("file") \
                and Path(previous.get("output", "")).name == target.name \
                and file_digest(target) == previous["file"]:
            kept = Result(**{k: v for k, v in previous.items() if k in Result.__dataclass_fields__})
            kept.output = str(target)
            kept.status = "未变化"
            results[i] = kept
            new_state[job.source] = kept
            continue
        refused = None if force else journal.may_replace(target)
        if refused:
            results[i] = Result(job.name, job.source, error=refused)
            continue
        jobs[i].digest = digest
        claims.append(target.name)
        todo.append(i)
    journal.claim(claims)
    progress = Progress(len(jobs), quiet, echo)
    for i, r in results.items():
        progress.update(r)
    interrupted = False
    workers = max(1, jobs_n or os.cpu_count() or 1)
    try:
        for i, result in _execute(todo, jobs, names, options, workers):
            result.digest = jobs[i].digest
            results[i] = result
            progress.update(result)
            if result.status == "已生成":
                new_state[jobs[i].source] = result
                journal.record(result)  # at once: a hard kill keeps what finished
    except KeyboardInterrupt:
        interrupted = True
    finally:
        progress.close()
        try:
            journal.compact({**(state if interrupted else {}), **new_state})
        except GongwenError:
            pass
    ordered = [results[i] for i in sorted(results)]
    by_name = {}
    for job in jobs:
        by_name.setdefault(job.name, job)

    def sentence_texts(name: str, wanted: set[str]) -> dict[str, str]:
        """The texts of some sentences of one department (drafted again: it is cheap)."""
        from toolkit.core.sources import SourceText
        from toolkit.draft.pipeline import draft_data

        job = by_name.get(name)
        if job is None or job.error is not None:
            return {}
        try:
            text = draft_data(job.load(), SourceText(job.source, ""),
                              options.templates).document.text()
        except GongwenError:
            return {}
        return {h: s for s in long_sentences(text) if (h := _sentence_hash(s)) in wanted}

    cross = cross_checks(ordered, sentence_texts)
    return Summary(ordered, cross, time.perf_counter() - start, interrupted)


def _execute(todo: list[int], jobs: list[Job], names: list[str], options: Options, workers: int):
    if not todo:
        return
    if workers == 1 or len(todo) == 1:
        _warm(options)
        for i in todo:
            yield i, build_one(jobs[i], names[i], options)
        return
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    # fork keeps the parent's imports (a warm start); spawn where fork is unavailable.
    methods = multiprocessing.get_all_start_methods()
    fork = "fork" in methods
    context = multiprocessing.get_context("fork" if fork else "spawn")
    _shared_jobs[:] = jobs

    def new_pool(size: int):
        return ProcessPoolExecutor(max_workers=size, mp_context=context,
                                   initializer=_init_worker, initargs=(options,))

    def args(i: int):
        return (i, names[i], options, None if fork else jobs[i])

    def crashed(i: int, exc: BaseException | None) -> Result:
        return Result(jobs[i].name, jobs[i].source, error=crash_text(exc))

    def alone(i: int) -> Result:
        """One department in a pool of its own: if the worker dies, it was this one."""
        single = new_pool(1)
        try:
            return single.submit(_run_remote, args(i)).result()
        except BrokenProcessPool:
            return crashed(i, None)
        except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be sent back
            return crashed(i, exc)
        finally:
            single.shutdown(wait=True, cancel_futures=True)

    size = min(workers, len(todo))
    pool = new_pool(size)
    # A few tasks per worker in flight, not the whole batch: memory does not grow with its size,
    # and Ctrl-C has little queued work to cancel.
    limit = 4 * workers
    waiting = iter(todo)
    running: dict = {}
    try:
        while True:
            for i in waiting:
                running[pool.submit(_run_remote, args(i))] = i
                if len(running) >= limit:
                    break
            if not running:
                break
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                i = running.pop(future)
                try:
                    yield i, future.result()
                except BrokenProcessPool:
                    broken = True
                    running[future] = i
                except Exception as exc:  # noqa: BLE001 - that department's failure only
                    yield i, crashed(i, exc)
            if broken:
                # A worker died (the OOM killer, a crash): every department in flight lost its
                # result. Each is built again on its own to find the one that kills a worker.
                suspects = sorted(running.values())
                running.clear()
                pool.shutdown(wait=True, cancel_futures=True)
                for i in suspects:
                    yield i, alone(i)
                pool = new_pool(size)
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


# -- cross-document checks ---------------------------------------------------------------------

def _organisation_key(name: str) -> str:
    """Variants of one organ's name share a key: 区政府办 / 区政府办公室 / 区人民政府办公室."""
    key = name.replace("人民政府", "政府")
    return re.sub(r"办公室$", "办", key)


def _names(depts: set[str], most: int = 5) -> str:
    """Department names for a message: a few, then how many more."""
    names = sorted(depts)
    shown = "、".join(names[:most])
    return shown + (f"等 {len(names)} 个部门" if len(names) > most else "")


def cross_checks(results: list[Result], sentence_text=None, min_copies: int = 2) -> list[dict]:
    """Findings across departments: spelling variants, copied sentences, outlying lengths."""
    built = [r for r in results if r.status != "失败"]
    out: list[dict] = []
    variants: dict[str, dict[str, set[str]]] = {}
    for r in built:
        for org in r.organisations:
            variants.setdefault(_organisation_key(org), {}).setdefault(org, set()).add(r.name)
    for key, forms in sorted(variants.items()):
        depts = set().union(*forms.values())
        # Within one report two spellings are W116's business; here only a difference between
        # departments counts: some write one form, others another.
        if len(forms) < 2 or all(ds == depts for ds in forms.values()):
            continue
        where = "；".join(f"“{form}”（{_names(ds)}）" for form, ds in sorted(forms.items()))
        out.append({"检查": "机构名称写法不一", "部门": sorted(depts),
                    "说明": f"同一机构在各部门报告中有 {len(forms)} 种写法：{where}。"
                            "请统一为全称或规范简称。"})
    copies: dict[str, set[str]] = {}
    for r in built:
        for digest in (r.sentences[i:i + 16] for i in range(0, len(r.sentences), 16)):
            copies.setdefault(digest, set()).add(r.name)
    # A sentence every department has comes from the shared base file: that is intended.
    copied = {d: depts for d, depts in copies.items() if len(depts) >= min_copies
              and not (len(built) >= 3 and len(depts) == len(built))}
    texts: dict[str, str] = {}
    for digest, depts in copied.items():
        if digest not in texts and sentence_text is not None:
            texts.update(sentence_text(min(depts), {d for d, ds in copied.items()
                                                    if min(depts) in ds} - set(texts)))
    for digest, depts in sorted(copied.items(), key=lambda kv: sorted(kv[1])):
        sentence = texts.get(digest, "")
        shown = f"“{sentence[:40]}{'……' if len(sentence) > 40 else ''}”" if sentence else "同一句话"
        out.append({"检查": "相同句子", "部门": sorted(depts),
                    "说明": f"{len(depts)} 个部门（{_names(depts)}）的报告含有{shown}。"})
    lengths = sorted(r.length for r in built if r.length)
    if len(lengths) >= 3:
        median = lengths[len(lengths) // 2]
        for r in built:
            if r.length and (r.length < median / 2 or r.length > median * 2):
                side = "短" if r.length < median else "长"
                out.append({"检查": "篇幅异常", "部门": [r.name],
                            "说明": f"{r.name}的报告 {r.length} 字，明显比其他部门{side}（中位数 "
                                    f"{median} 字）。"})
    return out


# -- the QA report -----------------------------------------------------------------------------

_COLUMNS = ("部门", "来源", "输出", "状态", "错误", "警告", "提示", "常见问题", "跨文档提示", "说明")


def qa_rows(summary: Summary) -> list[dict]:
    notes: dict[str, list[str]] = {}
    for item in summary.cross:
        for dept in item["部门"]:
            notes.setdefault(dept, []).append(item["检查"])
    rows = []
    for r in summary.results:
        rows.append({
            "部门": r.name, "来源": r.source, "输出": r.output, "状态": r.status,
            "错误": r.counts.get("错误", 0), "警告": r.counts.get("警告", 0),
            "提示": r.counts.get("提示", 0),
            "常见问题": " ".join(f"{c}×{n}" for c, n in r.codes.items()),
            "跨文档提示": "、".join(sorted(set(notes.get(r.name, [])))),
            "说明": r.error,
        })
    return rows


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def csv_cell(value):
    """A cell Excel and WPS show as text: one starting like a formula (=HYPERLINK(…), +, -, @,
    a tab or a line break) gets the usual leading apostrophe, so opening the file runs nothing."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_qa(summary: Summary, out_dir: Path) -> tuple[Path, Path]:
    """质量报告.csv (UTF-8 with BOM, so Excel shows Chinese) and 质量报告.json."""
    rows = qa_rows(summary)

    def write_csv(handle) -> None:
        text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
        writer = csv.DictWriter(text, fieldnames=_COLUMNS, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in rows)
        text.flush()
        text.detach()

    csv_path = atomic_write(out_dir / f"{QA_NAME}.csv", write_csv)
    report = {"生成时间": time.strftime("%Y-%m-%d %H:%M:%S"), "部门": rows,
              "跨文档检查": summary.cross,
              "合计": {"部门数": len(rows), "已生成": summary.count("已生成"),
                       "未变化": summary.count("未变化"), "失败": summary.failed,
                       "用时秒": round(summary.seconds, 2)}}
    return csv_path, _write_json(out_dir / f"{QA_NAME}.json", report, 2)


def exit_code(summary: Summary) -> int:
    if summary.interrupted:
        return 130
    bad = summary.failed or any(r.counts.get("错误") for r in summary.results)
    return 1 if bad else 0


def check_out_dir(path: str) -> Path:
    out = Path(path)
    if out.exists() and not out.is_dir():
        raise InputError("输出位置是一个文件，不是文件夹。", Place(path), "请用 -o 指定一个文件夹。")
    if not out.exists():
        if not out.parent.exists():
            raise InputError("输出文件夹的上级不存在。", Place(path))
        out.mkdir()
    return out


def documents_for_volume(jobs: list[Job], summary: Summary, options: Options) -> list:
    """The Documents of every department that built (or was unchanged), in roster order."""
    from toolkit.core.sources import SourceText
    from toolkit.draft.pipeline import draft_data

    ok = {r.source for r in summary.results if r.status != "失败"}
    docs = []
    for job in jobs:
        if job.source in ok and job.error is None:
            docs.append(draft_data(job.load(), SourceText(job.source, ""),
                                   options.templates).document)
    return docs


def volume_title(docs: list) -> str:
    """A cover title when none is given: the common document type of the reports."""
    if not docs:
        return "汇编"
    kind = docs[0].kind or "工作材料"
    return f"各部门{kind}汇编"
