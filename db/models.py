"""Tables of the first release: people, their career profiles, and dialog state.

Lists that are always read and written whole (desired jobs, regions, licences,
employment types) are JSON columns. `None` in such a column means "not answered yet"
and `[]` means "answered: none / any", which is how an interrupted profile knows where
to resume.
"""

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship
from sqlalchemy.sql.expression import true as sa_true

from db.base import Base


def _utcnow() -> datetime:
    return datetime.now(UTC)


class Role(StrEnum):
    SEEKER = "seeker"
    COACH = "coach"
    ADMIN = "admin"


class Vetting(StrEnum):
    """Where a company stands after the centre's visit; only approved ones are alerted."""

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class AlertMode(StrEnum):
    """How often matching postings are pushed: a daily digest unless the person chose."""

    INSTANT = "instant"
    DAILY = "daily"
    WEEKLY = "weekly"
    OFF = "off"


class ApplicationStatus(StrEnum):
    """The steps a platform tracks; "관심 있어요" is the first."""

    INTERESTED = "interested"
    APPLIED = "applied"
    INTERVIEW = "interview"
    HIRED = "hired"
    REJECTED = "rejected"


class ProgrammeStatus(StrEnum):
    """Where an application to a programme stands: staff move it from APPLIED; the senior
    may withdraw until the result."""

    APPLIED = "applied"
    SHORTLISTED = "shortlisted"
    INTERVIEW = "interview"
    SELECTED = "selected"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"


def _enum(enum: type[StrEnum]) -> Enum:
    """Enums stored as their string values in a VARCHAR, the same on SQLite and PostgreSQL."""
    return Enum(enum, native_enum=False, length=16, values_callable=lambda e: [m.value for m in e])


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    role: Mapped[Role] = mapped_column(_enum(Role), default=Role.SEEKER)
    is_active: Mapped[bool] = mapped_column(default=True)
    consented_at: Mapped[datetime | None]
    alert_mode: Mapped[AlertMode] = mapped_column(
        _enum(AlertMode), default=AlertMode.DAILY, server_default=AlertMode.DAILY.value
    )
    digest_hour: Mapped[int] = mapped_column(default=9, server_default="9")
    quiet_nights: Mapped[bool] = mapped_column(default=True, server_default=sa_true())
    last_channel: Mapped[str | None] = mapped_column(String(16))  # where they wrote last
    last_digest_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(default=_utcnow, server_default=func.now())
    # Null only in rows older than the column (SQLite cannot add a NOT NULL column without a
    # constant default); the migration fills them. Alert ticks refresh what moved by it.
    updated_at: Mapped[datetime | None] = mapped_column(
        default=_utcnow, onupdate=_utcnow, index=True
    )

    profile: Mapped["Profile | None"] = relationship(
        back_populates="user", cascade="all, delete-orphan", passive_deletes=True
    )


class Profile(Base):
    __tablename__ = "profiles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), unique=True
    )
    external_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    link_code: Mapped[str | None] = mapped_column(String(16), unique=True)
    name: Mapped[str | None] = mapped_column(String(40))
    birth_year: Mapped[int | None]
    desired_jobs: Mapped[list[str] | None] = mapped_column(JSON)
    certificates: Mapped[list[str] | None] = mapped_column(JSON)
    regions: Mapped[list[str] | None] = mapped_column(JSON)
    pay_text: Mapped[str | None] = mapped_column(String(100))
    pay_period: Mapped[str | None] = mapped_column(String(16))
    pay_minimum: Mapped[int | None] = mapped_column(BigInteger)
    pay_maximum: Mapped[int | None] = mapped_column(BigInteger)
    pay_monthly: Mapped[int | None] = mapped_column(BigInteger)
    employment_types: Mapped[list[str] | None] = mapped_column(JSON)
    availability_text: Mapped[str | None] = mapped_column(String(100))
    """When they can start, as typed; "" when they skipped the question."""
    available_from: Mapped[date | None]
    """The first day they can work; the day of the answer when it was "now"."""
    completed_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=_utcnow, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        default=_utcnow, onupdate=_utcnow, server_default=func.now(), index=True
    )

    user: Mapped[User | None] = relationship(back_populates="profile")
    careers: Mapped[list["CareerEntry"]] = relationship(
        back_populates="profile",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="CareerEntry.position",
    )

    def touch(self) -> None:
        """Mark the profile changed when only its careers did (they are rows of their own)."""
        self.updated_at = _utcnow()


