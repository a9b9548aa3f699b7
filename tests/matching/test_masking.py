"""Masking personal data in interview stories: numbers, e-mails and names in context."""

import csv
import re
from pathlib import Path

import pytest

from matching.masking import has_personal_data, mask_personal_data

STORIES = Path(__file__).parents[2] / "bot" / "demo" / "data" / "stories.csv"


@pytest.mark.parametrize(
    "phone",
    [
        "010-1234-5678",
        "01012345678",
        "010 1234 5678",
        "010.1234.5678",
        "010 - 1234 - 5678",
        "010–1234–5678",
        "011-123-4567",
        "016-987-6543",
        "+82 10 1234 5678",
        "+82-10-1234-5678",
        "+821012345678",
        "+82 (0)10 1234 5678",
        "(02) 123-4567",
        "(031)123-4567",
        "02-1234-5678",
        "02-123-4567",
        "031-123-4567",
        "064-712-3456",
        "070-1234-5678",
        "1588-1234",
        "1544-0000",
        "1661-2345",
    ],
)
def test_phone_numbers_are_replaced_whole(phone: str) -> None:
    masked = mask_personal_data(f"궁금하시면 {phone}로 연락 주세요.")
    assert masked == "궁금하시면 (전화번호)로 연락 주세요."


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("010-1234-5678", "(전화번호)"),
        ("번호는 010-1234-5678입니다", "번호는 (전화번호)입니다"),
        ("문자:01012345678", "문자:(전화번호)"),
        ("집 02-123-4567, 휴대폰 010-9876-5432", "집 (전화번호), 휴대폰 (전화번호)"),
        ("010-****-5678로 주세요", "(전화번호)로 주세요"),
        ("010-1234-xxxx", "(전화번호)"),
    ],
)
def test_phone_numbers_in_context(text: str, masked: str) -> None:
    assert mask_personal_data(text) == masked


@pytest.mark.parametrize(
    "email",
    [
        "hong@naver.com",
        "a.b-c@daum.net",
        "kim_01@company.co.kr",
        "Senior.Kim+job@gmail.com",
        "lee1968@hanmail.net",
    ],
)
def test_emails_are_replaced(email: str) -> None:
    assert mask_personal_data(f"메일은 {email}입니다.") == "메일은 (이메일)입니다."
    assert mask_personal_data(f"({email})") == "((이메일))"


@pytest.mark.parametrize(
    "number",
    [
        "680101-1234567",
        "6801011234567",
        "680101 - 2234567",
        "751231-3234567",
        "010203-4234567",
        "900515-5234567",
        "680101-1******",
        "680101-*******",
    ],
)
def test_resident_numbers_are_replaced(number: str) -> None:
    assert mask_personal_data(f"주민번호 {number} 제출") == "주민번호 (주민번호) 제출"


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("김철수입니다", "김○○입니다"),
        ("김철수가 썼어요", "김○○가 썼어요"),
        ("김철수님 안녕하세요", "김○○님 안녕하세요"),
        ("김철수 씨의 후기", "김○○ 씨의 후기"),
        ("저 김철수, 드디어 합격!", "저 김○○, 드디어 합격!"),
        ("김철수\n김철수", "김○○\n김○○"),
        ("박영희 과장님께 감사", "박○○ 과장님께 감사"),
        ("남궁민수입니다", "남궁○○입니다"),
        ("김철수는 김철수다", "김○○는 김○○다"),
    ],
)
def test_known_names_are_masked_with_particles(text: str, masked: str) -> None:
    assert mask_personal_data(text, known_names=["김철수", "박영희", "남궁민수"]) == masked


