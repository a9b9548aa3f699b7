"""The Kakao renderer: what the handlers sent, as skill responses within Kakao's limits.

Every response is checked against the limits written out again here (not imported from
the renderer, so a wrong constant there fails), and "더 보기" is followed to the end to
show that nothing was dropped.
"""

import random
import unicodedata
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import pytest
from telegram import Bot, ReplyKeyboardMarkup, ReplyKeyboardRemove

from bot.channels.kakao.render import (
    Outgoing,
    Rendered,
    more,
    outgoing_from_call,
    render,
)
from bot.channels.local import BotCall, LocalRequest
from db.models import Company, Posting, Vetting
from handlers import texts
from handlers.jobs import cards
from handlers.replies import deliver_payload, rows
from matching.matches import Match
from matching.region_data import SIDO

BLOCK = "block-encore"
SPEC_OUTPUTS, SPEC_QUICK_REPLIES, SPEC_TEXT = 3, 10, 1000
SPEC_TITLE, SPEC_DESCRIPTION, SPEC_CAROUSEL_DESCRIPTION = 50, 230, 76
SPEC_BUTTONS, SPEC_CAROUSEL, SPEC_LABEL = 3, 10, 14

# The 17 provinces and 이전: more than Kakao's 10 quick replies.
PROVINCES = [*(sido.label for sido in SIDO.values()), texts.BACK]


# Checking a response against Kakao's limits.


def size(text: str) -> int:
    """Characters as Kakao may count them, in UTF-16 units: an emoji counts twice."""
    return len(text.encode("utf-16-le")) // 2


def valid(rendered: Rendered) -> dict[str, Any]:
    """The template of `rendered`, after checking every limit Kakao sets."""
    assert rendered.response["version"] == "2.0"
    template = rendered.response["template"]
    assert 1 <= len(template["outputs"]) <= SPEC_OUTPUTS
    for output in template["outputs"]:
        ((kind, body),) = output.items()
        if kind == "simpleText":
            assert body["text"].strip()
            assert size(body["text"]) <= SPEC_TEXT
        elif kind == "basicCard":
            check_card(body, SPEC_DESCRIPTION)
        else:
            assert kind == "carousel"
            assert body["type"] == "basicCard"
            assert 2 <= len(body["items"]) <= SPEC_CAROUSEL
            for card in body["items"]:
                check_card(card, SPEC_CAROUSEL_DESCRIPTION)
    assert len(template["quickReplies"]) <= SPEC_QUICK_REPLIES
    for reply in template["quickReplies"]:
        check_action(reply)
    return dict(template)


def check_card(card: dict[str, Any], description_limit: int) -> None:
    assert card["title"].strip()
    assert size(card["title"]) <= SPEC_TITLE
    assert size(card.get("description", "")) <= description_limit
    assert 1 <= len(card["buttons"]) <= SPEC_BUTTONS
    for button in card["buttons"]:
        check_action(button)


def check_action(action: dict[str, Any]) -> None:
    assert action["label"].strip()
    assert size(action["label"]) <= SPEC_LABEL
    assert action["messageText"].strip()
    if action["action"] == "block":
        assert action["blockId"] == BLOCK
        assert action["extra"]["data"]
    else:
        assert action["action"] == "message"


# Reading responses.


def simple_texts(rendered: Rendered) -> list[str]:
    outputs = rendered.response["template"]["outputs"]
    return [o["simpleText"]["text"] for o in outputs if "simpleText" in o]


def shown_cards(rendered: Rendered) -> list[dict[str, Any]]:
    found = []
    for output in rendered.response["template"]["outputs"]:
        if "basicCard" in output:
            found.append(output["basicCard"])
        if "carousel" in output:
            found.extend(output["carousel"]["items"])
    return found


def replies(rendered: Rendered) -> list[dict[str, Any]]:
    return list(rendered.response["template"]["quickReplies"])


def sent_data(rendered: Rendered) -> list[str]:
    """The callback data of every button and quick reply in a response."""
    actions = [*(b for card in shown_cards(rendered) for b in card["buttons"]), *replies(rendered)]
    return [a["extra"]["data"] for a in actions if a["action"] == "block"]


def said(rendered: Rendered) -> list[str]:
    """What the message quick replies would send, "더 보기" left out."""
    return [
        r["messageText"]
        for r in replies(rendered)
        if r["action"] == "message" and r["messageText"] != texts.BUTTON_MORE
    ]


