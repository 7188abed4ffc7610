# Production image: Debian with WeasyPrint's libraries and the letters' fonts (the Makefile's
# `fonts` target: Latin, Cyrillic, Arabic, CJK and emoji), the locked Python packages and the
# npm assets, static files collected at build time. CI's .ci/production-smoke runs the same
# collectstatic and gunicorn (GUNICORN_CMD_ARGS below) with these settings against PostgreSQL.
FROM python:3.11-slim-bookworm
ENV PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 DJANGO_SETTINGS_MODULE=wmo.settings.base
# gunicorn's options, for `gunicorn wmo.wsgi` here and in docker-compose: gunicorn's limits on the
# request line and headers made explicit (the body is capped by the TLS proxy and by Django's
# DATA_UPLOAD_MAX_MEMORY_SIZE).
ENV GUNICORN_CMD_ARGS="--bind 0.0.0.0:8000 --workers 3 --access-logfile - --limit-request-line 4094 --limit-request-field_size 8190 --limit-request-fields 100"
RUN apt-get update && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b nodejs npm \
      fonts-dejavu-core fonts-noto-core fonts-wqy-microhei fonts-noto-color-emoji \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.lock package.json package-lock.json ./
# The front-end packages are all "dependencies" in package.json, so --omit=dev leaves none out.
RUN pip install -r requirements.lock && npm ci --omit=dev --no-audit --no-fund
COPY . .
# Collects only what the templates use (wmo/staticfiles.py); SECRET_KEY and DATABASE_URL are
# placeholders, collectstatic touches no database.
RUN SECRET_KEY=build DATABASE_URL=sqlite:////tmp/build.db python manage.py collectstatic --noinput
RUN useradd --system keukentafel
# The iWmo outbox and inbox (DATA_DIR): a volume in docker-compose, writable by the app and the worker.
RUN mkdir -p /app/data && chown keukentafel /app/data
USER keukentafel
EXPOSE 8000
CMD ["gunicorn", "wmo.wsgi"]
