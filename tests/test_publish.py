"""Nothing valid breaks the publish: every file `sangtao check` accepts is shown by the site, the
check enforces that itself, and the "as of" view of any past instant builds."""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from sangtao import cli, rules

from builders import appraisal_config, cycle, dump, progress, registration, report, roster, sheet
from conftest import PROJECT, Repo

MKDOCS = [str(Path(sys.executable).parent / "mkdocs")]
DISTRICT = "huyen-uy"
NOW = "2023-12-25T09:00:00+07:00"


def check(repo: Repo, capsys: pytest.CaptureFixture[str], now: str = NOW) -> list[tuple]:
    code = cli.main(["--root", str(repo.root), "check", "--format", "json", "--now", now])
    problems = json.loads(capsys.readouterr().out)
    assert code == (1 if problems else 0)
    return [(p["path"], p["line"], p["rule"], p["message"]) for p in problems]


@pytest.fixture
def district(repo: Repo) -> Repo:
    """A roster whose district committee has its own model folder, and an appraisal team."""
    data = roster()
    data["huyen"]["ma"] = DISTRICT
    repo.write("submissions/don-vi.yaml", dump(data))
    repo.write("submissions/2023/dot.yaml", dump(cycle(tham_dinh=appraisal_config())))
    repo.write(f"submissions/2023/{DISTRICT}/dang-ky.yaml", dump(registration(DISTRICT)))
    repo.commit("Mở đợt", "2023-01-10T08:00:00+07:00")
    return repo


@pytest.mark.parametrize(
    ("rel", "data"),
    [
        (f"submissions/2023/tham-dinh/{DISTRICT}/tv-hai.yaml", sheet("tv-hai", DISTRICT)),
        (f"submissions/2023/{DISTRICT}/bao-cao.yaml", report(DISTRICT)),
        (
            f"submissions/2023/{DISTRICT}/ca-nhan/nguyen-thi-lan/dang-ky.yaml",
            registration(DISTRICT, person="nguyen-thi-lan"),
        ),
    ],
    ids=["score-sheet", "report", "individual"],
)
def test_documents_of_the_districts_model_no_page_shows_are_refused(
    district: Repo, capsys: pytest.CaptureFixture[str], rel: str, data: dict[str, object]
) -> None:
    district.write(rel, dump(data))
    district.commit("Tệp không trang nào hiện", "2023-11-20T08:00:00+07:00")
    found = check(district, capsys)
    assert [(p[0], p[1], p[2]) for p in found] == [(rel, 1, "layout.own-model")]
    assert "là mô hình riêng của một cấp ủy" in found[0][3]