def offers_more(rendered: Rendered) -> bool:
    return replies(rendered)[-1:] == [
        {"label": texts.BUTTON_MORE, "action": "message", "messageText": texts.BUTTON_MORE}
    ]


def pages(messages: Sequence[Outgoing], keyboard: Sequence[str] = ()) -> list[Rendered]:
    """The first answer, then "더 보기" pressed until nothing is left."""
    shown = [render(messages, keyboard=keyboard, block_id=BLOCK)]
    while shown[-1].rest or shown[-1].more_replies:
        assert offers_more(shown[-1])
        assert len(shown) < 100, "더 보기 never ends"
        last = shown[-1]
        shown.append(more(last.rest, last.more_replies, keyboard=keyboard, block_id=BLOCK))
    for page in shown:
        valid(page)
    return shown


def all_text(shown: list[Rendered]) -> str:
    """Every simpleText across pages, the lines saying there is more left out."""
    parts = [text for page in shown for text in simple_texts(page)]
    return "\n".join(parts).replace(texts.MORE_PROMPT, "")


def squeezed(text: str) -> str:
    return "".join(text.split())


def whole_card_text(card: dict[str, Any]) -> str:
    """What a card shows, "" when it is shortened (its whole text is in a bubble then)."""
    text = card["title"] + card.get("description", "")
    return "" if "…" in text else text


def visible(shown: list[Rendered]) -> str:
    """All a person can read across pages, in order: bubbles, and cards that show their
    whole text; whitespace and the renderer's own lines left out."""
    parts = []
    for page in shown:
        for output in page.response["template"]["outputs"]:
            if "simpleText" in output:
                parts.append(output["simpleText"]["text"])
            if "basicCard" in output:
                parts.append(whole_card_text(output["basicCard"]))
            for card in output.get("carousel", {}).get("items", []):
                parts.append(whole_card_text(card))
    seen = squeezed("".join(parts))
    for line in (texts.MORE_PROMPT, texts.KAKAO_MORE_CHOICES, texts.KAKAO_PHOTO_ON_TELEGRAM):
        seen = seen.replace(squeezed(line), "")
    return seen


# Realistic messages, made by the handlers' own code.


def posting(number: int, description: str = "자동차 부품 검사와 품질 기록을 맡아요.") -> Posting:
    company = Company(name=f"(주)대한정밀{number}", vetting=Vetting.APPROVED)
    return Posting(
        id=number,
        external_id=f"P-{number}",
        company=company,
        title="품질관리 담당",
        region="경기 화성시",
        salary="월 300만원",
        employment_type="정규직",
        experience="3년 이상",
        age="제한 없음",
        certificates=["품질경영산업기사"],
        description=description,
        deadline=date(2025, 12, 15),
        start="즉시",
        headcount=2,
    )


def job_card(number: int) -> Outgoing:
    match = Match(f"P-{number}", 0.9, ("품질관리 10년 경력", "화성시 근처"), True)
    return from_payload(cards.card(posting(number), match))


def from_payload(payload: dict[str, Any]) -> Outgoing:
    buttons = tuple((b["text"], b["data"]) for row in payload["buttons"] for b in row)
    return Outgoing(payload["text"], buttons)


def card_message(number: int, text: str | None = None) -> Outgoing:
    return Outgoing(
        text or f"{number}번 이야기\n도움이 된 한마디", ((texts.BUTTON_HELPFUL, f"t:h:{number}"),)
    )


def long_korean_text(length: int) -> str:
    lines, number = [], 0
    while sum(len(line) + 1 for line in lines) < length:
        number += 1
        lines.append(f"{number}번째 줄: 경력 10년 품질관리 담당자를 찾아요 🙂 월 300만원")
    return "\n".join(lines)


# outgoing_from_call, on calls recorded the way the bot makes them.


async def recorded(*payloads: dict[str, Any]) -> list[BotCall]:
    request = LocalRequest()
    bot = Bot("local:test", request=request, get_updates_request=request)
    await bot.initialize()
    for payload in payloads:
        await deliver_payload(bot, 42, payload)
    return request.calls


