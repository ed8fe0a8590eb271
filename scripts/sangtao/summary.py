"""The Markdown summary a CI job page shows (GitHub's $GITHUB_STEP_SUMMARY): in Vietnamese,
what was checked and, per problem, what to do. Problem texts quote what a unit wrote, so every
cell is escaped: the summary is rendered as Markdown by the forge."""

from __future__ import annotations

import re
from collections.abc import Sequence

from sangtao.gate import Verdict
from sangtao.labels import vn_datetime
from sangtao.problems import Problem
from sangtao.reporter import inert, notice_heading

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")


def md(text: object) -> str:
    return inert(_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " "))


def render_summary(
    problems: Sequence[Problem],
    files: int,
    verdict: Verdict | None,
    notices: Sequence[Problem] = (),
) -> str:
    lines = ["## Kết quả kiểm tra hồ sơ", ""]
    if verdict is not None:
        role = "quản trị (Ban Tổ chức)" if verdict.admin else "tài khoản đơn vị"
        who = (
            f"`{md(verdict.actor)}` — {role}"
            if verdict.actor
            else "không rõ (không kiểm tra quyền)"
        )
        lines += [
            f"- So với nhánh gốc: `{verdict.base[:10]}`",
            f"- Người gửi: {who}",
            f"- Thời điểm kiểm tra: {vn_datetime(verdict.now)}",
            f"- Thay đổi: {len(verdict.changes)} tệp; toàn bộ {files} tệp trong submissions/ đã được kiểm tra",
        ]
    else:
        lines.append(f"- Đã kiểm tra {files} tệp trong submissions/")
    lines.append("")
    if not problems:
        lines.append("**Không có lỗi.** Yêu cầu gộp có thể được hợp nhất.")
    else:
        lines += [
            f"**{len(problems)} lỗi** — sửa từng dòng dưới đây rồi đẩy lại (commit mới); "
            "máy sẽ tự kiểm tra lại.",
            "",
            *_table(problems),
        ]
    if notices:
        lines += [
            "",
            f"### {notice_heading(len(notices))}",
            "",
            "Cơ quan tham mưu hoặc đơn vị có tệp đó sửa bằng một yêu cầu gộp khác.",
            "",
            *_table(notices),
        ]
    return "\n".join(lines) + "\n"


def _table(problems: Sequence[Problem]) -> list[str]:
    lines = ["| Tệp | Dòng | Lỗi | Cách sửa |", "|---|---|---|---|"]
    for p in problems:
        lines.append(f"| {md(p.path)} | {p.line or ''} | {md(p.message)} | {md(p.hint)} |")
    return lines
