"""Check settings: configs/checks.yaml, a user file with `extends`, the report's 检查 block, the CLI."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.check.model import SEVERITIES, Rule, severity_of
from toolkit.core import resources
from toolkit.core.errors import InputError, Place, Problem
from toolkit.core.sources import read_text
from toolkit.draft.loader import Map, Seq, Text, load

FAMILIES = ("S", "T", "N", "W", "L", "D")  # a family letter is always a valid prefix
USER_CODE = re.compile(r"^W[5-9]\d\d$")  # codes of a unit's own word lists (checked when loaded)
KEYS = ("extends", "select", "ignore", "fail-on", "rules", "lexicons", "templates", "quiet")
RULE_KEYS = ("severity", "options", "enabled")
# The report's own 检查 block may use Chinese names for the same settings.
CHINESE = {"继承": "extends", "选择": "select", "忽略": "ignore", "失败级别": "fail-on",
           "规则": "rules", "词表": "lexicons", "模板目录": "templates", "级别": "severity",
           "选项": "options", "启用": "enabled", "从简": "quiet"}


@dataclass
class Settings:
    """Which rules run, at which severity, with which options; and the failing level."""

    select: list[str] = field(default_factory=lambda: ["S", "T", "N", "W", "L", "D"])
    ignore: list[str] = field(default_factory=list)
    fail_on: str = "错误"
    severities: dict[str, str] = field(default_factory=dict)
    options: dict[str, dict] = field(default_factory=dict)
    disabled: set[str] = field(default_factory=set)
    lexicons: list[str] = field(default_factory=list)
    templates: list[str] = field(default_factory=list)
    # Hint rules rarely right on real reports: they run, but their hints are held back (counted
    # in the summary) unless --all-hints is given or the code is named in --select.
    quiet: list[str] = field(default_factory=list)
    all_hints: bool = False

    def held(self, code: str, level: str) -> bool:
        """Whether a finding of `code` at `level` is held back by default."""
        if self.all_hints or level != "提示":
            return False
        if any(code.startswith(p) and len(p) > 1 for p in self.select):
            return False  # asked for by name
        return any(code.startswith(p) for p in self.quiet)

    def split_held(self, found: list) -> tuple[list, int]:
        """(the findings to show, how many hints were held back) of (finding, level) pairs."""
        shown = [fl for fl in found if not self.held(fl[0].code, fl[1])]
        return shown, len(found) - len(shown)

    def enabled(self, code: str) -> bool:
        """Longest matching prefix wins between select and ignore (as in ruff)."""
        if code in self.disabled:
            return False
        sel = max((len(p) for p in self.select if code.startswith(p)), default=-1)
        ign = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        return sel > ign

    def active(self, rules: tuple[Rule, ...]) -> list[Rule]:
        return [r for r in rules if self.enabled(r.code)]


def _name(key: str) -> str:
    return CHINESE.get(key, key)


def _codes(value, known: set[str], problems: list[Problem], what: str) -> list[str]:
    """A list of codes or code prefixes; each must match at least one rule."""
    items = value if isinstance(value, Seq) else [value]
    out = []
    for item in items:
        if isinstance(item, (Map, Seq)):
            problems.append(Problem(f"“{what}”应为规则代码的列表，例如 [T, W101]。", item.origin.place()))
            continue
        code = str(item).strip().upper()
        if code not in FAMILIES and not USER_CODE.match(code) \
                and not any(k.startswith(code) for k in known):
            problems.append(Problem(f"没有以“{code}”开头的规则代码。", item.origin.place(0, len(item)),
                                    "运行 gongwen rules 查看全部规则。"))
            continue
        out.append(code)
    return out


def apply(settings: Settings, data: Map, rules: tuple[Rule, ...], base_dir: Path,
          problems: list[Problem], depth: int = 0) -> None:
    """Apply one settings mapping (already loaded) over `settings`."""
    known = {r.code: r for r in rules}
    keys = {_name(k): k for k in data}
    for name, raw_key in keys.items():
        if name not in KEYS:
            problems.append(Problem(f"检查设置中不认识键“{raw_key}”。",
                                    data.key_origins[raw_key].place(0, len(raw_key)),
                                    "可用的键：" + "、".join(KEYS) + "。"))
    if "extends" in keys:
        parent = data[keys["extends"]]
        if depth > 8:
            problems.append(Problem("检查设置的 extends 层数过多（可能循环继承）。", parent.origin.place()))
        else:
            merge_file(settings, _resolve(str(parent), base_dir), rules, problems, depth + 1,
                       parent.origin.place(0, len(parent)))
    if "select" in keys:
        settings.select = _codes(data[keys["select"]], set(known), problems, "select")
    if "ignore" in keys:
        settings.ignore = settings.ignore + _codes(data[keys["ignore"]], set(known), problems, "ignore")
    if "quiet" in keys:
        settings.quiet = _codes(data[keys["quiet"]], set(known), problems, "quiet")
    if "fail-on" in keys:
        value = data[keys["fail-on"]]
        level = severity_of(str(value))
        if level is None:
            problems.append(Problem(f"fail-on 只能是：{'、'.join(SEVERITIES)}；这里是“{value}”。",
                                    value.origin.place(0, len(value))))
        else:
            settings.fail_on = level
    if "rules" in keys:
        _rules(settings, data[keys["rules"]], known, problems)
    for key, target in (("lexicons", settings.lexicons), ("templates", settings.templates)):
        if key in keys:
            value = data[keys[key]]
            for item in value if isinstance(value, Seq) else [value]:
                target.append(str(_resolve(str(item), base_dir)))


def _rules(settings: Settings, value, known: dict[str, Rule], problems: list[Problem]) -> None:
    if not isinstance(value, Map):
        problems.append(Problem("“rules”应为“代码: 设置”的映射。", value.origin.place()))
        return
    for code, conf in value.items():
        origin = value.key_origins[code]
        rule = known.get(str(code).upper())
        if rule is None and USER_CODE.match(str(code).upper()):
            rule = _UserRule(str(code).upper())
        if rule is None:
            problems.append(Problem(f"没有代码为“{code}”的规则。", origin.place(0, len(code)),
                                    "运行 gongwen rules 查看全部规则。"))
            continue
        if isinstance(conf, Text):  # shorthand: `T101: 警告` or `T101: off`
            if str(conf).lower() in ("off", "关闭", "false", "no"):
                settings.disabled.add(rule.code)
                continue
            conf_map = {"severity": conf}
        elif isinstance(conf, Map):
            conf_map = {_name(k): v for k, v in conf.items()}
            for k in conf:
                if _name(k) not in RULE_KEYS:
                    problems.append(Problem(f"规则 {rule.code} 的设置中不认识键“{k}”。",
                                            conf.key_origins[k].place(0, len(k)),
                                            "可用的键：severity、options、enabled。"))
        else:
            problems.append(Problem(f"规则 {rule.code} 的设置应为映射或级别。", conf.origin.place()))
            continue
        if "severity" in conf_map:
            level = severity_of(str(conf_map["severity"]))
            if level is None:
                v = conf_map["severity"]
                problems.append(Problem(f"级别只能是：{'、'.join(SEVERITIES)}；这里是“{v}”。",
                                        v.origin.place(0, len(v))))
            else:
                settings.severities[rule.code] = level
        if "enabled" in conf_map:
            flag = str(conf_map["enabled"]).lower()
            if flag in ("false", "no", "off", "否"):
                settings.disabled.add(rule.code)
            else:
                settings.disabled.discard(rule.code)
        if "options" in conf_map:
            _options(settings, rule, conf_map["options"], problems)


class _UserRule:
    """Stands for a rule of a unit's own word list while settings are read (before lists load)."""

    def __init__(self, code: str):
        self.code = code
        self.options: dict = {}


