"""Admins read the centre's numbers with /stats: a short summary, then the charts."""

from bot.channels.updates import Person
from handlers import texts
from matching.schedule import korean_date
from tests.support.coaching import COACH, THREE_PM_DEC_3, coach_with_slots
from tests.support.harness import ADMIN, BotHarness, Chat
from tests.support.profiles import complete_profile

CAPTIONS = [
    texts.STATS_CHART_SEEKERS,
    texts.STATS_CHART_JOBS,
    texts.STATS_CHART_APPLICATIONS,
    texts.STATS_CHART_COACHING,
    texts.weekly_caption(8),
]


async def test_admin_gets_a_summary_then_the_charts(bot: BotHarness, senior: Chat) -> None:
    await complete_profile(senior)
    admin = bot.chat(ADMIN)
    (summary,) = await admin.send("/stats")
    lines = summary.splitlines()
    assert lines[0] == texts.stats_heading(korean_date(bot.clock.now))
    assert texts.stats_seekers(1, 1) in lines  # the admin is not counted as a seeker
    assert texts.stats_complete(1) in lines
    assert texts.stats_progress(0, 0, 0, 0) in lines
    assert_charts_sent(bot, ADMIN)


async def test_an_empty_database_still_answers(bot: BotHarness) -> None:
    admin = bot.chat(ADMIN)
    (summary,) = await admin.send("/stats")
    assert texts.stats_seekers(0, 0) in summary.splitlines()
    assert texts.stats_coaching(0, 0, None) in summary.splitlines()
    assert_charts_sent(bot, ADMIN)


async def test_seniors_and_coaches_get_a_polite_no(bot: BotHarness, senior: Chat) -> None:
    await complete_profile(senior)
    await coach_with_slots(bot, THREE_PM_DEC_3)
    coach = bot.chat(COACH)
    for chat in (senior, coach):
        assert await chat.send("/stats") == [texts.ADMIN_ONLY]
        assert not [call for call in bot.calls_to(chat.person.id) if call.method == "sendPhoto"]


def assert_charts_sent(bot: BotHarness, person: Person) -> None:
    """Typing, the summary, then one photo per chart, each uploaded as a PNG."""
    calls = bot.calls_to(person.id)
    start = max(i for i, call in enumerate(calls) if call.method == "sendChatAction")
    methods = [call.method for call in calls[start:]]
    assert methods == ["sendChatAction", "sendMessage", *["sendPhoto"] * len(CAPTIONS)]
    photos = calls[start + 2 :]
    assert [call.params["caption"] for call in photos] == CAPTIONS
    for call in photos:
        assert call.files["photo"].startswith(b"\x89PNG\r\n\x1a\n")
        assert len(call.files["photo"]) > 5_000
