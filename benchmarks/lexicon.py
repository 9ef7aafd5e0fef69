"""Vietnamese (and English) words the synthetic organisations are named with.

Real administrative vocabulary, so labels carry the diacritics, the đ and the
multi-word titles that search and folding have to cope with at scale. Nothing
here is a real organisation chart: names are combined at random.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Tier:
    """One level of a body's unit tree: what its units and their leaders are called."""

    unit_vi: str
    unit_en: str
    head_vi: str
    head_en: str
    deputy_vi: str
    deputy_en: str


@dataclass(frozen=True)
class BodyKind:
    """A kind of body: its name pattern, leaders and the tiers of units below it."""

    prefix_vi: str
    prefix_en: str
    abbreviation: str
    head_vi: str
    head_en: str
    deputy_vi: str
    deputy_en: str
    tiers: tuple[Tier, ...]


_DEEP_TIERS = (
    Tier("Tổ", "Team", "Tổ trưởng", "Team Leader", "Tổ phó", "Deputy Team Leader"),
    Tier("Nhóm", "Group", "Trưởng nhóm", "Group Leader", "Phó Trưởng nhóm", "Deputy Group Leader"),
    Tier(
        "Tiểu nhóm",
        "Subgroup",
        "Trưởng tiểu nhóm",
        "Subgroup Leader",
        "Phó Trưởng tiểu nhóm",
        "Deputy Subgroup Leader",
    ),
)

# Below their first tier, ministries and provinces are organised alike.
_OFFICE_AND_DEEP_TIERS = (
    Tier(
        "Phòng",
        "Office of",
        "Trưởng phòng",
        "Head of Office",
        "Phó Trưởng phòng",
        "Deputy Head of Office",
    ),
    Tier(
        "Ban", "Board of", "Trưởng ban", "Head of Board", "Phó Trưởng ban", "Deputy Head of Board"
    ),
    *_DEEP_TIERS,
)

MINISTRY = BodyKind(
    prefix_vi="Bộ",
    prefix_en="Ministry of",
    abbreviation="B",
    head_vi="Bộ trưởng",
    head_en="Minister",
    deputy_vi="Thứ trưởng",
    deputy_en="Deputy Minister",
    tiers=(
        Tier(
            "Tổng cục",
            "General Department of",
            "Tổng cục trưởng",
            "Director General",
            "Phó Tổng cục trưởng",
            "Deputy Director General",
        ),
        Tier("Cục", "Department of", "Cục trưởng", "Director", "Phó Cục trưởng", "Deputy Director"),
        *_OFFICE_AND_DEEP_TIERS,
    ),
)

PROVINCE = BodyKind(
    prefix_vi="Ủy ban nhân dân tỉnh",
    prefix_en="People's Committee of",
    abbreviation="UBND",
    head_vi="Chủ tịch",
    head_en="Chairperson",
    deputy_vi="Phó Chủ tịch",
    deputy_en="Vice Chairperson",
    tiers=(
        Tier(
            "Sở", "Department of", "Giám đốc Sở", "Director", "Phó Giám đốc Sở", "Deputy Director"
        ),
        Tier(
            "Chi cục",
            "Sub-department of",
            "Chi cục trưởng",
            "Head of Sub-department",
            "Phó Chi cục trưởng",
            "Deputy Head of Sub-department",
        ),
        *_OFFICE_AND_DEEP_TIERS,
    ),
)

MINISTRIES: tuple[tuple[str, str], ...] = (
    ("Kế hoạch và Đầu tư", "Planning and Investment"),
    ("Tài chính", "Finance"),
    ("Tư pháp", "Justice"),
    ("Nội vụ", "Home Affairs"),
    ("Ngoại giao", "Foreign Affairs"),
    ("Công Thương", "Industry and Trade"),
    ("Nông nghiệp và Phát triển nông thôn", "Agriculture and Rural Development"),
    ("Giao thông vận tải", "Transport"),
    ("Xây dựng", "Construction"),
    ("Tài nguyên và Môi trường", "Natural Resources and Environment"),
    ("Thông tin và Truyền thông", "Information and Communications"),
    ("Lao động - Thương binh và Xã hội", "Labour, Invalids and Social Affairs"),
    ("Văn hóa, Thể thao và Du lịch", "Culture, Sports and Tourism"),
    ("Khoa học và Công nghệ", "Science and Technology"),
    ("Giáo dục và Đào tạo", "Education and Training"),
    ("Y tế", "Health"),
)

