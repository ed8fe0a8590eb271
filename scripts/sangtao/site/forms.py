"""The forms: one page per document a unit submits, for the current cycle, built from its schema.

A page carries, as JSON, everything its form needs: the schema, the cycle, the units and the
models they registered (or, in a province's long list, its committees, each one's units in a data
file: ``form_units``), and the forge's address. ``docs/javascripts/bieu-mau.js`` turns the
schema into fields, checks them as ``sangtao check`` would, and writes the YAML text with its
file name. Nothing leaves the clerk's computer: they copy or download the text, or open the
forge's new-file page with it filled in, and the pull request the forge creates is the
submission. Pure functions, like the other page generators: a ``SiteContext`` in, pages out
(``templates/forms/``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sangtao.labels import days_left, vn_datetime
from sangtao.layout import Kind
from sangtao.site.context import SCORE_FORM_SRC, SiteContext
from sangtao.site.form_units import data_src, groups, registered, split, unit_entry
from sangtao.site.html import href
from sangtao.site.render import Rendered, json_for_html, render_page
from sangtao.site.results import own_model_words
from sangtao.status import CycleStatus

INDEX = "bieu-mau/index.md"
BRANCH = "main"
GUIDE = "huong-dan/nop-ho-so.md"


@dataclass(frozen=True)
class Step:
    name: str
    keys: tuple[str, ...]  # the schema's top-level keys shown in this step


@dataclass(frozen=True)
class Form:
    schema: str  # the schema's name, also the page's name: bieu-mau/<schema>.md
    kind: Kind  # the document kind in status and deadlines
    name: str  # what the clerk calls it
    file: str  # where the file goes inside the model's folder (its purpose: forms/_purpose.html)
    # A long form in steps (decision 63); a key no step names goes into the last one.
    steps: tuple[Step, ...] = ()


FORMS = (
    Form(
        "dang-ky",
        Kind.REGISTRATION,
        "Đăng ký mô hình",
        "dang-ky.yaml",
        (
            Step("Đơn vị và mô hình", ("don_vi", "nam", "ca_nhan", "ten_mo_hinh", "linh_vuc")),
            Step("Nội dung", ("y_tuong", "diem_moi", "muc_tieu", "giai_phap")),
            Step(
                "Thời gian, người phụ trách",
                ("thoi_gian_thuc_hien", "nguoi_phu_trach", "ket_qua_du_kien"),
            ),
            Step("Văn bản, người ký", ("ngay_van_ban", "so_van_ban", "nguoi_ky")),
        ),
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
        (
            Step("Đơn vị và mô hình", ("don_vi", "nam", "ten_mo_hinh")),
            Step("Quá trình và kết quả", ("qua_trinh_thuc_hien", "ket_qua")),
            Step(
                "Hiệu quả, bài học",
                ("hieu_qua", "kha_nang_nhan_rong", "han_che", "bai_hoc", "kien_nghi"),
            ),
            Step(
                "Minh chứng, văn bản",
                ("minh_chung", "de_nghi_khen_thuong", "ngay_van_ban", "so_van_ban", "nguoi_ky"),
            ),
        ),
    ),
)


# The appraisers' score sheet: its fields come from the cycle's rubric (decision 65).
SCORE = Form(
    "phieu-cham",
    Kind.SCORE,
    "Phiếu chấm điểm",
    "tham-dinh/<mã đơn vị>/<tài khoản>.yaml",
)


def form_src(form: Form) -> str:
    src = f"bieu-mau/{form.schema}.md"
    assert form is not SCORE or src == SCORE_FORM_SRC
    return src


def forms_of(status: CycleStatus) -> tuple[Form, ...]:
    """The current cycle's forms; the score sheet once the cycle has its rubric."""
    return (*FORMS, SCORE) if status.cycle.appraisal is not None else FORMS


