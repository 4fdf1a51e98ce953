# backchannel — two commands do all the set-up: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
NATIVE := $(VENV)/.native-stamp
NATIVE_SOURCES := $(shell grep -v '^\#' src/backchannel/native.txt)
DEMO_DB ?= demo.db

.PHONY: install native pure demo test lint bench eval clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	BACKCHANNEL_NATIVE=0 $(BIN)/python -m pip install --quiet -c requirements.lock -e ".[dev,english]"
	touch $(STAMP)

# The analysis hot path compiled in place with mypyc (setup.py); rebuilt when a source changes.
# Without a C compiler the package stays pure Python (same results, slower).
$(NATIVE): $(STAMP) setup.py src/backchannel/native.txt $(NATIVE_SOURCES)
	mkdir -p build
	if $(BIN)/python setup.py --quiet build_ext --inplace >build/native.log 2>&1; \
	then $(BIN)/python -m backchannel.native --record; \
	else echo "mypyc build failed (see build/native.log): running as pure Python"; $(BIN)/python -m backchannel.native --remove; fi
	touch $(NATIVE)

native: $(NATIVE)

# Back to pure Python until the next `make native` (or a make target without BACKCHANNEL_NATIVE=0).
pure:
	$(BIN)/python -m backchannel.native --remove
	rm -f $(NATIVE)

# BACKCHANNEL_NATIVE=0 make …: skip the compile (pure Python; `make pure` removes an earlier build)
BACKCHANNEL_NATIVE ?= 1
ifeq ($(BACKCHANNEL_NATIVE),0)
install: $(STAMP)
else
install: $(STAMP) $(NATIVE)
endif

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/backchannel --db $(DEMO_DB) ingest examples/corpus
	COLUMNS=$${COLUMNS:-120} $(BIN)/backchannel --db $(DEMO_DB) articles
	$(BIN)/backchannel --db $(DEMO_DB) rejected
	$(BIN)/backchannel --db $(DEMO_DB) show erdogan-putin-telefonnyi-razgovor.md
	COLUMNS=$${COLUMNS:-120} $(BIN)/backchannel --db $(DEMO_DB) entities list --type PER --limit 12
	COLUMNS=$${COLUMNS:-160} $(BIN)/backchannel --db $(DEMO_DB) contacts
	COLUMNS=$${COLUMNS:-160} $(BIN)/backchannel --db $(DEMO_DB) events --since 2025-03 --until 2025-04
	COLUMNS=$${COLUMNS:-160} $(BIN)/backchannel --db $(DEMO_DB) timeline Путина
	COLUMNS=$${COLUMNS:-140} $(BIN)/backchannel --db $(DEMO_DB) stories --limit 8
	COLUMNS=$${COLUMNS:-140} $(BIN)/backchannel --db $(DEMO_DB) story "$$($(BIN)/backchannel --db $(DEMO_DB) stories --json --limit 1 | $(BIN)/python -c 'import json,sys; print(json.loads(sys.stdin.readline())["id"])')"
	$(BIN)/backchannel --db $(DEMO_DB) ingest examples/corpus
	$(BIN)/backchannel --db $(DEMO_DB) check
	$(BIN)/backchannel --db $(DEMO_DB) export obsidian demo-vault
	$(BIN)/backchannel --db $(DEMO_DB) export gexf demo.gexf
	@echo
	@echo "Obsidian vault: $(CURDIR)/demo-vault (open it as a vault) · Gephi graph: $(CURDIR)/demo.gexf"
	@echo "Try: $(BIN)/backchannel --db $(DEMO_DB) show wire.jsonl#2   ·   $(BIN)/backchannel --db $(DEMO_DB) export articles --format jsonl -o articles.jsonl"
	@echo "Web UI: $(BIN)/backchannel --db $(DEMO_DB) serve   then open http://127.0.0.1:8080/ (e.g. http://127.0.0.1:8080/actors/vladimir-putin)"

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

bench: install
	$(BIN)/python benchmarks/ingest_bench.py
	$(BIN)/python benchmarks/query_bench.py
	$(BIN)/python benchmarks/web_bench.py
	$(BIN)/python benchmarks/scale_bench.py

eval: install
	$(BIN)/backchannel eval ner
	rm -f eval-seeds.db eval-seeds.db-wal eval-seeds.db-shm
	@if [ -d ../shared/data/seeds ]; then \
	  $(BIN)/backchannel --db eval-seeds.db ingest -q ../shared/data/seeds && \
	  $(BIN)/backchannel --db eval-seeds.db eval contacts ../shared/data/gold/seeds.contacts.jsonl \
	    --entities ../shared/data/gold/seeds.entities.json --results benchmarks/results; \
	else echo "../shared/data absent: seeds contact eval skipped"; fi
	rm -f eval-corpus.db eval-corpus.db-wal eval-corpus.db-shm
	$(BIN)/backchannel --db eval-corpus.db ingest -q examples/corpus
	$(BIN)/backchannel --db eval-corpus.db eval contacts examples/gold/corpus.contacts.jsonl \
	  --entities examples/gold/corpus.entities.json --results benchmarks/results
	@if [ -d ../shared/data/eval ]; then \
	  for d in factru-meeting wikievents rams; do for s in dev test; do \
	    $(BIN)/backchannel eval contacts --dataset $$d --split $$s --results benchmarks/results || exit 1; \
	  done; done; \
	else echo "../shared/data/eval absent: factRuEval/WikiEvents/RAMS contact evals skipped"; fi
	$(BIN)/backchannel eval stories --split test --results benchmarks/results

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm demo-vault demo.gexf
