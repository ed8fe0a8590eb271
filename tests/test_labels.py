"""Vietnamese words and numbers shared by the CLI, exports and pages."""

from __future__ import annotations

import pytest

from sangtao.labels import vn_number


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (93.333, "93,33"),
        (90.0, "90"),
        (1234.5, "1.234,5"),
        (0.5, "0,5"),
        (1_000_000, "1.000.000"),
        (-2.25, "-2,25"),
    ],
)
def test_decimal_comma_and_thousands_dot(value: float, text: str) -> None:
    assert vn_number(value) == text


def test_fix_it_examples_are_dated_in_the_documents_year(tmp_path: object) -> None:
    """A 2027 file with a wrong date is shown a 2027 example, not the schema's 2023 one."""
    from pathlib import Path

    from sangtao.loader import load_bytes
    from sangtao.validation import SchemaSet, schema_problems

    from conftest import PROJECT

    schema = SchemaSet(Path(PROJECT) / "schema")["tien-do"]
    text = "don_vi: loc-an\nnam: 2027\nngay: 2027-6-15\nphan_tram: 10\nda_lam: Đã họp chi bộ.\nnguoi_bao_cao:\n  ho_ten: Lê Văn A\n  chuc_vu: Bí thư\n"
    problems = schema_problems("x.yaml", schema, load_bytes(text.encode(), positions=True))
    hints = " ".join(p.hint for p in problems)
    assert "ví dụ `ngay: 2027-06-15`" in hints and "2023-" not in hints
