"""CSV files as a centre's staff would fill them in, for the import benchmarks.

The synthetic seekers and postings (`synthetic.py`) are written out the way people type
into a spreadsheet: ages as "58세", "68년생" or "1968.05.03", pay as "월 300만원", "연봉 3천",
"250~300" or "협의", regions as "서울 강남구, 서초구", "경기 남부" or "부산시 해운대구",
careers as "아파트 경비 5년" or "1998~2018 품질관리", lists separated by "|", "," or "/".
Seeded, so every run writes the same files.
"""

import csv
import random
from collections.abc import Iterable, Iterator
from pathlib import Path

import synthetic  # bench/ is not a package: found through sys.path

from bot.imports.jobs import JOB_COLUMNS
from bot.imports.profiles import PROFILE_COLUMNS
from matching.engine import SeekerFacts
from matching.postings import PostingText
from matching.region_data import SIDO

PROFILE_HEADER = PROFILE_COLUMNS
JOB_HEADER = JOB_COLUMNS
_FAMILY_NAMES = "김이박최정강조윤장임한오서신권황안송류전홍"
_GIVEN = ("영수", "정숙", "철호", "미경", "상철", "순자", "태호", "은정", "민석", "혜원", "광수")
_SEPARATORS = ("|", "|", "|", ", ", " / ")
_EMPLOYMENT_WORDS = {
    "full_time": ("정규직", "정규"),
    "contract": ("계약직", "촉탁직"),
    "part_time": ("시간제", "파트타임", "아르바이트"),
}
_ANY = ("무관", "상관없음", "")


def _age(rng: random.Random, birth_year: int) -> str:
    age = synthetic.TODAY.year - birth_year
    return rng.choice(
        (
            f"{age}",
            f"{age}세",
            f"만 {age - 1}세",
            f"{birth_year}년생",
            f"{birth_year % 100:02d}년생",
            f"{birth_year}.{rng.randint(1, 12):02d}.{rng.randint(1, 28):02d}",
            f"{birth_year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            f"{age}살",
        )
    )


def _pay(rng: random.Random, monthly: int | None) -> str:
    if monthly is None:
        return rng.choice(("협의", "무관", "회사 내규에 따름", ""))
    man = monthly // 10_000
    return rng.choice(
        (
            f"월 {man}만원",
            f"{man}",
            f"{man}만원 이상",
            f"월 {man}~{man + 50}",
            f"연봉 {man * 12 // 1000}천" if man * 12 % 1000 == 0 else f"연봉 {man * 12:,}만원",
            f"{monthly:,}원",
            f"월급 {man}",
        )
    )


def _region(rng: random.Random, key: str) -> str:
    """A region key as staff would type it."""
    if key.startswith("area:"):
        return key.removeprefix("area:")
    if key in ("전국", "재택"):
        return rng.choice((key, "재택근무")) if key == "재택" else key
    sido, _, sigungu = key.partition(" ")
    label = SIDO[sido].label
    if not sigungu:
        return rng.choice((label, sido, f"{label} 전체", f"{label} 전지역"))
    city = f"{label}시" if sido.endswith("시") else sido  # "부산시", "경기도"
    return rng.choice((f"{label} {sigungu}", f"{sido} {sigungu}", f"{city} {sigungu}"))


def _career(rng: random.Random, title: str, months: int | None) -> str:
    if months is None:
        return title
    years, rest = divmod(months, 12)
    if rng.random() < 0.15:
        end = rng.randint(2015, 2025)
        return f"{end - years}~{end} {title}"
    text = f"{title} {years}년" if years else f"{title} {rest}개월"
    if years and rest:
        text += f" {rest}개월"
    return rng.choice((text, f"{title}({years}년)" if years and not rest else text))


def _employment(rng: random.Random, kinds: tuple[str, ...]) -> str:
    if not kinds:
        return rng.choice(_ANY)
    return "|".join(rng.choice(_EMPLOYMENT_WORDS.get(kind, (kind,))) for kind in kinds)


def profile_row(rng: random.Random, seeker: SeekerFacts) -> dict[str, str]:
    sep = rng.choice(_SEPARATORS)
    regions = [_region(rng, key) for key in seeker.regions]
    return {
        "external_id": f"P{seeker.key[1:]}",
        "name": rng.choice(_FAMILY_NAMES) + rng.choice(_GIVEN),
        "age": _age(rng, seeker.birth_year) if seeker.birth_year else "",
        "desired_jobs": sep.join(seeker.desired_jobs),
        "career": "|".join(_career(rng, t, m) for t, m in seeker.careers),
        "certificates": "|".join(seeker.certificates) or rng.choice(("", "없음")),
        "regions": sep.join(regions),
        "desired_salary": _pay(rng, seeker.pay_monthly),
        "employment_types": _employment(rng, seeker.employment_types),
    }


def job_row(rng: random.Random, posting: PostingText) -> dict[str, str]:
    deadline = posting.deadline.isoformat() if posting.deadline else rng.choice(("", "상시"))
    return {
        "external_id": f"J{posting.key[1:]}",
        "title": posting.title,
        "company": posting.company,
        "region": posting.region,
        "salary": posting.salary,
        "employment_type": posting.employment_type,
        "experience": posting.experience,
        "age": posting.age,
        "certificates": "|".join(posting.certificates),
        "description": posting.description,
        "deadline": deadline,
        "start": posting.start,
        "headcount": rng.choice(("", "1", "2", "3", "10명", "00명", "0")),
    }


def profile_rows(count: int, *, seed: int = 11) -> Iterator[dict[str, str]]:
    rng = random.Random(seed)
    for seeker in synthetic.seekers(count, seed=seed):
        yield profile_row(rng, seeker)


def job_rows(count: int, *, seed: int = 7) -> Iterator[dict[str, str]]:
    rng = random.Random(seed)
    for posting in synthetic.postings(count, seed=seed):
        yield job_row(rng, posting)


def write(path: Path, header: tuple[str, ...], rows: Iterable[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)
    return path
