"""`sangtao status` as a plain-text table for a terminal."""

from __future__ import annotations

from sangtao.labels import days_left, state_label, vn_datetime
from sangtao.status import CycleStatus, ModelStatus


def _row(model: ModelStatus, name: str) -> str:
    reg = model.registration
    when = (
        vn_datetime(reg.receipt.at)
        if reg.receipt
        else ("chưa vào nhánh chính" if reg.provisional else "—")
    )
    label = state_label(reg.state, reg.overdue, reg.provisional)
    flag = " (có lỗi)" if not reg.valid else ""
    return f"  {model.key:<34} {label:<18} {when:<22} {name}{flag}"


def status_text(status: CycleStatus) -> str:
    cycle = status.cycle
    deadline = cycle.deadline("registration")
    lines = [
        f"{cycle.name} — hạn đăng ký {vn_datetime(deadline)} ({days_left(deadline, status.now)})",
        f"Đã đăng ký {status.registered}/{len(status.units)} đơn vị: "
        + ", ".join(f"{state_label(s)} {n}" for s, n in status.counts.items()),
    ]
    for unit in status.units:
        lines.append(_row(unit.collective, unit.unit.name))
        for model in unit.individuals:
            lines.append(_row(model, f"{model.person_name} (cá nhân)"))
    return "\n".join(lines)
