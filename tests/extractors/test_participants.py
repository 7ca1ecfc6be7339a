from extractors.participants import commitment_numbers, parse_person, people_in_sentence


def test_list_entry_with_remote_after_acronym():
    p = parse_person("السيد محمد أمين الزياني، رئيس مصلحة المعطيات المفتوحة، وكالة التنمية الرقمية (ADD) (عن بعد)؛")
    assert (p.honorific, p.name, p.organization, p.remote) == ("السيد", "محمد أمين الزياني", "وكالة التنمية الرقمية (ADD)", True)
    assert p.role == "رئيس مصلحة المعطيات المفتوحة"


def test_bodies_known_by_other_heads_or_by_a_name_in_brackets():
    """Seed 001's list: a movement (حركة) and a body written by its name and its alias in
    brackets are organisations; a journalist is a role."""
    p = parse_person("السيد يوسف ربحي (مشاركة عن بعد)، حركة بدائل مواطنة؛")
    assert (p.name, p.organization, p.role, p.remote) == ("يوسف ربحي", "حركة بدائل مواطنة", None, True)
    p = parse_person("السيد أيمن أماليك، من أجل الشباب (فور شباب)؛")
    assert (p.organization, p.role) == ("من أجل الشباب (فور شباب)", None)
    p = parse_person("السيدة سلوى بناني، صحفية بجريدة الصباح")
    assert p.role is not None and p.role.startswith("صحفية")


def test_commitment_numbers_forms():
    assert commitment_numbers("المكلف بالالتزام 5") == [5]
    assert commitment_numbers("المكلفة بالالتزامين 4 و7") == [4, 7]
    assert commitment_numbers("المكلف بالالتزامات 1، 2، 8") == [1, 2, 8]
    assert commitment_numbers("بالالتزامات 18 و19 و21") == [18, 19, 21]


def test_person_without_organisation():
    p = parse_person("السيد حمزة بلخياط، رئيس المشروع المكلف بالالتزام 5؛")
    assert p.organization is None and p.commitment_numbers == [5] and p.name == "حمزة بلخياط"


def test_chair_sentence():
    [p] = people_in_sentence("ترأس الاجتماع السيد أحمد العمومري، الكاتب العام لقطاع إصلاح الإدارة.")
    assert p.name == "أحمد العمومري" and p.organization == "قطاع إصلاح الإدارة" and p.role == "الكاتب العام"


def test_commitment_list_is_not_an_organisation():
    p = parse_person("- السيد حاتم مورادي، رئيس المشروع المكلف بالالتزامات 1، 2، 8،")
    assert p.organization is None and p.commitment_numbers == [1, 2, 8]


def test_organisation_inside_a_role_and_before_a_further_role():
    """Real programme rows of seed 002: «للجمعية» is ل + الجمعية; «وعضو …» starts another role."""
    p = parse_person("السيدة هدى بناني - رئيسة سابقة وأمينة المال حاليا للجمعية الديمقراطية لنساء المغرب "
                     "وعضوة لجنة الإشراف للحكومة المفتوحة")
    assert p.organization == "الجمعية الديمقراطية لنساء المغرب"
    p = parse_person("السيد أيمن اماليك - كاتب عام جمعية من أجل الشباب وعضو لجنة الإشراف للحكومة المفتوحة")
    assert p.organization == "جمعية من أجل الشباب"


def test_speaker_prefix_on_a_line_of_its_own():
    """A programme cell of a Chromium PDF whose narrow column set «تسيير:» alone above the
    speaker's name (the corpus's dev_03 with its people renamed)."""
    from extractors.document import _speaker

    people = _speaker(["تسيير:", "السيدة بشرى الكتبي", "رئيسة", "جمعية", "الأفق", "للتنمية", "والمواطنة"])
    assert [(p.honorific, p.name, p.role) for p in people] == \
        [("السيدة", "بشرى الكتبي", "رئيسة جمعية الأفق للتنمية والمواطنة")]


def test_chair_under_a_label_with_a_wrapped_sentence():
    """dev_01: «رئاسة الاجتماع: ترأس الاجتماع السيد …، الكاتب العام للوزارة … المكلفة» wraps
    onto «بإصلاح الإدارة وبالوظيفة العمومية.»; the label gives the role «رئيس الاجتماع»
    (dev_02's «تسيير الاجتماع:» gives «مسيرة الاجتماع»)."""
    from pipeline.stages import process_file
    from tests.conftest import RAW

    chair = process_file(RAW / "dev_01.chromium.pdf").extraction.data["participants"][0]
    assert chair["role"] == "الكاتب العام، رئيس الاجتماع"
    assert chair["organization"] == "الوزارة المنتدبة لدى رئيس الحكومة المكلفة بإصلاح الإدارة وبالوظيفة العمومية"
    people = process_file(RAW / "dev_02.libreoffice.pdf").extraction.data["participants"]
    assert any(p["role"] == "رئيسة مصلحة الحكومة المنفتحة، مسيرة الاجتماع" for p in people)


def test_title_written_after_the_name_without_a_comma():
    """A programme cell's two lines joined («السيد عبد الإله بوشنتوف المدير العام للمصالح،
    مجلس جهة الشرق»): the name ends where a role word begins after its first two words; a
    first name that is a role word too (أمين) stays in the name."""
    p = parse_person("السيد عبد الإله بوشنتوف المدير العام للمصالح، مجلس جهة الشرق")
    assert (p.name, p.role, p.organization) == ("عبد الإله بوشنتوف", "المدير العام للمصالح", "مجلس جهة الشرق")
    p = parse_person("السيد محمد أمين الزياني، رئيس مصلحة المعطيات المفتوحة، وكالة التنمية الرقمية")
    assert p.name == "محمد أمين الزياني"
