"""How the scraper reads inputs and fetches pages: limits, politeness, and page types.

Kept as data so that a deployment can change them without touching the code that applies them.
"""

# The product token: the User-Agent's name, and the one robots.txt rules are matched
# against, so that a site's rules for "newsclaims" apply to the requests it sees.
AGENT_TOKEN = "newsclaims"
# Whom a site's operator who sees our requests can reach (a URL or an email address), when
# the command line gives none; the User-Agent carries it in parentheses.
CONTACT_VARIABLE = "NEWSCLAIMS_CONTACT"
# What we can clean, best first: servers that negotiate send a page rather than, say, JSON.
ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1"

# Larger than any real article page; stops a huge file or endless stream from eating memory.
MAX_PAGE_BYTES = 10 * 1024 * 1024
# RFC 9309 asks crawlers to parse at least 500 KiB of robots.txt.
MAX_ROBOTS_BYTES = 500 * 1024

TIMEOUT_SECONDS = 10.0  # per connect/read, and for a whole download
HOST_DELAY_SECONDS = 1.0  # between two requests to the same host
MAX_HOST_DELAY_SECONDS = 30.0  # a larger Crawl-delay is honoured only up to this
RETRIES = 3  # after the first attempt, on the statuses below
BACKOFF_SECONDS = 0.5  # first wait; doubles on each retry
MAX_RETRY_WAIT_SECONDS = 30.0  # a longer Retry-After means giving up, not waiting
MAX_REDIRECTS = 10
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})

# Files: what their names say they hold (a trailing .gz is looked through).
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt",)
# What a folder is searched for.
FOLDER_PAGE_SUFFIXES = (".html", ".htm", ".html.gz", ".txt")

# URLs: what the Content-Type says they hold.
HTML_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_CONTENT_TYPES = frozenset({"text/plain"})

# Markup that, near the start of a file with an unknown name, says it is an HTML page.
HTML_MARKERS = ("<!doctype html", "<html", "<head", "<body")
HTML_SNIFF_CHARS = 2048
