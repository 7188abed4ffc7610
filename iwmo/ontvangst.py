"""Processing of incoming iWmo messages (305, 307, 315, 317): built on top of this foundation.

A stub until the incoming side lands; `manage.py iwmo` calls `verwerk_inbox()`.
"""


def verwerk_inbox() -> list[str]:
    """Process every file in the inbox; returns one line per file saying what was done."""
    raise NotImplementedError("De verwerking van binnenkomende iWmo-berichten is nog niet gebouwd.")
