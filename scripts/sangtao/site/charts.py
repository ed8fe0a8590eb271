"""Static SVG charts drawn at build time: no script, no CDN, readable offline and on paper.
Every chart has its numbers in a table beside it on the page (screen readers, print, Excel)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from sangtao.site.html import attr, esc
from sangtao.status import EXTENDED, LATE, MISSING, ON_TIME, CycleStatus

COLOURS = {ON_TIME: "#43a047", EXTENDED: "#1e88e5", LATE: "#fb8c00", MISSING: "#e53935"}
LABELS = {ON_TIME: "Đúng hạn", EXTENDED: "Được gia hạn", LATE: "Trễ hạn", MISSING: "Chưa nộp"}
FONT = 'font-family="Roboto, Noto Sans, Arial, sans-serif" font-size="12"'


def _svg(width: int, height: int, title: str, body: str) -> str:
    return (
        f'<svg class="sangtao-chart" role="img" aria-label="{attr(title)}" viewBox="0 0 {width} {height}" '
        f'width="100%" style="max-width:{width}px" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{esc(title)}</title>{body}</svg>"
    )


def compliance_by_block(status: CycleStatus, kind: str, blocks: dict[str, str], title: str) -> str:
    """One stacked bar per block: on time, extended, late, missing, as shares of the block's units."""
    counts = status.by_block_of(kind)
    order = [b for b in blocks if b in counts] + [b for b in counts if b not in blocks]
    label_width, bar_width, row = 250, 400, 26
    height = row * len(order) + 44
    parts = []
    for index, block in enumerate(order):
        y = 8 + index * row
        total = sum(counts[block].values()) or 1
        x = float(label_width)
        name = blocks.get(block, block)
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 14}" text-anchor="end" {FONT}>{esc(name if len(name) <= 38 else name[:37] + "…")}</text>'
        )
        for state in (ON_TIME, EXTENDED, LATE, MISSING):
            share = counts[block][state] / total
            width = share * bar_width
            if width > 0:
                parts.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="18" fill="{COLOURS[state]}">'
                    f"<title>{esc(name)}: {esc(LABELS[state])} {counts[block][state]}</title></rect>"
                )
                if width > 18:
                    parts.append(
                        f'<text x="{x + width / 2:.1f}" y="{y + 13}" text-anchor="middle" fill="#fff" {FONT}>{counts[block][state]}</text>'
                    )
            x += width
    legend_y = height - 16
    for index, state in enumerate((ON_TIME, EXTENDED, LATE, MISSING)):
        lx = label_width + index * 100
        parts.append(
            f'<rect x="{lx}" y="{legend_y - 10}" width="12" height="12" fill="{COLOURS[state]}"/>'
        )
        parts.append(f'<text x="{lx + 16}" y="{legend_y}" {FONT}>{esc(LABELS[state])}</text>')
    return _svg(label_width + bar_width + 10, height, title, "".join(parts))


def progress_over_time(status: CycleStatus) -> tuple[str, list[tuple[str, int, float]]]:
    """Per month: how many progress updates came in and their mean percent; the chart and rows."""
    updates: dict[str, list[int]] = {}
    for model in status.models():
        for update in model.progress:
            updates.setdefault(update.on.strftime("%Y-%m"), []).append(update.percent or 0)
    months = sorted(updates)
    rows = [(m, len(updates[m]), sum(updates[m]) / len(updates[m])) for m in months]
    if not rows:
        return "", []
    width, height, left, bottom = 560, 220, 40, 40
    step = (width - left - 10) / max(len(rows), 1)
    tallest = max(count for _, count, _ in rows)
    parts = [
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - 5}" y2="{height - bottom}" stroke="#999"/>'
    ]
    points = []
    for index, (month, count, mean) in enumerate(rows):
        x = left + index * step
        bar = (height - bottom - 20) * count / tallest
        parts.append(
            f'<rect x="{x + step * 0.2:.1f}" y="{height - bottom - bar:.1f}" width="{step * 0.6:.1f}" height="{bar:.1f}" fill="#90caf9">'
            f"<title>Tháng {esc(month)}: {count} báo cáo tiến độ</title></rect>"
        )
        parts.append(
            f'<text x="{x + step / 2:.1f}" y="{height - bottom + 16}" text-anchor="middle" {FONT}>{esc(month[5:])}/{esc(month[2:4])}</text>'
        )
        y = height - bottom - (height - bottom - 20) * mean / 100
        points.append(f"{x + step / 2:.1f},{y:.1f}")
        parts.append(
            f'<circle cx="{x + step / 2:.1f}" cy="{y:.1f}" r="3" fill="#c62828"><title>Trung bình {mean:.0f}%</title></circle>'
        )
    parts.append(
        f'<polyline points="{" ".join(points)}" fill="none" stroke="#c62828" stroke-width="2"/>'
    )
    parts.append(
        f'<text x="{left}" y="{height - 6}" {FONT}>Cột xanh: số báo cáo tiến độ; đường đỏ: mức hoàn thành trung bình (%)</text>'
    )
    return _svg(width, height, "Báo cáo tiến độ theo tháng", "".join(parts)), rows


def score_distribution(
    scores: Sequence[float], maximum: int, thresholds: Sequence[tuple[str, float]]
) -> str:
    """Histogram of combined scores in bands of 10 points, with the level thresholds marked."""
    if not scores:
        return ""
    bands = Counter(min(int(s // 10), max(maximum // 10 - 1, 0)) for s in scores)
    count = max(maximum // 10, 1)
    width, height, left, bottom = 560, 220, 30, 40
    step = (width - left - 10) / count
    tallest = max(bands.values())
    parts = [
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - 5}" y2="{height - bottom}" stroke="#999"/>'
    ]
    for band in range(count):
        x = left + band * step
        value = bands.get(band, 0)
        bar = (height - bottom - 20) * value / tallest
        parts.append(
            f'<rect x="{x + 2:.1f}" y="{height - bottom - bar:.1f}" width="{step - 4:.1f}" height="{bar:.1f}" fill="#7e57c2">'
            f"<title>{band * 10}–{band * 10 + 10} điểm: {value} mô hình</title></rect>"
        )
        if value:
            parts.append(
                f'<text x="{x + step / 2:.1f}" y="{height - bottom - bar - 4:.1f}" text-anchor="middle" {FONT}>{value}</text>'
            )
        parts.append(
            f'<text x="{x + step / 2:.1f}" y="{height - bottom + 16}" text-anchor="middle" {FONT}>{band * 10}</text>'
        )
    for name, threshold in thresholds:
        if 0 < threshold < maximum:
            x = left + threshold / 10 * step
            parts.append(
                f'<line x1="{x:.1f}" y1="12" x2="{x:.1f}" y2="{height - bottom}" stroke="#000" stroke-dasharray="4 3"/>'
            )
            parts.append(f'<text x="{x + 3:.1f}" y="22" {FONT}>{esc(name)}</text>')
    return _svg(width, height, "Phân bố điểm tổng hợp", "".join(parts))
