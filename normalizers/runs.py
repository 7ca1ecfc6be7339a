"""Repair of already-extracted text whose runs came out in visual order.

Text extracted by other tools from right-to-left PDFs often has each line's runs
(stretches the producer drew in one go) in reverse order: ``2020فبراير  12الأربعاء``
for ``الأربعاء 12 فبراير 2020``. Inside a run the order is logical; the runs
themselves are reversed, and run boundaries do not always fall on spaces.

The method is general, not keyed to lines: a line is cut into atoms (Arabic
words, numbers, Latin phrases, punctuation; glued words split where the pieces
are known words); every segmentation of the atoms into contiguous runs is a
candidate reading (runs in reverse order), the identity included; a word and word-class
bigram model learned from the clean Arabic text shipped in ``data/clean_ar.txt`` (with the
general corpus's word-pair evidence, ``msa``) scores each candidate, with the neighbouring
lines' words at the edges of a wrapped line, and dynamic programming finds the best one in
O(n^3). Every line is read twice: the second reading also weighs the word pairs the
document's other lines show in the first (``lm.DocumentModel``). A document without
visual-order damage is never reordered, but for its lines laid out word by word, in visual
order (``word_spaced``: seed 004's justified lines), which are read with every wide gap a
run boundary and kept where the model prefers them as written.
"""
from __future__ import annotations

import math
import operator
import re
from collections import Counter
from dataclasses import replace
from itertools import accumulate

from normalizers.bidi import displaced_stretches, order_ranges
from normalizers.chars import MIRROR_PAIRS, drop_diacritics, drop_tatweel, fix_brackets, load_table
from normalizers.lm import (_AR_LETTER, PARTICLES, PROCLITICS, Atom, BigramModel, DocumentModel, WordModel, atoms_of, is_word, lm_key, model,
                            pair_gain, sequence, text_key)
from normalizers.pieces import (COMMON_ZIPF, CUT_WORD_LETTERS, SHORT_WORDS, Vocabulary, article_moves, clitic_moves,
                                doc_pairs, doc_vocabulary, glued_word_splits, join_edge_pieces, join_split_words, lone_article_readings,
                                split_glued, transfer_fragments)

# punctuation that attaches to the word before it / after it
PERCENT = "%\u066a"  # the percent sign and the Arabic one (٪), both written after their number
_CLOSING = set("،.:؛!?)]}»,;؟" + PERCENT)
_OPENING = set("([{«")
# marks that close a sentence or item (at a line's logical end)
_TRAIL = "،.:؛;,!؟?"
_CLOSERS = frozenset(_TRAIL)


# Costs of a run boundary (in nats of the word model), by what the raw text shows there
SEAM_PENALTY = 0.0         # a script change or punctuation: runs often end there
SPACE_PENALTY = 4.0        # an ordinary single space between two words: needs real evidence
                           # (a document's own cost: ``space_penalty``)
GLUED_MARK_PENALTY = 2.0   # next to a mark typed against its word (رفقته. / الذكاء ، بمقر)
MARK_BEFORE_NUMBER_PENALTY = 8.0  # a mark against its word, a number set apart after it
WIDE_PENALTY = -2.0        # two or more spaces: evidence of a seam, not a certain one
GLUED_WORDS_BONUS = 4.0    # two Arabic words written together: a seam unless their order reads far better
NO_LINE_START = 1e6         # a reading that starts a line with a closing mark
FORCED = float("-inf")     # a number glued to a word, a word glued after a comma: a boundary must be there

# Weights of a line's edges
EDGE_WEIGHT = 0.5            # nothing known of the neighbouring lines
SURE_EDGE_WEIGHT = 0.75      # the line starts or ends a paragraph or item
CONTINUED_EDGE_WEIGHT = 0.5  # inside a wrapped paragraph
CONTEXT_WEIGHT = 1.0         # the pair across the line break, where likelier than the word alone
TRAIL_WEIGHT = 0.5           # the pair of a line's last word and the number set after it («بنسبة 75%»)
BEFORE_NUMBER = "<num>…"     # the context of a line whose number is set at its logical end


def edge_score(lm: WordModel, word: str, context: str | None, left: bool) -> float:
    """Score of a line edge: ``word`` starts the line (``left``) or ends it, next to
    ``context``: ``None`` when nothing is known of the neighbouring line, ``<s>``/``</s>`` at
    a sure paragraph edge (the line before ended a sentence or item, this one ends in a
    comma or full stop), the mark the line ends with (set apart from its words: a mark of
    the words' own standing before it is scored as the pair of marks, «…،:» being next to
    impossible; a word before it as the likelier of the word ending a line and the word
    before that mark, «يلي:» rather than «على:»), or the neighbouring line's word in a
    wrapped paragraph, which adds the evidence of a bigram seen in clean text; or
    ``BEFORE_NUMBER``: the line's number is read after ``word`` on the same line (``% 75
    بنسبةإنجاز التهيئة`` is «إنجاز التهيئة بنسبة 75%»), scored as that pair at ``TRAIL_WEIGHT``
    (where the number goes is itself a guess)."""
    if context == BEFORE_NUMBER:
        return TRAIL_WEIGHT * lm.logp(word, "<num>")
    base = lm.logp("<s>", word) if left else lm.logp(word, "</s>")
    if context is None:
        return EDGE_WEIGHT * base
    if not left and context in _CLOSERS:
        before_mark = lm.logp(word, context)
        return SURE_EDGE_WEIGHT * (before_mark if word in _CLOSERS else max(base, before_mark))
    if context in ("<s>", "</s>") or (not left and word in _CLOSERS):
        return SURE_EDGE_WEIGHT * base
    pair = (context, word) if left else (word, context)
    # how much likelier the pair is than the word on its own (clean text and general corpus)
    gain = pair_gain(lm, *pair)
    return CONTINUED_EDGE_WEIGHT * base + CONTEXT_WEIGHT * max(gain, 0.0)


_WORDISH = ("ar", "num", "lat", "unit")


def is_forced_seam(prev: Atom, cur: Atom) -> bool:
    """A place where the raw line must change run: two words written together (``إنجازتم``,
    ``2020فبراير``), a word or an opening bracket glued after a comma or colon
    (``المعنية،وأدوار``; ``البيئة  ،)  مشاركة عن بعد)``: the comma follows the bracket) or after a
    percent sign (``60%الإنجاز``: nobody types one so). Two or more spaces are evidence of a seam, not a certain one (cells of a table row
    already in logical order are set apart the same way): see ``boundary_cost``."""
    if cur.cut_before:
        return True
    if cur.space_before:
        return False
    if prev.kind in _WORDISH and cur.kind in _WORDISH:
        return True
    return prev.kind == "p" and (prev.text in "،,:؛." and (cur.kind in _WORDISH or cur.text == "(")
                                 or prev.text in PERCENT and cur.kind == "ar")


def _latin_side(atoms: list[Atom], i: int) -> str:
    """The kind of the atom before ``i``, a closing bracket typed against Latin text (``conception)``) being Latin."""
    prev = atoms[i - 1]
    if i > 1 and prev.text in ")]" and not prev.space_before and atoms[i - 2].kind == "lat":
        return "lat"
    return prev.kind


def is_plain_space(prev: Atom, cur: Atom) -> bool:
    """An ordinary single space between two words of one script: a run boundary there
    shows nothing in the raw text."""
    return not is_forced_seam(prev, cur) and prev.kind == cur.kind and "p" not in (prev.kind, cur.kind)


_COMMAS = frozenset("،,؛;")
_MARKS_BEFORE_NUMBER = _COMMAS | {":"}
_NUMBER_MARKS = _MARKS_BEFORE_NUMBER | {"."}  # what ``marks_after_numbers`` sets after its number
_RANGE_DASHES = frozenset("-–—")
RANGE_PENALTY = 20.0
CUT_WORD_SCORE = 0.0  # two pieces of one word side by side: the word goes on
CONTINUES_PENALTY = 20.0  # a word's end a kashida split off (``ــر``) after anything but its word's start
WORDWISE_PENALTY = 3.0  # reading a whole line word by word instead of by runs
_WORD_JOINERS = frozenset("/-–")
_BETWEEN_WORDS = _RANGE_DASHES | _WORD_JOINERS  # what stays between two Arabic words, in their run


# words that govern the word after them (prepositions, particles, relative pronouns, the
# quantifiers «كل», «جميع», «بعض», «معظم»): no clause ends on one («على،», «من؛» are not Arabic;
# a colon may follow one: «يهدف هذا الدليل إلى:»).
# Spelled with their alef maqsura: the model's keys fold «على» into the name «علي», «إلى» into «آلي»
_HAMZA_ALEF = str.maketrans("أإآ", "ااا")
_GOVERNORS = frozenset(w.translate(_HAMZA_ALEF) for w in PARTICLES["governors"])
_CLAUSE_ENDS = frozenset("،,؛;.!?؟")
UNGOVERNED_PENALTY = 10.0  # nats: a governing word before a mark that ends a clause, or before a lone «و»
INNER_MARK_END_PENALTY = 10.0  # nats: the line read as ending on a mark inside its raw text
INNER_MARKS = ":."  # (not «؛»: seed 001 types it against the raw-start word it follows: ``البرلمان؛ ، …``)


def governs(atom: Atom) -> bool:
    """Is the atom a word that governs the word after it (``_GOVERNORS``), alone or with a
    conjunction written against it («وفي», «فإن»)?"""
    if atom.kind != "ar":
        return False
    word = drop_diacritics(drop_tatweel(atom.text)).translate(_HAMZA_ALEF)
    return word in _GOVERNORS or len(word) > 2 and word[0] in "وف" and word[1:] in _GOVERNORS


def _joins_words(atoms: list[Atom], i: int) -> bool:
    """A slash or dash written against an Arabic word on each side (``أثر/وقع``, ``أكتوبر-نونبر``)."""
    return (0 < i < len(atoms) - 1 and atoms[i].text in _WORD_JOINERS and atoms[i - 1].kind == "ar"
            and atoms[i + 1].kind == "ar" and not atoms[i].space_before and not atoms[i + 1].space_before)


