"""Static SVG charts drawn at build time: no script, no CDN, readable offline and on paper.
Every chart has its numbers in a table beside it on the page (screen readers, print, Excel).
Here only the geometry is computed; the SVG is written by ``templates/charts/``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from markupsafe import Markup

from sangtao.labels import STATE_COLOURS, STATE_LABELS
from sangtao.layout import Kind
from sangtao.site.render import EMPTY, render
from sangtao.status import EXTENDED, LATE, MISSING, ON_TIME, CycleStatus

_STATES = (ON_TIME, EXTENDED, LATE, MISSING)


WIDTH = 360  # user units of every chart: about the width of a phone's text column


def _short(name: str) -> str:
    return name if len(name) <= 48 else name[:47] + "…"


def compliance_by_block(
    status: CycleStatus, kind: Kind, blocks: dict[str, str], title: str
) -> Markup:
    """One stacked bar per block: on time, extended, late, missing, as shares of the block's units."""
    counts = status.by_block_of(kind)
    order = [b for b in blocks if b in counts] + [b for b in counts if b not in blocks]
    # Narrow on purpose (decision 55): drawn about 1:1 on a 390 px phone, so 13-unit text stays
    # 13 px there; each block's name sits on its own line above its bar, never clipped.
    label_width, bar_width, row = 0, WIDTH - 10, 42
    bars = []
    for index, block in enumerate(order):
        total = sum(counts[block].values()) or 1
        x = float(label_width)
        segments = []
        for state in _STATES:
            width = counts[block][state] / total * bar_width
            if width > 0:
                segments.append((state, x, width, counts[block][state]))
            x += width
        name = blocks.get(block, block)
        bars.append(
            {"y": 22 + index * row, "name": name, "short": _short(name), "segments": segments}
        )
    return render(
        "charts/compliance.svg",
        width=WIDTH,
        height=row * len(order) + 58,
        title=title,
        label_width=label_width,
        bars=bars,
        states=_STATES,
        colours=STATE_COLOURS,
        labels=STATE_LABELS,
    )


def progress_over_time(status: CycleStatus) -> tuple[Markup, list[tuple[str, int, float]]]:
    """Per month: how many progress updates came in and their mean percent; the chart and rows."""
    updates: dict[str, list[int]] = {}
    for model in status.models():
        for update in model.progress:
            updates.setdefault(update.on.strftime("%Y-%m"), []).append(update.percent or 0)
    months = sorted(updates)
    rows = [(m, len(updates[m]), sum(updates[m]) / len(updates[m])) for m in months]
    if not rows:
        return EMPTY, []
    width, height, left, bottom = WIDTH, 240, 10, 58
    step = (width - left - 10) / max(len(rows), 1)
    tallest = max(count for _, count, _ in rows)
    base = height - bottom
    points = []
    for index, (month, count, mean) in enumerate(rows):
        x = left + index * step
        points.append(
            {
                "month": month,
                "count": count,
                "mean": mean,
                "x": x,
                "middle": x + step / 2,
                "bar": (base - 20) * count / tallest,
                "y": base - (base - 20) * mean / 100,
            }
        )
    chart = render(
        "charts/progress.svg",
        width=width,
        height=height,
        left=left,
        base=base,
        step=step,
        points=points,
        title="Báo cáo tiến độ theo tháng",
    )
    return chart, rows


def score_distribution(
    scores: Sequence[float], maximum: int, thresholds: Sequence[tuple[str, float]]
) -> Markup:
    """Histogram of combined scores in bands of 10 points, with the level thresholds marked."""
    if not scores:
        return EMPTY
    bands = Counter(min(int(s // 10), max(maximum // 10 - 1, 0)) for s in scores)
    count = max(maximum // 10, 1)
    # Level names under the axis, on two alternating lines, so none covers a bar's count.
    width, height, left, bottom = WIDTH, 240, 10, 58
    step = (width - left - 10) / count
    tallest = max(bands.values())
    base = height - bottom
    columns = [
        {
            "band": band * 10,
            "x": left + band * step,
            "value": bands.get(band, 0),
            "bar": (base - 20) * bands.get(band, 0) / tallest,
        }
        for band in range(count)
    ]
    marks = [
        (name, left + threshold / 10 * step)
        for name, threshold in thresholds
        if 0 < threshold < maximum
    ]
    return render(
        "charts/scores.svg",
        width=width,
        height=height,
        left=left,
        base=base,
        step=step,
        columns=columns,
        marks=marks,
        title="Phân bố điểm tổng hợp",
    )
