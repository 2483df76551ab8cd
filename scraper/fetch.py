"""Pages fetched politely: robots.txt honoured, a delay per host, bounded retries and sizes."""

from __future__ import annotations

import os
import re
import ssl
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from functools import cache
from http import HTTPStatus

import httpx
from protego import Protego

from newsclaims import __version__
from scraper.data import fetch_settings as defaults
from scraper.decode import InputError, too_large

# What a User-Agent comment may hold (RFC 9110, 5.6.5): printable ASCII but for the
# parentheses and backslash that would end or escape it.
CONTACT_TEXT = re.compile(r"[\x20-\x27\x2a-\x5b\x5d-\x7e]+")


def contact_from_environment() -> str | None:
    return os.environ.get(defaults.CONTACT_VARIABLE) or None


def checked_contact(contact: str | None) -> str | None:
    """The contact stripped, or None if empty; ValueError if a header cannot carry it."""
    contact = (contact or "").strip()
    if contact and not CONTACT_TEXT.fullmatch(contact):
        raise ValueError(
            f"contact {contact!r} cannot go in a User-Agent: use printable ASCII "
            "without parentheses or backslashes, e.g. an email address or a URL"
        )
    return contact or None


def user_agent_for(contact: str | None) -> str:
    """The User-Agent: newsclaims/<version>, then whom to reach about it in parentheses."""
    product = f"{defaults.AGENT_TOKEN}/{__version__}"
    return f"{product} ({contact})" if contact else product


@dataclass(frozen=True)
class FetchSettings:
    """Limits and politeness for one run; tests shrink the delays to zero."""

    # whom site operators can reach about our requests; by default $NEWSCLAIMS_CONTACT
    contact: str | None = field(default_factory=contact_from_environment)
    timeout: float = defaults.TIMEOUT_SECONDS
    max_bytes: int = defaults.MAX_PAGE_BYTES
    host_delay: float = defaults.HOST_DELAY_SECONDS
    max_host_delay: float = defaults.MAX_HOST_DELAY_SECONDS
    retries: int = defaults.RETRIES
    backoff: float = defaults.BACKOFF_SECONDS
    max_retry_wait: float = defaults.MAX_RETRY_WAIT_SECONDS
    max_redirects: int = defaults.MAX_REDIRECTS

    def __post_init__(self) -> None:
        object.__setattr__(self, "contact", checked_contact(self.contact))

    @property
    def user_agent(self) -> str:
        return user_agent_for(self.contact)


@dataclass(frozen=True)
class FetchedPage:
    """A page's bytes as the server sent them, after redirects."""

    url: str  # the final URL, after redirects
    body: bytes
    content_type: str | None


# A robots.txt that could not be had: allow or refuse everything (RFC 9309, 2.3.1).
ALLOW_ALL = Protego.parse("")
DISALLOW_ALL = Protego.parse("User-agent: *\nDisallow: /\n")


