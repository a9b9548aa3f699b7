"""Pay figures from seekers' answers ("희망 급여") and from job postings.

Both sides write pay loosely: "월 300", "300", "연봉 3천", "시급 1만2천원", "일당 15만원",
"300~350만원", "협의". Seniors often leave out the unit (만원) or the period (월/연봉), so
the parser fills in what the Korean job market means by convention and says, through
`PayAnswer.certain`, when it guessed and the bot should confirm.
"""

import re
from dataclasses import dataclass
from enum import StrEnum

from matching.amounts import (
    UNIT_CHARACTERS,
    UNIT_VALUES,
    has_big_unit,
    parse_korean_amount,
    spoken_digits,
)
from matching.text import compact


class PayPeriod(StrEnum):
    HOURLY = "hourly"
    DAILY = "daily"
    MONTHLY = "monthly"
    ANNUAL = "annual"


HOURS_PER_MONTH = 209  # Korean standard: 40h/week plus paid weekly rest
DAYS_PER_MONTH = 22
WEEKS_PER_MONTH = 365 / 7 / 12
MINIMUM_HOURLY_WAGE = 10_320  # 2026 Korean minimum wage, KRW/hour
MAN = 10_000

MAX_MONTHLY_PAY = 100_000_000  # more than 1억 a month is a typo, not a wage
# Below these a figure is a typo or a misread unit ("시급 12" is not 12 won an hour).
_PERIOD_FLOORS: dict[PayPeriod, int] = {
    PayPeriod.HOURLY: 1_000,
    PayPeriod.DAILY: 10_000,
    PayPeriod.MONTHLY: 100_000,
    PayPeriod.ANNUAL: 1_200_000,
}
# With a period word, a figure below this (written without 만/억/원) is in 만원:
# "월 300" is 300만원 and "연봉 3천" is 3,000만원, but "시급 12000" is 12,000원.
_MANWON_BELOW: dict[PayPeriod, int] = {
    PayPeriod.HOURLY: 0,
    PayPeriod.DAILY: 1_000,
    PayPeriod.MONTHLY: 10_000,
    PayPeriod.ANNUAL: 100_000,
}
_LABELS: dict[PayPeriod, str] = {
    PayPeriod.HOURLY: "시급",
    PayPeriod.DAILY: "일급",
    PayPeriod.MONTHLY: "월",
    PayPeriod.ANNUAL: "연봉",
}
_MAX_INPUT_LENGTH = 100

_PERIOD_WORDS = re.compile(
    r"(?:(?P<weekly>주급|주당|(?<!\d)1주|일주일)"
    r"|(?P<hourly>시급|시간당|(?<!\d)1시간|한시간)"
    r"|(?P<daily>일급|일당|하루|(?<!\d)1일|일일|^일(?=\d))"
    r"|(?P<monthly>월급여|월급|월평균|월수입|매월|매달|한달|(?<!\d)1달|월)"
    r"|(?P<annual>연봉|년봉|연간|연수입|(?<!\d)1년|일년|연))"
    r"(?:에|당|기준|으로|로|은|는|이|가)?"  # "한달에", "연봉은 3천", "월급이 300"
)
_LEADING_NOISE = re.compile(
    r"^(?:주\d일(?:근무)?|세전|세후|실수령액?|희망|급여|임금|보수|최소|적어도|대략|약|평균|기본급?|은|는|:)+"
)
_TRAILING_NOISE = re.compile(
    r"(?:받고싶어요|받고싶습니다|받았어요|받았습니다|좋겠어요|좋겠습니다|원해요|원합니다"
    r"|희망합니다|희망해요|희망|협의가능|협의|입니다|이에요|예요|이요|정도|가량|내외|수준|쯤|선|이면|면"
    r"|세전|세후|실수령액?"
    r"|됩니다|돼요|요|은|는|을|를|\.)$"
)
_DECORATION = re.compile(r"[/():]")
_AMOUNT = rf"\d[\d,.{UNIT_CHARACTERS}]*원?"
_FIGURE = re.compile(
    rf"(?P<low>{_AMOUNT})"
    rf"(?:(?:~|-|부터|에서)(?P<high>{_AMOUNT})(?:까지|사이)?|이상|부터|~|넘게|초과)?"
)
_NO_FIGURE = re.compile(
    r"(?:희망)?(?:급여|임금|보수|연봉|월급|시급|일급|일당|월)?(?:은|는|:)?"
    r"(?:무관\w*|상관없\w*|상관안\w*|협의\w*|추후협의\w*|(?:회사)?내규\w*|면접(?:후|시|때)?(?:협의|결정)\w*)"
)
_MINIMUM_WAGE = re.compile(r"(?:시급)?최저(?:시급|임금|급여)?(?:이상)?")
_SINGLE_UNIT_AMOUNT = re.compile(rf"[\d,.]+(?P<unit>[{UNIT_CHARACTERS}])원?")


