"""Text-repair benchmark: mahdar against the usual tools, on the corpus PDFs, in one run.

    python bench/bench_repair.py [--corpus ../shared/corpus] [--out docs/repair-benchmark.md]

For every text producer (libreoffice, chromium, reportlab) and tool, the whole-document text
is compared with ``gold/<doc>.txt`` after one canonical form applied to both sides (NFKC, no
tatweel or diacritics, table separators ``|`` and list bullets ``•`` dropped since only mahdar
writes them, whitespace collapsed): character error rate (CER) and word error rate (WER),
micro-averaged over the documents, and pages per second. The timing baseline is pdfplumber's
own ``extract_text`` in the same run; mahdar's overhead is reported as a ratio to it.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import tempfile
import sys
import time
import unicodedata
from pathlib import Path

from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.damage import damage_markdown, damage_rows  # noqa: E402

PRODUCERS = ("libreoffice", "chromium", "reportlab")
DAMAGE_DRAWS = 5  # random draws of the seed-style damage (bench/damage.py)
_DIAC = re.compile("[\u064b-\u065f\u0670\u0640]")


def canonical(text: str) -> str:
    t = unicodedata.normalize("NFKC", text)
    t = _DIAC.sub("", t)
    t = t.replace("|", " ").replace("•", " ")
    return " ".join(t.split())


def wer(pred: str, gold: str) -> tuple[int, int]:
    g, p = gold.split(), pred.split()
    vocab: dict[str, str] = {}
    enc = lambda ws: "".join(vocab.setdefault(w, chr(0xE000 + len(vocab) % 6000 + (len(vocab) // 6000) * 0x10000)) for w in ws)  # noqa: E731
    return Levenshtein.distance(enc(p), enc(g)), len(g)


# ---- the tools ------------------------------------------------------------------------

def t_pdfplumber(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(p.extract_text() or "" for p in pdf.pages)


def t_pdfplumber_rtl(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(p.extract_text(char_dir="rtl", char_dir_render="ltr") or "" for p in pdf.pages)


def t_pdfplumber_bidi(path: Path) -> str:
    from bidi import get_display

    return "\n".join(get_display(l, base_dir="R") for l in t_pdfplumber(path).split("\n"))


def t_pdftotext(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout
    return re.sub("[\u202a-\u202e\u2066-\u2069\u200e\u200f]", "", out.decode("utf-8"))


def t_qalam(path: Path) -> str:
    import qalam

    return qalam.extract_text(str(path))


def t_pypdfium2(path: Path) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def t_mahdar(path: Path) -> str:
    from normalizers.repair import repair_document
    from pipeline.ingest import read_document

    return repair_document(read_document(path)).text


TOOLS = {
    "pdfplumber": t_pdfplumber,
    "pdfplumber char_dir=rtl": t_pdfplumber_rtl,
    "pdfplumber + python-bidi": t_pdfplumber_bidi,
    "pdftotext (poppler)": t_pdftotext,
    "qalam": t_qalam,
    "pypdfium2": t_pypdfium2,
    "mahdar": t_mahdar,
}


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    n = len(doc)
    doc.close()
    return n


def run(corpus: Path, repeats: int = 1) -> dict:
    gold = {p.stem: canonical(p.read_text(encoding="utf-8")) for p in sorted((corpus / "gold").glob("*.txt"))}
    results: dict = {}
    for producer in PRODUCERS:
        pdfs = sorted((corpus / "pdf").glob(f"*.{producer}.pdf"))
        pages = sum(page_count(p) for p in pdfs)
        for name, tool in TOOLS.items():
            if name.startswith("pdftotext") and not shutil.which("pdftotext"):
                continue
            ce = cn = we = wn = 0
            secs = 0.0
            for pdf in pdfs:
                g = gold[pdf.name.split(".")[0]]
                best = None
                for _ in range(repeats):
                    t0 = time.perf_counter()
                    try:
                        text = tool(pdf)
                    except Exception as e:  # a tool that fails scores as empty output
                        text = ""
                        print(f"  {name} failed on {pdf.name}: {e}", file=sys.stderr)
                    dt = time.perf_counter() - t0
                    best = dt if best is None else min(best, dt)
                secs += best
                p = canonical(text)
                ce += Levenshtein.distance(p, g)
                cn += len(g)
                e, n = wer(p, g)
                we += e
                wn += n
            results[(producer, name)] = {"cer": ce / cn, "wer": we / wn, "pages_per_s": pages / secs if secs else 0.0,
                                         "s_per_page": secs / pages}
            print(f"{producer:12} {name:28} CER {ce / cn:7.2%}  WER {we / wn:7.2%}  {pages / secs:6.1f} pages/s",
                  file=sys.stderr)
    return results


def paired_ratio(corpus: Path, repeats: int = 5) -> dict[str, float]:
    """mahdar's time per page over pdfplumber's own ``extract_text``, the two timed in turn on
    each file (best of ``repeats``, garbage collected before each timing), so that the other
    tools of the run and the machine's drift weigh on both alike."""
    import gc

    out = {}
    for producer in PRODUCERS:
        base = ours = 0.0
        for pdf in sorted((corpus / "pdf").glob(f"*.{producer}.pdf")):
            times: dict[str, list[float]] = {"pdfplumber": [], "mahdar": []}
            for _ in range(repeats):
                for name in times:
                    gc.collect()
                    t0 = time.perf_counter()
                    TOOLS[name](pdf)
                    times[name].append(time.perf_counter() - t0)
            base += min(times["pdfplumber"])
            ours += min(times["mahdar"])
        out[producer] = ours / base
    return out


