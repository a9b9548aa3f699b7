"""Every sentence the bot says, in one place.

Polite (존댓말), short, plain words, and an example whenever an answer was not understood.
Functions build the sentences that depend on what the person typed; `particle` picks
은/는, 이/가, 을/를 and (으)로 so that Korean reads naturally around any word.
"""

from datetime import date

from matching.slots import WEEKDAYS, WEEKLY_WEEKS

_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3


_RIEUL = 8


def _final_consonant(word: str) -> int | None:
    """Index of the last syllable's final consonant (받침), 0 for none; None if not Hangul.

    Digits are read the Korean way (일, 이, 삼 ...), so "3,000만원" and "10" work too.
    """
    last = word.rstrip(" )'\"")[-1:] or "가"
    if last.isdigit():
        return {"0": 16, "1": 8, "3": 16, "6": 1, "7": 8, "8": 8}.get(last, 0)
    code = ord(last)
    if _HANGUL_FIRST <= code <= _HANGUL_LAST:
        return (code - _HANGUL_FIRST) % 28
    return None


def particle(word: str, pair: str) -> str:
    """The particle of `pair` ("은/는", "이/가", "을/를", "으로/로") that follows `word`."""
    with_final, without_final = pair.split("/")
    final = _final_consonant(word)
    if not final or (pair == "으로/로" and final == _RIEUL):
        return without_final
    return with_final


def pick_confirm(save: str) -> str:
    """Asked when a form's last step got something other than its two buttons."""
    return f"'{save}' 또는 '처음부터 다시'를 눌러 주세요."


def with_particle(word: str, pair: str) -> str:
    """`word` followed by its particle: "품질관리를", "월 300만원으로"."""
    return word + particle(word, pair)


# Buttons and the words that mean the same when typed.
BACK = "이전"
NEXT = "다음"
SKIP = "건너뛰기"
NONE = "없음"
CLEAR = "다시 입력"
YES = "네, 맞아요"
KEEP_TYPED = "적은 대로 할게요"
RETYPE = "다시 적을게요"
AGREE = "동의합니다"
DISAGREE = "동의하지 않습니다"
LOOKS_GOOD = "이대로 좋아요"
EDIT = "고칠 곳이 있어요"
DONE_EDITING = "돌아가기"
DELETE_YES = "네, 지워 주세요"
DELETE_NO = "아니요"
YEARS_UNKNOWN = "잘 모르겠어요"
ANY = "무관"
MENU_PROFILE = "내 프로필"
MENU_JOBS = "일자리 보기"
MENU_ALERTS = "알림 설정"
MENU_HELP = "도움말"
MENU_TIPS = "면접 이야기"

BACK_WORDS = frozenset({BACK, "뒤로", "이전으로", "돌아가기"})
NEXT_WORDS = frozenset(
    {NEXT, "다음으로", "완료", "끝", "다 했어요", "다했어요", "그만", "이제 없어요"}
)
SKIP_WORDS = frozenset({SKIP, NONE, "없어요", "없습니다", "패스", "넘어가기"})
YES_WORDS = frozenset({YES, "네", "예", "응", "맞아요", "맞습니다", "네 맞아요"})

# Field names, as on the edit buttons and in the summary.
FIELD_NAME = "이름"
FIELD_AGE = "나이"
FIELD_DESIRED_JOBS = "희망 일자리"
FIELD_CAREER = "경력"
FIELD_LICENCES = "자격증"
FIELD_REGIONS = "지역"
FIELD_PAY = "희망 급여"
FIELD_EMPLOYMENT = "근무 형태"
FIELD_AVAILABILITY = "출근 가능일"

# Consent.
CONSENT = (
    "안녕하세요, 앙코르입니다.\n"
    "그동안 쌓으신 경력에 맞는 일자리를 찾아 드려요.\n\n"
    "시작하기 전에 개인정보 이용에 동의해 주세요.\n"
    "• 저장하는 것: 불러 드릴 이름, 나이, 희망 일자리, 경력, 자격증, 희망 지역·급여·근무 형태\n"
    "• 쓰는 곳: 맞는 일자리를 찾고 면접 코칭을 연결하는 데에만 써요\n"
    "• 지우는 법: 언제든 /delete 를 보내시면 모두 지워요"
)
CONSENT_PICK = "아래 버튼 중 하나를 눌러 주세요."
CONSENT_DECLINED = (
    "알겠습니다. 아무것도 저장하지 않았어요.\n마음이 바뀌시면 언제든 /start 를 보내 주세요."
)

# Questions.
ASK_NAME = "어떻게 불러 드릴까요?\n성함이나 별명을 적어 주세요. (예: 김영수)"
NAME_INVALID = "이름을 한두 단어로 적어 주세요. (예: 김영수, 영수)"


def ask_age(name: str) -> str:
    return f"{name}님, 나이가 어떻게 되세요?\n(예: 58세, 1968년생)"


AGE_INVALID = "나이를 알아듣지 못했어요. 숫자로 적어 주세요.\n(예: 58세, 68년생)"


def age_noted(age: int) -> str:
    return f"{age}세로 적어 둘게요."


ASK_DESIRED_JOBS = (
    "어떤 일을 하고 싶으세요?\n아래에서 고르시거나 직접 적어 주세요. 3개까지 고를 수 있어요.\n"
    "(예: 품질관리, 시설관리)"
)
DESIRED_JOBS_YEARS_LATER = "몇 년 하셨는지는 바로 다음 질문에서 여쭤볼게요."
DESIRED_JOBS_INVALID = "하고 싶은 일을 적어 주세요. (예: 경비, 요양보호사, 품질관리)"
DESIRED_JOBS_ANYTHING = (
    "하고 싶은 일을 하나라도 알려 주시면 더 잘 찾아 드려요. 아래에서 고르시거나 적어 주세요. "
    "(예: 경비, 미화원, 조리원)"
)
DESIRED_JOBS_FULL = "3개를 모두 고르셨어요."

ASK_CAREER = (
    "그동안 하신 일을 하나씩 알려 주세요.\n하신 일과 햇수를 함께 적어 주세요.\n"
    "(예: 자동차부품 품질관리 20년, 경리 10년 6개월)"
)
CAREER_INVALID = "하신 일과 햇수를 함께 적어 주세요.\n(예: 경비 5년, 경리 10년 6개월)"
CAREER_FULL = "경력을 10개까지 적을 수 있어요."


def ask_career_years(title: str) -> str:
    return f"'{title}' 일은 몇 년 하셨어요?\n(예: 20년, 10년 6개월)"


CAREER_YEARS_INVALID = "햇수를 숫자로 적어 주세요. (예: 5년, 3년 6개월)"

ASK_LICENCES = (
    "가지고 계신 자격증이나 면허가 있으면 알려 주세요.\n없으시면 '없음'을 눌러 주세요.\n"
    "(예: 지게차운전기능사, 운전면허 1종 보통)"
)
LICENCES_INVALID = "자격증 이름을 적어 주세요. (예: 요양보호사, 전기기능사)"
LICENCES_FULL = "자격증을 10개까지 적을 수 있어요."

ASK_REGIONS = (
    "일하실 수 있는 지역을 알려 주세요. 여러 곳도 괜찮아요.\n"
    "(예: 세종, 서울 강남구, 수원시, 경기 남부)"
)
REGIONS_INVALID = "시·군·구 이름으로 적어 주세요. (예: 수원시, 서울 강남구, 전국)"
REGIONS_FULL = "지역을 10곳까지 고를 수 있어요."


def regions_unknown(items: list[str]) -> str:
    names = ", ".join(f"'{item}'" for item in items)
    return f"{with_particle(names, '을/를')} 찾지 못했어요."


def which_region(text: str) -> str:
    return f"'{text}'{particle(text, '은/는')} 여러 곳에 있어요. 어느 곳인가요?"


ASK_PAY = (
    "희망하시는 급여는 얼마인가요?\n상관없으시면 '무관'을 눌러 주세요.\n"
    "(예: 월 250만원, 연봉 3천만원, 시급 1만2천원)"
)
PAY_INVALID = (
    "급여를 알아듣지 못했어요. 금액과 단위를 함께 적어 주세요.\n(예: 월 300만원, 시급 12,000원)"
)


def pay_noted(description: str) -> str:
    return f"{with_particle(description, '으로/로')} 적어 둘게요."


def confirm_guess(guess: str) -> str:
    return f"'{guess}'{particle(guess, '이/가')} 맞으세요?"


ASK_EMPLOYMENT = "원하시는 근무 형태를 골라 주세요. 여러 개 골라도 돼요."
EMPLOYMENT_INVALID = "아래 버튼에서 골라 주세요. (예: 정규직, 시간제)"
ASK_AVAILABILITY = "언제부터 일하실 수 있으세요?"
AVAILABLE_NOW = "바로 가능해요"
AVAILABLE_NEXT_MONTH = "다음 달부터"
AVAILABILITY_INVALID = "언제부터 일하실 수 있는지 적어 주세요. (예: 바로, 다음 달부터, 1월 5일)"
AVAILABLE_NOW_LABEL = "바로 가능"


def short_day(day: date) -> str:
    return f"{day.month}월 {day.day}일"


def available_from_label(day: date, today: date) -> str:
    """ "바로 가능" once the day has come, "1월 5일부터" before."""
    return AVAILABLE_NOW_LABEL if day <= today else f"{short_day(day)}부터"


def availability_noted(day: date, today: date) -> str:
    when = "바로" if day <= today else f"{short_day(day)}부터"
    return f"{when} 일하실 수 있다고 적어 둘게요."


# Lists being built.


def chosen_so_far(title: str, items: list[str]) -> str:
    return f"지금까지 적으신 {title}:\n" + "\n".join(f"• {item}" for item in items)


