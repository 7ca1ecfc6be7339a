"""Make the PDFs of this folder (not run by the tests; needs chromium and LibreOffice Writer).

New documents of the genre, never seen by the repair or the extractors:

- ``x_<font>``: HTML pages built from the hand-made readings of seeds 000 and 003
  (``../shared/gold/*.lines.jsonl``: paragraphs, a bulleted list, a ruled three-column
  table), in four Arabic fonts, printed by headless Chromium and, through a Word document,
  exported by LibreOffice. ``x_<font>.txt`` is each document's text as written (one
  paragraph, item or row per line).
- ``vdev_0N``: the corpus documents (``../shared/corpus/src``) with their people renamed and
  their percentages changed, the same way in the HTML and in the gold extraction
  (``vdev_0N.gold.json``), printed by Chromium, and made into a Word document as the
  corpus's were (right-to-left paragraphs, Word bullets and numbering, a right-to-left table
  grid with a repeated header row; python-docx) exported by LibreOffice in the corpus's font
  of that document: other names wrap table cells and move rows across page breaks elsewhere
  than in the corpus. ``vdev_0N.chromium-headers.pdf`` is printed with Chromium's running
  header and footer.

Run from the repository root: ``python tests/data/unseen/make.py OUT_DIR [DRAW]`` (with
python-docx and beautifulsoup4 installed); ``vdev_03a`` is ``vdev_03`` of the draw ``a`` (a
speaker's bold name cut by a page break).
"""
import html
import json
import random
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
GOLD = ROOT.parent / "shared" / "gold"
CORPUS = ROOT.parent / "shared" / "corpus"
MEN = ["كريم بنموسى", "عبد الحق المريني", "رشيد الزموري", "هشام بلفقيه", "منير القباج", "جواد الصبيحي",
       "عبد الله الوردي", "مراد بنسالم", "طارق الحلوي", "يوسف العمراوي", "سفيان الدكالي", "أيوب الشرقاوي"]
WOMEN = ["سعاد الفاسي", "ليلى العراقي", "جميلة التويمي", "بشرى الكتبي", "نادية الحسني", "وفاء بنشقرون",
         "حنان المسعودي", "إيمان الفلاحي", "مريم الصنهاجي", "سكينة الريفي", "أمينة الوكيلي", "هدى البقالي"]
FONTS = {"amiri": "Amiri", "naskh": "Noto Naskh Arabic", "kufi": "Noto Kufi Arabic", "kacst": "KacstOne"}
CORPUS_FONTS = {"dev_01": "Amiri", "dev_02": "Noto Naskh Arabic", "dev_03": "Noto Kufi Arabic", "dev_04": "KacstOne"}


def readings(stem: str) -> list[str]:
    return [json.loads(line)["fixed"] for line in (GOLD / f"{stem}.lines.jsonl").read_text(encoding="utf-8").splitlines()]


def page(seed: int, family: str) -> tuple[str, list[str]]:
    minutes, report = readings("000_12d8bbe9cabf2811"), readings("003_cef23d5024fd12d8")
    items = [line[2:] for line in report if line.startswith("- ")]
    cells = [line for line in report if not line.startswith("- ") and len(line) > 3]
    rnd = random.Random(seed)
    paras = [" ".join(minutes[i:i + 3]) for i in range(0, len(minutes), 3)]
    rnd.shuffle(paras)
    body, text = [f"<h1>{html.escape(minutes[0])}</h1>"], [minutes[0]]
    for p in paras[:8]:
        body.append(f'<p class="justify">{html.escape(p)}</p>')
        text.append(p)
    body.append("<ul>")
    for item in rnd.sample(items, 6):
        body.append(f"<li>{html.escape(item)}</li>")
        text.append("• " + item)
    body.append('</ul><table border="1" cellpadding="4" width="100%">')
    picked = rnd.sample(cells, 30)
    for r in range(10):
        row = picked[3 * r:3 * r + 3]
        body.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>")
        text.append(" | ".join(row))
    body.append("</table>")
    for p in paras[8:]:
        body.append(f'<p class="justify">{html.escape(p)}</p>')
        text.append(p)
    style = (f'body {{ font-family: "{family}", "DejaVu Sans", serif; font-size: 12pt; line-height: 1.5; }} '
             "h1 { font-size: 16pt; text-align: center; } .justify { text-align: justify; } "
             "table { border-collapse: collapse; } td { border: 1px solid #000; vertical-align: top; font-size: 10.5pt; }")
    doc = (f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><style>{style}</style></head>'
           f"<body>{''.join(body)}</body></html>")
    return doc, text


def _strings(value, f):
    if isinstance(value, dict):
        return {k: _strings(v, f) for k, v in value.items()}
    if isinstance(value, list):
        return [_strings(v, f) for v in value]
    return f(value) if isinstance(value, str) else value


