#!/usr/bin/env python3
"""`make bench`: sangtao on synthetic districts and provinces, measured side by side.

For each size N (1,000 and 10,000 dossiers; 100 and 1,000 with ``--quick``) the script builds
a throw-away repository in a temporary folder: the project's ``schema/``, ``docs/`` and
``mkdocs.yml``, a roster, one cycle and N dossiers of realistic Vietnamese text, committed
through ONE ``git fast-import`` stream as a few hundred pull-request merges on ``main``. It then
runs, each as a subprocess (wall time with ``time.perf_counter``, peak memory from
``/usr/bin/time`` or ``os.wait4``):

* ``sangtao check`` against ``check-jsonschema`` on the same files;
* receipt times: ``sangtao.history.read_history`` (one ``git log`` pass) against one ``git log``
  per file on a sample, extrapolated to every file, and checks that both agree;
* ``sangtao status --format json``;
* ``mkdocs build --strict`` of the whole site, with the size of its pages and search index.

It prints PASS/FAIL for each target of the issue and, unless ``--quick``, rewrites
``docs/performance.md`` with the numbers and the machine they were measured on.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
GNU_TIME = Path("/usr/bin/time")
YEAR = 2023
TZ = dt.timezone(dt.timedelta(hours=7))
NOW = dt.datetime(YEAR, 10, 20, 9, 0, tzinfo=TZ)
SAMPLE_FILES = 200
SAMPLE_MIN = 50
SAMPLE_BUDGET = 30.0  # seconds of per-file git calls at most, past SAMPLE_MIN files
WARM_UP = 30
DOSSIERS_PER_UNIT = 10  # a collective model and nine individuals' models per unit
FULL_SIZES = (1_000, 10_000)
QUICK_SIZES = (100, 1_000)
# Targets of the issue.
CHECK_SPEEDUP = 5.0
SITE_SECONDS_AT_10K = 120.0
LINEAR_SLACK = 1.2  # time may grow at most 20 % faster than N
PAGE_GROWTH = 1.10  # a dossier page may grow at most 10 % between sizes


# ---------------------------------------------------------------------------------------------
# Realistic text


FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
          "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lâm", "Mai", "Trịnh"]  # fmt: skip
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quang", "Thu", "Xuân", "Đình",
          "Kim", "Anh", "Hồng", "Công"]  # fmt: skip
GIVEN = ["Bình", "Lan", "Hùng", "Hoa", "Dũng", "Mai", "Tuấn", "Hương", "Sơn", "Hà", "Nam",
         "Thảo", "Long", "Yến", "Phúc", "Trang", "Khải", "Tâm", "Hiền", "Quý", "Nga", "Toàn",
         "Linh", "Cường", "Vân", "Thắng", "Hạnh", "Tùng", "Loan", "Hiếu"]  # fmt: skip
KHO_NAMES = ["K' Brôl", "Ka Hòa", "K' Điểu", "Ka Nhi", "K' Thuấn", "Ka Sương", "K' Bình",
             "Ka H'Liên", "K' Tiếp", "Ka Ngọc"]  # fmt: skip
PLACE_A = ["Lộc", "Tân", "Hòa", "Phú", "Đại", "Gia", "Đinh", "Bảo", "Di", "Đạ", "Phước", "Đông",
           "Tây", "Mỹ", "Hiệp", "Quảng", "Liên", "Ninh", "Đức", "Hà", "Thạnh", "Long", "Xuân",
           "Kim", "An"]  # fmt: skip
PLACE_B = ["Thắng", "An", "Bắc", "Nam", "Lâm", "Thành", "Ngãi", "Quảng", "Đức", "Phát", "Hiệp",
           "Bình", "Hưng", "Lạc", "Thịnh", "Hòa", "Tiến", "Lợi", "Phong", "Sơn", "Trung",
           "Nghĩa", "Thuận", "Mỹ", "Vinh"]  # fmt: skip
PEOPLES = ["K'Ho", "Mạ", "Châu Mạ", "Tày", "Nùng", "Dao", "Chu Ru"]
CROPS = ["cà phê", "chè", "sầu riêng", "bơ", "mắc ca", "dâu tằm", "rau an toàn", "điều",
         "hồ tiêu", "lúa nước"]  # fmt: skip
OFFICES = ["Phòng Tài chính – Kế hoạch", "Phòng Nông nghiệp và Phát triển nông thôn",
           "Phòng Văn hóa và Thông tin", "Phòng Giáo dục và Đào tạo", "Phòng Tư pháp",
           "Phòng Tài nguyên và Môi trường", "Ban Quản lý dự án đầu tư xây dựng",
           "Hội Nông dân", "Liên đoàn Lao động", "Trung tâm Văn hóa – Thể thao",
           "Kho bạc Nhà nước", "Chi cục Thuế khu vực", "Bảo hiểm xã hội",
           "Ngân hàng Chính sách xã hội"]  # fmt: skip
SCHOOLS = [("Trường Mầm non", "mn"), ("Trường Tiểu học", "th"), ("Trường THCS", "thcs"),
           ("Trường THPT", "thpt"), ("Trường Tiểu học và THCS", "thcs")]  # fmt: skip
COMPANIES = ["Công ty TNHH chè", "Công ty Cổ phần cà phê", "Công ty TNHH MTV lâm nghiệp",
             "Hợp tác xã nông nghiệp"]  # fmt: skip
SECRETARY = {
    "xa-thi-tran": ("Bí thư Đảng ủy xã", "Phó Bí thư Thường trực Đảng ủy", "Chủ tịch Ủy ban nhân dân xã"),
    "truong-hoc": ("Bí thư Chi bộ, Hiệu trưởng", "Phó Bí thư Chi bộ, Phó Hiệu trưởng", "Tổ trưởng chuyên môn"),
    "co-quan": ("Bí thư Chi bộ, Trưởng phòng", "Phó Bí thư Chi bộ", "Chuyên viên"),
    "y-te": ("Bí thư Chi bộ, Trưởng trạm", "Phó Bí thư Chi bộ", "Bác sĩ"),
    "luc-luong-vu-trang": ("Bí thư Chi bộ, Trưởng Công an xã", "Phó Bí thư Chi bộ", "Chỉ huy trưởng Quân sự xã"),
    "doanh-nghiep": ("Bí thư Chi bộ, Giám đốc", "Phó Bí thư Chi bộ", "Trưởng phòng kỹ thuật"),
}  # fmt: skip

# A theme is a family of models: what it is called, its text, the indicators of its report.
# Placeholders: {thon} {thon2} {place} {people} {crop} {h} {km} {n} {pct} {members}.
THEMES: list[dict[str, Any]] = [
    {
        "linh_vuc": "dan-van",
        "names": [
            "Dân vận khéo trong vận động Nhân dân hiến đất làm đường giao thông nông thôn ở {thon}",
            "Đảng viên đi trước, Nhân dân cùng làm: bê tông hóa đường liên thôn {thon} – {thon2}",
        ],
        "idea": [
            "Nhiều tuyến đường liên thôn của {place} còn là đường đất, mùa mưa lầy lội, nông sản khó vận chuyển.",
            "Muốn mở rộng mặt đường phải có đất của các hộ hai bên, trong khi phần lớn hộ là đồng bào {people}, diện tích canh tác không nhiều.",
            "Cấp ủy giao mỗi đảng viên phụ trách vận động từ 3 đến 5 hộ, bắt đầu từ gia đình đảng viên và người có uy tín hiến đất trước để Nhân dân noi theo.",
            "Danh sách hộ hiến đất và ngày công đóng góp được công khai tại nhà văn hóa thôn, cập nhật hằng tháng.",
        ],
        "novelty": [
            "Việc vận động do chính đảng viên người {people}, già làng, người có uy tín thực hiện bằng tiếng dân tộc, đến từng hộ.",
            "Mỗi đoạn đường có một đảng viên nhận đỡ đầu, chịu trách nhiệm từ vận động đến giám sát thi công.",
        ],
        "goals": [
            "Vận động ít nhất {h} hộ hiến đất, mở rộng nền đường tối thiểu 5 m.",
            "Bê tông hóa {km} km đường giao thông nông thôn theo phương châm Nhà nước và Nhân dân cùng làm.",
            "Không phát sinh đơn thư khiếu nại liên quan đến việc hiến đất.",
        ],
        "indicators": [
            ("Hộ hiến đất mở rộng đường", "hộ", (0, 0), (40, 160)),
            ("Đường giao thông nông thôn được bê tông hóa", "km", (0, 2), (2, 9)),
            ("Ngày công Nhân dân đóng góp", "ngày công", (0, 0), (300, 1500)),
        ],
    },
    {
        "linh_vuc": "kinh-te",
        "names": [
            "Chi bộ lãnh đạo phát triển {crop} theo hướng hữu cơ, liên kết tiêu thụ ở {thon}",
            "Tổ hợp tác {crop} sạch do đảng viên làm nòng cốt tại {place}",
        ],
        "idea": [
            "Người trồng {crop} ở {thon} bán sản phẩm qua thương lái, giá bấp bênh, nhiều hộ lạm dụng phân bón hóa học.",
            "Chi bộ chọn {n} hộ đảng viên làm trước, chuyển sang canh tác hữu cơ, ghi nhật ký sản xuất và cùng ký hợp đồng bao tiêu với doanh nghiệp.",
            "Khi các hộ làm trước có lãi, chi bộ tổ chức cho bà con tham quan vườn mẫu ngay tại thôn rồi mới mở rộng.",
        ],
        "novelty": [
            "Đảng viên làm trước trên chính vườn nhà mình, công khai sổ thu chi để bà con so sánh.",
            "Lần đầu tiên sản phẩm {crop} của thôn có mã vùng trồng và tem truy xuất nguồn gốc.",
        ],
        "goals": [
            "Chuyển {km} ha {crop} sang canh tác hữu cơ.",
            "Ít nhất {h} hộ tham gia tổ hợp tác, có hợp đồng bao tiêu sản phẩm.",
            "Thu nhập bình quân của hộ tham gia tăng ít nhất {pct}%.",
        ],
        "indicators": [
            ("Diện tích canh tác hữu cơ", "ha", (0, 3), (5, 40)),
            ("Hộ tham gia tổ hợp tác", "hộ", (0, 10), (20, 90)),
            ("Thu nhập bình quân", "triệu đồng/người/năm", (38, 52), (55, 80)),
        ],
    },
    {
        "linh_vuc": "cai-cach-hanh-chinh",
        "names": [
            "Tổ công nghệ số cộng đồng hỗ trợ Nhân dân làm thủ tục hành chính trực tuyến",
            "Mỗi đảng viên trẻ là một «trợ lý số» của khu dân cư {thon}",
        ],
        "idea": [
            "Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến ở {place} còn thấp, nhiều người dân, nhất là người cao tuổi, chưa biết dùng điện thoại thông minh.",
            "Chi bộ phân công đảng viên trẻ, đoàn viên thanh niên đến từng hộ hướng dẫn cài ứng dụng định danh điện tử, nộp hồ sơ và thanh toán trực tuyến.",
            "Tối thứ Bảy hằng tuần, tổ công nghệ số trực tại nhà văn hóa thôn để hỗ trợ bà con.",
        ],
        "novelty": [
            "Hỗ trợ tại nhà, ngoài giờ hành chính, bằng tiếng dân tộc khi cần.",
            "Mỗi đảng viên trẻ nhận phụ trách một nhóm hộ và theo dõi đến khi hộ tự làm được.",
        ],
        "goals": [
            "Tỷ lệ hồ sơ nộp trực tuyến đạt trên {pct}%.",
            "{h} người dân có tài khoản định danh điện tử mức 2.",
        ],
        "indicators": [
            ("Hồ sơ thủ tục hành chính nộp trực tuyến", "%", (10, 30), (45, 85)),
            ("Người dân có tài khoản định danh điện tử mức 2", "người", (100, 400), (500, 1800)),
        ],
    },
    {
        "linh_vuc": "xay-dung-dang",
        "names": [
            "Nâng cao chất lượng sinh hoạt chi bộ bằng chuyên đề «mỗi đảng viên một việc làm cụ thể»",
            "Sổ tay đảng viên điện tử và sinh hoạt chi bộ không giấy tờ tại {place}",
        ],
        "idea": [
            "Sinh hoạt chi bộ ở một số nơi còn đơn điệu, nặng về thông báo, ít thảo luận việc cụ thể của khu dân cư.",
            "Cấp ủy đề nghị mỗi đảng viên đăng ký một việc làm cụ thể, đo đếm được, và báo cáo kết quả trong sinh hoạt chi bộ hằng tháng.",
            "Tài liệu sinh hoạt được gửi trước qua nhóm của chi bộ để đảng viên đọc trước và chuẩn bị ý kiến.",
        ],
        "novelty": [
            "Việc làm của từng đảng viên được công khai và đánh giá ngay trong sinh hoạt chi bộ.",
            "Chi bộ dành ít nhất một nửa thời gian sinh hoạt cho thảo luận, không đọc lại văn bản.",
        ],
        "goals": [
            "100% đảng viên đăng ký và thực hiện việc làm cụ thể.",
            "Mỗi quý ít nhất một buổi sinh hoạt chuyên đề ở mỗi chi bộ trực thuộc.",
            "Không có đảng viên xếp loại không hoàn thành nhiệm vụ.",
        ],
        "indicators": [
            ("Đảng viên đăng ký việc làm cụ thể", "%", (20, 50), (90, 100)),
            ("Buổi sinh hoạt chuyên đề", "buổi", (1, 4), (8, 16)),
        ],
    },
    {
        "linh_vuc": "van-hoa-xa-hoi",
        "names": [
            "Khu dân cư {thon} «sáng – xanh – sạch – đẹp», phân loại rác tại nguồn",
            "Con đường hoa, hàng cây xanh do đảng viên và hội viên nhận chăm sóc ở {thon}",
        ],
        "idea": [
            "Rác thải sinh hoạt ở {thon} chưa được phân loại, nhiều điểm tập kết tự phát ven đường.",
            "Chi bộ giao mỗi chi hội đoàn thể nhận một tuyến đường, trồng hoa và giữ vệ sinh; gia đình đảng viên làm trước việc phân loại rác, ủ phân hữu cơ từ rác nhà bếp.",
            "Hằng tháng thôn chấm điểm, công khai hộ làm tốt trên loa truyền thanh.",
        ],
        "novelty": [
            "Rác hữu cơ được ủ làm phân bón cho chính vườn {crop} của các hộ.",
            "Mỗi tuyến đường có bảng tên chi hội và đảng viên phụ trách.",
        ],
        "goals": [
            "{pct}% hộ phân loại rác tại nguồn.",
            "Trồng và chăm sóc {km} km tuyến đường hoa.",
            "Xóa bỏ các điểm tập kết rác tự phát.",
        ],
        "indicators": [
            ("Hộ phân loại rác tại nguồn", "%", (5, 20), (60, 95)),
            ("Tuyến đường hoa", "km", (0, 1), (2, 8)),
            ("Điểm tập kết rác tự phát", "điểm", (4, 15), (0, 2)),
        ],
    },
    {
        "linh_vuc": "quoc-phong-an-ninh",
        "names": [
            "Tổ tự quản an ninh trật tự kết hợp camera giám sát tại {thon}",
            "«Khu dân cư không ma túy, không tội phạm» do chi bộ {thon} làm nòng cốt",
        ],
        "idea": [
            "Tình hình trộm cắp tài sản, nông sản ở {thon} vào mùa thu hoạch {crop} còn diễn biến phức tạp.",
            "Chi bộ vận động các hộ cùng góp tiền lắp camera ở các ngã ba, đường vào khu sản xuất; tổ tự quản do đảng viên làm tổ trưởng tuần tra ban đêm.",
            "Hình ảnh camera được Công an xã khai thác khi có vụ việc.",
        ],
        "novelty": [
            "Nhân dân tự góp kinh phí, tự quản lý camera, có quy chế do thôn thông qua.",
            "Tổ tự quản kết hợp tuần tra với nhắc nhở phòng chống cháy rừng mùa khô.",
        ],
        "goals": [
            "Lắp {n} camera giám sát ở các điểm trọng yếu.",
            "Giảm ít nhất {pct}% số vụ trộm cắp so với năm trước.",
        ],
        "indicators": [
            ("Camera giám sát lắp đặt", "chiếc", (0, 2), (6, 30)),
            ("Vụ trộm cắp tài sản", "vụ", (6, 25), (0, 6)),
        ],
    },
    {
        "linh_vuc": "giao-duc",
        "names": [
            "Lớp học tiếng Việt buổi chiều cho trẻ người {people} chuẩn bị vào lớp Một",
            "«Đôi bạn cùng tiến» giữa đảng viên giáo viên và học sinh có hoàn cảnh khó khăn",
        ],
        "idea": [
            "Nhiều trẻ người {people} ở {thon} vào lớp Một chưa nói thạo tiếng Việt, khó theo kịp chương trình.",
            "Chi bộ phân công đảng viên giáo viên mở lớp buổi chiều miễn phí, dạy bằng trò chơi, bài hát song ngữ.",
            "Đảng viên giáo viên đến từng nhà vận động phụ huynh cho con đi học đều.",
        ],
        "novelty": [
            "Giáo viên là đảng viên người dân tộc dạy song ngữ, phụ huynh được mời dự giờ.",
            "Mỗi đảng viên giáo viên nhận đỡ đầu từ 2 đến 3 học sinh đến hết năm học.",
        ],
        "goals": [
            "Trên {pct}% học sinh lớp Một đọc thông, viết thạo cuối học kỳ I.",
            "Không có học sinh bỏ học.",
        ],
        "indicators": [
            ("Học sinh lớp Một đọc thông, viết thạo cuối học kỳ I", "%", (50, 70), (85, 100)),
            ("Tỷ lệ chuyên cần", "%", (75, 88), (92, 100)),
            ("Học sinh bỏ học", "em", (2, 9), (0, 1)),
        ],
    },
    {
        "linh_vuc": "y-te",
        "names": [
            "Khám sàng lọc tăng huyết áp, đái tháo đường tại nhà cho người cao tuổi ở {place}",
            "Đảng viên y tế nhận theo dõi sức khỏe hộ gia đình trong khu dân cư {thon}",
        ],
        "idea": [
            "Người cao tuổi ở {thon} ít đi khám định kỳ; nhiều người mắc tăng huyết áp, đái tháo đường mà không biết.",
            "Chi bộ phân công đảng viên là nhân viên y tế khám sàng lọc tại nhà vào cuối tuần, lập hồ sơ sức khỏe điện tử.",
            "Người bệnh được nhắc lịch tái khám qua điện thoại và nhân viên y tế thôn bản.",
        ],
        "novelty": [
            "Khám tại nhà vào ngày nghỉ, kết hợp tư vấn dinh dưỡng bằng tiếng dân tộc.",
            "Hồ sơ sức khỏe điện tử được cập nhật ngay tại nhà bằng máy tính bảng.",
        ],
        "goals": [
            "Khám sàng lọc cho ít nhất {h} người cao tuổi.",
            "100% người phát hiện bệnh được quản lý, điều trị tại trạm y tế.",
        ],
        "indicators": [
            ("Người cao tuổi được khám sàng lọc", "người", (20, 80), (150, 600)),
            ("Người bệnh được quản lý điều trị", "người", (10, 40), (60, 200)),
        ],
    },
]
GENERIC_SOLUTIONS = [
    "Cấp ủy ban hành nghị quyết chuyên đề, phân công cấp ủy viên phụ trách từng chi bộ, từng địa bàn.",
    "Chi bộ đưa nội dung mô hình vào sinh hoạt định kỳ hằng tháng; kiểm điểm tiến độ, chỉ ra việc chậm và người chịu trách nhiệm.",
    "Phối hợp với Mặt trận Tổ quốc và các đoàn thể tuyên truyền trên loa truyền thanh, nhóm Zalo của thôn.",
    "Công khai kế hoạch, kinh phí và kết quả thực hiện tại nhà văn hóa thôn để Nhân dân giám sát.",
    "Ủy ban kiểm tra cấp ủy kiểm tra, giám sát việc thực hiện hai lần trong năm.",
    "Sơ kết sáu tháng, biểu dương tập thể, cá nhân làm tốt; kịp thời tháo gỡ khó khăn, vướng mắc.",
    "Tranh thủ sự hỗ trợ của các phòng, ban chuyên môn của huyện về kỹ thuật và kinh phí.",
]
GENERIC_DIFFICULTIES = [
    "Kinh phí hỗ trợ của cấp trên chưa được bố trí, đơn vị phải vận động xã hội hóa.",
    "Một số hộ còn e ngại, chưa tham gia vì lo ảnh hưởng đến thu nhập trước mắt.",
    "Mưa lớn kéo dài làm chậm tiến độ thi công ở {thon2}.",
    "Thiếu cán bộ có chuyên môn hướng dẫn kỹ thuật cho người dân.",
    "Địa bàn rộng, dân cư phân tán, đi lại khó khăn vào mùa mưa.",
    "Thiết bị, phương tiện phục vụ mô hình còn thiếu, xuống cấp.",
]
GENERIC_PROPOSALS = [
    "Đề nghị huyện bố trí kinh phí hỗ trợ từ nguồn vốn Chương trình mục tiêu quốc gia xây dựng nông thôn mới.",
    "Đề nghị các phòng chuyên môn của huyện cử cán bộ hỗ trợ kỹ thuật trong quý III.",
    "Đề nghị Ban Tổ chức Huyện ủy tổ chức cho đơn vị tham quan mô hình tương tự ở huyện bạn.",
]
LESSONS = [
    "Cấp ủy phải quyết tâm, đảng viên phải đi trước làm gương thì Nhân dân mới tin và làm theo.",
    "Công khai, minh bạch mọi khoản đóng góp là điều kiện để giữ được sự đồng thuận.",
    "Chọn việc nhỏ, làm được ngay, có kết quả đo đếm được để tạo niềm tin rồi mới mở rộng.",
    "Phát huy vai trò người có uy tín trong cộng đồng và các đoàn thể.",
]
LIMITS = [
    "Một số chỉ tiêu hoàn thành chậm so với kế hoạch do nguồn lực hạn chế.",
    "Việc ghi chép, lưu trữ minh chứng ở các chi bộ trực thuộc chưa đầy đủ.",
    "Sự tham gia của một bộ phận Nhân dân còn thụ động, trông chờ hỗ trợ.",
]


def fold(text: str) -> str:
    """A folder code from Vietnamese text: lowercase, no diacritics, hyphens."""
    text = unicodedata.normalize("NFKD", text.replace("Đ", "D").replace("đ", "d"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


class Writer:
    """Random but reproducible Vietnamese documents, one dossier at a time."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def person(self, kho: bool = False) -> str:
        if kho:
            return self.rng.choice(KHO_NAMES)
        r = self.rng
        return f"{r.choice(FAMILY)} {r.choice(MIDDLE)} {r.choice(GIVEN)}"

    def slots(self, place: str) -> dict[str, Any]:
        r = self.rng
        thon = r.randint(1, 14)
        return {
            "thon": f"thôn {thon}",
            "thon2": f"thôn {thon % 14 + 1}",
            "place": place,
            "people": r.choice(PEOPLES),
            "crop": r.choice(CROPS),
            "h": r.randrange(40, 400, 5),
            "km": round(r.uniform(1.5, 12.0), 1),
            "n": r.randint(5, 30),
            "pct": r.randrange(10, 90, 5),
        }

    def pick(self, pool: Sequence[str], low: int, high: int, slots: dict[str, Any]) -> list[str]:
        count = min(len(pool), self.rng.randint(low, high))
        return [s.format(**slots) for s in self.rng.sample(list(pool), count)]

    def date(self, low: dt.date, high: dt.date) -> dt.date:
        return low + dt.timedelta(days=self.rng.randint(0, (high - low).days))


