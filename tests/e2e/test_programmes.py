"""Seniors find the programmes they may join, read them in plain words, apply with one
press and withdraw; nobody is offered one whose age or residence rule they do not meet."""

from pathlib import Path

from sqlalchemy import select

from bot.application import DISPATCH_JOB
from bot.imports.csv_rows import read_rows
from bot.imports.programmes import PROGRAMME_COLUMNS, import_programmes
from db.models import Programme, ProgrammeApplication, ProgrammeStatus
from handlers import texts
from matching.schedule import korean_date
from tests.e2e.conftest import OTHER_SENIOR
from tests.support.admin import audit_entries
from tests.support.harness import ADMIN, BotHarness, Chat
from tests.support.profiles import CAREGIVER_ANSWERS, agree, complete_profile, say

# The test clock reads 2026-11-22: these take applications then, but CLOSED no longer does.
SEJONG_HELPERS = (
    "GH,경력 상담 도우미,앙코르 시니어센터,세종시 노인복지관,50세 이상,세종,10명,"
    '2026-11-15~2026-12-20,2027-01-05~2027-06-30,20시간,40시간,"400,000원",'
    "복지관을 찾은 분들의 구직 상담을 돕습니다."
)
GYEONGGI_GUIDES = (
    "GG,공원 안내 도우미,경기도 일자리재단,,60~70세,경기,20명,"
    "2026-11-01~2026-11-30,2026-12-01~2027-02-28,,30시간,,공원 방문객을 안내합니다."
)
SEOUL_MARKETERS = (
    "SM,소셜마케터 인턴십,서울50플러스재단,,45~67세,서울,30명,"
    '2026-11-01~2026-12-20,2027-01-05~2027-06-30,51시간,57시간,"525,020원",온라인 홍보를 돕습니다.'
)
CLOSED = (
    "OLD,지난 인턴십,서울50플러스재단,,,,30명,"
    "2026-10-01~2026-10-31,2026-11-05~2027-02-28,,,,지난 기수입니다."
)


async def _import(bot: BotHarness, tmp_path: Path) -> dict[str, int]:
    path = tmp_path / "programmes.csv"
    rows = [",".join(PROGRAMME_COLUMNS), SEJONG_HELPERS, GYEONGGI_GUIDES, SEOUL_MARKETERS, CLOSED]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    sessions = bot.application.bot_data.sessions
    today = korean_date(bot.clock.now)
    report = await import_programmes(sessions, read_rows(path, PROGRAMME_COLUMNS), today)
    assert report.rejected is None, report.rejected
    async with sessions() as session:
        return {p.external_id: p.id for p in await session.scalars(select(Programme))}


async def _statuses(bot: BotHarness) -> list[ProgrammeStatus]:
    async with bot.application.bot_data.sessions() as session:
        return list(await session.scalars(select(ProgrammeApplication.status)))


async def test_a_senior_sees_what_fits_reads_it_applies_and_withdraws(
    bot: BotHarness, senior: Chat, tmp_path: Path
) -> None:
    await _import(bot, tmp_path)
    await complete_profile(senior)  # 58, 세종 and 대전 유성구

    await senior.send("/programmes")
    assert texts.programmes_title(1) in senior.replies[0]
    assert "📋 경력 상담 도우미" in senior.last
    assert "신청 12월 20일까지 · 활동 1월 5일~6월 30일" in senior.last
    assert not any("소셜마케터" in reply or "공원" in reply for reply in senior.replies)
    assert senior.inline_buttons == [texts.BUTTON_DETAILS, texts.BUTTON_APPLY]

    await senior.tap(texts.BUTTON_DETAILS)
    for line in (
        "함께하는 곳: 세종시 노인복지관",
        "신청 자격: 50세 이상, 세종에 사시는 분",
        "신청 기간: 11월 15일 ~ 12월 20일",
        "직무교육: 20시간",
        "활동 시간: 한 달에 40시간까지",
        "활동비: 한 달 최대 400,000원 (활동한 시간만큼)",
        "복지관을 찾은 분들의 구직 상담을 돕습니다.",
    ):
        assert line in senior.last

    await senior.tap(texts.BUTTON_APPLY)
    assert senior.last == texts.PROGRAMME_APPLIED
    await senior.tap(texts.BUTTON_APPLY)  # the same old button again
    assert senior.last == texts.PROGRAMME_APPLIED_ALREADY
    assert await _statuses(bot) == [ProgrammeStatus.APPLIED]

    await senior.send("/programmes")
    assert texts.PROGRAMME_STATUS_LABELS["applied"] in senior.last
    assert senior.inline_buttons == [texts.BUTTON_DETAILS, texts.BUTTON_WITHDRAW]
    await senior.tap(texts.BUTTON_WITHDRAW)
    assert senior.last == texts.PROGRAMME_WITHDRAWN
    assert await _statuses(bot) == [ProgrammeStatus.WITHDRAWN]
    await senior.send("/programmes")
    assert senior.inline_buttons == [texts.BUTTON_DETAILS, texts.BUTTON_APPLY]


async def test_each_senior_is_offered_only_what_their_age_and_home_allow(
    bot: BotHarness, senior: Chat, tmp_path: Path
) -> None:
    await _import(bot, tmp_path)
    other = bot.chat(OTHER_SENIOR)
    await agree(other)
    await say(other, *CAREGIVER_ANSWERS, texts.LOOKS_GOOD)  # 62, 수원 and 화성
    await other.send("/programmes")
    assert "📋 공원 안내 도우미" in other.last
    assert not any("상담" in reply or "소셜마케터" in reply for reply in other.replies)


