"""Reads of the teamleider's pages, one module per page.

Everything starts from ``Melding.objects.zichtbaar_voor(user)`` (the one scope rule, in
``common.meldingen``) and is set-based: counts, medians and percentiles are computed by
PostgreSQL, one query per block, so the number of queries does not grow with the number of
dossiers.

- ``termijnen``: the clocks (counts and lists), bezwaartermijnen, dwangsommen (the dashboard);
- ``werklast``: workload per consulent and the meldingen to reassign;
- ``managementinformatie``: figures per month;
- ``clientervaringsonderzoek``: the yearly research list (Wmo 2015 art. 2.5.1);
- ``common``: the filters and the scoped querysets and SQL helpers the pages share.
"""