@dataclass
class Unit:
    code: str
    name: str
    kind: str
    block: str
    place: str

    @property
    def account(self) -> str:
        return f"vp-{self.code}"


def make_units(count: int, rng: random.Random) -> list[Unit]:
    units: list[Unit] = []
    for index in range(count):
        place = f"{rng.choice(PLACE_A)} {rng.choice(PLACE_B)}"
        slug = fold(place)
        roll = rng.random()
        number = index + 1
        if roll < 0.40:
            word = rng.choice(["xã", "xã", "xã", "thị trấn"])
            name, kind, block = f"Đảng bộ {word} {place}", "dang-bo-co-so", "xa-thi-tran"
            code = f"{'tt' if word == 'thị trấn' else 'xa'}-{slug}-{number}"
        elif roll < 0.65:
            school, short = rng.choice(SCHOOLS)
            name, kind, block = f"Chi bộ {school} {place}", "chi-bo-co-so", "truong-hoc"
            code = f"{short}-{slug}-{number}"
        elif roll < 0.80:
            office = rng.choice(OFFICES)
            name, kind, block = f"Chi bộ {office} huyện {place}", "chi-bo-co-so", "co-quan"
            code = f"cq-{fold(office)[:12].strip('-')}-{number}"
        elif roll < 0.88:
            name, kind, block = f"Chi bộ Trạm Y tế xã {place}", "chi-bo-co-so", "y-te"
            code = f"yt-{slug}-{number}"
        elif roll < 0.95:
            force = rng.choice(["Công an xã", "Ban Chỉ huy Quân sự xã"])
            name, kind, block = f"Chi bộ {force} {place}", "chi-bo-co-so", "luc-luong-vu-trang"
            code = f"{'ca' if force == 'Công an xã' else 'qs'}-{slug}-{number}"
        else:
            company = rng.choice(COMPANIES)
            name, kind, block = f"Chi bộ {company} {place}", "chi-bo-co-so", "doanh-nghiep"
            code = f"dn-{slug}-{number}"
        units.append(Unit(code, name, kind, block, place))
    return units