def added(items: list[str]) -> str:
    return f"{with_particle(', '.join(items), '을/를')} 적어 두었어요."


MORE_OR_NEXT = "더 있으면 적어 주시고, 다 되셨으면 '다음'을 눌러 주세요."
NEED_ONE = "하나 이상 적어 주세요."
CLEARED = "지웠어요. 처음부터 다시 적어 주세요."
OFFER_SKIP = "어려우시면 '건너뛰기'를 누르셔도 괜찮아요. 나중에 /profile 에서 적으실 수 있어요."

# Summary, editing and the menu.


def summary_title(name: str) -> str:
    return f"{name}님의 프로필이에요."


NOT_ANSWERED = "아직 없음"
SUMMARY_CONFIRM = "이대로 저장할까요?"
SUMMARY_SAVED_NOTE = "고칠 곳이 있으면 '고칠 곳이 있어요'를 눌러 주세요."
ASK_EDIT_FIELD = "어느 항목을 고칠까요?"
EDIT_PICK = "아래 버튼에서 고칠 항목을 골라 주세요."
SUMMARY_PICK = "아래 버튼을 눌러 주세요. 고칠 항목 이름(예: 나이)을 적으셔도 돼요."


def saved(name: str) -> str:
    return f"프로필을 저장했어요. 고맙습니다, {name}님!"


LINKED = "센터에서 등록해 주신 프로필을 연결했어요. 내용을 확인해 주세요."
LINK_UNKNOWN = "연결 코드를 찾을 수 없어요. 코드를 다시 확인하시거나 센터에 물어봐 주세요."
LINK_HAVE_OWN = (
    "이미 만드신 프로필이 있어서 센터 코드는 쓰지 않았어요. /profile 에서 보실 수 있어요."
)
MENU = "무엇을 도와드릴까요? 아래 버튼을 눌러 주세요."
RESUME = "하시던 곳부터 이어서 할게요."
PROFILE_UNFINISHED = "프로필을 아직 다 만들지 않으셨어요."

# Leaving, deleting, help.
CANCELLED = (
    "여기서 멈출게요. 적어 주신 내용은 저장해 두었어요.\n이어서 하시려면 /start 를 보내 주세요."
)
NOTHING_TO_CANCEL = "멈출 입력이 없어요."
ASK_DELETE = "저장된 정보를 모두 지울까요?\n지우면 되돌릴 수 없어요."
DELETED = "모두 지웠어요. 그동안 고마웠습니다.\n다시 이용하시려면 /start 를 보내 주세요."
NOTHING_TO_DELETE = "저장된 정보가 없어요."
DELETE_KEPT = "지우지 않았어요."
DELETE_PICK = "'네, 지워 주세요' 또는 '아니요'를 눌러 주세요."

HELP = (
    "앙코르 사용법이에요.\n"
    "/start 처음 시작하기, 하던 곳부터 이어 하기\n"
    "/jobs 나에게 맞는 일자리 보기\n"
    "/alerts 새 공고 알림 받는 방법 바꾸기\n"
    "/coaching 면접 코칭 예약하기\n"
    "/mybookings 내 코칭 예약 보기, 취소하기\n"
    "/tips 합격하신 분들의 면접 이야기 보기\n"
    "/success 최근 합격 소식 보기\n"
    "/programmes 참여할 수 있는 프로그램(인턴십 등) 보기, 신청하기\n"
    "/share_story 내 면접 경험 나누기\n"
    "/kakao 카카오톡과 연결하기\n"
    "/profile 내 프로필 보기와 고치기\n"
    "/cancel 입력을 멈추기 (적은 내용은 남아요)\n"
    "/delete 내 정보 모두 지우기\n"
    "/help 이 도움말 보기\n\n"
    "질문에는 글자로 답하시거나 아래 버튼을 누르시면 돼요."
)
STAFF_WELCOME = (
    "안녕하세요, 앙코르 직원용 대화방이에요. 쓸 수 있는 명령은 /help 에서 보실 수 있어요."
)
STAFF_HELP = (
    "앙코르 직원용 도움말이에요.\n"
    "[코치]\n"
    "/slots 가능한 시간 열기\n"
    "/myslots 연 시간 보기·지우기\n"
    "/schedule 다가오는 코칭 보기, 지난 코칭 기록하기\n"
    "[관리자]\n"
    "/companies 회사와 방문 기록\n"
    "/postings 공고와 지원 현황\n"
    "/screening 프로그램 신청자와 경쟁률, 선정하기\n"
    "/broadcast 공지 보내기\n"
    "/broadcasts 보낸 공지 보기\n"
    "/stats 통계 보기\n"
    "/review 면접 이야기 검토하기\n"
    "/invite_coach 코치 초대하기\n"
    "/coaches 코치 목록, 활동 멈추기\n"
    "/invite_admin 관리자 초대하기\n"
    "/admins 관리자 목록\n"
    "[모두]\n"
    "/delete 내 정보 모두 지우기\n"
    "/help 이 도움말 보기"
)

# Answers that could not be used.
NOT_TEXT = "사진이나 스티커, 음성은 알아듣지 못해요. 글자나 버튼으로 답해 주세요."
TOO_LONG = "답이 너무 길어요. 짧게 적어 주세요."
ONLY_SYMBOLS = "글자나 숫자로 답해 주세요."
UNKNOWN_COMMAND = "모르는 명령이에요. 쓸 수 있는 명령은 /help 에서 보실 수 있어요."
EDIT_NOT_READ = "고친 메시지는 다시 읽지 않아요. 고친 내용을 새 메시지로 보내 주세요."
PRIVATE_ONLY = "앙코르는 1:1 대화에서만 쓸 수 있어요. 저를 눌러 1:1 대화를 시작해 주세요."
SORRY = "죄송해요, 잠시 문제가 생겼어요. 조금 뒤에 다시 보내 주세요."

# Job cards, alerts and /jobs.


def korean_day(day: date) -> str:
    """ "12월 15일 (화)": how dates read in Korean messages."""
    return f"{day.month}월 {day.day}일 ({WEEKDAYS[day.weekday()]})"


VETTED_CARD_MARK = "✅ 방문 확인 기업"
PAY_UNKNOWN = "급여 협의"
ALWAYS_OPEN = "상시 채용"


def deadline_text(deadline: date | None) -> str:
    return f"마감 {korean_day(deadline)}" if deadline else ALWAYS_OPEN


def why(summary: str) -> str:
    return f"추천 이유: {summary}"


BUTTON_DETAILS = "자세히"
BUTTON_INTERESTED = "관심 있어요"
BUTTON_NOT_INTERESTED = "관심 없어요"
BUTTON_MORE = "더 보기"
MORE_PROMPT = "더 보시려면 아래 '더 보기'를 눌러 주세요."


def digest_title(count: int) -> str:
    return f"오늘의 추천 일자리 {count}건이에요."


def digest_button(number: int, label: str) -> str:
    return f"{number}번 {label}"


def details_lines(
    experience: str, age: str, certificates: list[str], headcount: int | None, start: str
) -> list[str]:
    lines = [
        f"• 경력: {experience or '무관'}",
        f"• 나이: {age or '무관'}",
        f"• 자격증: {', '.join(certificates) if certificates else '없음'}",
    ]
    if headcount:
        lines.append(f"• 모집 인원: {headcount}명")
    if start:
        lines.append(f"• 근무 시작: {start}")
    return lines


INTEREST_NOTED = "관심 있다고 센터에 알렸어요. 담당자가 곧 연락드릴 거예요."
INTEREST_ALREADY = "이미 관심 있다고 알려 두셨어요. 담당자가 곧 연락드릴 거예요."
DISMISSED = "알겠어요. 이 공고는 다시 보여 드리지 않고, 비슷한 공고는 덜 보여 드릴게요."
POSTING_GONE = "이 공고는 마감되었거나 내려갔어요."
OLD_BUTTON = "이 버튼은 이제 쓸 수 없어요. /help 에서 쓸 수 있는 명령을 보실 수 있어요."


def interest_for_admins(who: str, title: str, company: str, career: str, key: str) -> str:
    return (
        f"관심 표시: {who}님이 '{title} · {company}'에 관심을 보였어요.\n"
        f"경력: {career}\n프로필 번호: {key}"
    )


JOBS_NEED_PROFILE = "프로필을 먼저 만들어 주세요. /start 를 보내시면 이어서 할 수 있어요."
JOBS_NONE = (
    "지금은 딱 맞는 공고가 없어요. 새 공고가 나오면 알려 드릴게요.\n"
    "희망 지역이나 일자리를 넓히시면 더 많이 찾을 수 있어요. (/profile)"
)
JOBS_NO_MORE = "더 보여 드릴 공고가 없어요."


def jobs_heading(count: int) -> str:
    return f"맞는 공고 {count}건을 찾았어요. 잘 맞는 순서로 보여 드릴게요."


# Alert settings.
ALERTS_QUESTION = "새 공고 알림을 어떻게 받으실까요?"
ALERT_MODE_LABELS = {
    "instant": "바로바로",
    "daily": "하루 한 번",
    "weekly": "일주일에 한 번",
    "off": "받지 않기",
}
ALERTS_HOUR_QUESTION = "몇 시에 받으실까요?"
ALERT_HOURS = (8, 9, 12, 18)


def hour_label(hour: int) -> str:
    if hour == 12:
        return "낮 12시"
    return f"오전 {hour}시" if hour < 12 else f"오후 {hour - 12}시"


def alerts_saved(mode: str, hour: int, quiet_nights: bool) -> str:
    if mode == "off":
        return "알림을 끄었어요. /jobs 로 언제든 공고를 보실 수 있어요."
    when = {
        "instant": "새 공고가 나오면 바로",
        "daily": f"매일 {hour_label(hour)}에",
        "weekly": f"매주 월요일 {hour_label(hour)}에",
    }[mode]
    night = " 밤 9시부터 아침 8시까지는 보내지 않아요." if quiet_nights else ""
    return f"{when} 알려 드릴게요.{night}"


