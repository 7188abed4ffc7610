"""Write the squashed migrations of our apps (how the `*_squashed_*` files were made).

Why: a fresh `migrate` spent most of its time in Django re-rendering model states. Almost every
model is related to wmo.Medewerker (the historical models through history_user), so every
AddField, AlterField, AddConstraint or CreateModel re-rendered 30 to 90 models: about 600
operations, 16,000 model renders. Django's own squashmigrations cannot fold them (the data
migrations in between are barriers; 496 operations stay 488).

What: one CreateModel per model in its final form (foreign keys, indexes and constraints inline),
models in foreign-key order, columns in the order of a PostgreSQL database migrated with the old
chain, so `pg_dump --schema-only` is identical. Each app's old chain is cut into as few
contiguous parts as keep the old cross-app dependencies acyclic (Django moves those onto the
replacing migration); each part `replaces` its old migrations. The non-elidable data migrations
run at the end of the app's last part; elidable ones (copies of existing rows) are left out, as
squashmigrations does.

Existing databases with all replaced migrations applied skip the squashed files. A database
partly through a replaced part is not supported (the parts are not the old steps): migrate it on
the parent commit first.

Usage, on a checkout without squashed files, with a PostgreSQL database migrated by that checkout:
    DATABASE_URL=sqlite:////tmp/leeg.sqlite3 .venv/bin/python scripts/squash_migrations.py \
        "host=127.0.0.1 user=postgres dbname=<database>"
"""

import collections
import importlib
import os
import re
import sys

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wmo.settings.dev")

import django  # noqa: E402

django.setup()

import psycopg  # noqa: E402
from django.db import connection, migrations  # noqa: E402
from django.db.migrations.loader import MigrationLoader  # noqa: E402
from django.db.migrations.operations.special import RunPython  # noqa: E402
from django.db.migrations.writer import MigrationWriter  # noqa: E402

OURS = [
    "wmo",
    "meldingen",
    "aanvragen",
    "gesprekken",
    "iwmo",
    "zgw",
    "brp",
    "beheer",
    "teamleider",
    "toegang",
]
DOC = '''"""Squashed (see `replaces`): scripts/squash_migrations.py wrote this from the final state of
the models, one CreateModel each with foreign keys, indexes and constraints inline and the
columns in the order an existing PostgreSQL database has them. A fresh migrate renders each model
state once instead of once per historical operation. The data migrations of the replaced
migrations run at the end of the app's last part. Existing databases (all replaced migrations
applied) skip this file.
"""

'''


def main(dsn):
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    old = {k: m for k, m in loader.disk_migrations.items() if k[0] in OURS}
    if any(m.replaces for m in old.values()):
        sys.exit("Er zijn al squashed migraties: draai dit op een checkout zonder.")
    final = loader.project_state()
    models = {k: v.clone() for k, v in final.models.items() if k[0] in OURS}
    deps = {
        k: {_target(ms, f) for f in ms.fields.values() if f.is_relation} - {k} for k, ms in models.items()
    }
    _columns_as_in_postgresql(models, dsn)
    segs, sdeps = _parts(loader, old)
    reach = _reach(sdeps)

    # Each model into the earliest part of its app that follows the parts of its foreign keys.
    order, done, pending = [], set(), list(models)
    while pending:
        k = next(k for k in pending if {d for d in deps[k] if d[0] in OURS} <= done)
        order.append(k)
        done.add(k)
        pending.remove(k)
    home = {}
    for k in order:
        need = {home[d] for d in deps[k] if d in home}
        home[k] = next(
            i for i, (a, _) in enumerate(segs) if a == k[0] and all(n == i or reach(n, i) for n in need)
        )
    last_part = {a: i for i, (a, _) in enumerate(segs)}
    leaf = dict(loader.graph.leaf_nodes())

    seq = []

    def visit(i):
        if i not in seq:
            for d in sorted(sdeps[i]):
                visit(d)
            seq.append(i)

    for i in range(len(segs)):
        visit(i)

    names, first = {}, set()
    for i in seq:
        app, rep = segs[i]
        name = f"{rep[0][1][:4]}_squashed_{rep[-1][1]}"
        assert (app, name) not in old
        ops, ext = [], set()
        for k in (k for k in order if home[k] == i):
            ms = models[k]
            ops.append(
                migrations.CreateModel(
                    name=ms.name,
                    fields=list(ms.fields.items()),
                    options=ms.options,
                    bases=ms.bases,
                    managers=ms.managers,
                )
            )
            ext |= {(d[0], leaf[d[0]]) for d in deps[k] if d[0] not in OURS}
        for r in rep:
            ext |= {
                d
                for d in old[r].dependencies
                if d[0] not in OURS and d[0] != "__setting__" and not d[1].startswith("__")
            }
        runs = []
        if last_part[app] == i:
            runs = [
                (r, op)
                for r in sorted(k for k in old if k[0] == app)
                for op in old[r].operations
                if isinstance(op, RunPython) and not op.elidable
            ]
        attrs = {
            "operations": ops,
            "replaces": rep,
            "dependencies": sorted(ext | {names[d] for d in sdeps[i]}),
            "initial": app not in first,
        }
        first.add(app)
        text = MigrationWriter(type("Migration", (migrations.Migration,), attrs)(name, app)).as_string()
        text = DOC + re.sub(r"^# Generated by Django.*\n\n", "", text)
        if runs:
            text = _with_runs(text, app, runs)
        with open(f"{app}/migrations/{name}.py", "w") as f:
            f.write(text)
        names[i] = (app, name)
        print(f"{app}/migrations/{name}.py: {len(ops)} modellen, vervangt {len(rep)}, {len(runs)} RunPython")


