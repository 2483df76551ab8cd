"""Word lists the extractors apply, kept apart from the logic that applies them."""

# Verbs that introduce reported speech or thought: their subject is the speaker.
REPORTING_VERBS = frozenset(
    """
    say tell report add write announce state claim argue note explain insist
    acknowledge admit confirm deny warn estimate believe think worry accuse
    allege assert contend declare maintain predict reply respond suggest
    testify tweet post recall remark stress caution concede emphasize
    joke chant remember recount reveal conclude indicate speculate boast complain
    """.split()
)

# Modal auxiliaries and future markers (spec: modality).
MODAL_AUXILIARIES = frozenset("may might could would should must will can shall".split())

# Words before a number that make it approximate or a bound.
APPROXIMATORS = frozenset(
    """
    nearly almost about around approximately roughly some over under more less
    fewer least most than up to just estimated
    """.split()
)