def peak_memory(corpus: Path) -> dict[str, float]:
    """Peak Python heap (MB, tracemalloc) of pdfplumber's extract_text and of mahdar, per PDF,
    the largest over the corpus; a separate pass so tracing does not distort the timings."""
    import tracemalloc

    out = {}
    for name in ("pdfplumber", "mahdar"):
        peak = 0
        for pdf in sorted((corpus / "pdf").glob("*.pdf")):
            if pdf.name.split(".")[1] not in PRODUCERS:
                continue
            tracemalloc.start()
            TOOLS[name](pdf)
            peak = max(peak, tracemalloc.get_traced_memory()[1])
            tracemalloc.stop()
        out[name] = peak / 2**20
    return out


def markdown(results: dict, memory: dict[str, float], ratio: dict[str, float]) -> str:
    names = list(TOOLS)
    lines = ["| tool | " + " | ".join(f"{p} CER | {p} WER" for p in PRODUCERS) + " | pages/s (all) |",
             "|---|" + "---:|" * (2 * len(PRODUCERS) + 1)]
    for name in names:
        if (PRODUCERS[0], name) not in results:
            continue
        cells = []
        for p in PRODUCERS:
            r = results[(p, name)]
            cells += [f"{r['cer']:.2%}", f"{r['wer']:.2%}"]
        speed = sum(1 / results[(p, name)]["s_per_page"] for p in PRODUCERS) / len(PRODUCERS)
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {speed:.1f} |")
    lines.append("")
    lines.append("mahdar time per page relative to pdfplumber's own `extract_text`, the two timed in turn "
                 "on each file in the same run: " + ", ".join(f"{p} ×{ratio[p]:.2f}" for p in PRODUCERS) + ".")
    lines.append("")
    lines.append(f"Peak Python heap on the largest document: pdfplumber {memory['pdfplumber']:.1f} MB, "
                 f"mahdar {memory['mahdar']:.1f} MB (×{memory['mahdar'] / memory['pdfplumber']:.2f}).")
    return "\n".join(lines)


