"""The networkx questions of the catalogue: what each asks, and how it is asked.

Each is a :class:`~queries.question.Question` of kind ``graph`` answered by
:mod:`queries.analysis` (each answer remembered per store version, language
and parameters); :func:`queries.catalogue.load_catalogue` lists them beside
the ``.rq`` questions.
"""

from __future__ import annotations

from queries.analysis import (
    answer_chain,
    answer_chains,
    answer_cycles,
    answer_failures,
    remembered,
)
from queries.question import Parameter, Question

GRAPH_QUESTIONS: tuple[Question, ...] = (
    Question(
        id="chain-of-command",
        title={"vi": "Chuỗi chỉ huy", "en": "Chain of command"},
        description={
            "vi": "Từ một chức vụ, đơn vị hoặc người lên tới cấp cao nhất: theo quan hệ báo cáo; "
            "nơi không có, theo chức vụ đang giữ, rồi theo đơn vị chứa nó.",
            "en": "From a post, unit or person up to the top: along reporting lines; where there "
            "are none, through the posts held, then the containing unit.",
        },
        parameters=(
            Parameter(
                "from",
                "iri",
                True,
                "the post, unit or person to start from (IRI, id, slug or label)",
            ),
        ),
        tags=("structure", "reporting", "graph"),
        kind="graph",
        lists=("source",),
        ask={
            "vi": (
                "{from} báo cáo cho ai",
                "cấp trên của {from}",
                "chuỗi chỉ huy từ {from}",
                "{from} chịu sự chỉ đạo của ai",
                "{from} trực thuộc ai",
                "từ {from} lên tới cấp cao nhất",
                "ai quản lý {from}",
            ),
            "en": (
                "who does {from} report to",
                "chain of command of {from}",
                "who is above {from}",
                "who is the boss of {from}",
                "line manager of {from}",
            ),
        },
        answer=remembered(answer_chain),
    ),
    Question(
        id="reporting-cycles",
        title={"vi": "Vòng báo cáo khép kín", "en": "Reporting cycles"},
        description={
            "vi": "Các vòng trong quan hệ báo cáo (A báo cáo B ... báo cáo A); không có là tốt.",
            "en": "Loops in the reporting relation (A reports to B ... reports to A): "
            "there should be none.",
        },
        tags=("reporting", "checks", "graph"),
        kind="graph",
        ask={
            "vi": ("vòng báo cáo khép kín", "báo cáo vòng tròn", "báo cáo lòng vòng"),
            "en": ("reporting cycles", "circular reporting", "reporting loops"),
        },
        answer=remembered(answer_cycles),
    ),
    Question(
        id="single-points-of-failure",
        title={"vi": "Điểm nghẽn duy nhất", "en": "Single points of failure"},
        description={
            "vi": "Chức vụ, đơn vị hoặc người mà nếu thiếu thì chuỗi chỉ huy bị tách rời; "
            "kèm số nút bị tách.",
            "en": "Posts, units or people whose absence splits the chain of command, with the "
            "number of nodes cut off.",
        },
        tags=("structure", "risk", "graph"),
        kind="graph",
        ask={
            "vi": (
                "điểm nghẽn duy nhất",
                "nếu thiếu ai thì chuỗi chỉ huy bị đứt",
                "vị trí then chốt",
                "mắt xích yếu",
            ),
            "en": ("single points of failure", "who is indispensable", "bottleneck"),
        },
        answer=remembered(answer_failures),
    ),
    Question(
        id="longest-chains",
        title={"vi": "Chuỗi chỉ huy dài nhất", "en": "Longest chains of command"},
        description={
            "vi": "Những đường dài nhất từ một chức vụ hoặc đơn vị lên tới cấp cao nhất.",
            "en": "The longest ways from a post or unit up to the top.",
        },
        tags=("structure", "reporting", "graph"),
        kind="graph",
        ask={
            "vi": (
                "chuỗi chỉ huy dài nhất",
                "tuyến báo cáo dài nhất",
                "bao nhiêu cấp",
                "nhiều tầng nấc nhất",
            ),
            "en": ("longest chain of command", "deepest hierarchy", "how many levels"),
        },
        answer=remembered(answer_chains),
    ),
)
