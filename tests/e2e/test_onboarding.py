"""A senior builds a whole profile, mostly with buttons, typing the way people type."""

from datetime import date, datetime

from handlers import texts
from matching.schedule import korean_date
from tests.support.harness import BotHarness, Chat
from tests.support.profiles import UP_TO_REGIONS, agree, complete_profile, say, stored_profile


def next_month_first(now: datetime) -> date:
    today = korean_date(now)
    return date(today.year + today.month // 12, today.month % 12 + 1, 1)


async def test_whole_onboarding_with_buttons_and_typing(bot: BotHarness, senior: Chat) -> None:
    await senior.send("/start")
    assert "개인정보" in senior.last
    assert "/delete" in senior.last
    assert senior.buttons == [texts.AGREE, texts.DISAGREE]

    await senior.press(texts.AGREE)
    assert "어떻게 불러 드릴까요?" in senior.last
    assert "영수" in senior.buttons  # the Telegram first name, one tap away

    await senior.send("제 이름은 김영수입니다")
    assert "김영수님, 나이가 어떻게 되세요?" in senior.last

    await senior.send("68년생")
    assert "58세로 적어 둘게요." in senior.last
    assert "품질관리" in senior.buttons

    await senior.press("품질관리")
    assert "품질관리를 적어 두었어요." in senior.last
    assert "품질관리" not in senior.buttons
    await senior.send("시설 관리")
    assert "시설관리를 적어 두었어요." in senior.last
    await senior.press(texts.NEXT)
    assert "하신 일과 햇수" in senior.last

    await senior.send("자동차부품 품질관리 20년")
    assert "자동차부품 품질관리 20년을 적어 두었어요." in senior.last
    await senior.send("경리 10년 6개월")
    assert "• 경리 10년 6개월" in senior.last
    await senior.press(texts.NEXT)
    assert "자격증" in senior.last
    assert texts.SKIP in senior.buttons

    await senior.send("지게차")
    assert "지게차운전기능사를 적어 두었어요." in senior.last
    await senior.press(texts.NEXT)
    assert "지역" in senior.last

    await senior.send("세종, 경기 남부")
    assert "세종, 경기 남부를 적어 두었어요." in senior.last
    await senior.press(texts.NEXT)
    assert "급여" in senior.last

    await senior.send("연봉 3천")
    assert "연봉 3,000만원 (월 약 250만원)으로 적어 둘게요." in senior.last
    assert "근무 형태" in senior.last

    await senior.press("정규직")
    await senior.press("시간제")
    await senior.press(texts.NEXT)
    assert texts.ASK_AVAILABILITY in senior.last
    assert senior.buttons[:2] == [texts.AVAILABLE_NOW, texts.AVAILABLE_NEXT_MONTH]
    assert texts.SKIP in senior.buttons

    await senior.send("글쎄요")
    assert texts.AVAILABILITY_INVALID in senior.last
    await senior.send("다음 달부터")
    start = next_month_first(bot.clock.now)
    assert f"{start.month}월 1일부터 일하실 수 있다고 적어 둘게요." in senior.last
    summary = senior.last
    for line in (
        "• 이름: 김영수",
        "• 나이: 58세",
        "• 희망 일자리: 품질관리, 시설관리",
        "• 경력: 자동차부품 품질관리 20년, 경리 10년 6개월",
        "• 자격증: 지게차운전기능사",
        "• 지역: 세종, 경기 남부",
        "• 희망 급여: 연봉 3,000만원 (월 약 250만원)",
        "• 근무 형태: 정규직, 시간제",
        f"• 출근 가능일: {start.month}월 1일부터",
    ):
        assert line in summary

    await senior.press(texts.LOOKS_GOOD)
    assert "프로필을 저장했어요. 고맙습니다, 김영수님!" in senior.last
    assert senior.buttons == [
        texts.MENU_JOBS,
        texts.MENU_COACHING,
        texts.MENU_TIPS,
        texts.MENU_ALERTS,
        texts.MENU_PROFILE,
        texts.MENU_HELP,
    ]

    profile = await stored_profile(bot, senior)
    assert profile is not None
    assert profile.completed_at == bot.clock.now
    assert profile.birth_year == 1968
    assert profile.desired_jobs == ["품질관리", "시설관리"]
    assert [(c.title, c.months) for c in profile.careers] == [
        ("자동차부품 품질관리", 240),
        ("경리", 126),
    ]
    assert profile.certificates == ["지게차운전기능사"]
    assert profile.regions == ["세종특별자치시", "area:경기 남부"]
    assert (profile.pay_period, profile.pay_minimum, profile.pay_monthly) == (
        "annual",
        30_000_000,
        2_500_000,
    )
    assert profile.pay_text == "연봉 3천"
    assert profile.employment_types == ["full_time", "part_time"]
    assert (profile.availability_text, profile.available_from) == ("다음 달부터", start)


async def test_unsure_job_title_is_asked_back(senior: Chat) -> None:
    await agree(senior)
    await senior.send("김영수")
    await senior.send("58")
    await senior.send("품질괸리")
    assert "'품질관리'가 맞으세요?" in senior.last
    assert senior.buttons[:2] == ["품질관리", texts.KEEP_TYPED]
    await senior.press("품질관리")
    assert "품질관리를 적어 두었어요." in senior.last


async def test_unsure_job_title_can_be_kept_as_typed(bot: BotHarness, senior: Chat) -> None:
    await agree(senior)
    await senior.send("김영수")
    await senior.send("58")
    await senior.send("품질괸리")
    await senior.press(texts.KEEP_TYPED)
    assert "품질괸리를 적어 두었어요." in senior.last
    profile = await stored_profile(bot, senior)
    assert profile is not None
    assert profile.desired_jobs == ["품질괸리"]


async def test_role_without_years_asks_for_them(bot: BotHarness, senior: Chat) -> None:
    await agree(senior)
    await say(senior, *UP_TO_REGIONS[:4])
    await senior.send("아파트 경비")
    assert "'아파트 경비' 일은 몇 년 하셨어요?" in senior.last
    await senior.send("여섯 해")
    assert "햇수를 숫자로" in senior.last
    await senior.send("7")
    assert "아파트 경비 7년을 적어 두었어요." in senior.last
    profile = await stored_profile(bot, senior)
    assert profile is not None
    assert [(c.title, c.months) for c in profile.careers] == [("아파트 경비", 84)]


async def test_ambiguous_region_offers_the_places(bot: BotHarness, senior: Chat) -> None:
    await agree(senior)
    await say(senior, *UP_TO_REGIONS)
    await senior.send("수원시, 중구")
    assert "경기 수원시를 적어 두었어요." in senior.last
    assert "'중구'는 여러 곳에 있어요." in senior.last
    assert "서울 중구" in senior.buttons
    await senior.press("부산 중구")
    assert "• 경기 수원시" in senior.last
    assert "• 부산 중구" in senior.last
    profile = await stored_profile(bot, senior)
    assert profile is not None
    assert profile.regions == ["경기도 수원시", "부산광역시 중구"]


async def test_unsure_pay_is_confirmed(bot: BotHarness, senior: Chat) -> None:
    await agree(senior)
    await say(senior, *UP_TO_REGIONS)
    await senior.send("세종")
    await senior.send(texts.NEXT)
    await senior.send("3000")
    assert "'연봉 3,000만원 (월 약 250만원)'이 맞으세요?" in senior.last
    await senior.press(texts.YES)
    assert "근무 형태" in senior.last
    profile = await stored_profile(bot, senior)
    assert profile is not None
    assert profile.pay_minimum == 30_000_000


async def test_any_pay_and_any_employment(bot: BotHarness, senior: Chat) -> None:
    await agree(senior)
    await say(senior, *UP_TO_REGIONS)
    await senior.send("세종")
    await senior.send(texts.NEXT)
    await senior.press(texts.ANY)
    await senior.press(texts.ANY)
    await senior.press(texts.SKIP)
    assert f"• 출근 가능일: {texts.NOT_ANSWERED}" in senior.last
    assert "• 희망 급여: 무관" in senior.last
    assert "• 근무 형태: 무관" in senior.last
    assert "• 자격증: 없음" in senior.last


async def test_menu_after_saving(bot: BotHarness, senior: Chat) -> None:
    await complete_profile(senior)
    await senior.press(texts.MENU_PROFILE)
    assert "• 이름: 김영수" in senior.last
    await senior.send("안녕하세요")
    assert texts.SUMMARY_PICK in senior.last
    assert "• 이름: 김영수" in senior.last
    await senior.press(texts.LOOKS_GOOD)
    assert texts.MENU in senior.last
    await senior.send("안녕하세요")
    assert texts.MENU in senior.last
    await senior.press(texts.MENU_HELP)
    assert "/profile" in senior.last


async def test_a_whole_province_reads_apart_from_a_city_of_the_same_name(senior: Chat) -> None:
    await agree(senior)
    await say(senior, *UP_TO_REGIONS)
    await senior.send("광주")
    assert senior.buttons[:2] == ["광주광역시", "경기 광주시"]
    await senior.press("경기 광주시")
    assert "• 경기 광주시" in senior.last


async def test_answers_said_as_sentences_are_understood(bot: BotHarness, senior: Chat) -> None:
    await agree(senior)
    await say(senior, "김영수", "1968년 5월생이에요")
    await senior.send("경비랑 시설관리 하고 싶어요")
    assert "경비" in senior.last
    await say(senior, texts.NEXT, "아파트 경비 5년", texts.NEXT)
    await senior.send("지게차랑 요양보호사 있어요")
    await say(senior, texts.NEXT, "수원에서 일하고 싶어요", texts.NEXT)
    await senior.send("월 이백오십")
    assert "250" in senior.last
    profile = await stored_profile(bot, senior)
    assert profile is not None
    assert profile.birth_year == 1968
    assert profile.desired_jobs == ["경비", "시설관리"]
    assert profile.certificates == ["지게차운전기능사", "요양보호사"]
    assert profile.regions == ["경기도 수원시"]
    assert profile.pay_monthly == 2_500_000


async def test_a_career_given_for_the_desired_job_keeps_the_job(
    bot: BotHarness, senior: Chat
) -> None:
    await agree(senior)
    await say(senior, "한상철", "58세")
    await senior.send("아파트 관리소장 8년이랑 시설관리 15년")
    assert texts.DESIRED_JOBS_YEARS_LATER in senior.last
    profile = await stored_profile(bot, senior)
    assert profile is not None
    assert profile.desired_jobs == ["관리소장", "시설관리"]


async def test_a_job_with_an_emoji_is_not_taken_for_a_career(senior: Chat) -> None:
    await agree(senior)
    await say(senior, "한상철", "58세")
    await senior.send("경비 🙂")
    assert "경비를 적어 두었어요." in senior.last
    assert texts.DESIRED_JOBS_YEARS_LATER not in senior.last