PAGE = """# Text repair benchmark

Made by `make bench` (`bench/bench_repair.py`) on the corpus PDFs of `../shared/corpus/pdf`
(4 documents × 3 text producers; the image-only scans have no text layer and are left out),
against the clean logical text of `../shared/corpus/gold/*.txt`. Both sides are put in one
canonical form first: NFKC, no tatweel or diacritics, `|` table separators and `•` bullets
dropped (only mahdar writes them), whitespace collapsed. CER and WER are micro-averaged over
the documents of a producer; speed is pages per second on this machine (2 cores), best of the
repeated runs, all tools in the same run.

{table}

What the others get wrong on these PDFs: pdfplumber returns every right-to-left line in
visual order; its `char_dir` option and python-bidi on its output restore most lines but
reverse lam-alef ligatures (`االنتقال`, `اإلدارة`) and ranges, and keep table cells left to
right; pdftotext keeps bidi controls and displaces numbers and brackets and keeps reportlab's
presentation forms; qalam and pypdfium2 get logical order for some producers only. mahdar
works from glyph geometry (lines by vertical overlap, table cells from the ruling, bullets drawn
as shapes), runs the bidi algorithm over glyph units so ligatures stay whole, folds
presentation forms after reordering, and joins table rows split by a page break.

## Already-extracted text

The broken text extractions of the archive (seeds 000 and 003, as in `data/raw/`), line for
line against the hand-made readings of `../shared/gold/<stem>.lines.jsonl`, counted as
`../shared/tools/score_lines.py` counts them (exact lines after NFC, tatweel removal and
whitespace collapsing; CER over the scored lines).

{lines_table}

The runs of these lines are in reverse order with seams that do not always fall on spaces,
so neither the bidi algorithm nor reversing the words restores them: python-bidi reverses the
letters of lines that are already letter-logical, and word reversal breaks the runs that are
right. mahdar cuts each line at its seams, repairs split and glued words against the clean
text, the document and the general lexicon, and scores every run order with a word and
word-class bigram model (clean text of the genre, the word pairs of a 33-million-word corpus
and their class pairs, and the document's own word pairs as first read on its other lines), the neighbouring lines
of a wrapped paragraph included.

## Seed-style damage on the corpus, with its text held out of the word model

The same damage as the seeds', made at random (reproducibly) on the clean lines of the four
corpus documents (`bench/damage.py`: runs in visual order with their own text logical,
numbers runs of their own, the space after an Arabic run written against it so that two runs
glue, a closing mark at the logical end put at the raw start or, in a third of the lines whose
first run is Arabic text, typed against the end of that run at the raw end (seed 000's
`للحكومة المنفتحة إحداث منتدى المجتمع المدني،`), a mark after a number inside the line laid out
on the number's left (`ويلخص .2019`, as the corpus PDFs' producers draw it), a comma that ends
a run inside the line mostly standing apart, a bracket of right-to-left text written as its
mirrored glyph's code and a pair around Latin text as typed (`)فور شباب(`, `(OGP)`), a
percentage with its sign on the number's left (`%80 أعضائها`, as seeds 001 and 003 draw one), and, where
the row says so, words cut in two by a
run boundary), each document repaired as a whole and compared line for line with its clean text;
extraction F1 is what `mahdar extract` reads from the repaired documents (table rows stay
markdown rows). The corpus gold has a paragraph to a line; the wrapped rows set the
paragraphs as a page does, in lines of at most 90 characters like the seeds' lines, each
damaged on its own. The word-by-word row damages a logical document as seed 004's producer
does: half its wrapped lines laid out word by word, two spaces apart, in visual order (a mark
after a number before it, brackets mirrored, a list item's number at the raw end), the others
left as written. The last two rows split words at a kashida as the same producer does (10 % of
the words of four letters or more, after a letter that joins the next): each line with a split
word drawn in pieces, in visual order, the second piece of a word opened by its tatweel, the
piece that holds the line's logical end followed by the line's wide final space; then the same
documents with that tatweel dropped before the repair, as a repair that drops every tatweel
first would read them (such a line is then found where its last word makes a word with an
earlier one, or its first with a later one). The shipped clean text
(`normalizers/data/clean_ar.txt`) holds the corpus gold, so each document is repaired with the
word model learned without its lines (`lm.held_out_model`; its table rows too, which the clean
text writes as cells three spaces
apart), as a document never seen would be: with its own lines in the model
the same damage read back 99 % of the lines, which measured the leak, not the repair.

{damage_table}

## Other tools' text, repaired

What `mahdar normalize` makes of the text other tools extract from the same corpus PDFs,
against the same gold and canonical form as the first table, and what `mahdar extract` reads
from that text (macro F1 over the export's list fields, by `../shared/tools/score.py`).

{other_table}

pdftotext writes logical order with explicit bidi embeddings whose left-to-right stretches
have their units as they stand on the page (`⟨ :⟩`, `⟨%78⟩`, `⟨09:30 - 09:00⟩`); mahdar puts
each stretch's units back in order, and with `-layout` reads the table cells and list markers
that spaces set apart right to left (a row of cells becomes a markdown row). With its marks
dropped (as in the first table) the text is told apart from visual order (its lines' ends are
not swapped) and left in its order, and a stretch is what opens with a space and ends glued to
the next word (`الأربعاء  22يونيو`). pdfplumber's text has every letter backwards; mahdar tells
so from the lexicon and reads each line with the bidi algorithm before folding presentation
forms. In both, words that one or two swaps of neighbouring letters make common words (a
two-letter glyph read back to front) are swapped, and where the text swaps pairs throughout,
real words too where their neighbours read better; words that justification spread apart
(`جمعي ة الأف ق`) are joined; signs that pdfplumber sets on a line of their own (`%`, `( )`)
go back to the line under them. The CER left is mostly the order these tools give table
cells, which extraction reads anyway: tables written one cell per line or one row per line are
read as records (a commitment from «الالتزام N:» or its number to its percentage, a schedule
row from its period, statistics pairing each count with the oldest category waiting, a
programme row from its time).
"""


