"""A stored posting parses once while its text stays the same, and again when it changes."""

from datetime import date

from db.models import Company, Posting, Vetting
from handlers.jobs.facts import posting_facts


def _posting() -> Posting:
    company = Company(name="(주)한빛정밀", vetting=Vetting.APPROVED)
    return Posting(
        external_id="J-cache",
        company=company,
        title="품질관리 담당",
        region="세종",
        salary="월 300만원",
        employment_type="정규직",
        experience="경력 5년 이상",
        age="무관",
        certificates=["품질경영기사"],
        description="자동차부품 품질관리",
        deadline=date(2026, 12, 31),
        start="즉시",
    )


def test_the_same_text_gives_the_same_facts_and_an_edit_new_ones() -> None:
    posting = _posting()
    first = posting_facts(posting)
    assert posting_facts(posting) is first
    assert posting_facts(_posting()) is first  # another row object, the same text

    posting.salary = "월 350만원"
    assert posting_facts(posting).pay != first.pay
    posting.company.vetting = Vetting.REJECTED
    assert posting_facts(posting).text.vetted is False
