"""Hugo on the same pages: the yardstick of a static-site generator written for speed.

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
from dataclasses import dataclass
from pathlib import Path

from bench.measure import Run, measure

ARTICLE = re.compile(r'(<article class="md-content__inner md-typeset">)(.*?)(</article>)', re.S)
TITLE = re.compile(r"<title>(.*?)</title>", re.S)
CONFIG = """baseURL = "http://localhost/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
uglyURLs = true
"""


@dataclass
class Hugo:
    run: Run
    pages: int
    version: str
    jinja: Run | None = None  # the same pages written by Python and Jinja2 alone


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


def hugo_binary() -> str | None:
    return shutil.which("hugo")


def hugo_version() -> str:
    binary = hugo_binary()
    if binary is None:
        return "chưa cài"
    out = subprocess.run([binary, "version"], capture_output=True, text=True, check=False).stdout
    return out.split()[1] if len(out.split()) > 1 else "?"


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
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        if rel.startswith(("assets/", "search/")) or rel == "404.html":
            continue
        text = page.read_text(encoding="utf-8")
        article = ARTICLE.search(text)
        title = TITLE.search(text)
        if article is None:
            continue
        # A section's own page (_index) would take Hugo's list kind; keep every page single.
        name = "index-page.html" if rel == "index.html" else rel
        out = target / "content" / name
        out.parent.mkdir(parents=True, exist_ok=True)
        front = {"title": title.group(1).strip() if title else rel, "url": "/" + rel}
        out.write_text(
            "---\n" + json.dumps(front, ensure_ascii=False) + "\n---\n" + article.group(2),
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
    return Hugo(run, pages, version, jinja)
