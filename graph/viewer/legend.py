"""How the org-chart page draws and names things: one style per node kind and
per relation, with their names in Vietnamese and English, and the page's own
words. The page's legend, filters and side panel are all built from this
table, so a kind or relation added here appears everywhere at once.
"""

from __future__ import annotations

from typing import Any

Names = tuple[str, str]  # (vi, en)

# vis-network group options per node kind, plus the kind's names. Shapes with
# the label inside (box, ellipse) are for the structure a reader scans
# first; small marks with the label below are for the details hanging off it.
KIND_STYLES: dict[str, dict[str, Any]] = {
    "body": {
        "widthConstraint": {"maximum": 150},
        "names": ("Cơ quan", "Body"),
        "shape": "box",
        "color": {
            "background": "#1d3557",
            "border": "#10233d",
            "highlight": {"background": "#2b4c7e", "border": "#0b1a2e"},
        },
        "font": {"color": "#ffffff", "size": 18, "face": "system-ui, sans-serif", "bold": True},
        "margin": 12,
        "shapeProperties": {"borderRadius": 6},
    },
    "unit": {
        "widthConstraint": {"maximum": 118},
        "names": ("Đơn vị / nhóm", "Unit / group"),
        "shape": "box",
        "color": {
            "background": "#2a7f8f",
            "border": "#1c5f6b",
            "highlight": {"background": "#3796a8", "border": "#154b55"},
        },
        "font": {"color": "#ffffff", "size": 15, "face": "system-ui, sans-serif"},
        "margin": 10,
        "shapeProperties": {"borderRadius": 6},
    },
    "post": {
        "widthConstraint": {"maximum": 112},
        "names": ("Chức vụ", "Post"),
        "shape": "box",
        "color": {
            "background": "#fff3d1",
            "border": "#d39b1d",
            "highlight": {"background": "#ffe7a3", "border": "#a8770c"},
        },
        "font": {"color": "#3a2c00", "size": 14, "face": "system-ui, sans-serif"},
        "margin": 8,
        "borderWidth": 1.5,
        "shapeProperties": {"borderRadius": 14},
    },
    "person": {
        "widthConstraint": {"maximum": 120},
        "names": ("Cá nhân", "Person"),
        "shape": "ellipse",
        "color": {
            "background": "#f1eafc",
            "border": "#7c4dbe",
            "highlight": {"background": "#e2d3f8", "border": "#5b3096"},
        },
        "font": {"color": "#3b1f66", "size": 13, "face": "system-ui, sans-serif"},
    },
    "seal": {
        "widthConstraint": {"maximum": 110},
        "names": ("Con dấu", "Seal"),
        "shape": "hexagon",
        "size": 13,
        "color": {
            "background": "#c0392b",
            "border": "#8e2318",
            "highlight": {"background": "#e74c3c", "border": "#8e2318"},
        },
        "font": {"color": "#8e2318", "size": 12, "face": "system-ui, sans-serif"},
    },
    "reporting": {
        "widthConstraint": {"maximum": 120},
        "names": ("Tuyến báo cáo", "Reporting line"),
        "shape": "diamond",
        "size": 9,
        "color": {
            "background": "#2f6fd6",
            "border": "#1d4f9e",
            "highlight": {"background": "#5b8ff0", "border": "#1d4f9e"},
        },
        "font": {"color": "#1d4f9e", "size": 11, "face": "system-ui, sans-serif"},
    },
    "duty": {
        "widthConstraint": {"maximum": 120},
        "names": ("Nhiệm vụ", "Duty"),
        "shape": "square",
        "size": 7,
        "color": {
            "background": "#3b8d5a",
            "border": "#27653e",
            "highlight": {"background": "#55b07a", "border": "#27653e"},
        },
        "font": {"color": "#27653e", "size": 11, "face": "system-ui, sans-serif"},
    },
    "permission": {
        "widthConstraint": {"maximum": 120},
        "names": ("Quyền hạn", "Permission"),
        "shape": "triangle",
        "size": 8,
        "color": {
            "background": "#e08a00",
            "border": "#a86700",
            "highlight": {"background": "#f5a623", "border": "#a86700"},
        },
        "font": {"color": "#8a5500", "size": 11, "face": "system-ui, sans-serif"},
    },
    "source": {
        "widthConstraint": {"maximum": 100},
        "names": ("Câu nguồn", "Source sentence"),
        "shape": "dot",
        "size": 5,
        "color": {
            "background": "#9aa5b4",
            "border": "#6b7686",
            "highlight": {"background": "#c3cad4", "border": "#6b7686"},
        },
        "font": {"color": "#56606e", "size": 10, "face": "ui-monospace, monospace"},
    },
}

