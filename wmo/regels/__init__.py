"""The legal rules Keukentafel applies, one module per rule, each written once.

A rule that a model's ``clean()``, a service, a view and an SQL annotation all need (when
does the dwangsom start, may this aanvraag be a spoed aanvraag, which days does a suspension
stop the clock) lives here as pure functions with the article in the docstring. Callers
pass dates and values, not model instances; the modules read no database. A rule that must
also run in SQL has its SQL twin next to the Python version, tested against it.

- ``dwangsom``: the dwangsom bij niet tijdig beslissen (Awb 4:17);
- ``spoed``: a voorlopige voorziening before the onderzoek is done (Wmo 2015 art. 2.3.3);
- ``opschorting``: the beslistermijn stands still (Awb 4:15).

The clocks themselves (Atw, onderzoek, beslistermijn, bezwaar) are wmo.termijnen, which
counts suspensions with ``opschorting``.
"""
