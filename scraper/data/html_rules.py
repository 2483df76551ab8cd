"""Patterns for page furniture that leaks into extracted news bodies, and metadata hints.

Each pattern is matched against one whole paragraph of the extracted body (stripped,
case-insensitive). They are only applied to short paragraphs (`MAX_FURNITURE_WORDS`), since
a long paragraph that happens to say "subscribe" is article prose.
"""

from __future__ import annotations

import re

# Below this many words, trafilatura's fast result is checked against its full extraction.
FULL_EXTRACTION_BELOW_WORDS = 200

# Paragraphs longer than this are never treated as furniture by the line patterns.
MAX_FURNITURE_WORDS = 45

# A paragraph under this many words that is the whole text of a link is a teaser of another page.
MAX_TEASER_WORDS = 25

# Split bodies: the container must hold this many extracted paragraphs, its sibling parts are
# looked for this many levels up, and a part must have a paragraph this long to be prose.
MIN_SPLIT_BODY_MATCHES = 2
SPLIT_BODY_SCOPE_LEVELS = 3
MIN_SPLIT_BODY_WORDS = 12
# Share of a paragraph's characters in links above which it is a link, not prose.
TEASER_LINK_SHARE = 0.8

# Element names in trafilatura's body (its own XML, or HTML from its fallback extractors).
CONTAINER_TAGS = frozenset({"div", "section", "article", "main", "body", "header", "footer"})
LIST_TAGS = frozenset({"list", "ul", "ol", "dl"})
ITEM_TAGS = frozenset({"item", "li", "dt", "dd"})
TABLE_TAGS = frozenset({"table"})

# A run of at least MIN_REPEATED_RUN paragraphs of MIN_REPEATED_WORDS words or more, each
# already in the body word for word, is a second copy of the article in the markup.
MIN_REPEATED_WORDS = 12
MIN_REPEATED_RUN = 3


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


# Teasers of other articles, introduced by a label: "Read more: ...", "Related: ...".
TEASER_LABEL = _any(
    r"^(read|see|watch|listen) (more|also|next)( stories| articles| news| videos?)?"
    r"\s*(:|\||–|—|»|›)\s*\S",
    r"^(read|see|watch|listen) (more|also|next)( stories| articles| news| videos?)?\s*[.»›>]*$",
    r"^(also read|read also|more|more from|more on|related|see also|recommended|"
    r"trending|most read|most popular|popular|top stories|don'?t miss|must read|"
    r"editor'?s picks?|you may also like|you might also like|further reading)"
    r"( stories| articles| coverage| content| links| videos?| news)?\s*(:|\||–|—|-|$)",
    r"^also on [\w.-]+\.\w{2,}\b",
    # A headline tagged in capitals: "Minister resigns over leak [VIDEO]".
    r"\S\s(?-i:\[[A-Z][A-Z ]{2,15}\])\s*\|?\s*$",
)

# Newsletter, subscription and app promotion boxes.
NEWSLETTER = _any(
    r"\b(sign up|signup|subscribe|register)\b.{0,120}\b(newsletters?|inbox|"
    r"e-?mail (updates|alerts)|digest|briefing)\b",
    r"\bnewsletters?\b.{0,120}\b(sign up|subscribe|inbox|delivered)\b",
    r"^(get|receive|start your day with)\b.{0,120}\b(delivered|in your inbox|"
    r"to your inbox|newsletter)\b",
    r"^(subscribe|sign up|sign in|log in|register)( now| today| here)?\s*[.!]?$",
    r"\bdownload (our|the) app\b",
    r"^[\w'’&+ -]{1,40} newsletters?$",
    r"^(get|try) (full |unlimited |digital )?access\b",
)

