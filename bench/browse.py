"""/jobs for one senior: every open posting turned into facts, then ranked for them.

    .venv/bin/python bench/browse.py                      # 10,000 postings, 20 seniors
    .venv/bin/python bench/browse.py --postings 2000

The handler parses each open posting through `handlers.jobs.facts.posting_facts`, which
keeps the facts of a posting text it has seen. The first /jobs after a start pays for
parsing every posting; later ones only look them up. Both are printed next to the
ranking alone over facts parsed beforehand, measured in the same run. Figures, not a test.
"""

import argparse
import dataclasses
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic  # bench/ is not a package: found through sys.path

from db.models import Company, Posting, Vetting
from handlers.jobs.facts import posting_facts
from matching.engine import SeekerFacts, rank_postings
from matching.postings import PostingFacts, PostingText


def stored(text: PostingText) -> Posting:
    """The posting as the handler gets it from the database (not saved: no session here)."""
    columns = dataclasses.asdict(text)
    key, company, vetted = columns.pop("key"), columns.pop("company"), columns.pop("vetted")
    columns["certificates"] = list(columns["certificates"])
    vetting = Vetting.APPROVED if vetted else Vetting.PENDING
    return Posting(external_id=key, company=Company(name=company, vetting=vetting), **columns)


def browse(seeker: SeekerFacts, postings: list[Posting]) -> float:
    """What /jobs does off the event loop (`handlers.jobs.browse`), timed."""
    start = time.perf_counter()
    facts = [posting_facts(posting) for posting in postings]
    rank_postings(seeker, facts, today=synthetic.TODAY, vetted_only=True)
    return time.perf_counter() - start


def rank_only(seeker: SeekerFacts, facts: list[PostingFacts]) -> float:
    start = time.perf_counter()
    rank_postings(seeker, facts, today=synthetic.TODAY, vetted_only=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=10_000)
    parser.add_argument("--seekers", type=int, default=20)
    args = parser.parse_args()

    texts = synthetic.postings(args.postings)
    postings = [stored(text) for text in texts]
    seekers = synthetic.seekers(args.seekers)

    first = browse(seekers[0], postings)  # parses every posting: the first /jobs after a start
    later = [browse(seeker, postings) for seeker in seekers]
    facts = [posting_facts(posting) for posting in postings]
    alone = [rank_only(seeker, facts) for seeker in seekers]

    reference = statistics.median(alone)
    print(f"postings                       {len(postings):,}; {len(seekers)} seniors")
    print(f"first /jobs (parses them all)  {first:6.3f} s   {first / reference:5.1f} x ranking")
    print(
        f"later /jobs (facts kept)       median {statistics.median(later):6.3f} s   "
        f"{statistics.median(later) / reference:5.2f} x ranking"
    )
    print(f"ranking alone (reference)      median {reference:6.3f} s")


if __name__ == "__main__":
    main()
