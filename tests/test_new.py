"""`sangtao new`: a commented template at the right path that, filled in, passes the check."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from sangtao import cli
from sangtao.corpus import read_corpus
from sangtao.loader import load_bytes

from builders import dump, progress, registration, report, seed
from conftest import Repo

_KEY = re.compile(r"^(?P<indent>\s*)(?P<dash>- )?(?P<key>\w+):\s*(?P<value>.*)$")


def fill(template: str, sample: dict[str, Any]) -> str:
    """Fill the blanks of a template the way a clerk would: a value after each empty `key:`,
    taken from a sample document at the same place; commented lines stay as they are."""
    out: list[str] = []
    stack: list[tuple[int, Any]] = [(-1, sample)]
    for line in template.splitlines():
        match = _KEY.match(line)
        if not match or line.lstrip().startswith("#"):
            if line.strip() == "-" and isinstance(stack[-1][1], list):
                out.append(f"{line.rstrip()} {json.dumps(stack[-1][1][0], ensure_ascii=False)}")
            else:
                out.append(line)
            continue
        depth = len(match["indent"]) + (2 if match["dash"] else 0)
        while stack and stack[-1][0] >= depth:
            stack.pop()
        parent = stack[-1][1]
        if isinstance(parent, list):
            parent = parent[0]
        value = parent.get(match["key"]) if isinstance(parent, dict) else None
        if match["value"] or value is None:
            out.append(line)
        elif isinstance(value, dict | list):
            out.append(line)
            stack.append((depth, value))
        else:
            out.append(f"{line.rstrip()} {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(out) + "\n"


@pytest.mark.parametrize(
    ("kind", "rel", "sample"),
    [
        ("registration", "submissions/2023/loc-thang/dang-ky.yaml", registration()),
        # Optional fields stay commented out in a template: the samples leave them out.
        (
            "progress",
            "submissions/2023/loc-thang/tien-do/2023-05-15.yaml",
            {k: v for k, v in progress().items() if k != "kho_khan"},
        ),
        (
            "report",
            "submissions/2023/loc-thang/bao-cao.yaml",
            report(hieu_qua={"chinh_tri": "Dân tin Đảng hơn."}),
        ),
    ],
)
def test_template_filled_in_passes(
    repo: Repo, capsys: pytest.CaptureFixture[str], kind: str, rel: str, sample: dict[str, Any]
) -> None:
    seed(repo)
    if kind != "registration":
        repo.write("submissions/2023/loc-thang/dang-ky.yaml", dump(registration()))
    args = [
        "--root",
        str(repo.root),
        "new",
        kind,
        "--unit",
        "loc-thang",
        "--now",
        "2023-05-15T10:00:00+07:00",
    ]
    assert cli.main(args) == 0
    assert capsys.readouterr().out.startswith(f"Đã tạo {rel}.")
    template = (repo.root / rel).read_text(encoding="utf-8")
    assert template.startswith("# ")
    data = load_bytes(template.encode()).data
    assert data["don_vi"] == "loc-thang" and data["nam"] == 2023
    unfilled = read_corpus(repo.root).problems
    assert unfilled and {p.rule for p in unfilled} <= {
        "schema.empty",
        "schema.choice",
        "schema.required",
    }
    assert all(p.path == rel for p in unfilled)

    (repo.root / rel).write_text(fill(template, sample), encoding="utf-8")
    assert [p.text() for p in read_corpus(repo.root).problems] == []
    assert load_bytes((repo.root / rel).read_bytes()).data == {k: v for k, v in sample.items()}

    assert cli.main(args) == 2  # never overwrites
    assert "đã có; không ghi đè" in capsys.readouterr().err


def test_individual_registration_template(repo: Repo) -> None:
    seed(repo)
    assert (
        cli.main(
            [
                "--root",
                str(repo.root),
                "new",
                "registration",
                "--unit",
                "loc-an",
                "--person",
                "nguyen-thi-lan",
            ]
        )
        == 0
    )
    rel = "submissions/2023/loc-an/ca-nhan/nguyen-thi-lan/dang-ky.yaml"
    data = load_bytes((repo.root / rel).read_bytes()).data
    assert data["ca_nhan"]["ma"] == "nguyen-thi-lan"


def test_unknown_unit_and_bad_person(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    seed(repo)
    assert cli.main(["--root", str(repo.root), "new", "report", "--unit", "khong-co"]) == 2
    assert (
        cli.main(
            ["--root", str(repo.root), "new", "report", "--unit", "loc-an", "--person", "Nguyễn"]
        )
        == 2
    )
    err = capsys.readouterr().err
    assert "Không có đơn vị «khong-co»" in err
    assert "Mã cá nhân «Nguyễn»" in err