# ---------------------------------------------------------------------------------------------
# YAML as a clerk writes it: plain scalars, literal blocks for paragraphs


class Plain(str):
    """Written as is (dates): the strict loader keeps them as text."""


_TYPED = re.compile(r"[-+.0-9][-+.0-9eE:]*\Z|(?i:null|true|false|yes|no|on|off|~)\Z")


def scalar(value: Any, indent: int) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | Plain):
        return str(value)
    text = str(value)
    if "\n" in text or len(text) > 100:
        pad = "  " * indent
        return "|\n" + "\n".join(pad + line for line in text.split("\n"))
    if (
        text
        and text[0] not in "-?:,[]{}#&*!|>'\"%@`"
        and text == text.strip()
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and not _TYPED.match(text)
    ):
        return text
    return json.dumps(text, ensure_ascii=False)


def emit(data: dict[str, Any], indent: int = 0) -> list[str]:
    pad = "  " * indent
    lines: list[str] = []
    for key, value in data.items():
        if isinstance(value, dict):
            lines.append(f"{pad}{key}:")
            lines += emit(value, indent + 1)
        elif isinstance(value, list):
            lines.append(f"{pad}{key}:")
            for item in value:
                if isinstance(item, dict):
                    sub = emit(item, indent + 2)
                    sub[0] = f"{pad}  - {sub[0].lstrip()}"
                    lines += sub
                else:
                    lines.append(f"{pad}  - {scalar(item, indent + 2)}")
        else:
            lines.append(f"{pad}{key}: {scalar(value, indent + 1)}")
    return lines


