"""Pushes to KakaoTalk users through Kakao i Open Builder's Event API.

On KakaoTalk a chatbot may not simply write to a person: a message the bot starts by
itself (an alert, a reminder, a broadcast) is an *event*. We ask Kakao to fire a named
event block for some users; Open Builder then calls our skill server with the event's
`params`, and the skill server renders the message like any other answer. So a push only
carries a small id in `params`, and this module never sees what the senior will read.

    POST {api_base}/v2/bots/{bot_id}/talk        Authorization: KakaoAK {REST API key}
    {"event": {"name": …}, "user": [{"type": "botUserKey", "id": …}, …], "params": {…}}
    → {"taskId": …, "status": "SUCCESS" | "FAIL" | "ERROR", "message": …, "timestamp": …}

Kakao documents at most 100 users per request and no user twice in one, so keys are
de-duplicated and sent in groups of 100, one request after the other. "SUCCESS" means
Kakao accepted the task, not that every phone rang: a key Kakao cannot resolve (someone
who left the channel) is accepted too and only counted later, in the task's result. That
is why each accepted key keeps its taskId, for looking it up by hand.

Where the documentation is silent (error bodies, rate limits), the choices are defensive,
and every one of them is made in `_verdict` and `_stops_the_rest`:

- HTTP 429 waits for Retry-After (seconds or an HTTP date), or a minute without it;
- HTTP 5xx or 408, a timeout, a refused or dropped connection: Kakao is unavailable, retry;
- any other 4xx is our mistake (401/403 a wrong key, 404 a wrong bot id, 400 a malformed
  request): rejected, for a person to fix; retrying would only repeat it;
- "FAIL" is rejected too, never read as "these users are gone": its usual causes are
  ours (event name not set in Open Builder, bot not deployed, no wallet), and marking a
  whole audience inactive because a wallet ran dry would be far worse than a lost alert;
- "ERROR" is a failure on Kakao's side: unavailable, retry;
- a 2xx answer we cannot read is unavailable: we cannot tell whether Kakao accepted it,
  the dispatcher's attempt limit bounds the retries, and the skill server can answer an
  event for an id it already rendered with nothing.
"""

import email.utils
import json
import logging
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Self
from urllib.parse import quote

import httpx

logger = logging.getLogger(__name__)

MAX_USERS_PER_REQUEST = 100
DEFAULT_RETRY_AFTER = 60.0
LONGEST_RETRY_AFTER = 3600.0
_MESSAGE_LIMIT = 300


@dataclass(frozen=True, kw_only=True)
class KakaoEventConfig:
    """Where and as whom to push; the key is kept out of repr so it never lands in a log."""

    api_base: str = "https://bot-api.kakao.com"
    bot_id: str
    rest_api_key: str = field(repr=False)
    event_name: str
    timeout: float = 10.0


