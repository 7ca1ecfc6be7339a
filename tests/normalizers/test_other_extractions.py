"""Text extracted by other tools from the corpus PDFs (made here from the real files), repaired
by ``normalize_text``: pdftotext's logical order with explicit bidi embeddings, pdfplumber's
visual order written letter by letter backwards. Scored against the corpus gold text."""
import shutil
import subprocess
import unicodedata

import pdfplumber
import pytest
from rapidfuzz.distance.Levenshtein import distance

from normalizers.bidi import has_embeddings, resolve_embeddings
from normalizers.repair import normalize_text, reads_backwards
from tests.conftest import RAW, seed


def _cer(text: str, gold: str) -> float:
    norm = lambda s: " ".join(unicodedata.normalize("NFC", s).replace("\u0640", "").split())  # noqa: E731
    return distance(norm(text), norm(gold)) / len(norm(gold))


def test_embedded_stretches_in_logical_order():
    """Real lines of pdftotext's output for dev_02 and dev_03 (chromium)."""
    assert resolve_embeddings("\u202bتاريخ الاجتماع\u202a :\u202cالأربعاء \u202a 22\u202cيونيو \u202a 2022\u202cعلى") == \
        "\u202bتاريخ الاجتماع: الأربعاء 22 يونيو 2022 على"
    assert resolve_embeddings("\u202a09:30 - 09:00\u202c") == "09:00 - 09:30"
    assert resolve_embeddings("المكلفة بالالتزام \u202a ،9\u202cوزارة العدل") == "المكلفة بالالتزام 9، وزارة العدل"
    assert resolve_embeddings("الرقمية (\u202a( )ADD\u202cعن بعد)") == "الرقمية (ADD) (عن بعد)"
    assert resolve_embeddings("المرئية (\u202a)visioconférence\u202c") == "المرئية (visioconférence)"


def test_seeds_are_neither_embedded_nor_backwards():
    for name in ("000", "001", "002", "003", "004"):
        lines = seed(name).read_text(encoding="utf-8").split("\n")
        assert not has_embeddings(lines) and not reads_backwards(lines), name


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
@pytest.mark.parametrize("doc,producer", [("dev_02", "chromium"), ("dev_03", "libreoffice"), ("dev_01", "reportlab")])
def test_pdftotext_output_repaired(shared, doc, producer):
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", str(RAW / f"{doc}.{producer}.pdf"), "-"],
                         capture_output=True, check=True, text=True).stdout
    gold = (shared / "corpus" / "gold" / f"{doc}.txt").read_text(encoding="utf-8")
    out = normalize_text(raw)
    assert _cer(out, gold) < 0.6 * _cer(raw, gold)
    assert _cer(out, gold) < 0.12  # what is left is mostly pdftotext's order of table cells


@pytest.mark.parametrize("doc,producer", [("dev_02", "libreoffice"), ("dev_04", "chromium"), ("dev_04", "reportlab")])
def test_pdfplumber_text_read_backwards(shared, doc, producer):
    with pdfplumber.open(RAW / f"{doc}.{producer}.pdf") as pdf:
        raw = "\n".join(p.extract_text() or "" for p in pdf.pages)
    assert reads_backwards(raw.split("\n"))
    gold = (shared / "corpus" / "gold" / f"{doc}.txt").read_text(encoding="utf-8")
    out = normalize_text(raw)
    assert _cer(raw, gold) > 0.7 and _cer(out, gold) < 0.15
    assert "المملكة المغربية" in out and "\ufefb" not in out  # lam-alef read back before folding


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
@pytest.mark.parametrize("producer", ["libreoffice", "chromium", "reportlab"])
def test_pdftotext_without_its_marks_is_logical(shared, producer):
    """pdftotext's text with its bidi marks dropped is logical order with numbers and colons
    displaced: it is not taken for visual order (nothing reordered), its stretches are put back,
    and the words justification spread apart are joined in place (libreoffice's «بش راكة م ع
    جمعي ة», which a reading as damaged lines had reordered): every corpus document reads closer
    to its gold than pdftotext wrote it."""
    import re

    lines = {"dev_02": "تاريخ الاجتماع: الأربعاء 22 يونيو 2022 على الساعة",
             "dev_01": "تاريخ الاجتماع: الخميس 26 شتنبر 2019، على الساعة الثالثة بعد الزوال."}
    for doc in ("dev_01", "dev_02", "dev_03", "dev_04"):
        raw = subprocess.run(["pdftotext", "-enc", "UTF-8", str(RAW / f"{doc}.{producer}.pdf"), "-"],
                             capture_output=True, check=True, text=True).stdout
        raw = re.sub("[\u202a-\u202e]", "", raw)
        gold = (shared / "corpus" / "gold" / f"{doc}.txt").read_text(encoding="utf-8")
        out = normalize_text(raw)
        assert _cer(out, gold) < _cer(raw, gold), doc
        if doc in lines:
            assert lines[doc] in out, doc


