"""One person on Telegram and KakaoTalk: one profile, each message once, where they wrote last."""

import re
from pathlib import Path

from bot.application import DISPATCH_JOB, NEW_POSTINGS_JOB
from handlers import texts
from tests.e2e.conftest import SENIOR
from tests.support.alerts import alerts_received, instant_alerts
from tests.support.harness import FakeClock, bot_harness
from tests.support.kakao import kakao_harness
from tests.support.postings import QUALITY, approve, import_postings, quality_posting
from tests.support.profiles import complete_profile


async def test_linked_accounts_share_a_profile_and_get_alerts_once(
    database_url: str, clock: FakeClock, tmp_path: Path
) -> None:
    async with (
        bot_harness(database_url, clock) as telegram,
        kakao_harness(database_url, clock) as kakao,
    ):
        senior = telegram.chat(SENIOR)
        await complete_profile(senior)
        await instant_alerts(senior)
        await senior.send("/kakao")
        found = re.search(r"'연결 (\w+)'", senior.last)
        assert found is not None

        stranger = kakao.user("someone-else")
        await stranger.say("연결 ZZZZZZ")
        assert stranger.text == texts.KAKAO_LINK_UNKNOWN
        user = kakao.user("kakao-key-of-yeongsu")
        await user.say(f"연결 {found.group(1)}")
        assert user.text == texts.KAKAO_LINKED
        await stranger.say(f"연결 {found.group(1)}")
        assert stranger.text == texts.KAKAO_LINK_UNKNOWN
        await user.say("/profile")
        assert "김영수님의 프로필이에요." in user.text

        await import_postings(telegram, tmp_path, QUALITY)
        await approve(telegram, "(주)한빛정밀")
        await telegram.run_job(NEW_POSTINGS_JOB)
        await telegram.run_job(DISPATCH_JOB)
        await kakao.run_job(DISPATCH_JOB)
        assert alerts_received(telegram, senior) == []
        assert len(kakao.kakao.pushed_ids("kakao-key-of-yeongsu")) == 1

        await senior.send("/help")  # back on Telegram
        await import_postings(telegram, tmp_path, quality_posting("J9", "품질검사원", "세종"))
        await telegram.run_job(NEW_POSTINGS_JOB)
        await kakao.run_job(DISPATCH_JOB)
        await telegram.run_job(DISPATCH_JOB)
        assert len(kakao.kakao.pushed_ids("kakao-key-of-yeongsu")) == 1
        (alert,) = alerts_received(telegram, senior)
        assert "품질검사원" in alert