def yaml_text(data: dict[str, Any], header: str = "") -> bytes:
    head = f"# {header}\n" if header else ""
    return (head + "\n".join(emit(data)) + "\n").encode()


# ---------------------------------------------------------------------------------------------
# The synthetic repository


@dataclass
class Event:
    """A file landing on main: its path, content and the instant the clerk finished it."""

    at: dt.datetime
    path: str
    content: bytes
    account: str


@dataclass
class Synthetic:
    n: int
    root: Path
    units: int = 0
    individuals: int = 0
    registrations: int = 0
    reports: int = 0
    progress: int = 0
    amendments: int = 0
    files: int = 0
    merges: int = 0
    commits: int = 0
    submission_bytes: int = 0
    seconds: float = 0.0
    fast_import_seconds: float = 0.0
    by_kind: dict[str, list[str]] = field(default_factory=dict)


def working_instant(rng: random.Random, day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, rng.randint(7, 17), rng.randint(0, 59),
                       rng.randint(0, 59), tzinfo=TZ)  # fmt: skip


def dossier(
    writer: Writer,
    unit: Unit,
    person: tuple[str, str] | None,
    events: list[Event],
    stats: Synthetic,
) -> None:
    """One model's registration, and perhaps progress updates, an amendment and a report."""
    rng = writer.rng
    theme = THEMES[rng.randrange(len(THEMES))]
    slots = writer.slots(unit.place)
    kho = slots["people"] == "K'Ho" and rng.random() < 0.5
    titles = SECRETARY[unit.block]
    lead = {"ho_ten": writer.person(kho), "chuc_vu": rng.choice(titles[1:])}
    signer = {"ho_ten": writer.person(), "chuc_vu": titles[0]}
    folder = f"submissions/{YEAR}/{unit.code}"
    registration: dict[str, Any] = {"don_vi": unit.code, "nam": YEAR}
    if person is not None:
        folder += f"/ca-nhan/{person[1]}"
        registration["ca_nhan"] = {
            "ma": person[1],
            "ho_ten": person[0],
            "chuc_vu": rng.choice(titles[1:]),
        }
    name = rng.choice(theme["names"]).format(**slots)
    received = working_instant(rng, writer.date(dt.date(YEAR, 1, 16), dt.date(YEAR, 2, 27)))
    start = writer.date(dt.date(YEAR, 3, 1), dt.date(YEAR, 4, 1))
    end = writer.date(dt.date(YEAR, 10, 31), dt.date(YEAR, 12, 15))
    registration |= {
        "ten_mo_hinh": name,
        "linh_vuc": theme["linh_vuc"],
        "y_tuong": "\n".join(writer.pick(theme["idea"], 2, 4, slots)),
        "diem_moi": " ".join(writer.pick(theme["novelty"], 1, 2, slots)),
        "muc_tieu": writer.pick(theme["goals"], 1, 3, slots),
        "giai_phap": "\n".join(f"- {s}" for s in writer.pick(GENERIC_SOLUTIONS, 2, 5, slots)),
        "thoi_gian_thuc_hien": {"tu_ngay": Plain(start), "den_ngay": Plain(end)},
        "nguoi_phu_trach": lead,
        "ket_qua_du_kien": " ".join(writer.pick(theme["goals"], 1, 3, slots)),
        "ngay_van_ban": Plain(received.date() - dt.timedelta(days=rng.randint(0, 5))),
        "so_van_ban": f"{rng.randint(1, 240)}-ĐK/{'ĐU' if unit.kind == 'dang-bo-co-so' else 'CB'}",
        "nguoi_ky": signer,
    }
    if rng.random() < 0.4:
        lead["dien_thoai"] = f"0263 {rng.randint(3000000, 3999999)}"
    path = f"{folder}/dang-ky.yaml"
    events.append(Event(received, path, yaml_text(registration), unit.account))
    stats.registrations += 1
    if rng.random() < 0.05:  # corrected before the deadline: the receipt stays the first landing
        later = received + dt.timedelta(hours=rng.randint(2, 72))
        if later.date() <= dt.date(YEAR, 2, 28):
            amended = dict(registration, muc_tieu=[*registration["muc_tieu"], GOAL_ADDED])
            events.append(Event(later, path, yaml_text(amended), unit.account))
            stats.amendments += 1
    if rng.random() < 0.4:
        days = sorted(
            {
                writer.date(dt.date(YEAR, 4, 15), dt.date(YEAR, 9, 30))
                for _ in range(rng.randint(1, 2))
            }
        )
        for number, day in enumerate(days, 1):
            update: dict[str, Any] = {
                "don_vi": unit.code,
                "nam": YEAR,
                "ngay": Plain(day),
                "phan_tram": min(95, 25 * number + rng.randint(0, 20)),
                "da_lam": "\n".join(f"- {s}" for s in writer.pick(GENERIC_SOLUTIONS, 1, 3, slots)),
            }
            if rng.random() < 0.5:
                update["kho_khan"] = writer.pick(GENERIC_DIFFICULTIES, 1, 2, slots)
                update["de_xuat"] = rng.choice(GENERIC_PROPOSALS)
            update["nguoi_bao_cao"] = {"ho_ten": lead["ho_ten"], "chuc_vu": lead["chuc_vu"]}
            at = working_instant(rng, day + dt.timedelta(days=rng.randint(0, 3)))
            events.append(
                Event(at, f"{folder}/tien-do/{day}.yaml", yaml_text(update), unit.account)
            )
            stats.progress += 1
    if rng.random() < 0.5:
        at = working_instant(rng, writer.date(dt.date(YEAR, 10, 2), dt.date(YEAR, 10, 19)))
        indicators = []
        for label, measure, (b_lo, b_hi), (a_lo, a_hi) in theme["indicators"]:
            before, after = rng.randint(b_lo, b_hi), rng.randint(a_lo, a_hi)
            if measure in ("km", "ha"):
                after = round(after + rng.random(), 1)
            indicators.append(
                {"chi_tieu": label, "don_vi_tinh": measure, "truoc": before, "sau": after}
            )
        report: dict[str, Any] = {
            "don_vi": unit.code,
            "nam": YEAR,
            "ten_mo_hinh": name,
            "qua_trinh_thuc_hien": "\n".join(
                writer.pick(theme["idea"], 1, 2, slots)
                + writer.pick(GENERIC_SOLUTIONS, 2, 4, slots)
            ),
            "ket_qua": indicators,
            "hieu_qua": {
                "chinh_tri": "Niềm tin của Nhân dân đối với cấp ủy được nâng lên; vai trò tiên phong của đảng viên được phát huy.",
                "kinh_te" if rng.random() < 0.6 else "xa_hoi": " ".join(
                    writer.pick(theme["goals"], 1, 2, slots)
                ),
            },
            "kha_nang_nhan_rong": f"Có thể áp dụng ở các đơn vị có điều kiện tương tự {unit.place}; "
            "điều kiện là cấp ủy quyết tâm và đảng viên làm nòng cốt.",
            "han_che": rng.choice(LIMITS),
            "bai_hoc": " ".join(writer.pick(LESSONS, 1, 2, slots)),
        }
        if rng.random() < 0.3:
            report["kien_nghi"] = rng.choice(GENERIC_PROPOSALS)
        if rng.random() < 0.3:
            report["minh_chung"] = [
                {
                    "tieu_de": f"Hình ảnh thực hiện mô hình ở {slots['thon']}",
                    "lien_ket": f"https://drive.google.com/file/d/{rng.getrandbits(64):016x}/view",
                }
            ]
        report |= {
            "de_nghi_khen_thuong": rng.random() < 0.3,
            "ngay_van_ban": Plain(at.date() - dt.timedelta(days=rng.randint(0, 3))),
            "so_van_ban": f"{rng.randint(100, 400)}-BC/{'ĐU' if unit.kind == 'dang-bo-co-so' else 'CB'}",
            "nguoi_ky": signer,
        }
        events.append(Event(at, f"{folder}/bao-cao.yaml", yaml_text(report), unit.account))
        stats.reports += 1


