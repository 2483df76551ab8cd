"""Bytes to text: gzip by its magic bytes, charsets declared or detected, binary refused."""

from __future__ import annotations

import codecs
import gzip

import pytest

from scraper.decode import InputError, decode_page, looks_like_html, ungzip

CAFE = "<p>Le café de l'élève, à Noël.</p>"


def page_in(charset_markup: str, body: str) -> str:
    return f"<html><head>{charset_markup}</head><body>{body}</body></html>"


def test_utf8_is_decoded():
    assert decode_page(CAFE.encode("utf-8")) == CAFE


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-32"])
def test_byte_order_mark_decides(codec):
    assert decode_page(CAFE.encode(codec)) == CAFE


def test_charset_in_http_header():
    data = CAFE.encode("iso-8859-1")
    assert decode_page(data, "text/html; charset=ISO-8859-1") == CAFE


@pytest.mark.parametrize(
    "declaration",
    [
        '<meta charset="windows-1252">',
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
    ],
)
def test_charset_in_meta_tag(declaration):
    html = page_in(declaration, "<p>\u201cQuoted,\u201d said the caf\u00e9 owner \u2014 twice.</p>")
    assert decode_page(html.encode("cp1252")) == html


def test_http_header_wins_over_meta_tag():
    html = page_in('<meta charset="iso-8859-5">', CAFE)
    assert decode_page(html.encode("cp1252"), "text/html; charset=windows-1252") == html


def test_valid_utf8_wins_over_a_stale_single_byte_declaration():
    # A page saved as UTF-8 that kept its old <meta charset>.
    html = page_in('<meta charset="iso-8859-1">', CAFE)
    assert decode_page(html.encode("utf-8")) == html


def test_unknown_declared_charset_is_ignored():
    html = page_in('<meta charset="x-no-such-charset">', CAFE)
    assert decode_page(html.encode("utf-8")) == html


def test_undeclared_single_byte_text_is_detected():
    text = (
        "Les élèves de l'école élémentaire ont visité le musée de la préfecture. "
        "Après la visite, le maire a déclaré que la journée était très réussie. "
    ) * 4
    assert decode_page(text.encode("cp1252")) == text


def test_utf8_with_one_cut_off_character_keeps_the_rest():
    data = ("Ein schöner Tag für alle. " * 50).encode("utf-8") + "ü".encode()[:1]
    assert decode_page(data).startswith("Ein schöner Tag für alle.")


def test_bytes_that_fit_no_charset_are_refused():
    undecodable = bytes(range(0x80, 0x100)) * 20
    with pytest.raises(InputError) as failed:
        decode_page(undecodable)
    assert str(failed.value) == "cannot decode: not UTF-8, and no other charset fits"


def test_broken_utf16_after_its_mark_is_refused():
    with pytest.raises(InputError, match="^cannot decode as utf-16"):
        decode_page(codecs.BOM_UTF16_LE + b"\x00\xd8")  # a lone surrogate


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "NUL bytes"),
        (bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 20 + b"<html>", "control bytes"),
    ],
    ids=["nul-bytes", "control-bytes"],
)
def test_binary_data_is_refused(data, reason):
    with pytest.raises(InputError) as failed:
        decode_page(data)
    assert str(failed.value) == f"binary data, not a text page ({reason})"


def test_gzip_is_recognised_by_its_magic_bytes():
    assert ungzip(gzip.compress(b"<html>page</html>")) == b"<html>page</html>"


def test_data_without_the_gzip_magic_is_left_alone():
    assert ungzip(b"<html>page</html>") == b"<html>page</html>"


def test_corrupt_gzip_is_refused():
    with pytest.raises(InputError, match="^corrupt gzip data"):
        ungzip(gzip.compress(b"<html>page</html>")[:10] + b"garbage")


def test_gzip_that_inflates_past_the_limit_is_refused():
    bomb = gzip.compress(b"\0" * 100_000)
    with pytest.raises(InputError) as failed:
        ungzip(bomb, max_bytes=1000)
    assert str(failed.value).startswith("too large once decompressed: more than")


@pytest.mark.parametrize(
    "text, is_html",
    [
        ("<!DOCTYPE html>\n<html><body>x</body></html>", True),
        ("  <html lang='en'><p>x</p></html>", True),
        ("<head><title>x</title></head>", True),
        ("Home\nWorld\nA headline\nBody text.", False),
        ("We compared <b> and <i> tags in HTML mail.", False),
    ],
)
def test_pages_with_unknown_names_are_sniffed(text, is_html):
    assert looks_like_html(text) is is_html
