"""Postings as staff import them, for tests that need jobs on the board."""

from datetime import date
from pathlib import Path

from bot.imports.csv_rows import read_rows
from bot.imports.jobs import JOB_COLUMNS, import_jobs
from db.companies import find_company, record_visit
from db.models import Vetting
from matching.schedule import korean_date
from tests.support.harness import Running

QUALITY = (
    "J1,품질관리 담당,(주)한빛정밀,세종특별자치시 조치원읍,월 300~350만원,정규직,"
    "경력 10년 이상,50세 이상 우대,,자동차 부품 수입검사와 공정검사,2026-12-15,즉시,1"
)
CARE = (
    'J2,요양보호사,늘봄요양센터,경기 수원시 영통구,"시급 12,000원",시간제,무관,무관,'
    "요양보호사,어르신 생활 지원,2026-12-20,즉시,2"
)


async def import_postings(bot: Running, tmp_path: Path, *rows: str) -> None:
    path = tmp_path / f"jobs-{len(rows)}-{abs(hash(rows))}.csv"
    path.write_text("\n".join([",".join(JOB_COLUMNS), *rows]) + "\n", encoding="utf-8")
    rows = read_rows(path, JOB_COLUMNS)
    report = await import_jobs(bot.application.bot_data.sessions, rows, korean_date(bot.clock.now))
    assert report.rejected is None, report.rejected


async def approve(bot: Running, company: str) -> None:
    async with bot.application.bot_data.sessions.begin() as session:
        found = await find_company(session, company)
        assert found is not None
        await record_visit(session, found, Vetting.APPROVED, visited_on=date(2026, 11, 20))


def quality_posting(key: str, title: str, region: str, deadline: str = "2026-12-15") -> str:
    return (
        f"{key},{title},(주)한빛정밀,{region},월 300~350만원,정규직,경력 5년 이상,무관,,"
        f"품질 검사 업무,{deadline},즉시,1"
    )
