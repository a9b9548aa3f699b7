"""The staff commands as a centre runs them: import 10,000 postings and 100,000 profiles
from CSV files, then `encore match --all --top 5 --json`, each as its own `encore` process.

    .venv/bin/python bench/staff_commands.py                       # SQLite in a temp folder
    DATABASE_URL=postgresql://postgres@127.0.0.1/bench .venv/bin/python bench/staff_commands.py
    .venv/bin/python bench/staff_commands.py --profiles 20000 --postings 2000

Each figure is printed with a yardstick measured in the same run: the imports next to a
bare INSERT of the file's rows, unread, into a scratch table of the same database; the
rematch next to one bare `rapidfuzz.process.cdist` of every profile's first desired job
against every posting title on all cores. A PostgreSQL database is emptied first.
"""

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import staff_files  # bench/ is not a package: found through sys.path
from rapidfuzz import fuzz, process
from sqlalchemy import Column, Engine, MetaData, String, Table, create_engine, insert, text

from db.engine import async_url

ROOT = Path(__file__).resolve().parents[1]
ENCORE = [sys.executable, "-m", "bot"]
CDIST_CHUNK = 5_000


def encore(url: str, *args: str, out: Path) -> tuple[float, float]:
    """Run one `encore` command; its wall time and the peak memory of its processes (MiB)."""
    env = {**os.environ, "DATABASE_URL": url, "PYTHONPATH": str(ROOT)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    with out.open("w", encoding="utf-8") as sink:
        subprocess.run([*ENCORE, *args], env=env, stdout=sink, check=True)
    elapsed = time.perf_counter() - started
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return elapsed, peak / 1024


def bare_insert(url: str, path: Path) -> float:
    """One executemany INSERT of the file's rows as plain text, in one transaction."""
    with path.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        columns = list(reader.fieldnames or [])
        rows = list(reader)
    engine = sync_engine(url)
    table = Table("bench_scratch", MetaData(), *(Column(name, String) for name in columns))
    table.metadata.drop_all(engine)
    table.metadata.create_all(engine)
    started = time.perf_counter()
    with engine.begin() as connection:
        connection.execute(insert(table), rows)
    elapsed = time.perf_counter() - started
    table.metadata.drop_all(engine)
    engine.dispose()
    return elapsed


def bare_cdist(profiles: Path, jobs: Path) -> float:
    with profiles.open(encoding="utf-8", newline="") as file:
        queries = [
            row["desired_jobs"].replace(",", "|").split("|")[0].strip()
            for row in csv.DictReader(file)
        ]
    with jobs.open(encoding="utf-8", newline="") as file:
        choices = [row["title"] for row in csv.DictReader(file)]
    started = time.perf_counter()
    for start in range(0, len(queries), CDIST_CHUNK):
        process.cdist(
            queries[start : start + CDIST_CHUNK],
            choices,
            scorer=fuzz.ratio,
            dtype="uint8",
            score_cutoff=60,
            workers=-1,
        )
    return time.perf_counter() - started


def sync_engine(url: str) -> Engine:
    """The same database through the same drivers, without asyncio (psycopg 3 does both)."""
    driver = async_url(url).render_as_string(hide_password=False)
    return create_engine(driver.replace("+aiosqlite", ""))


def empty_postgres(url: str) -> None:
    engine = sync_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def rejected(output: Path) -> Counter[str]:
    """How many rows were refused, by reason (the line number taken off)."""
    reasons: Counter[str] = Counter()
    for line in output.read_text(encoding="utf-8").splitlines():
        head, _, reason = line.partition("행: ")
        if head.isdigit():
            reasons[reason] += 1
    return reasons


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=100_000)
    parser.add_argument("--postings", type=int, default=10_000)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="encore-bench-"))
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{folder / 'bench.sqlite3'}"
    if url.startswith("postgres"):
        empty_postgres(url)
    jobs = staff_files.write(
        folder / "jobs.csv", staff_files.JOB_HEADER, staff_files.job_rows(args.postings)
    )
    profiles = staff_files.write(
        folder / "profiles.csv",
        staff_files.PROFILE_HEADER,
        staff_files.profile_rows(args.profiles),
    )
    print(f"database: {url.split('://')[0]}  files: {folder}")

    for label, command, path in (
        (f"import-jobs {args.postings:,} rows", "import-jobs", jobs),
        (f"import-profiles {args.profiles:,} rows", "import-profiles", profiles),
    ):
        output = folder / f"{command}.out"
        elapsed, peak = encore(url, command, str(path), out=output)
        again, _ = encore(url, command, str(path), out=folder / f"{command}-again.out")
        bare = bare_insert(url, path)
        counts = output.read_text(encoding="utf-8").splitlines()[-1]
        print(f"{label}: {elapsed:.1f} s, peak {peak:.0f} MiB; the same file again {again:.1f} s")
        print(f"  bare INSERT of the rows unread {bare:.2f} s: {elapsed / bare:.1f} x")
        print(f"  {counts}")
        for reason, count in rejected(output).most_common(5):
            print(f"  refused {count:,}: {reason}")

    output = folder / "match.json"
    elapsed, peak = encore(
        url, "match", "--all", "--top", "5", "--as-of", "2026-11-22", "--json", out=output
    )
    with output.open(encoding="utf-8") as file:
        ranked = json.load(file)
    bare = bare_cdist(profiles, jobs)
    empty = sum(1 for matches in ranked.values() if not matches)
    print(f"match --all --top 5 --json: {elapsed:.1f} s, peak {peak:.0f} MiB")
    print(f"  bare cdist of first desired jobs x titles {bare:.1f} s: {elapsed / bare:.1f} x")
    print(f"  {len(ranked):,} profiles, {empty / len(ranked):.1%} with no match")


if __name__ == "__main__":
    main()
