"""Safe HTML for untrusted text, and links between generated pages.

Every generated page is raw HTML inside Markdown. Python-Markdown leaves block-level HTML
alone, but extensions and the search indexer still read the text, so ``esc`` turns every
character that HTML *or* Markdown could give meaning to into a numeric entity: a unit's text
can never open a tag, a link, a heading, a table cell, an attribute list or a snippet include.
"""

from __future__ import annotations

import html
import json
import posixpath
import unicodedata
from collections.abc import Iterable

# Characters with a meaning in Markdown or its extensions (attr_list, tables, snippets, emoji,
# abbreviations, footnotes, admonitions, critic, keys, smart symbols …).
_MARKDOWN = "\\`*_{}[]()#+-.!|:~=^<>&\"'$@%;/?"
_TABLE = {ord(c): f"&#{ord(c)};" for c in _MARKDOWN}


def esc(text: object) -> str:
    """Untrusted text → inert HTML text; newlines become <br>."""
    value = "" if text is None else str(text)
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return "<br>".join(line.translate(_TABLE) for line in value.split("\n"))


def attr(text: object) -> str:
    """A value for an HTML attribute we build ourselves (hrefs, classes)."""
    return html.escape("" if text is None else str(text), quote=True)


def url_of(src: str) -> str:
    """The URL of a generated page (``use_directory_urls: false``)."""
    return src[:-3] + ".html" if src.endswith(".md") else src


def href(from_src: str, to_src: str) -> str:
    """Relative link between two pages, so the site also works from file:// and any prefix."""
    if ":" in to_src or "\\" in to_src:
        raise ValueError(f"not a site path: {to_src!r}")
    start = posixpath.dirname(url_of(from_src)) or "."
    return posixpath.relpath(url_of(to_src), start)


def link(from_src: str, to_src: str, label_html: str, cls: str = "") -> str:
    klass = f' class="{attr(cls)}"' if cls else ""
    return f'<a href="{attr(href(from_src, to_src))}"{klass}>{label_html}</a>'


def table(headers: Iterable[str], rows: Iterable[Iterable[str]], cls: str = "") -> str:
    """An HTML table from already-safe cell HTML."""
    klass = f' class="{attr(cls)}"' if cls else ""
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table{klass}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


FRONT_MATTER_END = "\n---\n\n"


def fold(text: str) -> str:
    """Vietnamese without diacritics, lower case: what people type into a search box."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def page(title: str, *blocks: str, keywords: tuple[str, ...] = ()) -> str:
    """A generated page: its title (plain text, escaped here) and raw HTML blocks.

    The title goes through front matter because themes print ``page.title`` unescaped. The
    title and ``keywords`` are repeated without diacritics in a hidden paragraph, so that the
    search index also finds "mo hinh dan van" for "Mô hình dân vận" (search engines index it;
    readers never see it), at the cost of a few words per page rather than a second copy of
    every page.
    """
    # ASCII-only JSON is valid YAML whatever the title holds, so the front matter always parses.
    safe = json.dumps(html.escape(title, quote=True), ensure_ascii=True)
    folded = fold(" ".join((title, *keywords)))
    hidden = f'<p class="sangtao-fold" hidden>{esc(folded)}</p>'
    return (
        f"---\ntitle: {safe}{FRONT_MATTER_END}"
        + "\n\n".join((*(b for b in blocks if b), hidden))
        + "\n"
    )