NIGHT_ON = "밤에는 받지 않기"
NIGHT_OFF = "밤에도 받기"


# Interview coaching, for seniors.
MENU_COACHING = "면접 코칭 예약"
COACHING_INTRO = "면접 전에 코치와 연습 면접을 해 보세요. 어떤 분야의 코치를 찾으세요?"
ANY_SPECIALTY = "아무 분야나 괜찮아요"
COACHING_NONE = "지금은 예약할 수 있는 코칭 시간이 없어요. 새 시간이 열리면 다시 확인해 주세요."
COACHING_PICK_DAY = "날짜를 골라 주세요. 앞으로 2주 안에 빈 시간이 있는 날이에요."
COACHING_PICK_TIME = "시간을 골라 주세요."
COACHING_OTHER_TIME = "다른 시간 보기"
COACHING_BOOK = "예약하기"


def coaching_confirm(when: str, coach: str, how: str, minutes: int, posting: str | None) -> str:
    preparing = f"\n준비할 공고: {posting}" if posting else ""
    return f"{when}, {coach} 코치님과 {minutes}분 연습 면접을 예약할까요?\n방법: {how}{preparing}"


COACHING_ASK_POSTING = "어느 공고의 면접을 준비하시나요? 코치님이 미리 살펴보고 도와드려요."
COACHING_NO_POSTING = "정해진 곳은 없어요"


def coaching_booked(when: str, coach: str, how: str) -> str:
    return (
        f"예약했어요. {when}, {coach} 코치님과 만나요.\n방법: {how}\n"
        "하루 전과 한 시간 전에 다시 알려 드릴게요. 바꾸시려면 /mybookings 를 보내 주세요."
    )


COACHING_TAKEN = "아쉽게도 방금 다른 분이 그 시간을 예약했어요. 가까운 빈 시간이에요."
COACHING_TAKEN_NONE = "아쉽게도 방금 다른 분이 그 시간을 예약했어요. 다른 날짜를 골라 주세요."


def coaching_too_late(hours: int) -> str:
    return f"코칭은 시작 {hours}시간 전까지 예약하거나 바꿀 수 있어요. 다른 시간을 골라 주세요."


COACHING_LIMIT = "이미 예약하신 코칭이 있어요. /mybookings 에서 바꾸거나 취소하실 수 있어요."
COACHING_GONE = "이 시간은 이제 예약할 수 없어요. 다른 시간을 골라 주세요."
MY_BOOKINGS_NONE = "예약하신 코칭이 없어요. '면접 코칭 예약'을 눌러 예약하실 수 있어요."


def my_booking(when: str, coach: str, how: str) -> str:
    return f"{when}\n{coach} 코치님 · {how}"


BUTTON_CANCEL_BOOKING = "예약 취소"
BUTTON_MOVE_BOOKING = "시간 바꾸기"
MOVE_PICK = "바꿀 시간을 골라 주세요. 같은 코치님의 빈 시간이에요."
MOVE_NONE = "이 코치님은 지금 다른 빈 시간이 없어요. 취소하고 다른 코치님을 고르실 수 있어요."


def booking_moved(when: str, coach: str, how: str) -> str:
    return f"시간을 바꿨어요. {when}, {coach} 코치님과 만나요.\n방법: {how}"


def booking_cancelled(when: str) -> str:
    return f"{when} 코칭 예약을 취소했어요."


BOOKING_ALREADY_CANCELLED = "이미 취소되었거나 끝난 예약이에요."


def booking_locked(hours: int, coach: str, how: str) -> str:
    return (
        f"시작 {hours}시간 전부터는 여기서 바꿀 수 없어요. "
        f"{coach} 코치님께 직접 알려 주세요. ({how})"
    )


def coach_booked_notice(who: str, when: str, summary: str, posting: str | None) -> str:
    preparing = f"\n준비 중인 공고: {posting}" if posting else ""
    return f"새 예약: {when}, {who}님\n{summary}{preparing}"


def coach_cancelled_notice(who: str, when: str) -> str:
    return f"예약 취소: {when}, {who}님이 취소하셨어요. 이 시간은 다시 열렸어요."


def senior_summary(age: str, desired: str, career: str) -> str:
    return f"나이: {age}\n희망 일자리: {desired}\n경력: {career}"


def reminder(when: str, with_whom: str, how: str, soon: bool) -> str:
    lead = "한 시간 뒤에" if soon else "내일"
    return f"코칭 안내: {lead} 연습 면접이 있어요.\n{when}, {with_whom}\n방법: {how}"


def coach_side(name: str) -> str:
    return f"{name}님과"


def senior_side(coach: str) -> str:
    return f"{coach} 코치님과"


RATING_QUESTION = "연습 면접은 어떠셨어요? 1점(아쉬움)부터 5점(아주 좋음)까지 골라 주세요."
RATING_THANKS = "고맙습니다. 다음 코칭에 꼭 반영할게요."


def senior_missed(when: str) -> str:
    return (
        f"{when} 연습 면접에서 뵙지 못했어요. "
        "괜찮으시면 '면접 코칭 예약'에서 다시 시간을 잡아 주세요."
    )


def notes_for_senior(coach: str, when: str, notes: str) -> str:
    return (
        f"{coach} 코치님이 {when} 연습 면접 메모를 남기셨어요.\n\n{notes}\n\n"
        "/mybookings 에서 다시 보실 수 있어요."
    )


MY_NOTES_HEADING = "지난 코칭에서 받은 메모예요."


def my_note(when: str, coach: str, notes: str) -> str:
    return f"{when} · {coach} 코치님\n{notes}"


def senior_told_coach_stopped(when: str, coach: str) -> str:
    return (
        f"죄송해요. {coach} 코치님이 코칭을 쉬시게 되어 {when} 예약이 취소되었어요.\n"
        "'면접 코칭 예약'에서 다른 코치님을 골라 주세요."
    )


# Coaches and staff.
STAFF_ONLY = "이 메뉴는 센터 직원과 코치만 쓸 수 있어요."
ADMIN_ONLY = "이 메뉴는 센터 관리자만 쓸 수 있어요."
NAMELESS = "회원"
COACH_STOPPED = "지금은 코치 활동이 멈춰 있어요. 다시 하시려면 센터에 문의해 주세요."
COACH_SPECIALTIES = (
    "제조·품질",
    "시설·경비",
    "운전·물류",
    "돌봄",
    "사무·회계",
    "영업·판매",
    "조리·청소",
)


def invite_created(code: str, link: str) -> str:
    return f"코치 초대 코드: {code}\n코치님께 이 링크를 보내 주세요: {link}\n한 번만 쓸 수 있어요."


INVITE_UNKNOWN = "초대 코드를 찾을 수 없거나 이미 쓰인 코드예요. 센터에 새 코드를 받아 주세요."
COACH_ASK_NAME = "코치 등록을 시작할게요. 성함을 적어 주세요. (예: 박민정)"
COACH_ASK_SPECIALTIES = (
    "어떤 분야의 면접을 도와주실 수 있나요? 모두 고르신 뒤 '다음'을 눌러 주세요."
)
COACH_ASK_INTRO = (
    "어르신들께 보여 드릴 짧은 소개를 적어 주세요. (예: 제조업 인사팀에서 20년 면접을 봤어요.)"
)
COACH_ASK_HOW = (
    "코칭은 어떻게 하시나요? 아래에서 고르시거나 적어 주세요. (예: 화상(Zoom 링크는 예약 후 안내))"
)
COACH_HOW_OPTIONS = ("화상", "전화", "센터 상담실")
COACH_INTRO_INVALID = (
    "소개를 한두 문장으로 적어 주세요. (예: 제조업 인사팀에서 20년 면접을 봤어요.)"
)
COACH_HOW_INVALID = "코칭 방법을 적어 주세요. (예: 전화, 화상, 센터 상담실)"


def coach_registered(name: str) -> str:
    return (
        f"{name} 코치님, 등록을 마쳤어요. 고맙습니다!\n"
        "가능한 시간은 /slots 로 열고, 예약은 /schedule 에서 보실 수 있어요."
    )


SLOTS_ASK = (
    "코칭이 가능한 시간을 적어 주세요. 여러 개는 줄을 바꿔 적어 주세요.\n"
    "(예: 12월 3일 14:00-17:00, 30분)\n"
    f"매주 같은 시간이면 이렇게 적어 주세요. 앞으로 {WEEKLY_WEEKS}주 동안 열려요.\n"
    "(예: 매주 화·목 10:00-12:00, 20분)"
)
SLOTS_NOTHING = (
    "알아듣지 못했어요. 날짜, 시간, 한 번의 길이를 함께 적어 주세요.\n"
    "(예: 12월 3일 14:00-17:00, 30분)"
)


def slots_preview(lines: list[str], count: int) -> str:
    return "이 시간들을 열까요?\n" + "\n".join(lines) + f"\n모두 {count}개예요."


SLOTS_OPEN = "열기"
SLOTS_RETYPE = "다시 적기"


def slots_opened(count: int, skipped: int) -> str:
    note = f" ({skipped}개는 이미 열려 있었어요.)" if skipped else ""
    return f"{count}개 시간을 열었어요.{note} 어르신들이 예약하시면 바로 알려 드릴게요."


