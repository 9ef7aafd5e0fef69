"""The broken example is rejected with the messages its README promises.

``examples/broken-regulation/changes.patch`` adds a third Deputy Head and
makes the Communications Group report monthly. CI (the GitLab job of
``examples/ci``) must fail; ``orgkg check`` and the scenarios must name the
sentences the edits contradict, in Vietnamese and in English, exactly as
``examples/broken-regulation/README.md`` shows them.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import Any

import pytest

from tests.bdd.recipes import BROKEN, CiRuns

README = (BROKEN / "README.md").read_text(encoding="utf-8")

# (shape, sentences, Vietnamese, English) of every violation `orgkg check` reports.
CHECK_MESSAGES = [
    (
        "WgDeputyCountShape",
        ["para_5__sent_1"],
        "Tổ công tác phải có đúng hai Tổ phó (chức vụ org:role okg:deputyHead).",
        "The Working Group must have exactly two Deputy Heads (posts with org:role "
        "okg:deputyHead).",
    ),
    (
        "StandingUnitCompositionShape",
        ["para_6__sent_1"],
        "Chức vụ Tổ phó Tổ công tác (thứ ba) (lãnh đạo Tổ công tác "
        "hoặc Trưởng nhóm) phải tham gia Bộ phận thường trực (okg:sitsIn).",
        "Post Third Deputy Head of the Working Group (Working Group leadership "
        "or group head) must sit in the standing unit (okg:sitsIn).",
    ),
    (
        "GroupsReportWeeklyShape",
        ["para_10__sent_2"],
        "Nhóm công tác Nhóm Truyền thông phải báo cáo lãnh đạo Tổ công tác ít nhất hàng tuần.",
        "Working group Communications Group must report to "
        "the Working Group leadership at least weekly.",
    ),
    (
        "LeadershipCompositionShape",
        ["para_5__sent_1"],
        "Chức vụ Tổ phó Tổ công tác (thứ ba) phải tham gia lãnh đạo Tổ công tác (okg:sitsIn).",
        "Post Third Deputy Head of the Working Group must sit in the Working Group leadership "
        "(okg:sitsIn).",
    ),
    (
        "GroupLineWeeklyShape",
        ["para_10__sent_2"],
        "Tuyến báo cáo Nhóm Truyền thông báo cáo lãnh đạo Tổ công tác hàng tháng phải ít nhất "
        "hàng tuần (okg:frequency).",
        "Reporting line The Communications Group reports monthly to the Working Group leadership "
        "must be at least weekly (okg:frequency).",
    ),
]

# (scenario, Vietnamese line, English line) of the scenarios that check the edited facts.
SCENARIO_MESSAGES = [
    (
        "test_tổ_công_tác_có_đúng_một_tổ_trưởng_hai_tổ_phó_và_các_thành_viên",
        "Trái với câu para_5__sent_1 “Cũng theo Quy chế, cơ cấu tổ chức của Tổ công tác gồm Tổ "
        "trưởng, 2 Tổ phó và các thành viên.”: “Tổ công tác giúp việc Chủ tịch Ủy ban Quốc gia về "
        "Chính phủ điện tử” phải có đúng 2 chức vụ vai trò “Cấp phó”",
        "Contradicts sentence para_5__sent_1: “Tổ công tác giúp việc Chủ tịch Ủy ban Quốc gia về "
        "Chính phủ điện tử” must have exactly 2 post(s) with role “Cấp phó”",
    ),
    (
        "test_mỗi_nhóm_công_tác_báo_cáo_lãnh_đạo_tổ_công_tác_hàng_tuần",
        "Trái với câu para_10__sent_2 “Định kỳ hàng tuần các nhóm thuộc Tổ công tác báo cáo lãnh "
        "đạo Tổ công tác về kết quả thực hiện nhiệm vụ được giao.”: “Nhóm Truyền thông” không báo "
        "cáo “Lãnh đạo Tổ công tác” với tần suất “Hàng tuần”",
        "Contradicts sentence para_10__sent_2: “Nhóm Truyền thông” does not report to “Lãnh đạo "
        "Tổ công tác” with frequency “Hàng tuần”",
    ),
]

FAILING_SCENARIOS = {
    "test_tổ_công_tác_có_đúng_một_tổ_trưởng_hai_tổ_phó_và_các_thành_viên",
    "test_kiểm_tra_tuân_thủ_không_thấy_vi_phạm_nào_về_số_tổ_trưởng_tổ_phó",
    "test_kiểm_tra_tuân_thủ_không_thấy_vi_phạm_nào_về_bộ_phận_thường_trực",
    "test_mỗi_nhóm_công_tác_báo_cáo_lãnh_đạo_tổ_công_tác_hàng_tuần",
    "test_kiểm_tra_tuân_thủ_không_thấy_vi_phạm_nào_về_chế_độ_báo_cáo",
}


@pytest.fixture(scope="module")
def violations(ci_runs: CiRuns) -> list[dict[str, Any]]:
    check = ci_runs.broken_check
    assert check.returncode == 1, check.stderr
    results: list[dict[str, Any]] = json.loads(check.stdout)["results"]
    return [r for r in results if r["severity"] == "violation"]


@pytest.fixture(scope="module")
def scenario_failures(ci_runs: CiRuns) -> dict[str, str]:
    """Failed scenario (test name without parameters) -> its failure text."""
    root = ET.parse(ci_runs.broken.report("orgkg-scenarios.xml")).getroot()
    return {
        case.get("name", "").split("[")[0]: (failure.text or "")
        for case in root.iter("testcase")
        if (failure := case.find("failure")) is not None
    }


def test_check_reports_exactly_the_contradicted_sentences(
    violations: list[dict[str, Any]],
) -> None:
    found = sorted((r["shape"].rsplit("#", 1)[-1], r["sources"]) for r in violations)
    assert found == sorted((shape, sources) for shape, sources, _, _ in CHECK_MESSAGES)


@pytest.mark.parametrize(("shape", "sources", "vi", "en"), CHECK_MESSAGES, ids=str)
def test_check_message_is_bilingual_and_in_the_readme(
    violations: list[dict[str, Any]], shape: str, sources: list[str], vi: str, en: str
) -> None:
    assert vi in README and en in README
    result = next(r for r in violations if r["shape"].endswith("#" + shape))
    assert (result["message_vi"], result["message_en"]) == (vi, en)
    assert result["sources"] == sources


def test_exactly_the_scenarios_about_the_edits_fail(scenario_failures: dict[str, str]) -> None:
    assert set(scenario_failures) == FAILING_SCENARIOS


@pytest.mark.parametrize(("scenario", "vi", "en"), SCENARIO_MESSAGES, ids=["deputies", "weekly"])
def test_scenario_failure_names_the_sentence_in_both_languages(
    scenario_failures: dict[str, str], scenario: str, vi: str, en: str
) -> None:
    assert vi in README and en in README
    assert vi in scenario_failures[scenario]
    assert en in scenario_failures[scenario]


def test_the_patch_is_the_documented_commit() -> None:
    patch = (BROKEN / "changes.patch").read_text(encoding="utf-8")
    assert "+++ b/regulation/to-pho-thu-ba.ttl" in patch
    assert "-    okg:frequency okg:weekly ;" in patch
    assert "+    okg:frequency okg:monthly ;" in patch