def test_the_check_itself_enforces_shown_or_reported(
    district: Repo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the district rule, the check's own invariant still refuses the file."""
    monkeypatch.setattr(rules, "site_shows", lambda document, roster: True)
    rel = f"submissions/2023/{DISTRICT}/bao-cao.yaml"
    district.write(rel, dump(report(DISTRICT)))
    district.commit("Báo cáo", "2023-11-20T08:00:00+07:00")
    assert [(p[0], p[2]) for p in check(district, capsys)] == [(rel, "layout.not-shown")]


def test_a_receipt_book_time_in_the_future_is_refused(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    book = [
        {
            "tep": "loc-thang/dang-ky.yaml",
            "thoi_diem": "2037-02-27T10:00:00+07:00",  # 2037 typed for 2027
            "hinh_thuc": "ban-giay",
            "nguoi_ghi": "btc-admin",
        }
    ]
    repo.write("submissions/don-vi.yaml", dump(roster()))
    text = dump(cycle(so_tiep_nhan=book))
    repo.write("submissions/2023/dot.yaml", text)
    repo.write("submissions/2023/loc-thang/dang-ky.yaml", dump(registration()))
    repo.commit("Nhập hồ sơ giấy", "2023-02-27T10:00:00+07:00")
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "2037-02-27" in t)
    assert check(repo, capsys) == [
        (
            "submissions/2023/dot.yaml",
            line,
            "cycle.receipt-in-future",
            "Thời điểm nhận «2037-02-27T10:00:00+07:00» của loc-thang/dang-ky.yaml ở tương lai "
            "(lúc này là 25/12/2023)",
        )
    ]


def test_a_progress_update_dated_in_the_future_is_refused(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.write("submissions/don-vi.yaml", dump(roster()))
    repo.write("submissions/2023/dot.yaml", dump(cycle()))
    repo.write("submissions/2023/loc-thang/dang-ky.yaml", dump(registration()))
    rel = "submissions/2023/loc-thang/tien-do/2023-09-15.yaml"
    text = dump(progress(day="2023-09-15"))
    repo.write(rel, text)
    repo.commit("Tiến độ", "2023-06-04T08:00:00+07:00")
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t.startswith("ngay:"))
    assert check(repo, capsys, now="2023-06-04T08:00:00+07:00") == [
        (
            rel,
            line,
            "progress.future-date",
            "Báo cáo tiến độ ghi ngày 15/09/2023, sau ngày hôm nay (04/06/2023)",
        )
    ]
    assert check(repo, capsys, now="2023-09-15T08:00:00+07:00") == []


def _site_repo(root: Path) -> Repo:
    shutil.copytree(PROJECT / "schema", root / "schema")
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(PROJECT / "docs", root / "docs", ignore=shutil.ignore_patterns("van-ban"))
    (root / "docs/van-ban").mkdir()
    repo = Repo(root)
    repo.git("init", "--quiet", "--initial-branch=main")
    return repo


def test_the_as_of_view_of_an_earlier_instant_builds(tmp_path: Path) -> None:
    """Files that landed after the instant did not exist yet: no page has to show them."""
    root = tmp_path / "kho"
    root.mkdir()
    repo = _site_repo(root)
    repo.write("submissions/don-vi.yaml", dump(roster()))
    repo.write("submissions/2023/dot.yaml", dump(cycle()))
    repo.commit("Mở đợt", "2023-01-10T08:00:00+07:00")
    repo.write("submissions/2023/loc-thang/dang-ky.yaml", dump(registration()))
    repo.commit("Đăng ký", "2023-02-20T08:00:00+07:00")
    repo.write("submissions/2023/loc-thang/bao-cao.yaml", dump(report()))
    repo.commit("Báo cáo", "2023-11-20T08:00:00+07:00")
    for now in ("2023-01-15T00:00:00+07:00", "2023-03-01T00:00:00+07:00", NOW):
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SANGTAO_NOW=now)
        result = subprocess.run(
            [*MKDOCS, "build", "--strict", "--site-dir", str(tmp_path / "site")],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, (now, result.stderr[-2000:])


# -- no unpublished score anywhere, documentation pages included ----------------------------


class _Text(HTMLParser):
    """The text of a page (not its markup: chart coordinates are numbers too)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _readable(path: Path) -> str:
    if path.suffix == ".pf_fragment":  # a page's text in the online search index (gzip)
        return gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".html":
        parser = _Text()
        parser.feed(text)
        return " ".join(parser.parts)
    return text


def _scores(status: dict[str, Any]) -> set[float]:
    """Every score of the cycle that is not a whole number (whole ones are too common to hunt)."""
    found: set[float] = set()
    for unit in status["units"]:
        for model in [unit["collective"], *unit["individuals"]]:
            outcome = model.get("outcome") or {}
            values = [outcome.get("combined"), *(outcome.get("by_criterion") or {}).values()]
            values += [a.get("total") for a in outcome.get("appraisers") or []]
            found |= {v for v in values if isinstance(v, float) and not v.is_integer()}
    return found


def test_no_unpublished_score_reaches_the_site_or_the_offline_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The demo with publication off, built as `make site` builds it: site/ and the offline
    copy of dist/, every text file of them (pages, search index, exports, documentation)."""
    root = tmp_path / "kho"
    root.mkdir()
    for name in ("schema", "submissions", "docs"):
        shutil.copytree(PROJECT / name, root / name)
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    cycle_file = root / "submissions/2023/dot.yaml"
    text = cycle_file.read_text(encoding="utf-8")
    assert "  cong_bo: true\n" in text
    cycle_file.write_text(text.replace("  cong_bo: true\n", "  cong_bo: false\n"), "utf-8")
    repo = Repo(root)
    repo.git("init", "--quiet", "--initial-branch=main")
    repo.commit("Dữ liệu mẫu, chưa công bố điểm", "2023-01-05T08:00:00+07:00")
    assert cli.main(["--root", str(root), "status", "--cycle", "2023", "--format", "json",
                     "--now", NOW]) == 0  # fmt: skip
    scores = _scores(json.loads(capsys.readouterr().out))
    assert len(scores) >= 5  # the command line, run by the board, has them all
    # A number a unit wrote itself (a result in a report) may be shown; it is not a score.
    written = {
        float(n)
        for path in (root / "submissions").rglob("*.yaml")
        if "tham-dinh" not in path.parts
        for n in re.findall(r"\d+\.\d+", path.read_text(encoding="utf-8"))
    }
    scores -= written
    outputs = {"site": tmp_path / "site", "dist": tmp_path / "dist" / "site-offline"}
    for name, out in outputs.items():
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SANGTAO_NOW=NOW)
        if name == "dist":
            env["OFFLINE"] = "true"
        result = subprocess.run(
            [*MKDOCS, "build", "--strict", "--site-dir", str(out)],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr[-2000:]
    pattern = re.compile(
        "|".join(rf"(?<![\d.,]){re.escape(f'{s:g}')}(?![\d])" for s in sorted(scores))
    )
    leaks = []
    for out in outputs.values():
        for path in sorted(out.rglob("*")):
            if path.suffix in (".html", ".json", ".js", ".csv", ".ics", ".txt", ".xml", ".md",
                               ".pf_fragment"):  # fmt: skip
                found = pattern.search(_readable(path))
                if found:
                    leaks.append(f"{path.relative_to(tmp_path)}: {found.group()}")
    assert leaks == [], "\n".join(leaks)