SLOTS_PICK = "'열기' 또는 '다시 적기'를 눌러 주세요."
MY_SLOTS_NONE = "앞으로 열려 있는 시간이 없어요. /slots 로 새 시간을 열 수 있어요."
BUTTON_REMOVE_SLOT = "지우기"
SLOT_BOOKED_MARK = "예약됨"
SLOT_REMOVE_REASON = "이 시간은 예약이 있어요. 어르신께 알려 드릴 사유를 골라 주세요."
SLOT_REMOVE_REASONS = ("개인 사정", "건강 문제", "일정 변경")
SLOT_REMOVED = "그 시간을 지웠어요."
SLOT_GONE = "이미 지웠거나 지난 시간이에요."


def slot_removed_booked(senior: str) -> str:
    return f"그 시간을 지우고 {senior}님께 바로 알려 드렸어요."


def senior_told_removed(when: str, coach: str, reason: str) -> str:
    return (
        f"죄송해요. {coach} 코치님 사정({reason})으로 {when} 코칭이 취소되었어요.\n"
        "'면접 코칭 예약'에서 다른 시간을 골라 주세요."
    )


def schedule_empty(open_count: int) -> str:
    return f"다가오는 예약이 없어요. 열려 있는 시간은 {open_count}개예요."


def schedule_heading(open_count: int) -> str:
    return f"다가오는 코칭이에요. 아직 열려 있는 시간은 {open_count}개예요."


def schedule_line(when: str, senior: str) -> str:
    return f"• {when} · {senior}님"


SCHEDULE_TO_CLOSE = "지난 코칭 중 아직 기록하지 않은 것이에요. 어떻게 됐는지 눌러 주세요."


def session_how_did_it_go(when: str, senior: str) -> str:
    return f"{when} {senior}님과의 코칭은 어떻게 됐나요?"


BUTTON_SESSION_DONE = "마쳤어요"
BUTTON_SESSION_NO_SHOW = "안 오셨어요"
SESSION_NOT_YET = "아직 시작하지 않은 코칭이에요. 코칭이 끝난 뒤에 눌러 주세요."
SESSION_GONE = "취소된 코칭이라 기록할 수 없어요."
NOTES_WRITE = "메모 쓰기"
NOTES_SKIP = "메모 없이 마치기"


def session_marked_done(senior: str) -> str:
    return (
        f"마친 코칭으로 기록했어요. {senior}님께 남길 메모가 있으면 '{NOTES_WRITE}'를 눌러 주세요."
    )


def session_marked_no_show(senior: str) -> str:
    return f"{senior}님이 오시지 않은 것으로 기록했어요. 다시 예약하시도록 안내해 드렸어요."


NOTES_ASK = (
    "어르신께 전할 메모를 적어 주세요. 잘하신 점과 더 준비할 점을 짧게 적어 주시면 돼요. "
    "(1,000자까지)"
)
NOTES_INVALID = (
    "메모는 1,000자 안으로 글자로 적어 주세요. (예: 경력을 숫자로 말씀하신 점이 좋았어요.)"
)
NOTES_NO_SESSION = (
    "어느 코칭의 메모인지 모르겠어요. /schedule 에서 지난 코칭을 먼저 기록해 주세요."
)
NOTES_SKIPPED = "알겠어요. 수고 많으셨어요."


def notes_sent(senior: str) -> str:
    return f"메모를 {senior}님께 전해 드렸어요."


# Coaches, for admins.
COACHES_NONE = "등록된 코치가 없어요. /invite_coach 로 초대할 수 있어요."


def coach_line(name: str, specialties: str, active: bool, upcoming: int) -> str:
    state = "활동 중" if active else "활동 멈춤"
    return f"{name} 코치 · {specialties}\n{state} · 다가오는 예약 {upcoming}건"


BUTTON_STOP_COACH = "활동 멈추기"
BUTTON_RESTART_COACH = "다시 활동하기"
BUTTON_STOP_YES = "네, 멈춰요"
BUTTON_STOP_NO = "아니요"
STOP_KEPT = "그대로 두었어요."
COACH_UNKNOWN = "이미 처리되었거나 없는 코치예요. /coaches 로 목록을 다시 보세요."
COACH_STOP_REASON = "코치 활동 종료"


def confirm_stop_coach(name: str, upcoming: int) -> str:
    if not upcoming:
        return f"{name} 코치님의 활동을 멈출까요? 다가오는 예약은 없어요."
    return (
        f"{name} 코치님의 활동을 멈출까요? 다가오는 예약 {upcoming}건은 취소되고, "
        "어르신들께 바로 알려 드려요."
    )


def coach_stopped(name: str, cancelled: int) -> str:
    return (
        f"{name} 코치님의 활동을 멈췄어요. 예약 {cancelled}건을 취소하고 어르신들께 알려 드렸어요."
    )


def coach_restarted(name: str) -> str:
    return f"{name} 코치님이 다시 활동해요. 코치님이 /slots 로 시간을 열면 예약을 받을 수 있어요."


COACH_TOLD_STOPPED = (
    "센터에서 코치님의 활동을 잠시 멈췄어요. 다가오는 예약은 취소하고 어르신들께 알려 드렸어요. "
    "궁금한 점은 센터에 문의해 주세요."
)
COACH_TOLD_RESTARTED = (
    "센터에서 코치님의 활동을 다시 열었어요. /slots 로 가능한 시간을 열어 주세요."
)


# Command-line imports, read by centre staff.


def import_rejected(line: int, reason: str) -> str:
    return f"{line}행: {reason}"


def import_counts(created: int, updated: int, unchanged: int, rejected: int) -> str:
    return f"새로 등록 {created}건 · 수정 {updated}건 · 그대로 {unchanged}건 · 거부 {rejected}건"


def import_missing_columns(missing: list[str]) -> str:
    return f"첫 줄(머리글)에 {', '.join(missing)} 열이 없어요."


def import_unreadable(path: str, error: Exception) -> str:
    if isinstance(error, FileNotFoundError):
        return f"'{path}' 파일을 찾을 수 없어요."
    if isinstance(error, UnicodeDecodeError):
        return f"'{path}' 파일을 읽을 수 없어요. 엑셀에서 'CSV UTF-8'로 저장해 주세요."
    return f"'{path}' 파일을 읽을 수 없어요. ({error})"


def import_empty(column: str) -> str:
    return f"'{column}' 칸이 비어 있어요."


def import_bad_date(value: str) -> str:
    return (
        f"날짜 '{value}'{particle(value, '을/를')} 알 수 없어요. 2026-12-31처럼 적어 주세요. "
        "마감이 없으면 '상시'라고 적어 주세요."
    )


def import_bad_period(value: str) -> str:
    return (
        f"기간 '{value}'{particle(value, '을/를')} 알 수 없어요. "
        "2026-12-01~2026-12-20처럼 시작일과 끝날을 적어 주세요."
    )


def import_bad_residence(value: str) -> str:
    example = "(예: 서울, 경기 수원시, 전국)"
    return f"거주 지역 '{value}'{particle(value, '을/를')} 알 수 없어요. {example}"


def import_bad_hours(value: str) -> str:
    return f"시간 '{value}'{particle(value, '은/는')} 숫자로 적어 주세요. (예: 51시간)"


def import_bad_amount(value: str) -> str:
    return f"금액 '{value}'{particle(value, '은/는')} 원 단위 숫자로 적어 주세요. (예: 525,020원)"


def import_bad_headcount(value: str) -> str:
    return f"모집 인원 '{value}'{particle(value, '은/는')} 1 이상의 숫자여야 해요."


def import_field_problem(field: str, hint: str) -> str:
    return f"{field}: {hint.splitlines()[0]}"


def import_ambiguous_region(text: str, options: list[str]) -> str:
    places = ", ".join(options)
    return (
        f"지역 '{text}'{particle(text, '은/는')} 여러 곳에 있어요 ({places}). "
        "시·도를 함께 적어 주세요."
    )


IMPORT_ALREADY_LINKED = "본인이 이미 연결한 프로필이라 바꾸지 않았어요."


def link_code_line(external_id: str, name: str, code: str) -> str:
    return f"{external_id}\t{name}\t연결 코드 {code}  (텔레그램에서 /start {code})"


def match_unknown_profile(external_id: str) -> str:
    return f"'{external_id}' 프로필이 없어요. import-profiles로 등록한 external_id를 적어 주세요."


def match_heading(key: str, name: str, count: int, today: date) -> str:
    who = f"{key} {name}".strip()
    return f"{who}: 맞는 공고 {count}건 (기준일 {today.isoformat()})"


VETTED_MARK = "[방문 확인 기업]"
UNVETTED_MARK = "[미확인 기업]"
VET_BY_CLI = "명령줄 기록"
VERDICT_NAMES = {"approved": "승인", "rejected": "거절", "pending": "보류"}


def vet_unknown_company(name: str, close: list[str]) -> str:
    hint = f" 비슷한 이름: {', '.join(close)}" if close else ""
    return f"'{name}' 회사를 찾을 수 없어요.{hint}"


def vet_recorded(name: str, verdict: str, postings: int) -> str:
    decided = with_particle(VERDICT_NAMES[verdict], "으로/로")
    return f"{name}: {decided} 기록했어요. 이 회사의 공고 {postings}건에 적용돼요."


def import_too_long(column: str, length: int, limit: int) -> str:
    return f"'{column}' 칸이 너무 길어요({length:,}자). {limit:,}자까지 쓸 수 있어요."


def import_duplicate_id(external_id: str, first_line: int) -> str:
    return (
        f"external_id '{external_id}'{particle(external_id, '이/가')} {first_line}행에도 있어요. "
        "줄마다 다른 external_id를 적어 주세요."
    )


def import_bad_interview_format(value: str, formats: tuple[str, ...]) -> str:
    return (
        f"면접 방식 '{value}'{particle(value, '을/를')} 알 수 없어요. "
        f"{', '.join(formats)} 중 하나로 적어 주세요. (예: 대면, 줌 화상면접, 전화 면접)"
    )


