"""Each word-repair step on its own, on pieces taken from the broken seeds."""
from normalizers.lm import atoms_of, model
from normalizers.runs import repair_runs
from normalizers.pieces import (Vocabulary, article_moves, clitic_moves, doc_vocabulary, glued_word_splits, join_edge_pieces,
                                join_split_words, lone_article_readings, split_glued, transfer_fragments)
from tests.conftest import seed


def _vocab(name: str = "003") -> Vocabulary:
    return Vocabulary(model(), doc_vocabulary(seed(name).read_text(encoding="utf-8").split("\n")))


def _texts(atoms) -> list[str]:
    return [a.text for a in atoms]


def test_glued_words_are_split():
    v = _vocab("000")
    assert _texts(split_glued(atoms_of("ومكانتاريخ"), v)) == ["ومكان", "تاريخ"]
    assert _texts(split_glued(atoms_of("إنجازتم"), v)) == ["إنجاز", "تم"]
    assert _texts(split_glued(atoms_of("بالجمعيات"), v)) == ["بالجمعيات"]  # not بال + جمعيات


def test_two_function_words_written_together_are_split_even_where_the_lexicon_has_them():
    """Web text's lost spaces put «فيإلى» or «التيمن» in the general lexicon as rare words;
    two of the language's most common words written together are two words. Rare words
    that are not two function words stay whole."""
    v = _vocab("000")
    assert _texts(split_glued(atoms_of("فيإلى"), v)) == ["في", "إلى"]
    assert _texts(split_glued(atoms_of("التيمن"), v)) == ["التي", "من"]
    assert _texts(split_glued(atoms_of("فيقبل"), v)) == ["في", "قبل"]
    assert _texts(split_glued(atoms_of("مايتعلق"), v)) == ["ما", "يتعلق"]  # a particle and a common word
    assert _texts(split_glued(atoms_of("فيضعف"), v)) == ["في", "ضعف"]
    # a common word and a particle after it, split where the rarer piece is commonest, not قد + ممن
    assert _texts(split_glued(atoms_of("قدممن"), v)) == ["قدم", "من"]
    assert _texts(split_glued(atoms_of("جمعيا"), v)) != ["جمع", "يا"]  # a piece of «جمعيات»
    for word in ("مندمج", "فيما", "عندما", "نورالدين", "منصف", "فيصل", "لاحق", "مالك"):
        assert _texts(split_glued(atoms_of(word), v)) == [word]
    line = "انتظار توصلها بالمعطيات  الاجتماع المقبل، فيإلى  21و 19و 18وضعية الالتزامات تأجيل عرض  "
    assert repair_runs(line) == "تأجيل عرض وضعية الالتزامات 18 و19 و21 إلى الاجتماع المقبل، في انتظار توصلها بالمعطيات"


def test_two_words_glued_backwards_are_two_words_not_a_rare_rotation():
    """Two runs glued in visual order: ``يليما`` is «يلي» and «ما» (read «ما يلي» with the
    line), not the rotation «مايلي», a rare string of the lexicon that general text writes
    far less often than the two words. A word's pieces that are no two words are still
    swapped back (``وزاريةال``)."""
    v = _vocab("000")
    assert _texts(split_glued(atoms_of("يليما"), v)) == ["يلي", "ما"]
    assert _texts(split_glued(atoms_of("وزاريةال"), v)) == ["الوزارية"]


def test_a_rare_word_that_is_two_common_words_is_also_read_split():
    """``عقدتم`` («you held», rare) is also «عقد» + «تم» glued at a run boundary; the line is
    offered both ways. Words of the clean text (بالقرارات) and lines with none have no
    other reading."""
    v = _vocab("000")
    assert [_texts(c) for c in glued_word_splits(atoms_of("مع إمكانية عقدتم الاتفاق"), v)] == \
        [["مع", "إمكانية", "عقد", "تم", "الاتفاق"]]
    assert [_texts(c) for c in glued_word_splits(atoms_of("إعداد هذاالعام"), v)] == [["إعداد", "هذا", "العام"]]
    assert glued_word_splits(atoms_of("بالقرارات المتعلقة"), v) == []
    assert glued_word_splits(atoms_of("تم الاتفاق"), v) == []


def test_a_name_the_general_corpus_writes_as_one_word_is_not_offered_split():
    """``نورالدين`` is «نور» + «الدين» to the lexicon, but the general corpus writes it as one
    word thousands of times (a Moroccan spelling of the name): it stays as the author wrote it.
    A string that corpus never writes is still offered split (``إنجاحهعلى``)."""
    v = _vocab("001")
    assert glued_word_splits(atoms_of("السيد نورالدين لصفر"), v) == []
    assert [_texts(c) for c in glued_word_splits(atoms_of("في إنجاحهعلى مساهماتهم"), v)] == \
        [["في", "إنجاحه", "على", "مساهماتهم"]]


