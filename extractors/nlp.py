"""The spaCy pipeline of the extractors: a blank Arabic tokenizer with an EntityRuler and a
Matcher built from ``data/lexicon.json`` (no pretrained Arabic model exists offline).

Entity labels: ``HONORIFIC`` (السيد، السيدة، الأستاذ …), ``ORG_HEAD`` (the word that opens a
body's name: وزارة، جمعية، الهيئة …). Matcher rules: ``COMMITMENTS`` (بالالتزام 5،
بالالتزامين 4 و7، بالالتزامات 1، 2، 8), ``REMOTE`` (عن بعد، مشاركة عن بعد).
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.structure import data
from normalizers.chars import western_digits

_NUM = r"^و?\d{1,3}$"
_COMMIT_WORD = r"^(?:[بل]|لل)?(?:ال)?التزام(?:ات|ين|ان)?$"


@lru_cache(maxsize=1)
def pipeline():
    """The blank Arabic pipeline with the project's rules, built once."""
    import spacy
    from spacy.matcher import Matcher

    lex = data("lexicon.json")
    nlp = spacy.blank("ar")
    ruler = nlp.add_pipe("entity_ruler", config={"overwrite_ents": True})
    ruler.add_patterns(
        [{"label": "HONORIFIC", "pattern": [{"TEXT": h}]} for h in lex["honorifics"] if h[-1] not in "./"]
        + [{"label": "ORG_HEAD", "pattern": [{"TEXT": w}]} for w in lex["org_heads"]]
    )
    matcher = Matcher(nlp.vocab)
    matcher.add("COMMITMENTS", [[{"TEXT": {"REGEX": _COMMIT_WORD}}, {"TEXT": {"REGEX": _NUM}},
                                 {"TEXT": {"REGEX": r"^(?:و?\d{1,3}|،|,|و|-)$"}, "OP": "*"}]],
                greedy="LONGEST")
    matcher.add("REMOTE", [[{"TEXT": "عن"}, {"TEXT": {"IN": ["بعد", "بُعد"]}}]])
    return nlp, matcher


def _doc(text: str):
    nlp, _ = pipeline()
    return nlp(western_digits(text))


def commitment_numbers(text: str) -> list[int]:
    """Commitment numbers a person is in charge of, ascending."""
    nlp, matcher = pipeline()
    doc = _doc(text)
    nums: set[int] = set()
    for mid, start, end in matcher(doc):
        if nlp.vocab.strings[mid] == "COMMITMENTS":
            nums.update(int(x) for tok in doc[start + 1:end] for x in re.findall(r"\d+", tok.text))
    return sorted(nums)


def commitment_span(text: str) -> tuple[int, int] | None:
    """Character span of the commitment reference in ``text`` (digits as Western)."""
    nlp, matcher = pipeline()
    doc = _doc(text)
    spans = [doc[s:e] for mid, s, e in matcher(doc) if nlp.vocab.strings[mid] == "COMMITMENTS"]
    if not spans:
        return None
    return spans[0].start_char, spans[0].end_char


def is_remote(text: str) -> bool:
    nlp, matcher = pipeline()
    return any(nlp.vocab.strings[mid] == "REMOTE" for mid, _, _ in matcher(_doc(text)))


def honorific(text: str, within: int = 40) -> tuple[str, int, int] | None:
    """The first honorific in the first ``within`` characters: (as written, start, end)."""
    for ent in _doc(text).ents:
        if ent.label_ == "HONORIFIC" and ent.start_char <= within:
            return ent.text, ent.start_char, ent.end_char
    return None
