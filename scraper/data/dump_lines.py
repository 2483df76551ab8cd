"""Line patterns and word lists for whole-page text dumps ("select all, copy" of a page).

The cleaner reads these; none of them names a site. Patterns match a whole stripped line
unless their name says otherwise.
"""

from __future__ import annotations

import re

# py3langid codes -> jusText stoplist names; other languages are classified by length alone.
JUSTEXT_STOPLISTS = {
    "af": "Afrikaans",
    "ar": "Arabic",
    "bg": "Bulgarian",
    "bn": "Bengali",
    "ca": "Catalan",
    "cs": "Czech",
    "cy": "Welsh",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "eo": "Esperanto",
    "es": "Spanish",
    "et": "Estonian",
    "eu": "Basque",
    "fa": "Persian",
    "fi": "Finnish",
    "fr": "French",
    "ga": "Irish",
    "gl": "Galician",
    "he": "Hebrew",
    "hi": "Hindi",
    "hr": "Croatian",
    "hu": "Hungarian",
    "id": "Indonesian",
    "is": "Icelandic",
    "it": "Italian",
    "ka": "Georgian",
    "kk": "Kazakh",
    "ko": "Korean",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "mk": "Macedonian",
    "ms": "Malay",
    "mt": "Maltese",
    "nb": "Norwegian_Bokmal",
    "nl": "Dutch",
    "nn": "Norwegian_Nynorsk",
    "no": "Norwegian_Bokmal",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "sk": "Slovak",
    "sl": "Slovenian",
    "sq": "Albanian",
    "sr": "Serbian",
    "sv": "Swedish",
    "sw": "Swahili",
    "ta": "Tamil",
    "te": "Telugu",
    "tl": "Tagalog",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "ur": "Urdu",
    "vi": "Vietnamese",
}

