"""Settings for `make bench` only: the test settings plus what the benchmark measures with.

- ``ServerTimingMiddleware`` (benchmarks.meting) answers every request with a ``Server-Timing``
  header: the server's time for the request, the time spent in SQL and the number of queries.
  The driver reads it to give each page its query count and SQL share under real load.
- ``/bench/vloer/`` (benchmarks.urls): the floor, a page that renders the base layout for a
  logged-in medewerker and reads no data. Every page is compared with it, in the same run.

Nothing here is reachable in any other configuration: production and the tests use wmo.urls.
"""

from wmo.settings.test import *  # noqa: F403
from wmo.settings.test import MIDDLEWARE

ROOT_URLCONF = "benchmarks.urls"
MIDDLEWARE = ["benchmarks.meting.ServerTimingMiddleware", *MIDDLEWARE]
# Measured as in production: the kept SQL (wmo.sjabloon) is not compared with a fresh build.
SQL_SJABLOON_CONTROLE = False
