"""Plain-text and Markdown forms of a Document."""

from __future__ import annotations

from toolkit.core.document import HEADING, TITLE, Document


def to_text(doc: Document) -> str:
    """One paragraph per line, the title on one line."""
    return doc.text()


def to_markdown(doc: Document) -> str:
    """Markdown for previews in editors: title as #, level 1–2 headings as ## and ###."""
    out = []
    for block in doc.blocks:
        if block.kind == TITLE:
            out.append("# " + block.text)
        elif block.kind == HEADING and block.level <= 2 and not block.runin:
            out.append("#" * (block.level + 1) + " " + block.text)
        elif block.runin:
            # CommonMark only closes ** that is not preceded by punctuation when a letter
            # follows, so the bold stops before the title's “。”.
            lead = block.text[:block.lead]
            title, stop = (lead[:-1], lead[-1]) if lead.endswith("。") else (lead, "")
            out.append(f"**{title}**{stop}{block.text[block.lead:]}")
        else:
            out.append(block.text)
    return "\n\n".join(out) + "\n"