# Lines that are page furniture wherever they stand: sharing, sign-up, comment prompts,
# rights notices, cookie and privacy notices, advertising labels.
FURNITURE = re.compile(
    r"""^(?:
        (?:share|tweet|email|print|pin|save|follow)(?:\s+(?:this|on|us|story|article)\b.*)?
      | (?:sign\s*up|subscribe|register|log\s*in|sign\s*in)\b.{0,80}
      | (?:get|receive)\b.{0,60}\b(?:newsletter|inbox|email)\b.{0,40}
      | .{0,60}\bnewsletters?\b.{0,60}
      | .{0,40}\b(?:privacy|cookie)\b.{0,100}
      | .*\bcookies\b.*\b(?:website|browser|consent|experience|accept)\b.*
      | .*\b(?:website|browser|consent|experience|accept)\b.*\bcookies\b.*
      | (?:read|view|post|show|load|leave|add)\b.{0,20}\bcomments?\b.{0,60}
      | .{0,40}\b(?:community\s+guidelines|terms\s+of\s+(?:use|service))\b.{0,80}
      | (?:\u00a9|\u24d2|\(c\)|copyright\b).*
      | .{0,120}\ball\s+rights\s+reserved\b.*
      | advertisement|advertising|sponsored(?:\s+content)?|ad
      | (?:read|see)\s+(?:more|also|next|the\s+full\s+story).{0,80}
      | (?:related|recommended|trending|popular|more)\b.{0,40}
      | (?:related|see\s+also|also\s+read|read\s+also|more)\s*:.*
      | (?:tags?|topics?|keywords?|filed\s+under|categories)\s*:.*
      | (?:image|photo|video|picture)\s*(?:credit|:).{0,100}
      | skip\s+to\b.*
      | .{0,30}\bcontributed\s+to\s+this\s+report\b.{0,60}
      | top|back\s+to\s+top|menu|search|home|close|next|previous|by
      | sharing\s+is\s+caring\W*
      | copy\s+link\b.*
      | (?:\S+\s+){1,3}is\s+an?\s+.{0,60}\b(?:reporter|writer|correspondent|columnist|journalist)
        \s+(?:for|at|with)\b.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

# Words for the sections that follow an article, in the languages news pages use most.
COMMENT_WORDS = (
    "comments? comentários? comentarios? commentaires? kommentare? commenti commento reacties"
    " komentarze komentar"
)
LEAVE_A_REPLY = (
    "leave a (?:reply|comment)|deixe (?:uma resposta|um comentário|seu comentário)"
    "|deja (?:una respuesta|un comentario)|laisser un commentaire|lascia un commento"
    "|schreibe(?:n sie)? einen kommentar|tinggalkan (?:balasan|komentar)"
)
ABOUT_THE_AUTHOR = (
    "about the author|sobre o autor|sobre el autor|à propos de l'auteur|über den autor"
    "|sull'autore|tentang penulis"
)
RELATED = (
    "related|recommended|more|other|latest|the latest|top|popular|trending"
    "|most (?:popular|read|viewed|shared|commented)|next up|up next|read next"
    "|editor's picks|further reading|around the web"
    "|(?:artigos|artículos|notícias|noticias|posts|matérias) relacionad[oa]s|leia também"
    "|lea también|lire aussi|à lire aussi|articles similaires|leggi anche|articoli correlati"
    "|ähnliche artikel|mehr zum thema|das könnte sie auch interessieren|baca juga|berita terkait"
)
_COMMENTS = "(?:" + "|".join(COMMENT_WORDS.split()) + ")"

# Where the article is over: comments, rights notices and newsletter pitches follow the
# body and never interrupt it ...
ARTICLE_END = re.compile(
    r"""^(?:
        (?:\u00a9|\u24d2|\(c\)|copyright\b).*
      | .{0,120}\ball\s+rights\s+reserved\b.*
      | \W*(?:\S+\s+){0,3}"""
    + _COMMENTS
    + r"""(?:\s+\S+){0,2}\W*
      | (?:join|leave|read\s+and\s+post|post|add|view|show)\b.{0,30}\bcomments?\b.*
      | join\s+the\s+(?:conversation|discussion)\b.*
      | (?:want|like|liked|enjoy|enjoyed|love|loved)\s+(?:more|this|these|what\s+you)\b.{0,60}\?
      | (?:"""
    + (LEAVE_A_REPLY + "|" + ABOUT_THE_AUTHOR).replace(" ", r"\s+")
    + r""")\W*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# ... while boxes of other stories ("Trending News") and newsletter sign-ups also stand
# inside a body, which goes on after them.
ASIDE_HEADING = re.compile(
    r"""^(?:
        (?:"""
    + RELATED.replace(" ", r"\s+")
    + r""")
        (?:\s+(?:stories|articles|news|posts|reading|content|videos|from\b.*|on\b.*|in\b.*))?:?
      | you\s+(?:may|might)\s+also\s+(?:like|enjoy|be\s+interested\s+in)\b.*
      | sign\s*up\s+for\b.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

# "© 2025 Example Media, Inc. All Rights Reserved": the page's own rights holder.
COPYRIGHT_HOLDER = re.compile(
    r"(?:\u00a9|\u24d2|\(c\)|copyright)(?:\s*(?:\u00a9|\(c\)|copyright\b))?\s*"
    r"(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?\s*)?"
    # The holder runs to the first comma, full stop, bar, year or rights clause, except
    # "Example Media, Inc."
    r"(?P<holder>[^\W\d](?:(?!\s*all\s+rights|\s+\d{4})[^|,.;\u00a9]"
    r"|,\s*(?=(?:Inc|Ltd|LLC|Corp)\b)|\.(?=\w))*\.?)",
    re.IGNORECASE,
)
COMPANY_SUFFIXES = ("Inc.", "Ltd.", "Co.", "Corp.", "L.P.", "LLC.", "S.A.", "GmbH.", "plc.")

# A picture's caption ends with its credit in brackets: "(NASA/JPL-Caltech)", "(AP Photo)".
CAPTION_CREDIT = re.compile(
    r"\((?:[^()]*/[^()]*|[^()]*\b(?:photo|getty|images?|afp|ap|reuters|file)\b[^()]*)\)\s*$",
    re.IGNORECASE,
)

# Short lines inside a body that are not subheadings: picture credits, bracketed labels of
# links to other stories, calls to click.
SHORT_LINE_NOISE = re.compile(
    r"\[|\((?:image|photo|picture|video|credit)|\bgetty\s+images\b|\bphoto(?:graph)?\s*:"
    r"|\bcredit\s*:|\bclick\s+here\b|\bfile\s+photo\b",
    re.IGNORECASE,
)

# "Tags: a | b | c", "Topics: a, b".
TAG_LINE = re.compile(
    r"^(?:tags?|topics?|keywords?|filed\s+under|categories)\s*:\s*(?P<tags>.+)$", re.IGNORECASE
)
TAG_SEPARATORS = re.compile(r"\s*[|,;\u00b7\u2022]\s*")

# "By Jane Doe", "By Jane Doe and John Roe, Reuters", "Von Moritz Bachmann publiziert am ...".
BYLINE = re.compile(
    r"^(?:by|von|par|por|di|door)\s+(?P<names>[^\d|\u2022]{3,120}?)"
    r"(?:\s*(?:\||\u2022|\bpublished\b|\bpubliziert\b|\bupdated\b|\bon\b|\d).*)?$",
    re.IGNORECASE,
)
AUTHOR_SEPARATORS = re.compile(r"\s*(?:,|\band\b|\bund\b|\bet\b|\by\b|\be\b|&)\s*", re.IGNORECASE)
# A person's name: two to five words, the first capitalised ("Staff" or a weekday alone is
# not a name).
AUTHOR_NAME = re.compile(r"^[A-Z\u00c0-\u024f][\w.'\u2019-]*(?:\s+[\w.'\u2019-]+){1,4}$")

# Dates as written on news pages. Month names of the languages the stoplists cover best.
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "january jan januar janvier enero janeiro gennaio",
            "february feb februar février fevrier febrero fevereiro febbraio",
            "march mar märz maerz mars marzo março marco",
            "april apr avril abril aprile",
            "may mai mayo maio maggio",
            "june jun juni juin junio junho giugno",
            "july jul juli juillet julio julho luglio",
            "august aug août aout agosto",
            "september sep sept septembre septiembre setembro settembre",
            "october oct oktober octobre octubre outubro ottobre",
            "november nov novembre noviembre novembro",
            "december dec dezember décembre decembre diciembre dezembro dicembre",
        ),
        start=1,
    )
    for name in names.split()
}
_MONTH = r"(?P<month>[^\W\d_]{3,10})\.?"
DATE_FORMS = tuple(
    re.compile(form, re.IGNORECASE)
    for form in (
        r"\b(?P<year>\d{4})-(?P<month_number>\d{2})-(?P<day>\d{2})(?!\d)",
        r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?" + _MONTH + r",?\s+(?:de\s+)?"
        r"(?P<year>\d{4})\b",
        r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b",
        r"\b(?P<day>\d{1,2})[./](?P<month_number>\d{1,2})[./](?P<year>\d{4})\b",
    )
)
# "10:12 AM EST", "9:30 a.m. ET", "20h13", "T08:15:00": before or after the date.
TIME = re.compile(
    r"(?<![\d:])(?P<hour>\d{1,2})[:h](?P<minute>\d{2})(?::(?P<second>\d{2}))?(?![\d:])"
    r"\s*(?P<ampm>[aApP]\.?[mM]\b\.?)?(?:\s*(?P<zone>[A-Z]{1,4})\b)?"
)
# What introduces the date a story was last changed.
UPDATED_MARK = re.compile(
    r"\b(?:updated|last\s+updated|modified|aktualisiert|atualizado|actualizado|mis\s+à\s+jour"
    r"|aggiornato)\b\s*(?:on|at|am|em|el|le)?\s*:?",
    re.IGNORECASE,
)
DATE_PART_SEPARATORS = re.compile(r"\s*[;|\u2022\u00b7]\s*")
# A date line is short: the date and a few words around it ("Published", a weekday).
MAX_DATE_LINE_WORDS = 16
# Sentence ends (closing quotes and brackets aside): what a body paragraph ends with and a
# headline, label or menu item does not.
SENTENCE_MIN_WORDS = 8
SENTENCE_END = re.compile(r"[.!?\u2026\u3002\uff01\uff1f][\"'\u201d\u2019)\]]*$")

# Time-zone abbreviations news pages print after times, as UTC offsets in hours.
TIME_ZONES = {
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "BST": 1,
    "CET": 1,
    "CEST": 2,
    "EET": 2,
    "EEST": 3,
    "MSK": 3,
    "IST": 5.5,
    "SGT": 8,
    "HKT": 8,
    "JST": 9,
    "KST": 9,
    "AEST": 10,
    "AEDT": 11,
    "EST": -5,
    "EDT": -4,
    "CST": -6,
    "CDT": -5,
    "MST": -7,
    "MDT": -6,
    "PST": -8,
    "PDT": -7,
}
# US zones named without the season ("9:30 a.m. ET"): their offset depends on the date.
SEASONAL_TIME_ZONES = {
    "ET": "America/New_York",
    "CT": "America/Chicago",
    "MT": "America/Denver",
    "PT": "America/Los_Angeles",
}

# A date line or byline in the first part of the body run (this share of its text) marks
# where the article starts: above it stand the headline block or teasers of other stories.
HEADER_SHARE = 0.3
# A byline next to a date line is surely the article's head: trusted up to half-way.
HEADER_BLOCK_SHARE = 0.6
# "— Jane Doe (@jane) November 3, 2019": the credit under an embedded post or a quote.
QUOTE_CREDIT = re.compile(r"^[\u2014\u2013-]")

# A headline: a handful of words, not a sentence fragment of navigation.
TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 30
# Headline-shaped lines that are not headlines: credits, share bars, reading times, labels.
TITLE_NOISE = re.compile(
    r"\s[|/]\s|\bgetty\s+images\b|\bphoto(?:graph)?\b|\bimage\b|\bcredit\b|\bshare\b"
    r"|\b(?:min(?:ute)?s?|minutos?)\s+(?:read|de\s+leitura|de\s+lectura)\b"
    r"|@\w",
    re.IGNORECASE,
)
# The headline shares words with the article's first paragraphs; short words are too
# common to count.
CONTENT_WORD = re.compile(r"\w{4,}")
TITLE_OPENING_PARAGRAPHS = 3
# How far above the body the headline may stand (lines).
TITLE_SEARCH_LINES = 12
