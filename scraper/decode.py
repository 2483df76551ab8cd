"""Bytes to text: gzip unwrapped, the charset declared or detected, binary data refused."""

from __future__ import annotations

import codecs
import re
import zlib
from email.message import Message

import charset_normalizer

from scraper.data.fetch_settings import HTML_MARKERS, HTML_SNIFF_CHARS, MAX_PAGE_BYTES


class InputError(Exception):
    """An input that cannot be read as a page; the message is the one-line reason."""


GZIP_MAGIC = b"\x1f\x8b"
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# <meta charset="x">, <meta http-equiv=... content="text/html; charset=x">, <?xml encoding="x"?>
DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)""",
    re.IGNORECASE,
)
DECLARATION_BYTES = 4096  # where browsers look for a <meta> charset
# Control bytes that plain text and HTML do not use; many of them mean binary data.
CONTROL_BYTES = bytes(set(range(32)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B})
MAX_CONTROL_SHARE = 0.01
SNIFF_BYTES = 65536
# Valid UTF-8 with a stray bad byte or two (a cut-off character) is still UTF-8.
MAX_UTF8_ERROR_SHARE = 0.001
WEB_DEFAULT_CODEC = "cp1252"


def ungzip(data: bytes, max_bytes: int = MAX_PAGE_BYTES) -> bytes:
    """The data, decompressed when it starts with the gzip magic bytes (whatever its name)."""
    if not data.startswith(GZIP_MAGIC):
        return data
    # wbits 16+MAX_WBITS: gzip framing; max_length: a small file must not inflate to gigabytes.
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as error:
        raise InputError(f"corrupt gzip data ({error})") from None
    if len(out) > max_bytes:
        raise too_large(max_bytes, when=" once decompressed")
    if not inflater.eof:
        raise InputError("corrupt gzip data (cut short)")
    return out


def size_text(size: int) -> str:
    """A byte count for people: 512 bytes, 2.94 KB, 10 MB."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.3g} {unit}"
    return f"{size} bytes"


def too_large(limit: int, size: int | None = None, *, when: str = "") -> InputError:
    """The error for an input over the size limit, with its size when known."""
    found = f"{size_text(size)}, over" if size is not None else "more than"
    return InputError(f"too large{when}: {found} the {size_text(limit)} limit")


def charset_of_content_type(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header, if any."""
    if not content_type:
        return None
    message = Message()
    message["content-type"] = content_type
    charset = message.get_param("charset")
    return charset if isinstance(charset, str) else None


def known_codec(name: str | None) -> str | None:
    """The Python codec for a charset name, or None for a name no codec answers to."""
    if not name:
        return None
    try:
        return codecs.lookup(name.strip()).name
    except LookupError:
        return None


def declared_codec(data: bytes, content_type: str | None) -> str | None:
    """The charset the HTTP header declares, else the one the page's markup declares."""
    header = known_codec(charset_of_content_type(content_type))
    if header:
        return header
    match = DECLARED_CHARSET.search(data[:DECLARATION_BYTES])
    return known_codec((match.group(1) or match.group(2)).decode("ascii")) if match else None


def is_seven_bit_codec(codec: str) -> bool:
    """Codecs whose plain ASCII bytes mean something else, so valid UTF-8 proves nothing."""
    return codec.startswith("iso2022") or codec in ("utf-7", "hz")


def decode_page(data: bytes, content_type: str | None = None) -> str:
    """Page bytes as text, by BOM, declared charset, UTF-8 or detection, in that order.

    Valid UTF-8 wins over a declared single-byte charset: saved pages are often re-encoded
    as UTF-8 with their old <meta charset> left in place, and non-ASCII text that is valid
    UTF-8 by chance is vanishingly rare.
    """
    for bom, codec in BOMS:
        if data.startswith(bom):
            return decode_strictly(data, codec)
    sample = data[:SNIFF_BYTES]
    if b"\x00" in sample:
        raise InputError("binary data, not a text page (NUL bytes)")
    control_bytes = len(sample) - len(sample.translate(None, CONTROL_BYTES))
    if control_bytes > MAX_CONTROL_SHARE * len(sample):
        raise InputError("binary data, not a text page (control bytes)")
    declared = declared_codec(data, content_type)
    if declared and is_seven_bit_codec(declared):
        return decode_strictly(data, declared)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared and declared != "utf-8":
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass
    lenient = data.decode("utf-8", errors="replace")
    if lenient.count("\ufffd") <= MAX_UTF8_ERROR_SHARE * len(data):
        return lenient
    detected = detected_text(data)
    if detected is None:
        named = f"not valid {declared}" if declared else "not UTF-8"
        raise InputError(f"cannot decode: {named}, and no other charset fits")
    return detected


def detected_text(data: bytes) -> str | None:
    """Text in the charset charset-normalizer finds likeliest; windows-1252 breaks its ties.

    Single-byte Latin charsets often fit equally well; browsers assume windows-1252 for
    undeclared legacy pages, so among equal fits it is the likeliest.
    """
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    for match in matches:
        tied = (match.chaos, match.coherence) == (best.chaos, best.coherence)
        if tied and WEB_DEFAULT_CODEC in match.could_be_from_charset:
            return data.decode(WEB_DEFAULT_CODEC)
    return str(best)


def decode_strictly(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        reason = f"{error.reason} at byte {error.start}"
        raise InputError(f"cannot decode as {codec}: {reason}") from None


def looks_like_html(text: str) -> bool:
    """Whether text whose name does not say what it is starts like an HTML page."""
    head = text[:HTML_SNIFF_CHARS].lower()
    return any(marker in head for marker in HTML_MARKERS)
