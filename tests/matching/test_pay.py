import pytest

from matching.pay import (
    DAYS_PER_MONTH,
    HOURS_PER_MONTH,
    MINIMUM_HOURLY_WAGE,
    Pay,
    PayAnswer,
    PayPeriod,
    describe_pay,
    parse_pay,
)

HOURLY = PayPeriod.HOURLY
DAILY = PayPeriod.DAILY
MONTHLY = PayPeriod.MONTHLY
ANNUAL = PayPeriod.ANNUAL


@pytest.mark.parametrize(
    ("text", "period", "minimum", "maximum", "certain"),
    [
        # monthly
        ("월 300만원", MONTHLY, 3_000_000, None, True),
        ("월300", MONTHLY, 3_000_000, None, True),
        ("월 300", MONTHLY, 3_000_000, None, True),
        ("300", MONTHLY, 3_000_000, None, True),
        ("250만원", MONTHLY, 2_500_000, None, True),
        ("월급 300", MONTHLY, 3_000_000, None, True),
        ("월 급여 300만원", MONTHLY, 3_000_000, None, True),
        ("세전 월 300만원", MONTHLY, 3_000_000, None, True),
        ("세후 월 250", MONTHLY, 2_500_000, None, True),
        ("희망급여 250", MONTHLY, 2_500_000, None, True),
        ("한달에 200만원", MONTHLY, 2_000_000, None, True),
        ("300만원/월", MONTHLY, 3_000_000, None, True),
        ("월 3,000,000원", MONTHLY, 3_000_000, None, True),
        ("3000000", MONTHLY, 3_000_000, None, True),
        ("월 250.5만원", MONTHLY, 2_505_000, None, True),
        ("３００만원 😊", MONTHLY, 3_000_000, None, True),
        ("300만원 정도요", MONTHLY, 3_000_000, None, True),
        ("월 300만원 (협의 가능)", MONTHLY, 3_000_000, None, True),
        ("주5일 월 250만원", MONTHLY, 2_500_000, None, True),
        # minimum only
        ("200만원 이상", MONTHLY, 2_000_000, None, True),
        ("월 200 이상", MONTHLY, 2_000_000, None, True),
        ("200만원 이상은 받고 싶어요", MONTHLY, 2_000_000, None, True),
        ("300만원~", MONTHLY, 3_000_000, None, True),
        # ranges
        ("월 300~350만원", MONTHLY, 3_000_000, 3_500_000, True),
        ("300-350만원", MONTHLY, 3_000_000, 3_500_000, True),
        ("월 300만원 ~ 350만원", MONTHLY, 3_000_000, 3_500_000, True),
        ("월 300〜350", MONTHLY, 3_000_000, 3_500_000, True),
        ("300만원에서 350만원 사이", MONTHLY, 3_000_000, 3_500_000, True),
        ("연봉 3,000~4,000만원", ANNUAL, 30_000_000, 40_000_000, True),
        ("연봉 3~4천", ANNUAL, 30_000_000, 40_000_000, True),
        ("시급 12,000~15,000원", HOURLY, 12_000, 15_000, True),
        ("월 300~300만원", MONTHLY, 3_000_000, None, True),
        # annual
        ("연봉 3천만원", ANNUAL, 30_000_000, None, True),
        ("연봉 3천", ANNUAL, 30_000_000, None, True),
        ("연봉 3000", ANNUAL, 30_000_000, None, True),
        ("연봉 3,000만원", ANNUAL, 30_000_000, None, True),
        ("연 3,600만원", ANNUAL, 36_000_000, None, True),
        ("연봉 1억", ANNUAL, 100_000_000, None, True),
        ("3,500만원", ANNUAL, 35_000_000, None, True),
        ("3000", ANNUAL, 30_000_000, None, False),
        ("4000", ANNUAL, 40_000_000, None, False),
        ("3~4천", ANNUAL, 30_000_000, 40_000_000, False),
        # hourly
        ("시급 1만2천원", HOURLY, 12_000, None, True),
        ("시급 12,000원", HOURLY, 12_000, None, True),
        ("시급 12000", HOURLY, 12_000, None, True),
        ("시급 1.2만", HOURLY, 12_000, None, True),
        ("시간당 11,000원", HOURLY, 11_000, None, True),
        ("12000", HOURLY, 12_000, None, False),
        ("12,000원", HOURLY, 12_000, None, False),
        ("최저시급", HOURLY, MINIMUM_HOURLY_WAGE, None, True),
        ("최저임금", HOURLY, MINIMUM_HOURLY_WAGE, None, True),
        ("최저시급 이상이요", HOURLY, MINIMUM_HOURLY_WAGE, None, True),
        # daily
        ("일급 15만원", DAILY, 150_000, None, True),
        ("일당 15만원", DAILY, 150_000, None, True),
        ("하루 15만원", DAILY, 150_000, None, True),
        ("일당 15", DAILY, 150_000, None, True),
        ("15만원(일당)", DAILY, 150_000, None, True),
        ("15만원", DAILY, 150_000, None, False),
        # numbers written in words, as they are said
        ("월 이백오십", MONTHLY, 2_500_000, None, True),
        ("이백오십만원", MONTHLY, 2_500_000, None, True),
        ("월 이백이요", MONTHLY, 2_000_000, None, True),
        ("연봉 삼천오백", ANNUAL, 35_000_000, None, True),
        ("일당 십오만원", DAILY, 150_000, None, True),
        ("시급 만원", HOURLY, 10_000, None, True),
        ("시급 1만원", HOURLY, 10_000, None, True),
        # a particle after the period word
        ("연봉은 3천", ANNUAL, 30_000_000, None, True),
        ("월급이 300이면 좋겠어요", MONTHLY, 3_000_000, None, True),
        ("시급이 만원", HOURLY, 10_000, None, True),
        ("일당으로 15만원", DAILY, 150_000, None, True),
        # tax words after the figure
        ("월 180만원(세후)", MONTHLY, 1_800_000, None, True),
        ("월 250 실수령", MONTHLY, 2_500_000, None, True),
        # weekly pay is taken as the month's sum (365 / 7 / 12 weeks), to be confirmed
        ("주급 50만원", MONTHLY, 2_170_000, None, False),
        ("주급 40~50", MONTHLY, 1_740_000, 2_170_000, False),
    ],
)
def test_parses_pay(
    text: str, period: PayPeriod, minimum: int, maximum: int | None, certain: bool
) -> None:
    assert parse_pay(text) == PayAnswer(Pay(period, minimum, maximum), certain=certain)