class CareerEntry(Base):
    __tablename__ = "career_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = mapped_column(
        ForeignKey("profiles.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    title: Mapped[str] = mapped_column(String(100))
    months: Mapped[int | None]

    profile: Mapped[Profile] = relationship(back_populates="careers")


class Company(Base):
    __tablename__ = "companies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    industry: Mapped[str | None] = mapped_column(String(100))
    size: Mapped[str | None] = mapped_column(String(50))
    region: Mapped[str | None] = mapped_column(String(100))
    vetting: Mapped[Vetting] = mapped_column(_enum(Vetting), default=Vetting.PENDING)
    created_at: Mapped[datetime] = mapped_column(default=_utcnow, server_default=func.now())

    visits: Mapped[list["CompanyVisit"]] = relationship(
        back_populates="company", cascade="all, delete-orphan", order_by="CompanyVisit.id"
    )
    postings: Mapped[list["Posting"]] = relationship(back_populates="company")


class CompanyVisit(Base):
    """One entry of the visit log: who went, what they saw, what they decided."""

    __tablename__ = "company_visits"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    company_id: Mapped[int] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), index=True
    )
    visited_on: Mapped[date | None] = mapped_column(Date)
    visitor: Mapped[str | None] = mapped_column(String(100))
    notes: Mapped[str | None] = mapped_column(Text)
    verdict: Mapped[Vetting] = mapped_column(_enum(Vetting))
    recorded_at: Mapped[datetime] = mapped_column(default=_utcnow, server_default=func.now())

    company: Mapped[Company] = relationship(back_populates="visits")


class Posting(Base):
    """A job posting with its fields kept as the company wrote them; matching parses them."""

    __tablename__ = "postings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    external_id: Mapped[str] = mapped_column(String(64), unique=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    region: Mapped[str] = mapped_column(String(200))
    salary: Mapped[str] = mapped_column(String(200))
    employment_type: Mapped[str] = mapped_column(String(100))
    experience: Mapped[str] = mapped_column(String(200))
    age: Mapped[str] = mapped_column(String(200))
    certificates: Mapped[list[str]] = mapped_column(JSON)
    description: Mapped[str] = mapped_column(Text)
    deadline: Mapped[date | None] = mapped_column(Date)
    start: Mapped[str] = mapped_column(String(100))
    headcount: Mapped[int | None]
    closed_at: Mapped[datetime | None]
    matched_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=_utcnow, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        default=_utcnow, onupdate=_utcnow, server_default=func.now()
    )

    company: Mapped[Company] = relationship(back_populates="postings")


