"""The plugin's side of decision 73: which generated pages get a shared shell, and drawing them.

MkDocs still reads, orders and writes every page (sitemap, links, the nothing-lost count stay
as they were); only the template a claimed page is rendered with changes, to an empty one, and
``draw`` puts the page Material would have drawn in its place: the shell of its kind filled
with its title, body and address. The first pages of every kind are also drawn by Material
in full and compared byte for byte with their filled shell; if they differ, that kind of page
is drawn by Material from then on.
"""

from __future__ import annotations

import logging
from typing import Any

from jinja2 import Environment
from mkdocs.structure.pages import Page

from sangtao.site.shell import TITLE, URL, Shell, cut, folder_of, marker_body, shell_key

log = logging.getLogger("mkdocs.plugins.sangtao")

# The theme's empty template (theme/sangtao-splice.html): MkDocs renders it, ``draw`` fills in.
SPLICE_TEMPLATE = "sangtao-splice.html"
MATERIAL_TEMPLATE = "main.html"
# Pages of each kind also drawn in full by Material and compared with their filled shell.
CHECKED = 2


def claimable(page: Page, in_nav: set[str]) -> bool:
    """A page the navigation does not list (a not_in_nav pattern may match a listed page too),
    whose front matter is only its title: nothing Material draws around it depends on which
    page it is, but for its title, body and address."""
    return page.file.src_uri not in in_nav and set(page.meta) == {"title"}


class Splicer:
    def __init__(self) -> None:
        self.env: Environment | None = None
        self.claimed: set[str] = set()
        self.in_nav: set[str] = set()
        self.checked: dict[tuple[int, bool, bool], int] = {}  # pages of a kind compared so far
        self.shells: dict[tuple[int, bool, bool], Shell | None] = {}
        self.context: Any = None
        self.drawn = 0  # pages filled from a shell (the rest: drawn by Material)

    def claim(self, page: Page) -> None:
        if claimable(page, self.in_nav):
            page.meta["template"] = SPLICE_TEMPLATE
            self.claimed.add(page.file.src_uri)

    def remember(self, page: Page, context: Any) -> None:
        if page.file.src_uri in self.claimed:
            self.context = context

    def draw(self, page: Page) -> str:
        """The page as Material draws it; its body is released afterwards (memory)."""
        body = page.content or ""
        key = shell_key(page.file.dest_uri, body, page.canonical_url is not None)
        folder = folder_of(page.file.dest_uri)
        if key not in self.shells:
            self.shells[key] = self._shell(page, key[1])
        shell = self.shells[key]
        if shell is not None and shell.fits(folder):
            output = shell.fill(page.meta["title"], body, page.canonical_url)
            self.drawn += 1
            if self.checked.get(key, 0) < CHECKED:
                self.checked[key] = self.checked.get(key, 0) + 1
                if output != self._material():  # then this kind is drawn by Material
                    log.info("sangtao: khuôn trang không khớp ở %s", page.file.src_uri)
                    self.shells[key] = None
                    output = self._material()
                    self.drawn -= 1
        else:
            output = self._material()
        page.content = None
        return output

    def _material(self) -> str:
        assert self.env is not None and self.context is not None
        return self.env.get_template(MATERIAL_TEMPLATE).render(self.context)

    def _shell(self, page: Page, with_heading: bool) -> Shell | None:
        """Material's page drawn with markers for title, body and address, cut at them; kept
        only if filling it gives back, byte for byte, this very page as Material draws it
        (and, in ``draw``, the next page of its kind too)."""
        real = self._material()
        saved = page.content, page.meta, page.canonical_url
        page.content = marker_body(with_heading)
        page.meta = {"title": TITLE}
        page.canonical_url = URL if saved[2] is not None else None
        try:
            shell = cut(self._material(), folder_of(page.file.dest_uri))
        finally:
            page.content, page.meta, page.canonical_url = saved
        if shell is None or shell.fill(page.meta["title"], saved[0] or "", saved[2]) != real:
            log.info("sangtao: trang %s được dựng đầy đủ (không dùng khuôn)", page.file.src_uri)
            return None
        return shell
