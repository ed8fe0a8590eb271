"""Material's page around a generated page, drawn once and filled many times (decision 73).

Material renders a whole template for every page (header, navigation, footer, scripts): at
30,000 dossiers that was most of the build. A page that is not in the navigation differs from
its neighbours only by its title, its body and its canonical address; every link around them
is relative and depends only on the page's folder. So the plugin renders Material's template
once for a page whose title, body and address are markers, cuts the output at the markers
(a ``Shell``), and fills it for every page of the same kind. Pure functions; the MkDocs glue
lives in ``plugin.py``.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

# Private-use characters: no template filter touches them, and no page text holds them.
TITLE = "\ue000sangtao-title\ue000"
BODY = "\ue000sangtao-body\ue000"
# The body of a page with its own heading: Material adds an <h1> to a body without "<h1" in it.
BODY_WITH_HEADING = "\ue000sangtao-body<h1\ue000"
URL = "\ue000sangtao-url\ue000"
# Every attribute of Material's page (and of the search box) that holds a site path.
_LINK = re.compile(r"""\b(?:href|src|data-sangtao-search)="([^"#?]+)""")
_SLOT = re.compile("(" + "|".join(map(re.escape, (TITLE, BODY, BODY_WITH_HEADING, URL))) + ")")


@dataclass(frozen=True)
class Shell:
    """A rendered page cut at its slots: ``parts[0] slot[0] parts[1] … parts[-1]``."""

    parts: tuple[str, ...]
    slots: tuple[str, ...]
    folder: str  # the folder of the page it was drawn for
    shared: frozenset[str]  # first segments of the site paths it links to (see ``fits``)
    portable: bool  # False: some link is drawn relative to the page's own folder

    def fill(self, title: str, body: str, url: str | None) -> str:
        values = {TITLE: title, BODY: body, BODY_WITH_HEADING: body, URL: url or ""}
        out = [self.parts[0]]
        for slot, part in zip(self.slots, self.parts[1:], strict=True):
            out.append(values[slot])
            out.append(part)
        return "".join(out)

    def fits(self, folder: str) -> bool:
        """Whether the links drawn for ``self.folder`` are also right from ``folder``.

        Both folders have the same depth (the key says so), so a link to a site path reads
        ``../`` × depth + path from either, unless the path starts inside one of the two
        folders' first segment: then the relative link is shorter, and differs.
        """
        if folder == self.folder:
            return True
        return self.portable and not {_first(folder), _first(self.folder)} & self.shared


def _first(folder: str) -> str:
    return folder.split("/", 1)[0]


def folder_of(dest_uri: str) -> str:
    return posixpath.dirname(dest_uri)


def shell_key(dest_uri: str, body: str, canonical: bool) -> tuple[int, bool, bool]:
    """Pages that can share a shell: same depth, and the same answer to the two questions
    Material's template asks of a page (does its body have its own <h1>, has it an address)."""
    folder = folder_of(dest_uri)
    return (folder.count("/") + 1 if folder else 0, "<h1" in body, canonical)


def marker_body(with_heading: bool) -> str:
    return BODY_WITH_HEADING if with_heading else BODY


def cut(output: str, folder: str) -> Shell | None:
    """A shell from Material's output for the marker page; None if a marker went missing."""
    pieces = _SLOT.split(output)
    parts, slots = tuple(pieces[0::2]), tuple(pieces[1::2])
    if sum(s in (BODY, BODY_WITH_HEADING) for s in slots) != 1 or TITLE not in slots:
        return None
    prefix = "../" * (folder.count("/") + 1 if folder else 0)
    shared, portable = set(), True
    for link in _LINK.findall(output):
        if ":" in link or " " in link:
            continue  # another site, a script, or not a path at all
        if link.startswith(prefix):
            shared.add(link[len(prefix) :].split("/", 1)[0])
        else:
            portable = False  # a link that starts inside the page's own folder
    return Shell(parts, slots, folder, frozenset(shared), portable)
