"""One person on Telegram and KakaoTalk: one profile, each message once, where they wrote last."""

import re
from pathlib import Path

from bot.application import DISPATCH_JOB, NEW_POSTINGS_JOB
from bot.channels.local import LocalRequest
from handlers import texts
from tests.e2e.conftest import SENIOR
from tests.support.alerts import alerts_received, instant_alerts
from tests.support.harness import BotHarness, FakeClock, bot_harness
from tests.support.kakao import TELEGRAM_SECRET, kakao_harness
from tests.support.postings import QUALITY, approve, import_postings, quality_posting
from tests.support.profiles import complete_profile, say


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


async def test_one_process_for_both_channels_keeps_one_conversation(
    database_url: str, clock: FakeClock, tmp_path: Path
) -> None:
    local = LocalRequest()
    async with kakao_harness(database_url, clock, telegram=local) as kakao:
        telegram = BotHarness(kakao.application, local, clock)
        senior = telegram.chat(SENIOR)
        await senior.send("/start")
        await senior.press(texts.AGREE)
        await say(senior, "김영수", "58세")
        await senior.send("/kakao")
        found = re.search(r"'연결 (\w+)'", senior.last)
        assert found is not None

        user = kakao.user("kakao-key-of-yeongsu")
        await user.say(f"연결 {found.group(1)}")
        await user.say("품질관리")  # the question Telegram asked, answered on KakaoTalk
        assert "품질관리" in user.text
        assert not [c for c in local.calls if c.params.get("text") == user.text]
        await user.press(texts.NEXT)
        assert "그동안 하신 일을" in user.text

        await senior.send("자동차부품 품질관리 20년")  # and the next one back on Telegram
        assert "자동차부품 품질관리 20년" in senior.last

        update = telegram.updates.text(SENIOR, "/help").to_dict()
        refused = await kakao.client.post("/telegram/webhook", json=update)
        assert refused.status_code == 401
        taken = await kakao.client.post(
            "/telegram/webhook",
            json=update,
            headers={"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET},
        )
        assert taken.status_code == 200
        queued = await kakao.application.update_queue.get()
        assert queued.effective_message is not None
        assert queued.effective_message.text == "/help"

        await user.say("도움말")  # last on KakaoTalk: a push goes there
        await kakao.application.bot.send_message(SENIOR.id, "알림 하나")
        assert len(kakao.kakao.pushed_ids("kakao-key-of-yeongsu")) == 1
        await senior.send("/help")  # last on Telegram: the next one goes there
        await kakao.application.bot.send_message(SENIOR.id, "알림 둘")
        assert len(kakao.kakao.pushed_ids("kakao-key-of-yeongsu")) == 1
        assert [c.params["text"] for c in local.calls if c.params.get("text") == "알림 둘"]
