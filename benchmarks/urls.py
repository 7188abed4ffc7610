"""The app's URLs plus the floor page of the benchmark (benchmarks.settings only)."""

from django.urls import path

from wmo.urls import urlpatterns as app_urlpatterns

from .meting import vloer

urlpatterns = [path("bench/vloer/", vloer, name="bench_vloer"), *app_urlpatterns]
