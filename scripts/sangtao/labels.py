"""Vietnamese words for states and dates, shared by the text output and the site."""

from __future__ import annotations

import datetime as dt

from sangtao.model import TZ

STATE_LABELS = {
    "on_time": "Đúng hạn",
    "extended": "Được gia hạn",
    "late": "Trễ hạn",
    "missing": "Chưa nộp",
}


def state_label(state: str, overdue: bool = False, provisional: bool = False) -> str:
    if provisional:
        return "Đã nộp, chờ hợp nhất"
    if state == "missing" and overdue:
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