@pytest.mark.parametrize(
    ("text", "known", "masked"),
    [
        ("김 철수입니다", "김철수", "김○○입니다"),
        ("김철수입니다", "김 철수", "김○○입니다"),
        ("Contact John Smith or john smith", "John Smith", "Contact (이름) or (이름)"),
        ("Johnny", "John", "Johnny"),
        ("신임교육 이수증", "이수", "신임교육 이수증"),
        ("이수가 말했어요", "이수", "이○가 말했어요"),
        ("김철수입니다", " ", "김철수입니다"),
    ],
)
def test_known_names_edge_cases(text: str, known: str, masked: str) -> None:
    assert mask_personal_data(text, known_names=[known]) == masked


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("김철수 과장님이 면접관이셨어요", "김○○ 과장님이 면접관이셨어요"),
        ("김철수과장님", "김○○과장님"),
        ("박영희 씨가 도와줬어요", "박○○ 씨가 도와줬어요"),
        ("박영희씨", "박○○씨"),
        ("이수진 님께 감사드려요", "이○○ 님께 감사드려요"),
        ("최민호님이 연락 주셨어요", "최○○님이 연락 주셨어요"),
        ("정미경 선생님께 배웠어요", "정○○ 선생님께 배웠어요"),
        ("오세훈 부장님, 감사합니다", "오○○ 부장님, 감사합니다"),
        ("조현우 차장 면접", "조○○ 차장 면접"),
        ("한지민 대리랑 같이 갔어요", "한○○ 대리랑 같이 갔어요"),
        ("윤석진 사장님은", "윤○○ 사장님은"),
        ("강민철 대표님께서", "강○○ 대표님께서"),
        ("임정수 팀장님들한테", "임○○ 팀장님들한테"),
        ("서지은 실장", "서○○ 실장"),
        ("전영호 소장님이", "전○○ 소장님이"),
        ("송미란 원장님이", "송○○ 원장님이"),
        ("김민수 센터장님께서", "김○○ 센터장님께서"),
        ("황인성 반장님한테", "황○○ 반장님한테"),
        ("안정우 주임", "안○○ 주임"),
        ("노지훈 이사님", "노○○ 이사님"),
        ("하재원 상무님", "하○○ 상무님"),
        ("곽도현 전무", "곽○○ 전무"),
        ("유재석 면접관님", "유○○ 면접관님"),
        ("백승호 담당자에게", "백○○ 담당자에게"),
        ("신동엽 매니저님", "신○○ 매니저님"),
        ("안정환 코치님이", "안○○ 코치님이"),
        ("최영 반장님", "최○ 반장님"),
        ("이정훈 현장소장님이", "이○○ 현장소장님이"),
        ("김철수 품질팀장님", "김○○ 품질팀장님"),
        ("김철수 품질 팀장님", "김○○ 품질 팀장님"),
        ("인사팀 김철수 과장", "인사팀 김○○ 과장"),
        ("남궁민수 씨", "남궁○○ 씨"),
        ("황보영 팀장", "황보○ 팀장"),
        ("제갈공명 대표님", "제갈○○ 대표님"),
        ("선우용녀 씨와", "선우○○ 씨와"),
        ("독고영재 매니저", "독고○○ 매니저"),
        ("사공일 코치님", "사공○ 코치님"),
        ("서문탁 이사님", "서문○ 이사님"),
        ("(김철수 과장님)", "(김○○ 과장님)"),
        ("면접관: 김철수 부장", "면접관: 김○○ 부장"),
    ],
)
def test_names_before_titles_are_masked(text: str, masked: str) -> None:
    assert mask_personal_data(text) == masked


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("이름: 홍길동", "이름: 홍○○"),
        ("이름 : 홍길동", "이름 : 홍○○"),
        ("성명:김영희 (여)", "성명:김○○ (여)"),
        ("성명: 남궁민수", "성명: 남궁○○"),
        ("담당자: 박민수\n연락 주세요", "담당자: 박○○\n연락 주세요"),
        ("담당자: 박민수님", "담당자: 박○○님"),
        ("제 이름은 박민수입니다", "제 이름은 박○○입니다"),
        ("제 이름은 박민수예요.", "제 이름은 박○○예요."),
        ("이름은 김철수, 나이는 62세", "이름은 김○○, 나이는 62세"),
        ("제 이름은 김철수\n올해 62세", "제 이름은 김○○\n올해 62세"),
        ("성함은 이영자입니다", "성함은 이○○입니다"),
    ],
)
def test_names_after_labels_are_masked(text: str, masked: str) -> None:
    assert mask_personal_data(text) == masked


@pytest.mark.parametrize(
    "text",
    [
        "2026-12-03에 면접",
        "2026.12.03 면접",
        "12.3 면접",
        "12월 3일 14:00 면접",
        "3,000만원",
        "월 250만원",
        "연봉 3000만원",
        "1968년생",
        "1968-2026년",
        "22년 근무",
        "불량률 0.8%→0.1%",
        "0.5%",
        "하루 120개씩",
        "25~30곳",
        "1500-2000명",
        "1600-2000원",
        "주 3일 오후",
        "2024-01-15",
        "IATF 16949",
        "8D 보고서 12건",
        "07:00~13:00",
        "100-200만원",
        "20260101",
        "윈도우 11",
    ],
)
def test_numbers_that_are_not_personal_stay(text: str) -> None:
    assert mask_personal_data(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "김 부장님이 면접을 보셨어요",
        "박 과장",
        "김부장님",
        "박과장이 물어봤어요",
        "이사장님",
        "부원장님",
        "부사장님",
        "공장 과장",
        "안전 팀장",
        "조립반 반장",
        "현장 소장",
        "현장소장님",
        "관리 소장",
        "관리소장 할 때",
        "전기 기사",
        "시설 과장",
        "고객 담당자",
        "인사 담당자",
        "채용 담당자",
        "면접 담당자",
        "현장 대리",
        "구매 과장",
        "품질 팀장",
        "생산 부장",
        "정비 과장",
        "주간 반장",
        "서비스 매니저",
        "영업 부장",
        "원청 담당자",
        "경비 반장님",
        "설비 과장님",
        "도장 반장",
        "배송 기사님",
        "유통 팀장",
        "공무팀 과장님",
        "영업부장 하던 시절",
        "전산실 실장님",
        "고객사 담당자",
        "정규직 전환 담당자",
        "오전 팀장님",
        "우리 팀장님이",
        "정말 사장님이 좋으셨어요",
        "이번 면접관은",
        "지난번 면접관",
        "신임 과장님",
        "모든 면접관",
        "여러 면접관",
        "한국 대표 기업",
        "제가 팀장일 때",
        "전에 사장님이",
        "하지만 팀장님이",
        "원장님이 그런 게 중요하다고",
        "반장님들한테",
        "선생님께",
        "기사님들",
        "손님이 많아요",
        "고객님 응대",
        "부모님께",
        "마음씨가 좋은 분",
        "씨앗",
        "지하주차장 관리",
        "천안 공장장님",
        "부산 지점장",
        "은행 지점장 (금융권 28년)",
        "시설·소방 설비기사",
        "한국어강사 면접",
        "방과후강사",
        "김○○ 과장님",
        "이름은 기억 안 나요",
        "이름은 모르지만",
        "담당자: 인사팀",
    ],
)
def test_ordinary_words_before_titles_stay(text: str) -> None:
    assert mask_personal_data(text) == text