async def test_a_job_card_sent_by_the_bot_is_read_with_its_three_buttons() -> None:
    match = Match("P-42", 0.9, ("품질관리 10년 경력",), True)
    payload = cards.card(posting(42), match)
    calls = await recorded(payload)
    messages = [m for call in calls if (m := outgoing_from_call(call)) is not None]
    assert messages == [
        Outgoing(
            payload["text"],
            (
                (texts.BUTTON_DETAILS, "job:d:42"),
                (texts.BUTTON_INTERESTED, "job:i:42"),
                (texts.BUTTON_NOT_INTERESTED, "job:n:42"),
            ),
        )
    ]


async def test_reply_keyboards_are_read_set_removed_or_left_alone() -> None:
    request = LocalRequest()
    bot = Bot("local:test", request=request, get_updates_request=request)
    await bot.initialize()
    await bot.send_message(
        42, "어느 지역이세요?", reply_markup=ReplyKeyboardMarkup(rows(PROVINCES))
    )
    await bot.send_message(42, "고맙습니다.", reply_markup=ReplyKeyboardRemove())
    await bot.send_message(42, "다음으로 넘어갈게요.")
    await bot.send_chat_action(42, "typing")
    messages = [outgoing_from_call(call) for call in request.calls]
    assert messages == [
        None,  # getMe
        Outgoing("어느 지역이세요?", keyboard=tuple(PROVINCES)),
        Outgoing("고맙습니다.", keyboard=()),
        Outgoing("다음으로 넘어갈게요."),
        None,  # sendChatAction
    ]


async def test_a_chart_is_read_as_a_photo_with_its_caption() -> None:
    calls = await recorded({"text": "연령대별 가입자", "photo": b"\x89PNG\r\n\x1a\n"})
    assert outgoing_from_call(calls[-1]) == Outgoing("연령대별 가입자", photo=True)


@pytest.mark.parametrize(
    "method", ["getMe", "answerCallbackQuery", "setMyCommands", "sendChatAction"]
)
def test_calls_that_show_nothing_are_skipped(method: str) -> None:
    assert outgoing_from_call(BotCall(method, {"chat_id": 42})) is None


def test_a_link_button_fails_loudly() -> None:
    markup = {"inline_keyboard": [[{"text": "홈페이지", "url": "https://example.org"}]]}
    call = BotCall("sendMessage", {"chat_id": 42, "text": "안내", "reply_markup": markup})
    with pytest.raises(ValueError, match="callback data"):
        outgoing_from_call(call)


def test_an_empty_message_is_refused_but_a_photo_may_have_no_caption() -> None:
    with pytest.raises(ValueError, match="needs text"):
        Outgoing("  \n")
    assert Outgoing("", photo=True).photo


# Plain text.


def test_plain_texts_share_one_bubble_with_a_blank_line_between() -> None:
    shown = render(
        [Outgoing("반가워요! 🙂"), Outgoing("몇 년생이세요?")], keyboard=(), block_id=BLOCK
    )
    assert valid(shown)["outputs"] == [{"simpleText": {"text": "반가워요! 🙂\n\n몇 년생이세요?"}}]
    assert replies(shown) == []
    assert shown.rest == ()


def test_texts_that_do_not_fit_together_get_a_bubble_each() -> None:
    first, second = "가" * 600, "나" * 600
    shown = render([Outgoing(first), Outgoing(second)], keyboard=(), block_id=BLOCK)
    assert simple_texts(shown) == [first, second]


def test_a_5000_character_text_is_split_at_line_breaks_and_nothing_is_lost() -> None:
    text = long_korean_text(5000)
    shown = pages([Outgoing(text)])
    first = shown[0]
    assert len(first.response["template"]["outputs"]) == SPEC_OUTPUTS
    assert simple_texts(first)[-1].endswith(texts.MORE_PROMPT)
    assert len(shown) >= 2
    assert squeezed(all_text(shown)) == squeezed(text)
    lines = set(text.splitlines())
    for piece in (
        t.replace(texts.MORE_PROMPT, "").strip() for p in shown for t in simple_texts(p)
    ):
        assert set(piece.splitlines()) <= lines, "a line was cut in two"


def test_a_long_line_is_split_at_spaces_never_inside_a_word() -> None:
    words = [f"경력{i}년" for i in range(600)]
    text = " ".join(words)
    shown = pages([Outgoing(text)])
    assert all_text(shown).split() == words


