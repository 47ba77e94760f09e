"""What ships beside the code: the dependency locks, the gunicorn config the Procfile and ``run_local``
share, the container image and compose file, the pre-commit hooks. No container engine runs here, so
the Dockerfile and compose.yaml are checked for what they reference: files that exist, commands and
options the project has, settings it reads."""

import os
import re
import shlex
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
import yaml
from django.core.management import get_commands, load_command_class
from django.urls import resolve
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.no_redis

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def _pins(lock: str) -> dict[str, str]:
    """``{canonical name: version}`` of the lines of ``lock`` that apply to this interpreter."""
    pins = {}
    for line in (ROOT / lock).read_text().splitlines():
        m = PIN.match(line)
        if not m:
            continue
        name, version, marker = m.groups()
        if marker and not Requirement(f"x; {marker}").marker.evaluate():
            continue
        pins[canonicalize_name(name)] = version
    return pins


def _declared(extra: str | None = None) -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = project["dependencies"] if extra is None else project["optional-dependencies"][extra]
    return [Requirement(r) for r in reqs]


def _applies(req: Requirement) -> bool:
    return req.marker is None or req.marker.evaluate({**default_environment(), "extra": ""})


@pytest.mark.parametrize(
    "lock, groups",
    [("requirements.lock", [None]), ("requirements-dev.lock", [None, "dev"])],
)
def test_each_lock_pins_every_declared_dependency_within_its_range(lock, groups):
    pins = _pins(lock)
    problems = []
    for group in groups:
        for req in _declared(group):
            if not _applies(req):
                continue
            version = pins.get(canonicalize_name(req.name))
            if version is None:
                problems.append(f"{req.name} is not in {lock}")
            elif not req.specifier.contains(version, prereleases=True):
                problems.append(f"{lock} pins {req.name}=={version}, outside {req}")
    assert not problems, "run `make lock`: " + "; ".join(problems)


def test_every_pin_has_hashes_and_the_runtime_lock_agrees_with_the_dev_lock():
    for lock in ("requirements.lock", "requirements-dev.lock"):
        text = (ROOT / lock).read_text()
        pinned = len(re.findall(r"^[A-Za-z0-9][A-Za-z0-9._-]*==", text, re.M))
        assert pinned > 20 and text.count("--hash=sha256:") >= pinned, lock
    runtime, dev = _pins("requirements.lock"), _pins("requirements-dev.lock")
    assert {name: dev.get(name) for name in runtime} == runtime


def test_this_environment_was_installed_from_the_dev_lock():
    wrong = {}
    for name, version in _pins("requirements-dev.lock").items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed = None
        if installed != version:
            wrong[name] = (version, installed)
    assert not wrong, f"locked vs installed (run make to reinstall from the lock): {wrong}"


def test_make_installs_from_the_lock_and_make_lock_refreshes_it():
    makefile = (ROOT / "Makefile").read_text()
    stamp_rule = makefile.split("$(STAMP):", 1)[1].split("\n\n", 1)[0]
    assert "requirements-dev.lock" in stamp_rule.splitlines()[0]  # a new lock reinstalls
    assert "--require-hashes -r requirements-dev.lock" in stamp_rule
    assert "--no-deps" in stamp_rule and "pip install -q -e '.[dev]'" not in makefile
    lock_rule = makefile.split("\nlock:", 1)[1].split("\n\n", 1)[0]
    assert "-o requirements.lock" in lock_rule and "-o requirements-dev.lock" in lock_rule
    for lock in ("requirements.lock", "requirements-dev.lock"):
        header = (ROOT / lock).read_text().splitlines()[1]
        assert "uv pip compile pyproject.toml" in header and f"-o {lock}" in header


# --- one gunicorn config --------------------------------------------------------------------------