def variant(doc: str, draw: str = "") -> tuple[str, dict]:
    """A corpus document with other people and other percentages: its HTML and its gold
    (``draw`` names another random draw of them)."""
    rnd = random.Random(doc + draw)
    gold = json.loads((CORPUS / "gold" / f"{doc}.gold.json").read_text(encoding="utf-8"))
    page = (CORPUS / "src" / f"{doc}.html").read_text(encoding="utf-8")
    men, women = rnd.sample(MEN, len(MEN)), rnd.sample(WOMEN, len(WOMEN))
    names = {p["name"]: (women if (p.get("honorific") or "").endswith("ة") else men).pop() for p in gold["participants"]}
    found = sorted({int(n) for n in re.findall(r"(\d+)\s?%", page) + re.findall(r"%\s?(\d+)", page)})
    pct = dict(zip(found, rnd.sample(range(5, 99), len(found))))

    def change(s: str) -> str:
        for old, new in sorted(names.items(), key=lambda kv: -len(kv[0])):
            s = s.replace(old, new)
        s = re.sub(r"(\d+)(\s?%)", lambda m: f"{pct.get(int(m.group(1)), m.group(1))}{m.group(2)}", s)
        return re.sub(r"(%\s?)(\d+)", lambda m: f"{m.group(1)}{pct.get(int(m.group(2)), m.group(2))}", s)

    new = _strings(gold, change)
    for c in new.get("commitments", []):
        for item in [c] + c.get("activities", []):
            if item.get("completion_pct") is not None:
                item["completion_pct"] = pct.get(item["completion_pct"], item["completion_pct"])
    new["doc"] = f"v{doc}{draw}"
    return change(page), new


def word_document(source: str, path: Path, font: str) -> None:
    """The HTML page as a Word document: right-to-left paragraphs and runs in ``font``,
    headings and <b>/<th> bold, <ul>/<ol> as Word's bullets and numbering, tables as a
    right-to-left grid whose header row repeats after a page break."""
    from bs4 import BeautifulSoup, NavigableString
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    def mark(parent, tag: str, **attrs) -> None:
        el = OxmlElement(tag)
        for k, v in attrs.items():
            el.set(qn(k), v)
        parent.append(el)

    def runs(par, node, bold: bool = False) -> None:
        for ch in node.children:
            if isinstance(ch, NavigableString):
                text = re.sub(r"\s+", " ", str(ch))
                if text:
                    run = par.add_run(text)
                    run.bold = bold or None
                    run.font.name = font
                    run.font.size = Pt(12)
                    rpr = run._r.get_or_add_rPr()
                    rpr.find(qn("w:rFonts")).set(qn("w:cs"), font)
                    mark(rpr, "w:rtl")
                    mark(rpr, "w:szCs", **{"w:val": "24"})
                    if bold:
                        mark(rpr, "w:bCs")
            elif ch.name == "br":
                par.add_run().add_break()
            else:
                runs(par, ch, bold or ch.name in ("b", "strong", "th"))

    def paragraph(par, node, bold: bool = False):
        mark(par._p.get_or_add_pPr(), "w:bidi")
        runs(par, node, bold)
        return par

    doc = Document()
    for el in BeautifulSoup(source, "html.parser").body.find_all(recursive=False):
        if el.name in ("h1", "h2", "h3", "h4", "p", "div"):
            par = paragraph(doc.add_paragraph(), el, el.name.startswith("h"))
            if el.name == "h1" or "center" in (el.get("class") or []):
                par.alignment = 1
        elif el.name in ("ul", "ol"):
            for li in el.find_all("li", recursive=False):
                paragraph(doc.add_paragraph(style="List Bullet" if el.name == "ul" else "List Number"), li)
        elif el.name == "table":
            rows = el.find_all("tr")
            table = doc.add_table(rows=0, cols=max(len(r.find_all(["td", "th"])) for r in rows))
            table.style = "Table Grid"
            mark(table._tbl.tblPr, "w:bidiVisual")
            for r in rows:
                row = table.add_row()
                if r.find("th"):
                    mark(row._tr.get_or_add_trPr(), "w:tblHeader")
                for cell, c in zip(row.cells, r.find_all(["td", "th"])):
                    paragraph(cell.paragraphs[0], c, c.name == "th")
    doc.save(str(path))


def main(out: Path, draw: str = "") -> None:
    out.mkdir(parents=True, exist_ok=True)
    for seed, (name, family) in enumerate(FONTS.items()):
        doc, text = page(seed, family)
        (out / f"x_{name}.html").write_text(doc, encoding="utf-8")
        (out / f"x_{name}.txt").write_text("\n".join(text) + "\n", encoding="utf-8")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={out / f'x_{name}.chromium.pdf'}", str(out / f"x_{name}.html")],
                       check=True, capture_output=True)
        subprocess.run(["soffice", "--headless", "--convert-to", "docx:MS Word 2007 XML", "--infilter=HTML (StarWriter)",
                        "--outdir", str(out), str(out / f"x_{name}.html")], check=True, capture_output=True)
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out / "lo"),
                        str(out / f"x_{name}.docx")], check=True, capture_output=True)
        (out / "lo" / f"x_{name}.pdf").rename(out / f"x_{name}.libreoffice.pdf")
    for doc in ("dev_01", "dev_02", "dev_03", "dev_04"):
        source, gold = variant(doc, draw)
        stem = gold["doc"]
        (out / f"{stem}.html").write_text(source, encoding="utf-8")
        (out / f"{stem}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={out / f'{stem}.chromium.pdf'}", str(out / f"{stem}.html")],
                       check=True, capture_output=True)
        # and with Chromium's running header (date, title) and footer (address, page N/M)
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                        f"--print-to-pdf={out / f'{stem}.chromium-headers.pdf'}", str(out / f"{stem}.html")],
                       check=True, capture_output=True)
        word_document(source, out / f"{stem}.docx", CORPUS_FONTS[doc])
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out / "lo"),
                        str(out / f"{stem}.docx")], check=True, capture_output=True)
        (out / "lo" / f"{stem}.pdf").rename(out / f"{stem}.libreoffice.pdf")


if __name__ == "__main__":
    main(Path(sys.argv[1]), *sys.argv[2:3])