def swap_joined_words(atoms: list[Atom]) -> list[Atom]:
    """Words joined by a slash or dash with no space are pieces of their own in a visual line,
    laid out backwards like the runs: ``وقع/أثر`` -> ``أثر/وقع``, ``نونبر-أكتوبر`` ->
    ``أكتوبر-نونبر``. The pair (or chain) is then one unit of the reading."""
    out = list(atoms)
    i = 1
    while i < len(out) - 1:
        if not _joins_words(out, i):
            i += 1
            continue
        j = i
        while _joins_words(out, j + 2):
            j += 2
        words = [out[k] for k in range(i - 1, j + 2, 2)][::-1]
        for n, k in enumerate(range(i - 1, j + 2, 2)):
            out[k] = Atom(words[n].text, "ar", out[k].space_before, out[k].wide_before)
        i = j + 2
    return out


def boundary_cost(prev: Atom, cur: Atom, space: float = SPACE_PENALTY) -> float:
    """Cost of a run boundary between two raw atoms; ``FORCED`` where there must be one.

    Punctuation binds as it was typed inside a run: a mark written against the word before
    it belongs to that word (``رفقته.``), an opening bracket to the word after it (``(عن``), a
    comma standing between spaces opens the run of Arabic words that follows it (``الذكاء ،
    بمقر``: the run is «، بمقر …»), not a left-to-right stretch, which is a run of its own
    (``اللجنة ، COVID 19مراعاة``: the comma follows «COVID 19»), and a label's colon typed
    against it, then a space, shows a run boundary no more than a plain space does (``الورشة
    الأولى: الميزانية``)."""
    if is_forced_seam(prev, cur):
        if prev.kind == cur.kind == "ar" and not cur.cut_before:
            return -GLUED_WORDS_BONUS  # "سيرالمرصد" may be a space the extraction lost
        return FORCED
    if cur.wide_before or cur.apart_before:
        return WIDE_PENALTY
    if is_plain_space(prev, cur):
        return space
    if cur.kind == "p" and cur.text in _CLOSING and not cur.space_before and prev.kind in _WORDISH:
        return GLUED_MARK_PENALTY
    if prev.kind == "p" and prev.text in _OPENING and not cur.space_before and cur.kind in _WORDISH:
        return GLUED_MARK_PENALTY  # and an opening bracket to the word typed after it («(عن»)
    if prev.kind == "p" and prev.text in _COMMAS and prev.space_before and cur.space_before and cur.kind == "ar":
        return GLUED_MARK_PENALTY
    if prev.kind == "p" and prev.text == ":" and not prev.space_before and cur.space_before and cur.kind == "ar":
        return space  # no more a sign of a run boundary than a plain space
    return SEAM_PENALTY


_CALENDAR = load_table("calendar.json")
_MONTHS = frozenset(text_key(m) for m in _CALENDAR["months"] if " " not in m)
_WEEKDAYS = frozenset(text_key(w) for w in _CALENDAR["weekdays"])
_DAY = re.compile(r"[0-9\u0660-\u0669]{1,2}")
_YEAR = re.compile(r"[0-9\u0660-\u0669]{4}")


def in_date_order(prev: Atom, cur: Atom) -> bool:
    """Two parts of a date written in the date's own order, one space between them: a weekday
    and its day («الثلاثاء 28»), a day and its month («28 مارس»), a month and its year («مارس
    2023», also written together: ``ماي2023``, the space lost where the script changes). A
    visual line lays them out the other way («2020 نونبر», «فبراير  12», ``12الأربعاء``,
    ``2020فبراير``); written so, they are one unit, as typed."""
    if cur.wide_before:
        return False
    a = text_key(prev.text) if prev.kind == "ar" else None
    b = text_key(cur.text) if cur.kind == "ar" else None
    if a in _MONTHS and cur.kind == "num" and _YEAR.fullmatch(cur.text):
        return True
    return cur.space_before and (a in _WEEKDAYS and cur.kind == "num" and bool(_DAY.fullmatch(cur.text))
                                 or prev.kind == "num" and bool(_DAY.fullmatch(prev.text)) and b in _MONTHS)


def _script_changes(atoms: list[Atom], i: int) -> bool:
    """A space before atom ``i`` between Arabic and a number or Latin text, marks aside."""
    if i == 0 or not atoms[i].space_before:
        return False
    before = next((a.kind for a in reversed(atoms[:i]) if a.kind != "p"), None)
    after = next((a.kind for a in atoms[i:] if a.kind != "p"), None)
    return None not in (before, after) and (before == "ar") != (after == "ar")


def best_reading(atoms: list[Atom], lm: WordModel, left: str | None = None,
                 right: str | None = None) -> list[list[int]]:
    """Groups (raw atom index spans) in output order for the best-scoring reading.

    ``left`` and ``right`` are the words the line continues from and runs on to (the
    neighbouring lines of a wrapped paragraph), or the paragraph edges."""
    return scored_reading(atoms, lm, left, right)[1]