GOAL_ADDED = "Bổ sung: tổ chức sơ kết, rút kinh nghiệm sau sáu tháng thực hiện."


def roster(units: list[Unit]) -> bytes:
    data = {
        "huyen": {
            "ten": "Tỉnh ủy Lâm Đồng (dữ liệu tổng hợp để đo hiệu năng)",
            "cap_tren": "Ban Chấp hành Trung ương Đảng",
            "dia_danh": "Đà Lạt",
            "co_quan_tiep_nhan": "Ban Tổ chức Tỉnh ủy",
            "kho_ma_nguon": "https://github.com/tinh-uy-lam-dong/sangtao",
        },
        "quan_tri": [
            {"tai_khoan": "btc-nguyen-thi-ha", "ho_ten": "Nguyễn Thị Hà", "chuc_vu": "Phó Trưởng Ban Tổ chức"},
            {"tai_khoan": "btc-tran-van-hung", "ho_ten": "Trần Văn Hùng", "chuc_vu": "Chuyên viên"},
        ],
        "don_vi": [
            {"ma": u.code, "ten": u.name, "loai": u.kind, "khoi": u.block, "tai_khoan": [u.account]}
            for u in units
        ],
    }  # fmt: skip
    return yaml_text(data, "Danh sách tổng hợp do scripts/bench.py tạo ra để đo hiệu năng.")


def cycle() -> bytes:
    data = {
        "nam": YEAR,
        "ten": f"Mô hình mới, cách làm sáng tạo năm {YEAR}",
        "can_cu": [
            {"so": "833-CV/HU", "ngay": Plain("2023-02-13"), "co_quan": "Ban Thường vụ Huyện ủy Bảo Lâm",
             "trich_yeu": "Về đăng ký, triển khai xây dựng mô hình mới, cách làm sáng tạo năm 2023.",
             "toan_van": "833-CV-HU.md"},
            {"so": "09-HD/BTCTU", "ngay": Plain("2022-12-14"), "co_quan": "Ban Tổ chức Tỉnh ủy Lâm Đồng",
             "trich_yeu": "Hướng dẫn về thẩm định mô hình mới, cách làm sáng tạo."},
        ],
        "han": {
            "dang_ky": Plain(f"{YEAR}-02-28T23:59:59+07:00"),
            "bao_cao": Plain(f"{YEAR}-11-30T23:59:59+07:00"),
            "tham_dinh": Plain(f"{YEAR}-12-20T23:59:59+07:00"),
        },
        "an_han_phut": 0,
        "khung_thoi_gian": {"tu_ngay": Plain(f"{YEAR}-01-01"), "den_ngay": Plain(f"{YEAR}-12-31")},
    }  # fmt: skip
    return yaml_text(data, "Đợt tổng hợp do scripts/bench.py tạo ra để đo hiệu năng.")


def site_source() -> Iterator[tuple[str, bytes]]:
    """The project's site source, as it is in the working tree now."""
    yield "mkdocs.yml", (PROJECT / "mkdocs.yml").read_bytes()
    for folder in ("schema", "docs"):
        for path in sorted((PROJECT / folder).rglob("*")):
            if path.is_file():
                yield path.relative_to(PROJECT).as_posix(), path.read_bytes()


