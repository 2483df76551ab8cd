"""corpus: the claims database (SQLite) and its Datasette site."""
