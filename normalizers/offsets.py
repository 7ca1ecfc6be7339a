"""Offset map from repaired text back to the raw line: ``offsets[i]`` is the index in the raw
line of repaired character ``i`` (-1 for characters repair inserted, such as a space).

Repair moves whole runs and reverses visual-order letters, but never changes a word's
letters beyond folding: each word of the repaired line is found in the folded raw line,
as written or reversed (visual order), left to right, and mapped letter by letter.
"""
from __future__ import annotations

import re
from functools import lru_cache

from normalizers.chars import fold_presentation_char

_TOKEN = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=8192)
def _fold_char(ch: str, visual: bool) -> str:
    f = "" if ch == "\u0640" else fold_presentation_char(ch)
    return f[::-1] if visual else f


def _folded(raw: str, visual: bool = False) -> tuple[str, list[int]]:
    """Raw text with presentation forms folded and tatweel dropped, and each char's raw index.

    With ``visual`` a ligature's letters are laid out reversed (ﻻ -> "ال"), as they stand in a
    visual-order line.
    """
    out, idx = [], []
    for i, ch in enumerate(raw):
        f = _fold_char(ch, visual)
        if len(f) == 1:
            out.append(f)
            idx.append(i)
        else:
            for c in f:
                out.append(c)
                idx.append(i)
    return "".join(out), idx


def offset_map(repaired: str, raw: str) -> list[int]:
    folded, idx = _folded(raw)
    vfolded, vidx = _folded(raw, visual=True)
    offsets = [-1] * len(repaired)
    used = [False] * len(folded)
    vused = [False] * len(vfolded)
    for m in _TOKEN.finditer(repaired):
        tok = m.group()
        for cand, reverse in ((tok, False), (tok[::-1], True)):
            text, where, taken = (vfolded, vidx, vused) if reverse else (folded, idx, used)
            hit = _free_find(text, cand, taken)
            if hit >= 0:
                for j in range(len(tok)):
                    src = hit + (len(tok) - 1 - j if reverse else j)
                    offsets[m.start() + j] = where[src]
                    taken[src] = True
                break
        else:  # a word put together from pieces of the raw line (ال + بوابات): piece by piece
            _map_pieces(tok, m.start(), folded, idx, used, offsets)
    return offsets


def _free_find(text: str, cand: str, taken: list[bool]) -> int:
    """First place ``cand`` stands in ``text`` on letters no other word has taken, or -1."""
    start = 0
    while True:
        k = text.find(cand, start)
        if k < 0 or not any(taken[k:k + len(cand)]):
            return k
        start = k + 1


def _map_pieces(tok: str, at: int, folded: str, idx: list[int], used: list[bool], offsets: list[int]) -> None:
    """Map the longest stretches of ``tok`` found free in the raw line, longest first."""
    todo = [(0, len(tok))]
    while todo:
        lo, hi = todo.pop()
        for size in range(hi - lo, 0, -1):
            found = next(((i, k) for i in range(lo, hi - size + 1)
                          if (k := _free_find(folded, tok[i:i + size], used)) >= 0), None)
            if found:
                i, k = found
                for j in range(size):
                    offsets[at + i + j] = idx[k + j]
                    used[k + j] = True
                todo += [(lo, i), (i + size, hi)]
                break


def raw_span(offsets: list[int] | None, start: int, end: int) -> tuple[int | None, int | None]:
    """Raw character span covering repaired characters [start, end)."""
    if not offsets:
        return None, None
    got = [o for o in offsets[max(0, start):max(start, end)] if o >= 0]
    if not got:
        return None, None
    return min(got), max(got) + 1
