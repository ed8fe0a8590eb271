"""docs/performance.md: the measurements, the verdicts and the machine, in Vietnamese."""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
from importlib import metadata

from bench import PROJECT
from bench.fmt import both, mib, num, secs
from bench.hugo import hugo_version
from bench.measure import (
    GNU_TIME,
    NOW,
    RUNS,
    SAMPLE_BUDGET,
    SAMPLE_FILES,
    SAMPLE_MIN,
    LineDemo,
    Scale,
    Tool,
)
from bench.memory import INTERVAL
from bench.synthetic import TZ, YEAR, git
from bench.targets import Verdict


def version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "?"


def machine() -> dict[str, str]:
    cpu = "?"
    with open("/proc/cpuinfo", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = "?"
    with open("/proc/meminfo", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("MemTotal:"):
                memory = f"{num(int(line.split()[1]) / 1024 / 1024, 1)} GiB"
                break
    return {
        "Bộ xử lý": cpu,
        "Số nhân (nproc)": str(os.cpu_count()),
        "Bộ nhớ": memory,
        "Hệ điều hành": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(),
        "git": git(PROJECT, "--version").strip().removeprefix("git version "),
        "MkDocs / Material": f"{version('mkdocs')} / {version('mkdocs-material')}",
        "jsonschema / PyYAML": f"{version('jsonschema')} / {version('pyyaml')}",
        "check-jsonschema": version("check-jsonschema"),
        "jsonschema-rs": version("jsonschema-rs"),
        "Hugo": hugo_version(),
        "Mã nguồn đo": source_state(),
        "Đo bộ nhớ đỉnh bằng": "/usr/bin/time (%M)"
        if GNU_TIME.is_file()
        else "os.wait4 (ru_maxrss)",
    }


def source_state() -> str:
    """The commit measured, and whether the package had uncommitted changes."""
    try:
        head = git(PROJECT, "rev-parse", "--short", "HEAD").strip()
        dirty = git(PROJECT, "status", "--porcelain", "--", "scripts/sangtao", "mkdocs.yml")
    except (OSError, subprocess.CalledProcessError):
        return "?"
    return f"commit {head}" + (" (có thay đổi chưa commit trong scripts/sangtao)" if dirty else "")


def _intro(scales: list[Scale], found: list[Verdict], wall: float) -> list[str]:
    """Title, what the page answers, and the verdicts."""
    out: list[str] = []
    add = out.append
    today = dt.datetime.now(TZ).strftime("%d/%m/%Y %H:%M")
    add("# Hiệu năng\n")
    add(
        "> Trang này do `make bench` (gói `scripts/bench/`) tạo ra sau mỗi lần đo; đừng sửa tay. "
        f"Lần đo gần nhất: {today} (giờ Việt Nam), toàn bộ lượt đo mất {secs(wall)}.\n"
    )
    add(
        "Câu hỏi cần trả lời: khi cả một huyện, hay cả một tỉnh, nộp hồ sơ vào kho, "
        "kiểm tra hồ sơ, tính thời điểm tiếp nhận và xây dựng trang web còn nhanh không, "
        "và trang web có phình ra theo số hồ sơ không.\n"
    )
    add("## Kết luận\n")
    add("| Mục tiêu | Số đo | Kết quả |\n|---|---|---|")
    for verdict in found:
        add(f"| {verdict.target} | {verdict.measured} | **{verdict.label}** |")
    return out


def _machine() -> list[str]:
    """The machine and the versions measured."""
    out: list[str] = []
    add = out.append
    info = machine()
    add("## Máy đo\n")
    add("| | |\n|---|---|")
    for key, value in info.items():
        add(f"| {key} | {value} |")
    return out


def _data(scales: list[Scale]) -> list[str]:
    """What was generated at each size."""
    out: list[str] = []
    add = out.append
    add("## Dữ liệu tổng hợp\n")
    add(
        "Mỗi cỡ N là một kho Git riêng trong thư mục tạm, gồm `schema/`, `docs/` và `mkdocs.yml` "
        "của dự án cùng:\n\n"
        "* danh sách đơn vị `submissions/don-vi.yaml` gồm N/10 tổ chức cơ sở đảng (xã, trường "
        "học, cơ quan, y tế, lực lượng vũ trang, doanh nghiệp): 100 đơn vị cho 1.000 hồ sơ (cỡ một "
        "huyện lớn), 1.000 đơn vị cho 10.000 hồ sơ (cỡ một tỉnh). Mỗi đơn vị một mô hình của tập "
        "thể và chín mô hình của cá nhân (cán bộ, đảng viên đề xuất), tổng cộng N hồ sơ. Không chọn "
        "N đơn vị cho N hồ sơ: 10.000 tổ chức cơ sở đảng lớn hơn mọi tỉnh, và danh sách đó "
        "(khoảng 1,3 MB) vượt giới hạn 256 KB một tệp của bộ đọc YAML, nên `sangtao check` "
        "từ chối nó (giới hạn này cho phép khoảng 1.600 đơn vị);\n"
        "* từ 30.000 hồ sơ: một tỉnh sau năm 2025 — N/5 tổ chức cơ sở đảng (6.000 ở 30.000 hồ sơ, "
        "mỗi tổ chức một mô hình tập thể và bốn của cá nhân) trong N/200 đảng ủy xã, phường "
        "(150), danh sách tách mỗi cấp ủy một tệp `submissions/don-vi/<mã cấp ủy>.yaml`;\n"
        f"* một đợt `submissions/{YEAR}/dot.yaml`, hạn đăng ký 28/02/{YEAR}, hạn báo cáo 30/11/{YEAR}; "
        f"thời điểm tính trạng thái `SANGTAO_NOW={NOW.isoformat()}`: hạn đăng ký đã qua, "
        "mọi đơn vị đăng ký đúng hạn, hạn báo cáo chưa tới;\n"
        "* bản đăng ký ghép từ 8 chủ đề (dân vận, kinh tế, chuyển đổi số, xây dựng Đảng, môi trường, "
        "an ninh, giáo dục, y tế) với thôn, cây trồng, dân tộc, số liệu thay đổi; khoảng 40 % mô hình "
        "có 1–2 báo cáo tiến độ (một nửa nêu khó khăn, vướng mắc), khoảng một nửa đã gửi báo cáo "
        "kết quả, khoảng 5 % bản đăng ký được sửa lại trước hạn;\n"
        "* lịch sử Git tạo bằng MỘT luồng `git fast-import`: một commit mở đợt của Ban Tổ chức, "
        "rồi max(300, N/20) yêu cầu gộp, mỗi yêu cầu một commit trên nhánh của đơn vị và một "
        "commit gộp `--no-ff` trên `main` (người gộp: máy chủ Git), thời điểm rải từ tháng 1 đến "
        "tháng 10.\n"
    )
    add("| N hồ sơ | Đơn vị | Mô hình cá nhân | Tệp YAML | Đăng ký | Sửa lại | Tiến độ | Báo cáo | "
        "Commit (gộp) | Dung lượng hồ sơ | Thời gian tạo (trong đó fast-import) |")  # fmt: skip
    add("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for s in scales:
        d = s.data
        add(
            f"| {num(d.n)} | {num(d.units)} | {num(d.individuals)} | {num(d.files)} | "
            f"{num(d.registrations)} | {num(d.amendments)} | {num(d.progress)} | {num(d.reports)} | "
            f"{num(d.commits)} ({num(d.merges)}) | {num(d.submission_bytes / 1e6, 1)} MB | "
            f"{secs(d.seconds)} ({secs(d.fast_import_seconds)}) |"
        )
    return out


def _check(scales: list[Scale], demo: LineDemo) -> list[str]:
    """`sangtao check` against check-jsonschema, and the same mistakes as each reports them."""
    out: list[str] = []
    add = out.append
    add("## 1. Kiểm tra hồ sơ: `sangtao check` và `check-jsonschema`\n")
    add(
        "`sangtao check` đọc mọi tệp trong `submissions/`, kiểm tra theo lược đồ, chạy các quy tắc "
        "liên tệp (đơn vị có trong danh sách, năm và thư mục khớp nhau, thời gian thực hiện …) và đọc "
        "lịch sử Git cho các quy tắc cần thời điểm tiếp nhận. `check-jsonschema` chỉ kiểm tra lược đồ, "
        "từng loại tệp với lược đồ của nó (một lần gọi cho mỗi lược đồ, cộng dồn thời gian; "
        "danh sách tệp được chia nhỏ nếu dài quá giới hạn dòng lệnh).\n"
    )
    add("| N | Tệp | `sangtao check` | Bộ nhớ | `check-jsonschema` (tổng) | Bộ nhớ | Số lần gọi | "
        "Riêng bản đăng ký | Nhanh hơn |")  # fmt: skip
    add("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for s in scales:
        total = s.validator_total
        reg = s.validators.get("dang-ky", Tool())
        add(
            f"| {num(s.data.n)} | {num(s.data.files)} | {both(s.check.seconds, s.check.cpu)} | {mib(s.check.peak_kib)} | "
            f"{both(total.seconds, total.cpu)} | {mib(total.peak_kib)} | {total.invocations} | "
            f"{secs(reg.seconds)} ({num(reg.files)} tệp) | **×{num(total.seconds / s.check.seconds, 1)}** |"
        )
    add("")
    add(
        f"Cùng hai lỗi (lĩnh vực không có trong danh sách, ngày viết kiểu 28/02/2023) trong "
        f"`{demo.rel}`, `sangtao check` báo:\n"
    )
    add("```text\n" + demo.sangtao + "\n```\n")
    if demo.other is not None:
        add("còn `check-jsonschema` báo (không có số dòng, không có hướng sửa bằng tiếng Việt):\n")
        add("```text\n" + demo.other + "\n```\n")
    return out


def _receipts(scales: list[Scale]) -> list[str]:
    """Receipt times: one `git log` pass against one git call per file."""
    out: list[str] = []
    add = out.append
    add("## 2. Thời điểm tiếp nhận: một lượt `git log` và một lệnh git cho mỗi tệp\n")
    add(
        "Một lượt: `sangtao.history.read_history` (một lệnh `git log --first-parent` cho cả kho), "
        "đo bên trong tiến trình, không tính thời gian khởi động Python. Mỗi tệp một lệnh: "
        "`git log --first-parent --format=%ct -- <tệp>` lấy dòng cuối "
        f"(lần đầu tệp lên nhánh chính), chạy cho tối đa {SAMPLE_FILES} tệp rải đều (dừng sớm khi đã "
        f"chạy {num(SAMPLE_BUDGET)} s và đủ {SAMPLE_MIN} tệp) rồi nhân lên cho mọi tệp. "
        "Hai cách phải cho cùng thời điểm trên mẫu.\n"
    )
    add("| N | Commit trên nhánh chính | Tệp | Một lượt | Bộ nhớ (cả tiến trình) | Mỗi tệp một lệnh | "
        "Ước cho mọi tệp | Nhanh hơn | Khớp |")  # fmt: skip
    add("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for s in scales:
        r = s.receipts
        add(
            f"| {num(s.data.n)} | {num(r.commits)} | {num(r.total_files)} | {secs(r.one_pass_seconds)} | "
            f"{mib(r.one_pass.peak_kib)} | {num(1000 * r.per_file_seconds / r.sample, 1)} ms/tệp | "
            f"{secs(r.per_file_extrapolated)} | **×{num(r.ratio)}** | {r.sample - len(r.mismatches)}/{r.sample} |"
        )
    return out


def _status(scales: list[Scale]) -> list[str]:
    """`sangtao status --format json`."""
    out: list[str] = []
    add = out.append
    add("## 3. `sangtao status --format json`\n")
    add("| N | Thời gian | Bộ nhớ | Kết quả JSON |\n|---:|---:|---:|---:|")
    for s in scales:
        add(
            f"| {num(s.data.n)} | {both(s.status.seconds, s.status.cpu)} | {mib(s.status.peak_kib)} | "
            f"{num(len(s.status.stdout.encode()) / 1e6, 1)} MB |"
        )
    return out


def _site(scales: list[Scale]) -> list[str]:
    """The full site build."""
    out: list[str] = []
    add = out.append
    add("## 4. Xây dựng trang web: `mkdocs build --strict`\n")
    add(
        "Toàn bộ trang web như khi phát hành: các trang của dự án, trang tạo từ hồ sơ (mỗi mô hình "
        "một trang hồ sơ), tệp xuất dữ liệu nếu có, chỉ mục tìm kiếm Pagefind (cỡ trên đĩa; một "
        "lần tìm chỉ tải vài mảnh của nó, xem mục người xem).\n"
    )
    add("| N | Thời gian | Bộ nhớ | Trang HTML | Tổng dung lượng | Trang hồ sơ | Trung vị / lớn nhất "
        "| Trang lớn nhất | Chỉ mục tìm kiếm |")  # fmt: skip
    add("|---:|---:|---:|---:|---:|---:|---:|---|---:|")
    for s in scales:
        site = s.site
        add(
            f"| {num(s.data.n)} | {both(site.run.seconds, site.run.cpu)} | {mib(site.run.peak_kib)} | {num(site.html_pages)} | "
            f"{num(site.total_bytes / 1e6, 1)} MB | {num(site.dossier_pages)} | "
            f"{num(site.dossier_median / 1024, 1)} KB / {num(site.dossier_max / 1024, 1)} KB | "
            f"`{site.largest[0]}` {num(site.largest[1] / 1e6, 2)} MB | {num(site.search_index / 1e6, 1)} MB "
            f"({num(site.search_index / site.html_pages / 1024, 1)} KB/trang) |"
        )
    add("")
    small, large = scales[0], scales[-1]
    growth = large.data.n / small.data.n
    add(
        f"Từ {num(small.data.n)} lên {num(large.data.n)} hồ sơ (×{num(growth)}): thời gian ×"
        f"{num(large.site.run.seconds / small.site.run.seconds, 1)}, tổng dung lượng ×"
        f"{num(large.site.total_bytes / small.site.total_bytes, 1)}, bộ nhớ ×"
        f"{num(large.site.run.peak_kib / small.site.run.peak_kib, 1)}, trang hồ sơ (trung vị) ×"
        f"{num(large.site.dossier_median / small.site.dossier_median, 2)}, chỉ mục tìm kiếm ×"
        f"{num(large.site.search_index / max(small.site.search_index, 1), 1)}. "
        "Trang danh sách (đơn vị, chưa báo cáo, khó khăn …) dài hơn 200 dòng chia thành phần "
        "(quyết định 69), trang hồ sơ là của một mô hình: cả hai không được lớn theo N. Trang "
        f"danh sách lớn nhất: `{small.site.largest_list[0]}` "
        f"{num(small.site.largest_list[1] / 1e3)} KB ở N={num(small.data.n)}, "
        f"`{large.site.largest_list[0]}` {num(large.site.largest_list[1] / 1e3)} KB ở "
        f"N={num(large.data.n)}. Người xem tải trang lớn nhất "
        f"(`{large.site.largest[0]}`, {num(large.site.largest[1] / 1e6, 1)} MB) ở "
        f"N={num(large.data.n)}; khi tìm kiếm chỉ các mảnh chỉ mục cần cho từ được tìm, không "
        f"phải cả chỉ mục ({num(large.site.search_index / 1e6, 1)} MB trên đĩa).\n"
    )
    exports = {k for s in scales for k in s.site.exports}
    if exports:
        add("Tệp xuất dữ liệu trong trang web:\n")
        add("| Tệp | " + " | ".join(f"N={num(s.data.n)}" for s in scales) + " |")
        add("|---|" + "---:|" * len(scales))
        for name in sorted(exports):
            cells = " | ".join(
                f"{num(s.site.exports[name] / 1e3, 0)} KB" if name in s.site.exports else "—"
                for s in scales
            )
            add(f"| `{name}` | {cells} |")
        add("")
    else:
        add("Trang web chưa có tệp xuất dữ liệu (.xlsx, .ics, .csv, .json) khi đo.\n")
    return out


def _province(scales: list[Scale]) -> list[str]:
    """Issue 14's comparisons side by side: floors, Hugo, and what a visitor downloads."""
    out: list[str] = []
    add = out.append
    add("## 5. So với sàn đo và với Hugo\n")
    add(
        "Sàn đo của `check`: đọc và phân tích mọi tệp YAML của kho bằng bộ nạp C của libyaml "
        "(`yaml.load(…, CSafeLoader)`) trong một tiến trình Python. Sàn của thời điểm tiếp nhận: "
        "đúng lệnh `git log` mà `sangtao.history` chạy, bỏ kết quả. Hugo (bản Debian) dựng cùng "
        "các trang: mỗi trang HTML của `mkdocs build` thành một tệp nội dung giữ nguyên phần bài, "
        "một khuôn giữ phần còn lại của trang Material (đầu trang, mục lục, chân trang, script); "
        "Hugo không làm chỉ mục tìm kiếm và tệp xuất dữ liệu, `mkdocs build` thì có. Cột Jinja: "
        "cùng các trang đó do Python ghi ra, mỗi trang qua một khuôn Jinja2 không có logic nào "
        "(đọc phần bài, đặt vào khung trang của Material, ghi tệp): sàn của mọi bộ dựng viết "
        "bằng Python, cộng với sàn YAML ở cột trước là phần ít nhất một bản dựng từ kho phải tốn. "
        "Cột MkDocs một mình: MkDocs với Material, tiếng Việt, dựng ngần ấy trang ở đúng các "
        "địa chỉ đó, mỗi trang chỉ một dòng Markdown (tiêu đề của trang), không plugin nào (nên "
        "không có tìm kiếm), mục lục chỉ có trang chủ: cái giá của bộ dựng đã chọn khi nó tự làm "
        "từng trang theo cách của nó. Đây không phải sàn cứng của `mkdocs build`: với các trang "
        "tạo ra, plugin của dự án đã bỏ qua hai việc tốn nhất của mỗi trang ở đây (bước Markdown, "
        "quyết định 82; khuôn trang của Material, quyết định 73). Cột Pagefind: "
        "Pagefind (cùng tệp chạy và cùng tùy chọn của trang web) lập chỉ mục tìm kiếm từ các "
        "trang Hugo đã dựng. Hugo không làm chỉ mục tìm kiếm mà issue 14 đòi, nên Hugo + "
        "Pagefind mới là cùng một việc với `mkdocs build` (trang và chỉ mục tìm kiếm); cột tỉ lệ "
        "cuối so `mkdocs build` với tổng đó.\n"
    )
    add("| N | `check` | Sàn YAML | Tỉ lệ | Tiếp nhận | `git log` thô | Tỉ lệ | `status` JSON / `check` "
        "| `mkdocs build` | Bộ nhớ | Hugo | Bộ nhớ | Tỉ lệ | Jinja | MkDocs một mình | Pagefind "
        "| Tỉ lệ với Hugo + Pagefind |")  # fmt: skip
    add("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for s in scales:
        floor = f"{both(s.floor.seconds, s.floor.cpu)}" if s.floor else "—"
        f_ratio = f"×{num(s.check.seconds / s.floor.seconds, 2)}" if s.floor else "—"
        log = secs(s.raw_log.seconds) if s.raw_log else "—"
        l_ratio = (
            f"×{num(s.receipts.one_pass_seconds / s.raw_log.seconds, 1)}" if s.raw_log else "—"
        )
        hugo = both(s.hugo.run.seconds, s.hugo.run.cpu) if s.hugo else "chưa cài"
        h_mem = mib(s.hugo.run.peak_kib) if s.hugo else "—"
        h_ratio = f"×{num(s.site.run.seconds / s.hugo.run.seconds, 1)}" if s.hugo else "—"
        jinja = s.hugo.jinja if s.hugo else None
        j_floor = both(jinja.seconds, jinja.cpu) if jinja else "—"
        bare = s.hugo.mkdocs if s.hugo else None
        m_floor = both(bare.seconds, bare.cpu) if bare else "—"
        index = s.hugo.pagefind if s.hugo else None
        pagefind = f"{both(index.seconds, index.cpu)}, {mib(index.peak_kib)}" if index else "—"
        p_ratio = (
            f"×{num(s.site.run.seconds / (s.hugo.run.seconds + index.seconds), 1)}"
            if s.hugo and index
            else "—"
        )
        add(
            f"| {num(s.data.n)} | {both(s.check.seconds, s.check.cpu)} | {floor} | {f_ratio} | "
            f"{secs(s.receipts.one_pass_seconds)} | {log} | {l_ratio} | "
            f"×{num(s.status.seconds / s.check.seconds, 2)} | "
            f"{both(s.site.run.seconds, s.site.run.cpu)} | {mib(s.site.run.peak_kib)} | "
            f"{hugo} | {h_mem} | {h_ratio} | {j_floor} | {m_floor} | {pagefind} | {p_ratio} |"
        )
    add("")
    add("## 6. Người xem tải về bao nhiêu\n")
    add(
        "Mỗi trang mở trong Chromium không có bộ nhớ đệm, từ một máy chủ tĩnh trên 127.0.0.1; "
        "mọi phản hồi được cộng lại, phần chữ tính theo gzip mức 6 như máy chủ tĩnh gửi đi (ảnh, "
        "phông chữ tính nguyên). Rồi gõ một lần tìm kiếm điển hình (hai chữ cuối tiêu đề của "
        "một hồ sơ, không dấu) và cộng thêm những gì lần tìm đó tải.\n"
    )
    add("| N | Trang | HTML | Khi mở trang (gzip) | Yêu cầu | Tìm «…» thêm (gzip) | Kết quả "
        "| Tổng (gzip) |")  # fmt: skip
    add("|---:|---|---:|---:|---:|---:|---:|---:|")
    for s in scales:
        for v in s.visits:
            search = (
                f"{num(v.search.gzip / 1e3)} KB ({v.search.requests} yêu cầu)" if v.search else "—"
            )
            add(
                f"| {num(s.data.n)} | `{v.page}` | {num(v.html_raw / 1e3)} KB | "
                f"{num(v.load.gzip / 1e3)} KB (thô {num(v.load.raw / 1e3)} KB) | {v.load.requests} | "
                f"«{v.query}»: {search} | {v.hits if v.hits is not None else '—'} | "
                f"**{num(v.total_gzip / 1e3)} KB** |"
            )
    if not any(s.visits for s in scales):
        add("| — | không đo: không có Chromium/Playwright | | | | | | |")
    return out


def _method(scales: list[Scale]) -> list[str]:
    """How it was measured, and how to run it again."""
    out: list[str] = []
    add = out.append
    add("## Cách đo\n")
    loads = ", ".join(
        f"N={num(s.data.n)}: {num(s.load[0], 1)} → {num(s.load[1], 1)}" for s in scales
    )
    add(
        "* Mỗi bước chạy thành một tiến trình con, sau một lượt khởi động nhỏ không tính. Các lệnh "
        f"ngắn (`sangtao check`, sàn YAML, `git log` thô, `sangtao status`) chạy {RUNS} lần và lấy "
        "lần tốn ít CPU nhất: trên máy ảo dùng chung, một lần chạy chỉ có thể bị làm chậm đi (hệ "
        "điều hành đang ghi kho vừa tạo xuống đĩa, một tiến trình khác), không thể nhanh hơn thật; "
        "các bước còn lại chạy một lần. Kho tổng hợp được ghi hẳn xuống đĩa (`sync`) trước khi đo; "
        "thời gian là thời gian thực (`time.perf_counter`), trong ngoặc là thời gian CPU "
        "(user + system, gồm cả các tiến trình con như `git`). Bộ nhớ đỉnh là số lớn hơn trong hai "
        "số: bộ nhớ thường trú lớn nhất (peak RSS) của một tiến trình, và tổng bộ nhớ thường trú "
        f"của lệnh cùng mọi tiến trình con của nó, lấy mẫu mỗi {num(INTERVAL, 1)} s, vì bản dựng "
        "có tiến trình thứ hai và Pagefind chạy cùng lúc với nó (trang nhớ hai tiến trình dùng "
        "chung tính cho cả hai, nên số đo không bao giờ thấp hơn thực tế). Tệp vừa được tạo nên "
        "đã nằm trong bộ nhớ đệm của hệ điều hành.\n"
        f"* Tải của máy (load average 1 phút) trước → sau mỗi cỡ: {loads}. Khi máy bận việc khác, "
        "thời gian thực dài ra còn thời gian CPU thì gần như không đổi, nên tính tuyến tính được "
        "xét bằng thời gian CPU. Trên máy ảo này, chạy lại cùng một lệnh có lúc lệch tới "
        "±30 % cả thời gian CPU, nên một tỉ lệ sát ngưỡng (ví dụ ×4–6 so với ngưỡng ×5) có thể "
        "đổi PASS/FAIL giữa hai lần đo.\n"
        "* Số lần gọi `check-jsonschema` lớn hơn 1 vì mỗi lược đồ một lần gọi; thời gian là tổng, "
        "bộ nhớ là lần lớn nhất.\n"
        "* Chạy lại: `make bench` (đầy đủ, 1.000, 10.000 và 30.000 hồ sơ) hoặc "
        "`make bench BENCH_ARGS=--quick` (100 và 1.000, không ghi trang này; `--sizes` cho cỡ khác). "
        "`--keep` giữ lại các kho tổng hợp để xem.\n"
    )
    return out


def report(scales: list[Scale], found: list[Verdict], demo: LineDemo, wall: float) -> str:
    """The whole of docs/performance.md."""
    sections = (
        _intro(scales, found, wall),
        _machine(),
        _data(scales),
        _check(scales, demo),
        _receipts(scales),
        _status(scales),
        _site(scales),
        _province(scales),
        _method(scales),
    )
    return "\n".join(line for section in sections for line in [*section, ""])
