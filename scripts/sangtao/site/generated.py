"""A generated page as MkDocs holds it: its body is HTML already (decision 82).

MkDocs converts every page's Markdown with a new ``markdown.Markdown`` (the parser and every
extension built again: about 0.4 ms a page, 13 s at 30,000 dossiers) although a generated
page's Markdown is only its front matter, whose conversion is empty: the body is put back after
it (``plugin.on_page_content``). ``GeneratedPage`` gives that empty result without building
the parser. MkDocs supports pages a plugin made (``File.page`` set before the navigation is
built, as Material's blog plugin does); a page the configured navigation lists keeps MkDocs's
own ``Page``, which takes its title from the navigation.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePath
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc


class GeneratedPage(Page):
    def render(self, config: MkDocsConfig, files: Files) -> None:
        if (self.markdown or "").strip():  # not a generated body after all: MkDocs's way
            super().render(config, files)
            return
        # What Page.render leaves for an empty Markdown text.
        self.content = ""
        self.toc = get_toc([])
        self._title_from_render = None
        self.present_anchor_ids = set()
        self.links_to_anchors = {}


def nav_sources(nav: Any) -> set[str]:
    """The pages a configured navigation lists (``nav:`` in mkdocs.yml), by source path."""
    found: set[str] = set()
    items: Iterable[Any] = nav if isinstance(nav, list) else [nav]
    for item in items:
        if isinstance(item, str):  # as MkDocs looks it up: ./a.md and a//b.md are files too
            found.add(PurePath(item.lstrip("/")).as_posix())
        elif isinstance(item, dict):
            for value in item.values():
                found |= nav_sources(value)
        elif isinstance(item, list):
            found |= nav_sources(item)
    return found


def adopt(file: File, config: MkDocsConfig, listed: set[str]) -> None:
    """Give a generated page's file its ``GeneratedPage``, unless the navigation lists it."""
    if file.src_uri not in listed:
        GeneratedPage(None, file, config)
