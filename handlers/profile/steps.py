"""The states of the profile conversation.

Values are stored in the database while someone is mid-conversation, so they are
explicit and must never be renumbered.
"""

from enum import IntEnum


class Step(IntEnum):
    CONSENT = 1
    NAME = 2
    AGE = 3
    DESIRED_JOBS = 4
    CAREER = 5
    LICENCES = 6
    REGIONS = 7
    PAY = 8
    EMPLOYMENT = 9
    SUMMARY = 10
    EDIT = 11
    CHOOSE = 12
    CAREER_YEARS = 13
    DELETE = 14
    AVAILABILITY = 15


QUESTIONS = (
    Step.NAME,
    Step.AGE,
    Step.DESIRED_JOBS,
    Step.CAREER,
    Step.LICENCES,
    Step.REGIONS,
    Step.PAY,
    Step.EMPLOYMENT,
    Step.AVAILABILITY,
)
