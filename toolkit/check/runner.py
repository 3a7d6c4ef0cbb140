"""The `check` and `rules` commands' flow: read inputs, run rules, report, fix and annotate."""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable
from pathlib import Path

from toolkit.check.diagnostics import (Diagnostic, diagnose, failing, format_diagnostic, summary,
                                       to_json)
from toolkit.check.engine import run
from toolkit.check.model import Rule
from toolkit.core.errors import GongwenError, InputError
from toolkit.intake.inputs import Input, expand, read_input


def _kind_for(inp: Input, templates: tuple[str, ...]):
    if inp.kind is not None:
        return inp.kind
    if inp.document.kind:
        from toolkit.draft import kinds

        try:
            return kinds.find_kind(inp.document.kind, templates)
        except GongwenError:
            return None
    return None


class Checker:
    """Settings and rules resolved once per command, applied to each input."""

    def __init__(self, config, select, ignore, fail_on, templates, style=None, all_hints=False):
        from toolkit.check.rules import all_rules
        from toolkit.check.settings import load_settings

        self.rules: tuple[Rule, ...] = all_rules()
        # The layout rules judge by this profile; a named one is loaded now, so a bad --style
        # is reported before any file is read.
        self.style = style
        if style is not None:
            from toolkit.docx.profiles import load_profile

            self.style = load_profile(style)
        self.config, self.select, self.ignore, self.fail_on = config, select, ignore, fail_on
        self.all_hints = all_hints
        self.settings = load_settings(self.rules, config, None, None, select, ignore, fail_on,
                                      all_hints)
        self.held = 0  # hints held back so far (quiet rules), for the summary
        self.templates = tuple(templates) + tuple(self.settings.templates)
        self._lexicons = {}

    def settings_for(self, inp: Input):
        if inp.settings is None:
            return self.settings
        from toolkit.check.settings import load_settings

        return load_settings(self.rules, self.config, inp.settings, Path(inp.path).parent,
                             self.select, self.ignore, self.fail_on, self.all_hints)

    def lexicons(self, settings):
        key = tuple(settings.lexicons)
        if key not in self._lexicons:
            from toolkit.check.wordlists import Lexicons

            self._lexicons[key] = Lexicons.load(list(key)) if key else Lexicons.default()
        return self._lexicons[key]

    def diagnose(self, inp: Input) -> tuple[list[Diagnostic], list]:
        settings = self.settings_for(inp)
        lexicons = self.lexicons(settings)
        rules = settings.active(self.rules + tuple(lexicons.extra_rules()))
        docx, origin = self._docx(inp)
        found = run(inp.document, rules, settings.severities, settings.options,
                    _kind_for(inp, self.templates), lexicons, docx=docx, docx_origin=origin,
                    style=self.style)
        # Held-back hints are neither shown nor fixed: --fix leaves what one check shows.
        found, held = settings.split_held(found)
        self.held += held
        by_code = {r.code: r for r in rules}
        diags = diagnose(inp.document, found, by_code, inp.path, inp.line_text)
        for d in diags:
            if d.finding is not None and d.finding.block < 0:
                d.source_line = None  # about the whole file (page setup): no line to show
        return diags, found

    def _docx(self, inp: Input):
        """The DOCX the layout rules judge (read or built only if one of them asks)."""
        from toolkit.intake.inputs import docx_source

        return docx_source(inp, self.style)


def _encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-8-sig":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    return text.encode(encoding)


def _fix(inp: Input, found, diff: bool, echo) -> int:
    """Apply (or show) the safe fixes of one input; returns how many edits were made."""
    from toolkit.check.fixes import apply_edits, edits

    findings = [f for f, _ in found]
    fixable = any(f.replacement is not None for f in findings)
    if fixable and not diff and not inp.path.startswith("<") and inp.path != "-":
        import os

        if os.path.isfile(inp.path) and not os.stat(inp.path).st_mode & 0o222:
            from toolkit.core.errors import Place

            raise InputError("文件是只读的，未修复。", Place(inp.path),
                             "如需修复，请先去掉只读属性（chmod u+w 或在文件属性中取消“只读”）。")
    if inp.form == "docx":
        from toolkit.check.docxedit import fix_docx

        return fix_docx(inp.path, inp.document, findings, dry_run=diff, echo=echo)
    if inp.text is None or inp.path.startswith("<"):
        return 0
    changes = edits(inp.document, findings)
    if not changes:
        return 0
    fixed = apply_edits(inp.text, changes)
    if diff:
        echo("".join(difflib.unified_diff(
            inp.text.splitlines(keepends=True), fixed.splitlines(keepends=True),
            fromfile=inp.path, tofile=inp.path + "（修复后）")), nl=False)
        return len(changes)
    from toolkit.core.output import atomic_write
    from toolkit.core.sources import read_text

    encoding = read_text(inp.path).encoding
    data = _encode(fixed, encoding)
    atomic_write(inp.path, lambda handle: handle.write(data))
    return len(changes)