def test_a_name_is_not_taken_for_two_words(shared):
    """Names the word model has not seen (here: dev_01's names, with the model learned
    without that document): ``أوبلا`` is no «أو» + «بلا» where the document writes it twice,
    and ``بوزيان`` after a title gives no «ان» to complete «إنسان» with the first name."""
    from collections import Counter

    from normalizers.lm import held_out_model

    lm = held_out_model((shared / "corpus" / "gold" / "dev_01.txt").read_text(encoding="utf-8").split("\n"))
    assert _texts(split_glued(atoms_of("عمر أوبلا"), Vocabulary(lm))) == ["عمر", "أو", "بلا"]
    assert _texts(split_glued(atoms_of("عمر أوبلا"), Vocabulary(lm, Counter({"اوبلا": 2})))) == ["عمر", "أوبلا"]
    assert _texts(split_glued(atoms_of("السيد أنس بوزيان، جمعية"), Vocabulary(lm))) == \
        ["السيد", "أنس", "بوزيان", "،", "جمعية"]


def test_a_word_with_a_pronoun_or_dual_ending_is_a_word(shared):
    """``خلالهما`` is «خلال» with the pronoun «هما», not two function words nor a word and a
    piece; ``ورشتين`` is the dual of «ورشة» (the word model learned without dev_03, which
    writes both)."""
    from normalizers.lm import held_out_model, text_key

    lm = held_out_model((shared / "corpus" / "gold" / "dev_03.txt").read_text(encoding="utf-8").split("\n"))
    v = Vocabulary(lm)
    assert not v.lexical(text_key("خلالهما")) and v.inflected(text_key("خلالهما"))
    assert v.inflected(text_key("ورشتين")) and not v.inflected(text_key("بوزيان"))
    assert _texts(split_glued(atoms_of("تم خلالهما وتوزع"), v)) == ["تم", "خلالهما", "وتوزع"]


def test_a_piece_of_a_cut_word_glued_to_another_word_is_split_off():
    """«الحكومةالو» beside «زارة»: the ministry's first piece is split off its neighbour, a
    seam between them; a word with its own prefixes is not taken apart."""
    from normalizers.runs import cut_word_pairs

    v = Vocabulary(model())  # no document: the lexicon alone
    atoms = split_glued(atoms_of("زارة المنتدبة لدى رئيس الحكومةالو"), v)
    assert _texts(atoms)[-2:] == ["الحكومة", "الو"] and atoms[-1].cut_before
    assert (len(atoms) - 1, 0) in cut_word_pairs(atoms, v)  # «الو» then «زارة»: one word
    atoms = split_glued(atoms_of("بعد الزوالتتم الاجتماع على واخ"), v)
    assert _texts(atoms)[1:3] == ["الزوال", "تتم"] and (len(atoms) - 1, 2) in cut_word_pairs(atoms, v)
    assert _texts(split_glued(atoms_of("والتنسيقية المتعلقة"), v)) == ["والتنسيقية", "المتعلقة"]


def test_no_piece_holds_a_letter_that_only_ends_a_word_before_another_letter():
    """«المحليةال»: ة ends «المحلية», so the glued «ال» is a piece of another word, the
    article of «ميزانيات» a run boundary cut off; never «المحلي» + «ةال»."""
    v = Vocabulary(model())
    line = "؛ميزانيات المحليةال تنفيذ المشاريع الممولة منآليات لتتبع  غياب •"
    atoms = split_glued(atoms_of(line), v)
    assert _texts(atoms)[1:4] == ["ميزانيات", "المحلية", "ال"]
    assert repair_runs(line) == "• غياب آليات لتتبع تنفيذ المشاريع الممولة من الميزانيات المحلية؛"


def test_an_atom_is_split_after_a_letter_that_only_ends_a_word():
    """«الحكومةرئي»: ة ends «الحكومة», so «رئي» is another word's piece («رئيس»); a lone ة
    before a word is that word's own last piece laid out first («ةالسيد» is «السيدة»)."""
    v = Vocabulary(model())
    assert _texts(split_glued(atoms_of("س الحكومةرئي"), v)) == ["س", "الحكومة", "رئي"]
    assert repair_runs("س الحكومةرئي") == "رئيس الحكومة"
    assert _texts(split_glued(atoms_of("فاطمة الزهراء ةالسيد"), v))[-1] == "السيدة"


def test_letters_glued_after_a_word_complete_a_piece_that_is_no_word():
    """«الإنسانيد» … «الس»: the «يد» glued after «الإنسان» ends «السيد», whose first piece
    stands at the raw end; a word's own ending (اتخادها) is not split off where no such piece
    stands in the line."""
    v = Vocabulary(model())
    line = "؛الوزارية المكلفة بحقوق الإنسانيد هشام الكتاني، المندوبية الس •"
    assert _texts(split_glued(atoms_of(line), v))[4:6] == ["الإنسان", "يد"]
    assert repair_runs(line) == "• السيد هشام الكتاني، المندوبية الوزارية المكلفة بحقوق الإنسان؛"
    assert _texts(split_glued(atoms_of("تم اتخادها في الاجتماع"), v)) == ["تم", "اتخادها", "في", "الاجتماع"]


