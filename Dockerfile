# One image for Nexa's web and worker processes (compose.yaml runs both from it).
#   docker build -t nexa .
#   web:    docker run nexa                         (gunicorn -c gunicorn.conf.py on $PORT, 8000)
#   worker: docker run nexa python manage.py rqworker high default batch --with-scheduler \
#             --serializer rq.serializers.JSONSerializer
# Both need DATABASE_URL, REDIS_URL, SECRET_KEY and ALLOWED_HOSTS (keep localhost in it: the
# health check asks http://localhost:$PORT/health), and either a volume on /data or NEXA_S3_BUCKET.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    NEXA_DATA_DIR=/data \
    NEXA_STATIC_ROOT=/app/staticfiles \
    PORT=8000

# DejaVu Sans: the repeal-request PDF's font (audits/exports.py).
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
# The runtime dependencies, exactly as locked (make lock), before the code for a cached layer.
COPY requirements.lock ./
RUN pip install --require-hashes -r requirements.lock

COPY manage.py gunicorn.conf.py Procfile ./
COPY nexa ./nexa
COPY engine ./engine
COPY specs ./specs
COPY audits ./audits
COPY jobs ./jobs
COPY templates ./templates
COPY static ./static

# Static files collected at build (hashed names, compressed: whitenoise serves them); the build's
# throw-away data dir and generated key are removed again.
RUN NEXA_DATA_DIR=/tmp/build-data python manage.py collectstatic --noinput \
    && rm -rf /tmp/build-data \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin nexa \
    && mkdir -p /data \
    && chown nexa:nexa /data

USER nexa
VOLUME ["/data"]
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://localhost:%s/health' % os.environ.get('PORT', '8000'), timeout=4).status == 200 else 1)"]

CMD ["gunicorn", "-c", "gunicorn.conf.py"]
