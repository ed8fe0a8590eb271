"""Pages are made by templates, safe by construction: no HTML in Python strings, an
environment that escapes every value, and templates that ship with the package."""

from __future__ import annotations

import ast
import re
import tomllib

import jinja2
import pytest
from markupsafe import Markup

from sangtao.site.html import esc
from sangtao.site.render import ENVIRONMENT, Rendered, render, shown_by

from conftest import PROJECT

PACKAGE = PROJECT / "scripts" / "sangtao"
TEMPLATES = PACKAGE / "site" / "templates"

# Tags of HTML and SVG a page could be built from.
_TAGS = [
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "circle",
    "code",
    "col",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "figure",
    "footer",
    "g",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "i",
    "img",
    "input",
    "label",
    "li",
    "line",
    "main",
    "nav",
    "noscript",
    "ol",
    "option",
    "p",
    "path",
    "polyline",
    "pre",
    "rect",
    "script",
    "section",
    "select",
    "small",
    "span",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "svg",
    "table",
    "tbody",
    "td",
    "text",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "u",
    "ul",
]
_TAG = re.compile(r"</?(" + "|".join(_TAGS) + r")(?=[\s/>])", re.IGNORECASE)
# The one place that may hold such a string: a line break inside escaped text (decision 21).
_ALLOWED = {
    ("site/html.py", "<br>"),
    # A pattern that finds the boundary between table cells to put a space there (search
    # snippets): it reads tags, like what .replace looks for, and writes none.
    ("site/render.py", "(?<=</t[dh]>|</tr>)(?=<t[dhr][ >])"),
    # Where Pagefind's input is cut out of a built page (decision 78): read, never written.
    ("site/search.py", '<article class="md-content__inner md-typeset">'),
    ("site/search.py", "</article>"),
    ("site/search.py", "<section data-search-exclude data-pagefind-ignore>"),
    ("site/search.py", "</section>"),
}


def html_in_python(source: str) -> list[tuple[int, str]]:
    """String literals (f-strings included) that write or join HTML tags. Docstrings, and what
    ``.replace`` looks for (escaping a '<', not writing one), are not."""
    tree = ast.parse(source)
    skipped = set()
    for node in ast.walk(tree):
        call = node if isinstance(node, ast.Call) else None
        if call and isinstance(call.func, ast.Attribute) and call.func.attr == "replace":
            skipped.update(id(arg) for arg in call.args[:1])
        body = getattr(node, "body", None)
        first = body[0] if isinstance(body, list) and body else None
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
            skipped.add(id(first.value))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
            continue
        text = node.value
        if id(node) in skipped:
            continue
        if _TAG.search(text) or text.rstrip().endswith(("<", "</")):
            found.append((node.lineno, text))
    return found


def test_the_detector_finds_html_in_strings() -> None:
    source = (
        '"""A docstring may say <br>."""\n'
        'x = f"<td>{cell}</td>"\n'
        'y = "<" + tag + ">"\n'
        'z = "submissions/<năm>/dot.yaml"\n'
        "w = '<svg viewBox=\"0 0 1 1\">'\n"
        'v = text.replace("<", "&lt;")\n'
    )
    assert sorted({line for line, _ in html_in_python(source)}) == [2, 3, 5]


def test_no_html_is_built_in_python_strings() -> None:
    """`git grep 'f"<' scripts/sangtao` and the like: every tag is written in a template."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        for line, text in html_in_python(path.read_text(encoding="utf-8")):
            if (rel, text) not in _ALLOWED:
                found.append(f"{rel}:{line}: {text!r}")
    assert found == []


def test_trusted_html_is_made_in_one_place() -> None:
    """Only site/render.py marks text as safe HTML (``Markup(...)``); the rest of the package
    gets it from there."""
    found = [
        p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("*.py")
        if "Markup(" in p.read_text(encoding="utf-8") and p.name != "render.py"
    ]
    assert found == []


def test_every_value_is_escaped_as_decision_21_says() -> None:
    hostile = "<script>alert(1)</script>\n## [x](javascript:y) {: onclick=z }"
    template = ENVIRONMENT.from_string("{{ v }}|{{ m }}|{{ n }}|{{ f }}|{{ nothing }}")
    out = template.render(v=hostile, m=Markup("<em>ours</em>"), n=3, f=2.5, nothing=None)
    assert out == f"{esc(hostile)}|<em>ours</em>|3|2.5|"
    assert "<script" not in out and "\n" not in out
    # Jinja's join would only HTML-escape, and mark the result safe: ours escapes as esc does.
    joined = ENVIRONMENT.from_string('{{ items|join(", ") }}').render(items=["[a](b)", "<i>"])
    assert joined == esc("[a](b), <i>")


def test_a_missing_value_fails_the_build_instead_of_printing_nothing() -> None:
    with pytest.raises(jinja2.UndefinedError):
        ENVIRONMENT.from_string("{{ missing }}").render()


def test_the_environment_is_our_own_and_escapes() -> None:
    assert ENVIRONMENT.autoescape is True
    assert ENVIRONMENT.undefined is jinja2.StrictUndefined
    assert isinstance(render("page.html", blocks=["<b>"], keywords="<i>", folded="x"), Markup)
    page = render("page.html", blocks=["<b>"], keywords="<i>", folded="x")
    assert "<b>" not in page and "<i>" not in page


def test_a_page_unions_the_files_its_sections_show() -> None:
    sections = [Rendered("<p>a</p>", frozenset({"x"})), Rendered(""), Rendered("b", frozenset("y"))]
    assert shown_by(sections) == {"x", "y"}


def test_templates_ship_with_the_package_and_compile() -> None:
    """A non-editable install carries the templates (package data), and every one parses."""
    config = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["sangtao"]
    files = {p for p in TEMPLATES.rglob("*") if p.is_file()}
    shipped = {p for pattern in patterns for p in PACKAGE.glob(pattern) if p.is_file()}
    assert files and files <= shipped
    for name in ENVIRONMENT.list_templates():
        ENVIRONMENT.get_template(name)


def test_every_template_is_used() -> None:
    """No template is left behind after a page is removed: each is named in code or a template."""
    sources = [p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py")]
    sources += [p.read_text(encoding="utf-8") for p in TEMPLATES.rglob("*") if p.is_file()]
    unused = [
        name
        for name in ENVIRONMENT.list_templates()
        if not any(f'"{name}"' in text for text in sources)
    ]
    assert unused == []


def test_templates_hold_no_python_string_building() -> None:
    """Templates print values with {{ }}; `|safe` would let text through unescaped."""
    found = []
    for path in TEMPLATES.rglob("*"):
        if path.is_file() and re.search(r"\|\s*safe\b|autoescape\s+false", path.read_text()):
            found.append(path.name)
    assert found == []