def test_both_pieces_of_a_cut_word_glued_to_other_words_are_split_off():
    """A run boundary cut «التغطية» and «للميزانية»; each piece is glued to the word beside it
    in the raw line (the second after one word, the first before another): both atoms are
    split and the reading joins the pieces. Words with their own prefixes stay whole."""
    v = Vocabulary(model())
    line = "؛عدد من الجماعات القروية والجبليةية بشبكة الأنترنت في التغطضعف  •"
    assert _texts(split_glued(atoms_of(line), v))[5:7] == ["والجبلية", "ية"]
    assert repair_runs(line) == "• ضعف التغطية بشبكة الأنترنت في عدد من الجماعات القروية والجبلية؛"
    line = "؛التشاركيةية الجماعية لمشاريع يقترحها المواطنون عبر آلية للميزانالاستثمار  تخصيص حصة 3."
    assert repair_runs(line) == "3. تخصيص حصة الاستثمار الجماعية لمشاريع يقترحها المواطنون عبر آلية للميزانية التشاركية؛"
    assert _texts(split_glued(atoms_of("العمومي والتطوع التعاقدي"), v)) == ["العمومي", "والتطوع", "التعاقدي"]
    # each piece glued before its neighbour: «الإد» … «ارة»
    line = "؛للإشراف على إعداد مسودة التقرير  والمجتمع المدني ارةممثلين عن الإدتشكيل فريق عمل مصغر يضم  •"
    assert _texts(split_glued(atoms_of(line), v))[8:12] == ["ارة", "ممثلين", "عن", "الإد"]
    assert repair_runs(line) == "• تشكيل فريق عمل مصغر يضم ممثلين عن الإدارة والمجتمع المدني للإشراف على إعداد مسودة التقرير؛"


def test_a_three_letter_string_of_web_text_is_no_word_to_split_off():
    """«الزوالو»: the و of «واختتم» glued after «الزوال»; «الز» (junk of web text, rare in the
    lexicon) + «والو» is no split."""
    v = Vocabulary(model())
    line = ".اختتم الاجتماع على الساعة الواحدة والنصف بعد الزوالو"
    assert "الز" not in _texts(split_glued(atoms_of(line), v))
    assert "بعد الزوال" in repair_runs(line)


def test_an_article_glued_before_a_word_with_its_own_is_a_piece():
    """«الالتقييم»: no word takes two articles, so the first is the ال of «الذاتي» a run
    boundary cut off; «الالتزام», a word of its own, stays whole."""
    v = Vocabulary(model())
    line = ".ذاتي لمنتصف المدةالالتقييم  لتقرير التحضير •"
    assert repair_runs(line) == "• التحضير لتقرير التقييم الذاتي لمنتصف المدة."
    assert _texts(split_glued(atoms_of("تنفيذ الالتزام"), v)) == ["تنفيذ", "الالتزام"]


def test_a_piece_glued_to_a_particle_is_split_off():
    """«النسفي» … «اء»: the first piece of «النساء» glued before «في»."""
    line = ".اء القروياتصفوف النسفي  الأمية، خاصةنسبة ارتفاع  •"
    assert repair_runs(line) == "• ارتفاع نسبة الأمية، خاصة في صفوف النساء القرويات."


def test_swapped_pieces_are_rotated_back():
    v = _vocab()
    assert _texts(split_glued(atoms_of("وزاريةال"), v)) == ["الوزارية"]
    assert _texts(split_glued(atoms_of("اتلتزامبالا"), v)) == ["بالالتزامات"]


def test_neighbouring_pieces_are_joined():
    assert _texts(join_split_words(atoms_of("تحة المنف"), _vocab())) == ["المنفتحة"]


def test_pieces_that_are_rare_words_join_into_a_word_the_document_writes():
    """Seed 003 line 279: «تبقية،الم» is «المتبقية،» (الم and تبقية are in the lexicon, but
    the document writes المتبقية on other lines, and neither piece); pieces the document
    itself writes stay apart."""
    v = _vocab("003")
    assert _texts(join_split_words(atoms_of("تبقية،الم 5"), v)) == ["المتبقية", "،", "5"]
    assert _texts(join_split_words(atoms_of("تبقية الالتزام"), v)) == ["تبقية", "الالتزام"]


def test_cut_off_letters_go_back_to_their_word():
    v = _vocab()
    assert _texts(transfer_fragments(atoms_of("ئيسة المشروع المكلفة بالالتزامر"), v)) == \
        ["رئيسة", "المشروع", "المكلفة", "بالالتزام"]


def test_known_words_are_left_alone():
    v = _vocab()
    line = "تم إنجاز كافة الإجراءات المبرمجة"
    assert _texts(transfer_fragments(join_split_words(split_glued(atoms_of(line), v), v), v)) == line.split()


def test_general_lexicon_completes_words_the_clean_text_lacks():
    """موازاة and لجنتي are not in the shipped clean text; the general lexicon knows them."""
    v = _vocab("000")
    assert not v.known("موازاه") and v.accepts("موازاه")
    assert _texts(transfer_fragments(atoms_of("ةضرورة برمجة أنشطة تواصلية موازا"), v)) == \
        ["ضرورة", "برمجة", "أنشطة", "تواصلية", "موازاة"]
    assert _texts(transfer_fragments(atoms_of("تيتنظيم دورة لفائدة أعضاء لجن"), v)) == \
        ["تنظيم", "دورة", "لفائدة", "أعضاء", "لجنتي"]


