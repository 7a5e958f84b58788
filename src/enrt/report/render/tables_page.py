"""A page of tables with figures, for the reports that are not an assessment (a
comparison, a simulation): the assessment page's stylesheet, no script, nothing fetched."""
from __future__ import annotations

from .html import stylesheet
from .svg import esc


def page(lang: str, head: list[str], notes: list[str], sections, figures: dict[int, str]
         ) -> str:
    """``head``: the title then lines under it; ``notes``: lines in bold; ``sections``:
    (title, headers, rows); ``figures``: section index -> an SVG drawn above its table."""
    parts = [f"<header><h1>{esc(head[0])}</h1>", *[f"<p>{esc(x)}</p>" for x in head[1:]],
             "</header>"]
    parts += [f'<p class="note"><strong>{esc(x)}</strong></p>' for x in notes]
    for n, (title, cols, rows) in enumerate(sections):
        parts.append(f"<section><h2>{esc(title)}</h2>")
        if n in figures:
            parts.append(f"<figure>{figures[n]}</figure>")
        parts.append("<table><thead><tr>" + "".join(
            f'<th scope="col"{" class=num" if i else ""}>{esc(c)}</th>'
            for i, c in enumerate(cols)) + "</tr></thead><tbody>")
        for r in rows:
            parts.append("<tr>" + "".join(
                f'<th scope="row">{esc(c)}</th>' if i == 0 else f'<td class="num">{esc(c)}</td>'
                for i, c in enumerate(r)) + "</tr>")
        parts.append("</tbody></table></section>")
    return "".join([
        f'<!DOCTYPE html>\n<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="enrt">\n<title>{esc(head[0])}</title>\n',
        f"<style>\n{stylesheet()}</style>\n</head>\n<body>\n<main>\n",
        "\n".join(parts), "\n</main>\n</body>\n</html>\n"])


def markdown(head: list[str], notes: list[str], sections) -> str:
    """The same page in Markdown: the title, the lines under it, notes quoted, tables."""
    from .markdown import md_text
    out = [f"# {md_text(head[0])}", "", *[f"- {md_text(x)}" for x in head[1:]], ""]
    out += [f"> {md_text(x)}" for x in notes] + ([""] if notes else [])
    for title, cols, rows in sections:
        out += [f"## {md_text(title)}", "", "| " + " | ".join(md_text(c) for c in cols) + " |",
                "| " + " | ".join("---" if i == 0 else "---:" for i in range(len(cols))) + " |"]
        out += ["| " + " | ".join(md_text(c) for c in r) + " |" for r in rows]
        out.append("")
    return "\n".join(out)