class FastImport:
    """A `git fast-import` stream, written into memory."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.marks = 0

    def mark(self) -> int:
        self.marks += 1
        return self.marks

    def data(self, payload: bytes) -> None:
        self.parts.append(b"data %d\n" % len(payload))
        self.parts.append(payload)
        self.parts.append(b"\n")

    def blob(self, content: bytes) -> int:
        mark = self.mark()
        self.parts.append(b"blob\nmark :%d\n" % mark)
        self.data(content)
        return mark

    def commit(
        self,
        ref: str,
        who: tuple[str, str],
        at: dt.datetime,
        message: str,
        files: Sequence[tuple[str, int]],
        parent: int | None = None,
        merge: int | None = None,
        author: tuple[str, str, dt.datetime] | None = None,
    ) -> int:
        mark = self.mark()
        stamp = f"{int(at.timestamp())} +0700"
        a_name, a_email, a_at = author or (*who, at)
        self.parts.append(f"commit {ref}\nmark :{mark}\n".encode())
        self.parts.append(f"author {a_name} <{a_email}> {int(a_at.timestamp())} +0700\n".encode())
        self.parts.append(f"committer {who[0]} <{who[1]}> {stamp}\n".encode())
        self.data(message.encode())
        if parent is not None:
            self.parts.append(b"from :%d\n" % parent)
        if merge is not None:
            self.parts.append(b"merge :%d\n" % merge)
        for path, blob in files:
            self.parts.append(f"M 100644 :{blob} {path}\n".encode())
        self.parts.append(b"\n")
        return mark


BOARD = ("Trần Văn Hùng", "btc-tran-van-hung@users.noreply.github.com")
FORGE = ("GitHub", "noreply@github.com")


def generate(root: Path, n: int, seed: int = 833) -> Synthetic:
    """A repository of ``n`` dossiers: n/10 units, each with its collective model and about
    nine individuals' models; half of the models report, 40 % send progress updates;
    everything lands on main through a few hundred --no-ff merges."""
    started = time.perf_counter()
    rng = random.Random(seed * 1_000_003 + n)
    writer = Writer(rng)
    stats = Synthetic(n, root)
    unit_count = -(-n // DOSSIERS_PER_UNIT)
    units = make_units(unit_count, rng)
    stats.units = unit_count
    events: list[Event] = []
    for unit in units:
        dossier(writer, unit, None, events, stats)
    taken: set[tuple[str, str]] = set()
    for index in range(n - unit_count):
        unit = units[index % unit_count]
        name = writer.person(rng.random() < 0.1)
        code = fold(name)
        while (unit.code, code) in taken:
            code = f"{fold(name)}-{rng.randint(2, 99)}"
        taken.add((unit.code, code))
        dossier(writer, unit, (name, code), events, stats)
        stats.individuals += 1
    events.sort(key=lambda e: e.at)
    stream = FastImport()
    seed_files = [(path, stream.blob(content)) for path, content in site_source()]
    seed_files.append(("submissions/don-vi.yaml", stream.blob(roster(units))))
    seed_files.append((f"submissions/{YEAR}/dot.yaml", stream.blob(cycle())))
    opened = dt.datetime(YEAR, 1, 10, 8, 0, tzinfo=TZ)
    tip = stream.commit("refs/heads/main", BOARD, opened, f"Mở đợt {YEAR}", seed_files)
    stats.commits = 1
    for number, batch in enumerate(batches(events, max(300, n // 20)), 1):
        files = [(e.path, stream.blob(e.content)) for e in batch]
        landed = batch[-1].at
        clerk = batch[0].account
        pushed = landed - dt.timedelta(minutes=rng.randint(10, 600))
        side = stream.commit(
            "refs/heads/nop-ho-so",
            (clerk, f"{clerk}@users.noreply.github.com"),
            pushed,
            f"Nộp hồ sơ: {len(batch)} tệp",
            files,
            parent=tip,
        )
        tip = stream.commit(
            "refs/heads/main",
            FORGE,
            landed,
            f"Merge pull request #{number} from {clerk}/nop-ho-so\n\nNộp hồ sơ: {len(batch)} tệp\n",
            files,
            parent=tip,
            merge=side,
            author=(*BOARD, landed),
        )
        stats.merges += 1
        stats.commits += 2
    stats.submission_bytes = sum(len(e.content) for e in events)
    root.mkdir(parents=True)
    git(root, "init", "--quiet", "--initial-branch=main")
    began = time.perf_counter()
    subprocess.run(
        ["git", "fast-import", "--quiet"], cwd=root, input=b"".join(stream.parts), check=True
    )
    stats.fast_import_seconds = time.perf_counter() - began
    git(root, "branch", "--quiet", "-D", "nop-ho-so")
    git(root, "reset", "--quiet", "--hard", "main")
    submitted = sorted(
        p.relative_to(root).as_posix() for p in (root / "submissions").rglob("*.yaml")
    )
    stats.files = len(submitted)
    for rel in submitted:
        kind = "tien-do" if "/tien-do/" in rel else rel.rsplit("/", 1)[-1].removesuffix(".yaml")
        stats.by_kind.setdefault(kind, []).append(rel)
    stats.seconds = time.perf_counter() - started
    return stats


def batches(events: list[Event], count: int) -> Iterator[list[Event]]:
    """About ``count`` merges in time order; none mixes files from both sides of the
    registration deadline, so that every registration lands on time."""
    deadline = dt.datetime(YEAR, 2, 28, 23, 59, 59, tzinfo=TZ)
    early = [e for e in events if e.at <= deadline]
    late = [e for e in events if e.at > deadline]
    for part in (early, late):
        share = max(1, round(count * len(part) / max(1, len(events))))
        size = -(-len(part) // share)
        for first in range(0, len(part), size):
            yield part[first : first + size]


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=root, check=True, capture_output=True, text=True
    ).stdout


# ---------------------------------------------------------------------------------------------
# Measuring


@dataclass
class Run:
    seconds: float
    peak_kib: int
    code: int
    stdout: str
    stderr: str
    cpu: float = 0.0  # user + system seconds, the command and every process it waited for

    @property
    def peak_mib(self) -> float:
        return self.peak_kib / 1024


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("GITHUB_STEP_SUMMARY", None)
    env |= {"NO_MKDOCS_2_WARNING": "1", "SANGTAO_NOW": NOW.isoformat(), "PYTHONUTF8": "1"}
    return env


def measure(command: Sequence[str], cwd: Path) -> Run:
    """Run one command; wall time and the peak resident memory of the process."""
    with tempfile.TemporaryDirectory(prefix="sangtao-bench-") as tmp:
        rss = Path(tmp) / "rss"
        full = list(command)
        if GNU_TIME.is_file():
            full = [str(GNU_TIME), "-f", "%M", "-o", str(rss), *full]
        with open(Path(tmp) / "out", "w+b") as out, open(Path(tmp) / "err", "w+b") as err:
            started = time.perf_counter()
            process = subprocess.Popen(full, cwd=cwd, env=environment(), stdout=out, stderr=err)
            _, status, usage = os.wait4(process.pid, 0)
            seconds = time.perf_counter() - started
            process.returncode = code = os.waitstatus_to_exitcode(status)
            out.seek(0)
            err.seek(0)
            stdout = out.read().decode(errors="replace")
            stderr = err.read().decode(errors="replace")
        peak = int(rss.read_text().split()[-1]) if GNU_TIME.is_file() else usage.ru_maxrss
    return Run(seconds, peak, code, stdout, stderr, usage.ru_utime + usage.ru_stime)


def argument_batches(files: Sequence[str], fixed: int) -> list[list[str]]:
    """Split an argument list so that no command line comes near the kernel's limit."""
    limit = (
        os.sysconf("SC_ARG_MAX") // 2
        - fixed
        - sum(len(k) + len(v) + 2 for k, v in os.environ.items())
    )
    batches: list[list[str]] = [[]]
    used = 0
    for name in files:
        if used + len(name) + 1 > limit and batches[-1]:
            batches.append([])
            used = 0
        batches[-1].append(name)
        used += len(name) + 1
    return batches


@dataclass
class Tool:
    """One tool over one set of files, possibly in several invocations."""

    seconds: float = 0.0
    cpu: float = 0.0
    peak_kib: int = 0
    invocations: int = 0
    files: int = 0
    failed: int = 0

    def add(self, run: Run, files: int) -> None:
        self.seconds += run.seconds
        self.cpu += run.cpu
        self.peak_kib = max(self.peak_kib, run.peak_kib)
        self.invocations += 1
        self.files += files
        self.failed += run.code != 0

    def merge(self, other: Tool) -> None:
        self.seconds += other.seconds
        self.cpu += other.cpu
        self.peak_kib = max(self.peak_kib, other.peak_kib)
        self.invocations += other.invocations
        self.files += other.files
        self.failed += other.failed


def check_jsonschema(repo: Path, schema: str, files: Sequence[str]) -> Tool:
    tool = Tool()
    command = [str(BIN / "check-jsonschema"), "--schemafile", f"schema/{schema}.schema.json"]
    for batch in argument_batches(files, sum(len(c) + 1 for c in command)):
        run = measure([*command, *batch], repo)
        if run.code != 0:
            print(run.stdout[-2000:], run.stderr[-2000:], file=sys.stderr)
        tool.add(run, len(batch))
    return tool


HISTORY_PROBE = """
import json, sys, time
from pathlib import Path
from sangtao.history import read_history
started = time.perf_counter()
history = read_history(Path.cwd())
seconds = time.perf_counter() - started
sample = json.loads(Path(sys.argv[1]).read_text())
found = {rel: history.received(rel) for rel in sample}
print(json.dumps({
    "seconds": seconds, "commits": history.commits, "files": len(history.files),
    "sample": {rel: int(l.at.timestamp()) if l else None for rel, l in found.items()},
}))
"""


@dataclass
class Receipts:
    one_pass: Run
    one_pass_seconds: float  # read_history itself, without starting Python
    commits: int
    dated: int
    sample: int
    per_file_seconds: float  # for the sample
    per_file_peak_kib: int
    per_file_cpu: float
    mismatches: list[str]
    total_files: int

    @property
    def per_file_extrapolated(self) -> float:
        return self.per_file_seconds * self.total_files / self.sample

    @property
    def ratio(self) -> float:
        return self.per_file_extrapolated / self.one_pass_seconds