def test_lexicon_does_not_take_names_apart():
    """A rare name's pieces are often strings of the lexicon (بوي + هي, مور + ادي): names
    stay whole, and a common word is not turned into a rarer one (هدى is not يهدى)."""
    v = _vocab()
    for line in ("السيدة هدى بويهي", "السيد حاتم مورادي", "لنفاذ آجال نشر التقرير"):
        atoms = transfer_fragments(join_split_words(split_glued(atoms_of(line), v), v), v)
        assert _texts(atoms) == line.split()


def test_fragment_completes_a_word_laid_out_backwards():
    v = _vocab("000")
    assert _texts(transfer_fragments(atoms_of(":المتداولةط االنق"), v)) == [":", "المتداولة", "النقاط"]


def test_word_cut_in_three_pieces_across_runs():
    """«مسؤولي» laid out as three runs right to left: لي stands at the raw start, مس and ؤو
    glued backwards before the next word. The word is rebuilt and is a run of its own."""
    v = _vocab("000")
    line = "لي القطاعات ؤومستنظيم لقاءات تواصلية مع"
    atoms = transfer_fragments(atoms_of(line), v)
    assert _texts(atoms) == ["القطاعات", "مسؤولي", "تنظيم", "لقاءات", "تواصلية", "مع"]
    assert atoms[1].cut_before and atoms[2].cut_before
    assert repair_runs(line, v) == "تنظيم لقاءات تواصلية مع مسؤولي القطاعات"


def test_lone_fragment_completes_the_first_piece_of_a_glued_pair():
    v = _vocab("000")
    assert _texts(transfer_fragments(atoms_of("نظيمهاالمنفتحة والمزمع ت"), v)) == \
        ["تنظيمها", "المنفتحة", "والمزمع"]


def test_a_letter_glued_before_a_particle_completes_the_broken_word_it_was_cut_from():
    """Seed 003 line 269: «ملا تقد» is لا + the م of تقدم (ملا is in the lexicon, but neither
    the clean text nor the document writes it); with no broken word for the letter to
    complete, ملا stays."""
    v = _vocab("003")
    assert _texts(transfer_fragments(atoms_of("منذ الاجتماع الأخير. ملا تقد"), v)) == \
        ["منذ", "الاجتماع", "الأخير", ".", "لا", "تقدم"]
    assert _texts(transfer_fragments(atoms_of("ملا تقدم"), v)) == ["ملا", "تقدم"]


def test_names_keep_their_letters():
    v = _vocab("000")
    assert _texts(transfer_fragments(atoms_of("العمومري مد"), v)) == ["العمومري", "مد"]


def test_glued_words_with_a_backwards_piece_or_three_words():
    v = _vocab("003")
    assert _texts(split_glued(atoms_of("سيتمالتكوينتقييم"), v)) == ["سيتم", "التكوين", "تقييم"]
    assert _texts(split_glued(atoms_of("كتوبرأخلال"), v)) == ["أكتوبر", "خلال"]
    # the article or a preposition cut off a word and laid out after it (seed 003 line 86)
    assert _texts(split_glued(atoms_of("مجموعاتللبالنسبة"), v)) == ["للمجموعات", "بالنسبة"]
    # a word the lexicon lacks is not cut into strings it has (المعلومياتي is not الم + علوم + ياتي)
    assert _texts(split_glued(atoms_of("المعلومياتي"), v)) == ["المعلومياتي"]


def test_glued_triple_completed_by_lone_fragments():
    """Real line 104 of seed 000: «لفائورشاوتدبير … دة … ت» is لفائدة + ورشات + وتدبير."""
    v = _vocab("000")
    got = _texts(transfer_fragments(atoms_of("الصياغة التشاركية لفائورشاوتدبير دة ت"), v))
    assert got == ["الصياغة", "التشاركية", "لفائدة", "ورشات", "وتدبير"]


def test_pieces_of_one_word_at_the_line_edges_are_joined():
    """The last piece of a line laid out first (seed 003 line 328, seed 001 line 519): the
    word goes to one edge or the other, for the reading to choose; whole words stay."""
    v = _vocab()
    ways = join_edge_pieces(atoms_of("شطة إنجاز العديد من الأن"), v)
    assert [_texts(w) for w in ways] == [["إنجاز", "العديد", "من", "الأنشطة"], ["الأنشطة", "إنجاز", "العديد", "من"]]
    assert join_edge_pieces(atoms_of("مع تطوير النظام في"), v) == [atoms_of("مع تطوير النظام في")]


def test_a_piece_ending_in_hamza_below_is_a_fragment():
    """«لإ» folds to the word لا, but إ never ends a word (seed 003 line 282)."""
    v = _vocab()
    assert "لإعداده" in _texts(transfer_fragments(atoms_of("عداده من طرف وزارة لإ  نظرا"), v))


def test_letter_pairs_read_back_to_front_are_swapped(shared):
    """Two-letter glyphs read backwards in pdfplumber's text (KacstOne, Noto Kufi), and no
    word of clean text touched."""
    from normalizers.pieces import unswap_letter_pairs

    assert unswap_letter_pairs("اململكة املغربية") == "المملكة المغربية"
    assert unswap_letter_pairs("إعالمي الالزتامات الفرتة") == "إعلامي الالتزامات الفترة"
    for doc in ("dev_01", "dev_02", "dev_03", "dev_04"):
        text = (shared / "corpus" / "gold" / f"{doc}.txt").read_text(encoding="utf-8")
        assert unswap_letter_pairs(text) == text, doc


