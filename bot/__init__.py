"""Wiring of the Encore bot.

Opt into python-telegram-bot's timedelta time values (its announced next default), so
reading RetryAfter.retry_after and the like raises no deprecation warnings.
"""

import os

os.environ.setdefault("PTB_TIMEDELTA", "true")
