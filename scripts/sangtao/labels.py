"""Vietnamese words for states, kinds and dates: the one vocabulary of the text output, the
site and the exports (keys are the values of status.py and appraisal.py)."""

from __future__ import annotations

import datetime as dt

from sangtao.layout import Kind
from sangtao.model import TZ, Issuer, State

STATE_LABELS = {
    "on_time": "Đúng hạn",
    "extended": "Được gia hạn",
    "late": "Trễ hạn",
    "missing": "Chưa nộp",
}
# The colour (CSS class) of a state in the charts.
STATE_COLOURS = {
    "on_time": "#43a047",
    "extended": "#1e88e5",
    "late": "#fb8c00",
    "missing": "#e53935",
}
APPRAISAL_LABELS = {
    "appraisable": "Đủ điều kiện thẩm định",
    "not_appraisable": "Không thẩm định",
    "pending": "Chưa đủ hồ sơ",
}
# The state badge colour that stands for an appraisal decision or an eligibility.
APPRAISAL_CSS = {"appraisable": "on_time", "not_appraisable": "missing", "pending": "extended"}
ELIGIBILITY_LABELS = {
    "eligible": "Đủ điều kiện",
    "not_eligible": "Không đủ điều kiện",
    "undecided": "Chưa xác định",
    "waiting": "Chờ công bố kết quả thẩm định",
}
ELIGIBILITY_CSS = {
    "eligible": "on_time",
    "not_eligible": "missing",
    "undecided": "extended",
    "waiting": "extended",
}
DEADLINE_NAMES = {
    "dang_ky": "Đăng ký mô hình",
    "bao_cao": "Báo cáo kết quả",
    "tham_dinh": "Thẩm định",
    "dang_ky_cap_uy": "Cấp ủy trực thuộc đăng ký mô hình của mình",
}
OWN_DEADLINE_KEYS = ("dang_ky_cap_tren", "dang_ky_cap_huyen")  # the root's own, with its superior


def deadline_name(key: str, issuer: Issuer) -> str:
    """A deadline's name in the cycle's words for its issuer."""
    if key in OWN_DEADLINE_KEYS:
        return f"{issuer.short[:1].upper()}{issuer.short[1:]} đăng ký mô hình của mình với {issuer.superior_board}"
    return DEADLINE_NAMES.get(key, key)


# A document kind as a verb phrase ("Đã đăng ký", "chưa báo cáo kết quả").
KIND_WORDS = {Kind.REGISTRATION: "đăng ký", Kind.REPORT: "báo cáo kết quả"}
EXTENSION_DOCUMENTS = {"dang-ky": "Đăng ký", "bao-cao": "Báo cáo kết quả"}
RECEIPT_FORMS = {
    "ban-giay": "bản giấy",
    "thu-dien-tu": "thư điện tử",
    "dinh-chinh": "đính chính",
    "truc-tiep": "nộp trực tiếp",
}
EFFECT_NAMES = {"chinh_tri": "Về chính trị", "kinh_te": "Về kinh tế", "xa_hoi": "Về xã hội"}


def state_label(state: str, overdue: bool = False, provisional: bool = False) -> str:
    if provisional:
        return "Đã nộp, chờ hợp nhất"
    if state == State.MISSING and overdue:
        return "Quá hạn, chưa nộp"
    return STATE_LABELS[state]


def vn_date(value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        value = value.astimezone(TZ).date()
    return value.strftime("%d/%m/%Y")


def vn_datetime(value: dt.datetime) -> str:
    local = value.astimezone(TZ)
    return f"{local:%H:%M} ngày {local:%d/%m/%Y}"


def vn_long_date(value: dt.date) -> str:
    return f"ngày {value.day:02d} tháng {value.month:02d} năm {value.year}"


def days_left(deadline: dt.datetime, now: dt.datetime) -> str:
    """“còn 12 ngày”, “hôm nay là hạn cuối”, “đã qua 3 ngày”: calendar days in Vietnam."""
    days = (deadline.astimezone(TZ).date() - now.astimezone(TZ).date()).days
    if now > deadline:
        return "đã hết hạn" if days == 0 else f"đã qua {-days} ngày"
    if days == 0:
        return "hôm nay là hạn cuối"
    return f"còn {days} ngày"


_SWAP_SEPARATORS = str.maketrans(",.", ".,")


def vn_number(value: float, decimals: int = 2) -> str:
    """A number as Vietnamese documents write it: a decimal comma and a dot between
    thousands, no trailing zeros (93.33 → «93,33», 1234.5 → «1.234,5», 90.0 → «90»)."""
    rounded = round(float(value), decimals)
    if rounded == int(rounded):
        text = f"{int(rounded):,}"
    else:
        text = f"{rounded:,.{decimals}f}".rstrip("0")
    return text.translate(_SWAP_SEPARATORS)
