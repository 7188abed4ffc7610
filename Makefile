# Keukentafel: the few targets a person needs. `make run` and `make test` set everything up.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= wmo.settings.dev

.PHONY: run test install browser fonts lint bench bench-klein clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements-dev.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.lock
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

install: $(VENV)/.installed node_modules/.installed

# Debian's Chromium for the browser tests (never a browser download).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils; \
	  else echo "Installeer Chromium: sudo apt-get install -y chromium poppler-utils" >&2; exit 1; fi; }

# Fonts for letters in any script: DejaVu (Latin, Cyrillic, Greek), Noto (Arabic, Hebrew, Devanagari,
# Thai and more), WenQuanYi Micro Hei (Chinese, Japanese, Korean) and Noto Color Emoji. WeasyPrint
# finds them through fontconfig; without them a name or hulpvraag in another script prints as boxes.
# The Dockerfile installs the same packages.
LETTER_FONTS := fonts-dejavu-core fonts-noto-core fonts-wqy-microhei fonts-noto-color-emoji
fonts:
	@fc-list | grep -q "Noto Color Emoji" && fc-list | grep -q "WenQuanYi Micro Hei" && fc-list | grep -q "NotoSansArabic" || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(LETTER_FONTS); \
	  else echo "Installeer de lettertypen: sudo apt-get install -y $(LETTER_FONTS)" >&2; exit 1; fi; }

run: install fonts
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py demo
	@echo ""
	@echo "Keukentafel draait op http://127.0.0.1:$(PORT)  (stoppen: Ctrl+C)"
	@echo "Demo-logins, wachtwoord voor allemaal: keukentafel-demo"
	@echo "  loket       loketmedewerker (Haarlem en Zandvoort)"
	@echo "  consulent   consulent Wmo-team Haarlem (ook: consulent2)"
	@echo "  zandvoort   consulent Wmo-team Zandvoort"
	@echo "  teamleider  teamleider Wmo-team Haarlem"
	@echo "  beheerder   functioneel beheerder (beheer, geen dossiers; ook: beheerder2,"
	@echo "              want een rol geldt pas als een tweede beheerder hem goedkeurt)"
	@echo "  partner     loket en consulent bij Stichting Welzijn Kennemerland"
	@echo "  privacy     functionaris gegevensbescherming (inzagelog, geen dossiers)"
	@echo "Tweestapsverificatie: na het wachtwoord vraagt Keukentafel een code. De eerste keer scant u"
	@echo "  een QR-code met een authenticator-app (FreeOTP, Aegis, Google/Microsoft Authenticator) en"
	@echo "  bewaart u tien herstelcodes. Zonder telefoon: zet TWEESTAPS_DEMO_GEHEIM in .env voor"
	@echo "  'make run' (alleen demo, zie README: Inloggen en tweestapsverificatie)."
	@echo ""
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Two processes (pytest-xdist; each has its own test database, test_<name>_gw0 and _gw1), the
# browser tests together in one of them (tests/conftest.py). TEST_PROCESSES=0 runs in one process.
TEST_PROCESSES ?= 2
test: install browser fonts
	DJANGO_SETTINGS_MODULE=wmo.settings.test $(BIN)/python -m pytest -n $(TEST_PROCESSES) --dist loadgroup

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=wmo.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

# Seeds (or reuses) BENCH_DATABASE_URL (default: kt_bench on the local PostgreSQL) with BENCH_MELDINGEN
# meldingen, runs gunicorn on 127.0.0.1 and writes the table to benchmarks/resultaten.md.
BENCH_MELDINGEN ?= 1000000
bench: install
	$(BIN)/python benchmarks/bench.py --meldingen $(BENCH_MELDINGEN)

# The same end to end on a small region with few requests (a smoke test, about a minute or two):
# its own database, the table to benchmarks/resultaten-klein.md (not committed).
bench-klein: install
	BENCH_DATABASE_URL=$${BENCH_KLEIN_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/kt_bench_klein} \
	  $(BIN)/python benchmarks/bench.py --meldingen 2000 --klein --uitvoer benchmarks/resultaten-klein.md

clean:
	rm -rf $(VENV) node_modules staticfiles db.sqlite3