def receipts(repo: Path, files: Sequence[str]) -> Receipts:
    step = max(1, len(files) // SAMPLE_FILES)
    sample = list(files[::step])[:SAMPLE_FILES]
    random.Random(len(files)).shuffle(sample)  # any prefix of it is spread over the tree too
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(sample, handle)
    try:
        run = measure([sys.executable, "-c", HISTORY_PROBE, handle.name], repo)
    finally:
        os.unlink(handle.name)
    if run.code != 0:
        raise SystemExit(f"read_history failed:\n{run.stderr}")
    probe = json.loads(run.stdout)
    # What a naive implementation does: ask git for each file. The receipt is the FIRST
    # first-parent landing, so git must walk the whole branch for every file.
    command = ["git", "log", "--first-parent", "--format=%ct", "--"]
    mismatches: list[str] = []
    peak = 0
    cpu = 0.0
    started = time.perf_counter()
    done = 0
    for rel in sample:
        if done >= SAMPLE_MIN and time.perf_counter() - started > SAMPLE_BUDGET:
            break  # enough to extrapolate; keeps `make bench` short on big trees
        done += 1
        process = subprocess.Popen([*command, rel], cwd=repo, stdout=subprocess.PIPE)
        assert process.stdout is not None
        output = process.stdout.read().split()
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        peak = max(peak, usage.ru_maxrss)
        cpu += usage.ru_utime + usage.ru_stime
        first = int(output[-1]) if output else None
        if first != probe["sample"][rel]:
            mismatches.append(rel)
    seconds = time.perf_counter() - started
    return Receipts(
        run, probe["seconds"], probe["commits"], probe["files"], done, seconds, peak,
        cpu, mismatches, len(files),
    )  # fmt: skip


@dataclass
class Site:
    run: Run
    total_bytes: int
    files: int
    html_pages: int
    dossier_pages: int
    dossier_median: float
    dossier_max: int
    largest: tuple[str, int]
    search_index: int
    exports: dict[str, int]
    built_in: float | None


def build_site(repo: Path) -> Site:
    target = repo / "site"
    run = measure([str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(target)], repo)
    if run.code != 0:
        raise SystemExit(f"mkdocs build failed in {repo}:\n{run.stderr[-6000:]}")
    sizes = {
        p.relative_to(target).as_posix(): p.stat().st_size for p in target.rglob("*") if p.is_file()
    }
    html = {k: v for k, v in sizes.items() if k.endswith(".html")}
    dossiers = [v for k, v in html.items() if k.startswith(f"ho-so/{YEAR}/")]
    exports = {
        k: v
        for k, v in sizes.items()
        if k.rsplit(".", 1)[-1] in ("xlsx", "ics", "csv", "json", "ods")
        and not k.startswith(("search/", "assets/"))
    }
    largest = max(html.items(), key=lambda kv: kv[1])
    built = re.search(r"Documentation built in ([0-9.]+) seconds", run.stderr)
    return Site(
        run, sum(sizes.values()), len(sizes), len(html), len(dossiers),
        statistics.median(dossiers) if dossiers else 0.0, max(dossiers, default=0), largest,
        sizes.get("search/search_index.json", 0), exports,
        float(built.group(1)) if built else None,
    )  # fmt: skip


@dataclass
class Scale:
    data: Synthetic
    check: Run
    problems: str
    validators: dict[str, Tool]
    receipts: Receipts
    status: Run
    site: Site
    load: tuple[float, float]  # 1-minute load average before and after

    @property
    def validator_total(self) -> Tool:
        total = Tool()
        for tool in self.validators.values():
            total.merge(tool)
        return total


SCHEMA_OF_KIND = {"don-vi": "don-vi", "dot": "dot", "dang-ky": "dang-ky", "tien-do": "tien-do",
                  "bao-cao": "bao-cao"}  # fmt: skip


def run_scale(workdir: Path, n: int) -> Scale:
    say(f"N = {n:,}: tạo kho tổng hợp …")
    load = os.getloadavg()[0]
    data = generate(workdir / f"n{n}", n)
    repo = data.root
    say(f"  {data.files:,} tệp, {data.commits} commit, {data.seconds:.1f} s")
    check = measure([str(BIN / "sangtao"), "check"], repo)
    summary = check.stdout.strip().splitlines()[-1] if check.stdout.strip() else check.stderr
    say(f"  sangtao check: {check.seconds:.2f} s, {check.peak_mib:.0f} MiB — {summary}")
    if check.code != 0:
        print(check.stdout[-4000:], check.stderr[-4000:], file=sys.stderr)
    validators: dict[str, Tool] = {}
    for kind, files in sorted(data.by_kind.items()):
        validators[kind] = check_jsonschema(repo, SCHEMA_OF_KIND[kind], files)
    total = Tool()
    for tool in validators.values():
        total.merge(tool)
    say(f"  check-jsonschema: {total.seconds:.2f} s in {total.invocations} lần gọi")
    everything = [f for files in data.by_kind.values() for f in files]
    found = receipts(repo, sorted(everything))
    say(
        f"  receipts: one pass {found.one_pass_seconds:.3f} s; per file "
        f"{1000 * found.per_file_seconds / found.sample:.1f} ms × {found.total_files:,} "
        f"≈ {found.per_file_extrapolated:.1f} s"
    )
    status = measure([str(BIN / "sangtao"), "status", "--format", "json"], repo)
    if status.code != 0:
        raise SystemExit(f"sangtao status failed:\n{status.stderr[-4000:]}")
    say(f"  sangtao status: {status.seconds:.2f} s, {status.peak_mib:.0f} MiB")
    site = build_site(repo)
    say(
        f"  mkdocs build: {site.run.seconds:.1f} s, {site.run.peak_mib:.0f} MiB, "
        f"{site.html_pages:,} trang, {site.total_bytes / 1e6:.0f} MB"
    )
    return Scale(data, check, summary, validators, found, status, site, (load, os.getloadavg()[0]))


@dataclass
class LineDemo:
    rel: str
    sangtao: str
    other: str


def line_demo(repo: Path, rel: str) -> LineDemo:
    """The same two mistakes, as each tool reports them."""
    path = repo / rel
    original = path.read_text(encoding="utf-8")
    lines = []
    for line in original.splitlines():
        if line.startswith("linh_vuc: "):
            line = "linh_vuc: nong-nghiep"
        elif line.startswith("ngay_van_ban: "):
            line = "ngay_van_ban: 28/02/2023"
        lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    try:
        ours = measure([str(BIN / "sangtao"), "check", rel], repo)
        theirs = measure(
            [str(BIN / "check-jsonschema"), "--schemafile", "schema/dang-ky.schema.json", rel], repo
        )
    finally:
        path.write_text(original, encoding="utf-8")
    return LineDemo(rel, ours.stdout.strip(), (theirs.stdout + theirs.stderr).strip())


# ---------------------------------------------------------------------------------------------
# Targets and the report


@dataclass
class Verdict:
    target: str
    measured: str
    passed: bool | None  # None: not applicable in this run

    @property
    def label(self) -> str:
        return {True: "PASS", False: "FAIL", None: "N/A"}[self.passed]


def verdicts(scales: list[Scale], demo: LineDemo) -> list[Verdict]:
    small, large = scales[0], scales[-1]
    found = [
        Verdict(
            "Dữ liệu tổng hợp hợp lệ: `sangtao check` không báo lỗi",
            "; ".join(f"N={num(s.data.n)}: {s.problems}" for s in scales),
            all(s.check.code == 0 for s in scales),
        )
    ]
    for scale in scales:
        total = scale.validator_total
        ratio = total.seconds / scale.check.seconds
        found.append(
            Verdict(
                f"`sangtao check` nhanh hơn `check-jsonschema` ≥ {CHECK_SPEEDUP:.0f} lần "
                f"(N={num(scale.data.n)})",
                f"{secs(total.seconds)} / {secs(scale.check.seconds)} = ×{num(ratio, 1)} "
                f"(CPU ×{num(total.cpu / scale.check.cpu, 1)})",
                ratio >= CHECK_SPEEDUP and total.failed == 0,
            )
        )
    with_line = re.search(r"dang-ky\.yaml:\d+", demo.sangtao) is not None
    without = re.search(r"dang-ky\.yaml:\d+|line \d+|dòng \d+", demo.other) is None
    found.append(
        Verdict(
            "`sangtao check` chỉ ra số dòng, `check-jsonschema` thì không",
            ("sangtao: có" if with_line else "sangtao: KHÔNG có")
            + (", check-jsonschema: không có" if without else ", check-jsonschema: có"),
            with_line and without,
        )
    )
    found.append(
        Verdict(
            "Thời điểm tiếp nhận: một lượt `git log` cho cùng kết quả với mỗi tệp một lệnh git",
            "; ".join(
                f"N={num(s.data.n)}: {s.receipts.sample - len(s.receipts.mismatches)}/"
                f"{s.receipts.sample} khớp, nhanh hơn ×{num(s.receipts.ratio)}"
                for s in scales
            ),
            all(not s.receipts.mismatches for s in scales),
        )
    )
    growth = large.data.n / small.data.n
    cpu_ratio = large.site.run.cpu / small.site.run.cpu
    found.append(
        Verdict(
            f"Xây dựng trang web tăng tuyến tính: N ×{num(growth)} → thời gian CPU "
            f"≤ ×{num(growth * LINEAR_SLACK)}",
            f"{secs(small.site.run.cpu)} → {secs(large.site.run.cpu)} CPU: ×{num(cpu_ratio, 1)} "
            f"(thời gian thực ×{num(large.site.run.seconds / small.site.run.seconds, 1)})",
            cpu_ratio <= growth * LINEAR_SLACK,
        )
    )
    page_ratio = large.site.dossier_median / small.site.dossier_median
    found.append(
        Verdict(
            "Trang hồ sơ không lớn lên theo N (trung vị tăng ≤ 10 %)",
            f"{num(small.site.dossier_median / 1024, 1)} KB → "
            f"{num(large.site.dossier_median / 1024, 1)} KB: ×{num(page_ratio, 2)}",
            page_ratio <= PAGE_GROWTH,
        )
    )
    at_10k = next((s for s in scales if s.data.n == 10_000), None)
    found.append(
        Verdict(
            f"10.000 hồ sơ: xây dựng trang web dưới {SITE_SECONDS_AT_10K:.0f} s "
            f"trên {os.cpu_count()} nhân",
            both(at_10k.site.run.seconds, at_10k.site.run.cpu) if at_10k else "không đo",
            at_10k.site.run.seconds < SITE_SECONDS_AT_10K if at_10k else None,
        )
    )
    return found


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


def say(text: str) -> None:
    print(text, flush=True)


def mib(kib: int) -> str:
    return f"{kib / 1024:,.0f} MiB"


def num(value: float, digits: int = 0) -> str:
    """Vietnamese number format: 10.000 and 1,5."""
    text = f"{value:,.{digits}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def secs(value: float) -> str:
    return f"{num(value, 2 if value < 10 else 1)} s"


def both(wall: float, cpu: float) -> str:
    """Wall time, and the CPU time (user + system) in brackets."""
    return f"{secs(wall)} ({secs(cpu)} CPU)"


def report(scales: list[Scale], found: list[Verdict], demo: LineDemo, wall: float) -> str:
    info = machine()
    today = dt.datetime.now(TZ).strftime("%d/%m/%Y %H:%M")
    out: list[str] = []
    add = out.append
    add("# Hiệu năng\n")
    add(
        "> Trang này do `make bench` (tệp `scripts/bench.py`) tạo ra sau mỗi lần đo; đừng sửa tay. "
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
    add("")
    add("## Máy đo\n")
    add("| | |\n|---|---|")
    for key, value in info.items():
        add(f"| {key} | {value} |")
    add("")
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
    add("")
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
    add("còn `check-jsonschema` báo (không có số dòng, không có hướng sửa bằng tiếng Việt):\n")
    add("```text\n" + demo.other + "\n```\n")
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
    add("")
    add("## 3. `sangtao status --format json`\n")
    add("| N | Thời gian | Bộ nhớ | Kết quả JSON |\n|---:|---:|---:|---:|")
    for s in scales:
        add(
            f"| {num(s.data.n)} | {both(s.status.seconds, s.status.cpu)} | {mib(s.status.peak_kib)} | "
            f"{num(len(s.status.stdout.encode()) / 1e6, 1)} MB |"
        )
    add("")
    add("## 4. Xây dựng trang web: `mkdocs build --strict`\n")
    add(
        "Toàn bộ trang web như khi phát hành: các trang của dự án, trang tạo từ hồ sơ (mỗi mô hình "
        "một trang hồ sơ), tệp xuất dữ liệu nếu có, chỉ mục tìm kiếm của Material.\n"
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
        "Các trang danh sách (đơn vị, chưa báo cáo, khó khăn …) lớn theo N là đương nhiên; "
        "trang hồ sơ thì không được lớn theo N. Người xem tải trang danh sách lớn nhất "
        f"(`{large.site.largest[0]}`, {num(large.site.largest[1] / 1e6, 1)} MB) và, khi tìm kiếm, "
        f"toàn bộ chỉ mục tìm kiếm ({num(large.site.search_index / 1e6, 1)} MB) ở "
        f"N={num(large.data.n)}.\n"
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
    add("## Cách đo\n")
    loads = ", ".join(
        f"N={num(s.data.n)}: {num(s.load[0], 1)} → {num(s.load[1], 1)}" for s in scales
    )
    add(
        "* Mỗi bước chạy thành một tiến trình con, một lần, sau một lượt khởi động nhỏ không tính; "
        "thời gian là thời gian thực (`time.perf_counter`), trong ngoặc là thời gian CPU "
        "(user + system, gồm cả các tiến trình con như `git`), bộ nhớ là bộ nhớ thường trú lớn nhất "
        "(peak RSS) của tiến trình đó. Tệp vừa được tạo nên đã nằm trong bộ nhớ đệm của hệ điều hành.\n"
        f"* Tải của máy (load average 1 phút) trước → sau mỗi cỡ: {loads}. Khi máy bận việc khác, "
        "thời gian thực dài ra còn thời gian CPU thì gần như không đổi, nên tính tuyến tính được "
        "xét bằng thời gian CPU. Trên máy ảo này, chạy lại cùng một lệnh có lúc lệch tới "
        "±30 % cả thời gian CPU, nên một tỉ lệ sát ngưỡng (ví dụ ×4–6 so với ngưỡng ×5) có thể "
        "đổi PASS/FAIL giữa hai lần đo.\n"
        "* Số lần gọi `check-jsonschema` lớn hơn 1 vì mỗi lược đồ một lần gọi; thời gian là tổng, "
        "bộ nhớ là lần lớn nhất.\n"
        "* Chạy lại: `make bench` (đầy đủ, 1.000 và 10.000 hồ sơ) hoặc "
        "`.venv/bin/python scripts/bench.py --quick` (100 và 1.000, không ghi trang này). "
        "`--keep` giữ lại các kho tổng hợp để xem.\n"
    )
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="100 and 1,000 dossiers; no report")
    parser.add_argument("--sizes", type=int, nargs="+", help="dossier counts (default 1000 10000)")
    parser.add_argument("--output", type=Path, help="report file (default docs/performance.md)")
    parser.add_argument("--workdir", type=Path, help="where to build (default: a temp folder)")
    parser.add_argument("--keep", action="store_true", help="keep the synthetic repositories")
    args = parser.parse_args(argv)
    sizes = sorted(args.sizes or (QUICK_SIZES if args.quick else FULL_SIZES))
    if len(sizes) < 2:
        parser.error("--sizes needs at least two sizes to compare")
    output = args.output or (None if args.quick or args.sizes else PROJECT / "docs/performance.md")
    started = time.perf_counter()
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="sangtao-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        # One small unreported round first, so that no measured tool pays for a cold start.
        say("Khởi động (không tính) …")
        run_scale(workdir, WARM_UP)
        scales = [run_scale(workdir, n) for n in sizes]
        first = scales[0]
        demo = line_demo(first.data.root, first.data.by_kind["dang-ky"][0])
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            say(f"Kho tổng hợp giữ lại ở {workdir}")
    wall = time.perf_counter() - started
    found = verdicts(scales, demo)
    say("")
    for verdict in found:
        say(f"{verdict.label:4}  {verdict.target}: {verdict.measured}")
    if output is not None:
        output.write_text(report(scales, found, demo, wall) + "\n", encoding="utf-8")
        say(f"Đã ghi {output.relative_to(PROJECT) if output.is_relative_to(PROJECT) else output}")
    say(f"Tổng thời gian: {wall:.0f} s")
    return 0 if all(v.passed is not False for v in found) else 1


if __name__ == "__main__":
    sys.exit(main())
