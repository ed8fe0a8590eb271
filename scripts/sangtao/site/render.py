"""The one place where page HTML is made: the plugin's own Jinja2 environment.

Every page and printable document is a template in ``templates/``. The environment escapes by
default (``autoescape``) and its ``finalize`` hook sends every value through ``esc`` (decision
21: every character HTML or Markdown could give meaning to becomes a numeric entity, a newline
becomes <br>), so a template cannot forget to escape unit text. Numbers are printed as they
are. The only trusted fragments are ``Markup`` values made here: the output of templates
(charts, sections), attribute values we compute (``attr``), formatted numbers (``num``) and the
JSON a form embeds (``json_script``). The theme's environment is not used: Material renders
with autoescape off.
"""

from __future__ import annotations

import functools
import html
import json
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from sangtao import labels
from sangtao.labels import days_left, state_label, vn_date, vn_datetime, vn_long_date
from sangtao.layout import fold  # the project's one fold: search words without diacritics
from sangtao.site.html import FRONT_MATTER_END, esc, href


@dataclass(frozen=True)
class Rendered:
    """A page (or part of one) and the source files under submissions/ it shows."""

    html: str
    shown: frozenset[str] = frozenset()


class PackedPage(Rendered):
    """A whole generated page, its body kept compressed until MkDocs takes it (decision 73):
    a province's 30,000 dossier bodies, held as text from drawing to writing, were half a
    gigabyte. ``html`` and ``body`` give the text back."""

    front: str  # the front matter (the title), small
    packed: bytes  # the body, zlib-compressed UTF-8

    def __init__(self, html: str, shown: frozenset[str] = frozenset()) -> None:
        front, _, body = html.partition(FRONT_MATTER_END)
        object.__setattr__(self, "front", front)
        object.__setattr__(self, "packed", zlib.compress(body.encode("utf-8"), 1))
        object.__setattr__(self, "shown", shown)

    @property
    def body(self) -> str:
        return zlib.decompress(self.packed).decode("utf-8")

    @property  # the text is made on demand, never stored
    def html(self) -> str:
        return f"{self.front}{FRONT_MATTER_END}{self.body}"


# What a chart or section renders to when it has nothing to show.
EMPTY = Markup("")


def shown_by(parts: Iterable[Rendered]) -> frozenset[str]:
    return frozenset().union(*(p.shown for p in parts))


@functools.lru_cache(maxsize=1 << 16)
def _escaped(text: str) -> Markup:
    # Labels, dates and names repeat on every page: escape each distinct text once per build.
    return Markup(esc(text))


def _finalize(value: object) -> object:
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return _escaped(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Markup(value)
    return Markup(esc(value))


def attr(value: object) -> Markup:
    """A value for an attribute we build ourselves (hrefs, classes): HTML-escaped, quotes too."""
    return Markup(html.escape("" if value is None else str(value), quote=True))


def num(value: float, spec: str = "g") -> Markup:
    """A number in a given format (``g``, ``.1f`` …): digits, sign, point, nothing else."""
    return Markup(format(value, spec))


def json_script(data: Any) -> Markup:
    """JSON that can sit inside <script>: no '<' at all, so no '</script>' and no '<!--'."""
    return Markup(json_for_html(data))


def json_for_html(data: Any) -> str:
    """Also fit for a script file: U+2028 and U+2029 end a line in older JavaScript."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


@pass_context
def url(context: Context, to: str) -> str:
    """Relative link from the page being rendered (its ``here``) to another page of the site."""
    return href(context["here"], to)


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("sangtao.site", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        # Templates ship with the package and never change during a build: no stat per page.
        auto_reload=False,
    )
    env.filters.update(
        attr=attr,
        num=num,
        json_script=json_script,
        vn_date=vn_date,
        vn_datetime=vn_datetime,
        vn_long_date=vn_long_date,
    )
    # Jinja's own join escapes for HTML only and returns Markup: joined text must go through esc.
    env.filters["join"] = lambda items, separator="": separator.join(str(i) for i in items)
    env.globals.update(
        url=url, href=href, labels=labels, days_left=days_left, state_label=state_label
    )
    return env


ENVIRONMENT = _environment()


def render(template: str, **values: Any) -> Markup:
    """A template's output: trusted HTML, since every value in it went through ``finalize``."""
    return Markup(ENVIRONMENT.get_template(template).render(**values))


def page(title: str, *blocks: str, keywords: tuple[str, ...] = ()) -> str:
    """A generated page: its title (plain text, escaped here) and its body.

    The title goes through front matter because themes print ``page.title`` unescaped. The
    ``keywords`` (as written) and the title and keywords without diacritics go in a hidden
    paragraph, so that the search index also finds "mo hinh dan van" for "Mô hình dân vận", and
    a dossier by its model's name although its body stays out of the index (search engines
    index it; readers never see it), at the cost of a few words per page. A block that is not ``Markup`` is text, and escaped.
    """
    # ASCII-only JSON is valid YAML whatever the title holds, so the front matter always parses.
    safe = json.dumps(html.escape(title, quote=True), ensure_ascii=True)
    folded = fold(" ".join((title, *keywords)))
    apostrophe_free = re.sub(r"['’‘ʼ]", "", folded)  # "bla" finds B'Lá
    body = render(
        "page.html",
        blocks=[b for b in blocks if b],
        keywords=" ".join(keywords),
        folded=folded if apostrophe_free == folded else f"{folded} {apostrophe_free}",
    )
    # The search index reads a page's text without its tags: a space between table cells
    # keeps "Đúng hạn" and "70%" apart in its snippets (whitespace between cells shows nothing).
    spaced = _CELL_BOUNDARY.sub(" ", str(body))
    return f"---\ntitle: {safe}{FRONT_MATTER_END}{spaced}\n"


# Where a cell or row ends right where the next begins: an empty match, so the space is
# inserted without expanding a replacement template at each of them.
_CELL_BOUNDARY = re.compile(r"(?<=</t[dh]>|</tr>)(?=<t[dhr][ >])")


def render_page(
    template: str,
    title: str,
    shown: Iterable[str] = (),
    keywords: tuple[str, ...] = (),
    **values: Any,
) -> Rendered:
    """A whole page from its template, with the files it shows."""
    return PackedPage(
        page(title, render(template, title=title, **values), keywords=keywords), frozenset(shown)
    )