# Calls to share, follow, comment or send tips.
SOCIAL = _any(
    r"\bfollow (us|him|her|them|me|[\w@.'’ -]{1,40}) on (twitter|x|facebook|instagram|"
    r"linkedin|youtube|tiktok|threads|bluesky)\b",
    r"^(like|liked|enjoy|enjoyed) (this|the) (story|article|post)\?",
    r"^share (this|the) (story|article|post|page)\b",
    r"^share (on|via) ",
    r"^(have|got) a (news )?tip\b",
    r"^(tell us what you think|leave a (comment|reply)|post a comment|add (a|your) comment|"
    r"join the (conversation|discussion)|comments? (are|is|have been) (closed|disabled))",
    r"^(\d+\s+)?comments?\s*(\(\d+\))?$",
    r"^(show|view|load|read) (all |more )?comments\b",
)

# Labels and page metadata that sit between the headline and the body.
PAGE_LABEL = _any(
    r"^(advertisement|advertising|sponsored( content)?|story continues below.*|"
    r"continue reading.*|scroll (down )?to continue.*|skip (to )?(ad|advert).*)\s*$",
    r"^(filed under|tags?|topics?|categories|posted in|more about)\s*:",
    r"^(updated|last updated|published|posted|first published)( on| at)?\s*:?\s*"
    r"[\w ,.:/-]{0,40}(\d{4}|\d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?|[ap]\.m\.)\s*\)?$",
    r"^\(?(published|updated)\s+\w+day\b.{0,40}\)?$",
    # Unrendered WordPress shortcodes: "[button link=...]Send us your review[/button]".
    r"\[/\w+\]",
)

# Copyright and republishing lines: removed from the body, kept for the origin.
CREDIT = _any(
    # A year tells a copyright notice from a photo credit ("© Reuters").
    r"^(©|\(c\)|copyright\b).{0,80}\b(19|20)\d\d\b",
    r"\ball rights reserved\b",
    r"\bmay not be (published|reproduced|broadcast|rewritten|redistributed)\b",
    # "SOURCE: News agencies", "Source: Reuters" closing a story.
    r"^sources?\s*:\s*[\w .,&'’/-]{2,60}$",
)

# Class/id words of the elements holding a byline.
BYLINE_MARKERS = ("byline", "author", "writer", "contributor")
# Class/id words of the elements crediting the story's source ("Associated Press" alone in
# <span class="article-source">), read for the origin only; elements also marked as the
# credit of a picture, chart or video, or inside a figure, credit that instead.
CREDIT_MARKERS = ("credit", "source", "agency", "provider", "syndicat")
PICTURE_MARKERS = (
    "photo",
    "image",
    "img",
    "picture",
    "caption",
    "figure",
    "video",
    "chart",
    "graphic",
    "media",
    "gallery",
)
# Elements with more children than this are containers, not a byline.
MAX_LINE_CHILDREN = 8

# JSON-LD types that describe the article itself.
ARTICLE_TYPES = frozenset(
    "Article NewsArticle ReportageNewsArticle AnalysisNewsArticle OpinionNewsArticle "
    "BackgroundNewsArticle ReviewNewsArticle AskPublicQuestion BlogPosting LiveBlogPosting "
    "SocialMediaPosting TechArticle ScholarlyArticle Report".split()
)

# "Title | Site", "Title - Site": separators between a headline and the site name.
TITLE_SITE_SEPARATOR = re.compile(r"\s+[|–—-]\s+|\s+::\s+|\s+·\s+")

# "By Jane Doe and John Roe", "By Jane Doe, Reuters".
BYLINE_PREFIX = re.compile(r"^\s*(by|von|par|por|di|door)\s+", re.IGNORECASE)
# A job title where a byline's name would be: "By Jane Doe, Staff Writer".
AUTHOR_ROLE = re.compile(
    r"\b(?:writers?|reporters?|correspondents?|editors?|columnists?|contributors?|staff|desk"
    r"|critic|producer|photographer|intern)\s*$",
    re.IGNORECASE,
)
AUTHOR_SEPARATOR = re.compile(r"\s*(?:,|;|\band\b|&|\bund\b|\bet\b|\by\b)\s*", re.IGNORECASE)
