"""The few numbers an admin reads first, as short lines of plain Korean."""

from bot.reports.numbers import ReportNumbers
from handlers import texts


def summary_text(numbers: ReportNumbers) -> str:
    funnel = numbers.funnel
    coaching = numbers.coaching
    return "\n".join(
        [
            texts.stats_heading(numbers.as_of),
            texts.stats_seekers(numbers.seekers, numbers.in_chat),
            texts.stats_complete(funnel.complete),
            texts.stats_new_this_week(numbers.weeks[-1].registrations),
            texts.stats_progress(
                funnel.interested, funnel.applied, funnel.interview, funnel.hired
            ),
            texts.stats_coaching(coaching.total, coaching.done, coaching.average_rating),
        ]
    )
