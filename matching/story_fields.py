"""Reading a story's interview format and outcome as people write them.

The form offers buttons, but staff's CSV files and seniors' typing say the same thing
many ways ("최종 합격", "붙었어요", "줌 면접"). Outcomes are returned as the string values
of db.models.StoryOutcome, so this module stays free of the database.
"""

from matching.text import compact

FORMATS = ("대면", "화상", "전화")
_FORMAT_WORDS = {
    "대면": ("대면", "직접", "방문", "현장", "면접장", "오프라인"),
    "화상": ("화상", "비대면", "줌", "zoom", "영상", "온라인", "웹엑스", "팀즈"),
    "전화": ("전화", "통화", "폰"),
}
_OUTCOME_WORDS = {
    "not_hired": ("불합격", "탈락", "떨어", "낙방", "안됐", "안되었"),
    "hired": ("합격", "붙었", "채용", "입사", "취업", "됐어요", "되었어요"),
    "waiting": ("대기", "기다", "발표전", "모름", "아직", "면접완료", "면접만"),
}


def parse_format(text: str) -> str | None:
    """ "대면", "화상" or "전화"; None when the text names none of them or several."""
    key = compact(text).lower()
    found = {name for name, words in _FORMAT_WORDS.items() if any(w in key for w in words)}
    if "비대면" in key:
        found.discard("대면")
    return found.pop() if len(found) == 1 else None


def parse_outcome(text: str) -> str | None:
    """ "hired", "not_hired" or "waiting"; "불합격" is checked before the "합격" inside it."""
    key = compact(text)
    for outcome, words in _OUTCOME_WORDS.items():
        if any(word in key for word in words):
            return outcome
    return None