def test_a_text_without_spaces_is_cut_between_syllables() -> None:
    text = "품질관리경력십년" * 400
    assert squeezed(all_text(pages([Outgoing(text)]))) == text


def test_jamo_written_apart_stay_together() -> None:
    text = unicodedata.normalize("NFD", "품질관리경력" * 300)
    shown = pages([Outgoing(text)])
    texts_shown = [
        t.replace(texts.MORE_PROMPT, "").strip() for p in shown for t in simple_texts(p)
    ]
    pieces = [piece for piece in texts_shown if piece]
    assert "".join(pieces) == text
    for piece in pieces:
        assert not "\u1160" <= piece[0] <= "\u11ff", "a syllable was cut after its first jamo"


def test_emoji_count_twice_and_are_never_cut_apart() -> None:
    family = "👨\u200d👩\u200d👧\u200d👦"
    text = ("🙂가" * 700) + (family + "👍🏽") * 120
    shown = pages([Outgoing(text)])
    pieces = [t.replace(texts.MORE_PROMPT, "").strip() for p in shown for t in simple_texts(p)]
    assert "".join(pieces) == text
    for piece in filter(None, pieces):
        assert piece[0] not in "\u200d🏽", "an emoji was cut apart"
        assert piece[-1] != "\u200d"


def test_outputs_beyond_three_wait_for_more_behind_a_line_saying_so() -> None:
    parts = [str(n) * 900 for n in range(1, 5)]
    first = render([Outgoing(p) for p in parts], keyboard=("처음으로",), block_id=BLOCK)
    assert simple_texts(first) == [parts[0], parts[1], f"{parts[2]}\n\n{texts.MORE_PROMPT}"]
    assert said(first) == ["처음으로"]
    assert offers_more(first)
    assert first.rest == (Outgoing(parts[3]),)
    second = more(first.rest, first.more_replies, keyboard=("처음으로",), block_id=BLOCK)
    assert simple_texts(second) == [parts[3]]
    assert said(second) == ["처음으로"]
    assert not offers_more(second)


def test_the_line_saying_there_is_more_gets_its_own_bubble_when_there_is_no_room() -> None:
    messages = [card_message(1), Outgoing("가" * 990), card_message(2), Outgoing("끝")]
    first = render(messages, keyboard=(), block_id=BLOCK)
    outputs = valid(first)["outputs"]
    assert len(outputs) == SPEC_OUTPUTS
    assert outputs[-1] == {"simpleText": {"text": texts.MORE_PROMPT}}
    assert first.rest == (card_message(2), Outgoing("끝"))


# Cards.


def test_a_job_card_is_a_basic_card_with_its_three_buttons() -> None:
    message = job_card(42)
    shown = render([message], keyboard=(), block_id=BLOCK)
    (output,) = valid(shown)["outputs"]
    card = output["basicCard"]
    title, description = message.text.split("\n", 1)
    assert card["title"] == title == texts.VETTED_CARD_MARK
    assert card["description"] == description
    assert "품질관리 담당" in description
    assert texts.why("품질관리 10년 경력 · 화성시 근처") in description
    assert card["buttons"] == [
        {
            "label": texts.BUTTON_DETAILS,
            "action": "block",
            "blockId": BLOCK,
            "messageText": texts.BUTTON_DETAILS,
            "extra": {"data": "job:d:42"},
        },
        {
            "label": texts.BUTTON_INTERESTED,
            "action": "block",
            "blockId": BLOCK,
            "messageText": texts.BUTTON_INTERESTED,
            "extra": {"data": "job:i:42"},
        },
        {
            "label": texts.BUTTON_NOT_INTERESTED,
            "action": "block",
            "blockId": BLOCK,
            "messageText": texts.BUTTON_NOT_INTERESTED,
            "extra": {"data": "job:n:42"},
        },
    ]


def test_a_page_of_jobs_is_one_carousel_with_the_whole_texts_before_it() -> None:
    heading = Outgoing("맞는 일자리를 5건 찾았어요.")
    jobs = [job_card(n) for n in (1, 2, 3)]
    prompt = Outgoing(texts.MORE_PROMPT, ((texts.BUTTON_MORE, "jobs:more:3"),))
    shown = render([heading, *jobs, prompt], keyboard=(), block_id=BLOCK)
    text, carousel = valid(shown)["outputs"]
    assert text["simpleText"]["text"].startswith(heading.text)
    for job in jobs:
        assert job.text in text["simpleText"]["text"]
    items = carousel["carousel"]["items"]
    assert [card["title"] for card in items] == [texts.VETTED_CARD_MARK] * 3 + [texts.MORE_PROMPT]
    assert [b["extra"]["data"] for b in items[-1]["buttons"]] == ["jobs:more:3"]
    expected = [f"job:{action}:{n}" for n in (1, 2, 3) for action in "din"]
    assert sent_data(shown) == [*expected, "jobs:more:3"]
    assert shown.rest == ()


