"""gongwen batch: rosters and folders, hostile names, incremental rebuilds, QA report, the volume."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import docx
from conftest import ROOT

from toolkit.batch.runner import safe_name, unique_names

EXAMPLE = ROOT / "configs" / "examples" / "batch"


def _roster(path: Path, rows: list[dict], encoding: str = "utf-8-sig") -> Path:
    fields = list(dict.fromkeys(k for r in rows for k in r))
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return path


def _qa(out: Path) -> list[dict]:
    raw = (out / "质量报告.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to show Chinese
    return list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))


ROW = {"事由": "2026年上半年重点", "问题": "人员不足。编制少。", "下一步": "充实力量。招录人员。"}


def test_safe_names():
    assert safe_name("../x") == "_x"
    assert safe_name("a/b") == "a_b"
    assert safe_name("CON") == "_CON"
    assert safe_name("con.txt") == "_con.txt"
    assert safe_name("  ..  ") == "部门"
    assert safe_name('局<>:"|?*') == "局_"
    assert len(safe_name("很长" * 100)) <= 60
    assert unique_names(["财政局", "财政局", "财政局"]) == ["财政局", "财政局-2", "财政局-3"]
    assert unique_names(["Abc", "abc"]) == ["Abc", "abc-2"]


def test_roster_with_broken_row_duplicates_and_hostile_names(tmp_path, cli):
    roster = _roster(tmp_path / "名单.csv", [
        {"单位": "../x", **ROW}, {"单位": "a/b", **ROW}, {"单位": "CON", **ROW},
        {"单位": "财政局", **ROW}, {"单位": "财政局", **ROW},
        {"单位": "教育局", **ROW, "日期": "去年"},
    ])
    out = tmp_path / "输出"
    result = cli("batch", str(roster), "-o", str(out), "-j", "2", "--no-check")
    assert result.code == 1, result.err  # one department failed
    files = sorted(p.name for p in out.glob("*.docx"))
    assert files == ["_CON.docx", "_x.docx", "a_b.docx", "财政局-2.docx", "财政局.docx"]
    assert not list(tmp_path.glob("x.docx")) and not (tmp_path / "a").exists()
    rows = _qa(out)
    assert [r["状态"] for r in rows] == ["已生成"] * 5 + ["失败"]
    assert rows[5]["来源"] == "名单.csv 第7行"
    assert "名单.csv 第7行第5列" in rows[5]["说明"] and "日期" in rows[5]["说明"]
    assert "失败 教育局" in result.err or "教育局" in result.err


def test_gb18030_roster_as_excel_saves_it(tmp_path, cli):
    roster = _roster(tmp_path / "名单.csv", [{"单位": "民政局", **ROW}], encoding="gb18030")
    result = cli("batch", str(roster), "-o", str(tmp_path), "--no-check", "-q")
    assert result.code == 0, result.err
    assert (tmp_path / "民政局.docx").exists()


def test_folder_over_base_and_incremental_rebuild(tmp_path, cli):
    depts = tmp_path / "各部门"
    depts.mkdir()
    base = tmp_path / "共同.yaml"
    base.write_text("事由: 上半年重点\n称谓: 各位领导\n问题:\n  标题: 存在的问题\n", encoding="utf-8")
    for name in ("甲局", "乙局", "丙局"):
        (depts / f"{name}.yaml").write_text(
            f"单位: {name}\n问题:\n  条目:\n    - {name}人员不足。编制少。\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "别人的文件.txt").write_text("keep me", encoding="utf-8")
    first = cli("batch", str(depts), "--base", str(base), "-o", str(out), "--no-check")
    assert first.code == 0, first.err
    assert "生成 3 个，未变化 0 个" in first.out
    text = docx.Document(out / "乙局.docx").paragraphs
    assert any(p.text == "各位领导：" for p in text)  # from the base
    assert any(p.text == "二、存在的问题" or p.text == "一、存在的问题" for p in text)  # merged mapping
    (depts / "乙局.yaml").write_text("单位: 乙局\n问题:\n  条目:\n    - 经费紧张。\n", encoding="utf-8")
    second = cli("batch", str(depts), "--base", str(base), "-o", str(out), "--no-check")
    assert "生成 1 个，未变化 2 个" in second.out
    assert [r["状态"] for r in _qa(out)] == ["未变化", "已生成", "未变化"]
    forced = cli("batch", str(depts), "--base", str(base), "-o", str(out), "--no-check", "--force")
    assert "生成 3 个，未变化 0 个" in forced.out
    assert (out / "别人的文件.txt").read_text(encoding="utf-8") == "keep me"


def test_combined_volume_order_and_continuous_numbering(tmp_path, cli):
    out = tmp_path / "out"
    volume = tmp_path / "汇编.docx"
    result = cli("batch", str(EXAMPLE / "名单.csv"), "--base", str(EXAMPLE / "共同.yaml"),
                 "-o", str(out), "--combined", str(volume), "--no-check", "-q")
    assert result.code == 0, result.err
    book = docx.Document(volume)
    titles = [p for p in book.paragraphs if p.style.name == "Title"]
    units = [r["单位"] for r in csv.DictReader(
        (EXAMPLE / "名单.csv").read_text(encoding="utf-8-sig").splitlines())]
    assert len(units) >= 12
    assert [t.text.replace("\n", "") for t in titles] == [
        f"{u}关于2026年上半年重点工作情况汇报" for u in units]
    assert all(t._p.pPr.find(docx.oxml.ns.qn("w:pageBreakBefore")) is not None for t in titles)
    # One section: page numbers run on through the volume; odd/even footers as in every report.
    assert len(book.sections) == 1
    assert book.settings.odd_and_even_pages_header_footer
    body = book.element.body.xml
    assert 'TOC \\h \\z \\t "Title,1"' in body
    contents = [p.text for p in book.paragraphs[:len(units) + 3]]
    assert contents[0].endswith("汇编")
    entries = [c for c in contents if "\t" in c]
    pages = [int(e.rsplit("\t", 1)[1]) for e in entries]
    assert [e.split("\t")[0] for e in entries] == [t.text.replace("\n", "") for t in titles]
    assert pages == sorted(pages) and pages[0] >= 2


def test_qa_report_json_and_cross_document_checks(tmp_path, cli):
    copied = "我们坚持把安全生产摆在突出位置，全面落实安全生产责任制并定期开展督导检查"
    rows = [{"单位": f"{n}局", "事由": "上半年重点", "开场白": copied if n in "甲乙" else f"{n}局开场。",
             "问题": "人员不足。编制少。", "下一步": "充实力量。招录人员。"} for n in "甲乙丙丁"]
    rows[3]["概述"] = "丁局概述。" + "工作扎实推进，成效明显。" * 200
    rows[0]["概述"] = "区政府办公室统筹协调。"
    rows[1]["概述"] = "区政府办统筹协调。"
    roster = _roster(tmp_path / "名单.csv", rows)
    out = tmp_path / "out"
    result = cli("batch", str(roster), "-o", str(out), "-q")
    assert result.code in (0, 1), result.err
    report = json.loads((out / "质量报告.json").read_text(encoding="utf-8"))
    assert report["合计"]["部门数"] == 4 and report["合计"]["失败"] == 0
    kinds = {c["检查"]: c for c in report["跨文档检查"]}
    assert set(kinds["相同句子"]["部门"]) == {"甲局", "乙局"}
    assert "丁局" in kinds["篇幅异常"]["部门"]
    assert {"甲局", "乙局"} <= set(kinds["机构名称写法不一"]["部门"])
    row = report["部门"][0]
    assert set(row) >= {"部门", "来源", "输出", "状态", "错误", "警告", "提示", "常见问题"}


def test_bad_output_and_input_are_exit_2(tmp_path, cli):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert cli("batch", str(EXAMPLE / "名单.csv"), "-o", str(tmp_path / "file")).code == 2
    assert cli("batch", str(tmp_path / "none.csv"), "-o", str(tmp_path)).code == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    assert cli("batch", str(empty), "-o", str(tmp_path)).code == 2


def test_parallel_and_serial_give_the_same_documents(tmp_path, cli, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    outputs = {}
    for workers in ("1", "2"):
        out = tmp_path / workers
        result = cli("batch", str(EXAMPLE / "名单.csv"), "--base", str(EXAMPLE / "共同.yaml"),
                     "-o", str(out), "-j", workers, "--no-check", "-q")
        assert result.code == 0, result.err
        outputs[workers] = {p.name: p.read_bytes() for p in out.glob("*.docx")}
    assert len(outputs["1"]) == 12
    assert outputs["1"] == outputs["2"]


def test_ctrl_c_stops_cleanly_and_a_rerun_continues(tmp_path):
    """SIGINT to the whole process group (as a terminal sends it): exit 130, no temporary
    files, finished departments recorded, and the next run builds only the rest."""
    import os
    import signal
    import subprocess
    import sys
    import time

    src = tmp_path / "src"
    src.mkdir()
    text = (ROOT / "configs" / "examples" / "reference-report.yaml").read_text(encoding="utf-8")
    for n in range(400):
        (src / f"{n:03d}.yaml").write_text(text.replace("单位: X区人民政府办公室", f"单位: 第{n}局"),
                                           encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    command = [sys.executable, "-m", "toolkit", "batch", str(src), "-o", str(out), "-j", "2", "-q"]
    proc = subprocess.Popen(command, start_new_session=True, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    while time.time() < deadline and len(list(out.glob("*.docx"))) < 20:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "已中止" in err and "Traceback" not in err
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    lines = (out / ".gongwen-batch.jsonl").read_text(encoding="utf-8").splitlines()
    state = [json.loads(line)["done"] for line in lines if '"done"' in line]
    assert 0 < len(state) < 400
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"未变化 {len(state)} 个" in rerun.stdout


def test_xlsx_roster_with_list_cells(tmp_path, cli):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["单位", "事由", "经验做法.机制.标题", "经验做法.机制.条目", "问题", "日期"])
    sheet.append(["甲局", "上半年重点", "健全“{数}项机制”", "建立台账。逐项销号。\n定期调度。每周一次。",
                  "人员不足。编制少。", "2026-07-10"])
    sheet.append(["乙局", "上半年重点", "落实“{数}项措施”", "加强培训。每月一次。", "经费紧张。", "不是日期"])
    book.save(tmp_path / "名单.xlsx")
    out = tmp_path / "out"
    result = cli("batch", str(tmp_path / "名单.xlsx"), "-o", str(out), "--no-check", "-q")
    assert result.code == 1  # 乙局's date is wrong
    text = [p.text for p in docx.Document(out / "甲局.docx").paragraphs]
    assert "（一）健全“两项机制”" in text
    assert "2.定期调度。每周一次。" in text and "2026年7月10日" in text
    rows = _qa(out)
    assert rows[1]["状态"] == "失败" and "名单.xlsx 第3行第6列" in rows[1]["说明"]