def scored_reading(atoms: list[Atom], lm: WordModel, left: str | None = None,
                   right: str | None = None, cut_words: frozenset[tuple[int, int]] = frozenset(),
                   wide_forced: bool = False, start_closes: bool = True,
                   ends_at_edges: bool = True) -> tuple[float, list[list[int]]]:
    """The best reading's score and groups (see ``best_reading``); ``cut_words`` holds the
    pairs of atoms that are the two pieces of one word (see ``cut_word_pairs``): side by side
    they score as the word going on, and where a piece pairs with no other, the words before
    the first piece and after the second are scored next to the whole word. ``wide_forced``:
    every wide gap is a run boundary (a line laid out word by word, see ``word_spaced``);
    ``start_closes``: the raw line's first word, with the comma typed against it, may close the
    line (see ``_closes_at_raw_start``); not so when a fragment of a cut word stood before that
    word (``ري المشاريع، أعضاء …``: «مدبري» + «المشاريع، أعضاء» is one run); ``ends_at_edges``:
    the line's logical end lies at a raw edge, as visual order lays it out (not so for the pieces
    of a logical line a kashida split, whose first holds the end: see ``INNER_MARKS``)."""
    n = len(atoms)
    keys = [lm_key(a) for a in atoms]
    # the score of every pair of atoms, one after the other: inside a run (neighbours) or at
    # the join of two runs (one's last atom before another's first), for both readings below
    join = [[lm.logp(a, b) for b in keys] for a in keys]
    firsts = Counter(i for i, _ in cut_words)
    seconds = Counter(j for _, j in cut_words)
    # the keys a line's edges are scored on: a piece at an edge is its word's
    edge_keys = (list(keys), list(keys))
    for i, j in cut_words:  # a word cut into pieces only one way: what stands beside it sees the word
        if firsts[i] == 1 and seconds[j] == 1:  # (``وزارة الا`` … ``قتصاد والمالية``)
            whole = text_key(atoms[i].text + atoms[j].text)
            for x in range(n):
                join[x][i] = lm.logp(keys[x], whole)
                join[j][x] = lm.logp(whole, keys[x])
            # and so does the line's edge (``تيتنظيم … أعضاء لجن``: «… أعضاء لجنتي» runs on to «الاشراف»)
            edge_keys[0][i] = edge_keys[1][j] = whole
    # a word's end a kashida split off: nothing but the start of its word goes before it; of the
    # pieces it may end, each is read as the word they make beside the words around them (the
    # word before the start, and the one after the end, in their runs)
    ends = {j for _, j in cut_words if atoms[j].continues}
    for j in ends:
        for x in range(n):
            join[x][j] -= CONTINUES_PENALTY
    whole_join = {}
    for i, j in cut_words:
        if j in ends and not (firsts[i] == 1 and seconds[j] == 1):
            whole = text_key(atoms[i].text + atoms[j].text)
            whole_join[i, j] = (lm.logp(keys[i - 1], whole) - join[i - 1][i] if i else 0.0) + \
                (lm.logp(whole, keys[j + 1]) - join[j][j + 1] if j + 1 < n else 0.0)
    for i, j in cut_words:
        join[i][j] = CUT_WORD_SCORE + whole_join.get((i, j), 0.0)
    # a governing word goes before no mark that ends a clause, in the line or at its end, nor
    # before a conjunction cut off its word (``كل و … إغناء``: «و» opens the word after it)
    governing = [x for x, a in enumerate(atoms) if governs(a)]
    ungoverned = [y for y, a in enumerate(atoms)
                  if a.kind == "p" and a.text in _CLAUSE_ENDS or a.kind == "ar" and a.text == "و"]
    for x in governing:
        for y in ungoverned:
            join[x][y] -= UNGOVERNED_PENALTY
    end_cost = [UNGOVERNED_PENALTY if x in governing else 0.0 for x in range(n)] \
        if governing and right in _CLAUSE_ENDS else None
    # a mark with words on both sides in the raw line, a space after it, is not the line's
    # logical end, which visual order lays out at the raw start or types against the raw end
    # (``المحلية الورشة الأولى: الميزانية …`` is «الورشة الأولى: الميزانية … المحلية»); a run
    # glued after it may be (``ب:مناقشة``: the runs met there)
    inner = [x for x in range(1, n - 1) if ends_at_edges and atoms[x].kind == "p" and atoms[x].text in INNER_MARKS
             and atoms[x + 1].space_before
             and any(a.kind != "p" for a in atoms[:x]) and any(a.kind != "p" for a in atoms[x + 1:])]
    if inner:
        end_cost = end_cost or [0.0] * n
        for x in inner:
            end_cost[x] += INNER_MARK_END_PENALTY
    pre = [0.0]
    for i in range(n - 1):
        pre.append(pre[-1] + join[i][i + 1])

    space = getattr(lm, "space_penalty", SPACE_PENALTY)  # the document's own (see ``space_penalty``)
    cost = [0.0] + [FORCED if atoms[i].continues else boundary_cost(atoms[i - 1], atoms[i], space)
                    for i in range(1, n)]
    for i in range(2, n):  # an Arabic word typed against the bracket that closes Latin text
        # (``(visioconférence)مكان``): runs of two directions, as where a space parts them
        if atoms[i].kind == "ar" and not atoms[i].space_before and atoms[i - 1].kind == "p" \
                and _latin_side(atoms, i) == "lat":
            cost[i] = FORCED
    if ends:  # a line drawn in pieces where a kashida split its words: the pieces start there, and one
        # more starts the line (before it, the line's end, often a mark); each piece is drawn in logical
        # order, so a number is no sign of another, nor is a conjunction written against it (``و19``)
        for i in range(1, n):
            if atoms[i].continues:
                continue
            if cost[i] == FORCED and not atoms[i].cut_before:  # (a bracket's piece still is one)
                cost[i] = RANGE_PENALTY
            elif cost[i] >= 0 and "p" not in (atoms[i - 1].kind, atoms[i].kind):
                cost[i] = max(cost[i], space)
    if wide_forced:  # the pieces are the stretches between wide gaps; a mark typed against its word,
        # a conjunction or preposition against its number (``و21``) stay in their piece as written;
        # inside a piece, a space where the script changes ends a run (``)66( السادسة والستين``)
        cost = [FORCED if c == WIDE_PENALTY and atoms[i].wide_before or _script_changes(atoms, i) else
                RANGE_PENALTY if c == GLUED_MARK_PENALTY and not atoms[i].space_before else
                RANGE_PENALTY if c == FORCED and atoms[i].kind == "num" and atoms[i - 1].text in PROCLITICS
                and not atoms[i].space_before else c
                for i, c in enumerate(cost)]
    for i in range(1, n - 1):  # a numeric range (2021 – 2023), words joined by / or -: one unit
        if (atoms[i].text in _RANGE_DASHES and atoms[i - 1].kind == atoms[i + 1].kind == "num" and
                cost[i] != FORCED and cost[i + 1] != FORCED) or _joins_words(atoms, i):
            cost[i] = cost[i + 1] = RANGE_PENALTY
        elif atoms[i].text in _BETWEEN_WORDS and atoms[i - 1].kind == atoms[i + 1].kind == "ar":
            # a dash or slash between two Arabic words takes their direction (a bidi neutral
            # between two right-to-left letters): it stays between them, in their run, like a
            # range (``الإدارة -قطاع إصلاح`` is «الإدارة - قطاع إصلاح», ``ماي – يونيو``, ``العمالة / الإقليم``)
            for k in (i, i + 1):
                if cost[k] != FORCED:
                    cost[k] = max(cost[k], RANGE_PENALTY)
    for i in range(1, n):  # a date written in its own order («الثلاثاء 28 مارس 2023») stays whole
        if in_date_order(atoms[i - 1], atoms[i]):
            cost[i] = RANGE_PENALTY if cost[i] == FORCED else max(cost[i], RANGE_PENALTY)
    for i in range(1, n - 1):  # a mark between a number and a word, typed against both (``1:الالتزام``, as
        # ``marks_after_numbers`` sets ``:1الالتزام``): the number's own, «الالتزام 1: …»
        if atoms[i].kind == "p" and atoms[i].text in _NUMBER_MARKS and not atoms[i].space_before \
                and atoms[i - 1].kind == "num" and atoms[i + 1].kind == "ar" and not atoms[i + 1].space_before \
                and cost[i] != FORCED:
            cost[i] = max(cost[i], RANGE_PENALTY)
    for i in range(1, n - 1):  # a mark against its word before a number set apart (see ``pieces_apart``):
        # the mark ends the word's run (``المتبقية، 9``), unless the line reads far better otherwise
        if atoms[i].text in _MARKS_BEFORE_NUMBER and not atoms[i].space_before and atoms[i - 1].kind == "ar" \
                and atoms[i + 1].kind == "num" and atoms[i + 1].cut_before and cost[i] != FORCED:
            cost[i] = max(cost[i], MARK_BEFORE_NUMBER_PENALTY)
    opened = None
    for k, a in enumerate(atoms):  # a bracketed stretch is one piece
        if a.text == "(":
            opened = k
        elif a.text == ")" and opened is not None:
            for i in range(opened + 1, k + 1):
                if cost[i] != FORCED:
                    cost[i] = RANGE_PENALTY
            # an ending in brackets written against its word (المخاطب(ة)) stays with it
            if k - opened == 2 and len(atoms[k - 1].text) <= 2 and opened and not atoms[opened].space_before \
                    and atoms[opened - 1].kind == "ar" and cost[opened] != FORCED:
                cost[opened] = RANGE_PENALTY
            opened = None
    for i in range(3 if start_closes else 2, n):  # a comma typed against a word inside the line (not the raw
        # start's, which may close the line: see ``_closes_at_raw_start``), then a plain space
        # («بالمشاركين، ذكرت»): a run boundary after it shows no more than one at any plain space;
        # one between the word and its comma still less (a neutral between right-to-left letters
        # stays in their run: the seeds' gold never parts them)
        if atoms[i - 1].text in _COMMAS and not atoms[i - 1].space_before and atoms[i - 2].kind == "ar" \
                and atoms[i].kind == "ar" and atoms[i].space_before and not atoms[i].wide_before \
                and cost[i] == SEAM_PENALTY:
            cost[i] = space
            if cost[i - 1] != FORCED:
                cost[i - 1] = max(cost[i - 1], space + GLUED_MARK_PENALTY)
    if n > 1 and atoms[0].text == ":" and opens_last_run(atoms) and cost[1] != FORCED:
        cost[1] = RANGE_PENALTY  # a label's colon and the title after it are one run
    triples = _triples(keys, lm)
    # Latin text (its closing bracket typed against it) and an Arabic word beside it are runs of two
    # directions: a line read in runs parts them (``السياق conception) تصميم`` is «تصميم (conception)
    # … السياق», never «(conception) تصميم …»); or the line reads as written, one run
    script = [i for i in range(1, n) if atoms[i].space_before and cost[i] == SEAM_PENALTY and
              {_latin_side(atoms, i), atoms[i].kind} == {"lat", "ar"}]
    as_written = None
    if script and FORCED not in cost[1:]:
        as_written = _best_groups(keys, pre, join, [0.0] + [NO_LINE_START] * (n - 1), lm, left, right,
                                  edge_keys, triples, end_cost)
    for i in script:
        cost[i] = FORCED
    score, groups = _best_groups(keys, pre, join, cost, lm, left, right, edge_keys, triples, end_cost)
    if as_written is not None and as_written[0] > score:
        score, groups = as_written
    # the other way such a line is laid out: word by word (a table row whose every word is
    # a piece of its own), every space between words a seam, at one cost for the whole line
    wordwise = [FORCED if i and atoms[i].space_before and atoms[i].kind in _WORDISH and
                atoms[i - 1].kind in _WORDISH and c != RANGE_PENALTY and c >= 0 else c for i, c in enumerate(cost)]
    if wordwise != cost and not ends:
        w_score, w_groups = _best_groups(keys, pre, join, wordwise, lm, left, right, edge_keys, triples, end_cost)
        if w_score - WORDWISE_PENALTY > score:
            return w_score - WORDWISE_PENALTY, w_groups
    return score, groups


Triples = tuple[list[float], list[list[float]] | None, list[list[float]] | None]


def _triples(keys: list[str], lm: WordModel) -> Triples | None:
    """The document's evidence for three words side by side (``DocumentModel.triple_bonus``),
    in the terms of the reading's dynamic programme: ``inner[i]`` for atoms ``i - 1, i, i + 1``
    read in raw order inside a run; ``before[x][y]`` for ``x - 1, x`` ending one run and ``y``
    starting the next; ``after[x][y]`` for ``x`` ending one run and ``y, y + 1`` starting the
    next (None where no seam can make one). None where the model knows no document, or the
    document repeats none of them."""
    bonus = getattr(lm, "triple_bonus", None)
    if bonus is None or not lm.triples:
        return None
    n = len(keys)
    words = [is_word(k) for k in keys]
    if sum(words) < 3:
        return None
    inner = [bonus(keys[i - 1], keys[i], keys[i + 1]) if 0 < i < n - 1 and words[i - 1] and words[i] and words[i + 1]
             else 0.0 for i in range(n)]
    # a triple's first two words end a run (x - 1, x) and its third starts another, or its first
    # ends a run and its last two start another (y, y + 1)
    heads = [x for x in range(1, n) if words[x - 1] and words[x] and (keys[x - 1], keys[x]) in lm.triple_heads]
    tails = [y for y in range(n - 1) if words[y] and words[y + 1] and (keys[y], keys[y + 1]) in lm.triple_tails]
    if not heads and not tails:
        return (inner, None, None) if any(inner) else None
    before = [[0.0] * n for _ in range(n)]
    after = [[0.0] * n for _ in range(n)]
    for x in heads:
        for y in range(n):
            if words[y] and y not in (x - 1, x):
                before[x][y] = bonus(keys[x - 1], keys[x], keys[y])
    for y in tails:
        for x in range(n):
            if words[x] and x not in (y, y + 1):
                after[x][y] = bonus(keys[x], keys[y], keys[y + 1])
    return inner, before, after


def _best_groups(keys: list[str], pre: list[float], join: list[list[float]], cost: list[float],
                 lm: WordModel, left: str | None, right: str | None,
                 edge_keys: tuple[list[str], list[str]] | None = None,
                 triples: Triples | None = None, end_cost: list[float] | None = None) -> tuple[float, list[list[int]]]:
    """Dynamic programme over the run segmentations allowed by ``cost`` (``FORCED`` where a
    boundary must be): the best score and its groups. ``edge_keys`` are the keys to score
    a line's start and end on (``keys`` by default); ``triples``, the evidence for three words
    side by side (see ``_triples``): inside a run, and across a seam where the run before holds
    two words or the run after does; ``end_cost``, what ending the line on each atom costs."""
    starts, ends = edge_keys or (keys, keys)
    n = len(keys)
    neg = -1e18
    f = [[neg] * n for _ in range(n)]  # f[s][e]: best for a[0..e], last group a[s..e]
    back: dict[tuple[int, int], int] = {}
    # a group may not run across a forced seam: seam_before[e] = last forced seam <= e
    last_seam = [0] * n
    for i in range(1, n):
        last_seam[i] = i if cost[i] == FORCED else last_seam[i - 1]
    cost = [0.0 if c == FORCED else c for c in cost]
    before = after = None
    if triples is not None:  # inside a run: the triples centred on its inner atoms
        inner, before, after = triples
        tri = [0.0]
        for i in range(n):
            tri.append(tri[-1] + inner[i])

        def internal(s: int, e: int) -> float:
            if last_seam[e] > s:
                return neg
            return pre[e] - pre[s] + (tri[e] - tri[s + 1] if e > s + 1 else 0.0)
    else:
        def internal(s: int, e: int) -> float:
            return pre[e] - pre[s] if last_seam[e] <= s else neg

    for e in range(n):
        f[0][e] = internal(0, e) + edge_score(lm, ends[e], right, False) - (end_cost[e] if end_cost else 0.0)
    for e in range(n - 1):
        # the next run, e + 1 .. e2, whichever run it follows: its own score less the seam's cost
        nxt = [internal(e + 1, e2) - cost[e + 1] for e2 in range(e + 1, n)]
        row = f[e + 1]
        for s in range(e + 1):
            base = f[s][e]
            if base <= neg:
                continue
            for k, e2 in enumerate(range(e + 1, n)):
                v = base + nxt[k] + join[e2][s]
                if before is not None:  # the run before in the output ends at e2, this one starts at s
                    v += (before[e2][s] if e2 > e + 1 else 0.0) + (after[e2][s] if e > s else 0.0)
                if v > row[e2]:
                    row[e2] = v
                    back[(e + 1, e2)] = s
    # no line starts with a closing mark: line breaking never puts one there (UAX #14)
    start = [edge_score(lm, k, left, True) - (NO_LINE_START if k in _CLOSING and n > 1 else 0.0) for k in starts]
    best_s = max(range(n), key=lambda s: f[s][n - 1] + start[s])
    score = f[best_s][n - 1] + start[best_s]
    groups = []
    s, e = best_s, n - 1
    while True:
        groups.append(list(range(s, e + 1)))
        if s == 0:
            break
        s, e = back[(s, e)], s - 1
    return score, groups  # last raw group first = output order