class Fetcher:
    """Fetches pages one at a time, keeping robots.txt and the last request time per host.

    ``sleep`` and ``clock`` are injectable so that tests check the waits without waiting.
    """

    def __init__(
        self,
        settings: FetchSettings | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings or FetchSettings()
        self.sleep = sleep
        self.clock = clock
        self.client = httpx.Client(
            headers={"User-Agent": self.settings.user_agent, "Accept": defaults.ACCEPT},
            timeout=self.settings.timeout,
            follow_redirects=False,  # followed by hand, so every hop is checked against robots.txt
            verify=tls_context(),
        )
        self.robots: dict[str, Protego] = {}
        self.last_request: dict[str, float] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str) -> FetchedPage:
        """The page at url, following redirects; InputError with the reason when it fails."""
        try:
            target = httpx.URL(url)
        except httpx.InvalidURL as error:
            raise InputError(f"invalid URL ({error})") from None
        if not target.host:
            raise InputError("invalid URL (no host)")
        for _ in range(self.settings.max_redirects + 1):
            if not self.rules_for(target).can_fetch(str(target), defaults.AGENT_TOKEN):
                raise InputError(f"disallowed by robots.txt at {robots_url(target)}")
            page, next_url = self.fetch_once(target)
            if page is not None:
                return page
            target = next_url
        raise InputError(f"too many redirects (more than {self.settings.max_redirects})")

    def fetch_once(self, url: httpx.URL) -> tuple[FetchedPage | None, httpx.URL | None]:
        """One URL, retried on 429/5xx: the page, or the URL it redirects to."""
        for attempt in range(self.settings.retries + 1):
            with self.request(url) as response:
                if response.is_redirect and response.next_request is not None:
                    return None, response.next_request.url
                if response.is_success:
                    body = self.read_capped(response, self.settings.max_bytes)
                    content_type = response.headers.get("content-type")
                    return FetchedPage(str(response.url), body, content_type), None
                status = status_line(response.status_code)
                if response.status_code not in defaults.RETRY_STATUSES:
                    raise InputError(status)
                wait = self.retry_wait(response, attempt)
                if wait > self.settings.max_retry_wait:
                    raise InputError(f"{status} (asked to wait {wait:.0f} s: too long)")
            if attempt < self.settings.retries:
                self.sleep(wait)
        raise InputError(f"{status} after {self.settings.retries + 1} attempts")

    @contextmanager
    def request(self, url: httpx.URL) -> Iterator[httpx.Response]:
        """A streamed GET, after the host's delay; transport failures as InputError."""
        self.wait_for_host(url)
        try:
            with self.client.stream("GET", url) as response:
                yield response
        except httpx.HTTPError as error:
            raise transport_error(error, self.settings.timeout) from None
        finally:
            self.last_request[url.netloc.decode()] = self.clock()

    def wait_for_host(self, url: httpx.URL) -> None:
        host = url.netloc.decode()
        last = self.last_request.get(host)
        if last is None:
            return
        delay = self.settings.host_delay
        rules = self.robots.get(robots_key(url))
        crawl_delay = rules.crawl_delay(defaults.AGENT_TOKEN) if rules else None
        if crawl_delay:
            delay = max(delay, min(float(crawl_delay), self.settings.max_host_delay))
        wait = last + delay - self.clock()
        if wait > 0:
            self.sleep(wait)

    def read_capped(self, response: httpx.Response, max_bytes: int) -> bytes:
        """The body, refused as soon as it passes max_bytes or the download takes too long."""
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise too_large(max_bytes, int(declared))
        started = self.clock()
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise too_large(max_bytes)
            if self.clock() - started > self.settings.timeout:
                raise InputError(f"timed out after {self.settings.timeout:g} s")
            chunks.append(chunk)
        return b"".join(chunks)

    def retry_wait(self, response: httpx.Response, attempt: int) -> float:
        """Seconds before the next attempt: the server's Retry-After, else exponential back-off."""
        retry_after = seconds_of_retry_after(response.headers.get("retry-after"))
        if retry_after is not None:
            return retry_after
        return self.settings.backoff * 2**attempt

    def rules_for(self, url: httpx.URL) -> Protego:
        """The host's robots.txt rules, fetched once per scheme, host and port."""
        key = robots_key(url)
        if key not in self.robots:
            self.robots[key] = self.fetch_robots(httpx.URL(robots_url(url)))
        return self.robots[key]

    def fetch_robots(self, url: httpx.URL) -> Protego:
        """RFC 9309: 4xx allows everything, 5xx refuses everything; unreachable allows too."""
        for _ in range(self.settings.max_redirects + 1):
            try:
                with self.request(url) as response:
                    if response.is_redirect and response.next_request is not None:
                        url = response.next_request.url
                        continue
                    if response.status_code >= 500:
                        return DISALLOW_ALL
                    if not response.is_success:
                        return ALLOW_ALL
                    body = self.read_capped(response, defaults.MAX_ROBOTS_BYTES)
                    return Protego.parse(body.decode("utf-8", errors="replace"))
            except InputError:
                return ALLOW_ALL
        return ALLOW_ALL


@cache
def tls_context() -> ssl.SSLContext:
    """One TLS context for every client: loading the CA certificates takes a quarter second."""
    return httpx.create_ssl_context()


def transport_error(error: httpx.HTTPError, timeout: float) -> InputError:
    if isinstance(error, httpx.TimeoutException):
        return InputError(f"timed out after {timeout:g} s")
    if isinstance(error, httpx.ConnectError):
        return InputError(f"cannot connect ({error})")
    if isinstance(error, httpx.UnsupportedProtocol):
        return InputError(f"unsupported URL ({error})")
    return InputError(f"download failed ({type(error).__name__}: {error})")


def status_line(code: int) -> str:
    try:
        return f"HTTP {code} {HTTPStatus(code).phrase}"
    except ValueError:
        return f"HTTP {code}"


def seconds_of_retry_after(value: str | None) -> float | None:
    """Retry-After as seconds: either a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - time.time())


def robots_key(url: httpx.URL) -> str:
    return f"{url.scheme}://{url.netloc.decode()}"


def robots_url(url: httpx.URL) -> str:
    return f"{robots_key(url)}/robots.txt"
