"""Requests name newsclaims, its version and whom a site's operator can reach, on every
command that fetches; robots.txt rules are read for that same name."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, Reply

from newsclaims import __version__
from newsclaims.cli import cli
from scraper.decode import InputError
from scraper.fetch import Fetcher, FetchSettings

PAGE = (FIXTURES / "inputs" / "council-vote.html").read_bytes()
HTML = {"Content-Type": "text/html; charset=utf-8"}
FETCHING_COMMANDS = ("clean", "claims", "entities", "ingest")
README = Path(__file__).parent.parent / "README.md"


@pytest.fixture(autouse=True)
def no_contact_in_the_environment(monkeypatch):
    monkeypatch.delenv("NEWSCLAIMS_CONTACT", raising=False)


def user_agents_sent(server, settings: FetchSettings) -> set[str]:
    url = server.serve("/story", Reply(200, PAGE, HTML))
    with Fetcher(settings, sleep=lambda seconds: None) as fetcher:
        fetcher.fetch(url)
    return {headers["User-Agent"] for _, headers in server.requests}


def test_the_contact_given_follows_the_name_and_version(server):
    settings = FetchSettings(contact="desk@example.org", host_delay=0)
    assert user_agents_sent(server, settings) == {f"newsclaims/{__version__} (desk@example.org)"}


def test_the_contact_comes_from_the_environment_when_none_is_given(server, monkeypatch):
    monkeypatch.setenv("NEWSCLAIMS_CONTACT", "https://example.org/about-our-crawler")
    agents = user_agents_sent(server, FetchSettings(host_delay=0))
    assert agents == {f"newsclaims/{__version__} (https://example.org/about-our-crawler)"}


def test_without_a_contact_the_agent_is_the_name_and_version_alone(server):
    assert user_agents_sent(server, FetchSettings(host_delay=0)) == {f"newsclaims/{__version__}"}


@pytest.mark.parametrize("contact", ["desk@example.org\r\nX-Injected: 1", "me (desk)", "ré@x.org"])
def test_a_contact_no_header_can_carry_is_refused(contact):
    with pytest.raises(ValueError, match="cannot go in a User-Agent"):
        FetchSettings(contact=contact)


def test_robots_txt_rules_for_the_user_agents_name_apply(server):
    server.serve("/robots.txt", Reply(200, b"User-agent: newsclaims\nDisallow: /\n"))
    url = server.serve("/story", Reply(200, PAGE, HTML))
    settings = FetchSettings(contact="desk@example.org", host_delay=0)
    with Fetcher(settings) as fetcher, pytest.raises(InputError, match="disallowed by robots"):
        fetcher.fetch(url)
    [(_, headers)] = server.requests
    assert headers["User-Agent"].split("/")[0] == "newsclaims"


@pytest.mark.parametrize("command", FETCHING_COMMANDS)
def test_every_fetching_command_sends_the_contact_given(command, server, tmp_path):
    url = server.serve("/story", Reply(200, PAGE, HTML))
    database = ["--db", str(tmp_path / "corpus.db")] if command == "ingest" else []
    result = CliRunner().invoke(cli, [command, *database, "--contact", "desk@example.org", url])
    assert result.exit_code == 0, result.output
    agents = {headers["User-Agent"] for _, headers in server.requests}
    assert agents == {f"newsclaims/{__version__} (desk@example.org)"}


def test_the_command_line_takes_the_contact_from_the_environment(server):
    url = server.serve("/story", Reply(200, PAGE, HTML))
    environment = {"NEWSCLAIMS_CONTACT": "desk@example.org"}
    result = CliRunner().invoke(cli, ["clean", "--delay", "0", url], env=environment)
    assert result.exit_code == 0, result.output
    assert server.requests[-1][1]["User-Agent"] == f"newsclaims/{__version__} (desk@example.org)"


def test_the_command_line_refuses_a_bad_contact_before_fetching(server):
    url = server.serve("/story", Reply(200, PAGE, HTML))
    result = CliRunner().invoke(cli, ["clean", "--contact", "me (desk)", url])
    assert result.exit_code == 2
    assert "cannot go in a User-Agent" in result.stderr
    assert server.requests == []


@pytest.mark.parametrize("command", FETCHING_COMMANDS)
def test_every_fetching_command_documents_the_contact(command):
    help_text = " ".join(CliRunner().invoke(cli, [command, "--help"]).output.split())
    assert "--contact EMAIL|URL" in help_text
    assert "$NEWSCLAIMS_CONTACT" in help_text


def test_the_readme_documents_the_contact():
    readme = README.read_text(encoding="utf-8")
    assert "`--contact`" in readme
    assert "`NEWSCLAIMS_CONTACT`" in readme