def _squash(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).replace("\u0640", "").split())


def _bidi_lines(lines: list[str]) -> list[str]:
    from bidi import get_display

    return [get_display(l, base_dir="R") for l in lines]


def _reversed_words(lines: list[str]) -> list[str]:
    return [" ".join(reversed(l.split())) for l in lines]


def _mahdar_lines(lines: list[str]) -> list[str]:
    from normalizers.repair import repair_text

    return repair_text(lines)[0]


TEXT_METHODS = {
    "raw text (unchanged)": lambda lines: lines,
    "python-bidi per line (RTL)": _bidi_lines,
    "words reversed per line": _reversed_words,
    "mahdar normalize": _mahdar_lines,
}


def line_repair(gold_dir: Path, seeds_dir: Path) -> list[tuple[str, str, int, int, float]]:
    """Already-extracted text: every method on each seed that has hand-made line gold,
    exact lines and CER as ``../shared/tools/score_lines.py`` counts them."""
    rows = []
    for gold_path in sorted(gold_dir.glob("*.lines.jsonl")):
        stem = gold_path.name.split(".")[0]
        src = seeds_dir / f"{stem}.txt"
        if not src.exists():
            continue
        lines = src.read_text(encoding="utf-8").split("\n")
        gold = [g for g in map(json.loads, gold_path.read_text(encoding="utf-8").splitlines()) if g["kind"] != "uncertain"]
        for name, method in TEXT_METHODS.items():
            out = method(lines)
            ok = edits = chars = 0
            for g in gold:
                want, got = _squash(g["fixed"]), _squash(out[g["line"] - 1])
                ok += want == got
                edits += Levenshtein.distance(want, got)
                chars += max(len(want), 1)
            rows.append((stem, name, ok, len(gold), edits / chars))
    return rows


