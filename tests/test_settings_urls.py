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