def test_common_word_glued_to_a_name_is_split_off():
    """Seed 001 lines 42 and 62: «الرڭراڭيالسيدة», «أصريحالسيد» — a name the lexicon lacks
    glued to a title the document writes on its own many times; the name is kept whole."""
    v = _vocab("001")
    assert _texts(split_glued(atoms_of("الرڭراڭيالسيدة"), v)) == ["الرڭراڭي", "السيدة"]
    assert _texts(split_glued(atoms_of("أصريحالسيد"), v)) == ["أصريح", "السيد"]
    # too short a rest to be a name: left alone
    assert _texts(split_glued(atoms_of("بكالسيد"), v)) == ["بكالسيد"]


def test_prefixes_cut_off_other_words_become_pieces_of_their_own():
    """Seed 000 line 96: «اللودعوتها» is ال (of الوطني) + ل (of لبذل) + ودعوتها; a word that
    carries its own prefixes (للمساطر, والمتمثلين in seed 001) is left whole."""
    assert _texts(split_glued(atoms_of("اللودعوتها"), _vocab("000"))) == ["ال", "ل", "ودعوتها"]
    v = _vocab("001")
    assert _texts(split_glued(atoms_of("للمساطر"), v)) == ["للمساطر"]
    assert _texts(split_glued(atoms_of("والمتمثلين"), v)) == ["والمتمثلين"]


def test_article_moves_offer_the_article_back_to_the_word_before():
    v = _vocab("003")
    core = atoms_of("بوابات الإطلاق يرتقب")
    assert [(i, _texts(c)) for i, c in article_moves(core, v)] == [(1, ["البوابات", "إطلاق", "يرتقب"])]
    assert article_moves(atoms_of("الوزارة الإدارة"), v) == []  # the word before has its own


def test_a_lone_article_is_read_on_each_word_it_can_open():
    """«برمجة ال» … «اجتماعات»: the article a run boundary cut off is set on each word of the
    line it can open, and the reading, seeing whole words, picks «برمجة الاجتماعات»."""
    v = Vocabulary(model())
    line = ".اجتماعات المقبلة للجنةبرمجة ال 4."
    readings = lone_article_readings(split_glued(atoms_of(line)[1:-2], v), v)
    assert ["اجتماعات", "المقبلة", "للجنة", "البرمجة"] in [_texts(r) for r in readings]
    assert ["الاجتماعات", "المقبلة", "للجنة", "برمجة"] in [_texts(r) for r in readings]
    assert repair_runs(line) == "4. برمجة الاجتماعات المقبلة للجنة."
    line = "2021-2023عمل الوطنية للحكومة المنفتحة ال محضر اجتماع رؤساء المشاريع المكلفين بتنفيذ التزامات خطة"
    assert repair_runs(line) == "محضر اجتماع رؤساء المشاريع المكلفين بتنفيذ التزامات خطة العمل الوطنية للحكومة المنفتحة 2021-2023"


def test_clitic_moves_offer_a_lone_edge_clitic_to_a_word_the_document_writes_with_it():
    """Seed 003 line 114: «ل خلاللأنشطة المتبقية» is «للأنشطة المتبقية خلال» (the document
    writes للأنشطة elsewhere, لخلال nowhere)."""
    v = _vocab("003")
    core = split_glued(atoms_of("ل خلاللأنشطة المتبقية"), v)
    assert [_texts(c) for c in clitic_moves(core, v)] == [["خلال", "للأنشطة", "المتبقية"]]
    assert clitic_moves(atoms_of("و النقاط المتفق عليها"), v) == []  # no word the document writes so


def test_glued_everyday_word_and_known_word_are_split_as_a_last_resort():
    """Seed 001 line 56: «التاريخيةمرصد» (a word of everyday use the clean text lacks, and one
    it knows); short pieces are not taken for words (the name انجار stays whole)."""
    v = _vocab("001")
    assert _texts(split_glued(atoms_of("التاريخيةمرصد"), v)) == ["التاريخية", "مرصد"]
    assert _texts(split_glued(atoms_of("انجار"), v)) == ["انجار"]
    assert _texts(split_glued(atoms_of("عرضانية"), v)) == ["عرضانية"]


def test_a_piece_that_makes_a_word_whole_is_not_split_for_a_rarer_one():
    """A damaged corpus line (dev_03, «المنخرطة في البرنامج المحلي للمبادرة.» with «البرنامج»
    cut): ``نامج`` is the piece that completes ``البر``, not «نام» glued to the ج of «البرج»;
    and (dev_01) ``الالت`` … ``زامات`` are the pieces of «الالتزامات»."""
    line = ".نامج المحلي للمبادرةالمنخرطة في البر"
    vocab = Vocabulary(model(), doc_vocabulary([line]))
    assert "نامج" in _texts(split_glued(atoms_of(line), vocab))
    assert repair_runs(line) == "المنخرطة في البرنامج المحلي للمبادرة."
    # and الالت … زامات read «الالتزامات», not pieces of rarer words (الت, الز)
    assert repair_runs("زامات المتأخرةالالت التي تعترض تنفيذ الصعوبات 2.") == \
        "2. الصعوبات التي تعترض تنفيذ الالتزامات المتأخرة"


