"""Nothing registered, on purpose.

Aanvragen are dossier data (health information) and stay in the scoped views, like inwoners
and meldingen (see wmo/admin.py). Editing them in the admin would also bypass
aanvragen.services, which keeps beslis_deadline in step with the suspensions.
"""