def _options(settings: Settings, rule: Rule, value, problems: list[Problem]) -> None:
    if not isinstance(value, Map):
        problems.append(Problem(f"规则 {rule.code} 的 options 应为映射。", value.origin.place()))
        return
    opts = settings.options.setdefault(rule.code, {})
    for key, raw in value.items():
        origin = value.key_origins[key]
        if key not in rule.options:
            available = "、".join(rule.options) or "（此规则没有选项）"
            problems.append(Problem(f"规则 {rule.code} 没有选项“{key}”。", origin.place(0, len(key)),
                                    f"可用的选项：{available}。"))
            continue
        default = rule.options[key]
        try:
            opts[key] = _convert(raw, default)
        except ValueError:
            problems.append(Problem(
                f"规则 {rule.code} 的选项“{key}”类型不对：应为{_type_name(default)}。",
                raw.origin.place()))


def _type_name(default) -> str:
    if isinstance(default, bool):
        return "是/否（true/false）"
    if isinstance(default, int):
        return "整数"
    if isinstance(default, float):
        return "数字"
    if isinstance(default, (list, tuple)):
        return "列表"
    return "文字"


def _convert(raw, default):
    """Settings are loaded as text (strict YAML); convert to the type of the option's default."""
    if isinstance(default, bool):
        text = str(raw).lower()
        if text in ("true", "yes", "是", "on"):
            return True
        if text in ("false", "no", "否", "off"):
            return False
        raise ValueError(raw)
    if isinstance(default, int):
        if isinstance(raw, (Map, Seq)):
            raise ValueError(raw)
        return int(str(raw))
    if isinstance(default, float):
        if isinstance(raw, (Map, Seq)):
            raise ValueError(raw)
        return float(str(raw))
    if isinstance(default, (list, tuple)):
        if not isinstance(raw, Seq):
            raise ValueError(raw)
        return [str(x) for x in raw]
    if isinstance(raw, (Map, Seq)):
        raise ValueError(raw)
    return str(raw)