def test_clean_text_passes_unchanged(shared):
    """The corpus gold text, run through the text repair, comes out as it went in."""
    for doc in ("dev_01", "dev_02", "dev_03", "dev_04"):
        text = (shared / "corpus" / "gold" / f"{doc}.txt").read_text(encoding="utf-8")
        assert normalize_text(text).split("\n") == [" ".join(l.split()) for l in text.split("\n")], doc


def test_typed_text_with_glued_years_is_not_taken_for_lost_marks():
    """A year glued to م and commas typed against the next word are common in typed text, and
    no sign of an extraction that lost its marks."""
    lines = ["انعقد الاجتماع سنة 2020م بمقر الوزارة", "وفي سنة 2021م تم إعداد الخطة", "ثم في 2022م",
             "حضر ممثلو الإدارة ،والجمعيات", "والقطاعات ،والمؤسسات", "والخبراء ،والباحثون"]
    assert normalize_text("\n".join(lines)).split("\n") == lines


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_pdftotext_layout_tables_read_right_to_left(shared):
    """``pdftotext -layout`` sets table cells and list markers apart by spaces, left to right:
    rows come out as markdown rows, cells right to left, each cell's lines joined; list items
    marker first (see test_columns_of_one_block); the text stays line for line."""
    raw = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(RAW / "dev_02.chromium.pdf"), "-"],
                         capture_output=True, check=True, text=True).stdout
    gold = (shared / "corpus" / "gold" / "dev_02.txt").read_text(encoding="utf-8")
    out = normalize_text(raw)
    rows = out.split("\n")
    assert len(rows) == len(raw.split("\n"))
    assert "| الالتزام | نسبة الإنجاز | تحيين منصة التتبع | ملاحظات |" in rows
    assert any(r.startswith("| الالتزام 1: نشر المعطيات المتعلقة بتنفيذ الميزانية في صيغة مفتوحة | 80% | نعم |")
               for r in rows)
    assert "السيد حمزة بلخياط، رئيس المشروع المكلف بالالتزام 5؛" in rows  # chromium draws bullets
    assert _cer(out, gold) < 0.06 < _cer(raw, gold)


