"""Word lists and themes of the synthetic dossiers: realistic Vietnamese text."""

from __future__ import annotations

from typing import Any

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
