"""The forms: one page per document a unit submits, for the current cycle, built from its schema.

A page carries, as JSON, everything its form needs: the schema, the cycle, the units and the
models they registered, and the forge's address. ``docs/javascripts/bieu-mau.js`` turns the
schema into fields, checks them as ``sangtao check`` would, and writes the YAML text with its
file name. Nothing leaves the clerk's computer: they copy or download the text, or open the
forge's new-file page with it filled in, and the pull request the forge creates is the
submission. Pure functions, like the other page generators: a ``SiteContext`` in, pages out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sangtao.labels import days_left, vn_datetime
from sangtao.site.context import SiteContext
from sangtao.site.html import attr, esc, link, page, table
from sangtao.status import CycleStatus, ModelStatus

INDEX = "bieu-mau/index.md"
BRANCH = "main"
GUIDE = "huong-dan/nop-ho-so.md"


@dataclass(frozen=True)
class Form:
    schema: str  # the schema's name, also the page's name: bieu-mau/<schema>.md
    kind: str  # the document kind in status and deadlines
    name: str  # what the clerk calls it
    file: str  # where the file goes inside the model's folder
    purpose: str


FORMS = (
    Form(
        "dang-ky",
        "registration",
        "Đăng ký mô hình",
        "dang-ky.yaml",
        "Bản đăng ký mô hình mới, cách làm sáng tạo của tập thể hoặc của một cá nhân.",
    ),
    Form(
        "tien-do",
        "progress",
        "Báo cáo tiến độ",
        "tien-do/<năm-tháng-ngày>.yaml",
        "Gửi bất cứ lúc nào trong thời gian thực hiện: việc đã làm, khó khăn, vướng mắc "
        "cần Ban Tổ chức Huyện ủy tháo gỡ.",
    ),
    Form(
        "bao-cao",
        "report",
        "Báo cáo kết quả",
        "bao-cao.yaml",
        "Báo cáo kết quả thực hiện theo mẫu của Hướng dẫn 09-HD/BTCTU, để được thẩm định.",
    ),
)


def form_src(form: Form) -> str:
    return f"bieu-mau/{form.schema}.md"


def form_pages(ctx: SiteContext) -> dict[str, str]:
    status = ctx.statuses.get(ctx.current) if ctx.current is not None else None
    if status is None:
        return {
            INDEX: page(
                "Biểu mẫu nộp hồ sơ",
                "<h1>Biểu mẫu nộp hồ sơ</h1>",
                "<p>Chưa có đợt nào đang mở (thiếu submissions/&lt;năm&gt;/dot.yaml), "
                "nên chưa có biểu mẫu.</p>",
            )
        }
    pages = {INDEX: index_page(ctx, status)}
    for form in FORMS:
        pages[form_src(form)] = form_page(ctx, status, form)
    return pages


def _deadline_text(status: CycleStatus, form: Form) -> str:
    if form.kind not in ("registration", "report"):
        return "không có hạn riêng, gửi trong thời gian thực hiện đã đăng ký"
    deadline = status.cycle.deadline(form.kind)
    return f"{vn_datetime(deadline)} ({days_left(deadline, status.now)})"


def index_page(ctx: SiteContext, status: CycleStatus) -> str:
    year = status.cycle.year
    rows = [
        [
            link(INDEX, form_src(form), esc(form.name)),
            esc(form.purpose),
            f"<code>{esc(form.file)}</code>",
            esc(_deadline_text(status, form).capitalize()),
        ]
        for form in FORMS
    ]
    forge = (
        "mở trang tạo tệp trên máy chủ Git của huyện với nội dung điền sẵn"
        if ctx.repo_url
        else "dán vào trang tạo tệp trên máy chủ Git của huyện"
    )
    return page(
        "Biểu mẫu nộp hồ sơ",
        "<h1>Biểu mẫu nộp hồ sơ</h1>",
        f"<p>Điền biểu mẫu ngay trên trang web, không cần biết YAML. Khi bấm «Kiểm tra và tạo "
        f"tệp», trang kiểm tra từng mục như máy kiểm tra của Ban Tổ chức, rồi tạo sẵn nội dung "
        f"tệp và tên tệp để đồng chí sao chép, tải về, hoặc {esc(forge)}. Biểu mẫu của "
        f"đợt năm {year}.</p>",
        table(["Biểu mẫu", "Dùng để", "Tệp", "Hạn nộp"], rows),
        "<p>Biểu mẫu chạy hoàn toàn trên máy của đồng chí: nội dung không được gửi đi đâu cho "
        "đến khi đồng chí tự nộp. Trang vẫn dùng được khi không có mạng (mở từ USB). "
        f"Cách nộp từng bước xem ở {link(INDEX, GUIDE, 'Cách nộp hồ sơ')}.</p>",
    )


def _registered(model: ModelStatus) -> dict[str, Any] | None:
    """What a form needs to know about a model already registered in this cycle."""
    document = model.document
    if document is None or not document.valid or not isinstance(document.data, dict):
        return None
    period = document.data.get("thoi_gian_thuc_hien") or {}
    return {
        "ca_nhan": model.person,
        "ho_ten": model.person_name or None,
        "ten_mo_hinh": model.title,
        "tu_ngay": period.get("tu_ngay"),
        "den_ngay": period.get("den_ngay"),
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
    return {
        "loai": form.schema,
        "schema": ctx.schemas[form.schema].document,
        "nam": cycle.year,
        "khung": [cycle.window[0].isoformat(), cycle.window[1].isoformat()],
        "don_vi": units,
        "kho": ctx.repo_url.rstrip("/") if ctx.repo_url else None,
        "nhanh": BRANCH,
    }


def json_for_html(data: Any) -> str:
    """JSON that can sit inside <script>: no '<' at all, so no '</script>' and no '<!--'."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def form_page(ctx: SiteContext, status: CycleStatus, form: Form) -> str:
    here = form_src(form)
    year = status.cycle.year
    title = f"{form.name} năm {year}"
    return page(
        title,
        f"<h1>{esc(title)}</h1>",
        f"<p>{esc(form.purpose)} Hạn nộp: {esc(_deadline_text(status, form))}.</p>",
        "<p>Mục có dấu <strong>*</strong> là bắt buộc. Điền xong, bấm «Kiểm tra và tạo tệp» ở "
        "cuối trang. Biểu mẫu không gửi gì đi: nội dung chỉ rời máy khi đồng chí tự nộp. "
        f"Xem thêm {link(here, GUIDE, 'Cách nộp hồ sơ')} · "
        f"{link(here, INDEX, 'các biểu mẫu khác')}.</p>",
        '<noscript><div class="admonition warning"><p class="admonition-title">Cần bật '
        "JavaScript</p><p>Biểu mẫu cần JavaScript để chạy. Bật JavaScript trong trình duyệt, "
        "hoặc soạn tệp theo mẫu ở trang Cách nộp hồ sơ.</p></div></noscript>",
        f'<script type="application/json" id="bieu-mau-du-lieu">'
        f"{json_for_html(form_data(ctx, status, form))}</script>",
        f'<div id="bieu-mau" class="bm" data-kind="{attr(form.schema)}"></div>',
    )