def _resolve(name: str, base_dir: Path) -> Path:
    if name in ("default", "默认"):
        return resources.path("configs", "checks.yaml")
    path = Path(name)
    return path if path.is_absolute() else base_dir / path


def merge_file(settings: Settings, path: Path, rules: tuple[Rule, ...], problems: list[Problem],
               depth: int = 0, referrer: Place | None = None) -> None:
    """Apply a settings file (and what it extends) over `settings`."""
    try:
        source = read_text(path)
    except InputError as exc:
        if referrer:
            exc.problems[0].place = referrer
            exc.problems[0].message = f"找不到或无法读取检查设置文件“{path}”。"
        raise
    data = load(source)
    apply(settings, data, rules, path.parent, problems, depth)


def load_settings(rules: tuple[Rule, ...], user_file: str | None = None,
                  report: Map | None = None, report_dir: Path | None = None,
                  select: tuple[str, ...] = (), ignore: tuple[str, ...] = (),
                  fail_on: str | None = None, all_hints: bool = False) -> Settings:
    """Defaults, then the user file, then the report's 检查 block, then the command line."""
    settings = Settings(all_hints=all_hints)
    problems: list[Problem] = []
    merge_file(settings, resources.path("configs", "checks.yaml"), rules, problems)
    if user_file:
        merge_file(settings, Path(user_file), rules, problems)
    if report is not None:
        if isinstance(report, Map):
            apply(settings, report, rules, report_dir or Path("."), problems)
        else:
            problems.append(Problem("“检查”应为映射，例如：\n检查:\n  ignore: [L]", report.origin.place()))
    known = {r.code for r in rules}
    for option, values in (("--select", select), ("--ignore", ignore)):
        codes = [c.strip().upper() for v in values for c in v.split(",") if c.strip()]
        for code in codes:
            if code not in FAMILIES and not USER_CODE.match(code) \
                    and not any(k.startswith(code) for k in known):
                problems.append(Problem(f"{option}：没有以“{code}”开头的规则代码。", None,
                                        "运行 gongwen rules 查看全部规则。"))
        if option == "--select" and codes:
            settings.select = codes
        elif codes:
            settings.ignore = settings.ignore + codes
    if fail_on:
        level = severity_of(fail_on)
        if level is None:
            problems.append(Problem(f"--fail-on 只能是：{'、'.join(SEVERITIES)}（或 error/warning/info）。"))
        else:
            settings.fail_on = level
    if problems:
        raise InputError.many(problems)
    return settings