def test_a_long_card_shows_its_whole_text_first_and_a_shortened_card() -> None:
    details = from_payload(cards.details(posting(7, "검사 업무를 설명해요. " * 30)))
    shown = render([details], keyboard=(), block_id=BLOCK)
    text, card = valid(shown)["outputs"]
    assert text == {"simpleText": {"text": details.text.strip()}}
    assert card["basicCard"]["description"].endswith("…")
    assert len(card["basicCard"]["description"]) > SPEC_DESCRIPTION - 5
    assert sent_data(shown) == ["job:i:7", "job:n:7"]


def test_a_long_first_line_is_a_shortened_title() -> None:
    text = "연습 면접 " * 15 + "\n12월 3일 (수) 14:00 · 김코치"
    shown = render([card_message(1, text)], keyboard=(), block_id=BLOCK)
    pre, card = valid(shown)["outputs"]
    assert pre["simpleText"]["text"] == text.strip()
    title = card["basicCard"]["title"]
    assert len(title) <= SPEC_TITLE
    assert title.endswith("…")


def test_a_card_with_more_than_a_bubble_of_text_is_text_and_quick_replies() -> None:
    message = Outgoing(long_korean_text(1500), ((texts.BUTTON_HELPFUL, "t:h:1"),))
    shown = render([message], keyboard=(), block_id=BLOCK)
    assert shown_cards(shown) == []
    assert squeezed("".join(simple_texts(shown))) == squeezed(message.text)
    assert sent_data(shown) == ["t:h:1"]


def test_consecutive_cards_make_carousels_of_at_most_ten() -> None:
    shown = render([card_message(n) for n in range(12)], keyboard=(), block_id=BLOCK)
    outputs = valid(shown)["outputs"]
    assert [len(o["carousel"]["items"]) for o in outputs] == [10, 2]


def test_thirty_five_cards_all_arrive_through_more() -> None:
    shown = pages([card_message(n) for n in range(35)])
    assert len(shown) == 2
    assert [d for page in shown for d in sent_data(page)] == [f"t:h:{n}" for n in range(35)]


def test_full_texts_are_never_shown_apart_from_their_cards() -> None:
    long_card = card_message(9, "연습 면접 예약\n" + "준비할 것을 적어 주세요. " * 20)
    messages = [Outgoing("가" * 600), Outgoing("나" * 600), Outgoing("다" * 100), long_card]
    shown = pages(messages)
    first_texts = simple_texts(shown[0])
    assert "준비할 것을" not in "".join(first_texts)
    assert sent_data(shown[0]) == []
    assert all_text(shown).count(long_card.text.strip()) == 1
    assert sent_data(shown[1]) == ["t:h:9"]


# Inline buttons as quick replies.


def test_more_than_three_buttons_become_quick_replies_not_a_card() -> None:
    ratings = tuple((f"{n}점", f"c:r:5:{n}") for n in range(1, 6))
    shown = render([Outgoing("연습 면접은 어떠셨어요?", ratings)], keyboard=(), block_id=BLOCK)
    assert valid(shown)["outputs"] == [{"simpleText": {"text": "연습 면접은 어떠셨어요?"}}]
    assert [(r["label"], r["extra"]["data"]) for r in replies(shown)] == list(ratings)
    assert {r["action"] for r in replies(shown)} == {"block"}


def test_a_long_list_of_days_pages_through_more_with_the_keyboard_after_it() -> None:
    first_day = date(2025, 12, 1)
    days = tuple((texts.korean_day(first_day + timedelta(n)), f"c:d:{n}") for n in range(12))
    shown = pages([Outgoing(texts.COACHING_PICK_DAY, days)], keyboard=("처음으로",))
    assert [r["label"] for r in replies(shown[0])][:9] == [label for label, _ in days[:9]]
    assert offers_more(shown[0])
    assert [d for page in shown for d in sent_data(page)] == [data for _, data in days]
    assert "처음으로" in said(shown[-1])


