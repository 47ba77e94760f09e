"""Settings read from the environment keep what the operator wrote (job-pipeline issue, bug 5)."""

from nexa.settings import redis_url_with_db


def test_redis_url_query_options_survive_the_database_split():
    url = "rediss://:password@redis.example.com:6380/0?ssl_cert_reqs=none"
    assert redis_url_with_db(url, 0) == "rediss://:password@redis.example.com:6380/0?ssl_cert_reqs=none"
    assert redis_url_with_db(url, 1) == "rediss://:password@redis.example.com:6380/1?ssl_cert_reqs=none"
    assert redis_url_with_db("redis://h:6379?db=3&health_check_interval=10", 4) == (
        "redis://h:6379/4?health_check_interval=10"
    )
    assert redis_url_with_db("unix:///tmp/r.sock?db=0", 1) == "unix:///tmp/r.sock?db=1"


def test_the_declared_pypdf_floor_has_what_the_engine_imports():
    """Job-pipeline bug 8: ``pypdf>=6`` admitted releases without ``apply_configuration``, which
    ``engine.pdftext`` imports (checked against the published wheels: 6.17.0 lacks it, 6.18.0 has it)."""
    import pathlib
    import tomllib

    from packaging.requirements import Requirement
    from packaging.version import Version

    project = tomllib.loads((pathlib.Path(__file__).parent.parent / "pyproject.toml").read_text())
    pypdf = next(Requirement(r) for r in project["project"]["dependencies"] if r.startswith("pypdf"))
    assert not pypdf.specifier.contains(Version("6.17.0"))
    assert pypdf.specifier.contains(Version("6.18.0"))