def import_bad_outcome(value: str) -> str:
    return (
        f"결과 '{value}'{particle(value, '을/를')} 알 수 없어요. "
        "합격, 불합격, 결과 대기 중 하나로 적어 주세요."
    )


def import_bad_age_band(value: str) -> str:
    return (
        f"나이대 '{value}'{particle(value, '을/를')} 알 수 없어요. "
        "'50대 후반', '60대 초반', '50대'처럼 적어 주세요."
    )


# Bot command list shown by Telegram.
COMMANDS = (
    ("start", "시작하기, 이어 하기"),
    ("jobs", "나에게 맞는 일자리"),
    ("alerts", "알림 받는 방법"),
    ("coaching", "면접 코칭 예약"),
    ("mybookings", "내 코칭 예약"),
    ("tips", "합격하신 분들의 면접 이야기"),
    ("success", "최근 합격 소식"),
    ("programmes", "참여할 수 있는 프로그램"),
    ("share_story", "내 면접 경험 나누기"),
    ("profile", "내 프로필 보기와 고치기"),
    ("cancel", "입력 멈추기"),
    ("delete", "내 정보 지우기"),
    ("help", "도움말"),
)

# Console demo.
DEMO_BANNER = (
    "앙코르 데모예요. 휴대폰 대신 이 화면에서 대화해요.\n"
    "• /start 로 시작하세요. 버튼은 번호를 입력하면 눌려요. 더 큰 숫자는 그대로 보내져요.\n"
    "• /as coach, /as admin, /as senior 로 역할을 바꿔요.\n"
    "• 끝내려면 /quit 을 입력하세요."
)


DEMO_ROLE_NAMES = {"senior": "구직자", "coach": "코치", "admin": "관리자"}


def demo_persona(role: str) -> str:
    return f"이제 {with_particle(DEMO_ROLE_NAMES[role], '으로/로')} 대화해요."


DEMO_ME = "나"
DEMO_BOT = "앙코르"
DEMO_SOMEONE = "다른 분"
DEMO_PHOTO = "(사진)"
DEMO_NO_SUCH_PERSONA = "역할은 senior, coach, admin 중에서 골라 주세요."


# Interview stories and tips.
STORY_OUTCOMES = {"hired": "합격", "not_hired": "불합격", "waiting": "결과 기다리는 중"}
STORY_INDUSTRIES = (
    "제조",
    "시설관리",
    "경비·보안",
    "요양·돌봄",
    "사무·회계",
    "운전·물류",
    "청소·미화",
    "건설",
    "판매·서비스",
    "기타",
)
STORY_INTRO = (
    "면접 경험을 나눠 주셔서 고맙습니다. 같은 길을 준비하는 분들께 큰 힘이 돼요.\n"
    "이름과 연락처는 자동으로 가리고, 센터에서 확인한 뒤에 보여 드려요."
)
STORY_RESUMED = "지난번에 적으시던 이야기를 이어서 할게요."
STORY_ASK_JOB = "어떤 일자리 면접이었나요? (예: 아파트 시설관리 기사)"
STORY_ASK_INDUSTRY = "어떤 업종의 회사였나요? 아래에서 고르시거나 적어 주세요. (예: 제조)"
STORY_ASK_COMPANY = (
    "회사 이름을 적어 주세요. 다른 분들께는 업종과 규모만 보여 드려요. "
    "적기 싫으시면 '건너뛰기'를 눌러 주세요."
)
STORY_ASK_FORMAT = "면접은 어떻게 보셨나요?"
STORY_ASK_QUESTIONS = (
    "면접에서 어떤 질문을 받으셨나요? 기억나는 대로 적어 주세요. 여러 개는 줄을 바꿔 주세요.\n"
    "(예: 야간 근무 괜찮으세요?)"
)
STORY_ASK_HELPED = "준비하면서 무엇이 가장 도움이 됐나요? (예: 예전 일을 숫자로 정리해 갔어요.)"
STORY_ASK_CHANGE = (
    "다시 면접을 본다면 무엇을 다르게 하시겠어요? 없으시면 '건너뛰기'를 눌러 주세요."
)
STORY_ASK_OUTCOME = "결과는 어떻게 되셨나요?"
STORY_ASK_ADVICE = (
    "같은 일을 준비하는 분께 한마디 해 주세요. (예: 나이 얘기는 피하지 말고 건강 관리를 말하세요.)"
)
STORY_SEND = "보내기"
STORY_RESTART = "처음부터 다시"
STORY_PICK_CONFIRM = pick_confirm(STORY_SEND)
STORY_NEED_ACCOUNT = "먼저 /start 로 시작해 주세요. 그다음에 이야기를 나눠 주실 수 있어요."
STORY_STOPPED = (
    "잠시 멈췄어요. 적으신 내용은 남아 있어요. /share_story 를 보내시면 이어서 할 수 있어요."
)


def story_preview(text: str) -> str:
    return f"다른 분들께는 이렇게 보여요.\n\n{text}\n\n이대로 보낼까요?"


STORY_SENT = "고맙습니다! 센터에서 확인한 뒤 다른 분들께 보여 드릴게요."


def story_invalid_text(example: str) -> str:
    return f"조금 더 자세히 적어 주세요. 너무 길면 줄여 주세요. (예: {example})"


STORY_PICK_FORMAT = "대면, 화상, 전화 중에서 골라 주세요."
STORY_PICK_OUTCOME = "합격, 불합격, 결과 기다리는 중에서 골라 주세요."
STORY_NEW_FOR_ADMINS = "새 면접 이야기가 도착했어요. /review 로 확인해 주세요."
STORY_APPROVED_FOR_AUTHOR = "보내 주신 면접 이야기가 다른 분들께 공개됐어요. 정말 고맙습니다!"
STORY_REJECTED_FOR_AUTHOR = (
    "보내 주신 면접 이야기는 이번에는 싣지 못했어요. 나눠 주셔서 고맙습니다."
)
STORY_INVITATION = (
    "축하드려요! 면접 경험을 나눠 주시면 같은 길을 준비하는 분들께 큰 힘이 돼요. "
    "나눠 주시려면 /share_story 를 눌러 주세요. 이름과 연락처는 가려서 보여 드려요."
)

# How a story is shown to peers.
STORY_QUESTIONS = "받은 질문"
STORY_HELPED = "도움이 된 점"
STORY_CHANGE = "다시 한다면"
STORY_ADVICE = "한마디"
STORY_COMPANY_HIDDEN = "(회사 이름)"


def story_heading(job: str, where: str, interview_format: str) -> str:
    return " · ".join(part for part in (job, where, f"{interview_format} 면접") if part)


BUTTON_HELPFUL = "도움이 됐어요"
HELPFUL_THANKS = "알려 주셔서 고맙습니다. 더 많은 분께 먼저 보여 드릴게요."
HELPFUL_ALREADY = "이미 알려 주셨어요. 고맙습니다."
TIPS_INTRO = "비슷한 일을 준비한 분들의 면접 이야기예요."
TIPS_OTHER_FIELDS = "꼭 맞는 분야의 이야기는 아직 없어요. 다른 분야 이야기도 도움이 될 거예요."
TIPS_NONE = "아직 보여 드릴 면접 이야기가 없어요. 곧 모아서 알려 드릴게요."
TIPS_NEED_PROFILE = "프로필을 먼저 만들어 주세요. 하고 싶은 일에 맞는 이야기를 골라 드릴게요."
TIP_WITH_BOOKING = "연습 면접 준비에 도움이 될 이야기예요."
TIP_EVENING_BEFORE = "내일 코칭 전에 한번 읽어 보세요."
TIP_WITH_INTEREST = "관심 있는 일자리와 비슷한 곳의 면접 이야기예요."
SUCCESS_INTRO = "최근 합격 소식이에요. 나와 비슷한 분들이 다시 일을 시작했어요."
SUCCESS_NONE = "아직 소개할 합격 소식이 없어요. 곧 모아서 알려 드릴게요."


def success_line(author: str, heading: str, advice: str) -> str:
    return f"• {author}\n  {heading}\n  “{advice}”"


# Reviewing stories, for admins.
REVIEW_NONE = "검토할 이야기가 없어요."


def review_heading(waiting: int) -> str:
    return f"검토할 이야기가 {waiting}건 있어요."


REVIEW_MASKED = "개인정보로 보이는 부분은 가려서 보여 드려요. 가려진 곳을 확인해 주세요."


def review_company(company: str) -> str:
    return f"회사: {company} (공개하지 않으면 업종과 규모만 보여요)"


BUTTON_APPROVE = "승인"
BUTTON_APPROVE_WITH_COMPANY = "회사 이름도 공개하고 승인"
BUTTON_EDIT_STORY = "고치기"
BUTTON_REJECT = "거절"
BUTTON_LATER = "다음에"
REVIEW_GONE = "이미 검토를 마친 이야기예요."
REVIEW_APPROVED = "승인했어요."
REVIEW_REJECTED = "거절했어요."
REVIEW_PICK_FIELD = "어느 부분을 고칠까요?"
REVIEW_EDIT_DONE = "고치기 끝"
REVIEW_EDIT_FIELDS = {
    "job": "직무 고치기",
    "industry": "업종 고치기",
    "questions": "받은 질문 고치기",
    "what_helped": "도움이 된 점 고치기",
    "would_change": "다시 한다면 고치기",
    "advice": "한마디 고치기",
}


def review_edit_ask(current: str) -> str:
    return f"새 내용을 적어 주세요. 지금 내용이에요.\n\n{current}"


REVIEW_EDIT_INVALID = "새 내용을 글자로 2,000자 안에 적어 주세요."
REVIEW_EDIT_NO_STORY = "고칠 이야기를 /review 에서 먼저 골라 주세요."
REVIEW_EDITED = "고쳤어요. 고친 내용이에요."
REVIEW_EDIT_FINISHED = "고치기를 마쳤어요. 승인하거나 거절해 주세요."