class KakaoEventError(Exception):
    """Why Kakao did not take a push; `task_id` when Kakao named one, for its support desk."""

    def __init__(self, message: str, *, task_id: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.task_id = task_id


class KakaoRateLimited(KakaoEventError):
    """Kakao answered 429: send it nothing for `retry_after` seconds."""

    def __init__(
        self, retry_after: float, message: str = "rate limited", *, task_id: str | None = None
    ) -> None:
        super().__init__(message, task_id=task_id)
        self.retry_after = retry_after


class KakaoUnavailable(KakaoEventError):
    """Kakao could not be reached, or failed on its side: the same push may work later."""


class KakaoRejected(KakaoEventError):
    """Kakao refused the request as we made it: a person must fix the setup or the code.

    `status_code` is the HTTP status, or None when Kakao answered 200 with "FAIL".
    """

    def __init__(
        self, message: str, *, status_code: int | None = None, task_id: str | None = None
    ) -> None:
        super().__init__(message, task_id=task_id)
        self.status_code = status_code


@dataclass(frozen=True)
class PushResult:
    """What became of every (de-duplicated) key of one `push`.

    `succeeded` maps a key to the taskId of the request Kakao accepted it in; `failed`
    maps a key to the reason, the same error object for all keys of one request.
    """

    succeeded: Mapping[str, str]
    failed: Mapping[str, KakaoEventError]


class KakaoEventSender:
    """Sends Event API requests over one HTTP client, kept open between pushes.

    Pass a client to share one (it is then the caller's to close); otherwise the sender
    makes its own and closes it in `aclose`, or at the end of `async with`.
    """

    def __init__(self, config: KakaoEventConfig, client: httpx.AsyncClient | None = None) -> None:
        self._config = config
        self._owns_client = client is None
        self._client = httpx.AsyncClient() if client is None else client
        # A development channel's bot id ends in "!", which must reach Kakao as it is.
        bot = quote(config.bot_id, safe="!")
        self._url = f"{config.api_base.rstrip('/')}/v2/bots/{bot}/talk"
        self._headers = {
            "Authorization": f"KakaoAK {config.rest_api_key}",
            "Content-Type": "application/json; charset=utf-8",
        }

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the HTTP client if this sender made it."""
        if self._owns_client:
            await self._client.aclose()

    async def push(self, user_keys: Sequence[str], params: Mapping[str, str]) -> PushResult:
        """Fire the configured event for these users (botUserKeys), 100 per request.

        Never raises for what Kakao or the network did: every key ends up in `succeeded`
        or in `failed`, so a caller never resends to people Kakao already accepted.
        """
        keys = list(dict.fromkeys(user_keys))
        succeeded: dict[str, str] = {}
        failed: dict[str, KakaoEventError] = {}
        for start in range(0, len(keys), MAX_USERS_PER_REQUEST):
            group = keys[start : start + MAX_USERS_PER_REQUEST]
            outcome = await self._send(group, params)
            if isinstance(outcome, str):
                succeeded.update(dict.fromkeys(group, outcome))
                continue
            failed.update(dict.fromkeys(group, outcome))
            rest = keys[start + MAX_USERS_PER_REQUEST :]
            if rest and _stops_the_rest(outcome):
                failed.update(dict.fromkeys(rest, outcome))
                logger.warning("Kakao event: %d more users not tried after that", len(rest))
                break
        return PushResult(succeeded, failed)

    async def _send(self, keys: list[str], params: Mapping[str, str]) -> str | KakaoEventError:
        """One request: the taskId Kakao accepted it under, or why it did not."""
        body: dict[str, Any] = {
            "event": {"name": self._config.event_name},
            "user": [{"type": "botUserKey", "id": key} for key in keys],
        }
        if params:
            body["params"] = dict(params)
        try:
            response = await self._client.post(
                self._url,
                content=json.dumps(body, ensure_ascii=False).encode(),
                headers=self._headers,
                timeout=self._config.timeout,
            )
        except httpx.TransportError as error:
            outcome: str | KakaoEventError = KakaoUnavailable(
                self._redacted(f"{type(error).__name__}: {error}")
            )
        else:
            outcome = self._verdict(response)
        if isinstance(outcome, KakaoEventError):
            level = logging.ERROR if isinstance(outcome, KakaoRejected) else logging.WARNING
            logger.log(
                level,
                "Kakao event %r to %d users failed (%s, task %s): %s",
                self._config.event_name,
                len(keys),
                type(outcome).__name__,
                outcome.task_id,
                outcome.message,
            )
        return outcome

    def _verdict(self, response: httpx.Response) -> str | KakaoEventError:
        """Kakao's answer as a taskId (accepted) or an error (see the module docstring)."""
        answer = _json_object(response)
        task = answer.get("taskId")
        task_id = task if isinstance(task, str) else None
        message = self._redacted(_message(answer, response))
        code = response.status_code
        if code == httpx.codes.TOO_MANY_REQUESTS:
            wait = _retry_after(response.headers.get("Retry-After"))
            return KakaoRateLimited(wait, f"HTTP 429: {message}", task_id=task_id)
        if code == httpx.codes.REQUEST_TIMEOUT or code >= httpx.codes.INTERNAL_SERVER_ERROR:
            return KakaoUnavailable(f"HTTP {code}: {message}", task_id=task_id)
        if not response.is_success:
            return KakaoRejected(f"HTTP {code}: {message}", status_code=code, task_id=task_id)
        status = answer.get("status")
        if status == "SUCCESS":
            return task_id or ""
        if status == "FAIL":
            return KakaoRejected(f"FAIL: {message}", task_id=task_id)
        if status == "ERROR":
            return KakaoUnavailable(f"ERROR: {message}", task_id=task_id)
        return KakaoUnavailable(f"answer not understood (HTTP {code}): {message}")

    def _redacted(self, text: str) -> str:
        """Text from Kakao or httpx, with the API key masked should it ever be echoed."""
        key = self._config.rest_api_key
        return text.replace(key, "***") if key else text


def _stops_the_rest(error: KakaoEventError) -> bool:
    """Would every following request fail the same way, so that sending them only hurts?

    A rate limit or an outage concerns all requests, and so does a refused key; a
    malformed request or a "FAIL" may be about this group's users, so the next is tried.
    """
    if isinstance(error, KakaoRejected):
        return error.status_code in (httpx.codes.UNAUTHORIZED, httpx.codes.FORBIDDEN)
    return isinstance(error, KakaoRateLimited | KakaoUnavailable)


def _json_object(response: httpx.Response) -> dict[str, Any]:
    """The answer's JSON object, or {} when it is not one (HTML error pages, empty bodies)."""
    try:
        answer = response.json()
    except ValueError:
        return {}
    return answer if isinstance(answer, dict) else {}


def _message(answer: Mapping[str, Any], response: httpx.Response) -> str:
    """Kakao's own words, or the start of the body, so a log line shows what came back.

    The Event API answers with "message"; Kakao's other REST APIs report errors as "msg".
    """
    for name in ("message", "msg"):
        value = answer.get(name)
        if isinstance(value, str) and value:
            return value[:_MESSAGE_LIMIT]
    text = response.text.strip()
    return text[:_MESSAGE_LIMIT] if text else "(no message)"


def _retry_after(value: str | None) -> float:
    """Seconds to wait: Retry-After is a number of seconds or an HTTP date (RFC 9110).

    Missing or unreadable means a minute; more than an hour is cut to an hour, so one
    odd header cannot silence every alert for days.
    """
    if value is None:
        return DEFAULT_RETRY_AFTER
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return DEFAULT_RETRY_AFTER
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - datetime.now(UTC)).total_seconds()
    if not math.isfinite(seconds):
        return DEFAULT_RETRY_AFTER
    return min(max(seconds, 0.0), LONGEST_RETRY_AFTER)
