"""`sangtao status` as plain text for a terminal: one line per model."""

from __future__ import annotations

from sangtao.labels import days_left, state_label, vn_datetime
from sangtao.layout import Kind
from sangtao.status import CycleStatus, DocumentStatus, ModelStatus


def _state(status: DocumentStatus) -> str:
    return state_label(status.state, status.overdue, status.provisional)


def _row(model: ModelStatus, name: str) -> str:
    percent = f"{model.latest_percent}%" if model.latest_percent is not None else "—"
    flag = " (có lỗi)" if not (model.registration.valid and model.report.valid) else ""
    return (
        f"  {name}{flag}: đăng ký {_state(model.registration)}; tiến độ {percent}; "
        f"báo cáo {_state(model.report)}"
    )


def status_text(status: CycleStatus) -> str:
    cycle = status.cycle
    registration, report = cycle.deadline(Kind.REGISTRATION), cycle.deadline(Kind.REPORT)
    lines = [
        cycle.name,
        f"Hạn đăng ký {vn_datetime(registration)} ({days_left(registration, status.now)}); "
        f"hạn báo cáo {vn_datetime(report)} ({days_left(report, status.now)})",
        f"Đã đăng ký {status.registered}/{len(status.units)} đơn vị: "
        + ", ".join(f"{state_label(s)} {n}" for s, n in status.counts.items()),
        f"Đã báo cáo {status.reported}/{len(status.units)} đơn vị; "
        f"{len(status.open_difficulties())} khó khăn chưa giải quyết",
    ]
    for committee in status.committees:
        lines.append(
            f"  {committee.committee.name} [{committee.committee.code}]: "
            f"đăng ký {committee.registered}/{len(committee.units)}, "
            f"báo cáo {committee.reported}/{len(committee.units)}, "
            f"{len(committee.open_difficulties())} khó khăn chưa giải quyết"
            + (
                f"; mô hình của cấp ủy: {_state(committee.own.registration)}"
                if committee.own
                else ""
            )
        )
    for unit in status.units:
        lines.append(_row(unit.collective, f"{unit.unit.name} [{unit.unit.code}]"))
        for model in unit.individuals:
            lines.append(_row(model, f"    {model.person_name or model.person} (cá nhân)"))
    return "\n".join(lines)