# Application progress, told to the senior.
_APPLICATION_STEPS = {
    "interested": "'{posting}'에 관심을 보이셨어요. 센터에서 곧 연락드릴게요.",
    "applied": "'{posting}'에 지원서를 냈어요. 소식이 오면 바로 알려 드릴게요.",
    "interview": (
        "'{posting}' 면접이 잡혔어요. 연습이 필요하시면 '면접 코칭 예약'을 눌러 주세요."
    ),
    "hired": "축하드려요! '{posting}'에 합격하셨어요. 그동안 정말 수고 많으셨어요.",
    "rejected": (
        "'{posting}'은 이번에는 함께하지 못하게 됐어요. 더 잘 맞는 일자리를 계속 찾아 드릴게요."
    ),
}


def application_moved(status: str, posting: str) -> str:
    return _APPLICATION_STEPS[status].format(posting=posting)


STATUS_NAMES = {
    "interested": "관심",
    "applied": "지원",
    "interview": "면접",
    "hired": "합격",
    "rejected": "불합격",
}


def progress_recorded(name: str, posting: str, status: str) -> str:
    step = STATUS_NAMES[status]
    return f"{name}님 · {posting}: '{step}'{particle(step, '으로/로')} 바꾸고 알려 드렸어요."


def progress_unchanged(name: str, posting: str, status: str) -> str:
    return f"{name}님 · {posting}: 이미 '{STATUS_NAMES[status]}' 단계예요."


def progress_unknown_posting(external_id: str) -> str:
    return f"'{external_id}' 공고가 없어요. import-jobs로 등록한 external_id를 적어 주세요."


def progress_not_linked(external_id: str) -> str:
    return (
        f"'{external_id}' 프로필은 아직 봇과 연결되지 않았어요. "
        "그분이 링크 코드로 /start 하신 뒤에 다시 해 주세요."
    )


# More admins.
def admin_invite_created(link: str) -> str:
    return f"관리자 초대 링크예요. 관리자가 되실 분께 보내 주세요. 한 번만 쓸 수 있어요.\n{link}"


ADMIN_WELCOME = "관리자가 되셨어요. 고맙습니다!"
BUTTON_REMOVE_ADMIN = "관리자에서 빼기"
ADMIN_GONE = "이미 관리자가 아닌 분이에요."
ADMIN_KEEP = "설정 파일에 적힌 관리자와 나 자신은 여기서 뺄 수 없어요."


def admin_line(telegram_id: int, fixed: bool) -> str:
    how = "설정 파일" if fixed else "초대로 추가"
    return f"관리자 · 텔레그램 번호 {telegram_id} · {how}"


def admin_removed(telegram_id: int) -> str:
    return f"텔레그램 번호 {telegram_id} 님을 관리자에서 뺐어요."


# Announcements to everyone or a segment, for admins.
BROADCAST_ASK_TEXT = (
    "보낼 공지를 적어 주세요. 사진에 글을 붙여 보내셔도 돼요. (1,000자까지)\n"
    "(예: 12월 5일 오후 2시, 중장년 채용박람회가 열려요.)"
)
BROADCAST_TEXT_INVALID = (
    "공지는 글자로 2자에서 1,000자 사이로 적어 주세요. 사진이면 설명 글을 붙여 주세요."
)
BROADCAST_ASK_AUDIENCE = "누구에게 보낼까요?"
BROADCAST_AUDIENCES = {
    "everyone": "모두",
    "region": "지역별",
    "age": "나이대별",
    "family": "희망 직종별",
    "unfinished": "프로필 미완성",
    "coaches": "코치",
}
BROADCAST_ASK_VALUE = {
    "region": "어느 지역 분들께 보낼까요?",
    "age": "어느 나이대 분들께 보낼까요?",
    "family": "어떤 일을 찾는 분들께 보낼까요?",
}
BROADCAST_PICK = "아래 버튼에서 골라 주세요."
BROADCAST_ASK_URGENT = "밤(21시~8시)에는 아침 8시에 보내 드려요. 급한 공지라 바로 보내야 하나요?"
BROADCAST_NOT_URGENT = "보통 (밤이면 아침에)"
BROADCAST_URGENT = "급해요 (바로 보내기)"
BROADCAST_SEND = "보내기"
BROADCAST_RESTART = "처음부터 다시"
BROADCAST_STOP = "그만두기"
BROADCAST_PREVIEW = "받는 분께는 위와 같이 보여요."
BROADCAST_NOBODY = "이 대상에는 받을 분이 없어요. 다른 대상을 골라 주세요."
BROADCAST_DROPPED = "공지를 보내지 않았어요."
BROADCASTS_NONE = "아직 보낸 공지가 없어요. /broadcast 로 보내실 수 있어요."
BUTTON_STOP_BROADCAST = "보내기 멈추기"


def broadcast_message(text: str) -> str:
    return f"[앙코르 공지]\n{text}"


def audience_label(kind: str, value: str) -> str:
    name = BROADCAST_AUDIENCES[kind]
    return f"{name} · {value}" if value else name


def broadcast_summary(audience: str, count: int, urgent: bool) -> str:
    when = "바로 보내요" if urgent else "밤이면 아침 8시에 보내요"
    return f"받는 분: {audience} · {count:,}명\n{when}.\n보낼까요?"


def broadcast_started(count: int) -> str:
    return f"{count:,}명에게 보내기 시작했어요. /broadcasts 에서 진행 상황을 보실 수 있어요."


def broadcast_line(when: str, audience: str, text: str, counts: str) -> str:
    return f"{when} · {audience}\n“{text}”\n{counts}"


def broadcast_counts(sent: int, waiting: int, failed: int, blocked: int, stopped: int) -> str:
    done = f"보냄 {sent:,} · 기다림 {waiting:,}"
    return f"{done} · 실패 {failed:,} · 차단 {blocked:,} · 멈춤 {stopped:,}"


def broadcast_stopped(count: int) -> str:
    return f"아직 보내지 않은 {count:,}건을 멈췄어요."


BROADCAST_NOTHING_TO_STOP = "멈출 것이 없어요. 이미 다 보냈거나 멈춘 공지예요."


# Statistics for admins (/stats, `encore report`).
STATS_STAGES = ("등록", "프로필 완성", "알림 받음", "관심", "지원", "면접", "합격")
STATS_BOOKING_STATUSES = ("예약됨", "완료", "불참", "취소")
STATS_OTHER = "기타"
STATS_NO_DATA = "아직 자료가 없어요"
STATS_CHART_SEEKERS = "구직자: 연령대와 희망 지역"
STATS_CHART_JOBS = "희망 직종과 경력 분야"
STATS_CHART_APPLICATIONS = "진행 단계와 관심이 많은 공고"
STATS_CHART_COACHING = "면접 코칭 예약과 평점"
STATS_AGE_BANDS = "연령대"
STATS_REGIONS = "희망 지역 (시도)"
STATS_JOB_FAMILIES = "희망 직종"
STATS_CAREER_FIELDS = "경력 분야"
STATS_FUNNEL = "진행 단계 (그 단계까지 온 사람)"
STATS_COMPETITION = "관심이 많은 공고"
STATS_HEADCOUNT = "모집 인원"
STATS_RATIO = "경쟁률"
STATS_BOOKINGS = "코칭 예약"
STATS_RATINGS = "코칭 평점"
STATS_AVERAGE = "평균"
STATS_WEEKLY = "주별 (날짜는 그 주 월요일)"
STATS_NEW_SEEKERS = "새 구직자"
STATS_INTERESTS = "관심"
STATS_WEEK_BOOKINGS = "코칭 예약"
STATS_CSV_HEADER = ("구분", "항목", "값")
STATS_AS_OF = "기준일"
STATS_SEEKERS = "구직자"
STATS_ALL = "전체"
STATS_IN_CHAT = "채팅으로 가입"
STATS_BY_CENTRE = "센터 등록"


def age_decade(decade: int) -> str:
    return f"{decade}대"


def stars(count: int) -> str:
    return f"{count}점"


def week_label(monday: date) -> str:
    return f"{monday.month}/{monday.day}"


def weekly_section(series: str) -> str:
    return f"주별 {series}"


def weekly_caption(weeks: int) -> str:
    return f"최근 {weeks}주: 새 구직자, 관심, 코칭 예약"


def ratings_title(average: float | None) -> str:
    return STATS_RATINGS if average is None else f"{STATS_RATINGS} (평균 {average:.1f}점)"


def competition_note(interested: int, headcount: int | None, ratio: float | None) -> str:
    if headcount is None or ratio is None:
        return f"관심 {interested}명 · 모집 인원 미정"
    return f"관심 {interested}명 · 경쟁률 {round(ratio, 1):g}:1"


def stats_heading(day: date) -> str:
    return f"앙코르 통계 ({day.month}월 {day.day}일 기준)"


def stats_seekers(total: int, in_chat: int) -> str:
    return f"구직자 {total}명 (채팅으로 가입 {in_chat}명 · 센터 등록 {total - in_chat}명)"


def stats_complete(count: int) -> str:
    return f"프로필 완성 {count}명"


def stats_new_this_week(count: int) -> str:
    return f"이번 주 새 구직자 {count}명"


def stats_progress(interested: int, applied: int, interview: int, hired: int) -> str:
    return f"관심 {interested}명 · 지원 {applied}명 · 면접 {interview}명 · 합격 {hired}명"


def stats_coaching(total: int, done: int, average: float | None) -> str:
    rating = "평점은 아직 없어요" if average is None else f"평균 평점 {average:.1f}점"
    return f"코칭 예약 {total}건 · 완료 {done}건 · {rating}"


def report_written(directory: str, names: list[str]) -> str:
    return f"{directory}에 저장했어요: {', '.join(names)}"


