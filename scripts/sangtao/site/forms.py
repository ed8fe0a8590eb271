"""The forms: one page per document a unit submits, for the current cycle, built from its schema.

A page carries, as JSON, everything its form needs: the schema, the cycle, the units and the
models they registered, and the forge's address. ``docs/javascripts/bieu-mau.js`` turns the
schema into fields, checks them as ``sangtao check`` would, and writes the YAML text with its
file name. Nothing leaves the clerk's computer: they copy or download the text, or open the
forge's new-file page with it filled in, and the pull request the forge creates is the
submission. Pure functions, like the other page generators: a ``SiteContext`` in, pages out
(``templates/forms/``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sangtao.documents import Registration
from sangtao.labels import days_left, vn_datetime
from sangtao.layout import Kind
from sangtao.site.context import SiteContext
from sangtao.site.render import Rendered, json_for_html, render_page
from sangtao.site.results import own_model_words
from sangtao.status import CycleStatus, ModelStatus

INDEX = "bieu-mau/index.md"
BRANCH = "main"
GUIDE = "huong-dan/nop-ho-so.md"


@dataclass(frozen=True)
class Form:
    schema: str  # the schema's name, also the page's name: bieu-mau/<schema>.md
    kind: Kind  # the document kind in status and deadlines
    name: str  # what the clerk calls it
    file: str  # where the file goes inside the model's folder (its purpose: forms/_purpose.html)


FORMS = (
    Form(
        "dang-ky",
        Kind.REGISTRATION,
        "Đăng ký mô hình",
        "dang-ky.yaml",
    ),
    Form(
        "tien-do",
        Kind.PROGRESS,
        "Báo cáo tiến độ",
        "tien-do/<năm-tháng-ngày>.yaml",
    ),
    Form(
        "bao-cao",
        Kind.REPORT,
        "Báo cáo kết quả",
        "bao-cao.yaml",
    ),
)


def form_src(form: Form) -> str:
    return f"bieu-mau/{form.schema}.md"


def form_pages(ctx: SiteContext) -> dict[str, Rendered]:
    status = ctx.statuses.get(ctx.current) if ctx.current is not None else None
    if status is None:
        return {INDEX: render_page("forms/none.html", "Biểu mẫu nộp hồ sơ")}
    pages = {INDEX: index_page(ctx, status)}
    for form in FORMS:
        pages[form_src(form)] = form_page(ctx, status, form)
    return pages


def _deadline_text(status: CycleStatus, form: Form) -> str:
    if form.kind not in (Kind.REGISTRATION, Kind.REPORT):
        return "không có hạn riêng, gửi trong thời gian thực hiện đã đăng ký"
    deadline = status.cycle.deadline(form.kind)
    return f"{vn_datetime(deadline)} ({days_left(deadline, status.now)})"


def index_page(ctx: SiteContext, status: CycleStatus) -> Rendered:
    return render_page(
        "forms/index.html",
        "Biểu mẫu nộp hồ sơ",
        here=INDEX,
        year=status.cycle.year,
        forms=[(form_src(f), f, _deadline_text(status, f).capitalize()) for f in FORMS],
        forge=bool(ctx.repo_url),
        guide=GUIDE,
    )


def _registered(model: ModelStatus) -> dict[str, Any] | None:
    """What a form needs to know about a model already registered in this cycle."""
    document = model.document
    if document is None or not document.valid or not isinstance(document.data, dict):
        return None
    period = Registration.of(document).period
    return {
        "ca_nhan": model.person,
        "ho_ten": model.person_name or None,
        "ten_mo_hinh": model.title,
        "tu_ngay": period.start if period else None,
        "den_ngay": period.end if period else None,
    }


def form_data(ctx: SiteContext, status: CycleStatus, form: Form) -> dict[str, Any]:
    cycle = status.cycle
    units = []
    for unit_status in status.units:
        models = [
            found
            for model in (unit_status.collective, *unit_status.individuals)
            if (found := _registered(model)) is not None
        ]
        units.append({"ma": unit_status.unit.code, "ten": unit_status.unit.name, "mo_hinh": models})
    if form.schema == "dang-ky":
        # A committee registers its own model with the level above through the same form.
        for model, own in own_model_words(status):
            registered = _registered(model)
            units.append(
                {
                    "ma": model.unit,
                    "ten": f"{own.name} (mô hình của cấp ủy)",
                    "mo_hinh": [registered] if registered else [],
                }
            )
    return {
        "loai": form.schema,
        "schema": ctx.schemas[form.schema].document,
        "nam": cycle.year,
        "khung": [cycle.window[0].isoformat(), cycle.window[1].isoformat()],
        "don_vi": units,
        "kho": ctx.repo_url.rstrip("/") if ctx.repo_url else None,
        "nhanh": BRANCH,
    }


def form_page(ctx: SiteContext, status: CycleStatus, form: Form) -> Rendered:
    return render_page(
        "forms/form.html",
        f"{form.name} năm {status.cycle.year}",
        here=form_src(form),
        form=form,
        deadline=_deadline_text(status, form),
        data=form_data(ctx, status, form),
        guide=GUIDE,
        index=INDEX,
    )


__all__ = ["FORMS", "Form", "form_pages", "json_for_html"]
