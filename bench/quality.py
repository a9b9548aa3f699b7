"""Matching quality on the evaluation set (`quality_set.py`), through the CLI as staff run it.

    .venv/bin/python bench/quality.py                 # 80 seniors x 400 postings, SQLite
    .venv/bin/python bench/quality.py --misses 5      # and the 5 worst-ranked good fits
    .venv/bin/python bench/quality.py --seed 21       # another draw, to see what tuning fitted

Writes the set as staff CSV files, then runs `encore import-jobs`, `encore import-profiles`
and `encore match --all --top 10 --as-of 2026-11-22 --json` on a fresh database and scores
what came back against the grades of `quality_set.grade`:
- nDCG@5, gain = grade, over seniors with at least one posting of grade 1 or more;
- P@5, the share of the top 5 with grade 2 or 3;
- grade-3 recall@10: of each senior's grade-3 postings (at most 10 counted), the share in
  their top 10;
- seniors given fewer than 10 results although that many postings of grade 1 or more exist;
- postings returned that are impossible (grade 0).
Figures, not a test; the targets of issue 13 are nDCG@5 ≥ 0.92 and grade-3 recall@10 ≥ 0.97.
"""

import argparse
import csv
import json
import math
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import quality_set  # bench/ is not a package: found through sys.path
import staff_commands
from staff_files import write

from bot.imports.jobs import JOB_COLUMNS
from bot.imports.profiles import PROFILE_COLUMNS

TOP = 10


def _dcg(gains: list[int]) -> float:
    return sum(gain / math.log2(rank + 2) for rank, gain in enumerate(gains))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seniors", type=int, default=80)
    parser.add_argument("--postings", type=int, default=400)
    parser.add_argument("--misses", type=int, default=0, help="print this many missed fits")
    parser.add_argument("--dump", help="write what match returned to this JSON file")
    parser.add_argument("--seed", type=int, default=13, help="another draw of the same set")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    jobs = quality_set.jobs(args.postings, rng)
    seniors = quality_set.seniors(args.seniors, rng)
    grades = {s.key: {j.key: quality_set.grade(s, j) for j in jobs} for s in seniors}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        url = f"sqlite:///{folder / 'quality.sqlite3'}"
        job_file = write(
            folder / "jobs.csv", JOB_COLUMNS, [quality_set.job_row(j, rng) for j in jobs]
        )
        senior_file = write(
            folder / "profiles.csv",
            PROFILE_COLUMNS,
            [quality_set.senior_row(s, rng) for s in seniors],
        )
        log = folder / "log.txt"
        staff_commands.encore(url, "import-jobs", str(job_file), out=log)
        staff_commands.encore(url, "import-profiles", str(senior_file), out=log)
        output = folder / "matches.json"
        staff_commands.encore(
            url, "match", "--all", "--top", str(TOP), "--as-of", "2026-11-22", "--json",
            out=output,
        )  # fmt: skip
        returned = {
            key: [m["posting"] for m in matches]
            for key, matches in json.loads(output.read_text(encoding="utf-8")).items()
        }
        rows_of = {row["external_id"]: row for row in csv.DictReader(job_file.open())}
        senior_rows = {row["external_id"]: row for row in csv.DictReader(senior_file.open())}
    ndcg: list[float] = []
    precision: list[float] = []
    misses: list[tuple[str, str]] = []
    found = wanted = short = impossible = 0
    for senior in seniors:
        graded = grades[senior.key]
        ranked = returned.get(senior.key, [])
        gains = [graded.get(key, 0) for key in ranked]
        ideal = sorted(graded.values(), reverse=True)
        if ideal[0] > 0:
            ndcg.append(_dcg(gains[:5]) / _dcg(ideal[:5]))
        precision.append(sum(gain >= 2 for gain in gains[:5]) / 5)
        best = [key for key, value in graded.items() if value == 3]
        counted = best[:TOP] if len(best) > TOP else best
        wanted += len(counted)
        found += min(len(counted), sum(key in ranked[:TOP] for key in best))
        plausible = sum(value >= 1 for value in graded.values())
        short += len(ranked) < min(TOP, plausible)
        impossible += sum(gain == 0 for gain in gains)
        misses.extend((senior.key, key) for key in best if key not in ranked[:TOP])
    print(f"evaluation set: {len(seniors)} seniors x {len(jobs)} postings (quality_set.py)")
    print(f"nDCG@5: {sum(ndcg) / len(ndcg):.3f} over {len(ndcg)} seniors")
    print(f"P@5 (grade 2 or 3): {sum(precision) / len(precision):.3f}")
    print(f"grade-3 recall@{TOP}: {found / max(1, wanted):.3f} ({found} of {wanted})")
    print(f"seniors given fewer than {TOP} results though that many fit: {short}")
    print(f"impossible postings returned (grade 0): {impossible}")
    if args.dump:
        Path(args.dump).write_text(json.dumps(returned, ensure_ascii=False), encoding="utf-8")
    for senior_key, job_key in misses[: args.misses]:
        print(f"\nmissed {job_key} for {senior_key}:")
        print(f"  senior: {senior_rows[senior_key]}")
        print(f"  posting: {rows_of[job_key]}")


if __name__ == "__main__":
    main()
