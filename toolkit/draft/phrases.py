"""The phrase bank: openings, transitions and closings with slots, searched and drawn from."""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from toolkit.core import resources
from toolkit.core.errors import Place, Problem, TemplateError
from toolkit.core.sources import read_text
from toolkit.draft.loader import Map, Seq, load

_SLOT = re.compile(r"\{([^{}]+)\}")


@dataclass(frozen=True)
class Phrase:
    category: str
    text: str
    tags: tuple[str, ...]
    slots: frozenset[str]

    def fill(self, values: dict[str, str]) -> str:
        text = _SLOT.sub(lambda m: str(values.get(m.group(1), m.group(0))), self.text)
        # “推动{事由}工作” with 事由 “安全生产工作” would say 工作 twice.
        return text.replace("工作工作", "工作")


@functools.cache
def bank(folder: str | None = None) -> dict[str, tuple[Phrase, ...]]:
    """Every category of the bank (the shipped one by default), in file order."""
    root = Path(folder) if folder else resources.folder("corpora") / "phrases"
    out: dict[str, tuple[Phrase, ...]] = {}
    problems: list[Problem] = []
    for path in sorted(root.glob("*.yaml")):
        data = load(read_text(path))
        category = str(data.get("类别") or path.stem)
        entries = data.get("条目")
        if not isinstance(entries, Seq):
            problems.append(Problem("常用语文件应有“条目”列表。", Place(str(path), 1, 1)))
            continue
        phrases = []
        for entry in entries:
            if not isinstance(entry, Map) or not str(entry.get("文本", "")).strip():
                problems.append(Problem("每个条目应有“文本”。", entry.origin.place()))
                continue
            text = str(entry["文本"]).strip()
            tags = entry.get("标签")
            tags = tuple(str(t) for t in tags) if isinstance(tags, Seq) else ()
            phrases.append(Phrase(category, text, tags, frozenset(_SLOT.findall(text))))
        out[category] = tuple(phrases)
    if problems:
        raise TemplateError.many(problems)
    return out


def search(word: str, category: str | None = None) -> list[Phrase]:
    """Phrases whose text, tags or category contain `word` (all of a category if word is empty)."""
    found = []
    for name, phrases in bank().items():
        if category and name != category:
            continue
        for p in phrases:
            if not word or word in p.text or word in name or any(word in t for t in p.tags):
                found.append(p)
    return found


def pick(category: str, key: str = "", **slots: str) -> str:
    """One phrase of `category` with its slots filled. The choice depends only on `key` (by
    default the 单位), so reruns give the same wording and departments get different ones."""
    phrases = bank().get(category)
    if not phrases:
        known = "、".join(bank())
        raise ValueError(f"常用语库中没有类别“{category}”（可用：{known}）")
    given = {k for k, v in slots.items() if str(v).strip()}
    usable = [p for p in phrases if p.slots <= given] or list(phrases)
    seed = key or str(slots.get("单位", ""))
    digest = hashlib.blake2b(f"{category}|{seed}".encode(), digest_size=8).digest()
    return usable[int.from_bytes(digest, "big") % len(usable)].fill(
        {k: str(v) for k, v in slots.items()})