def test_a_word_known_with_its_clitic_is_not_cut_for_a_fragment():
    """A damaged dev_03 heading («مخرجات الورشات الموضوعاتية»): the lone ا of the article opens
    ``لورشات`` (ل + ورشات, a word the clean text knows), which is not cut into «لورا» + شات."""
    assert repair_runs("لورشات الموضوعاتيةت امخرجا") == "مخرجات الورشات الموضوعاتية"


def test_a_letter_glued_after_a_word_completes_another_piece_rather_than_rotating():
    """A damaged dev_02 title («وزارة الانتقال الرقمي وإصلاح الإدارة» with «وزارة» cut after
    its و): ``الإدارةو`` is «الإدارة» and the و of ``زارة``, not the rotation «والإدارة»."""
    assert repair_runs("زارة الانتقال الرقمي وإصلاح الإدارةو") == "وزارة الانتقال الرقمي وإصلاح الإدارة"


def test_a_teh_marbuta_glued_after_a_word_is_told_from_the_pronoun_ending():
    """A damaged dev_04 item («اعتماد الجدولة الزمنية المقترحة لإعداد التقرير»): the ة of
    ``الزمني`` sits glued after ``التقرير``. The lexicon's keys write ة as ه, which made
    «التقريرة» look like «التقريره» (his report); spelled with ة it is no word, so the ة is
    a fragment and goes back to «الزمنية»."""
    from normalizers.lm import spelled_zipf

    assert spelled_zipf("التقريرة") < 1.5 <= spelled_zipf("الزمنية")
    assert spelled_zipf("التقرير") is None
    assert repair_runs(" ؛المقترحة لإعداد التقريرة اعتماد الجدولة الزمني •") == \
        "• اعتماد الجدولة الزمنية المقترحة لإعداد التقرير؛"


def test_a_proclitic_glued_after_a_word_opens_the_piece_it_was_cut_from():
    """A damaged dev_02 participant line: «وزارة» cut after its و, which sits glued after
    «العدل» (``العدلو``), the rest ``زارة`` standing apart: the و opens it again."""
    assert repair_runs("؛زارة العدلو ، 9المكلفة بالالتزام السيدة إيمان الصقلي، رئيسة المشروع  •") == \
        "• السيدة إيمان الصقلي، رئيسة المشروع المكلفة بالالتزام 9، وزارة العدل؛"


def test_a_piece_glued_between_two_words_is_split_off_both():
    """A damaged dev_01 line: «الكاتب» cut after الك, which sits glued between «الاجتماع» and
    «افتتح» (``الاجتماعالكافتتح``), the rest ``اتب`` standing at the raw start."""
    assert repair_runs("اتب العام الاجتماع بكلمة رحب فيها بأعضاء اللجنة، مذكرا بأهمية هذا الاجتماعالكافتتح السيد ") \
        == "افتتح السيد الكاتب العام الاجتماع بكلمة رحب فيها بأعضاء اللجنة، مذكرا بأهمية هذا الاجتماع"


def test_a_fragment_is_split_off_only_for_a_piece_a_reading_can_set_beside_it(shared):
    """The runs are read in reverse order, so a cut word's first piece ends a run laid out
    after the one its second piece opens. ``الإنسانيد`` (no word) may be «الإنسان» + the يد
    of «السيد» only where ``الس`` stands after it in the raw line; before it, no reading
    joins the two. A name the lexicon has (``بوزيان``, which the clean text lacks once dev_01
    is held out) keeps its letters even there: «أنس» is a common word, no piece to complete."""
    from normalizers.lm import held_out_model
    from normalizers.pieces import _split_off_fragment

    doc = shared / "corpus" / "gold" / "dev_01.txt"
    vocab = Vocabulary(held_out_model(doc.read_text(encoding="utf-8").split("\n")), {})
    for line, want in (("الإنسانيد الس", ["الإنسان", "يد"]), ("الس الإنسانيد", None),
                       ("المواطنةالس الإنسانيد", None)):
        atoms = atoms_of(line)
        got = _split_off_fragment(next(a for a in atoms if a.text == "الإنسانيد"), atoms, vocab)
        assert (_texts(got) if got else None) == want, line
    atoms = atoms_of("بوزيان أنس")
    assert _split_off_fragment(atoms[0], atoms, vocab) is None


def test_a_word_with_its_proclitic_is_known_through_the_definite_word_the_text_writes():
    """«بالوثائق» is known where the clean text writes «الوثائق» and never «وثائق»; the
    preposition ل never goes before the article so (that is «للوثائق»)."""
    from normalizers.lm import BigramModel

    vocab = Vocabulary(BigramModel(["قصد إدراج الوثائق المثبتة"]), {})
    assert vocab.known("بالوثائق") and vocab.known("والوثائق")
    assert not vocab.known("لالوثائق") and not vocab.known("بالمثبتات")