def test_columns_of_one_block():
    from normalizers.columns import rtl_columns

    lines = ["   تم نشر المعطيات الخاصة بالفصل الأول من        نعم          80%         الالتزام 1: نشر المعطيات",
             "                            سنة 2022                                      في صيغة مفتوحة",
             "",
             "        تتبع تقدم إنجاز الأنشطة المبرمجة؛            •",
             "          فقرة واحدة من النص الجاري"]
    assert rtl_columns(lines) == [
        "| الالتزام 1: نشر المعطيات في صيغة مفتوحة | 80% | نعم | تم نشر المعطيات الخاصة بالفصل الأول من سنة 2022 |",
        "", "", "• تتبع تقدم إنجاز الأنشطة المبرمجة؛", "          فقرة واحدة من النص الجاري"]


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
@pytest.mark.parametrize("pdf", sorted(p.name for p in RAW.glob("dev_*.pdf") if ".scan." not in p.name))
def test_every_extraction_of_every_corpus_pdf_is_repaired_line_for_line(pdf):
    """No error, and line for line, on each tool's text of each text-layer PDF of the sample
    archive (the fragment repair once raised on one of them)."""
    texts = [subprocess.run(["pdftotext", *flags, "-enc", "UTF-8", str(RAW / pdf), "-"],
                            capture_output=True, check=True, text=True).stdout for flags in ([], ["-layout"])]
    with pdfplumber.open(RAW / pdf) as doc:
        texts.append("\n".join(p.extract_text() or "" for p in doc.pages))
    for raw in texts + [t.replace("\u202a", "").replace("\u202b", "").replace("\u202c", "") for t in texts[:2]]:
        assert len(normalize_text(raw).split("\n")) == len(raw.split("\n"))


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_pdftotext_ligatures_read_backwards_are_learned_from_the_text(shared):
    """pdftotext writes LibreOffice's two-letter glyphs back to front (شتنرب, اإلرشاف, عرب):
    words that are no words are mended from the lexicon, and once the text shows it swaps
    pairs throughout, real words too where their neighbours read better (عرب البوابة)."""
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", str(RAW / "dev_04.libreoffice.pdf"), "-"],
                         capture_output=True, check=True, text=True).stdout
    gold = (shared / "corpus" / "gold" / "dev_04.txt").read_text(encoding="utf-8")
    out = normalize_text(raw)
    assert "شتنرب" in raw and "شتنرب" not in out and out.count("شتنبر") == gold.count("شتنبر")
    assert "عبر البوابة" in out and "والتي ترتكز" in out and "لجنة الإشراف" in out


def test_clean_words_with_swappable_pairs_or_short_pieces_are_left_alone(shared):
    """A clean text never shows swaps or spread words, so no real word of it is touched: the
    corpus gold and the clean seeds go through as they are (but for seed 004's few lines
    whose words its producer cut, ``ــر تعزي``: see ``runs.shows_cut_words``)."""
    from normalizers.chars import drop_tatweel
    from normalizers.pieces import join_spaced_pieces, unswap_document
    from normalizers.runs import shows_cut_words

    for path in [shared / "corpus" / "gold" / f"dev_0{i}.txt" for i in range(1, 5)] + [seed("002"), seed("004")]:
        lines = path.read_text(encoding="utf-8").split("\n")
        clean = [i for i, line in enumerate(lines) if not shows_cut_words(drop_tatweel(line))]
        assert len(clean) > 0.95 * len(lines)
        for repaired in (unswap_document(lines), join_spaced_pieces(lines)):
            assert [repaired[i] for i in clean] == [lines[i] for i in clean], path.name


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_words_spread_by_justification_are_joined(shared):
    """pdftotext cuts LibreOffice's justified lines at the widened gaps inside words."""
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", str(RAW / "dev_03.libreoffice.pdf"), "-"],
                         capture_output=True, check=True, text=True).stdout
    out = normalize_text(raw)
    assert "جمعي ة الأف ق" in raw
    assert "بشراكة مع جمعية الأفق للتنمية والمواطنة وشبكة جمعيات الشرق" in out
    assert "اللقاءات التشاورية الجهوية التي تروم تجميع مقترحات" in out
    gold = (shared / "corpus" / "gold" / "dev_03.txt").read_text(encoding="utf-8")
    assert _cer(out, gold) < 0.12


def test_signs_set_on_a_line_of_their_own_go_back_to_the_line_under_them():
    """pdfplumber sets a «%» or a pair of brackets drawn higher than the letters on a line of
    its own above them (real lines of its text for dev_02 and dev_03, Chromium)."""
    from normalizers.repair import attach_lone_bracket_lines, attach_lone_percent_lines

    lines = ["%", "الالتزام 1: نشر المعطيات المتعلقة بتنفيذ الميزانية 80 نعم تم نشر المعطيات", "% %",
             "40 إلى 70", "%", "3. برمجة اجتماعات ثنائية مع رؤساء المشاريع التي تقل نسبة إنجازها عن 50 ."]
    assert attach_lone_percent_lines(lines) == [
        "", "الالتزام 1: نشر المعطيات المتعلقة بتنفيذ الميزانية 80% نعم تم نشر المعطيات", "", "40% إلى 70%", "",
        "3. برمجة اجتماعات ثنائية مع رؤساء المشاريع التي تقل نسبة إنجازها عن 50% ."]
    assert attach_lone_bracket_lines(["( ) ( )", "باحث ة أو طالب ة 9", "الفقرة"]) == \
        ["", "باحث(ة) أو طالب(ة) 9", "الفقرة"]
    assert attach_lone_percent_lines(["%", "سنة 2022"]) == ["%", "سنة 2022"]  # a year takes no sign