# vis-network edge options per relation, plus the relation's names.
RELATION_STYLES: dict[str, dict[str, Any]] = {
    "reportsTo": {"names": ("báo cáo", "reports to"), "color": "#2f6fd6", "width": 2.4},
    "heads": {"names": ("đứng đầu", "heads"), "color": "#1d3557", "width": 2.4},
    "unitOf": {"names": ("thuộc", "unit of"), "color": "#6b7686", "width": 1.6},
    "postIn": {"names": ("chức vụ trong", "post in"), "color": "#b8a16a", "width": 1.2},
    "sitsIn": {
        "names": ("tham gia", "sits in"),
        "color": "#e08a00",
        "width": 1.2,
        "dashes": [6, 4],
        # Drawn across the tree (a post sits in other units): fainter, so the
        # lines of who is under whom read first.
        "opacity": 0.55,
    },
    "memberOf": {
        "names": ("thành viên của", "member of"),
        "color": "#e08a00",
        "width": 1.4,
        "dashes": [2, 4],
    },
    "holds": {"names": ("đảm nhiệm", "holds"), "color": "#7c4dbe", "width": 1.6, "dashes": [4, 3]},
    "exOfficio": {
        "names": ("kiêm nhiệm theo chức vụ", "ex officio"),
        "color": "#7c4dbe",
        "width": 1.2,
        "dashes": [10, 3, 2, 3],
    },
    "assists": {
        "names": ("giúp việc", "assists"),
        "color": "#2a7f8f",
        "width": 1.4,
        "dashes": [8, 4],
    },
    "sealOf": {"names": ("con dấu của", "seal of"), "color": "#c0392b", "width": 1.2},
    "mayUseSeal": {
        "names": ("được dùng con dấu", "may use seal"),
        "color": "#c0392b",
        "width": 1.6,
        "dashes": [5, 4],
    },
    "bears": {
        "names": ("có nhiệm vụ, quyền hạn", "bears duty or right"),
        "color": "#3b8d5a",
        "width": 1.2,
        "dashes": [2, 3],
    },
    "concerns": {
        "names": ("đối với", "concerns"),
        "color": "#8fbf9f",
        "width": 1.0,
        "dashes": [2, 3],
    },
    "derivedFrom": {
        "names": ("trích từ", "derived from"),
        "color": "#c5cad3",
        "width": 0.8,
        "dashes": [1, 3],
    },
}

# What the page hides until the reader asks, so the first view is the
# structure: the sentences are in every node's side panel already, and the
# rules and reporting lines, drawn as nodes, would bury the chart.
HIDDEN_KINDS: tuple[str, ...] = ("reporting", "duty", "permission", "source")
HIDDEN_RELATIONS: tuple[str, ...] = ("derivedFrom",)
# Qualified relations: while their kind is hidden, the page draws one edge
# straight from the bearer to the target instead (a reporter to its
# recipient, a post to the seal it may use), so hiding them loses no line.
BRIDGED_KINDS: tuple[str, ...] = ("reporting", "permission")

DETAIL_NAMES: dict[str, Names] = {
    "role": ("Vai trò", "Role"),
    "frequency": ("Tần suất", "Frequency"),
    "channel": ("Hình thức", "Channel"),
    "subject": ("Nội dung", "Subject"),
    "workingRegime": ("Chế độ làm việc", "Working regime"),
    "action": ("Hành vi", "Action"),
    "staffingMode": ("Hình thức điều động", "Staffing mode"),
}

