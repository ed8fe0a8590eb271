"""Which search a build gets, and the Pagefind index of the online site (decision 72).

The offline copy (``OFFLINE=true``, opened from file://) keeps Material's lunr search: Pagefind
loads its index with ``fetch`` and WebAssembly, which file:// refuses. Everywhere else
Material's search plugin is off and Pagefind indexes the built site after MkDocs wrote it:
a visitor then downloads only the index fragments a query needs, never a whole index.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from pagefind_bin import get_executable

# The main text of every page (Material's article): header, navigation and footer are the
# same on every page and would match every query. Dossier bodies carry data-pagefind-ignore.
ROOT_SELECTOR = "article.md-content__inner"


def material_search_on(config: MkDocsConfig) -> bool:
    """Material's own search is in this build (the offline copy): then no Pagefind."""
    plugin = config.plugins.get("material/search")
    return plugin is not None and bool(getattr(plugin, "config", {}).get("enabled", True))


def pagefind_command(site_dir: Path) -> list[str]:
    return [
        str(get_executable()),
        "--site",
        str(site_dir),
        "--root-selector",
        ROOT_SELECTOR,
        # One language for every page: Vietnamese words, diacritics folded by Pagefind itself.
        "--force-language",
        "vi",
        # Links as the site writes them (use_directory_urls: false): index.html kept.
        "--keep-index-url",
        "--quiet",
    ]


def index_site(site_dir: Path) -> None:
    """Write the Pagefind index into ``site_dir/pagefind/``; stop the build if it fails."""
    result = subprocess.run(pagefind_command(site_dir), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise PluginError(
            "Pagefind không lập được chỉ mục tìm kiếm cho trang web: "
            + (result.stderr or result.stdout).strip()[-2000:]
        )