def test_a_label_standing_alone_ends_a_table():
    """«جدول الأعمال:» under the last row of a participants table (pdftotext -layout of an
    unseen variant of dev_04) is a heading of its own, not a wrapped line of the name cell."""
    from normalizers.columns import rtl_columns

    lines = ["                              —            خبير في تقييم السياسات                   السيد جواد الصبيحي",
             "                                                          العمومية",
             "                                                                                            جدول الأعمال:"]
    out = rtl_columns(lines)
    assert out[0] == "| السيد جواد الصبيحي | خبير في تقييم السياسات العمومية | — |" and out[2].strip() == "جدول الأعمال:"


def test_a_list_laid_out_as_two_columns_is_read_as_items():
    from extractors.structure import to_blocks
    from pipeline.models import Line, TextDocument

    texts = ["المشاركون:", "| • | السيدة ليلى العراقي، رئيسة مصلحة الحكومة المنفتحة، وزارة الانتقال الرقمي وإصلاح |",
             "| | الإدارة؛ |", "| • | السيد عبد الحق المريني، رئيس المشروع المكلف بالالتزام 5؛ |"]
    blocks = to_blocks(TextDocument("x", [Line(t, 1, i + 1, t) for i, t in enumerate(texts)]))
    assert [(b.kind, b.text) for b in blocks[1:]] == [
        ("item", "السيدة ليلى العراقي، رئيسة مصلحة الحكومة المنفتحة، وزارة الانتقال الرقمي وإصلاح الإدارة"),
        ("item", "السيد عبد الحق المريني، رئيس المشروع المكلف بالالتزام 5")]


def test_word_embeddings_side_by_side_are_read_from_the_last():
    """pdftotext -raw wraps each word (and a word's pieces) in an embedding of its own, laid
    out from the left; one embedding per line (its default) and -layout columns stay."""
    from normalizers.bidi import reverse_word_embeddings

    rle, pdf = "\u202b", "\u202c"
    assert reverse_word_embeddings(f"{rle}المغربية{pdf} {rle}المملكة{pdf}") == f"{rle}المملكة{pdf} {rle}المغربية{pdf}"
    assert reverse_word_embeddings(f"{rle}حكومة{pdf}{rle}ل{pdf}{rle}ا{pdf} {rle}رئيس{pdf}") == \
        f"{rle}رئيس{pdf} {rle}ا{pdf}{rle}ل{pdf}{rle}حكومة{pdf}"
    assert reverse_word_embeddings(f":{rle}الاجتماع{pdf} {rle}تاريخ{pdf}") == f"{rle}تاريخ{pdf} {rle}الاجتماع{pdf}:"
    one = f"{rle}تاريخ الاجتماع: الأربعاء{pdf}"
    assert reverse_word_embeddings(one) == one
    columns = f"{rle}الجهة{pdf}        {rle}الصفة{pdf}        {rle}الاسم{pdf}"
    assert reverse_word_embeddings(columns) == columns


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
@pytest.mark.parametrize("producer", ["chromium", "libreoffice", "reportlab"])
def test_pdftotext_raw_output_repaired(shared, producer):
    raw = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(RAW / f"dev_02.{producer}.pdf"), "-"],
                         capture_output=True, check=True, text=True).stdout
    gold = (shared / "corpus" / "gold" / "dev_02.txt").read_text(encoding="utf-8")
    out = normalize_text(raw)
    assert _cer(raw, gold) > 0.5 and _cer(out, gold) < 0.08
    assert "المملكة المغربية" in out