def _join(prev: Atom | None, cur: Atom, glued_in_raw: bool) -> str:
    if prev is None:
        return ""
    if cur.text in _CLOSING or prev.text in _OPENING:
        return ""
    if cur.text in "-/" and prev.kind == "num":  # a range as it was spaced: 2018-2020, 09:00 - 09:30
        return " " if cur.text == "-" and cur.space_before else ""
    if prev.text in "-/" and cur.kind == "num" and not glued_in_raw:
        return " " if prev.text == "-" and prev.space_before else ""
    if glued_in_raw:  # two words written together in the raw text are still two words,
        # but a one-letter clitic stays against its number (``و21``)
        return " " if "p" not in (prev.kind, cur.kind) and not (prev.text in PROCLITICS and cur.kind == "num") else ""
    return " "


def render(atoms: list[Atom], groups: list[list[int]], joined: frozenset[int] = frozenset()) -> str:
    """The text of a reading; ``joined`` holds the groups whose first atom completes the
    word that ends the group before (see ``cut_word_pairs``)."""
    out: list[str] = []
    prev: Atom | None = None
    prev_idx = -1
    for n, g in enumerate(groups):
        for j, idx in enumerate(g):
            a = atoms[idx]
            if j == 0 and n in joined:
                out.append(a.text)
                prev, prev_idx = a, idx
                continue
            glued = j > 0 and not a.space_before
            # a one-letter clitic written against the number before it, the two read the other
            # way round, stays against it: «6و» is «و6»
            if prev_idx == idx + 1 and a.kind == "num" and prev.text in PROCLITICS and not prev.space_before:
                out.append(a.text)
            else:
                out.append(_join(prev, a, glued) + a.text)
            prev, prev_idx = a, idx
    return tidy("".join(out))


# not before a gender or plural ending in brackets, written against its word: موظف(ة)
_SPACE_BEFORE_OPEN = re.compile(rf"(?<=[{_AR_LETTER}A-Za-z0-9،,؛;:])\((?![{_AR_LETTER}]{{1,2}}\))")
_SPACE_AFTER_OPEN = re.compile(r"([(\[{«]) +")
_SPACED_DASH = re.compile(rf"(?<=[{_AR_LETTER}])(?: - ?|- )(?=[{_AR_LETTER}])")


_LONE_CLITIC = re.compile(rf"(?:(?<=\s)|^)(ال|[وبل]) (?=[{_AR_LETTER}])")


_SPACE_BEFORE_CLOSE = re.compile(rf"(?<=[{_AR_LETTER}A-Za-z0-9.{PERCENT}]) +(?=[)\]}}»])")


def space_brackets(text: str) -> str:
    """``كلمة (X)``: a space before an opening bracket, none inside the brackets."""
    text = _SPACE_BEFORE_OPEN.sub(" (", text)
    text = _SPACE_AFTER_OPEN.sub(r"\1", text)
    return _SPACE_BEFORE_CLOSE.sub("", text)


def tidy(text: str) -> str:
    """Typographic spacing of logical text: ``كلمة (X)``, ``أ - ب`` (``أ-ب`` as written),
    ``2018-2020``, the
    one-letter clitics (و، ب، ل) standing alone joined to the word they belong to."""
    text = space_brackets(_LONE_CLITIC.sub(r"\1", text))
    text = _SPACED_DASH.sub(" - ", text)
    text = order_ranges(text)
    return " ".join(text.split())


_LEAD = "-–•*"
_NUM_LIST = re.compile(r"(?<![\d،,])(\d+)((?:[،,]\d+)+)(?![\d])")


def opens_last_run(atoms: list[Atom]) -> bool:
    """Is the raw line's first mark the start of its last run rather than its logical end?
    A comma and a space before a word (``، وذلك …``), or a colon and a space before the
    words of a numbered label's title (``: تنفيذ مخطط 12النشاط`` is «النشاط 12: تنفيذ مخطط»)."""
    if len(atoms) < 2 or not atoms[1].space_before or atoms[0].kind != "p":
        return False
    if atoms[0].text in _COMMAS:
        return atoms[1].kind in _WORDISH
    return atoms[0].text == ":" and atoms[1].kind == "ar" and any(a.kind == "num" for a in atoms[2:])


def _latin_brackets(atoms: list[Atom]) -> set[int]:
    """The brackets of the pairs typed around Latin text (``(ADD)``): a left-to-right run draws
    them as typed, so they say nothing of a lone bracket of the right-to-left text beside them."""
    out: set[int] = set()
    for k, a in enumerate(atoms):
        if a.text == "(" and k + 1 < len(atoms) and atoms[k + 1].kind == "lat":
            m = next((m for m in range(k + 1, len(atoms)) if atoms[m].kind != "lat"), len(atoms))
            if m < len(atoms) and atoms[m].text == ")":
                out |= {k, m}
    return out


def _edge_punct(atoms: list[Atom], spaced: bool = False) -> tuple[list[Atom], list[Atom], list[Atom]]:
    """Split off punctuation at both raw edges: closing marks go to the logical end,
    bullets and dashes to the logical start (a right-to-left line's edges are swapped).
    ``spaced``: a line laid out word by word (see ``word_spaced``), whose every mark at the
    raw start closes the line and whose mark typed against the word at the raw end is that
    word's own (``المتقدمة،`` opens the line). A lone bracket typed against a word at a raw
    edge takes the hand typing gives it, an opening one against the word after it and a
    closing one against the word before (``)الإعداد`` at the raw start is «(الإعداد»,
    ``تكوينية(`` at the raw end «تكوينية)»): its partner is on a neighbouring line (a pair
    typed around Latin text, ``)عن (ADD)``, is no partner: see ``_latin_brackets``)."""
    lead: list[Atom] = []
    trail: list[Atom] = []
    i, j = 0, len(atoms)
    latin = _latin_brackets(atoms)
    brackets = {a.text for k, a in enumerate(atoms) if a.text in "()" and k not in latin}
    # a lone "(" at the raw start is the mirrored ")" that closes the logical line
    opener = "(" if ")" not in brackets else ""
    while i < j and atoms[i].kind == "p" and (atoms[i].text in _TRAIL + _LEAD + PERCENT or
                                              atoms[i].text == opener and i not in latin):
        if opens_last_run(atoms[i:j]) and not spaced:
            break
        if atoms[i].text in PERCENT:  # "%95 2023إلى …": a percentage drawn at the line's left ends it
            if not (i + 2 < j and atoms[i + 1].kind == "num" and not atoms[i + 1].wide_before):
                break
            # read before the marks laid out left of it ("،%50": «… 50%،»)
            trail[:0] = [replace(atoms[i + 1], space_before=True), replace(atoms[i], space_before=False)]
            i += 2
            continue
        # a dash written against the word after it at the raw start is the line's logical end
        # (``-كتوبرخلال …`` is «… أكتوبر-», a range running on to the next line)
        glued_dash = atoms[i].text in _RANGE_DASHES and i + 1 < j and not atoms[i + 1].space_before
        (lead if atoms[i].text in _LEAD and not glued_dash else trail).append(atoms[i])
        i += 1
    if not spaced and i + 1 < j and atoms[i].text == ")" and atoms[i + 1].kind == "ar" \
            and not atoms[i + 1].space_before and "(" not in brackets:
        # a lone ")" typed against the word after it is the mirrored "(" that opens that
        # word (``)الإعداد …``: «… (الإعداد», closed on the next line)
        atoms = atoms[:i] + [replace(atoms[i], text="(")] + atoms[i + 1:]
    while j > i and atoms[j - 1].kind == "p" and atoms[j - 1].text in _TRAIL + _LEAD:
        a = atoms[j - 1]
        if spaced and not a.space_before and j - 1 > i and atoms[j - 2].kind != "p":
            break
        if a.text in ".)" and not a.space_before and j - 2 > i and atoms[j - 2].kind == "num" \
                and len(atoms[j - 2].text) <= 2 and atoms[j - 2].space_before and not lead:
            # an item's number at the raw end («… تقديم 1.») opens the line: «1. تقديم …»
            lead.insert(0, Atom(atoms[j - 2].text + a.text, "p", True))
            j -= 2
            break
        if a.text in _TRAIL and not a.space_before and j - 1 > i and atoms[j - 2].kind != "p" \
                and j < len(atoms) and atoms[j].text in _LEAD:
            break  # "بويهي، -": the comma closes the run before it, the dash opens the line
        if a.text == ":" and not a.space_before and j - 1 > i and atoms[j - 2].kind == "ar" and j == len(atoms):
            break  # "… الورشة الأولى:": a label's colon written against it stays with it
        if a.text in _TRAIL and not a.space_before and j - 1 > i and atoms[j - 2].kind == "ar" \
                and any(t.text in _CLOSERS for t in trail):
            # the line's end already has its mark (``؛… الحمداوي،``): the comma written against
            # the word at the raw end closes that word's run («السيد يونس الحمداوي، منسق …؛»)
            break
        (lead if a.text in _LEAD else trail).insert(0, a)
        j -= 1
    if j - 2 > i and atoms[j - 1].text in PERCENT and not atoms[j - 1].space_before \
            and atoms[j - 2].kind == "num" and atoms[j - 2].space_before:
        # a percentage typed sign after number at the raw end (``… الحصول  91%``) was never
        # reversed, for a line in visual order draws the sign on the number's left (``%80
        # أعضائها``, ``% 90بنسبة``): it stays at the line's end
        trail[:0] = atoms[j - 2:j]
        j -= 2
    if not spaced and j - 1 > i and atoms[j - 1].text == "(" and atoms[j - 2].kind == "ar" \
            and not atoms[j - 1].space_before and ")" not in brackets:
        # a lone "(" typed against the word before it at the raw end is the mirrored ")" that
        # closes that word (``%30وحدات تكوينية(``: «وحدات تكوينية) 30%», opened on the line before)
        atoms = atoms[:j - 1] + [replace(atoms[j - 1], text=")")] + atoms[j:]
    return lead, atoms[i:j], trail