def test_line_breaks_punctuation_and_emoji_stay() -> None:
    text = "합격했어요!! 😊🎉\n\n김철수 과장님 감사합니다 🙏\n연락: 010-1234-5678 📞"
    assert mask_personal_data(text) == (
        "합격했어요!! 😊🎉\n\n김○○ 과장님 감사합니다 🙏\n연락: (전화번호) 📞"
    )


def test_long_text_masks_a_phone_number_at_the_end() -> None:
    filler = "면접은 편한 분위기였고 김 반장님이 안내해 주셨어요 😊\n"
    text = (filler * 200)[:4986] + "010-1234-5678"
    assert len(text) == 4999
    masked = mask_personal_data(text)
    assert masked == text[:4986] + "(전화번호)"


def test_empty_text() -> None:
    assert mask_personal_data("") == ""
    assert not has_personal_data("")


@pytest.mark.parametrize(
    "text",
    [
        "김철수 과장님 010-1234-5678, hong@naver.com, 680101-1234567",
        "이름: 남궁민수\n제 이름은 박민수입니다",
        "남궁민수 씨와 황보영 팀장",
        "(전화번호) (이메일) (주민번호) 김○○ 씨 남궁○○ 님",
        "이름: 남궁○○",
        "+82 10 1234 5678 (02) 123-4567 1588-1234",
    ],
)
def test_masking_masked_text_changes_nothing(text: str) -> None:
    known = ["김철수", "남궁민수"]
    once = mask_personal_data(text, known_names=known)
    assert mask_personal_data(once, known_names=known) == once


def test_no_partial_number_is_left() -> None:
    masked = mask_personal_data("010-1234-5678 / +82-10-1234-5678 / 680101-1234567")
    assert not re.search(r"\d", masked)


@pytest.mark.parametrize(
    ("text", "known", "expected"),
    [
        ("010-1234-5678로 문자 주세요", (), True),
        ("hong@naver.com", (), True),
        ("680101-1234567", (), True),
        ("김철수 과장님", (), True),
        ("제 이름은 김철수입니다", (), True),
        ("김철수입니다", ("김철수",), True),
        ("김철수입니다", (), False),
        ("불량률 0.8%→0.1%, 월 250만원", (), False),
        ("김 부장님이 좋으셨어요", (), False),
        ("현장소장님이 안전모부터 보셨어요", (), False),
    ],
)
def test_has_personal_data(text: str, known: tuple[str, ...], expected: bool) -> None:
    assert has_personal_data(text, known_names=known) is expected


def _story_cells() -> list[tuple[str, str, str]]:
    with STORIES.open(encoding="utf-8", newline="") as file:
        return [
            (row["external_id"], column, value)
            for row in csv.DictReader(file)
            for column, value in row.items()
        ]


# The personal data the sample stories really hold: everything else must stay as written.
STORY_PERSONAL_DATA = {
    ("S2026-004", "advice"): ("010-1234-5678로 문자", "(전화번호)로 문자"),
    ("S2026-012", "what_helped"): ("이정훈 현장소장님이", "이○○ 현장소장님이"),
}


@pytest.mark.parametrize(("story", "column", "value"), _story_cells())
def test_sample_stories(story: str, column: str, value: str) -> None:
    expected = value
    if (story, column) in STORY_PERSONAL_DATA:
        original, masked = STORY_PERSONAL_DATA[story, column]
        assert original in value
        expected = value.replace(original, masked)
    assert mask_personal_data(value) == expected


def test_sample_stories_hold_the_expected_personal_data() -> None:
    flagged = {
        (story, column) for story, column, value in _story_cells() if has_personal_data(value)
    }
    assert flagged == set(STORY_PERSONAL_DATA)
