# newsclaims: every target installs what it needs first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8001
SHARED ?= ../shared

.PHONY: install test lint demo bench clean

$(BIN)/newsclaims: pyproject.toml uv.lock
	command -v uv >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv
	uv sync --frozen --python $(PYTHON)
	touch $@

install: $(BIN)/newsclaims

test: install
	$(BIN)/pytest -q

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

demo: install
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/newsclaims ingest --db demo.db demo/articles
	$(BIN)/newsclaims serve demo.db --host 127.0.0.1 --port $(PORT)

bench: install
	$(BIN)/python $(SHARED)/benchmarks/run-dev
	$(BIN)/python bench/clean_speed.py
	$(BIN)/python bench/claims_speed.py
	$(BIN)/python bench/ingest_speed.py
	$(BIN)/python bench/serve_latency.py

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm .pytest_cache .ruff_cache
