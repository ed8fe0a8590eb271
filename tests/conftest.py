"""Shared fixtures: real temporary repositories with a fixed git identity and fixed dates."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

# browser.py is a plugin (``pytest_plugins``) that tests also import from: rewrite its asserts.
pytest.register_assert_rewrite("browser")

PROJECT = Path(__file__).resolve().parents[1]
IDENTITY = {
    "GIT_AUTHOR_NAME": "Thử Nghiệm",
    "GIT_AUTHOR_EMAIL": "thu-nghiem@sangtao.invalid",
    "GIT_COMMITTER_NAME": "Máy chủ",
    "GIT_COMMITTER_EMAIL": "may-chu@sangtao.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}


@pytest.fixture(autouse=True)
def _git_identity(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Tests never read the developer's git configuration, and never the real clock by accident."""
    for name, value in IDENTITY.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("SANGTAO_NOW", raising=False)


@contextlib.contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Fail, rather than hang, when something takes longer than ``seconds`` (a deadline of
    Hypothesis only measures; a hang in a check must fail its case, not the whole run)."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


class Repo:
    """A throw-away repository laid out like the project, driven with plain git commands."""

    def __init__(self, root: Path, env: dict[str, str] | None = None) -> None:
        self.root = root
        self.env = env or {}

    def git(self, *args: str, date: str | None = None, env: dict[str, str] | None = None) -> str:
        full_env = dict(os.environ, **IDENTITY, **self.env)
        if date is not None:
            full_env["GIT_AUTHOR_DATE"] = date
            full_env["GIT_COMMITTER_DATE"] = date
        full_env.update(env or {})
        result = subprocess.run(
            ["git", *args], cwd=self.root, env=full_env, check=True, capture_output=True, text=True
        )
        return result.stdout

    def write(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def commit(self, message: str, date: str, *paths: str) -> str:
        self.git("add", "--all", *paths)
        self.git("commit", "--quiet", "--allow-empty", "-m", message, date=date)
        return self.git("rev-parse", "HEAD").strip()


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Repo]:
    """An empty project repository: schemas copied from the project, nothing submitted yet."""
    root = tmp_path / "kho"
    root.mkdir()
    shutil.copytree(PROJECT / "schema", root / "schema")
    r = Repo(root)
    r.git("init", "--quiet", "--initial-branch=main")
    yield r