@pytest.mark.parametrize(
    "text",
    [
        "무관",
        "무관합니다",
        "상관없음",
        "상관 없어요",
        "상관없습니다",
        "협의",
        "추후 협의",
        "협의 가능",
        "급여는 협의",
        "회사내규에 따름",
        "회사 내규에 따름",
        "내규에 따름",
        "면접 후 결정",
        "면접시 협의",
        "급여 무관",
        "월 협의",
    ],
)
def test_no_figure_answers(text: str) -> None:
    assert parse_pay(text) == PayAnswer(pay=None, certain=True)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "abc",
        "😊",
        "많이",
        "아무거나",
        "월 300 많이" * 500,
        "0",
        "-300",
        "50",  # a bare number under 100 is neither 만원 nor won
        "300원",
        "월 300원",
        "월 2억",  # over 1억 a month
        "시급 300만원",
        "시급 500",  # hourly under 1,000 won
        "350~300만원",  # range upside down
        "월급 300 시급 12000",  # two periods
        "월 300만원 이하",
        "300만원 또는 400만원",
        "월요일 300",
        "3,50만원",
        "이만하면 돼요",  # 이만 here is "this much", not 20,000
        "천천히 정할게요",
    ],
)
def test_rejects_what_is_not_pay(text: str) -> None:
    assert parse_pay(text) is None


@pytest.mark.parametrize(
    ("pay", "monthly_minimum", "monthly_maximum"),
    [
        (Pay(MONTHLY, 3_000_000, 3_500_000), 3_000_000, 3_500_000),
        (Pay(HOURLY, 10_320), 10_320 * HOURS_PER_MONTH, None),
        (Pay(HOURLY, 12_000, 15_000), 2_508_000, 3_135_000),
        (Pay(DAILY, 150_000), 150_000 * DAYS_PER_MONTH, None),
        (Pay(ANNUAL, 36_000_000), 3_000_000, None),
        (Pay(ANNUAL, 35_000_000, 40_000_000), 2_916_667, 3_333_333),
        (Pay(ANNUAL, 30_000_006), 2_500_001, None),  # half a won rounds up
    ],
)
def test_monthly_conversion(pay: Pay, monthly_minimum: int, monthly_maximum: int | None) -> None:
    assert pay.monthly_minimum == monthly_minimum
    assert pay.monthly_maximum == monthly_maximum


@pytest.mark.parametrize(
    ("pay", "expected"),
    [
        (Pay(MONTHLY, 3_000_000), "월 300만원"),
        (Pay(MONTHLY, 3_000_000, 3_500_000), "월 300~350만원"),
        (Pay(ANNUAL, 35_000_000), "연봉 3,500만원"),
        (Pay(ANNUAL, 40_000_000), "연봉 4,000만원"),
        (Pay(ANNUAL, 30_000_000, 40_000_000), "연봉 3,000~4,000만원"),
        (Pay(HOURLY, 12_000), "시급 12,000원"),
        (Pay(HOURLY, 12_000, 15_000), "시급 12,000~15,000원"),
        (Pay(HOURLY, MINIMUM_HOURLY_WAGE), "시급 10,320원"),
        (Pay(DAILY, 150_000), "일급 15만원"),
        (Pay(MONTHLY, 2_156_880), "월 2,156,880원"),
        (Pay(MONTHLY, 2_000_000, 2_156_880), "월 200만원~2,156,880원"),
    ],
)
def test_describe_pay(pay: Pay, expected: str) -> None:
    assert describe_pay(pay) == expected


@pytest.mark.parametrize(
    "text", ["월 300만원", "연봉 3,500만원", "시급 12,000원", "일급 15만원", "월 300~350만원"]
)
def test_description_parses_back_to_the_same_pay(text: str) -> None:
    answer = parse_pay(text)
    assert answer is not None
    assert answer.pay is not None
    assert describe_pay(answer.pay) == text
    assert parse_pay(describe_pay(answer.pay)) == answer