_MIRRORED = {k: v for k, v in MIRROR_PAIRS.items() if k in "()[]{}"}
_MIRROR_ALL = str.maketrans(_MIRRORED)


def mirror_lone_brackets(atoms: list[Atom]) -> list[Atom]:
    """The one bracket of a visual-order line, its partner on a neighbouring line, set
    between right-to-left pieces (Arabic words, numbers), is drawn mirrored like every
    bracket there: ``22)المقبل`` is «المقبل (22». It is a neutral at a change of direction,
    a piece of its own. A bracket next to Latin text (a left-to-right stretch draws it as
    typed), next to other marks or at the raw line's edges (see ``_edge_punct``) stays, and
    so do lines with several brackets (``fix_brackets`` balances those)."""
    marks = [i for i, a in enumerate(atoms) if a.kind == "p" and a.text in _MIRRORED]
    if len(marks) != 1:
        return atoms
    i = marks[0]
    if not (0 < i < len(atoms) - 1 and atoms[i - 1].kind in ("ar", "num") and atoms[i + 1].kind in ("ar", "num")):
        return atoms
    out = list(atoms)
    # typed against the word before it, a space after: it closes that word's run (``المواطنة( احت``)
    closes = not atoms[i].space_before and atoms[i + 1].space_before
    out[i] = replace(atoms[i], text=_MIRRORED[atoms[i].text], cut_before=not closes)
    out[i + 1] = replace(atoms[i + 1], cut_before=True)
    return out


def pair_same_brackets(atoms: list[Atom]) -> list[Atom]:
    """A line whose only brackets are two of the same hand (``)  مشاركة عن بعد)``: the
    extraction mirrored one of them) encloses what stands between them: the first becomes
    the opening bracket and the second the closing one, and the whole is one piece of the
    reading (see ``scored_reading``)."""
    marks = [i for i, a in enumerate(atoms) if a.kind == "p" and a.text in _MIRRORED]
    if len(marks) != 2 or atoms[marks[0]].text != atoms[marks[1]].text or marks[1] - marks[0] < 2:
        return atoms

    def beside_latin(m: int, typed: bool) -> bool:  # typed: written against it, no space between
        return any(atoms[k].kind == "lat" and not (typed and atoms[max(m, k)].space_before)
                   for k in (m - 1, m + 1) if 0 <= k < len(atoms))

    if any(beside_latin(m, False) for m in marks):
        # a bracket typed against Latin text is drawn as typed; where the other stands in the
        # right-to-left text alone, it is the mirrored partner (``conception) تصميم )``: «تصميم
        # (conception)»); otherwise both stay
        typed = [beside_latin(m, True) for m in marks]
        if typed.count(True) == 1 and not beside_latin(marks[typed.index(False)], False):
            k = marks[typed.index(False)]
            return atoms[:k] + [replace(atoms[k], text=_MIRRORED[atoms[k].text])] + atoms[k + 1:]
        return atoms
    i, j = marks
    out = list(atoms)
    out[i] = replace(atoms[i], text="(")
    out[j] = replace(atoms[j], text=")")
    return out


def _reverse_number_lists(line: str) -> str:
    """``8،2،1`` (a list laid out right to left) -> ``1، 2، 8`` when it was descending."""
    def fix(m: re.Match) -> str:
        nums = re.split("[،,]", m.group())
        sep = "، " if "،" in m.group() else ", "
        if [int(x) for x in nums] == sorted((int(x) for x in nums), reverse=True):
            nums = nums[::-1]
        return sep.join(nums)
    return _NUM_LIST.sub(fix, line)


def marks_after_numbers(atoms: list[Atom]) -> list[Atom]:
    """A mark typed against a number's left inside a visual line, a space before it (``دعم   ،2011
    المتحدة``), is the mark after that number, laid out on its left (a neutral at the end of a
    left-to-right number takes the right-to-left direction around it): «2011،». The two are set in
    that order, unless a conjunction is glued after the number (``،3و``: «و3،»). (At the raw start,
    such a mark closes the line: see ``_edge_punct``.)"""
    out = list(atoms)
    for k in range(1, len(out) - 1):
        mark, num = out[k], out[k + 1]
        if mark.kind == "p" and mark.text in _NUMBER_MARKS and mark.space_before and num.kind == "num" \
                and not num.space_before and (k + 2 == len(out) or out[k + 2].space_before or
                                              out[k + 2].kind == "ar" and out[k + 2].text not in PROCLITICS):
            out[k] = replace(num, space_before=True, wide_before=mark.wide_before)
            out[k + 1] = replace(mark, space_before=False, wide_before=False)
    return out


def repair_runs(line: str, vocab: Vocabulary | None = None, left: str | None = None,
                right: str | None = None) -> str:
    """Best logical reading of one line (unchanged when it is already logical); ``left`` and
    ``right`` are the neighbouring words when the line is inside a wrapped paragraph."""
    vocab = vocab or Vocabulary(model())
    return read_prepared(prepare_line(line, vocab), left, right, vocab.lm)


# a line, its lead (bullet, item number), and its readings to weigh: (the atom an article was
# given back to, or None; the core's atoms; the marks that end the line; the core's pairs of
# pieces of a cut word, see ``cut_word_pairs``); or the final text
Prepared = tuple[str, list[Atom], list[tuple[int | None, list[Atom], list[Atom], frozenset[tuple[int, int]]]]] | str


