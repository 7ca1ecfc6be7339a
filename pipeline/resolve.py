"""People and bodies across documents: one id per person or organization.

Spellings are grouped greedily by rapidfuzz similarity of their canonical form (the
lenient form of ``extractors.structure.canon``): «وئام المستمد» / «ونام مستمد»,
«هدى بناني» / «هدنة بناني» become one person; every spelling is kept with its source.
"""
from __future__ import annotations

from collections import Counter

from rapidfuzz import fuzz

from extractors.structure import canon

PERSON_THRESHOLD = 80.0
ORG_THRESHOLD = 88.0


def _strip_al(c: str) -> str:
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in c.split())


def cluster(names: list[str], threshold: float) -> list[int]:
    """Cluster index per name; names are compared on their canonical form without ال."""
    keys = [_strip_al(canon(n)) for n in names]
    reps: list[str] = []
    out: list[int] = []
    for k in keys:
        best, best_s = -1, 0.0
        for i, r in enumerate(reps):
            s = fuzz.token_sort_ratio(k, r)
            if s > best_s:
                best, best_s = i, s
        if best >= 0 and best_s >= threshold:
            out.append(best)
        else:
            reps.append(k)
            out.append(len(reps) - 1)
    return out


def resolve(con) -> None:
    """Rebuild people, person_names, organizations and organization_names from the loaded rows."""
    parts = con.execute("SELECT doc_id, idx, name, organization FROM participants ORDER BY doc_id, idx").fetchall()
    ids = cluster([p[2] for p in parts], PERSON_THRESHOLD)
    con.execute("DELETE FROM people")
    con.execute("DELETE FROM person_names")
    groups: dict[int, Counter] = {}
    for (doc_id, idx, name, _), pid in zip(parts, ids):
        groups.setdefault(pid, Counter())[name] += 1
    if parts:
        con.executemany("INSERT INTO person_names VALUES (?, ?, ?, ?)",
                        [[pid, p[2], p[0], p[1]] for p, pid in zip(parts, ids)])
    if groups:
        con.executemany("INSERT INTO people VALUES (?, ?, ?)",
                        [[pid, c.most_common(1)[0][0], len(c)] for pid, c in groups.items()])
    orgs = [("participants", d, i, o) for d, i, _, o in parts if o]
    orgs += [("absent_organizations", d, i, n) for d, i, n in
             con.execute("SELECT doc_id, idx, name FROM absent_organizations ORDER BY doc_id, idx").fetchall()]
    oids = cluster([o[3] for o in orgs], ORG_THRESHOLD)
    con.execute("DELETE FROM organizations")
    con.execute("DELETE FROM organization_names")
    ogroups: dict[int, Counter] = {}
    for o, oid in zip(orgs, oids):
        ogroups.setdefault(oid, Counter())[o[3]] += 1
    if orgs:
        con.executemany("INSERT INTO organization_names VALUES (?, ?, ?, ?, ?)",
                        [[oid, o[3], o[1], o[0], o[2]] for o, oid in zip(orgs, oids)])
    if ogroups:
        con.executemany("INSERT INTO organizations VALUES (?, ?, ?)",
                        [[oid, c.most_common(1)[0][0], len(c)] for oid, c in ogroups.items()])