# The reply keyboard as quick replies.


def test_keyboard_labels_are_shown_short_and_sent_in_full() -> None:
    label = "경기 남부 (수원·화성·오산·평택)"
    shown = render([Outgoing("어디서 일하고 싶으세요?")], keyboard=[label, "이전"], block_id=BLOCK)
    assert replies(shown) == [
        {"label": label[:13] + "…", "action": "message", "messageText": label},
        {"label": "이전", "action": "message", "messageText": "이전"},
    ]


def test_a_label_is_not_cut_inside_an_emoji() -> None:
    label = "가나다라마바사아자차카타👍🏽하"
    (reply,) = replies(render([Outgoing("골라 주세요.")], keyboard=[label], block_id=BLOCK))
    assert reply["label"] == "가나다라마바사아자차카타…"
    assert reply["messageText"] == label


def test_seventeen_provinces_page_through_more_and_then_start_again() -> None:
    question = Outgoing("어느 지역에서 일하고 싶으세요?", keyboard=tuple(PROVINCES))
    first = render([question], keyboard=PROVINCES, block_id=BLOCK)
    assert said(first) == PROVINCES[:9]
    assert offers_more(first)
    assert first.more_replies == tuple(PROVINCES[9:])
    second = more(first.rest, first.more_replies, keyboard=PROVINCES, block_id=BLOCK)
    assert simple_texts(second) == [texts.KAKAO_MORE_CHOICES]
    assert said(second) == PROVINCES[9:]
    assert not offers_more(second)
    third = more(second.rest, second.more_replies, keyboard=PROVINCES, block_id=BLOCK)
    assert simple_texts(third) == [texts.KAKAO_NO_MORE]
    assert said(third) == PROVINCES[:9]


# Photos and nothing at all.


def test_a_photo_is_its_caption_and_a_line_saying_where_the_picture_is() -> None:
    shown = render([Outgoing("연령대별 가입자", photo=True)], keyboard=(), block_id=BLOCK)
    assert simple_texts(shown) == [f"연령대별 가입자\n\n{texts.KAKAO_PHOTO_ON_TELEGRAM}"]
    bare = render([Outgoing("", photo=True)], keyboard=(), block_id=BLOCK)
    assert simple_texts(bare) == [texts.KAKAO_PHOTO_ON_TELEGRAM]


def test_nothing_sent_is_said_and_the_keyboard_still_offered() -> None:
    shown = render([], keyboard=("처음으로",), block_id=BLOCK)
    assert valid(shown)["outputs"] == [{"simpleText": {"text": texts.KAKAO_NOTHING_YET}}]
    assert said(shown) == ["처음으로"]


def test_more_with_nothing_left_says_so() -> None:
    shown = more((), (), keyboard=("처음으로",), block_id=BLOCK)
    assert simple_texts(shown) == [texts.KAKAO_NO_MORE]
    assert said(shown) == ["처음으로"]


# Anything the handlers could send.


def random_message(rng: random.Random, number: int) -> Outgoing:
    text = rng.choice(
        [
            f"{number}번 안내예요 🙂",
            f"{number}번 공고\n" + "경력을 살리는 일이에요. " * rng.randint(1, 40),
            long_korean_text(rng.randint(100, 2500)),
        ]
    )
    count = rng.choice([0, 0, 1, 3, 4, 12])
    buttons = tuple((f"{number}-{n} 선택", f"x:{number}:{n}") for n in range(count))
    return Outgoing(text, buttons, photo=rng.random() < 0.1)


@pytest.mark.parametrize("seed", range(60))
def test_any_answer_keeps_the_limits_and_loses_nothing(seed: int) -> None:
    rng = random.Random(seed)
    messages = [random_message(rng, n) for n in range(rng.randint(0, 15))]
    keyboard = PROVINCES[: rng.choice([0, 2, 10, 18])]
    shown = pages(messages, keyboard)
    expected = [data for message in messages for _, data in message.buttons]
    assert sorted(d for page in shown for d in sent_data(page)) == sorted(expected)
    assert set(keyboard) <= {label for page in shown for label in said(page)}
    seen = visible(shown)
    for message in messages:
        assert squeezed(message.text) in seen