@dataclass(frozen=True)
class Pay:
    period: PayPeriod
    minimum: int  # KRW per period
    maximum: int | None = None

    @property
    def monthly_minimum(self) -> int:
        """Monthly figures let hourly, daily and annual offers be compared with one another."""
        return to_monthly(self.minimum, self.period)

    @property
    def monthly_maximum(self) -> int | None:
        return None if self.maximum is None else to_monthly(self.maximum, self.period)


@dataclass(frozen=True)
class PayAnswer:
    pay: Pay | None  # None = no figure: 무관 / 협의 / 회사내규 / 면접 후 결정
    certain: bool  # False when the period or unit was guessed and should be confirmed


@dataclass(frozen=True)
class _Amount:
    value: int
    plain: bool  # written without 만/억/원, so the unit may still be implied


def to_monthly(amount: int, period: PayPeriod) -> int:
    """KRW per month using the Korean payroll conventions (209 h, 22 days, 12 months)."""
    if period is PayPeriod.HOURLY:
        return amount * HOURS_PER_MONTH
    if period is PayPeriod.DAILY:
        return amount * DAYS_PER_MONTH
    if period is PayPeriod.ANNUAL:
        return (amount + 6) // 12  # nearest won, halves up
    return amount


def parse_pay(text: str) -> PayAnswer | None:
    """Return the pay meant by `text`, or None when it cannot be understood."""
    if len(text) > _MAX_INPUT_LENGTH:
        return None
    raw = _DECORATION.sub("", compact(spoken_digits(text)))
    if not any(char.isdigit() for char in raw):
        return _parse_wordy(raw)
    answer = _strip_noise(raw)
    periods = {match.lastgroup for match in _PERIOD_WORDS.finditer(answer) if match.lastgroup}
    if len(periods) > 1:
        return None
    figure = _FIGURE.fullmatch(_PERIOD_WORDS.sub("", answer))
    if figure is None:
        return None
    low, high = _read_amounts(figure["low"], figure["high"])
    if low is None:
        return None
    if periods == {"weekly"}:
        result = _weekly(low, high)
    elif periods:
        period = PayPeriod(periods.pop())
        result = _with_period(low, high, period)
    else:
        result = _guess_period(low, high)
    if result is None or not _is_plausible(result.pay):
        return None
    return result


def describe_pay(pay: Pay) -> str:
    """Korean text for showing pay back to the user: "월 300~350만원", "시급 12,000원"."""
    label = _LABELS[pay.period]
    if pay.maximum is None:
        return f"{label} {_format_won(pay.minimum)}"
    if _is_whole_man(pay.minimum) and _is_whole_man(pay.maximum):
        return f"{label} {pay.minimum // MAN:,}~{pay.maximum // MAN:,}만원"
    if not _is_whole_man(pay.minimum) and not _is_whole_man(pay.maximum):
        return f"{label} {pay.minimum:,}~{pay.maximum:,}원"
    return f"{label} {_format_won(pay.minimum)}~{_format_won(pay.maximum)}"


def _strip_noise(answer: str) -> str:
    """Drop tax words, politeness and hedges: "세전 월 300만원 정도요" -> "월300만원".

    Runs after `_DECORATION` so "월 300만원 (협의 가능)" loses its aside too.
    """
    answer = _LEADING_NOISE.sub("", answer)
    while (stripped := _TRAILING_NOISE.sub("", answer)) != answer:
        answer = stripped
    return answer