def test_an_ending_that_is_a_common_word_makes_no_word_of_an_unattested_string():
    """«كما» is a pronoun ending and one of the commonest words: a string the lexicon lacks,
    a word glued before it, is two words written together («للمبادرةكما» of corpus dev_03,
    «مراحلكما»), and split so; «مراحلها» stays a word with its ending."""
    v = _vocab("000")
    assert v.inflected("مراحلها") and not v.inflected("مراحلكما") and not v.real("للمبادرهكما")
    assert _texts(split_glued(atoms_of("للمبادرةكما"), v)) == ["للمبادرة", "كما"]
    assert _texts(split_glued(atoms_of("مراحلكما"), v)) == ["مراحل", "كما"]


def test_a_word_glued_before_a_conjunction_keeps_its_letters(shared):
    """«عرضوطلبت» (corpus dev_02, its clean text held out: no «وطلبت» nor «طلبت» there) is
    «عرض» + «وطلبت»: a word the clean text writes, and a conjunction opening a common word,
    not «عرضو» + «طلبت»."""
    from normalizers.lm import held_out_model

    doc = shared / "corpus" / "gold" / "dev_02.txt"
    vocab = Vocabulary(held_out_model(doc.read_text(encoding="utf-8").split("\n")), {})
    assert _texts(split_glued(atoms_of("تأجيل عرضوطلبت السيدة"), vocab)) == ["تأجيل", "عرض", "وطلبت", "السيدة"]


def test_a_piece_that_is_no_word_may_complete_a_four_letter_word(shared):
    """``ئيسالسيد`` … ``ر`` (corpus dev_01) is «السيد» and the ئيس of «رئيس»: a whole a letter
    shorter than a cut word needs, where the piece glued here is no word; not «لسيد» and the
    ئيسا of «رئيسا». A word of the lexicon (``مندوبية``) is not taken apart for such a whole
    («مندوب» and the ية of «آلية»)."""
    from normalizers.lm import held_out_model
    from normalizers.pieces import _split_off_fragment

    doc = shared / "corpus" / "gold" / "dev_01.txt"
    vocab = Vocabulary(held_out_model(doc.read_text(encoding="utf-8").split("\n")), {})
    atoms = atoms_of("وكالة التنمية ئيسالسيد محمد أمين الزياني، ر •")
    assert _texts(_split_off_fragment(atoms[2], atoms, vocab)) == ["ئيس", "السيد"]
    atoms = atoms_of("؛مندوبية الوزارية المكلفة بحقوق الإنسان السيد هشام الكتاني، ال •")
    assert _split_off_fragment(atoms[1], atoms, vocab) is None


def test_a_preposition_before_a_conjunction_is_no_clitic():
    """A conjunction goes before a preposition (وبالمشاركة), never after one: «بوالمشاركة»
    is no word the clean text knows through «والمشاركة»."""
    vocab = Vocabulary(model(), {})
    assert vocab.known("والمشاركه") and vocab.known("وبالمشاركه")
    assert not vocab.known("بوالمشاركه") and not vocab.known("لوالمشاركه")


def test_two_glued_pieces_are_split_off_only_where_a_reading_can_join_them():
    """``التشاركيةية`` … ``للميزانالاستثمار`` hold the pieces ية and للميزان of «للميزانية»:
    the first piece ends a run laid out after the one its second piece opens. Laid out the
    other way round, no reading could set the pieces side by side, so neither word is cut."""
    from normalizers.pieces import _split_glued_pieces

    vocab = Vocabulary(model(), {})
    for line, want in (
            ("التشاركيةية الميزانية للميزانالاستثمار", ["التشاركية", "ية", "الميزانية", "للميزان", "الاستثمار"]),
            ("للميزانالاستثمار الميزانية التشاركيةية", ["للميزانالاستثمار", "الميزانية", "التشاركيةية"]),
            ("ارةممثلين تشكيل الإدتشكيل", ["ارة", "ممثلين", "تشكيل", "الإد", "تشكيل"]),
            ("الإدتشكيل تشكيل ارةممثلين", ["الإدتشكيل", "تشكيل", "ارةممثلين"])):
        atoms = atoms_of(line)
        assert _texts(_split_glued_pieces(atoms, vocab, {id(a) for a in atoms})) == want, line


def test_a_word_the_general_corpus_writes_is_real():
    """Words of the genre that wordfreq's web list lacks are real where the general corpus
    writes them a few times; glued strings that nobody writes are not."""
    from normalizers.lm import lexicon, text_key

    vocab = Vocabulary(model(), {})
    for word in ("المتدخلات", "التحسيسية", "والمتدخلين"):
        assert lexicon().get(text_key(word), 0.0) == 0.0 and vocab.attested(text_key(word)), word
    for glued in ("يوماخمسة", "إنجاحهوالمتدخلين", "الترافعإضافة"):
        assert not vocab.attested(text_key(glued)) and not vocab.real(text_key(glued)), glued


