"""Any committee, any level: a roster that is a tree (a province, its commune, ward and bloc
committees, their organisations), per-cycle rosters split per committee, committees' own
models and answers, and the 2023 district cycle unchanged."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sangtao import cli
from sangtao.codeowners import render
from sangtao.corpus import read_corpus
from sangtao.model import Cycle, Issuer

from builders import answer, answers, cycle, dump, progress, registration
from conftest import PROJECT, Repo

ADMIN = "btc-tinh"
PROVINCE_CYCLE = "submissions/2027/dot.yaml"


def _unit(code: str, parent: str | None = None, **extra: Any) -> dict[str, Any]:
    unit: dict[str, Any] = {
        "ma": code,
        "ten": f"Chi bộ {code}",
        "loai": "chi-bo-co-so",
        "khoi": "co-quan",
        "tai_khoan": [f"vp-{code}"],
    }
    if parent is not None:
        unit["truc_thuoc"] = parent
    unit.update(extra)
    return unit


def province_roster(**extra: Any) -> dict[str, Any]:
    """A province: two commune committees and one bloc committee with a sub-committee."""
    data: dict[str, Any] = {
        "cap_uy": {"ten": "Tỉnh ủy Mẫu (dữ liệu mẫu)", "ma": "tinh-uy"},
        "quan_tri": [{"tai_khoan": ADMIN, "ho_ten": "Cán bộ Ban Tổ chức Tỉnh ủy"}],
        "cap_uy_truc_thuoc": [
            {"ma": "xa-a", "ten": "Đảng ủy xã A", "loai": "dang-uy-xa", "tai_khoan": ["vp-xa-a"]},
            {"ma": "xa-b", "ten": "Đảng ủy xã B", "loai": "dang-uy-xa", "tai_khoan": ["vp-xa-b"]},
            {"ma": "khoi", "ten": "Đảng ủy Khối", "loai": "dang-uy-khoi", "tai_khoan": ["vp-khoi"]},
            {
                "ma": "khoi-con",
                "ten": "Đảng ủy cơ sở trong Khối",
                "loai": "cap-tren-co-so",
                "truc_thuoc": "khoi",
                "tai_khoan": ["vp-khoi-con"],
            },
        ],
        "don_vi": [
            _unit("a-1", "xa-a"),
            _unit("a-2", "xa-a"),
            _unit("b-1", "xa-b"),
            _unit("k-1", "khoi"),
            _unit("kc-1", "khoi-con"),
            _unit("doc-lap"),
        ],
    }
    data.update(extra)
    return data


def province_cycle(**extra: Any) -> dict[str, Any]:
    data = cycle(
        2027,
        ban_hanh={
            "ten": "Tỉnh ủy Mẫu",
            "ten_ngan": "Tỉnh ủy",
            "co_quan_tham_muu": "Ban Tổ chức Tỉnh ủy",
            "cap_tren": "Đảng bộ Trung ương",
            "co_quan_cap_tren": "Ban Tổ chức Trung ương",
        },
        can_cu=[
            {
                "so": "15-KH/TU",
                "ngay": "2026-11-20",
                "co_quan": "Ban Thường vụ Tỉnh ủy Mẫu",
                "trich_yeu": "Kế hoạch mẫu, không có thật",
            }
        ],
    )
    data["han"]["dang_ky_cap_uy"] = "2027-03-15T23:59:59+07:00"
    data.update(extra)
    return data


@pytest.fixture
def province(repo: Repo) -> Repo:
    """A repository whose 2027 cycle has its own roster (a province's tree)."""
    repo.write("submissions/2027/don-vi.yaml", dump(province_roster()))
    repo.write(PROVINCE_CYCLE, dump(province_cycle()))
    repo.commit("Mở đợt 2027", "2027-01-05T08:00:00+07:00")
    return repo


def problems_of(root: Path) -> list[str]:
    return [f"{p.path}:{p.line}: {p.rule}" for p in read_corpus(root).problems]


def status_json(repo: Repo, now: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    code = cli.main(
        ["--root", str(repo.root), "status", "--cycle", "2027", "--now", now, "--format", "json"]
    )
    assert code == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


# --- the tree's rules, with file and line ------------------------------------------------


def test_a_province_tree_is_valid(province: Repo) -> None:
    assert problems_of(province.root) == []


def test_unknown_parents_loops_and_duplicates_are_refused_with_their_line(repo: Repo) -> None:
    data = province_roster()
    data["cap_uy_truc_thuoc"][0]["truc_thuoc"] = "xa-b"  # xa-a → xa-b → xa-a
    data["cap_uy_truc_thuoc"][1]["truc_thuoc"] = "xa-a"
    data["don_vi"][5]["truc_thuoc"] = "xa-c"  # no such committee
    data["don_vi"].append(_unit("a-1"))  # duplicate of an organisation
    data["don_vi"].append(_unit("khoi"))  # an organisation named like a committee
    repo.write("submissions/2027/don-vi.yaml", dump(data))
    repo.write(PROVINCE_CYCLE, dump(province_cycle()))
    found = problems_of(repo.root)
    text = (repo.root / "submissions/2027/don-vi.yaml").read_text(encoding="utf-8").splitlines()

    def line_of(needle: str, start: int = 0) -> int:
        return next(i for i, line in enumerate(text, 1) if i > start and needle in line)

    roster = "submissions/2027/don-vi.yaml"
    assert f"{roster}:{line_of('truc_thuoc: xa-c')}: roster.unknown-parent" in found
    assert any(p.startswith(roster) and p.endswith("roster.parent-loop") for p in found)
    assert f"{roster}:{line_of('ma: a-1', line_of('ma: a-1'))}: roster.duplicate-unit" in found
    assert (
        f"{roster}:{line_of('ma: khoi', line_of('ma: khoi-con'))}: roster.duplicate-unit" in found
    )


def test_a_roster_split_per_committee_is_one_tree(repo: Repo) -> None:
    data = province_roster()
    data["don_vi"] = [_unit("doc-lap")]
    repo.write("submissions/2027/don-vi.yaml", dump(data))
    repo.write("submissions/2027/don-vi/xa-a.yaml", dump({"don_vi": [_unit("a-1"), _unit("a-2")]}))
    repo.write("submissions/2027/don-vi/khoi.yaml", dump({"don_vi": [_unit("k-1")]}))
    repo.write(PROVINCE_CYCLE, dump(province_cycle()))
    corpus = read_corpus(repo.root)
    assert [p.text() for p in corpus.problems] == []
    roster = corpus.roster_for(2027)
    assert roster is not None
    assert roster.subtrees["xa-a"] == ("a-1", "a-2")
    assert roster.by_code["k-1"].committee == "khoi"
    assert corpus.roster_for(2023) is None  # no common roster here


def test_split_roster_mistakes_name_the_part_file(repo: Repo) -> None:
    repo.write("submissions/2027/don-vi.yaml", dump(province_roster()))
    repo.write("submissions/2027/don-vi/xa-z.yaml", dump({"don_vi": [_unit("z-1")]}))
    repo.write(
        "submissions/2027/don-vi/xa-b.yaml", dump({"don_vi": [_unit("b-9", "xa-a"), _unit("a-1")]})
    )
    repo.write("submissions/2031/don-vi/xa-a.yaml", dump({"don_vi": [_unit("q-1")]}))
    repo.write(PROVINCE_CYCLE, dump(province_cycle()))
    found = problems_of(repo.root)
    assert "submissions/2027/don-vi/xa-z.yaml:1: roster.part-unknown-committee" in found
    assert "submissions/2027/don-vi/xa-b.yaml:8: roster.part-other-committee" in found
    assert "submissions/2027/don-vi/xa-b.yaml:9: roster.duplicate-unit" in found
    assert "submissions/2031/don-vi/xa-a.yaml:1: roster.part-without-main" in found


def test_a_cycle_roster_replaces_the_common_one_for_that_cycle_only(province: Repo) -> None:
    flat = {
        "huyen": {"ten": "Huyện ủy Mẫu", "cap_tren": "Đảng bộ tỉnh Mẫu", "dia_danh": "Mẫu"},
        "quan_tri": [{"tai_khoan": "btc-huyen", "ho_ten": "Cán bộ"}],
        "don_vi": [_unit("xa-cu")],
    }
    province.write("submissions/don-vi.yaml", dump(flat))
    province.write("submissions/2023/dot.yaml", dump(cycle()))
    province.write("submissions/2023/xa-cu/dang-ky.yaml", dump(registration("xa-cu")))
    province.write("submissions/2027/xa-cu/dang-ky.yaml", dump(registration("xa-cu", 2027)))
    found = problems_of(province.root)
    # The dissolved commune is not a unit of 2027 any more: its 2027 file is refused.
    assert found == ["submissions/2027/xa-cu/dang-ky.yaml:1: layout.unknown-unit"]


# --- status JSON: committees with their subtree's counts ---------------------------------


def test_status_json_lists_committees_with_their_subtree_counts(
    province: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    province.write("submissions/2027/a-1/dang-ky.yaml", dump(registration("a-1", 2027)))
    province.write("submissions/2027/kc-1/dang-ky.yaml", dump(registration("kc-1", 2027)))
    province.commit("Đăng ký", "2027-02-10T09:00:00+07:00")
    province.write("submissions/2027/a-2/dang-ky.yaml", dump(registration("a-2", 2027)))
    province.commit("Đăng ký trễ", "2027-03-02T09:00:00+07:00")
    data = status_json(province, "2027-03-05T00:00:00+07:00", capsys)
    committees = {c["code"]: c for c in data["committees"]}
    assert list(committees) == ["xa-a", "xa-b", "khoi", "khoi-con"]
    assert committees["khoi-con"]["parent"] == "khoi"
    assert committees["xa-a"]["parent"] is None
    assert committees["xa-a"]["name"] == "Đảng ủy xã A"
    assert committees["xa-a"]["units"] == 2
    assert committees["xa-a"]["summary"]["registration"] == {
        "on_time": 1,
        "extended": 0,
        "late": 1,
        "missing": 0,
    }
    # The bloc committee follows its sub-committee's organisation too.
    assert committees["khoi"]["units"] == 2
    assert committees["khoi"]["summary"]["registered"] == 1
    assert set(committees["xa-b"]["summary"]) == set(data["summary"])
    assert data["summary"]["units"] == 6
    units = {u["code"]: u for u in data["units"]}
    assert units["kc-1"]["committee"] == "khoi-con"
    assert units["doc-lap"]["committee"] is None


def test_the_2023_status_json_is_unchanged() -> None:
    golden = json.loads((PROJECT / "tests/golden/status-2023.json").read_text(encoding="utf-8"))
    out = _status_of_project("2023", "2024-01-15T00:00:00+07:00")
    assert out == golden
    assert "committees" not in out


def _status_of_project(year: str, now: str) -> dict[str, Any]:
    import subprocess
    import sys

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sangtao",
            "status",
            "--cycle",
            year,
            "--now",
            now,
            "--format",
            "json",
        ],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)  # type: ignore[no-any-return]


# --- committees' own models and their deadline ------------------------------------------


def test_an_intermediate_committee_registers_its_own_model_by_its_deadline(
    province: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    province.write("submissions/2027/xa-a/dang-ky.yaml", dump(registration("xa-a", 2027)))
    province.commit("Đảng ủy xã A đăng ký", "2027-03-10T09:00:00+07:00")  # after dang_ky
    province.write("submissions/2027/xa-b/dang-ky.yaml", dump(registration("xa-b", 2027)))
    province.commit("Đảng ủy xã B đăng ký", "2027-03-20T09:00:00+07:00")  # after dang_ky_cap_uy
    assert problems_of(province.root) == []
    data = status_json(province, "2027-04-01T00:00:00+07:00", capsys)
    own = {c["code"]: c["own_model"] for c in data["committees"]}
    assert own["xa-a"]["registration"]["state"] == "on_time"
    assert own["xa-a"]["registration"]["deadline"] == "2027-03-15T23:59:59+07:00"
    assert own["xa-b"]["registration"]["state"] == "late"
    assert own["khoi"]["registration"]["state"] == "missing"
    assert own["khoi"]["registration"]["overdue"] is True
    # Own models are not organisations: the cycle's counts do not include them.
    assert data["summary"]["units"] == 6


def gate(
    repo: Repo, actor: str, now: str, capsys: pytest.CaptureFixture[str]
) -> list[tuple[str, str]]:
    args = ["--root", str(repo.root), "check", "--base", "main", "--format", "json"]
    cli.main([*args, "--now", now, "--actor", actor])
    return [(p["path"], p["rule"]) for p in json.loads(capsys.readouterr().out)]


def _registration_pr(repo: Repo, folder: str, when: str) -> str:
    """A branch `pr` adding the 2027 registration of ``folder``: its path."""
    repo.git("checkout", "--quiet", "-b", "pr")
    rel = f"submissions/2027/{folder}/dang-ky.yaml"
    repo.write(rel, dump(registration(folder, 2027)))
    repo.commit(f"Đăng ký {folder}", when)
    return rel


def test_the_gate_holds_a_committee_to_its_own_deadline_and_folder(
    province: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    own = _registration_pr(province, "xa-a", "2027-03-10T09:00:00+07:00")
    assert gate(province, "vp-xa-a", "2027-03-10T02:00:00Z", capsys) == []
    assert gate(province, "vp-xa-a", "2027-03-16T02:00:00Z", capsys) == [(own, "gate.late")]
    assert gate(province, "vp-xa-b", "2027-03-10T02:00:00Z", capsys) == [(own, "gate.not-owner")]


def test_a_committee_does_not_submit_for_its_organisations(
    province: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    rel = _registration_pr(province, "a-1", "2027-02-10T09:00:00+07:00")
    assert gate(province, "vp-a-1", "2027-02-10T02:00:00Z", capsys) == []
    assert gate(province, "vp-xa-a", "2027-02-10T02:00:00Z", capsys) == [(rel, "gate.not-owner")]
    text = render(read_corpus(province.root).roster_for(2027))  # type: ignore[arg-type]
    # Organisations', committees' and answers' folders are judged by the gate alone (no code
    # owner, so a submission merges by itself); the rosters and the cycle are the board's.
    assert "*  @btc-tinh\n/submissions/*/*/\n" in text
    assert "/submissions/*/a-1/" not in text
    assert "/submissions/*/dot.yaml  @btc-tinh\n" in text
    assert "/submissions/*/don-vi/  @btc-tinh\n" in text


# --- a committee answers its own organisations' difficulties -----------------------------


def test_a_committee_answers_only_its_own_organisations(
    province: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    for unit in ("a-1", "b-1"):
        province.write(f"submissions/2027/{unit}/dang-ky.yaml", dump(registration(unit, 2027)))
        province.write(
            f"submissions/2027/{unit}/tien-do/2027-05-01.yaml", dump(progress(unit, 2027))
        )
    province.commit("Tiến độ", "2027-05-01T09:00:00+07:00")
    province.git("checkout", "--quiet", "-b", "pr")
    answers_file = "submissions/2027/giai-dap/xa-a.yaml"
    province.write(
        answers_file,
        dump(
            answers(
                answer("a-1/tien-do/2027-05-01.yaml", nguoi_tra_loi="vp-xa-a", ngay="2027-05-03"),
                answer("b-1/tien-do/2027-05-01.yaml", nguoi_tra_loi="vp-xa-a", ngay="2027-05-03"),
                answer("a-1/tien-do/2027-05-01.yaml", nguoi_tra_loi="vp-xa-b", ngay="2027-05-03"),
            )
        ),
    )
    province.commit("Trả lời", "2027-05-03T09:00:00+07:00")
    found = problems_of(province.root)
    assert [p for p in found if p.startswith(answers_file)] == [
        f"{answers_file}:{line}: {rule}"
        for line, rule in ((8, "answers.outside-committee"), (17, "answers.not-admin"))
    ]
    ownership = gate(province, "vp-xa-a", "2027-05-03T02:00:00Z", capsys)
    assert (answers_file, "gate.not-owner") not in ownership
    assert (answers_file, "gate.board-only") not in ownership
    assert (answers_file, "gate.not-owner") in gate(
        province, "vp-xa-b", "2027-05-03T02:00:00Z", capsys
    )


# --- the issuer's words are data ---------------------------------------------------------


def test_issuer_words_come_from_the_cycle_or_are_neutral() -> None:
    named = Cycle.from_data(province_cycle())
    assert named.issuer().board == "Ban Tổ chức Tỉnh ủy"
    assert named.issuer().standing == "Ban Thường vụ Tỉnh ủy"
    assert named.letter == "Kế hoạch 15-KH/TU"
    plain = Cycle.from_data(cycle(2027, can_cu=[{**cycle()["can_cu"][0], "so": "7/QĐ"}]))
    words = plain.issuer()
    assert words == Issuer()
    assert (words.board, words.short, plain.letter) == (
        "cơ quan tham mưu",
        "cấp ủy",
        "Văn bản 7/QĐ",
    )
    assert Cycle.from_data(cycle()).letter == "Công văn 833-CV/HU"


def test_a_province_roster_of_6000_organisations_in_150_committees_checks(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(PROJECT / "schema", tmp_path / "schema")
    committees = [f"xa-{i:03d}" for i in range(150)]
    main = province_roster(
        cap_uy_truc_thuoc=[
            {"ma": c, "ten": f"Đảng ủy xã số {i}", "loai": "dang-uy-xa", "tai_khoan": [f"vp-{c}"]}
            for i, c in enumerate(committees)
        ],
        don_vi=[],
    )
    del main["don_vi"]
    root = tmp_path / "submissions"
    (root / "2027/don-vi").mkdir(parents=True)
    (root / "2027/don-vi.yaml").write_text(dump(main), encoding="utf-8")
    (root / "2027/dot.yaml").write_text(dump(province_cycle()), encoding="utf-8")
    for c in committees:
        units = [_unit(f"{c}-cb-{j:02d}") for j in range(40)]
        (root / f"2027/don-vi/{c}.yaml").write_text(dump({"don_vi": units}), encoding="utf-8")
    corpus = read_corpus(tmp_path)
    assert [p.text() for p in corpus.problems] == []
    roster = corpus.roster_for(2027)
    assert roster is not None and len(roster.units) == 6000 and len(roster.committees) == 150


def test_no_issuer_is_written_into_the_program() -> None:
    """ "Huyện ủy", "huyện" and the 2023 letter live in data: in the program they may stand only
    in comments and docstrings (as examples), never in code, messages or templates."""
    import ast
    import io
    import re
    import tokenize

    words = re.compile(r"Huyện ủy|huyện|833-CV/HU", re.IGNORECASE)
    found = []
    package = PROJECT / "scripts/sangtao"
    for path in sorted(package.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        docstrings = {
            node.body[0].value.lineno
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
            and isinstance(node.body[0].value.value, str)
        }
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.COMMENT or (
                token.type == tokenize.STRING and token.start[0] in docstrings
            ):
                continue
            if words.search(token.string):
                found.append(f"{path.relative_to(PROJECT)}:{token.start[0]}: {token.string[:60]}")
    for path in sorted((package / "site/templates").rglob("*")):
        if path.is_file():
            text = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S)
            found += [f"{path.relative_to(PROJECT)}: {m.group()}" for m in words.finditer(text)]
    assert found == []