def _parse_wordy(answer: str) -> PayAnswer | None:
    """Answers without digits: "무관", "협의", "최저시급"."""
    if _NO_FIGURE.fullmatch(answer):
        return PayAnswer(pay=None, certain=True)
    if _MINIMUM_WAGE.fullmatch(_strip_noise(answer)):
        return PayAnswer(Pay(PayPeriod.HOURLY, MINIMUM_HOURLY_WAGE), certain=True)
    return None


def _read_amounts(low_text: str, high_text: str | None) -> tuple[_Amount | None, _Amount | None]:
    """Parse both ends; "300~350만원" lends 만 to the bare 300."""
    low = _read_amount(low_text)
    if high_text is None or low is None:
        return low, None
    high = _read_amount(high_text)
    if high is None:
        return None, None
    shared = _SINGLE_UNIT_AMOUNT.fullmatch(high_text)
    if low.plain and shared:
        low = _Amount(low.value * UNIT_VALUES[shared["unit"]], plain=high.plain)
    return low, high


def _read_amount(text: str) -> _Amount | None:
    """Remember whether the writer gave a unit, because "300" and "300원" mean different things."""
    value = parse_korean_amount(text)
    if value is None:
        return None
    return _Amount(value, plain=not (has_big_unit(text) or text.endswith("원")))


def _with_period(low: _Amount, high: _Amount | None, period: PayPeriod) -> PayAnswer | None:
    """The period was written, so only the missing 만 may need filling in."""

    def scaled(amount: _Amount) -> int:
        if amount.plain and amount.value < _MANWON_BELOW[period]:
            return amount.value * MAN
        return amount.value

    return _answer(period, scaled(low), None if high is None else scaled(high), certain=True)


def _weekly(low: _Amount, high: _Amount | None) -> PayAnswer | None:
    """Weekly pay ("주급 50만원") is rare enough not to be a period of its own: it becomes
    the month's sum, to be confirmed. A bare figure is in 만원, as for a day's pay."""

    def monthly(amount: _Amount) -> int:
        won = amount.value * MAN if amount.plain and amount.value < 1_000 else amount.value
        return round(won * WEEKS_PER_MONTH / MAN) * MAN

    return _answer(
        PayPeriod.MONTHLY, monthly(low), None if high is None else monthly(high), certain=False
    )


def _guess_period(low: _Amount, high: _Amount | None) -> PayAnswer | None:
    """No period word: read the figure the way Korean job seekers mean it.

    A bare 100..999 is monthly 만원 ("300"), a bare 1000..9999 is probably an annual
    salary in 만원 ("3000"); otherwise the size of the won amount decides the period.
    """
    factor = 1
    if low.plain and low.value < MAN:
        if low.value < 100:
            return None
        factor = MAN
    low_won = low.value * factor
    high_won = None
    if high is not None:
        high_won = high.value * factor if high.plain else high.value
    if low.plain and 1_000 <= low.value < MAN:
        return _answer(PayPeriod.ANNUAL, low_won, high_won, certain=False)
    if low_won < 50_000:
        return _answer(PayPeriod.HOURLY, low_won, high_won, certain=False)
    if low_won < 100 * MAN:
        return _answer(PayPeriod.DAILY, low_won, high_won, certain=False)
    if low_won < 1_000 * MAN:
        return _answer(PayPeriod.MONTHLY, low_won, high_won, certain=True)
    return _answer(PayPeriod.ANNUAL, low_won, high_won, certain=True)


def _answer(period: PayPeriod, low: int, high: int | None, *, certain: bool) -> PayAnswer | None:
    """An upside-down range is a typo; a range of one value is just that value."""
    if high is not None and high < low:
        return None
    maximum = None if high == low else high
    return PayAnswer(Pay(period, low, maximum), certain=certain)


def _is_plausible(pay: Pay | None) -> bool:
    """Reject figures no job pays, which usually mean a misread unit."""
    if pay is None:
        return True
    if pay.minimum < _PERIOD_FLOORS[pay.period]:
        return False
    highest = pay.monthly_maximum or pay.monthly_minimum
    return highest <= MAX_MONTHLY_PAY


def _is_whole_man(amount: int) -> bool:
    return amount >= MAN and amount % MAN == 0


def _format_won(amount: int) -> str:
    """Whole 만원 amounts read naturally as "3,500만원"; others need every won."""
    if _is_whole_man(amount):
        return f"{amount // MAN:,}만원"
    return f"{amount:,}원"
