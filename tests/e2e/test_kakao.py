"""The same bot on KakaoTalk: skill requests in, Kakao's JSON out, pushes through the Event API."""

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from starlette.responses import JSONResponse

from bot.application import DISPATCH_JOB, NEW_POSTINGS_JOB
from bot.channels.kakao.skill import SKILL_PATH
from bot.channels.kakao.transport import PUSH_PARAM
from db.channels import kakao_chat
from handlers import texts
from tests.support.harness import FakeClock
from tests.support.kakao import SECRET, KakaoHarness, KakaoUser, kakao_harness, skill_request
from tests.support.postings import QUALITY, approve, import_postings
from tests.support.profiles import ANSWERS

USER_KEY = "9f2a6c1e0b7d4a3c8e5f"


@pytest.fixture
async def kakao(database_url: str, clock: FakeClock) -> AsyncIterator[KakaoHarness]:
    async with kakao_harness(database_url, clock) as harness:
        yield harness


async def _onboard(user: KakaoUser) -> None:
    await user.say("안녕하세요")
    assert "개인정보" in user.text
    await user.press(texts.AGREE)
    for answer in ANSWERS:
        if answer in user.quick_replies():
            await user.press(answer)
        else:
            await user.say(answer)
    assert "이대로 저장할까요?" in user.text
    await user.press(texts.LOOKS_GOOD)


async def _waiting_for_an_alert(kakao: KakaoHarness, tmp_path: Path) -> KakaoUser:
    """A Kakao senior with instant alerts, and a fitting posting of an approved company."""
    user = kakao.user(USER_KEY)
    await _onboard(user)
    await user.say("/alerts")
    await user.press(texts.ALERT_MODE_LABELS["instant"])
    await import_postings(kakao, tmp_path, QUALITY)
    await approve(kakao, "(주)한빛정밀")
    return user


async def test_a_whole_onboarding_on_kakao(kakao: KakaoHarness) -> None:
    user = kakao.user(USER_KEY)
    await user.say("안녕하세요")
    assert user.response["version"] == "2.0"
    assert user.quick_replies() == [texts.AGREE, texts.DISAGREE]
    await user.press(texts.AGREE)
    await user.say("🙂")
    assert "어떻게 불러 드릴까요?" in user.text  # asked again, kindly
    for answer in ANSWERS:
        await user.say(answer)
    assert "• 경력: 자동차부품 품질관리 20년" in user.text
    await user.press(texts.LOOKS_GOOD)
    assert "프로필을 저장했어요." in user.text
    assert texts.MENU_JOBS in user.quick_replies()

    again = kakao.user(USER_KEY)
    await again.say("/profile")
    assert "김영수님의 프로필이에요." in again.text


async def test_a_job_alert_arrives_as_a_card_with_buttons(
    kakao: KakaoHarness, tmp_path: Path
) -> None:
    user = await _waiting_for_an_alert(kakao, tmp_path)
    await kakao.run_job(NEW_POSTINGS_JOB)
    await kakao.run_job(DISPATCH_JOB)

    (push_id,) = kakao.kakao.pushed_ids(USER_KEY)
    (push,) = kakao.kakao.pushes
    assert push["event"]["name"] == "encore_push"
    await user.open_push(push_id)
    (card,) = [o["basicCard"] for o in user.outputs() if "basicCard" in o]
    assert "품질관리 담당" in card["title"] + card["description"]
    labels = [b["label"] for b in card["buttons"]]
    assert labels == [texts.BUTTON_DETAILS, texts.BUTTON_INTERESTED, texts.BUTTON_NOT_INTERESTED]
    assert all(b["action"] == "block" and b["extra"]["data"] for b in card["buttons"])
    await user.press(texts.BUTTON_INTERESTED)
    assert texts.INTEREST_NOTED in user.text


