"""The report's charts as PNG images, with Korean labels, for a phone screen or a report.

Figures are drawn with matplotlib's object API on the Agg canvas, never through pyplot,
so nothing is shown or kept between calls. There is no system Korean font: NanumGothic
comes from the koreanize-matplotlib package, whose files are registered here (importing
that package would set fonts globally and warns on import). Font settings are global in
matplotlib, so one chart set is drawn at a time.
"""

import importlib.metadata
import io
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, partial

import matplotlib
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from bot.reports.numbers import PostingInterest, ReportNumbers, Tally, Week
from handlers import texts

FONT_PACKAGE = "koreanize-matplotlib"
FONT_FAMILY = "NanumGothic"
TOP_BARS = 8
PANEL_SIZE = (8.0, 4.4)  # inches; at 100 dpi an 800-pixel-wide image reads well on a phone
DPI = 100
BAR_COLOUR = "#3b7dd8"
WEEK_COLOURS = ("#3b7dd8", "#f0a030", "#4caf7a")
MAX_LABEL = 16

Panel = Callable[[Axes], None]

_drawing = threading.Lock()


@dataclass(frozen=True)
class Chart:
    """One image: `name` is its file name without ".png"."""

    name: str
    caption: str
    png: bytes


@dataclass(frozen=True)
class _Bar:
    label: str
    value: float
    note: str


def render_charts(numbers: ReportNumbers) -> tuple[Chart, ...]:
    """Every chart of the report; CPU work, so the bot calls it in a worker thread."""
    with (
        _drawing,
        matplotlib.rc_context(
            {"font.family": korean_font(), "axes.unicode_minus": False, "font.size": 13}
        ),
    ):
        return tuple(
            Chart(name, caption, _png(panels)) for name, caption, panels in _charts(numbers)
        )


@cache
def korean_font() -> str:
    """Register the bundled NanumGothic files and return the family name to draw with."""
    files = importlib.metadata.files(FONT_PACKAGE) or []
    for path in files:
        if path.suffix == ".ttf":
            font_manager.fontManager.addfont(str(path.locate()))
    found = font_manager.findfont(FONT_FAMILY, fallback_to_default=False)
    if "Nanum" not in found:
        raise RuntimeError(f"no Korean font: {FONT_FAMILY} resolved to {found}")
    return FONT_FAMILY


def _charts(numbers: ReportNumbers) -> list[tuple[str, str, list[Panel]]]:
    """(file name, caption, panels) of each image, in the order they are sent."""
    coaching = numbers.coaching
    return [
        (
            "seekers",
            texts.STATS_CHART_SEEKERS,
            [
                _tally(texts.STATS_AGE_BANDS, numbers.age_bands),
                _tally(texts.STATS_REGIONS, numbers.regions[:TOP_BARS]),
            ],
        ),
        (
            "jobs",
            texts.STATS_CHART_JOBS,
            [
                _tally(texts.STATS_JOB_FAMILIES, numbers.job_families[:TOP_BARS]),
                _tally(texts.STATS_CAREER_FIELDS, numbers.career_fields[:TOP_BARS]),
            ],
        ),
        (
            "applications",
            texts.STATS_CHART_APPLICATIONS,
            [
                _tally(texts.STATS_FUNNEL, numbers.funnel.stages()),
                _bars_panel(texts.STATS_COMPETITION, [_interest(p) for p in numbers.competition]),
            ],
        ),
        (
            "coaching",
            texts.STATS_CHART_COACHING,
            [
                _tally(texts.STATS_BOOKINGS, coaching.statuses()),
                _tally(texts.ratings_title(coaching.average_rating), coaching.stars()),
            ],
        ),
        ("weekly", texts.weekly_caption(len(numbers.weeks)), [partial(_weekly, numbers.weeks)]),
    ]


def _tally(title: str, tally: Tally) -> Panel:
    return _bars_panel(title, [_Bar(label, count, str(count)) for label, count in tally])


def _interest(posting: PostingInterest) -> _Bar:
    label = f"{_shorten(posting.title)}\n{_shorten(posting.company)}"
    note = texts.competition_note(posting.interested, posting.headcount, posting.ratio)
    return _Bar(label, posting.interested, note)


def _bars_panel(title: str, bars: Sequence[_Bar]) -> Panel:
    return partial(_bars, title, bars)


def _bars(title: str, bars: Sequence[_Bar], axes: Axes) -> None:
    """Horizontal bars, first on top, each with its note at the end."""
    axes.set_title(title, loc="left", fontweight="bold")
    if not any(bar.value for bar in bars):
        _nothing_yet(axes)
        return
    positions = range(len(bars))
    axes.barh(positions, [bar.value for bar in bars], height=0.6, color=BAR_COLOUR)
    axes.set_yticks(positions, [bar.label for bar in bars])
    axes.tick_params(axis="y", length=0)
    axes.invert_yaxis()
    for position, bar in zip(positions, bars, strict=True):
        axes.annotate(
            f" {bar.note}", (bar.value, position), va="center", fontsize=11, annotation_clip=False
        )
    axes.set_xlim(0, max(bar.value for bar in bars) * 1.35)
    axes.xaxis.set_visible(False)
    axes.spines[["top", "right", "bottom"]].set_visible(False)


def _weekly(weeks: Sequence[Week], axes: Axes) -> None:
    """Side-by-side bars per week for new seekers, interests and bookings."""
    axes.set_title(texts.STATS_WEEKLY, loc="left", fontweight="bold")
    rows = [week.counts() for week in weeks]
    if not any(count for row in rows for _, count in row):
        _nothing_yet(axes)
        return
    labels = [label for label, _ in rows[0]]
    width = 0.8 / len(labels)
    for column, (label, colour) in enumerate(zip(labels, WEEK_COLOURS, strict=True)):
        shift = (column - (len(labels) - 1) / 2) * width
        counts = [row[column][1] for row in rows]
        axes.bar(
            [index + shift for index in range(len(rows))], counts, width, label=label, color=colour
        )
    axes.set_xticks(range(len(weeks)), [texts.week_label(week.starts_on) for week in weeks])
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.legend(loc="upper left", frameon=False)
    axes.spines[["top", "right"]].set_visible(False)


def _nothing_yet(axes: Axes) -> None:
    axes.text(0.5, 0.5, texts.STATS_NO_DATA, ha="center", va="center", color="gray", fontsize=14)
    axes.set_axis_off()


def _png(panels: Sequence[Panel]) -> bytes:
    width, height = PANEL_SIZE
    figure = Figure(figsize=(width, height * len(panels)), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    for axes, draw in zip(figure.subplots(len(panels), squeeze=False)[:, 0], panels, strict=True):
        draw(axes)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", facecolor="white")
    return buffer.getvalue()


def _shorten(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"
