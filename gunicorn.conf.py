"""gunicorn settings of the web process, the one place they are written.

Read by the Procfile's ``web`` process (``gunicorn -c gunicorn.conf.py``), by the container image
and by ``manage.py run_local`` (``make run``), which overrides only the address, the number of
processes and the graceful timeout on its command line. Environment:

* ``PORT``: the port to bind on every interface (default 8000); ``GUNICORN_BIND`` replaces the
  whole address (``127.0.0.1:9000``, ``unix:/run/nexa.sock``);
* ``WEB_CONCURRENCY``: worker processes (default 4), each with 2 threads;
* ``LOG_FORMAT=json``: gunicorn's own log lines as JSON objects, like the application's.
"""

import os

wsgi_app = "nexa.wsgi:application"
bind = [os.environ.get("GUNICORN_BIND") or f"0.0.0.0:{os.environ.get('PORT', '8000')}"]
workers = int(os.environ.get("WEB_CONCURRENCY", "4"))
threads = 2
# A synchronous analysis (POST /analyze-audit, at most NEXA_SYNC_MAX_BYTES) finishes well inside this.
timeout = 60
graceful_timeout = 30
# Recycle each process after about 2000 requests (jittered so they do not all restart at once).
max_requests = 2000
max_requests_jitter = 200
# Heartbeat files on tmpfs where there is one (containers: /tmp may be an overlay on disk).
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# gunicorn >= 25.1 opens a control socket in ~/.gunicorn shared by every instance; Nexa uses none.
control_socket_disable = True

# An access line names the request id the app answered (nexa.logcontext, X-Request-ID).
access_log_format = (
    '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" request_id=%({x-request-id}o)s'
)

# LOG_FORMAT=json (as for Django's lines, nexa/settings.py): gunicorn's own lines as JSON objects too,
# and its access log (one line a request) on.
if os.environ.get("LOG_FORMAT", "").strip().lower() == "json":
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
                "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            }
        },
        "handlers": {
            "json_console": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stderr",
            }
        },
        "root": {"level": "INFO", "handlers": ["json_console"]},
        "loggers": {
            "gunicorn.error": {"handlers": ["json_console"], "level": "INFO", "propagate": False},
            "gunicorn.access": {"handlers": ["json_console"], "level": "INFO", "propagate": False},
        },
    }