async def test_a_slow_answer_goes_to_the_callback_url(database_url: str, clock: FakeClock) -> None:
    async with kakao_harness(database_url, clock, budget=0) as kakao:
        user = kakao.user(USER_KEY)
        waiting = await user.say("안녕하세요", callback_url="http://kakao.test/callback/abc")
        assert waiting == {
            "version": "2.0",
            "useCallback": True,
            "data": {"text": texts.KAKAO_WAIT},
        }
        await kakao.server.drain()
        (posted,) = kakao.kakao.callbacks
        assert "개인정보" in str(posted["template"]["outputs"])

        await user.say(texts.AGREE)
        assert user.text == texts.KAKAO_WAIT
        assert user.quick_replies() == [texts.KAKAO_CONTINUE]
        await user.press(texts.KAKAO_CONTINUE)
        assert "어떻게 불러 드릴까요?" in user.text


async def test_refused_requests_never_crash_it(kakao: KakaoHarness) -> None:
    body = skill_request(USER_KEY, "안녕하세요")
    assert (await kakao.post(body, secret=None)).status_code == 401
    assert (await kakao.post(body, secret="wrong")).status_code == 401
    for broken in (b"{not json", b"[]", b'{"userRequest": {}}', "가".encode() * 3):
        answer = await kakao.client.post(
            SKILL_PATH, content=broken, headers={"X-Encore-Secret": SECRET}
        )
        assert answer.status_code == 400, broken
    huge = skill_request(USER_KEY, "가" * 100_000)
    assert (await kakao.post(huge)).status_code == 413
    assert (await kakao.post(body)).status_code == 200


async def test_long_text_and_many_buttons_stay_within_kakao_limits(kakao: KakaoHarness) -> None:
    user = kakao.user(USER_KEY)
    await _onboard(user)
    await user.say("가" * 5000)
    assert len(user.outputs()) <= 3
    assert len(user.response["template"].get("quickReplies", [])) <= 10
    for output in user.outputs():
        if "simpleText" in output:
            assert len(output["simpleText"]["text"]) <= 1000


async def test_kakao_refusing_a_push_pauses_then_delivers(
    kakao: KakaoHarness, tmp_path: Path
) -> None:
    user = await _waiting_for_an_alert(kakao, tmp_path)
    kakao.kakao.push_answers.append(JSONResponse({"message": "slow down"}, status_code=429))
    await kakao.run_job(NEW_POSTINGS_JOB)
    await kakao.run_job(DISPATCH_JOB)
    assert len(kakao.kakao.pushes) == 1
    kakao.clock.advance(timedelta(hours=2))
    await kakao.run_job(DISPATCH_JOB)
    assert len(kakao.kakao.pushes) == 2
    first, second = kakao.kakao.pushed_ids(USER_KEY)
    assert first != second
    await user.open_push(second)
    assert texts.BUTTON_INTERESTED in [button["label"] for button in user.buttons()]


async def test_more_and_a_late_answer_survive_a_restart(
    database_url: str, clock: FakeClock
) -> None:
    async with kakao_harness(database_url, clock, budget=0) as kakao:
        user = kakao.user(USER_KEY)
        await user.say("안녕하세요")
        assert user.text == texts.KAKAO_WAIT
    async with kakao_harness(database_url, clock) as kakao:  # restarted meanwhile
        user = kakao.user(USER_KEY)
        await user.say(texts.KAKAO_CONTINUE)  # the quick reply still on their phone
        assert "개인정보" in user.text
        assert user.quick_replies() == [texts.AGREE, texts.DISAGREE]
        await user.press(texts.AGREE)

        lines = [f"[{n:03}] 박람회 안내예요. 시간과 장소를 꼭 확인해 주세요." for n in range(120)]
        async with kakao.application.bot_data.sessions.begin() as session:
            chat_id = await kakao_chat(session, USER_KEY)
        await kakao.application.bot.send_message(chat_id, "\n".join(lines))
        (push,) = kakao.kakao.pushes
        await user.open_push(push["params"][PUSH_PARAM])
        assert "[000]" in user.text
        assert "[119]" not in user.text
        assert texts.BUTTON_MORE in user.quick_replies()
    async with kakao_harness(database_url, clock) as kakao:
        user = kakao.user(USER_KEY)
        await user.say(texts.BUTTON_MORE)
        assert "[119]" in user.text
        assert "[000]" not in user.text