def _target(ms, f):
    m = f.remote_field.model
    if not isinstance(m, str):
        return (m._meta.app_label, m._meta.model_name)
    if m == "self":
        return (ms.app_label, ms.name_lower)
    a, n = m.split(".") if "." in m else (ms.app_label, m)
    return (a, n.lower())


def _columns_as_in_postgresql(models, dsn):
    pos = collections.defaultdict(dict)
    with psycopg.connect(dsn) as c:
        for t, col, p in c.execute(
            "select table_name, column_name, ordinal_position from information_schema.columns "
            "where table_schema = 'public'"
        ):
            pos[t][col] = p
    for k, ms in models.items():
        table = pos[ms.options.get("db_table") or f"{k[0]}_{k[1]}"]
        items = list(ms.fields.items())
        for name, f in items:
            f.set_attributes_from_name(name)
        cols = [it for it in items if not it[1].many_to_many]
        ms.fields = dict(
            sorted(cols, key=lambda it: table[it[1].column]) + [it for it in items if it[1].many_to_many]
        )


def _parts(loader, old):
    """Cut each app's old chain into contiguous parts, in the old plan order, starting a new part
    only where joining the current one would make the parts' dependencies cyclic."""
    plan = []
    for leaf in sorted(loader.graph.leaf_nodes()):
        plan += [k for k in loader.graph.forwards_plan(leaf) if k in old and k not in plan]
    seg_of, segs, cur, sdeps = {}, [], {}, collections.defaultdict(set)
    reach = _reach(sdeps)
    for k in plan:
        app = k[0]
        ds = {seg_of[p.key] for p in loader.graph.node_map[k].parents if p.key in seg_of}
        s = cur.get(app)
        if s is None or any(d != s and reach(s, d) for d in ds):
            segs.append((app, []))
            s = len(segs) - 1
            if app in cur:
                sdeps[s].add(cur[app])
            cur[app] = s
        segs[s][1].append(k)
        seg_of[k] = s
        sdeps[s] |= ds - {s}
    return segs, sdeps


def _reach(sdeps):
    def reach(a, b):
        """Does part b depend, directly or not, on part a?"""
        stack, seen = [b], set()
        while stack:
            x = stack.pop()
            if x == a:
                return True
            if x not in seen:
                seen.add(x)
                stack.extend(sdeps[x])
        return False

    return reach


def _with_runs(text, app, runs):
    mods = sorted({r[1] for r, _ in runs})
    alias = {m: "m" + m[:4] for m in mods}

    def ref(r, fn):
        if fn is None or fn is RunPython.noop:
            return "migrations.RunPython.noop"
        mod = importlib.import_module(f"{app}.migrations.{r[1]}")
        a = alias[r[1]]
        if getattr(mod, fn.__name__, None) is fn:
            return f"{a}.{fn.__name__}"
        sql = fn.__closure__[0].cell_contents  # wmo.0008: _postgresql(SQL)
        (const,) = [n for n, v in vars(mod).items() if v is sql]
        return f"{a}._postgresql({a}.{const})"

    imports = "".join(f'{alias[m]} = import_module("{app}.migrations.{m}")\n' for m in mods)
    text = text.replace('"""\n\n', '"""\n\nfrom importlib import import_module\n\n', 1)
    text = text.replace("\n\nclass Migration", "\n" + imports + "\n\nclass Migration", 1)
    code = "".join(
        f"        migrations.RunPython({ref(r, op.code)}, {ref(r, op.reverse_code)}),\n" for r, op in runs
    )
    body, tail = text.rstrip().rsplit("    ]", 1)
    return body + code + "    ]" + tail + "\n"


if __name__ == "__main__":
    main(sys.argv[1])
