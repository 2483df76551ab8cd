"""Datasette plugin that publishes a newsclaims corpus (registered as an entry point)."""
