"""Rules and word lists the scraper applies, kept apart from the code."""