PROVINCES: tuple[str, ...] = (
    "Hà Giang", "Cao Bằng", "Bắc Kạn", "Tuyên Quang", "Lào Cai", "Điện Biên", "Lai Châu",
    "Sơn La", "Yên Bái", "Hòa Bình", "Thái Nguyên", "Lạng Sơn", "Quảng Ninh", "Bắc Giang",
    "Phú Thọ", "Vĩnh Phúc", "Bắc Ninh", "Hải Dương", "Hưng Yên", "Thái Bình", "Hà Nam",
    "Nam Định", "Ninh Bình", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Quảng Trị",
    "Thừa Thiên Huế", "Quảng Nam", "Quảng Ngãi", "Bình Định", "Phú Yên", "Khánh Hòa",
    "Ninh Thuận", "Bình Thuận", "Kon Tum", "Gia Lai", "Đắk Lắk", "Đắk Nông", "Lâm Đồng",
    "Bình Phước", "Tây Ninh", "Bình Dương", "Đồng Nai", "Bà Rịa - Vũng Tàu", "Long An",
    "Tiền Giang", "Bến Tre", "Trà Vinh", "Vĩnh Long", "Đồng Tháp", "An Giang", "Kiên Giang",
    "Hậu Giang", "Sóc Trăng", "Bạc Liêu", "Cà Mau",
)  # fmt: skip

TOPICS: tuple[tuple[str, str], ...] = (
    ("Kế hoạch", "Planning"),
    ("Tài chính", "Finance"),
    ("Pháp chế", "Legal Affairs"),
    ("Tổ chức cán bộ", "Personnel and Organisation"),
    ("Hợp tác quốc tế", "International Cooperation"),
    ("Thanh tra", "Inspection"),
    ("Công nghệ thông tin", "Information Technology"),
    ("Chuyển đổi số", "Digital Transformation"),
    ("Khoa học và công nghệ", "Science and Technology"),
    ("Thi đua - Khen thưởng", "Emulation and Rewards"),
    ("Kiểm soát thủ tục hành chính", "Administrative Procedure Control"),
    ("Truyền thông", "Communication"),
    ("Đào tạo, bồi dưỡng", "Training"),
    ("Văn thư, lưu trữ", "Records and Archives"),
    ("An toàn, an ninh thông tin", "Information Security"),
    ("Quản lý chất lượng", "Quality Management"),
    ("Đầu tư xây dựng", "Construction Investment"),
    ("Thống kê", "Statistics"),
    ("Tổng hợp", "General Affairs"),
    ("Dữ liệu số", "Digital Data"),
    ("Cải cách hành chính", "Administrative Reform"),
    ("Quản trị", "Administration"),
    ("Đất đai", "Land"),
    ("Khí tượng thủy văn", "Hydrometeorology"),
    ("Tiếp công dân", "Citizen Reception"),
    ("Phát triển nguồn nhân lực", "Human Resource Development"),
    ("Dịch vụ công trực tuyến", "Online Public Services"),
    ("Giám sát, đánh giá", "Monitoring and Evaluation"),
)

FAMILY_NAMES: tuple[str, ...] = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
    "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Đoàn", "Lương",
)  # fmt: skip
MIDDLE_NAMES: tuple[str, ...] = (
    "Văn", "Thị", "Đức", "Minh", "Thanh", "Hữu", "Quốc", "Ngọc", "Xuân", "Thu",
    "Mạnh", "Tiến", "Hồng", "Kim", "Bảo",
)  # fmt: skip
GIVEN_NAMES: tuple[str, ...] = (
    "An", "Bình", "Cường", "Dũng", "Hùng", "Hương", "Lan", "Mai", "Nam", "Phương",
    "Quân", "Sơn", "Thảo", "Trang", "Tuấn", "Việt", "Yến", "Đạt", "Hà", "Khánh",
    "Linh", "Long", "Ngân", "Oanh", "Phúc", "Quỳnh", "Tâm", "Thắng", "Thủy", "Vinh",
)  # fmt: skip

MEMBER_VI, MEMBER_EN = "Thành viên", "Member"
EXPERT_VI, EXPERT_EN = "Chuyên gia", "Expert"
SUPPORT_VI, SUPPORT_EN = "Cán bộ giúp việc", "Support Officer"
COUNCIL_VI, COUNCIL_EN = "Hội đồng Thi đua - Khen thưởng", "Emulation and Rewards Council"
GOVERNMENT_VI, GOVERNMENT_EN = "Chính phủ", "Government"
PRIME_MINISTER_VI, PRIME_MINISTER_EN = "Thủ tướng Chính phủ", "Prime Minister"

DUTIES: tuple[tuple[str, str], ...] = (
    ("Tham mưu, đề xuất chính sách về", "Advise on policy for"),
    ("Tổng hợp, báo cáo kết quả thực hiện nhiệm vụ về", "Compile and report results on"),
    ("Hướng dẫn, kiểm tra việc thực hiện", "Guide and inspect the implementation of"),
    ("Xây dựng kế hoạch hằng năm về", "Draw up the yearly plan for"),
    ("Phối hợp tổ chức thực hiện", "Coordinate the implementation of"),
    ("Theo dõi, đôn đốc việc triển khai", "Monitor and expedite the roll-out of"),
)
