"""What each landed change of a document changed, field by field, for the dossier's history.

The commits come from the one ``git log`` pass (``History``); the two versions of a file are
read from git's object store through one long-lived ``git cat-file`` process, never one git
command per file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sangtao.history import FileHistory, History, Landing, open_repository
from sangtao.loader import LoadError, load_bytes

_NULL = "0" * 40


@dataclass(frozen=True)
class Revision:
    landing: Landing
    kind: str  # "added", "modified", "deleted"
    fields: tuple[str, ...] = ()  # top-level keys whose value changed


def blob_reader(root: Path) -> Callable[[str], bytes | None]:
    repo = open_repository(root)

    def read(sha: str) -> bytes | None:
        if not sha or sha == _NULL:
            return None
        try:
            data: bytes = repo.odb.stream(bytes.fromhex(sha)).read()
            return data
        except (ValueError, OSError, KeyError):
            return None

    return read


def _data(raw: bytes | None) -> dict[str, Any]:
    if raw is None:
        return {}
    try:
        data = load_bytes(raw).data
    except LoadError:
        return {}
    return data if isinstance(data, dict) else {}


def revisions(history: FileHistory, read: Callable[[str], bytes | None]) -> list[Revision]:
    """Every landing of one file, oldest first, with the fields it changed."""
    found = []
    for landing in history.landings:
        if landing.status == "A":
            found.append(Revision(landing, "added"))
        elif landing.status == "D":
            found.append(Revision(landing, "deleted"))
        else:
            before, after = _data(read(landing.old_blob)), _data(read(landing.new_blob))
            keys = [k for k in {**before, **after} if before.get(k) != after.get(k)]
            found.append(Revision(landing, "modified", tuple(keys)))
    return found


def revisions_of(
    root: Path, history: History, rels: Iterable[str]
) -> dict[str, tuple[Revision, ...]]:
    """The revisions of the given files, read once before any page is drawn (pages stay pure)."""
    if not history.head:
        return {}
    read = blob_reader(root)
    found = {}
    for rel in rels:
        file = history.files.get(rel)
        if file is not None:
            found[rel] = tuple(revisions(file, read))
    return found
