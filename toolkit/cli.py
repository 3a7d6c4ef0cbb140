"""The command line: the only place that prints, reads arguments and chooses exit codes."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from toolkit import __version__
from toolkit.core.errors import GongwenError, InputError, Place

_CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _notices(notices) -> None:
    for notice in notices:
        click.echo("提示：" + notice.message, err=True)


@click.group(context_settings=_CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="gongwen")
def cli() -> None:
    """gongwen：起草、检查、排版工作情况汇报等公文材料（GB/T 9704-2012）。"""


@cli.command()
@click.argument("path", required=False, default="工作情况汇报.yaml", type=str)
@click.option("-t", "--template", "kind", default=None, help="报告类型，默认“工作情况汇报”。")
@click.option("--templates", "template_dirs", multiple=True, type=str,
              help="本单位模板文件夹（可多次指定）。")
@click.option("-f", "--force", is_flag=True, help="文件已存在时覆盖。")
def init(path: str, kind: str | None, template_dirs: tuple[str, ...], force: bool) -> None:
    """生成一个带注释的起始 YAML 文件。"""
    from toolkit.core.output import write_text
    from toolkit.draft import kinds, starter

    target = Path(path)
    if target.exists() and not force:
        raise InputError("文件已存在，未覆盖。", Place(path), "如需覆盖，请加 --force。")
    import os

    found = kinds.find_kind(kind or kinds.DEFAULT_KIND, template_dirs)
    unit_dir = None
    if template_dirs and found.folder.parent != kinds.resources.folder("templates"):
        unit_dir = os.path.relpath(found.folder.parent, target.parent.resolve())
    write_text(target, starter.starter(found, unit_dir), force)
    click.echo(f"已生成 {path}：按注释填写内容后运行 gongwen build {path}")


@cli.command()
@click.argument("path", type=str)
@click.option("-o", "--output", default=None, type=str,
              help="输出文件（.docx、.txt 或 .md），默认与输入同名的 .docx。")
@click.option("--text", "text_path", default=None, type=str,
              help="另外写出纯文本（每段一行）。")
@click.option("--templates", "template_dirs", multiple=True, type=str,
              help="本单位模板文件夹（可多次指定）。")
@click.option("--style", default=None, help="样式配置（YAML 文件或内置名称），默认 gbt9704。")
@click.option("--reference-docx", "reference", default=None,
              help="本单位的参考 DOCX：沿用它的页面设置和页眉（红头）。")
@click.option("--reference-styles", is_flag=True,
              help="同时采用参考文档的样式和文档网格（默认只取页面设置和页眉）。")
@click.option("--require-fonts", is_flag=True,
              help="文档要用的字体本机没有装齐时不生成（用于在本机直接打印的场合）。")
@click.option("-f", "--force", is_flag=True, help="输出文件是只读的也覆盖。")
def build(path: str, output: str | None, text_path: str | None,
          template_dirs: tuple[str, ...], style: str | None, reference: str | None,
          reference_styles: bool, require_fonts: bool, force: bool) -> None:
    """由 YAML 起草报告，排成 GB/T 9704 格式的 DOCX。

    -o - 或 --text - 把纯文本写到标准输出。"""
    from toolkit.core.output import check_target, write_text
    from toolkit.draft.pipeline import draft_file

    target = Path(output) if output else Path(path).with_suffix(".docx")
    outputs = [str(target)] + ([text_path] if text_path else [])
    _refuse_inputs(outputs, [path, style, reference, *template_dirs])
    for name in outputs:  # refused before drafting: a special or read-only target wastes no work
        if name != "-":
            check_target(name, force)
    drafted = draft_file(path, template_dirs)
    _notices(drafted.source.notices + drafted.notices)
    doc = drafted.document
    written = []
    suffix = target.suffix.lower()
    if output == "-":
        from toolkit.text.plain import to_text

        click.echo(to_text(doc), nl=False)
    elif suffix == ".txt":
        from toolkit.text.plain import to_text

        write_text(target, to_text(doc), force)
    elif suffix == ".md":
        from toolkit.text.plain import to_markdown

        write_text(target, to_markdown(doc), force)
    elif suffix == ".docx":
        from toolkit.docx.profiles import load_profile
        from toolkit.docx.writer import write_docx

        if require_fonts:  # before anything is written: a refused build leaves no file
            from toolkit.render.fonts import require

            require(doc, style, reference, path, reference_styles)
        write_docx(doc, target, load_profile(style), reference, reference_styles, force=force)
    else:
        raise InputError("不支持的输出格式。", Place(str(target)),
                         "输出文件的扩展名应为 .docx、.txt 或 .md；写到屏幕用 -o -。")
    if output != "-":
        written.append(str(target))
    if text_path == "-":
        from toolkit.text.plain import to_text

        click.echo(to_text(doc), nl=False)
    elif text_path:
        from toolkit.text.plain import to_text

        write_text(text_path, to_text(doc), force)
        written.append(text_path)
    if written:
        click.echo("已生成 " + "、".join(written), err=output == "-" or text_path == "-")


def _refuse_inputs(outputs: list[str], inputs: list[str | None]) -> None:
    """An output must never replace a file the command reads (even with --force)."""
    from toolkit.core.output import same_file

    seen: list[str] = []
    for out in outputs:
        if out == "-":
            continue
        for source in inputs:
            if source and Path(source).is_file() and same_file(out, source):
                raise InputError("输出文件就是输入文件，未覆盖。", Place(out),
                                 f"请为输出另取一个文件名（输入：{source}）。")
        if any(same_file(out, other) for other in seen):
            raise InputError("两个输出是同一个文件。", Place(out), "请为它们分别取文件名。")
        seen.append(out)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              help="输出格式：text（默认）或 json。")
@click.option("--fix", is_flag=True, help="就地应用安全的机械修复（标点宽度、引号、编号形式、日期形式）。")
@click.option("--diff", is_flag=True, help="只显示 --fix 会做的修改，不写文件。")
@click.option("--annotate", default=None, help="写出一份带批注的 DOCX 副本（每处问题一条批注）。")
@click.option("--select", multiple=True, help="只运行这些代码前缀的规则，如 T,S101。")
@click.option("--ignore", multiple=True, help="不运行这些代码前缀的规则。")
@click.option("--fail-on", default=None, help="达到此级别即以退出码 1 结束：错误、警告或提示。")
@click.option("--config", default=None, help="检查设置文件（YAML，可 extends: default）。")
@click.option("--templates", "template_dirs", multiple=True, help="本单位模板文件夹。")
@click.option("--stdin-format", type=click.Choice(["text", "yaml"]), default="text",
              help="从标准输入（-）读取时的格式。")
@click.option("--style", default=None,
              help="版式规则（D）按哪个样式配置检查（YAML 文件或内置名称），默认 gbt9704。")
@click.option("--all-hints", is_flag=True,
              help="也显示默认不显示的提示（在真实公文上把握不大的套话、重复用词等提示）。")
def check(paths, fmt, fix, diff, annotate, select, ignore, fail_on, config, template_dirs,
          stdin_format, style, all_hints) -> None:
    """检查 YAML 草稿、文本和 DOCX 的结构、用语和版式。"""
    from toolkit.check.runner import run_check

    code = run_check(paths, fmt=fmt, fix=fix, diff=diff, annotate=annotate, select=select,
                     ignore=ignore, fail_on=fail_on, config=config, templates=template_dirs,
                     stdin_form=stdin_format, echo=click.echo, style=style, all_hints=all_hints)
    sys.exit(code)


@cli.command()
@click.argument("path")
@click.option("-o", "--output", required=True,
              help="输出文件：.pdf，或 .png（每页一张图：名称-1.png、名称-2.png……）。")
@click.option("--style", default=None, help="YAML 草稿按哪个样式配置排版，默认 gbt9704。")
@click.option("--templates", "template_dirs", multiple=True, help="本单位模板文件夹。")
@click.option("--dpi", type=int, default=80, show_default=True, help="PNG 图片的分辨率。")
@click.option("--timeout", type=float, default=180, show_default=True,
              help="LibreOffice 转换的时间上限（秒），超时即停止。")
def preview(path, output, style, template_dirs, dpi, timeout) -> None:
    """用 LibreOffice 把 DOCX（或 YAML 草稿排出的 DOCX）转成 PDF 或 PNG 预览。"""
    from toolkit.render.preview import render

    done = render(path, output, style=style, templates=tuple(template_dirs), dpi=dpi,
                  timeout=timeout)
    names = [str(p) for p in done.outputs]
    shown = "、".join(names) if len(names) <= 3 else f"{names[0]} … {names[-1]}"
    click.echo(f"已生成 {shown}（共 {done.pages} 页）。")
    if done.isolated:
        from toolkit.docx.isolate import describe

        click.echo("提示：为安全起见，预览前已从转换用的副本中去掉会访问外部的内容（"
                   + describe(done.isolated) + "），预览中这些位置会是空的；原文件未改动。", err=True)
    if done.kept:
        click.echo("提示：这些同名图片不是 gongwen 生成的，未删除：" + "、".join(str(p) for p in done.kept)
                   + "。", err=True)
    if not done.fontconfig:
        click.echo("提示：本机没有 fontconfig，无法检查和替换字体，预览用 LibreOffice 自己选的字体。",
                   err=True)
    if done.standins:
        pairs = "，".join(f"{a.face} → {a.standin_label}" for a in done.standins)
        click.echo(f"本机没有这些字体，预览用了替代字体（字宽相同，行数字数不变）：{pairs}。"
                   "正式打印前请安装原字体（gongwen fonts 文件 可查看来源）。", err=True)
    if done.missing:
        click.echo("提示：这些字体本机没有，也没有合适的替代字体，预览中的样子可能不同："
                   + "、".join(a.face for a in done.missing) + "。", err=True)


@cli.command()
@click.argument("path")
@click.option("--style", default=None, help="YAML 草稿按哪个样式配置排版，默认 gbt9704。")
@click.option("--templates", "template_dirs", multiple=True, help="本单位模板文件夹。")
def fonts(path, style, template_dirs) -> None:
    """列出文档要用的字体、用在哪里、本机是否安装，以及预览时的替代字体。"""
    from toolkit.intake.inputs import read_input
    from toolkit.render import fonts

    if Path(path).suffix.lower() not in (".docx", ".yaml", ".yml"):
        raise InputError("字体清单只支持 .docx 文件和 .yaml 草稿。", Place(path),
                         "纯文本没有字体设置，请先用 gongwen build 排成 DOCX；.doc、.wps 请先另存为 .docx。")
    inp = read_input(path, tuple(template_dirs))
    _notices(inp.notices)
    click.echo(fonts.describe(fonts.report(inp, style), path))


@cli.command()
@click.argument("code", required=False)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def rules(code: str | None, fmt: str) -> None:
    """列出全部检查规则；给出代码（如 T101）则详细说明一条。"""
    from toolkit.check.runner import describe_rule, list_rules

    click.echo(describe_rule(code) if code else list_rules(fmt))


@cli.command()
@click.argument("source")
@click.option("--base", default=None, help="各部门共用的 YAML（部门自己的值优先）。")
@click.option("-o", "--output", "out_dir", required=True, help="输出文件夹（已有文件不会被删除）。")
@click.option("--combined", default=None, help="另外生成一份汇编 DOCX（封面、目录、各部门依次另起一页）。")
@click.option("--title", "combined_title", default=None, help="汇编的封面标题。")
@click.option("-j", "--jobs", "jobs_n", type=int, default=None, help="并行进程数，默认为 CPU 核数。")
@click.option("--force", is_flag=True,
              help="全部重新生成（默认只重新生成有变化的部门），并覆盖输出文件夹中不是 gongwen 生成的同名文件。")
@click.option("-q", "--quiet", is_flag=True, help="不显示进度。")
@click.option("--no-check", is_flag=True, help="只生成，不检查。")
@click.option("--style", default=None, help="样式配置（YAML 文件或内置名称）。")
@click.option("--templates", "template_dirs", multiple=True, help="本单位模板文件夹。")
@click.option("--config", default=None, help="检查设置文件。")
@click.option("--reference-docx", "reference", default=None,
              help="本单位的参考 DOCX：沿用它的页面设置和页眉（红头）。")
@click.option("--reference-styles", is_flag=True,
              help="同时采用参考文档的样式和文档网格（默认只取页面设置和页眉）。")
def batch(source, base, out_dir, combined, combined_title, jobs_n, force, quiet, no_check, style,
          template_dirs, config, reference, reference_styles) -> None:
    """批量生成各部门报告：一个文件夹的 YAML，或一份 CSV/XLSX 名单。"""
    from toolkit.batch import runner
    from toolkit.batch.roster import collect

    if jobs_n is not None and jobs_n < 1:
        raise InputError("-j 至少为 1。", None)
    inputs = [source, base, style, config, reference, *template_dirs]
    if combined:
        _refuse_inputs([combined], inputs)
        from toolkit.core.output import check_target

        check_target(combined, force)
    out = runner.check_out_dir(out_dir)
    jobs = collect(source, base)
    if combined:
        _refuse_inputs([combined], [j.path for j in jobs if j.path])
    options = runner.Options(str(out), tuple(template_dirs), style, config, not no_check,
                             reference, reference_styles, force)
    summary = runner.run_batch(jobs, options, jobs_n, force, quiet, click.echo)
    csv_path, json_path = runner.write_qa(summary, out)
    if combined and not summary.interrupted:
        from toolkit.docx.writer import write_volume

        docs = runner.documents_for_volume(jobs, summary, options)
        if docs:
            title = combined_title or runner.volume_title(docs)
            write_volume(docs, title, combined, style, reference, reference_styles, force)
            if not quiet:
                click.echo(f"已生成汇编 {combined}（{len(docs)} 个部门）。", err=True)
        else:
            click.echo("没有成功生成的部门，未生成汇编。", err=True)
    built, kept, failed = (summary.count("已生成"), summary.count("未变化"), summary.failed)
    for item in summary.cross:
        if not quiet:
            click.echo(f"跨文档检查：{item['检查']}：{item['说明']}", err=True)
    if summary.interrupted:
        click.echo("已中止：已完成的部门已保存，其余未生成。重新运行可继续。", err=True)
    click.echo(f"生成 {built} 个，未变化 {kept} 个，失败 {failed} 个，用时 {summary.seconds:.1f} 秒。"
               f"质量报告：{csv_path}、{json_path}")
    sys.exit(runner.exit_code(summary))


@cli.group(invoke_without_command=True)
@click.option("--templates", "template_dirs", multiple=True, help="本单位模板文件夹。")
@click.pass_context
def templates(ctx, template_dirs) -> None:
    """报告类型（模板）：列出、查看字段、新建本单位模板。"""
    ctx.obj = tuple(template_dirs)
    if ctx.invoked_subcommand is None:
        from toolkit.draft.kindtools import list_kinds

        click.echo(list_kinds(tuple(template_dirs)))


@templates.command("show")
@click.argument("kind")
@click.pass_obj
def templates_show(template_dirs, kind) -> None:
    """显示一个报告类型的字段：类型、是否必填、默认值和说明。"""
    from toolkit.draft.kindtools import show_kind

    click.echo(show_kind(kind, template_dirs or ()))


@templates.command("new")
@click.argument("name")
@click.option("--from", "parent", default="工作情况汇报", help="在哪个类型的基础上新建。")
@click.option("--dir", "folder", default=".", help="放在哪个文件夹（本单位模板文件夹）。")
@click.pass_obj
def templates_new(template_dirs, name, parent, folder) -> None:
    """新建一个本单位模板（继承一个已有类型，可改字段、替换提纲中的块）。"""
    from toolkit.draft.kindtools import new_kind

    made = new_kind(name, parent, folder, template_dirs or ())
    click.echo(f"已生成 {made}：修改 manifest.yaml 和 outline.j2，然后用 "
               f"gongwen init --template {name} --templates {folder} 生成起始文件。")


@cli.command()
@click.argument("word", required=False, default="")
@click.option("-c", "--category", default=None, help="只在这一类中查找：开场白、过渡语、结语、一是导语。")
def phrases(word, category) -> None:
    """在常用语库中查找开场白、过渡语、结语等（花括号中是可替换的部分）。"""
    from toolkit.draft.phrases import bank, search

    found = search(word, category)
    if category and category not in bank():
        raise InputError(f"常用语库中没有类别“{category}”。", None, "可用：" + "、".join(bank()) + "。")
    for p in found:
        tags = f"  〔{'、'.join(p.tags)}〕" if p.tags else ""
        click.echo(f"[{p.category}] {p.text}{tags}")
    click.echo(f"找到 {len(found)} 条。" if found else "没有找到。可以换一个词，或用 -c 按类别列出。")


_USAGE_PATTERNS = (
    (r"Missing argument '(.+?)'\.?", "缺少参数 {0}。"),
    (r"No such command '(.+?)'\.?", "没有“{0}”这个命令。"),
    (r"No such option:? '?([^'\s]+?)'?\.?(?: Did you mean '?([^'\s]+?)'?\?)?$", "没有选项 {0}。"),
    (r"Option '(.+?)' requires an argument\.?", "选项 {0} 后面要写一个值。"),
    (r"Got unexpected extra arguments? \((.+?)\)", "多余的参数：{0}。"),
    (r"Invalid value for (.+?): (.+)", "参数 {0} 的值无效：{1}"),
)


def _usage_message(message: str) -> str:
    import re

    for pattern, chinese in _USAGE_PATTERNS:
        m = re.match(pattern, message.strip())
        if m:
            text = chinese.format(*(g or "" for g in m.groups()))
            if "Did you mean" in message and (m.lastindex or 0) > 1 and m.group(2):
                text += f"是不是想写 {m.group(2)}？"
            return text
    return message


def _on_termination() -> None:
    """SIGTERM and SIGHUP unwind like Ctrl+C: converters are killed, temporary files and
    folders removed (the default action would end the process on the spot)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return

    def stop(signum, frame):
        raise SystemExit(128 + signum)

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name) and signal.getsignal(getattr(signal, name)) == signal.SIG_DFL:
            signal.signal(getattr(signal, name), stop)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; turn every error into a Chinese message and the documented exit code."""
    _on_termination()
    try:
        cli.main(args=argv, prog_name="gongwen", standalone_mode=False)
    except GongwenError as exc:
        from toolkit.core.messages import format_error

        click.echo(format_error(exc), err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("已中止。", err=True)
        sys.exit(130)
    except click.UsageError as exc:
        command = exc.ctx.command_path if exc.ctx else "gongwen"
        click.echo(f"用法错误：{_usage_message(exc.format_message())}", err=True)
        click.echo(f"运行“{command} --help”查看用法。", err=True)
        sys.exit(2)
    except click.ClickException as exc:
        click.echo(f"错误：{exc.format_message()}", err=True)
        sys.exit(2)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("已中止。", err=True)
        sys.exit(130)
    except Exception:
        import traceback

        traceback.print_exc()
        click.echo("gongwen 内部错误（这是工具的缺陷，不是您的输入问题）。"
                   "请把上面的信息和输入文件一起报告给维护者。", err=True)
        sys.exit(3)
    sys.exit(0)
