"""Hugo on the same pages: the yardstick of a static-site generator written for speed, and
three more measured beside it (decision 84): a plain Jinja2 render of the same pages, MkDocs
with Material alone on as many pages, and Pagefind indexing Hugo's pages.

Every HTML page that ``mkdocs build`` wrote becomes a Hugo content file holding the page's
article (Hugo copies ``.html`` content through, as the plugin does with its generated pages),
with its title and its URL; one layout holds the rest of a Material page (header, navigation,
footer, scripts) taken from the home page. So Hugo renders the same pages with the same bytes
around them, and the comparison is between the two generators, not between two designs.
Hugo comes from Debian (`apt-get install hugo`); without it the comparison is skipped.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.measure import BIN, Run, measure
from sangtao.site.search import pagefind_command

ARTICLE = re.compile(r'(<article class="md-content__inner md-typeset">)(.*?)(</article>)', re.S)
TITLE = re.compile(r"<title>(.*?)</title>", re.S)
INDEX = re.compile(r"(^|/)index\.html\Z")
CONFIG = """baseURL = "http://localhost/"
disableKinds = ["home", "section", "taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
uglyURLs = true
"""


@dataclass
class Hugo:
    run: Run
    pages: int
    version: str
    jinja: Run | None = None  # the same pages written by Python and Jinja2 alone
    mkdocs: Run | None = None  # MkDocs + Material alone on as many one-line pages
    pagefind: Run | None = None  # Pagefind indexing Hugo's pages
    indexed: int = 0  # the pages in that index


# A Python generator's floor (issue 14 called it "a plain Jinja2 render of the same pages"):
# the pages of Hugo's content folder, each put into the same Material frame by one Jinja2
# template with no logic, and written out. No YAML, no rules, no search index, no exports.
JINJA_FLOOR = """
import json
from pathlib import Path
import jinja2
layout = Path("layouts/_default/single.html").read_text(encoding="utf-8")
head, _, rest = layout.partition("{{ .Title }}")
middle, _, tail = rest.partition("{{ .Content }}")
template = jinja2.Environment(autoescape=False).from_string(
    "{{ head }}{{ title }}{{ middle }}{{ content }}{{ tail }}"
)
out = Path("jinja-public")
for path in sorted(Path("content").rglob("*.html")):
    _, front, body = path.read_text(encoding="utf-8").split("---\\n", 2)
    meta = json.loads(front)
    dest = out / meta["url"].lstrip("/")
    dest.parent.mkdir(parents=True, exist_ok=True)
    page = template.render(head=head, title=meta["title"], middle=middle, content=body, tail=tail)
    dest.write_text(page, encoding="utf-8")
"""


def jinja_floor(target: Path) -> Run:
    return measure([sys.executable, "-c", JINJA_FLOOR], target)


# MkDocs alone: what the chosen generator costs doing every page its own way. Not a hard floor
# of the build, whose generated pages skip the Markdown pass and Material's per-page template
# (decisions 82 and 73); it shows what a plain MkDocs site of this size costs. The same pages, each just
# its title as one Markdown line, through Material in Vietnamese; no plugin (so no search), a
# navigation of one page, so Material's per-page template is all the work. The site's own
# `use_directory_urls: false` makes `a/b.md` the page `a/b.html` and `index.md` the home page:
# every page keeps its URL (only a page named README.html would not; the site has none).
MKDOCS_ALONE = """site_name: MkDocs một mình
use_directory_urls: false
strict: false
theme:
  name: material
  language: vi
plugins: []
nav:
  - index.md
"""


def mkdocs_alone_source(site: Path, target: Path) -> int:
    """Write the MkDocs-alone project for the pages of ``site``; return their number."""
    (target / "docs").mkdir(parents=True, exist_ok=True)
    (target / "mkdocs.yml").write_text(MKDOCS_ALONE, encoding="utf-8")
    pages = 0
    for page in site_pages(site):
        out = target / "docs" / (page.rel.removesuffix(".html") + ".md")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(f"# {page.title}\n", encoding="utf-8")
        pages += 1
    return pages


def mkdocs_alone(site: Path, target: Path) -> Run:
    """``mkdocs build`` of that project, on the disk of the real build (``target``)."""
    shutil.rmtree(target, ignore_errors=True)
    mkdocs_alone_source(site, target)
    return measure([str(BIN / "mkdocs"), "build", "-q"], target)


def pagefind_over(public: Path, output: Path) -> tuple[Run, int]:
    """Pagefind, as the site calls it, over whole pages (Hugo's): the search index a build of
    these pages must also make, since Hugo makes none. Returns the run and the pages indexed."""
    shutil.rmtree(output, ignore_errors=True)
    run = measure(pagefind_command(public, output), public.parent)
    entry = output / "pagefind-entry.json"
    languages = json.loads(entry.read_text())["languages"] if entry.is_file() else {}
    return run, sum(language["page_count"] for language in languages.values())


def hugo_binary() -> str | None:
    return shutil.which("hugo")


def hugo_version() -> str:
    binary = hugo_binary()
    if binary is None:
        return "chưa cài"
    out = subprocess.run([binary, "version"], capture_output=True, text=True, check=False).stdout
    return out.split()[1] if len(out.split()) > 1 else "?"


@dataclass
class Page:
    rel: str  # its path in the built site, which is its URL (use_directory_urls: false)
    title: str
    article: str


def site_pages(site: Path) -> Iterator[Page]:
    """Every page of the built ``site`` that the yardsticks render again: each HTML page with
    Material's article, not the theme's assets, Material's search, Pagefind's files or 404."""
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        if rel.startswith(("assets/", "search/", "pagefind/")) or rel == "404.html":
            continue
        text = page.read_text(encoding="utf-8")
        article = ARTICLE.search(text)
        if article is None:
            continue
        title = TITLE.search(text)
        yield Page(rel, title.group(1).strip() if title else rel, article.group(2))


def hugo_source(site: Path, target: Path) -> int:
    """Write a Hugo project rendering the pages of the built ``site``; return their number."""
    shell = (site / "index.html").read_text(encoding="utf-8")
    layout = ARTICLE.sub(lambda m: m.group(1) + "{{ .Content }}" + m.group(3), shell, count=1)
    layout = TITLE.sub("<title>{{ .Title }}</title>", layout, count=1)
    (target / "layouts/_default").mkdir(parents=True, exist_ok=True)
    for name in ("single.html", "list.html"):
        (target / "layouts/_default" / name).write_text(layout, encoding="utf-8")
    (target / "hugo.toml").write_text(CONFIG, encoding="utf-8")
    pages = 0
    for page in site_pages(site):
        # Every page single, at its own URL, and nothing else: a content file named index.*
        # would make its folder a bundle whose other pages Hugo never renders, and Hugo's home
        # and section pages (kinds disabled in CONFIG) would take the URL of a page of the
        # site such as index.html or van-ban.html (a folder van-ban/ beside it).
        name = INDEX.sub(r"\1index-page.html", page.rel)
        out = target / "content" / name
        out.parent.mkdir(parents=True, exist_ok=True)
        front = {"title": page.title, "url": "/" + page.rel}
        out.write_text(
            "---\n" + json.dumps(front, ensure_ascii=False) + "\n---\n" + page.article,
            encoding="utf-8",
        )
        pages += 1
    return pages


def build_with_hugo(site: Path, workdir: Path) -> Hugo | None:
    binary = hugo_binary()
    if binary is None:
        return None
    target = workdir / "hugo"
    shutil.rmtree(target, ignore_errors=True)
    pages = hugo_source(site, target)
    version = hugo_version()
    run = measure([binary, "--quiet", "--destination", str(target / "public")], target)
    if run.code != 0:
        raise SystemExit(f"hugo failed in {target}:\n{run.stderr[-4000:]}")
    jinja = jinja_floor(target)
    if jinja.code != 0:
        raise SystemExit(f"the Jinja floor failed in {target}:\n{jinja.stderr[-4000:]}")
    alone = mkdocs_alone(site, target / "mkdocs-alone")
    if alone.code != 0:
        raise SystemExit(f"MkDocs alone failed in {target}:\n{alone.stderr[-4000:]}")
    # Pagefind's index beside Hugo's folder, never in it: nothing else sees it.
    pagefind, indexed = pagefind_over(target / "public", target / "pagefind")
    if pagefind.code != 0:
        raise SystemExit(f"Pagefind failed on {target / 'public'}:\n{pagefind.stderr[-4000:]}")
    return Hugo(run, pages, version, jinja, alone, pagefind, indexed)