def report_cannot_write(directory: str, reason: str) -> str:
    return f"{directory}에 저장하지 못했어요: {reason}"


# Companies, postings and application progress in the chat, for admins.
VETTING_NAMES = {"pending": "검토 중", "approved": "승인", "rejected": "거절"}
NOT_VISITED = "아직 방문 기록이 없어요."
BUTTON_WRITE_VISIT = "방문 기록 쓰기"
BUTTON_SHOW_POSTINGS = "공고 보기"
COMPANY_GONE = "찾을 수 없는 회사예요. /companies 로 목록을 다시 봐 주세요."


def companies_heading(total: int) -> str:
    return f"등록된 회사는 {total}곳이에요. 아래 버튼으로 상태별 목록을 보실 수 있어요."


def vetting_filter(vetting: str, count: int) -> str:
    return f"{VETTING_NAMES[vetting]} {count}"


def companies_none(vetting: str) -> str:
    return f"'{VETTING_NAMES[vetting]}' 상태인 회사가 없어요."


def last_visit(day: str | None, visitor: str | None, verdict: str) -> str:
    who = " · ".join(part for part in (day, visitor) if part) or "날짜 없음"
    return f"마지막 방문: {who} ({VERDICT_NAMES[verdict]})"


def company_card(name: str, vetting: str, about: str, visit: str, open_postings: int) -> str:
    lines = (f"{name} · {VETTING_NAMES[vetting]}", about, visit, f"열린 공고 {open_postings}건")
    return "\n".join(line for line in lines if line)


# The visit log form.
VISIT_START = "방문 기록 시작"
VISIT_PICK_COMPANY = "먼저 /companies 에서 회사를 고르고 '방문 기록 쓰기'를 눌러 주세요."
VISIT_ASK_DATE = "언제 방문하셨어요? 아래 버튼을 누르시거나 날짜를 적어 주세요. (예: 11월 20일)"
TODAY = "오늘"
YESTERDAY = "어제"
VISIT_DATE_INVALID = "날짜를 알아보지 못했어요. 11월 20일이나 2026-11-20처럼 적어 주세요."
VISIT_DATE_AHEAD = "아직 오지 않은 날이에요. 방문하신 날을 적어 주세요. (예: 어제, 11월 20일)"
VISIT_ASK_VISITOR = "누가 방문하셨어요? 아래 이름을 누르시거나 성함을 적어 주세요. (예: 박지현)"
VISIT_VISITOR_EXAMPLE = "박지현"
VISIT_ASK_NOTES = (
    "근무 조건과 시설은 어땠나요? 보신 대로 적어 주세요.\n"
    "(예: 휴게실·샤워실 있음, 2조 2교대, 통근버스 운행)"
)
VISIT_NOTES_EXAMPLE = "휴게실·샤워실 있음, 2조 2교대, 통근버스 운행"
VISIT_ASK_VERDICT = "판정을 골라 주세요. 승인하면 이 회사의 공고가 맞는 분들께 알림으로 나가요."
VISIT_PICK_VERDICT = "승인, 거절, 보류 중에서 골라 주세요."
_VISIT_EFFECTS = {
    "approved": "열린 공고 {count}건을 맞는 분들께 알려 드릴게요.",
    "rejected": "열린 공고 {count}건은 이제 알림과 추천에서 빠져요.",
    "pending": "열린 공고 {count}건은 승인될 때까지 알리지 않아요.",
}


def visit_ready(company: str) -> str:
    return f"{company} 방문 기록을 쓸게요. 아래 '{VISIT_START}' 버튼을 눌러 주세요."


def visit_intro(company: str) -> str:
    return f"{company} 방문 기록을 시작할게요."


def visit_preview(company: str, day: str, visitor: str, notes: str, verdict: str) -> str:
    return (
        f"이대로 저장할까요?\n\n회사: {company}\n방문일: {day}\n방문자: {visitor}\n"
        f"근무 조건·시설: {notes}\n판정: {verdict}"
    )


def visit_saved(company: str, verdict: str, open_postings: int) -> str:
    decided = with_particle(VERDICT_NAMES[verdict], "으로/로")
    effect = _VISIT_EFFECTS[verdict].format(count=open_postings)
    return f"{company}: {decided} 기록했어요. {effect}"


# Typed forms for staff.
FORM_SAVE = "저장하기"
FORM_PICK_CONFIRM = pick_confirm(FORM_SAVE)


def form_stopped(entry: str) -> str:
    again = with_particle(f"'{entry}'", "을/를")
    return f"멈췄어요. 적으신 내용은 남아 있어요. 이어서 하시려면 {again} 눌러 주세요."


def form_invalid_text(longest: int, example: str) -> str:
    return f"글자로 {longest:,}자 안에 적어 주세요. (예: {example})"


def form_problem(problem: str, example: str) -> str:
    return f"{problem}. 이렇게 적어 주세요. (예: {example})"


# Adding a posting in the chat.
POSTING_ADD = "공고 추가하기"
POSTING_FORM_INTRO = (
    "새 공고를 올릴게요. 한 가지씩 여쭤볼게요. 없는 항목은 '건너뛰기'를 눌러 주세요."
)
POSTING_ASK_COMPANY = "어느 회사 공고인가요? 아래에서 고르시거나 회사 이름을 적어 주세요."
POSTING_COMPANY_EXAMPLE = "(주)한빛정밀"
POSTING_ASK_TITLE = "공고 제목을 적어 주세요. (예: 아파트 경비원)"
POSTING_TITLE_EXAMPLE = "아파트 경비원"
POSTING_ASK_REGION = "근무 지역을 적어 주세요. (예: 세종 조치원읍, 서울 강남구, 전국)"
POSTING_REGION_EXAMPLE = "세종 조치원읍, 서울 강남구, 전국"
POSTING_ASK_PAY = "급여를 적어 주세요. (예: 월 300~350만원, 시급 12,000원)"
POSTING_PAY_EXAMPLE = "월 300~350만원, 시급 12,000원, 회사내규에 따름"
POSTING_PAY_BY_RULES = "회사내규에 따름"
POSTING_ASK_EMPLOYMENT = "근무 형태를 골라 주시거나 적어 주세요."
POSTING_EMPLOYMENT_EXAMPLE = "정규직, 계약직(정규직 전환 가능), 시간제"
POSTING_ASK_EXPERIENCE = "필요한 경력을 적어 주세요. (예: 경력 5년 이상, 신입 가능, 무관)"
POSTING_EXPERIENCE_EXAMPLE = "경력 5년 이상, 관련 경력 3년 이상 우대, 무관"
POSTING_ASK_AGE = "나이 조건을 적어 주세요. (예: 50세 이상 우대, 만 65세 이하, 무관)"
POSTING_AGE_EXAMPLE = "50세 이상 우대, 만 65세 이하, 무관"
POSTING_ASK_CERTIFICATES = (
    "필요한 자격증을 쉼표로 나눠 적어 주세요. (예: 지게차운전기능사, 운전면허 1종 보통)"
)
POSTING_CERTIFICATES_INVALID = (
    "자격증은 쉼표로 나눠 10개까지, 하나에 40자 안으로 적어 주세요.\n"
    "(예: 지게차운전기능사, 운전면허 1종 보통)"
)
POSTING_ASK_DESCRIPTION = "하는 일을 적어 주세요. (예: 아파트 단지 순찰과 출입 관리)"
POSTING_DESCRIPTION_EXAMPLE = "아파트 단지 순찰과 출입 관리"
POSTING_ASK_DEADLINE = (
    "마감일을 적어 주세요. 마감이 없으면 '상시 채용'을 눌러 주세요. (예: 12월 31일)"
)
POSTING_DEADLINE_INVALID = "날짜를 알아보지 못했어요. 12월 31일이나 2026-12-31처럼 적어 주세요."
POSTING_DEADLINE_PAST = "이미 지난 날짜예요. 오늘이나 그 뒤의 날을 적어 주세요. (예: 12월 31일)"
POSTING_ASK_START = "언제부터 일하나요? (예: 즉시, 12월 1일)"
START_NOW = "즉시"
POSTING_START_INVALID = "근무 시작일을 알아보지 못했어요. '즉시'나 12월 1일처럼 적어 주세요."
POSTING_ASK_HEADCOUNT = "몇 명을 뽑나요? 숫자로 적어 주세요. (예: 2)"
POSTING_HEADCOUNT_INVALID = "모집 인원은 1에서 9,999 사이의 숫자로 적어 주세요. (예: 2, 2명)"
POSTING_UNREADABLE = "알아보지 못했어요"
POSTING_NEW_COMPANY = (
    "처음 보는 회사라 '검토 중'으로 새로 등록돼요. 방문해서 승인한 뒤에 알림이 나가요."
)
POSTING_ALERTS_BY_VETTING = {
    "approved": "방문 승인된 회사라 맞는 분들께 곧 알림이 나가요.",
    "pending": "아직 방문 승인 전인 회사라 승인한 뒤에 알림이 나가요.",
    "rejected": "방문 결과 거절된 회사라 알림이 나가지 않아요.",
}


def posting_preview(card: str, note: str) -> str:
    return f"구직자께 이렇게 보여요. 이대로 저장할까요?\n\n{card}\n\n{note}"


def posting_added(key: str, note: str) -> str:
    return f"공고를 올렸어요. (공고 번호 {key})\n{note}"


# Postings and their applications, for admins.
POSTING_STATE_CLOSED = "마감됨"
POSTING_STATE_EXPIRED = "마감일 지남"
BUTTON_APPLICATIONS = "지원 현황"
BUTTON_CLOSE_POSTING = "마감하기"
BUTTON_CLOSE_YES = "네, 마감해요"
BUTTON_CLOSE_NO = "아니요"
POSTING_CLOSED = "이미 마감된 공고예요."
POSTING_UNKNOWN = "찾을 수 없는 공고예요. /postings 로 목록을 다시 봐 주세요."
APPLICATION_GONE = "찾을 수 없는 지원 기록이에요. 지원 현황을 다시 봐 주세요."
NOBODY_INTERESTED = "아직 관심을 보인 분이 없어요."


