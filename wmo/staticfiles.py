"""Static files from npm packages: exactly the files the templates use, nothing more.

The front-end packages (NL Design System's Utrecht CSS and design tokens, htmx) come from npm
into ``node_modules`` and are never copied into the repository. Pointing ``STATICFILES_DIRS`` at
a package's whole ``dist`` folder collects everything in it, including CSS that refers to images
the package does not ship (``@utrecht/design-tokens``' ``background-image-icon.css``), and the
manifest storage of production then refuses to collect at all. This finder exposes only the
files listed in ``settings.NPM_STATIC_FILES`` (``{static path: path inside node_modules}``), so
what ``collectstatic`` collects is what ``templates/base.html`` links, and a file that is missing
from ``node_modules`` is a system check error instead of a broken page.
"""

import posixpath
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import utils
from django.contrib.staticfiles.finders import BaseFinder
from django.core.checks import Error
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage


class NodeModulesFinder(BaseFinder):
    """Finds the files of ``settings.NPM_STATIC_FILES`` in ``settings.NODE_MODULES``.

    Each file keeps its own name; only the folder changes (``htmx.org/dist/htmx.min.js`` is
    served as ``vendor/htmx/htmx.min.js``).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        root = Path(settings.NODE_MODULES)
        # static path -> (file in node_modules, storage of its folder, prefixed like STATICFILES_DIRS)
        self.files = {}
        for static_path, package_path in settings.NPM_STATIC_FILES.items():
            source = root / package_path
            storage = FileSystemStorage(location=source.parent)
            storage.prefix = posixpath.dirname(static_path)
            self.files[static_path] = (source, storage)

    def check(self, **kwargs):
        errors = []
        for static_path, (source, _storage) in self.files.items():
            if posixpath.basename(static_path) != source.name:
                errors.append(
                    Error(
                        f"NPM_STATIC_FILES serves {source.name} as {static_path}; a file keeps its name.",
                        hint=f"Use {posixpath.join(posixpath.dirname(static_path), source.name)}.",
                        id="wmo.E001",
                    )
                )
            if not source.is_file():
                errors.append(
                    Error(
                        f"{source} (for static file {static_path}) does not exist.",
                        hint="Install the npm packages (make install, or npm ci) or correct NPM_STATIC_FILES.",
                        id="wmo.E002",
                    )
                )
        return errors

    # RemovedInDjango61Warning: **kwargs only carries the deprecated `all` argument.
    def find(self, path, find_all=False, **kwargs):
        if kwargs:
            find_all = self._check_deprecated_find_param(find_all=find_all, **kwargs)
        source, _storage = self.files.get(path, (None, None))
        if source is None or not source.is_file():
            return []  # "no match", as Django's own finders answer (finders.find() relies on it)
        return [str(source)] if find_all else str(source)

    def list(self, ignore_patterns):
        for static_path, (source, storage) in self.files.items():
            if ignore_patterns and utils.matches_patterns(source.name, ignore_patterns):
                continue
            if not source.is_file():
                raise ImproperlyConfigured(
                    f"{source} (for static file {static_path}) does not exist; run npm ci."
                )
            yield source.name, storage
