"""Fetching URLs politely, against a local server the tests script (see conftest.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from conftest import Reply

from scraper.decode import InputError
from scraper.fetch import Fetcher, FetchSettings, seconds_of_retry_after

PAGE = b"<html><body><p>A page.</p></body></html>"
HTML = {"Content-Type": "text/html; charset=utf-8"}


class Waits:
    """Stands in for time.sleep and time.monotonic: records waits, and lets time pass."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 3))
        self.now += seconds

    def clock(self) -> float:
        return self.now


@pytest.fixture
def waits():
    return Waits()


def fetcher_for(waits: Waits, **settings) -> Fetcher:
    quick = {"host_delay": 0.0, "backoff": 0.25, "timeout": 2.0} | settings
    return Fetcher(FetchSettings(**quick), sleep=waits.sleep, clock=waits.clock)


def test_pages_are_asked_for_as_html_first(server, waits):
    url = server.serve("/story", Reply(200, PAGE, HTML))
    with fetcher_for(waits) as fetcher:
        fetcher.fetch(url)
    assert server.requests[-1][1]["Accept"].startswith("text/html,")


def test_page_body_and_content_type_are_returned(server, waits):
    url = server.serve("/story", Reply(200, PAGE, HTML))
    with fetcher_for(waits) as fetcher:
        page = fetcher.fetch(url)
    assert (page.url, page.body, page.content_type) == (url, PAGE, HTML["Content-Type"])


def test_robots_txt_refusal_stops_the_fetch(server, waits):
    server.serve("/robots.txt", Reply(200, b"User-agent: *\nDisallow: /private/\n"))
    url = server.serve("/private/story", Reply(200, PAGE, HTML))
    with fetcher_for(waits) as fetcher, pytest.raises(InputError) as refused:
        fetcher.fetch(url)
    assert str(refused.value) == f"disallowed by robots.txt at {server.base}/robots.txt"
    assert server.paths_requested() == ["/robots.txt"]


def test_robots_txt_rules_for_other_agents_do_not_apply(server, waits):
    server.serve("/robots.txt", Reply(200, b"User-agent: otherbot\nDisallow: /\n"))
    url = server.serve("/story", Reply(200, PAGE, HTML))
    with fetcher_for(waits) as fetcher:
        assert fetcher.fetch(url).body == PAGE


def test_robots_txt_is_fetched_once_per_host(server, waits):
    server.serve("/robots.txt", Reply(200, b"User-agent: *\nAllow: /\n"))
    first = server.serve("/one", Reply(200, PAGE, HTML))
    second = server.serve("/two", Reply(200, PAGE, HTML))
    with fetcher_for(waits) as fetcher:
        fetcher.fetch(first)
        fetcher.fetch(second)
    assert server.paths_requested() == ["/robots.txt", "/one", "/two"]


@pytest.mark.parametrize(
    "robots, allowed",
    [
        (Reply(404, b"gone"), True),  # RFC 9309: 4xx means no rules
        (Reply(503, b"down"), False),  # 5xx means assume everything is disallowed
        (Reply(drop=True), True),  # unreachable: treated as no rules
    ],
    ids=["4xx-allows", "5xx-disallows", "unreachable-allows"],
)
def test_robots_txt_that_cannot_be_had(server, waits, robots, allowed):
    server.serve("/robots.txt", robots)
    url = server.serve("/story", Reply(200, PAGE, HTML))
    with fetcher_for(waits, retries=0) as fetcher:
        if allowed:
            assert fetcher.fetch(url).body == PAGE
        else:
            with pytest.raises(InputError, match="disallowed by robots.txt"):
                fetcher.fetch(url)


def test_redirect_is_followed_and_the_final_url_kept(server, waits):
    old = server.serve("/old", Reply(301, b"", {"Location": "/new"}))
    new = server.serve("/new", Reply(200, PAGE, HTML))
    with fetcher_for(waits) as fetcher:
        page = fetcher.fetch(old)
    assert page.url == new
    assert page.body == PAGE


def test_redirect_into_a_disallowed_path_is_refused(server, waits):
    server.serve("/robots.txt", Reply(200, b"User-agent: *\nDisallow: /members/\n"))
    old = server.serve("/old", Reply(302, b"", {"Location": "/members/story"}))
    server.serve("/members/story", Reply(200, PAGE, HTML))
    with fetcher_for(waits) as fetcher, pytest.raises(InputError, match="robots.txt"):
        fetcher.fetch(old)
    assert "/members/story" not in server.paths_requested()


def test_endless_redirects_give_up(server, waits):
    loop = server.serve("/loop", Reply(302, b"", {"Location": "/loop"}))
    with fetcher_for(waits, max_redirects=3) as fetcher, pytest.raises(InputError) as failed:
        fetcher.fetch(loop)
    assert str(failed.value) == "too many redirects (more than 3)"