def open_postings_heading(total: int) -> str:
    return f"열린 공고가 {total}건 있어요. 새 공고는 아래 '{POSTING_ADD}'로 올릴 수 있어요."


def company_postings_heading(company: str, count: int) -> str:
    shown = f"최근 공고 {count}건이에요." if count else "공고가 아직 없어요."
    return f"{company}의 {shown} 새 공고는 아래 '{POSTING_ADD}'로 올릴 수 있어요."


def admin_posting_card(key: str, label: str, region: str, state: str, counts: str) -> str:
    return f"[{key}] {label}\n{region} · {state}\n{counts}"


def application_counts(counts: dict[str, int]) -> str:
    if not counts:
        return NOBODY_INTERESTED
    return " · ".join(f"{name} {counts.get(status, 0)}" for status, name in STATUS_NAMES.items())


def confirm_close(posting: str) -> str:
    return f"'{posting}' 공고를 마감할까요? 마감하면 알림과 추천에서 빠져요."


def posting_closed(posting: str) -> str:
    return f"'{posting}' 공고를 마감했어요. 알림과 추천에서 뺐어요."


def applications_heading(posting: str, counts: str) -> str:
    return f"'{posting}' 지원 현황이에요.\n{counts}"


def applicant_line(name: str, key: str, status: str) -> str:
    return f"{name}님 ({key}) · 지금 단계: {STATUS_NAMES[status]}"


def move_button(status: str) -> str:
    return f"{with_particle(STATUS_NAMES[status], '으로/로')} 바꾸기"


# KakaoTalk skill server.
KAKAO_WAIT = "잠시만요, 답을 준비하고 있어요."
KAKAO_CONTINUE = "계속 보기"

# KakaoTalk answers: what did not fit in one answer, charts, an empty answer.
KAKAO_NOTHING_YET = "아직 보여 드릴 내용이 없어요."
KAKAO_PHOTO_ON_TELEGRAM = "그림은 카카오톡에서 보여 드릴 수 없어요. 텔레그램에서 보실 수 있어요."
KAKAO_MORE_CHOICES = "다른 선택지도 있어요."
KAKAO_NO_MORE = "더 보여 드릴 내용이 없어요."


# One person on Telegram and KakaoTalk.
def kakao_link_code(code: str) -> str:
    return (
        f"카카오톡의 '앙코르' 채널에서 '연결 {code}'라고 보내 주세요.\n"
        "그러면 카카오톡에서도 지금 프로필로 이어서 쓰시고, 알림은 마지막으로 대화한 곳으로 "
        "받으세요. 이 코드는 하루 동안 한 번 쓸 수 있어요."
    )


KAKAO_LINK_NEEDS_ACCOUNT = "먼저 /start 로 시작해 주세요. 그다음에 카카오톡과 연결할 수 있어요."
KAKAO_LINKED = (
    "텔레그램과 연결했어요. 이제 여기서도 같은 프로필로 이어서 쓰실 수 있어요. "
    "알림은 마지막으로 대화한 곳으로 보내 드려요."
)
KAKAO_LINK_UNKNOWN = (
    "연결 코드를 찾을 수 없거나 이미 쓰인 코드예요. "
    "텔레그램에서 /kakao 를 보내 새 코드를 받아 주세요."
)


# Programmes (internship cohorts) for seniors.

PROGRAMMES_NONE = (
    "지금 신청하실 수 있는 프로그램이 없어요. 나중에 /programmes 로 다시 확인해 주세요."
)
BUTTON_APPLY = "신청하기"
BUTTON_WITHDRAW = "신청 취소"
PROGRAMME_APPLIED = "신청했어요. 프로필이 신청서로 전달돼요. 결과는 이 대화방으로 알려 드릴게요."
PROGRAMME_APPLIED_ALREADY = "이미 신청하셨어요. 결과가 나오면 알려 드릴게요."
PROGRAMME_WITHDRAWN = "신청을 취소했어요. 신청 기간 안에는 다시 신청하실 수 있어요."
PROGRAMME_NOTHING_TO_WITHDRAW = "취소할 신청이 없어요."
PROGRAMME_CLOSED = (
    "이 프로그램은 지금 신청을 받지 않아요. /programmes 에서 신청할 수 있는 것을 보세요."
)
PROGRAMME_NOT_ELIGIBLE = "죄송해요. 나이나 사시는 곳 조건이 맞지 않아 신청하실 수 없어요."
PROGRAMME_STATUS_LABELS = {
    "applied": "신청하셨어요 (심사 중)",
    "shortlisted": "서류 심사를 통과하셨어요",
    "interview": "면접을 보실 차례예요",
    "selected": "선정되셨어요",
    "declined": "아쉽게도 이번에는 선정되지 않으셨어요",
    "withdrawn": "신청을 취소하셨어요",
}


def programmes_title(count: int) -> str:
    return f"신청하실 수 있는 프로그램이 {count}개 있어요."


def programme_card_lines(
    name: str, organiser: str, places: int, apply_until: date, active: tuple[date, date]
) -> list[str]:
    return [
        f"📋 {name}",
        f"{organiser} · {places}명 모집",
        f"신청 {short_day(apply_until)}까지 · 활동 {short_day(active[0])}~{short_day(active[1])}",
    ]


def programme_who(ages: tuple[int | None, int | None], places: list[str]) -> str:
    """ "45~67세, 서울에 사시는 분": who may apply, in plain words."""
    home = f"{', '.join(places)}에 사시는 분" if places else ""
    return ", ".join(part for part in (_age_range(*ages), home) if part) or "누구나"


def _age_range(low: int | None, high: int | None) -> str:
    if low is not None and high is not None:
        return f"{low}~{high}세"
    if low is not None:
        return f"{low}세 이상"
    if high is not None:
        return f"{high}세 이하"
    return ""


def programme_details_lines(
    *,
    partners: list[str],
    who: str,
    apply: tuple[date, date],
    training_hours: int | None,
    hour_cap: int | None,
    allowance: int | None,
) -> list[str]:
    lines = [f"함께하는 곳: {', '.join(partners)}"] if partners else []
    lines += [
        f"신청 자격: {who}",
        f"신청 기간: {short_day(apply[0])} ~ {short_day(apply[1])}",
    ]
    if training_hours:
        lines.append(f"직무교육: {training_hours}시간")
    if hour_cap:
        lines.append(f"활동 시간: 한 달에 {hour_cap}시간까지")
    if allowance:
        lines.append(f"활동비: 한 달 최대 {allowance:,}원 (활동한 시간만큼)")
    return lines


# Programmes for staff: screening the applicants.

SCREENING_NONE = "지금 진행 중인 프로그램이 없어요. encore import-programmes 로 올려 주세요."
BUTTON_APPLICANTS = "신청자 보기"
BUTTON_ANNOUNCE = "대상자에게 알리기"
ANNOUNCE_CLOSED = "신청 기간이 아닌 프로그램은 알릴 수 없어요."
PROGRAMME_ANNOUNCE_LEAD = "신청하실 수 있는 프로그램이 열렸어요."


def programme_announced(eligible: int, told: int) -> str:
    """How many the rule admits and how many were told now (the rest had been already)."""
    return f"대상자 {eligible}명 중 {told}명에게 알렸어요. 이미 알린 분께는 다시 보내지 않아요."


SCREENING_NO_APPLICANTS = "아직 신청한 분이 없어요."
SCREENING_GONE = "이 신청을 찾을 수 없어요. /screening 으로 다시 보세요."
SCREENING_STATUS_LABELS = {
    "applied": "신청",
    "shortlisted": "서류 통과",
    "interview": "면접",
    "selected": "선정",
    "declined": "탈락",
    "withdrawn": "본인 취소",
}


def screening_line(name: str, applied: int, places: int, selected: int) -> str:
    """The live competition ratio: applications standing (not withdrawn) per place."""
    return (
        f"📋 {name}\n신청 {applied}명 · 모집 {places}명 · 경쟁률 {applied / places:.1f} : 1"
        f" · 선정 {selected}명"
    )


def screening_heading(name: str, count: int) -> str:
    return f"'{name}' 신청자 {count}명이에요."


def screening_card(who: str, about: str, status: str) -> str:
    return f"{who}\n{about}\n상태: {SCREENING_STATUS_LABELS[status]}"


def screening_moved(name: str, status: str) -> str:
    label = with_particle(f"'{SCREENING_STATUS_LABELS[status]}'", "으로/로")
    return f"{name}님을 {label} 옮기고 본인에게 알렸어요."


def screening_unchanged(name: str, status: str) -> str:
    return f"{name}님은 이미 '{SCREENING_STATUS_LABELS[status]}' 상태예요. 바꾸지 않았어요."


def programme_result(programme: str, status: str) -> str:
    """What the senior is told when staff move their application."""
    return {
        "shortlisted": f"'{programme}' 서류 심사를 통과하셨어요. 다음 안내를 기다려 주세요.",
        "interview": f"'{programme}' 면접을 보시게 됐어요. 날짜는 센터에서 알려 드릴게요.",
        "selected": (
            f"축하드려요! '{programme}' 참여자로 선정되셨어요. 교육 일정은 센터에서 알려 드릴게요."
        ),
        "declined": (
            f"'{programme}'에 신청해 주셔서 고맙습니다. 아쉽게도 이번에는 선정되지 않으셨어요. "
            "맞는 일자리와 프로그램은 계속 알려 드릴게요."
        ),
    }[status]
