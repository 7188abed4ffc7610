"""The screens of aanvragen, one module per process step (aanvragen/urls.py points into them).

- aanvraag.py: register an aanvraag, its page with the beslistermijn and the actions on it.
- beschikking.py: the beschikking per voorziening, approval and sending; bezwaar and nazorg.
"""