def _gunicorn_config(argv: list[str], **env: str) -> dict[str, str]:
    """gunicorn's own reading of ``argv`` (``--print-config``), as ``{setting: value text}``."""
    result = subprocess.run(
        [*argv, "--print-config"],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return {
        m.group(1): m.group(2)
        for m in re.finditer(r"^(\w+)\s+= (.*)$", result.stdout, re.M)  # "name   = value"
    }


def _procfile(name: str) -> list[str]:
    line = next(ln for ln in (ROOT / "Procfile").read_text().splitlines() if ln.startswith(f"{name}:"))
    return shlex.split(line.split(":", 1)[1])


def test_procfile_web_reads_gunicorn_conf():
    argv = _procfile("web")
    assert argv[:3] == ["gunicorn", "-c", "gunicorn.conf.py"]
    conf = _gunicorn_config([sys.executable, "-m", *argv], PORT="8123", WEB_CONCURRENCY="3")
    assert conf["bind"] == "['0.0.0.0:8123']" and conf["workers"] == "3"
    assert conf["threads"] == "2" and conf["timeout"] == "60" and conf["max_requests"] == "2000"
    assert conf["wsgi_app"] == "nexa.wsgi:application"


def test_run_local_reads_the_same_gunicorn_conf(settings):
    from nexa.management.commands.run_local import Command

    options = {"host": "127.0.0.1", "port": 8124, "max_jobs": 5, "web_workers": 2, "grace": 7.0}
    _, web = Command()._children({**options, "runserver": False})
    assert web.argv[web.argv.index("--config") + 1] == str(ROOT / "gunicorn.conf.py")
    conf = _gunicorn_config(web.argv)
    # what make run changes on the command line; the rest is gunicorn.conf.py's
    assert conf["bind"] == "['127.0.0.1:8124']" and conf["workers"] == "2"
    assert conf["graceful_timeout"] == "7"
    assert conf["threads"] == "2" and conf["timeout"] == "60" and conf["max_requests"] == "2000"


# --- container image and compose ------------------------------------------------------------------


def _dockerfile() -> list[tuple[str, str]]:
    """``(INSTRUCTION, arguments)`` of the Dockerfile, continuation lines joined, comments dropped."""
    text = re.sub(r"\\\n", " ", (ROOT / "Dockerfile").read_text())
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            out.append((word.upper(), rest.strip()))
    return out


def _dockerignored() -> list[str]:
    return [ln.strip() for ln in (ROOT / ".dockerignore").read_text().splitlines() if ln.strip()]


def test_dockerfile_copies_files_that_exist_and_everything_the_app_imports():
    copied = []
    for word, args in _dockerfile():
        if word == "COPY":
            *sources, _dest = shlex.split(args)
            copied += sources
    for source in copied:
        assert (ROOT / source).exists(), f"COPY {source}: no such file"
        assert source not in _dockerignored(), f"COPY {source} is excluded by .dockerignore"
    # every Django app and package the settings name, and what the processes start from
    packages = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    needed = {p.rstrip("*") for p in packages["find"]["include"]}
    needed |= {"manage.py", "gunicorn.conf.py", "requirements.lock", "templates", "static"}
    assert needed <= set(copied), f"not copied into the image: {sorted(needed - set(copied))}"


def test_dockerfile_runs_as_non_root_collects_static_and_checks_health():
    steps = _dockerfile()
    words = [w for w, _ in steps]
    assert words[0] == "FROM" and "python:3.11" in steps[0][1]
    runs = " ".join(a for w, a in steps if w == "RUN")
    assert "pip install --require-hashes -r requirements.lock" in runs
    assert "manage.py collectstatic --noinput" in runs
    user = [a for w, a in steps if w == "USER"]
    assert user and user[-1] not in ("root", "0")
    assert words.index("USER") > max(i for i, w in enumerate(words) if w == "RUN")
    (health,) = [a for w, a in steps if w == "HEALTHCHECK"]
    assert "/health" in health
    assert resolve("/health").url_name  # the path the check asks exists
    (cmd,) = [a for w, a in steps if w == "CMD"]
    assert yaml.safe_load(cmd) == _procfile("web")  # the image's default process is the Procfile's web


def test_the_image_health_check_passes_against_a_running_server(live_server):
    (health,) = [a for w, a in _dockerfile() if w == "HEALTHCHECK"]
    argv = yaml.safe_load(health.split(" CMD ", 1)[1])
    port = live_server.url.rsplit(":", 1)[1]
    result = subprocess.run(
        [sys.executable, *argv[1:]], env={**os.environ, "PORT": port}, capture_output=True, timeout=30
    )
    assert result.returncode == 0, result.stderr


def test_the_build_step_collects_static_files_with_a_manifest(tmp_path):
    """The Dockerfile's collectstatic, as the build runs it: DEBUG off, hashed and compressed files."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "NEXA_", "DEBUG"))}
    env.update(NEXA_DATA_DIR=str(tmp_path / "data"), NEXA_STATIC_ROOT=str(tmp_path / "static"))
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "static" / "staticfiles.json").exists()
    assert list((tmp_path / "static").glob("nexa.*.css.gz"))


def _compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text())


def test_compose_runs_web_worker_postgres_and_redis_from_the_image():
    services = _compose()["services"]
    assert {"web", "worker", "db", "redis"} <= set(services)
    assert services["db"]["image"].startswith("postgres:") and services["redis"]["image"].startswith("redis:")
    for name in ("web", "worker", "migrate"):
        assert services[name]["build"] == "." and services[name]["image"] == "nexa:latest"
        env = services[name]["environment"]
        assert env["DATABASE_URL"].startswith("postgres://") and "@db:5432/" in env["DATABASE_URL"]
        assert env["REDIS_URL"].startswith("redis://redis:6379/")
    assert services["web"]["command"] == _procfile("web")
    # the worker's command is the Procfile's, the compose variable syntax aside
    assert [w.replace("${NEXA_WORKER_MAX_JOBS:-500}", "N") for w in services["worker"]["command"]] == [
        w.replace("${NEXA_WORKER_MAX_JOBS:-500}", "N") for w in _procfile("worker")
    ]
    for name in ("web", "worker"):
        assert services[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"


def test_compose_keeps_uploads_on_a_volume_shared_by_web_and_worker():
    compose = _compose()
    (data_dir,) = [a for w, a in _dockerfile() if w == "ENV" and "NEXA_DATA_DIR=" in a]
    data_dir = re.search(r"NEXA_DATA_DIR=(\S+)", data_dir).group(1)
    for name in ("web", "worker"):
        volumes = compose["services"][name]["volumes"]
        assert f"media:{data_dir}" in volumes
    assert "media" in compose["volumes"]


def test_compose_commands_are_real_management_commands_with_real_options():
    services = _compose()["services"]
    commands = get_commands()
    for name in ("worker", "migrate"):
        argv = [w.replace("${NEXA_WORKER_MAX_JOBS:-500}", "500") for w in services[name]["command"]]
        assert argv[:2] == ["python", "manage.py"]
        app = commands[argv[2]]
        parser = load_command_class(app, argv[2]).create_parser("manage.py", argv[2])
        parser.parse_args(argv[3:])  # exits (SystemExit) on an unknown option


def test_every_variable_compose_sets_is_one_nexa_reads():
    read = (ROOT / "nexa" / "settings.py").read_text() + (ROOT / "gunicorn.conf.py").read_text()
    for name in ("web", "worker"):
        for var in _compose()["services"][name]["environment"]:
            assert f'"{var}"' in read, f"compose sets {var}, which nothing reads"


# --- pre-commit -----------------------------------------------------------------------------------


def test_pre_commit_config_is_valid_and_runs_ruff_and_the_migrations_check():
    path = ROOT / ".pre-commit-config.yaml"
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    hooks = {h["id"]: h for repo in yaml.safe_load(path.read_text())["repos"] for h in repo["hooks"]}
    assert "ruff check" in hooks["ruff-check"]["entry"] and "ruff format" in hooks["ruff-format"]["entry"]
    assert "makemigrations --check" in hooks["makemigrations-check"]["entry"]
    for hook in hooks.values():
        executable = hook["entry"].split()[0]
        assert executable == ".venv/bin/python" and (ROOT / executable).exists()
