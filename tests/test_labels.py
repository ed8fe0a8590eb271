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
