"""The typed documents (decision 66): one vocabulary from YAML keys to English fields."""

from __future__ import annotations

import dataclasses

import pytest

from sangtao.documents import Answers, Progress, Registration, Report, ScoreSheet
from sangtao.layout import Kind
from sangtao.model import Cycle, Document, RosterFile


def test_a_field_path_gives_the_yaml_path_the_loader_records_lines_by() -> None:
    assert Registration.yaml_path("period", "end") == ("thoi_gian_thuc_hien", "den_ngay")
    assert Report.yaml_path("evidence", 3, "file") == ("minh_chung", 3, "tep")
    assert ScoreSheet.yaml_path("scores", 0, "points") == ("diem", 0, "diem")
    assert Answers.yaml_path("replies", 1, "by") == ("tra_loi", 1, "nguoi_tra_loi")
    assert Cycle.yaml_path("appraisal", "team", 2, "home_unit") == (
        "tham_dinh",
        "to_tham_dinh",
        2,
        "don_vi",
    )
    assert Cycle.yaml_path("deadlines", Kind.REPORT) == ("han", "bao_cao")
    assert RosterFile.yaml_path("committees", 0, "parent") == ("cap_uy_truc_thuoc", 0, "truc_thuoc")


def test_an_unknown_field_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        Registration.yaml_path("ten_mo_hinh")


def test_a_document_that_failed_its_schema_still_reads_as_far_as_it_can() -> None:
    registration = Registration.from_data(
        {"ten_mo_hinh": 42, "linh_vuc": "kinh-te", "ca_nhan": "nguyen-van-a", "nguoi_ky": {}}
    )
    assert (registration.title, registration.sector) == ("", "kinh-te")
    assert registration.person is None and registration.period is None
    assert registration.signer is not None and registration.signer.name == ""
    progress = Progress.from_data({"phan_tram": True, "kho_khan": ["Thiếu vốn", 7]})
    assert progress.percent is None
    assert progress.difficulties == ("Thiếu vốn", "")
    report = Report.from_data({"minh_chung": ["a.pdf", {"tep": "b.pdf"}], "ket_qua": "nhiều"})
    assert [e.file for e in report.evidence] == ["b.pdf"] and report.listed_evidence == 2
    assert report.results == () and report.listed_results == 0
    assert Report.from_data("không phải một bảng").evidence == ()


def test_a_body_is_built_once_per_document_and_cannot_change() -> None:
    document = Document(
        "submissions/2023/a/tien-do/2023-05-01.yaml",
        Kind.PROGRESS,
        2023,
        "a",
        None,
        {"ngay": "2023-05-01", "phan_tram": 40},
        True,
    )
    body = Progress.of(document)
    assert document.body is body and body.percent == 40
    assert not hasattr(body, "__dict__")  # slots
    with pytest.raises(dataclasses.FrozenInstanceError):
        body.percent = 50  # type: ignore[misc]
    with pytest.raises(TypeError):
        Registration.of(document)
