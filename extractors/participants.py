"""Participants from list items, running sentences, table rows and programme cells.

An entry is ``[honorific] name، role، organization [(عن بعد)]`` in some order; the
parts are told apart by what they start with (lexicon in ``data/lexicon.json``),
not by position alone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors import nlp
from extractors.structure import canon, data
from normalizers.chars import western_digits

_LEX = data("lexicon.json")
_ORG_HEADS = {canon(w) for w in _LEX["org_heads"]}
_ROLE_HEADS = {canon(w) for w in _LEX["role_heads"]}
# bodies a person can represent (not internal units such as قسم / مصلحة)
_BODY_HEADS = {canon(w) for w in _LEX["body_heads"]}
_REMOTE = re.compile(r"\(?\s*(?:مشاركة\s+)?عن\s+بُ?عد\s*\)?")  # the mark's text, removed once found
_LONG_HEADS = [h for h in _LEX["org_heads"] if len(h) > 3]
_ROLE_OF_ORG = re.compile(  # ل/ب + head, or لل + a definite head without its alef (للجمعية)
    r"\s(?:لل(?P<def>" + "|".join(sorted((re.escape(h[2:]) for h in _LONG_HEADS if h.startswith("ال")), key=len, reverse=True))
    + r")|(?:ل|بـ?|ب)(?P<plain>" + "|".join(sorted(map(re.escape, _LONG_HEADS), key=len, reverse=True)) + r"))(\s.*)?$")
_AND = re.compile(r"\sو(?=\S)")
_NUMBERS_ONLY = re.compile(r"[\d\s،,و]+")
_SPLIT = re.compile(r"\s*[،,؛]\s*|\s+[-–—]\s+")


@dataclass
class Person:
    name: str
    honorific: str | None = None
    organization: str | None = None
    role: str | None = None
    remote: bool | None = None
    commitment_numbers: list[int] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"name": self.name, "honorific": self.honorific, "organization": self.organization,
                "role": self.role, "remote": self.remote, "commitment_numbers": self.commitment_numbers}


def is_org(part: str) -> bool:
    c = canon(part).split()
    if not c:
        return False
    w = c[0]
    heads = {w, w[1:] if w.startswith(("و", "ب", "ل")) else w}
    # or a body known by an acronym or a second name in brackets: (OGP), (فور شباب)
    return bool(heads & _ORG_HEADS) or bool(re.search(r"\([A-Z]{2,}\)|\([^()]{3,}\)\s*$", part))


def is_role(part: str) -> bool:
    c = canon(part).split()
    if not c:
        return False
    return c[0] in _ROLE_HEADS or " ".join(c[:2]) in _ROLE_HEADS


commitment_numbers = nlp.commitment_numbers


def _strip_commitments(text: str) -> str:
    """The text without its commitment reference ("المكلف بالالتزامين 4 و7" -> "المكلف")."""
    text = western_digits(text)
    span = nlp.commitment_span(text)
    return (text[:span[0]] + text[span[1]:]).strip() if span else text.strip()


def _clean(part: str | None) -> str | None:
    if part is None:
        return None
    part = " ".join(part.strip(" ،,؛;.:-–—").split())
    return part or None


_NAME_WORDS = {canon(w) for w in ("أمين", "أمينة")}  # role heads that are first names too


def split_title(part: str) -> list[str]:
    """A name followed by its title with no comma between them (a programme cell's two lines
    joined: «عبد الإله بوشنتوف المدير العام للمصالح»): the name, then the title, cut at the
    first role word after the name's first two words."""
    words = part.split()
    for i in range(2, len(words)):
        if canon(words[i]) not in _NAME_WORDS and is_role(" ".join(words[i:])):
            return [" ".join(words[:i]), " ".join(words[i:])]
    return [part]


def parse_person(text: str, require_honorific: bool = True) -> Person | None:
    """One participant entry, or None when the text names nobody."""
    text = text.strip(" •-–*").strip()
    remote = nlp.is_remote(text)
    body = _REMOTE.sub(" ", text) if remote else text
    numbers = commitment_numbers(body)
    found = nlp.honorific(body)
    if found is None:
        if require_honorific:
            return None
        honorific, rest = None, body
    else:
        honorific, rest = found[0], body[found[2]:]
    parts = [p for p in _SPLIT.split(rest) if p and p.strip(" ()")]
    if not parts:
        return None
    parts[:1] = split_title(parts[0])
    name = _clean(parts[0].strip(" ()[]"))  # a bracket left by the runs is no part of a name
    if not name or len(name.split()) > 6 or is_org(name):
        return None
    role = org = None
    for p in parts[1:]:
        p_clean = _clean(_strip_commitments(p) if nlp.commitment_span(p) else p)
        if not p_clean or _NUMBERS_ONLY.fullmatch(western_digits(p_clean)):
            continue  # the rest of a commitment list cut at its commas ("بالالتزامات 1، 2، 8")
        if role is None and is_role(p_clean) and not is_org(p_clean):
            role = p_clean
        elif org is None and (is_org(p_clean) or role is not None):
            org = p_clean
        elif role is None:
            role = p_clean
        elif org is not None:
            org = f"{org}، {p_clean}" if not is_role(p_clean) else org
    # a role that carries its organisation: "الكاتب العام لقطاع إصلاح الإدارة", "أمينة المال
    # للجمعية الديمقراطية …" (ل + الجمعية is written للجمعية)
    if org is None and role:
        mm = _ROLE_OF_ORG.search(role)
        if mm and mm.start() > 0:
            head = "ال" + mm.group("def") if mm.group("def") else mm.group("plain")
            org = _clean(head + (mm.group(3) or ""))
            role = _clean(role[: mm.start()])
    # a role that names its body: "رئيسة جمعية الأفق للتنمية والمواطنة"
    if org is None and role:
        words = role.split()
        for i in range(1, len(words)):
            if canon(words[i]) in _BODY_HEADS:
                org = _clean(" ".join(words[i:]))
                break
    # an organisation followed by a further role: "جمعية من أجل الشباب وعضو لجنة الإشراف …"
    for cut in _AND.finditer(org or ""):
        if is_role(org[cut.end():]):
            org = _clean(org[: cut.start()])
            break
    if role and numbers:
        role = _clean(re.sub(r"\s*(?:المكلفة?|المكلف)\s*$", "", role))
    return Person(name=name, honorific=honorific, organization=org, role=role,
                  remote=True if remote else None, commitment_numbers=numbers)


def people_in_sentence(text: str) -> list[Person]:
    """People named in running text after an honorific: "ترأس الاجتماع السيد X، الكاتب العام لـ...".

    Only the part from the honorific on is parsed as an entry.
    """
    found = nlp.honorific(text, within=len(text))
    p = parse_person(text[found[1]:]) if found else None
    return [p] if p else []


def merge_people(people: list[Person]) -> list[Person]:
    """One entry per person (matched on the canonical name), attributes filled from all mentions."""
    from rapidfuzz.fuzz import ratio

    out: list[Person] = []
    for p in people:
        for q in out:
            if ratio(canon(p.name), canon(q.name)) >= 90:
                q.honorific = q.honorific or p.honorific
                q.organization = q.organization or p.organization
                q.role = q.role or p.role
                q.remote = q.remote if q.remote is not None else p.remote
                q.commitment_numbers = q.commitment_numbers or p.commitment_numbers
                break
        else:
            out.append(p)
    return out