async def test_forged_and_old_programme_buttons_get_a_kind_answer(
    bot: BotHarness, senior: Chat, tmp_path: Path
) -> None:
    ids = await _import(bot, tmp_path)
    await senior.send("/programmes")
    assert senior.last == texts.JOBS_NEED_PROFILE  # no profile yet
    await complete_profile(senior)

    await senior.press_data(f"prog:a:{ids['SM']}")  # Seoul only: not for a 세종 resident
    assert senior.last == texts.PROGRAMME_NOT_ELIGIBLE
    await senior.press_data(f"prog:a:{ids['OLD']}")
    assert senior.last == texts.PROGRAMME_CLOSED
    await senior.press_data("prog:a:999999")
    assert senior.last == texts.PROGRAMME_CLOSED
    await senior.press_data(f"prog:w:{ids['GH']}")
    assert senior.last == texts.PROGRAMME_NOTHING_TO_WITHDRAW
    assert await _statuses(bot) == []


def _sent(bot: BotHarness, chat: Chat) -> list[str]:
    return [
        str(call.params["text"])
        for call in bot.calls_to(chat.person.id)
        if call.method == "sendMessage"
    ]


async def test_staff_see_the_ratio_screen_and_select_and_the_senior_is_told(
    bot: BotHarness, senior: Chat, tmp_path: Path
) -> None:
    ids = await _import(bot, tmp_path)
    await complete_profile(senior)
    await senior.send("/programmes")
    await senior.tap(texts.BUTTON_APPLY)

    admin = bot.chat(ADMIN)
    await admin.send("/screening")
    line = texts.screening_line("경력 상담 도우미", 1, 10, 0)
    assert line in admin.replies
    assert "신청 1명 · 모집 10명 · 경쟁률 0.1 : 1 · 선정 0명" in line
    await admin.press_data(f"pgs:l:{ids['GH']}")
    assert "김영수 (" in admin.last
    assert "58세 · 세종, 대전 유성구 · 품질관리" in admin.last
    assert "자동차부품 품질관리 20년" in admin.last
    assert admin.inline_buttons == ["서류 통과", "면접", "선정", "탈락"]

    await admin.tap("서류 통과")
    assert texts.screening_moved("김영수", "shortlisted") in admin.replies
    await admin.tap("선정")
    assert "상태: 선정" in admin.last
    assert admin.inline_buttons == []
    await admin.tap("탈락")  # an old card's button: the result stands
    assert texts.screening_unchanged("김영수", "selected") in admin.replies
    assert await _statuses(bot) == [ProgrammeStatus.SELECTED]
    moves = await audit_entries(bot, "programme.move")
    assert [(e.detail["from"], e.detail["to"]) for e in moves] == [
        ("applied", "shortlisted"),
        ("shortlisted", "selected"),
    ]

    await bot.run_job(DISPATCH_JOB)
    told = _sent(bot, senior)
    assert texts.programme_result("경력 상담 도우미", "shortlisted") in told
    assert texts.programme_result("경력 상담 도우미", "selected") in told
    assert not any("선정되지 않으셨어요" in text for text in told)
    await senior.send("/programmes")
    assert texts.PROGRAMME_STATUS_LABELS["selected"] in senior.last
    assert senior.inline_buttons == [texts.BUTTON_DETAILS]  # no withdrawing a result


async def test_screening_is_for_admins_only(bot: BotHarness, senior: Chat, tmp_path: Path) -> None:
    ids = await _import(bot, tmp_path)
    await complete_profile(senior)
    await senior.send("/programmes")
    await senior.tap(texts.BUTTON_APPLY)
    await senior.send("/screening")
    assert senior.last == texts.ADMIN_ONLY
    await senior.press_data(f"pgs:l:{ids['GH']}")
    assert senior.last == texts.ADMIN_ONLY
    await senior.press_data("pgs:m:1:y")  # forged: selecting themselves
    assert senior.last == texts.ADMIN_ONLY
    assert await _statuses(bot) == [ProgrammeStatus.APPLIED]


async def test_a_programme_is_announced_to_the_seniors_it_admits_and_no_one_else(
    bot: BotHarness, senior: Chat, tmp_path: Path
) -> None:
    ids = await _import(bot, tmp_path)
    await complete_profile(senior)  # 58, 세종: admitted to GH
    other = bot.chat(OTHER_SENIOR)
    await agree(other)
    await say(other, *CAREGIVER_ANSWERS, texts.LOOKS_GOOD)  # 62, 수원: not admitted to GH

    admin = bot.chat(ADMIN)
    await admin.press_data(f"pgs:t:{ids['GH']}")
    assert admin.last == texts.programme_announced(1, 1)
    await admin.press_data(f"pgs:t:{ids['GH']}")  # pressed again: nobody is told twice
    assert admin.last == texts.programme_announced(1, 0)
    await admin.press_data(f"pgs:t:{ids['OLD']}")
    assert admin.last == texts.ANNOUNCE_CLOSED
    told = await audit_entries(bot, "programme.announce")
    assert [(e.detail["eligible"], e.detail["told"]) for e in told] == [(1, 1), (1, 0)]

    await bot.run_job(DISPATCH_JOB)  # 10:00 in Seoul: no quiet night to wait for
    announced = [text for text in _sent(bot, senior) if texts.PROGRAMME_ANNOUNCE_LEAD in text]
    assert len(announced) == 1
    assert "📋 경력 상담 도우미" in announced[0]
    assert not any(texts.PROGRAMME_ANNOUNCE_LEAD in text for text in _sent(bot, other))
    await senior.tap(texts.BUTTON_APPLY)  # straight from the announcement
    assert senior.last == texts.PROGRAMME_APPLIED
