"""Escaping untrusted text, and links between generated pages.

Every generated page is HTML, and is also read as text by the search indexer (and, before
decision 35, by Markdown's extensions), so ``esc`` turns every character that HTML *or*
Markdown could give meaning to into a numeric entity: a unit's text can never open a tag, a
link, a heading, a table cell, an attribute list or a snippet include. The templates apply it
to every value they print (``render.py``); nothing else in the package writes HTML.
"""

from __future__ import annotations

import posixpath

# Characters with a meaning in Markdown or its extensions (attr_list, tables, snippets, emoji,
# abbreviations, footnotes, admonitions, critic, keys, smart symbols …).
_MARKDOWN = "\\`*_{}[]()#+-.!|:~=^<>&\"'$@%;/?"
_TABLE = {ord(c): f"&#{ord(c)};" for c in _MARKDOWN}
# The one tag written outside the templates: a line break inside escaped text (decision 21).
_BREAK = "<br>"


def esc(text: object) -> str:
    """Untrusted text → inert HTML text; newlines become <br>."""
    value = "" if text is None else str(text)
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _BREAK.join(line.translate(_TABLE) for line in value.split("\n"))


def url_of(src: str) -> str:
    """The URL of a generated page (``use_directory_urls: false``)."""
    return src[:-3] + ".html" if src.endswith(".md") else src


def href(from_src: str, to_src: str) -> str:
    """Relative link between two pages, so the site also works from file:// and any prefix."""
    if ":" in to_src or "\\" in to_src:
        raise ValueError(f"not a site path: {to_src!r}")
    start = posixpath.dirname(url_of(from_src)) or "."
    return posixpath.relpath(url_of(to_src), start)


FRONT_MATTER_END = "\n---\n\n"
