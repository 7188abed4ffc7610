from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Commands that fill a database with every app's records: `manage.py demo` (the quick
    start's cases) and `manage.py seed` (volume for the benchmark). On top of all apps."""

    name = "demo"
    verbose_name = "Demo- en testgegevens"