def line_repair_markdown(rows: list[tuple[str, str, int, int, float]]) -> str:
    stems = sorted({r[0] for r in rows})
    out = ["| method | " + " | ".join(f"{s[:3]} exact lines | {s[:3]} CER" for s in stems) + " |",
           "|---|" + "---:|" * (2 * len(stems))]
    for name in TEXT_METHODS:
        cells = []
        for s in stems:
            (_, _, ok, n, cer), = [r for r in rows if r[0] == s and r[1] == name]
            cells += [f"{ok}/{n} ({ok / n:.0%})", f"{cer:.2%}"]
        out.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def other_text(corpus: Path) -> list[tuple[str, str, float, float]]:
    """Other tools' text of the corpus PDFs, as given and through ``mahdar normalize``: CER
    over each producer's documents (the benchmark's canonical form)."""
    from normalizers.repair import normalize_text

    def marked(*flags: str):
        return lambda path: subprocess.run(["pdftotext", *flags, "-enc", "UTF-8", str(path), "-"],
                                           capture_output=True, check=True).stdout.decode("utf-8")

    tools = {"pdftotext, marks dropped": t_pdftotext, "pdftotext": marked(),
             "pdftotext -layout": marked("-layout"), "pdftotext -raw": marked("-raw"),
             "pdfplumber extract_text": t_pdfplumber}
    if not shutil.which("pdftotext"):
        tools = {"pdfplumber extract_text": t_pdfplumber}
    rows = []
    for name, tool in tools.items():
        for p in PRODUCERS:
            raw_e = fixed_e = chars = 0
            with tempfile.TemporaryDirectory() as tmp:
                texts = Path(tmp) / "text"
                texts.mkdir()
                for pdf in sorted((corpus / "pdf").glob(f"*.{p}.pdf")):
                    stem = pdf.name.split(".")[0]
                    gold = canonical((corpus / "gold" / f"{stem}.txt").read_text(encoding="utf-8"))
                    text = tool(pdf)
                    raw_e += Levenshtein.distance(canonical(text), gold)
                    fixed_e += Levenshtein.distance(canonical(normalize_text(text)), gold)
                    chars += len(gold)
                    (texts / f"{stem}.txt").write_text(text, encoding="utf-8")
                f1 = extraction_f1(texts, corpus / "gold", Path(tmp) / "pred")
            rows.append((name, p, raw_e / chars, fixed_e / chars, f1))
    return rows


def extraction_f1(texts: Path, gold: Path, pred: Path) -> float | None:
    """Macro F1 of ``mahdar extract`` on the text files of ``texts``, by the project's
    yardstick (``../shared/tools/score.py``, run as it stands there); None without it."""
    from pipeline.stages import process_file

    scorer = ROOT.parent / "shared" / "tools" / "score.py"
    if not scorer.exists():
        return None
    pred.mkdir()
    for f in sorted(texts.glob("*.txt")):
        r = process_file(f)
        if r.extraction is not None:
            (pred / f"{f.stem}.json").write_text(json.dumps(r.extraction.data, ensure_ascii=False), encoding="utf-8")
    out = pred.parent / "score.json"
    subprocess.run([sys.executable, str(scorer), str(pred), str(gold), "--json", str(out)], check=True,
                   capture_output=True)
    return json.loads(out.read_text(encoding="utf-8"))["summary"]["_macro_f1"]


def other_text_markdown(rows: list[tuple[str, str, float, float, float | None]]) -> str:
    out = ["| text of | " + " | ".join(f"{p} as given | {p} normalized | {p} extraction F1" for p in PRODUCERS)
           + " |", "|---|" + "---:|" * (3 * len(PRODUCERS))]
    for name in dict.fromkeys(r[0] for r in rows):
        cells = []
        for p in PRODUCERS:
            (_, _, raw, fixed, f1), = [r for r in rows if r[0] == name and r[1] == p]
            cells += [f"{raw:.2%}", f"{fixed:.2%}", "—" if f1 is None else f"{f1:.3f}"]
        out.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--out", type=Path, help="write the markdown table here")
    ap.add_argument("--repeats", type=int, default=2, help="timing: best of N runs per file")
    ap.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "gold",
                    help="line gold (<stem>.lines.jsonl) of the broken seeds")
    ap.add_argument("--seeds", type=Path, default=ROOT / "data" / "raw")
    a = ap.parse_args()
    table = markdown(run(a.corpus, a.repeats), peak_memory(a.corpus), paired_ratio(a.corpus, a.repeats))
    lines_table = line_repair_markdown(line_repair(a.gold, a.seeds))
    other_table = other_text_markdown(other_text(a.corpus))
    damage_table = damage_markdown(damage_rows(a.corpus, DAMAGE_DRAWS), DAMAGE_DRAWS)
    print(table, lines_table, damage_table, other_table, sep="\n\n")
    if a.out:
        a.out.write_text(PAGE.format(table=table, lines_table=lines_table, damage_table=damage_table,
                                     other_table=other_table), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
