"""Make the PDFs of this folder (not run by the tests; needs chromium and LibreOffice Writer).

New documents of the genre, never seen by the repair: HTML pages built from the hand-made
readings of seeds 000 and 003 (``../shared/gold/*.lines.jsonl``: paragraphs, a bulleted
list, a ruled three-column table), in four Arabic fonts, printed by headless Chromium and,
through a Word document, exported by LibreOffice. ``x_<font>.txt`` is each document's text as
written (one paragraph, item or row per line). Run from the repository root:
``python tests/data/unseen/make.py OUT_DIR``.
"""
import html
import json
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
GOLD = ROOT.parent / "shared" / "gold"
FONTS = {"amiri": "Amiri", "naskh": "Noto Naskh Arabic", "kufi": "Noto Kufi Arabic", "kacst": "KacstOne"}


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


def main(out: Path) -> None:
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


if __name__ == "__main__":
    main(Path(sys.argv[1]))