def test_429_then_success_waits_as_retry_after_asks(server, waits):
    url = server.serve(
        "/busy", Reply(429, b"slow down", {"Retry-After": "2"}), Reply(200, PAGE, HTML)
    )
    with fetcher_for(waits) as fetcher:
        assert fetcher.fetch(url).body == PAGE
    assert waits.slept == [2.0]
    assert server.paths_requested().count("/busy") == 2


def test_5xx_is_retried_with_exponential_back_off_then_reported(server, waits):
    url = server.serve("/broken", Reply(503, b"down"))
    with fetcher_for(waits, retries=3) as fetcher, pytest.raises(InputError) as failed:
        fetcher.fetch(url)
    assert str(failed.value) == "HTTP 503 Service Unavailable after 4 attempts"
    assert waits.slept == [0.25, 0.5, 1.0]


def test_retry_after_longer_than_the_limit_gives_up_at_once(server, waits):
    url = server.serve("/busy", Reply(429, b"", {"Retry-After": "3600"}))
    with fetcher_for(waits, max_retry_wait=30) as fetcher, pytest.raises(InputError) as failed:
        fetcher.fetch(url)
    assert str(failed.value) == "HTTP 429 Too Many Requests (asked to wait 3600 s: too long)"
    assert waits.slept == []


def test_404_is_reported_without_retrying(server, waits):
    url = server.serve("/missing", Reply(404, b"not found"))
    with fetcher_for(waits) as fetcher, pytest.raises(InputError) as failed:
        fetcher.fetch(url)
    assert str(failed.value) == "HTTP 404 Not Found"
    assert server.paths_requested().count("/missing") == 1


def test_a_server_that_does_not_answer_in_time_times_out(server, waits):
    url = server.serve("/slow", Reply(200, PAGE, HTML, pause=0.5))
    with fetcher_for(waits, timeout=0.1) as fetcher, pytest.raises(InputError) as failed:
        fetcher.fetch(url)
    assert str(failed.value) == "timed out after 0.1 s"


def test_oversized_page_is_refused_by_its_content_length(server, waits):
    url = server.serve("/big", Reply(200, b"x" * 5000, HTML))
    with fetcher_for(waits, max_bytes=1000) as fetcher, pytest.raises(InputError) as failed:
        fetcher.fetch(url)
    assert str(failed.value).startswith("too large: ")


def test_oversized_page_without_content_length_is_cut_off_while_streaming(server, waits):
    url = server.serve("/big", Reply(200, b"x" * 50_000, {"Content-Length": None, **HTML}))
    with fetcher_for(waits, max_bytes=1000) as fetcher, pytest.raises(InputError) as failed:
        fetcher.fetch(url)
    assert str(failed.value) == "too large: more than the 1000 bytes limit"


def test_connection_refused_is_reported(waits, dead_url):
    with fetcher_for(waits) as fetcher, pytest.raises(InputError) as failed:
        fetcher.fetch(dead_url)
    assert str(failed.value).startswith("cannot connect (")


@pytest.mark.parametrize(
    "robots, host_delay, waited",
    [
        (b"User-agent: *\nAllow: /\n", 1.5, 1.5),
        (b"User-agent: *\nCrawl-delay: 4\n", 1.0, 4.0),  # a longer Crawl-delay wins
        (b"User-agent: *\nCrawl-delay: 999\n", 1.0, 30.0),  # up to max_host_delay
    ],
    ids=["delay", "crawl-delay", "crawl-delay-capped"],
)
def test_requests_to_one_host_are_spaced(server, waits, robots, host_delay, waited):
    server.serve("/robots.txt", Reply(200, robots))
    first = server.serve("/one", Reply(200, PAGE, HTML))
    second = server.serve("/two", Reply(200, PAGE, HTML))
    with fetcher_for(waits, host_delay=host_delay, max_host_delay=30.0) as fetcher:
        fetcher.fetch(first)
        fetcher.fetch(second)
    # robots.txt, /one, /two: each right after the one before, so each waits in full
    assert waits.slept == [waited, waited]


def test_retry_after_as_an_http_date():
    in_a_minute = format_datetime(datetime.now(UTC) + timedelta(seconds=60), usegmt=True)
    assert 55 <= seconds_of_retry_after(in_a_minute) <= 60


@pytest.mark.parametrize("value, seconds", [("7", 7.0), ("soon", None), (None, None)])
def test_retry_after_in_seconds_or_unreadable(value, seconds):
    assert seconds_of_retry_after(value) == seconds


@pytest.mark.parametrize(
    "url, error",
    [("http://", "invalid URL (no host)"), ("http://[::1", "invalid URL (Invalid port: ':1')")],
)
def test_invalid_urls_are_refused_before_any_request(waits, url, error):
    with fetcher_for(waits) as fetcher, pytest.raises(InputError) as failed:
        fetcher.fetch(url)
    assert str(failed.value) == error
