"""The claim page as a browser draws it: Debian's headless Chromium takes a screenshot,
and the highlighted evidence must be on screen. Skipped when chromium is not installed."""

from __future__ import annotations

import shutil
import sqlite3
import struct
import subprocess
import zlib

import numpy
import pytest
from publish_fixtures import build_corpus, running_server

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
WIDTH, HEIGHT = 1200, 1000
# The highlight's background (#ffe169, set in corpus/publish/templates/row.html).
HIGHLIGHT = (0xFF, 0xE1, 0x69)

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")


def png_pixels(data: bytes) -> numpy.ndarray:
    """The pixels of an 8-bit RGB(A) PNG as a (height, width, channels) array."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, chunks, header = 8, [], None
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        position += 12 + length
    width, height, depth, color, _, _, interlace = header
    assert depth == 8 and color in (2, 6) and interlace == 0, header
    step = 3 if color == 2 else 4
    lines = numpy.frombuffer(zlib.decompress(b"".join(chunks)), dtype=numpy.uint8)
    lines = lines.reshape(height, width * step + 1)
    pixels = numpy.zeros((height, width * step), dtype=numpy.uint8)
    previous = pixels[0] * 0
    for y, (kind, line) in enumerate(zip(lines[:, 0], lines[:, 1:], strict=True)):
        pixels[y] = unfiltered(kind, line, previous, step)
        previous = pixels[y]
    return pixels.reshape(height, width, step)


def unfiltered(kind: int, line: numpy.ndarray, up: numpy.ndarray, step: int) -> numpy.ndarray:
    """One PNG scanline with its filter undone (filter types of the PNG specification)."""
    if kind == 0:
        return line
    if kind == 1:  # Sub: a running sum along each channel
        return line.reshape(-1, step).cumsum(axis=0, dtype=numpy.uint8).reshape(-1)
    if kind == 2:  # Up
        return line + up
    out = bytearray(line.tobytes())
    above = up.tobytes()
    for x in range(len(out)):
        left = out[x - step] if x >= step else 0
        corner = above[x - step] if x >= step else 0
        if kind == 3:  # Average
            out[x] = (out[x] + (left + above[x]) // 2) & 0xFF
        else:  # Paeth
            estimate = left + above[x] - corner
            nearest = min(
                (abs(estimate - left), 0, left),
                (abs(estimate - above[x]), 1, above[x]),
                (abs(estimate - corner), 2, corner),
            )[2]
            out[x] = (out[x] + nearest) & 0xFF
    return numpy.frombuffer(bytes(out), dtype=numpy.uint8)


def highlighted_pixels(pixels: numpy.ndarray) -> int:
    distance = numpy.abs(pixels[:, :, :3].astype(int) - numpy.array(HIGHLIGHT))
    return int((distance <= 8).all(axis=2).sum())


def test_claim_page_screenshot_shows_the_highlighted_sentence(tmp_path):
    db_path = build_corpus(tmp_path / "corpus.db")
    with sqlite3.connect(db_path) as conn:
        (claim,) = conn.execute("select id from claims where subject = 'Vermont'").fetchone()
    screenshot = tmp_path / "claim.png"
    with running_server(db_path) as base:
        subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                f"--user-data-dir={tmp_path / 'profile'}",
                f"--screenshot={screenshot}",
                f"--window-size={WIDTH},{HEIGHT}",
                f"{base}/corpus/claims/{claim}",
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    pixels = png_pixels(screenshot.read_bytes())
    assert pixels.shape[:2] == (HEIGHT, WIDTH)
    # one sentence across the article box: thousands of highlighted pixels, not a stray few
    assert highlighted_pixels(pixels) > 5000