# The page's own words.
TEXT: dict[str, Names] = {
    "title": ("Sơ đồ tổ chức", "Organisation chart"),
    "search": ("Tìm (không cần dấu)…", "Search (accents optional)…"),
    "no_match": ("Không tìm thấy", "No match"),
    "kinds": ("Loại nút", "Node kinds"),
    "relations": ("Quan hệ", "Relations"),
    "unit": ("Đơn vị", "Unit"),
    "all_units": ("Tất cả đơn vị", "All units"),
    "layout": ("Bố cục", "Layout"),
    "layout_org": ("Sơ đồ", "Org chart"),
    "layout_force": ("Tự do", "Force"),
    "label_vi": ("Tên tiếng Việt", "Vietnamese label"),
    "label_en": ("Tên tiếng Anh", "English label"),
    "alt": ("Tên khác", "Other names"),
    "kind": ("Loại", "Kind"),
    "iri": ("Định danh", "Identifier"),
    "details": ("Thuộc tính", "Details"),
    "links": ("Quan hệ", "Relations"),
    "sources": ("Trích dẫn nguồn", "Source quotes"),
    "no_source": ("Không có câu nguồn", "No source sentence"),
    "close": ("Đóng", "Close"),
    "show_all": ("Hiện tất cả", "Show all"),
    "expand_all": ("Mở rộng tất cả", "Expand all"),
    "focus_on": ("Đang xem quanh", "Showing the neighbourhood of"),
    "depth": ("độ sâu", "depth"),
    "not_found": ("Không có nút", "No node"),
    "collapsed": (
        "Đồ thị lớn: chỉ hiện đơn vị; bấm vào một đơn vị để mở",
        "Large graph: units only; click a unit to open it",
    ),
    "nodes": ("nút", "nodes"),
    "edges": ("cạnh", "edges"),
    "hint": ("Bấm vào một nút để xem nguồn", "Click a node to see its source"),
    "skip": ("Bỏ qua, tới chú giải và bộ lọc", "Skip to the legend and filters"),
    "outline": ("Xem dạng danh sách", "View as a list"),
    "export": ("Tải sơ đồ", "Download the chart"),
    "export_view": ("Phần đang xem", "Current view"),
    "export_whole": ("Toàn bộ sơ đồ", "Whole chart"),
    "day": ("Ngày", "Day"),
    "changes": ("thay đổi", "changes"),
    "offline_day": (
        "Trang ngoại tuyến chỉ cho một ngày: dùng orgkg view --at NGÀY, hoặc orgkg serve",
        "An offline page shows one day: use orgkg view --at DAY, or orgkg serve",
    ),
}


def names_of(table: dict[str, dict[str, Any]]) -> dict[str, dict[str, str]]:
    """``{key: {"vi": ..., "en": ...}}`` for a style table."""
    return {key: {"vi": style["names"][0], "en": style["names"][1]} for key, style in table.items()}


def vis_groups() -> dict[str, dict[str, Any]]:
    """The vis-network ``groups`` option: one group per node kind."""
    return {
        kind: {k: v for k, v in style.items() if k != "names"}
        for kind, style in KIND_STYLES.items()
    }


def edge_styles() -> dict[str, dict[str, Any]]:
    """vis-network edge options per relation (the page applies them per edge)."""
    return {
        relation: {k: v for k, v in style.items() if k != "names"}
        for relation, style in RELATION_STYLES.items()
    }


def page_text() -> dict[str, dict[str, str]]:
    """The page's words, both languages, plus the detail property names."""
    words = {key: {"vi": vi, "en": en} for key, (vi, en) in TEXT.items()}
    words.update({f"detail_{key}": {"vi": vi, "en": en} for key, (vi, en) in DETAIL_NAMES.items()})
    return words