class _PersonAndPosting:
    """A person and a posting, recorded once: the shape of "seen" and "not interested"."""

    @declared_attr.directive
    def __table_args__(cls) -> tuple[UniqueConstraint]:
        return (UniqueConstraint("user_id", "posting_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    posting_id: Mapped[int] = mapped_column(ForeignKey("postings.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(default=_utcnow, server_default=func.now())


class AlertedPosting(_PersonAndPosting, Base):
    """A posting a person has been shown (pushed or browsed): never pushed to them again."""

    __tablename__ = "alerted_postings"


class Application(Base):
    """A senior's progress with one posting, starting when they press "관심 있어요"."""

    __tablename__ = "applications"
    __table_args__ = (UniqueConstraint("user_id", "posting_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    posting_id: Mapped[int] = mapped_column(ForeignKey("postings.id", ondelete="CASCADE"))
    status: Mapped[ApplicationStatus] = mapped_column(_enum(ApplicationStatus))
    created_at: Mapped[datetime] = mapped_column(default=_utcnow, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        default=_utcnow, onupdate=_utcnow, server_default=func.now()
    )


class Dismissal(_PersonAndPosting, Base):
    """ "관심 없어요": this posting is hidden and similar ones rank lower for this person."""

    __tablename__ = "dismissals"


class SlotStatus(StrEnum):
    OPEN = "open"
    BOOKED = "booked"
    BLOCKED = "blocked"
    REMOVED = "removed"


class BookingStatus(StrEnum):
    BOOKED = "booked"
    CANCELLED = "cancelled"
    DONE = "done"
    NO_SHOW = "no_show"


class CoachInvite(Base):
    """A one-time code an admin hands to a new coach (or, with role admin, a new admin)."""

    __tablename__ = "coach_invites"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    role: Mapped[Role] = mapped_column(
        _enum(Role), default=Role.COACH, server_default=Role.COACH.value
    )
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    used_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    used_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=_utcnow, server_default=func.now())


class Coach(Base):
    __tablename__ = "coaches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    name: Mapped[str] = mapped_column(String(40))
    specialties: Mapped[list[str]] = mapped_column(JSON)
    introduction: Mapped[str] = mapped_column(Text)
    how: Mapped[str] = mapped_column(String(200))
    is_active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=_utcnow, server_default=func.now())

    user: Mapped[User] = relationship()


class CoachSlot(Base):
    """One bookable session; its status is what a booking claims, atomically."""

    __tablename__ = "coach_slots"
    __table_args__ = (UniqueConstraint("coach_id", "starts_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    coach_id: Mapped[int] = mapped_column(ForeignKey("coaches.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime] = mapped_column(index=True)
    ends_at: Mapped[datetime]
    status: Mapped[SlotStatus] = mapped_column(_enum(SlotStatus), default=SlotStatus.OPEN)
    created_at: Mapped[datetime] = mapped_column(default=_utcnow, server_default=func.now())

    coach: Mapped[Coach] = relationship()


class Booking(Base):
    """A senior's coaching session; at most one live booking per slot, by a unique index."""

    __tablename__ = "bookings"
    __table_args__ = (
        Index(
            "uq_bookings_live_slot",
            "slot_id",
            unique=True,
            sqlite_where=text("status = 'booked'"),
            postgresql_where=text("status = 'booked'"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slot_id: Mapped[int] = mapped_column(ForeignKey("coach_slots.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    posting_id: Mapped[int | None] = mapped_column(ForeignKey("postings.id", ondelete="SET NULL"))
    status: Mapped[BookingStatus] = mapped_column(
        _enum(BookingStatus), default=BookingStatus.BOOKED
    )
    cancel_reason: Mapped[str | None] = mapped_column(String(300))
    coach_notes: Mapped[str | None] = mapped_column(Text)
    rating: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(default=_utcnow, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        default=_utcnow, onupdate=_utcnow, server_default=func.now()
    )

    slot: Mapped[CoachSlot] = relationship()
    user: Mapped[User] = relationship()


class OutboxStatus(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    BLOCKED = "blocked"
    CANCELLED = "cancelled"


class OutboxMessage(Base):
    """A message the bot will push by itself (alert, digest, reminder, notice, broadcast).

    Scheduler ticks only insert rows; one dispatcher sends them. The unique dedupe key
    is what makes "never twice" hold across restarts and concurrent ticks.
    """

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    dedupe_key: Mapped[str] = mapped_column(String(200), unique=True)
    status: Mapped[OutboxStatus] = mapped_column(
        _enum(OutboxStatus), default=OutboxStatus.PENDING, index=True
    )
    attempts: Mapped[int] = mapped_column(default=0)
    not_before: Mapped[datetime] = mapped_column(index=True)
    claimed_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(String(300))
    broadcast_id: Mapped[int | None] = mapped_column(
        ForeignKey("broadcasts.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=_utcnow, server_default=func.now())

    user: Mapped[User] = relationship()


class DialogState(Base):
    """Where a person is in a persistent conversation, so a restart resumes mid-question."""

    __tablename__ = "dialog_states"

    conversation: Mapped[str] = mapped_column(String(64), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    state: Mapped[int]


class DialogData(Base):
    """Small per-person scratch data of a conversation (pending choices, retry counts)."""

    __tablename__ = "dialog_data"

    telegram_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class StoryStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class StoryOutcome(StrEnum):
    HIRED = "hired"
    NOT_HIRED = "not_hired"
    WAITING = "waiting"


class Story(Base):
    """A hired (or interviewed) senior's account of an interview, shown to peers once approved.

    Fields are kept as written; personal data is masked whenever a story is shown, so an
    admin's edit or a better masking rule applies to every story already stored.
    """

    __tablename__ = "stories"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    external_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    job: Mapped[str] = mapped_column(String(100))
    industry: Mapped[str] = mapped_column(String(100))
    company: Mapped[str | None] = mapped_column(String(100))
    company_size: Mapped[str | None] = mapped_column(String(50))
    company_public: Mapped[bool] = mapped_column(default=False)
    interview_format: Mapped[str] = mapped_column(String(20))
    questions: Mapped[str] = mapped_column(Text)
    what_helped: Mapped[str] = mapped_column(Text)
    would_change: Mapped[str | None] = mapped_column(Text)
    advice: Mapped[str] = mapped_column(Text)
    outcome: Mapped[StoryOutcome] = mapped_column(_enum(StoryOutcome))
    author_career: Mapped[str | None] = mapped_column(String(100))
    age_band: Mapped[str | None] = mapped_column(String(20))
    author_names: Mapped[list[str]] = mapped_column(JSON, default=list)
    status: Mapped[StoryStatus] = mapped_column(
        _enum(StoryStatus), default=StoryStatus.PENDING, index=True
    )
    reviewed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reviewed_at: Mapped[datetime | None]
    helpful_count: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=_utcnow, server_default=func.now())


class StoryFeedback(Base):
    """ "도움이 됐어요", counted once per senior and story."""

    __tablename__ = "story_feedback"
    __table_args__ = (UniqueConstraint("user_id", "story_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(default=_utcnow, server_default=func.now())


class TipDelivery(Base):
    """A tip pushed to a senior unasked: never the same one twice, at most one a day."""

    __tablename__ = "tip_deliveries"
    __table_args__ = (UniqueConstraint("user_id", "story_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"))
    sent_on: Mapped[date] = mapped_column(Date)
    moment: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(default=_utcnow, server_default=func.now())


class AuditEntry(Base):
    """Who did what, and when: every admin action that changes what others see or receive."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(40), index=True)
    target: Mapped[str] = mapped_column(String(200))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=_utcnow, server_default=func.now())


class Broadcast(Base):
    """An announcement to everyone or a segment; its messages are outbox rows that name it."""

    __tablename__ = "broadcasts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)
    photo: Mapped[str | None] = mapped_column(String(300))
    audience: Mapped[dict[str, Any]] = mapped_column(JSON)
    audience_label: Mapped[str] = mapped_column(String(200))
    urgent: Mapped[bool] = mapped_column(default=False)
    cancelled_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=_utcnow, server_default=func.now())


class ChannelAccount(Base):
    """A person on a channel other than Telegram, and the chat id our handlers know them by.

    Handlers key everyone by a chat id (`users.telegram_id`). A KakaoTalk user key gets a
    negative chat id of its own, which no Telegram private chat can have, so the same
    handlers, tables and outbox serve both channels.
    """

    __tablename__ = "channel_accounts"
    __table_args__ = (UniqueConstraint("channel", "external_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(16))
    external_key: Mapped[str] = mapped_column(String(200))
    chat_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    # What the chat's last answer left for the next request (KakaoTalk has no memory of
    # its own): the reply keyboard in force and the messages waiting for "더 보기".
    screen: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=_utcnow, server_default=func.now())


class ChannelPush(Base):
    """A message pushed to a KakaoTalk chat, kept until Kakao's event block asks to show it.

    Kakao's Event API only triggers a block; the block calls our skill server, which
    renders this payload (buttons included) for the person it was for.
    """

    __tablename__ = "channel_pushes"
    __table_args__ = (Index("ix_channel_pushes_announcement_chat", "announcement", "chat_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, index=True)
    # The event parameter Kakao hands back: one announcement covers every message stored
    # for up to 100 people in one Event API request, each seeing only their own.
    announcement: Mapped[str] = mapped_column(String(32))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=_utcnow, server_default=func.now())


class ChannelLinkCode(Base):
    """A one-time code that joins a KakaoTalk account to a person who started on Telegram."""

    __tablename__ = "channel_link_codes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    used_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=_utcnow, server_default=func.now())


class SendPacing(Base):
    """When a channel's next message may go, shared by every process that sends on it.

    Each send takes the next free moment and moves it on by the channel's interval, in one
    UPDATE, so any number of dispatchers together stay within one rate. Times are seconds
    since the epoch: the processes' clocks are all that is compared.
    """

    __tablename__ = "send_pacing"

    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    next_free: Mapped[float] = mapped_column(Float)


class Programme(Base):
    """A programme a centre runs, such as the Seoul 50+ Foundation's internship cohorts:
    who may apply and when, what the participants do, and what it pays.

    `residence` holds region keys (`matching.regions`); empty means anyone may apply."""

    __tablename__ = "programmes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    external_id: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    organiser: Mapped[str] = mapped_column(String(200))
    partners: Mapped[list[str]] = mapped_column(JSON)
    age_min: Mapped[int | None]
    age_max: Mapped[int | None]
    residence: Mapped[list[str]] = mapped_column(JSON)
    places: Mapped[int]
    apply_from: Mapped[date]
    apply_until: Mapped[date]
    active_from: Mapped[date]
    active_until: Mapped[date]
    training_hours: Mapped[int | None]
    monthly_hour_cap: Mapped[int | None]
    monthly_allowance: Mapped[int | None] = mapped_column(BigInteger)
    """Won for a month at the hour cap."""
    description: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=_utcnow, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        default=_utcnow, onupdate=_utcnow, server_default=func.now()
    )


class ProgrammeApplication(Base):
    """A senior's application to a programme: their profile is the application."""

    __tablename__ = "programme_applications"
    __table_args__ = (UniqueConstraint("programme_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programmes.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    status: Mapped[ProgrammeStatus] = mapped_column(_enum(ProgrammeStatus))
    created_at: Mapped[datetime] = mapped_column(default=_utcnow, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        default=_utcnow, onupdate=_utcnow, server_default=func.now()
    )