def read_brackets(atoms: list[Atom], lm: WordModel | None = None) -> list[Atom]:
    """What stands between a pair of brackets is read on its own, as the bidi algorithm
    treats a bracket pair (rule N0), and the pair then moves as one piece: ``)الائتلاف …
    المستدامةباقتراح من ممثل (`` is «(باقتراح من ممثل الائتلاف … المستدامة)»."""
    out: list[Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        j = next((k for k in range(i + 1, len(atoms)) if atoms[k].text in "()"), None) if a.text == "(" else None
        if j is None or atoms[j].text != ")" or j - i < 3 or not any(x.kind == "ar" for x in atoms[i + 1:j]):
            out.append(a)
            i += 1
            continue
        inner = atoms[i + 1:j]
        _, groups = scored_reading(inner, lm or model())
        body = Atom(render(inner, groups), "unit", False)
        out += [a, body, replace(atoms[j], space_before=False)]
        i = j + 1
    return out


def _real_with_clitic(key: str, vocab: Vocabulary) -> bool:
    """A word of the language, or one with a one-letter proclitic (``ومتجاوبة``)."""
    return vocab.real(key) or len(key) > 3 and key[0] in PROCLITICS and vocab.real(key[1:])


def cut_word_pairs(atoms: list[Atom], vocab: Vocabulary) -> frozenset[tuple[int, int]]:
    """Pairs of Arabic atoms (i, j) that are the two pieces, in that order, of one word a run
    boundary cut (``الو`` … ``زارة``, ``ان`` … ``تظار``): the whole, of at least
    ``CUT_WORD_LETTERS`` letters, is a word the clean text knows, a common one or one the
    document writes at least twice (``الجد`` … ``ولة``: «الجدولة», both pieces words), and a piece
    is not a word of the clean text; or a piece is no word at all and the whole, one letter
    shorter or more, is common (``حل`` … ``ول``: «حلول»), or, both pieces longer than a letter (a
    lone letter completes too many strings), a word the general corpus writes (a name: ``بنع`` …
    ``امر``: «بنعامر»), or, the second piece a lone ة (no word, only a word's end), any word
    of the language with or without a proclitic (``المتأخر`` … ``ة``); not two words the general corpus writes
    apart at least as often as together (``عبد`` … ``العزيز``). The reading scores them side by
    side as the word going on, and joins them."""
    # a lone one-letter proclitic is a word's own prefix, not a piece of it: see ``render``
    ar = [i for i, a in enumerate(atoms) if a.kind == "ar" and a.text not in PROCLITICS]
    known = {i: vocab.known(lm_key(atoms[i])) for i in ar}
    # a shorter word where a piece is no word at all (``حل`` … ``ول``: «حلول»), or a lone letter
    # (``ت`` … ``قدم``: «تقدم»; the clean text writes ت alone only after a slash: رؤساء/ت)
    stray = {i: len(atoms[i].text) == 1 or not known[i] and not vocab.real(lm_key(atoms[i])) and lm_key(atoms[i]) not in SHORT_WORDS
             for i in ar}
    out = set()
    # a word's end opened by a tatweel (see ``atoms_of``) goes on any piece it completes
    for j, b in enumerate(atoms):
        if b.continues:
            out.update((i, j) for i, a in enumerate(atoms) if i != j and a.kind == "ar" and not a.continues
                       and _real_with_clitic(text_key(a.text + b.text), vocab))
    for i in ar:
        for j in ar:
            letters = len(atoms[i].text) + len(atoms[j].text)
            if i == j or known[i] and known[j] or letters < CUT_WORD_LETTERS - 1 or atoms[i].continues:
                continue  # (a word's end a kashida split off starts no word)
            whole = text_key(atoms[i].text + atoms[j].text)
            if (letters >= CUT_WORD_LETTERS and (vocab.whole_word(whole) or vocab.seen(whole)) or
                    (stray[i] or stray[j]) and (vocab.zipf(whole) >= COMMON_ZIPF or vocab.attested(whole)
                                                and min(len(atoms[i].text), len(atoms[j].text)) >= 2) or
                    atoms[j].text == "ة" and _real_with_clitic(whole, vocab)) \
                    and not vocab.written_apart(lm_key(atoms[i]), lm_key(atoms[j])):
                out.add((i, j))  # not a name of two words («عبد العزيز»), pieces of «عبدالعزيز»
    return frozenset(out)


def pieces_apart(atoms: list[Atom], numbers_apart: bool = True) -> list[Atom]:
    """In a line that shows visual-order damage, a number beside an Arabic word or after a
    comma or colon is a run of its own (the bidi algorithm sets digits apart as a
    left-to-right run), and so is each of two bracketed stretches side by side (a bracket
    pair is read as one unit), or a bracketed stretch and the word written against its
    closing bracket (``(ADD)المعطيات``: nobody types one so), and a pair around Latin text
    and the Arabic word before it (``)عن (ADD)``: a left-to-right run, as a number is), so
    they are read in reverse order: ``تبقية،الم 5تظاهرات ال`` (seed 003) is «التظاهرات 5
    المتبقية،», not «التظاهرات المتبقية، 5»; ``(عن بعد) (ADD)`` «(ADD) (عن بعد)». Lines with
    no such sign may be typed text with its numbers in place (``الثلاثاء 28 مارس 2023``). Not
    ``numbers_apart``: a number beside a word is likely a run of its own, not surely
    (``apart_before``, scored as a wide gap): the line may be logical text, only its closing
    mark displaced (``.العمل … للفترة 2021-2023 في الأجال المحددة``)."""
    # opened[i]: an opening bracket stands at or before atom i (one pass: lines may be long)
    opened = list(accumulate((a.text == "(" for a in atoms), operator.or_))
    latin = _latin_brackets(atoms)
    if not numbers_apart:
        atoms = [replace(a, apart_before=True) if i and a.space_before and {atoms[i - 1].kind, a.kind} == {"ar", "num"}
                 else a for i, a in enumerate(atoms)]
    return [replace(a, cut_before=True) if i and (numbers_apart and {atoms[i - 1].kind, a.kind} == {"ar", "num"} or
                                                 a.kind == "num" and atoms[i - 1].text in _MARKS_BEFORE_NUMBER or
                                                 i in latin and atoms[i - 1].kind == "ar" or
                                                 atoms[i - 1].text == ")" and (a.text == "(" or
                                                                               a.kind == "ar" and not a.space_before
                                                                               and opened[i - 1])) else a
            for i, a in enumerate(atoms)]


_MARKS_AFTER_NUMBER = re.compile(rf"(?<=[0-9\u0660-\u0669{PERCENT}])[.،؛:]+[)\]]+$")  # a stop before a bracket


def prepare_line(line: str, vocab: Vocabulary, whole_words: bool = False) -> Prepared:
    """A line's atoms with its broken words repaired and its edge punctuation set apart
    (lead; the cores to read, each with its trail), or the final text of a line there is
    nothing to reorder in. ``whole_words``: no word of the line is cut in pieces (a line
    laid out word by word, see ``word_spaced``); two written together may still be read apart."""
    if not re.search(f"[{_AR_LETTER}]", line):
        # marks after a number at the line's end are drawn in reverse (neutrals resolved
        # right to left): ``2020.)`` is «2020).», the bracket closed before the full stop
        return _MARKS_AFTER_NUMBER.sub(lambda m: m.group()[::-1], line.strip())
    if whole_words:  # every bracket of a line in visual order is mirrored: ``)66(``, ``)الملاحق``
        atoms = swap_joined_words(atoms_of(line.translate(_MIRROR_ALL)))
    else:  # mirrored pairs put right before the reading: )ة( -> (ة)
        as_written = marks_after_numbers(pair_same_brackets(mirror_lone_brackets(
            atoms_of(fix_brackets(_reverse_number_lists(line))))))
        if any(a.continues for a in as_written):  # the pieces of its cut words are known: the reading joins them
            atoms = read_brackets(swap_joined_words(as_written), vocab.lm)
        else:
            atoms = split_glued(as_written, vocab)
            atoms = read_brackets(swap_joined_words(transfer_fragments(join_split_words(atoms, vocab), vocab)), vocab.lm)
        signs = visual_signs(line)
        if signs:
            # a line whose one sign is its closing mark at the raw start, its words whole, may be
            # one stretch of logical text, its numbers in place (``.العمل … للفترة 2021-2023 في …``)
            in_place = signs == 1 and bool(_VISUAL_SIGNS[0].search(line)) \
                and [a.text for a in atoms] == [a.text for a in as_written]
            atoms = pieces_apart(atoms, numbers_apart=not in_place)
    lead, core, trail = _edge_punct(atoms, spaced=whole_words)
    if not core or len(core) > 80:  # beyond any line of this genre; keep cubic DP bounded
        return tidy(line)
    if whole_words:
        return line, lead, [(None, c, trail, frozenset()) for c in [core] + glued_word_splits(core, vocab)]
    # a comma, semicolon, full stop or colon written against the word at the raw end, or before
    # the item's bullet there (``الطابق الثاني،``, ``هذااعتماده.``, ``الالتزامات التي يشرف عليها:``,
    # ``… وزارة الاقتصاد؛  •``), ends the line or closes that word's run (a sentence ending
    # inside the line: «اعتماده. واقترحت … هذا»; a label: «الورشة الأولى: …»): both are read,
    # and the likelier stands
    variants = [(core, trail)]
    # (a bracket ``_edge_punct`` mirrored is a new atom: it is no word, and there is no variant)
    end = next((k for k in range(len(atoms) - 1, -1, -1) if atoms[k] is core[-1]), len(atoms))
    if end + 1 < len(atoms) and trail and atoms[end + 1] is trail[0] and trail[0].text in "،,.؛" \
            and not trail[0].space_before and core[-1].kind == "ar":
        variants.append((core + trail[:1], trail[1:]))
    elif len(core) > 2 and core[-1].text in _CLOSERS and not core[-1].space_before and core[-2].kind == "ar" \
            and all(any(a is b for b in lead) for a in atoms[end + 1:]) \
            and not any(a.text in _CLOSERS for a in trail + core[:1]):
        # (a colon, or a mark before the item's bullet, ``_edge_punct`` kept with its word; not
        # where the raw start holds a mark, which may end the line: ``، 8،2،1 … مورادي، -``)
        variants.append((core[:-1], core[-1:] + trail))
    readings = []
    for c0, t in variants:
        if any(a.continues for a in c0):  # where a kashida split words, its pieces tell what goes where
            cores, alts = [(None, c0)], [(None, alt) for alt in glued_word_splits(c0, vocab)]
        else:
            cores = [(None, a) for c in join_edge_pieces(c0, vocab) for a in lone_article_readings(c, vocab)]
            alts = [alt for _, c in cores for alt in article_moves(c, vocab)] + \
                [(None, alt) for _, c in cores for alt in clitic_moves(c, vocab) + glued_word_splits(c, vocab)]
        readings += [(moved, c, t, cut_word_pairs(c, vocab)) for moved, c in cores + alts]
    return line, lead, readings


def _latin_head(atoms: list[Atom]) -> int:
    """How many atoms at the raw start make a Latin stretch (``(SIEDD)``) standing apart
    from the Arabic after it, or 0."""
    k = 1 if atoms and atoms[0].text in _OPENING else 0
    if k >= len(atoms) or atoms[k].kind != "lat":
        return 0
    k += 1
    if k < len(atoms) and atoms[k].text in ")]}»" and not atoms[k].space_before:
        k += 1
    return k if k < len(atoms) and atoms[k].space_before and any(a.kind == "ar" for a in atoms[k:]) else 0


def _ltr_paragraph_reading(atoms: list[Atom], k: int, lm: WordModel, left: str | None,
                           right: str | None) -> tuple[float, list[list[int]]]:
    """A line that runs on from the one before and starts, logically, with Latin text: its
    first strong letter makes it a left-to-right paragraph (the bidi algorithm's rule P2,
    as in a table cell), so that text stands first at the raw left and the right-to-left
    rest follows with its runs in reverse order (``(SIEDD)  3الخاصة بالجهات`` after
    «… بالبيئة» is «(SIEDD) الخاصة بالجهات 3»)."""
    keys = [lm_key(a) for a in atoms[:k]]
    head = edge_score(lm, keys[0], left, True) + sum(lm.logp(a, b) for a, b in zip(keys, keys[1:]))
    score, groups = scored_reading(atoms[k:], lm, keys[-1], right)
    return head + score, [list(range(k))] + [[i + k for i in g] for g in groups]


def read_prepared(prep: Prepared, left: str | None = None, right: str | None = None,
                  lm: WordModel | None = None, on: str | None = None, wide_forced: bool = False,
                  ends_at_edges: bool = True) -> str:
    """The best reading of a prepared line in the given context: ``on`` is what the line
    runs on to where the mark at its raw end is read as its word's own, ``right`` otherwise;
    ``wide_forced``: every wide gap is a run boundary; ``ends_at_edges``: the line is in visual
    order, its logical end at a raw edge (see ``scored_reading``)."""
    if isinstance(prep, str):
        return prep
    lm = lm or model()
    line, lead, cores = prep
    if lead:  # a bullet or dash opens an item: the line starts a paragraph
        left = "<s>"
    start_closes = _closes_at_raw_start(atoms_of(line))
    readings = []
    for moved, c, trail, cut in cores:
        closer = next((a.text for a in trail if a.text in _CLOSERS), None)
        # the core's last word is read before the trail's number (a number set apart by a wide
        # gap is a table cell of its own: the words run on to the next line); else the line
        # ends with that mark; or the raw end's mark is its word's own, in the line
        end = (right if trail[0].wide_before else BEFORE_NUMBER) if trail and trail[0].kind == "num" \
            else closer if closer is not None else on if on is not None and c[-1].text in _CLOSERS else right
        # strings no text knows: the same for every order of one core, not for its words split otherwise
        spelled = sum(lm.unknown_cost(lm_key(a)) for a in c if a.kind == "ar")
        k = _latin_head(c)
        if moved is None and k and left not in (None, "<s>") and not wide_forced:
            score, groups = _ltr_paragraph_reading(c, k, lm, left, end)
            readings.append((score - spelled, groups, c, trail, frozenset()))
            continue
        score, groups = scored_reading(c, lm, left, end, cut, wide_forced, start_closes,
                                       ends_at_edges and not any(a.continues for a in c))
        score -= spelled
        if moved is not None:  # an article given back: its two words read next to each other,
            order = [i for g in groups for i in g]  # the other way round, or not at all
            if order.index(moved - 1) != order.index(moved) + 1:
                continue
        joined = frozenset(n for n in range(1, len(groups)) if (groups[n - 1][-1], groups[n][0]) in cut)
        readings.append((score, groups, c, trail, joined))
    _, groups, core, trail, joined = max(readings, key=lambda r: r[0])  # the first of equals: as laid out
    body = render(core, groups, joined)
    head = " ".join(a.text for a in lead)
    tail = "".join((" " if a.kind == "num" and (k == 0 or trail[k - 1].text != "(") else "") +
                   (")" if a.text == "(" else a.text) for k, a in enumerate(trail))  # see _edge_punct
    return tidy((head + " " if head else "") + body + tail)


_AR_CLASS = f"[{_AR_LETTER}]"
_VISUAL_SIGNS = (
    re.compile(rf"^\s*[.:،؛]\s*[(]?{_AR_CLASS}"),      # closing punctuation at the start
    re.compile(rf"{_AR_CLASS}\s*[-•]\s*$"),             # bullet or dash at the end
    re.compile(rf"\d{_AR_CLASS}"),                      # number glued before a word: 2020فبراير
)


def visual_signs(line: str) -> int:
    """How many kinds of visual-order damage a line shows (brackets written )like this(
    count as one: mirroring them back would balance the line)."""
    return sum(1 for rx in _VISUAL_SIGNS if rx.search(line)) + (fix_brackets(line) != line)


def looks_visual(lines: list[str]) -> bool:
    """Document-level verdict: do this text's lines show visual-order damage at all?

    Clean logical text (markdown exports, typed minutes) has next to none of these
    signs; broken extractions have them on many lines. A clean document is never
    reordered, so it passes through unchanged.
    """
    arabic = [l for l in lines if re.search(_AR_CLASS, l)]
    if not arabic:
        return False
    marked = sum(1 for l in arabic if visual_signs(l))
    # a line's two ends swapped is what visual order shows: numbers glued to words and odd
    # brackets alone are also left by logical-order extractions (pdftotext without its marks)
    swapped = sum(1 for l in arabic if any(rx.search(l) for rx in _VISUAL_SIGNS[:2]))
    return marked >= 3 and marked >= 0.04 * len(arabic) and swapped >= 3


def visual_line_closes(raw: str) -> bool:
    """Does a visual-order line end its sentence or item? Its logical end is at its raw
    start (the left of a right-to-left line): a closing mark there (``،التنفيذ``), or glued
    to the first raw word before a space (``وطني، بذل …``: the first run is the last
    one read), or, where the last run kept its typed order, glued at the raw line's end
    (``المنفتحة(Open Government)، ``)."""
    atoms = atoms_of(raw)
    return _closes_at_raw_start(atoms) or _closes_at_raw_end(atoms)


def _closes_at_raw_start(atoms: list[Atom]) -> bool:
    if not atoms:
        return False
    if atoms[0].kind == "p" and atoms[0].text in _CLOSERS:
        return not opens_last_run(atoms)
    return len(atoms) >= 3 and atoms[0].kind in _WORDISH and atoms[1].text in _CLOSERS and \
        not atoms[1].space_before and atoms[2].space_before


def _closes_at_raw_end(atoms: list[Atom]) -> bool:
    return len(atoms) >= 2 and atoms[-1].text in _CLOSERS and not atoms[-1].space_before


def _repair_markdown_row(line: str, vocab: Vocabulary) -> str:
    """A markdown table row of a damaged document, its cells kept in their order: a cell is
    read like a line where it shows visual-order damage itself, else left as written (a
    structured extraction's cells are mostly logical: «الالتزام 1: نشر …» is no «1: نشر …
    الالتزام»)."""
    cells = line.strip().strip("|").split("|")
    return "| " + " | ".join(repair_runs(c, vocab) if visual_signs(c) else " ".join(c.split())
                             for c in cells) + " |"


def _markdown_row(line: str) -> bool:
    return line.strip().startswith("|") and line.count("|") >= 2


def repair_text_lines(lines: list[str], base: BigramModel | None = None) -> list[str]:
    """Repair each line; output line n is input line n repaired. ``base`` is the word model
    (the shipped one by default; ``lm.held_out_model`` for measuring on the clean text's own
    documents).

    Nothing is reordered in a document without visual-order damage.
    """
    # lines laid out word by word show their own signs (an item's number at the raw end):
    # they are read on their own in a document whose other lines are logical
    spaced = [word_spaced(l) for l in lines]
    if not looks_visual([l for l, s in zip(lines, spaced) if not s]):
        return read_logical_document(lines, spaced, base or model())
    base = base or model()
    vocab = Vocabulary(base, doc_vocabulary(lines), doc_pairs(lines))
    table = [_markdown_row(l) for l in lines]
    # broken words are repaired once per line; only the reading depends on the context
    prepared = [None if t or not l.strip() else prepare_line(l, vocab) for l, t in zip(lines, table)]
    first = [_repair_markdown_row(l, vocab) if t else read_prepared(p, lm=base) if p is not None else ""
             for l, t, p in zip(lines, table, prepared)]
    # second pass: a line inside a wrapped paragraph is read in the context of the words it
    # continues from (the previous line as repaired) and runs on to (the next line's reading);
    # the document's own word pairs are evidence for reading its other lines, and so is how
    # often its readings set a run boundary at a plain space. That evidence is taken from the
    # first readings, then once more from the second ones, which fewer broken lines spoil
    # (seed 000's «… لفائدة أعضاء لجنتي» read in place once its other lines are)
    second = read_in_context(lines, table, prepared, first, base)
    return read_in_context(lines, table, prepared, second, base)


def read_in_context(lines: list[str], table: list[bool], prepared: list[Prepared | None],
                    readings: list[str], base: BigramModel) -> list[str]:
    """Each line of a visual-order document read in its context: the previous line as
    repaired here, the next line's and the whole document's ``readings`` (see
    ``repair_text_lines``); markdown rows and blank lines as ``readings`` has them."""
    out: list[str] = []
    document = DocumentModel(base, readings, space_penalty=space_penalty(lines, readings))
    for i, (l, t) in enumerate(zip(lines, table)):
        if t or not l.strip():
            out.append(readings[i])
            continue
        k = next((j for j in range(i - 1, -1, -1) if out[j].strip()), None)
        nxt = next((readings[j] for j in range(i + 1, len(lines)) if readings[j].strip()), "")
        # the raw lines say where sentences and items end; the repaired text may have moved a comma
        # a percentage set apart by a wide gap at the raw end is a table cell of its own: the text
        # before it runs on; after any other percentage, what comes next is not known; a line
        # with one is a table row's, whose first cell need not go on from the line before
        left = "<s>" if k is None or visual_line_closes(lines[k]) else None if ends_in_cell_percentage(l) else \
            _last_word(_PERCENTAGE_END.sub("", out[k])) if ends_in_cell_percentage(lines[k]) else \
            None if _PERCENTAGE_END.search(out[k]) else _last_word(out[k])
        atoms = atoms_of(l)
        # a mark at the raw end may be its word's own (see ``prepare_line``): the line then runs on
        on = "</s>" if _closes_at_raw_start(atoms) else _first_word(nxt)
        right = "</s>" if _closes_at_raw_end(atoms) else on
        out.append(read_prepared(prepared[i], left, right, document.reading(readings[i]), on))
    return out


_FIGURE = re.compile(rf"[0-9\u0660-\u0669]+(?:[.,:/{PERCENT}][0-9\u0660-\u0669]*)*[{PERCENT}]?")
SPACED_SHARE = 0.5  # of a line's gaps, wide: the line is laid out word by word
SPACED_MIN_GAPS = 2
SPACED_MARGIN = 2.0  # nats by which the reading must beat the line as written
CELLS_SHARE = 0.4  # of a word-by-word line's pieces, holding two words or more: it may be a table row
CELLS_MARGIN = 4.0  # nats by which the reading of such a line must beat it as written


def wide_pieces(line: str) -> list[str]:
    """The stretches of a line between its wide gaps (two spaces or more)."""
    return re.split(r"\s{2,}", line.strip())


_ENDS_ITEM = re.compile(rf"(?:[{_AR_LETTER}\u0640]+)?[.؛؟!?;]+(?:\s|\)|\d)")  # an item's end mark, at the raw start


def word_spaced(line: str) -> bool:
    """Is the line laid out word by word, most of its gaps two spaces or more? A justified
    line of a right-to-left paragraph comes out so from some extractions, each word (or short
    stretch) a piece of its own and the pieces in visual order
    (``وتكريس  التشاركية  الديمقراطية  قيم  ترسيخ  …  بين  ومن``), in a document whose other
    lines are logical."""
    atoms = atoms_of(line)
    gaps = [a.wide_before for a in atoms[1:] if a.space_before]
    wide = sum(gaps)
    # a short line with one wide gap of two is laid out so where its end mark stands at the raw
    # start (``والأولويات. والتوصيات  الاقتراحات``: «الاقتراحات والتوصيات والأولويات.»)
    fewer = wide and len(gaps) >= 2 and _ENDS_ITEM.match(line.strip())
    if wide < (1 if fewer else SPACED_MIN_GAPS) or wide < SPACED_SHARE * len(gaps):
        return False
    # a row of figures (``عدد المشاركين   35   29   64``) is a table's, as its cells were written
    pieces = wide_pieces(line)
    figures = sum(bool(_FIGURE.fullmatch(piece)) for piece in pieces)
    return figures < 2 or figures < len(pieces) / 2


def cell_like(line: str) -> bool:
    """Are two in five or more of a wide-gapped line's pieces several words each? A line laid
    out word by word sets (almost) every word apart; a table row written logically sets its
    cells apart (``الالتزام   نسبة الإنجاز   تحيين منصة التتبع   ملاحظات``). Not a line whose
    item's end mark stands at the raw start (``عليها. والمصادقة  المنفتحة``): no cell ends so."""
    pieces = wide_pieces(line)
    return sum(" " in piece for piece in pieces) >= CELLS_SHARE * len(pieces) and not _ENDS_ITEM.match(line.strip())


_LONE_LETTER = re.compile(rf"(?<![\S])(?<![-–0-9] )({_AR_CLASS})(?=\s|[،؛]|$)(?! ?[-–.):])")


def shows_cut_words(line: str) -> bool:
    """Does a line hold a lone letter that is no word of its own (not و, not a list label
    such as ``2 - أ`` or ``ب.``, not a preposition before a colon: ``المنشورة ب :``)? Such a letter is the piece of a word that a run boundary
    cut (``ر ومستجيبا  ر العمومي … أكث د التدبي … تجوي``: «تجويد التدبير العمومي … أكثر
    ومستجيبا»), whose runs then came out in visual order, in a document otherwise logical."""
    return _cut_pieces(line) > 0


# a full stop or comma typed before a number, a space before it (``.2020 انضمت …``, ``دعم   ،2011``):
# a line of a logical document drawn in visual order, its number's mark laid out on its left
_MARK_BEFORE_FIGURE = re.compile(r"(?:^|(?<=\s))[.،؛:,]\d")


def _signs(line: str, vocab: Vocabulary) -> int:
    """The signs of damage a reading of a logical document's line should leave fewer of: cut
    words' pieces (``_split_pieces`` too) and marks laid out before their numbers."""
    return _cut_pieces(line) + _split_pieces(line, vocab) + len(_MARK_BEFORE_FIGURE.findall(line))


def _split_pieces(line: str, vocab: Vocabulary) -> int:
    """The signs of words a kashida split with their tatweel lost, the line's pieces in visual
    order in a document otherwise logical: pairs of the line's words, its last with one before
    it or its first with one after it, that make a word (the later one's letters first: ``end``
    + ``start``) long enough to tell (``CUT_WORD_LETTERS``; a letter less where neither is a
    word the clean text knows: ``يس الحكومة  رئ``) that the clean text knows or the general
    corpus writes, one of the two a string the clean text does not know.
    ``نتصف المدة؛ التقييم الذاتي لم`` is «التقييم الذاتي لمنتصف المدة؛»; of a line in three
    pieces, one split word has the line's last word, the other its first
    (``جدول التالي: رف عليها، … ال الالتزامات التي يش``)."""
    keys = [text_key(w) for w in re.findall(rf"{_AR_CLASS}+", line)]
    if len(keys) < 2:
        return 0

    def split(end: str, start: str) -> bool:
        whole = end + start
        known = vocab.known(end) + vocab.known(start)
        return min(len(end), len(start)) >= 2 and known < 2 \
            and len(whole) >= CUT_WORD_LETTERS - (known == 0) and (vocab.whole_word(whole) or vocab.attested(whole))

    return sum(split(keys[-1], keys[j]) for j in range(len(keys) - 1)) + \
        sum(split(keys[i], keys[0]) for i in range(1, len(keys) - 1))


def read_as_damaged(line: str, vocab: Vocabulary, marks: bool = True) -> bool:
    """Is a line of a logical document read as a damaged one (see ``read_logical_document``):
    it holds the piece of a cut word (``shows_cut_words``), its edge words make a word
    (``_split_pieces``), or, with ``marks``, a mark is laid out before its number?"""
    return shows_cut_words(line) or _split_pieces(line, vocab) > 0 or marks and bool(_MARK_BEFORE_FIGURE.search(line))


def _cut_pieces(line: str) -> int:
    # and the ends of words a kashida split, opened by their tatweel (see ``atoms_of``)
    return sum(m.group(1) != "و" for m in _LONE_LETTER.finditer(line)) + sum(a.continues for a in atoms_of(line))


def line_score(text: str, lm: WordModel, left: str | None, right: str | None) -> float:
    """The word model's score of a finished line in its context: its edges, its word pairs
    and the spelling of strings no text knows (see ``BigramModel.unknown_cost``). A list
    item's marker is set apart as the model learned it (``lm.sequence``): the first word
    starts the item."""
    keys = sequence(text)[1:-1]
    if not keys:
        return 0.0
    return (edge_score(lm, keys[0], left, True) + sum(lm.logp(a, b) for a, b in zip(keys, keys[1:]))
            + edge_score(lm, keys[-1], right, False) - sum(lm.unknown_cost(k) for k in keys))


def read_logical_document(lines: list[str], word_spaced_lines: list[bool], base: BigramModel) -> list[str]:
    """A document without visual-order damage, line for line, its whitespace collapsed; but a
    line laid out word by word (``word_spaced_lines``, as ``word_spaced`` found them) is read
    with every wide gap a run boundary, and a line with cut words (``shows_cut_words``), a line
    whose edge words make words with others (``_split_pieces``) or a mark laid out before its
    number (``.2020 انضمت …``) is read as a damaged one; the reading
    stands where the word model finds it likelier than the line as written by
    ``SPACED_MARGIN`` (``CELLS_MARGIN`` for a line that may be a table row: ``cell_like``),
    in the context of the lines around it. Other lines are never reordered."""
    out = [" ".join(l.split()) for l in lines]
    spaced = {i for i, (l, w) in enumerate(zip(lines, word_spaced_lines)) if w and re.search(_AR_CLASS, l)
              and not _markdown_row(l)}
    # a mark laid out before its number, in a document that shows no left-to-right stretches
    # displaced as a whole (pdftotext's text without its marks: ``bidi.resolve_displaced``)
    marks = not displaced_stretches(lines)
    words = Vocabulary(base)  # what a word is (``_split_pieces`` needs not the document's counts)
    cut = {i for i, l in enumerate(lines) if i not in spaced and not _markdown_row(l) and read_as_damaged(l, words, marks)}
    to_read = spaced | cut
    if not to_read:
        return out
    vocab = Vocabulary(base, doc_vocabulary(lines), doc_pairs(lines))
    for i in sorted(to_read):
        k = next((j for j in range(i - 1, -1, -1) if out[j].strip()), None)
        j = next((j for j in range(i + 1, len(lines)) if out[j].strip()), None)
        left = "<s>" if k is None else _last_word(out[k])
        # the next line's first word, unless that line is still to be read: its raw first word
        # is then, as likely as not, its last (a line laid out word by word in visual order)
        right = "</s>" if j is None else None if j in to_read else _first_word(out[j])

        def score(text: str) -> float:  # a line that ends its sentence or item runs on to nothing
            return line_score(text, base, left, "</s>" if text.endswith(tuple(_CLOSERS)) else right)

        reading = read_prepared(prepare_line(lines[i], vocab, whole_words=i in spaced), left, right, base,
                                wide_forced=i in spaced, ends_at_edges=False)
        # a line with cut words is read to put their pieces together: a reading that leaves as
        # many lone letters has found no word in them; a line whose pieces look like a table
        # row's cells needs stronger evidence
        margin = CELLS_MARGIN if i in spaced and cell_like(lines[i]) else SPACED_MARGIN
        if score(reading) > score(out[i]) + margin and (i in spaced or _signs(reading, vocab) < _signs(out[i], vocab)):
            out[i] = reading
    return out


PRIOR_SEAMS, PRIOR_GAPS = 2.0, 40.0  # the rate's prior: 5 % of plain spaces, worth 40 of them
SPACE_PENALTY_RANGE = (2.5, 5.0)


def space_penalty(raw: list[str], read: list[str]) -> float:
    """The cost of a run boundary at a plain space, for one document: the log odds of a plain
    space being no boundary, as its readings show (``plain_space_seam_rate``). Producers and
    documents differ: seed 000's readings cut 3 % of its plain spaces (cost 3.4), seed 003's
    20 % (cost 1.4, held at 2.5)."""
    rate = plain_space_seam_rate(raw, read)
    low, high = SPACE_PENALTY_RANGE
    return min(max(math.log((1 - rate) / rate), low), high)


def plain_space_seam_rate(raw: list[str], read: list[str]) -> float:
    """How often the document's readings put a run boundary at a plain space between two
    Arabic words of its raw lines (smoothed towards 5 %)."""
    seams = gaps = 0
    for r, f in zip(raw, read):
        toks = f.split()
        pairs = set(zip(toks, toks[1:]))
        words = set(toks)
        for m in re.finditer(rf"(?=(?:^|\s)({_AR_CLASS}+) ({_AR_CLASS}+)(?:\s|$))", r):
            a, b = m.group(1), m.group(2)
            if a in words and b in words:
                gaps += 1
                seams += (a, b) not in pairs
    return (seams + PRIOR_SEAMS) / (gaps + PRIOR_GAPS)


_CELL_PERCENTAGE_END = re.compile(rf"(?<=[^\s\d{PERCENT}])\s{{2,}}\d{{1,3}}(?:[.,]\d+)?\s?[{PERCENT}]\s*$")
_PERCENTAGE_END = re.compile(rf"\d+[{PERCENT}]\s*$")


def ends_in_cell_percentage(raw: str) -> bool:
    """Does a raw line of a visual document end with a percentage set apart by a wide gap
    after its words, typed sign after number (``تعزيز تفعيل الحق في الحصول  91%``)? A
    table row's percentage cell beside the first line of its text cell: visual order would
    have drawn the sign on the number's left."""
    return bool(_CELL_PERCENTAGE_END.search(raw))


def _last_word(line: str) -> str:
    """The word a continuation line would follow, or ``<s>`` after a finished sentence/item."""
    line = line.strip()
    if not line or line[-1] in _CLOSERS or "|" in line:
        return "<s>"
    atoms = atoms_of(line)
    if len(atoms) >= 4 and [a.text for a in atoms[-3::2]] == ["(", ")"] and not atoms[-3].space_before \
            and atoms[-4].kind == "ar":
        atoms = atoms[:-3]  # an ending in brackets against its word: «الرسمي(ة)» ends with «الرسمي»
    words = [a for a in atoms if a.kind != "p"]
    return lm_key(words[-1]) if words else "<s>"


def _first_word(line: str) -> str:
    line = line.strip()
    if not line or line.startswith(tuple(_LEAD)) or "|" in line:
        return "</s>"
    words = atoms_of(line)
    return lm_key(words[0]) if words and words[0].kind != "p" else "</s>"