def form_pages(ctx: SiteContext) -> dict[str, Rendered]:
    status = ctx.statuses.get(ctx.current) if ctx.current is not None else None
    if status is None:
        return {INDEX: render_page("forms/none.html", "Biểu mẫu nộp hồ sơ")}
    pages = {INDEX: index_page(ctx, status)}
    for form in forms_of(status):
        pages[form_src(form)] = form_page(ctx, status, form)
    return pages


def _deadline_text(status: CycleStatus, form: Form) -> str:
    if form.kind not in (Kind.REGISTRATION, Kind.REPORT, Kind.SCORE):
        return "không có hạn riêng, gửi trong thời gian thực hiện đã đăng ký"
    deadline = status.cycle.deadline(form.kind)
    return f"{vn_datetime(deadline)} ({days_left(deadline, status.now)})"


def index_page(ctx: SiteContext, status: CycleStatus) -> Rendered:
    return render_page(
        "forms/index.html",
        "Biểu mẫu nộp hồ sơ",
        here=INDEX,
        year=status.cycle.year,
        forms=[(form_src(f), f, _deadline_text(status, f).capitalize()) for f in forms_of(status)],
        forge=bool(ctx.repo_url),
        guide=GUIDE,
    )


def _rubric(ctx: SiteContext, status: CycleStatus) -> dict[str, Any] | None:
    """What the score sheet needs of the cycle's appraisal: team, criteria, levels."""
    appraisal = status.cycle.appraisal
    if appraisal is None:
        return None
    return {
        "to": [
            {
                "tai_khoan": m.account,
                "ho_ten": m.name,
                "chuc_vu": m.position,
                # Units the member may not score: their own, declared, and those they submit for.
                "xung_dot": sorted(
                    {*([m.home_unit] if m.home_unit else []), *m.conflicts}
                    | ctx.roster_of(status.cycle.year).units_of(m.account)
                ),
            }
            for m in appraisal.team
        ],
        "tieu_chi": [
            {"ma": c.code, "ten": c.name, "diem_toi_da": c.maximum, "huong_dan": c.guidance}
            for c in appraisal.criteria
        ],
        "xep_loai": [
            {"ma": lv.code, "ten": lv.name, "tu_diem": lv.threshold}
            for lv in appraisal.classification
        ],
        "tong": appraisal.maximum,
    }


def form_data(ctx: SiteContext, status: CycleStatus, form: Form) -> dict[str, Any]:
    cycle = status.cycle
    units: list[dict[str, Any]] = []
    committees = None
    if split(ctx, status):
        # The committees only; each one's units load from its data file (decision 77).
        committees = [
            {
                "ma": g.code,
                "ten": g.label,
                "tep": href(form_src(form), data_src(cycle.year, g.code)),
            }
            for g, _ in groups(ctx, status)
        ]
    else:
        units = [unit_entry(u) for u in status.units]
    if form.kind is Kind.SCORE:
        units = [u for u in units if u["mo_hinh"]]  # only a registered model is scored
    if form.schema == "dang-ky":
        # A committee registers its own model with the level above through the same form.
        for model, own in own_model_words(status):
            found = registered(model)
            units.append(
                {
                    "ma": model.unit,
                    "ten": f"{own.name} (mô hình của cấp ủy)",
                    "mo_hinh": [found] if found else [],
                }
            )
    return {
        "loai": form.schema,
        "schema": ctx.schemas[form.schema].document,
        "nam": cycle.year,
        "khung": [cycle.window[0].isoformat(), cycle.window[1].isoformat()],
        "don_vi": units,
        "cap_uy": committees,
        "theo_khoi": committees is not None and not ctx.roster_of(cycle.year).hierarchical,
        "kho": ctx.repo_url.rstrip("/") if ctx.repo_url else None,
        "nhanh": BRANCH,
        "buoc": [{"ten": step.name, "muc": list(step.keys)} for step in form.steps],
        "tham_dinh": _rubric(ctx, status) if form.kind is Kind.SCORE else None,
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


__all__ = ["FORMS", "SCORE", "SCORE_FORM_SRC", "Form", "form_pages", "json_for_html"]