def run_check(paths, fmt="text", fix=False, diff=False, annotate=None, select=(), ignore=(),
              fail_on=None, config=None, templates=(), stdin_form="text",
              echo: Callable = print, style=None, all_hints=False) -> int:
    """Check every path; print diagnostics; return the exit code (0, 1 or 2).

    `style` is the style profile the layout (D) rules judge DOCX files and built drafts by."""
    from toolkit.core.messages import format_error

    checker = Checker(config, select, ignore, fail_on, templates, style, all_hints)
    files = expand(tuple(paths))
    if annotate and len(files) != 1:
        raise InputError("--annotate 只能用于单个输入文件。", None, "请一次只给一个文件。")
    all_diags: list[Diagnostic] = []
    input_error = False
    fixed_total = 0
    checked = 0
    for path in files:
        try:
            inp = read_input(path, checker.templates, stdin_form)
            for notice in inp.notices:
                echo("提示：" + notice.message, err=True)
            diags, found = checker.diagnose(inp)
            if fix or diff:
                count = _fix(inp, found, diff, echo)
                if count and not diff:
                    fixed_total += count
                    echo(f"已修复 {path} 中的 {count} 处。", err=True)
                    inp = read_input(path, checker.templates, stdin_form)
                    before = checker.held
                    diags, found = checker.diagnose(inp)
                    checker.held = before  # the file was checked again: count its hints once
            if annotate:
                from toolkit.check.docxedit import annotate_input

                annotate_input(inp, diags, annotate)
                echo(f"已写出带批注的副本 {annotate}（{len(diags)} 条批注）。", err=True)
        except GongwenError as exc:
            if exc.exit_code != 2:
                raise
            input_error = True
            echo(format_error(exc), err=True)
            continue
        checked += 1
        all_diags.extend(diags)
        if fmt == "text":
            for d in diags:
                echo(format_diagnostic(d))
    if fmt == "json":
        echo(to_json(all_diags))
    elif checked:  # “no problems found” would contradict the errors of unreadable files
        echo(summary(all_diags, checked if len(files) != 1 else 1, checker.held))
    if input_error:
        return 2
    return 1 if failing(all_diags, checker.settings.fail_on) else 0


def list_rules(fmt: str = "text") -> str:
    from toolkit.check.rules import all_rules

    rules = all_rules()
    if fmt == "json":
        return json.dumps([{"code": r.code, "name": r.name, "severity": r.severity,
                            "basis": r.basis, "fix": r.fix, "summary": r.summary,
                            "message": r.message, "options": dict(r.options)}
                           for r in rules], ensure_ascii=False, indent=2)
    lines = []
    for r in rules:
        fix = "  可自动修复" if r.fix else ""
        lines.append(f"{r.code}  {r.name:<36} [{r.severity}]  {r.basis}{fix}")
    lines.append(f"共 {len(rules)} 条规则。运行 gongwen rules 代码 查看一条规则的说明和示例。")
    return "\n".join(lines)


def describe_rule(code: str) -> str:
    from toolkit.check.rules import by_code

    rules = by_code()
    rule = rules.get(code.strip().upper())
    if rule is None:
        close = difflib.get_close_matches(code.upper(), list(rules), n=3)
        hint = f"是不是想查 {'、'.join(close)}？" if close else "运行 gongwen rules 查看全部规则。"
        raise InputError(f"没有代码为“{code}”的规则。", None, hint)
    out = [f"{rule.code} {rule.name}", "",
           f"级别：{rule.severity}", f"依据：{rule.basis}",
           f"自动修复：{'是（--fix 会安全地修改）' if rule.fix else '否（只提示，不改写）'}", "",
           rule.summary, "", f"提示信息：{rule.message}"]
    if rule.options:
        out += ["", "选项（在检查设置的 rules 中修改）："]
        out += [f"  {k}: {v}" for k, v in rule.options.items()]
    # Layout rules' examples are small generated DOCX files: show what each one contains.
    what = "DOCX" if any(callable(e) for e in rule.fails) else "写法"
    out += ["", f"会报告的{what}："] + [f"  ✗ {e}" for e in rule.fails]
    out += ["", f"不会报告的{what}："] + [f"  ✓ {e}" for e in rule.passes]
    return "\n".join(out)