def test_a_rotation_keeps_letters_that_only_end_a_word_at_its_end():
    """``اتوإلى`` (the end of «المتدخلات» glued to «وإلى») rotated is «وإلىات», whose key is
    «وآليات»'s: a ى inside a word is none, so no rotation. ``وزاريةال`` still reads «الوزارية»."""
    from normalizers.lm import Atom
    from normalizers.pieces import _rotation

    vocab = Vocabulary(model(), {})
    assert _rotation(Atom("اتوإلى", "ar", True), vocab) is None
    assert _rotation(Atom("وزاريةال", "ar", True), vocab).text == "الوزارية"


def test_no_piece_completes_a_word_with_a_letter_that_only_ends_one_inside(shared):
    """``ات`` after «وإلى» would make «وإلىات», whose key is «وآليات»'s: a ى (or ة) inside a
    word is none, so «المتدخلات» is not cut for it (dev_03's line, held out)."""
    from normalizers.lm import held_out_model
    from normalizers.pieces import _split_off_fragment

    doc = shared / "corpus" / "gold" / "dev_03.txt"
    vocab = Vocabulary(held_out_model(doc.read_text(encoding="utf-8").split("\n")), {})
    atoms = atoms_of("جميع المتدخلات اللقاء، وإلى هذا")
    assert _split_off_fragment(atoms[1], atoms, vocab) is None
    assert "وإلىات" not in _texts(transfer_fragments(atoms_of("المتدخل اللقاء، وإلى ات"), vocab))


def _held_out(shared, stem: str, lines: list[str]) -> Vocabulary:
    """The vocabulary of ``lines`` with corpus document ``stem``'s clean text held out."""
    from normalizers.lm import held_out_model

    text = (shared / "corpus" / "gold" / f"{stem}.txt").read_text(encoding="utf-8")
    return Vocabulary(held_out_model(text.split("\n")), doc_vocabulary(lines))


def test_a_common_word_split_off_a_glued_one_leaves_a_word_where_one_can(shared):
    """``الالتزاماتتدارس`` (corpus dev_01 written cell by cell, its clean text held out, so
    «تدارس» is known only to the lexicon): the document writes «الالتزام» and «الالتزامات» on
    their own; splitting off the first would leave «اتتدارس», which is no word, and the
    second leaves «تدارس». A name glued to a common word is still split off whole."""
    v = _held_out(shared, "dev_01", ["الالتزام الالتزامات"] * 2 + ["السيد"] * 2)
    assert not v.known("تدارس")
    assert _texts(split_glued(atoms_of("الالتزاماتتدارس"), v)) == ["الالتزامات", "تدارس"]
    assert _texts(split_glued(atoms_of("الجناتيالسيد"), v)) == ["الجناتي", "السيد"]


def test_two_letters_glued_after_a_word_may_open_another_word(shared):
    """``ول الأعمالجد:`` (dev_02 damaged, its clean text held out): «الأعمالجد» is no word, so
    its last two letters need not be its own ending; with «ول» they make «جدول» (not «الأعم»
    + «الجد», with «ول» «الجدول»)."""
    line = "ول الأعمالجد: "
    assert _texts(split_glued(atoms_of(line), _held_out(shared, "dev_02", [line]))) == ["ول", "الأعمال", "جد", ":"]


def test_an_alef_with_hamza_below_opens_no_piece_inside_a_word(shared):
    """«المتدخلات» (dev_03, its clean text held out) is not «الم» + «تدخلات» for «الم» + «إلى»,
    whose key is the common «المالي»: «إ» stands inside a word only after its prefixes."""
    line = "القيمة  تتقدم اللجنة المنظمة بالشكر إلى مجلس جهة الشرق على احتضانه هذا اللقاء، وإلى جميع المتدخلات"
    assert "المتدخلات" in _texts(split_glued(atoms_of(line), _held_out(shared, "dev_03", [line])))


def test_a_common_word_split_off_after_a_word_keeps_its_proclitic(shared):
    """``إنجاحهوالمشاركات`` (dev_03 damaged, its clean text held out): the document writes
    «المشاركات» on its own, and the rest «إنجاحهو» is no word; with its conjunction the piece
    leaves «إنجاحه», a word of some use. After a rest that is no such word, the piece is split
    off bare (seed 001's ``الثالإطار``: «الثال» + «إطار», not «الثا» + «لإطار»)."""
    doc = ["المشاركات والمشاركين", "المشاركات"]
    assert _texts(split_glued(atoms_of("في إنجاحهوالمشاركات"), _held_out(shared, "dev_03", doc))) == \
        ["في", "إنجاحه", "والمشاركات"]
    doc = ["إطار", "في إطار"]
    assert "إطار" in _texts(split_glued(atoms_of("الثالإطار"), _held_out(shared, "dev_03", doc)))


def test_a_piece_another_piece_of_the_line_completes_is_not_read_rotated(shared):
    """``8اريع`` … ``المش`` (dev_02 damaged, its clean text held out): «اريع» turned about is
    the word «عيار», but with «المش» it is «المشاريع», a far commoner word: a piece of a cut
    word, which the reading joins."""
    line = "؛2022يوليوز  8اريع المعنيين في أجل أقصاه تحيين منصة التتبع من طرف رؤساء المش .1"
    got = _texts(split_glued(atoms_of(line), _held_out(shared, "dev_02", [line])))
    assert "اريع" in got and "عيار" not in got
