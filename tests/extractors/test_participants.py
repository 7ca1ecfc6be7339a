from extractors.participants import commitment_numbers, parse_person, people_in_sentence


def test_list_entry_with_remote_after_acronym():
    p = parse_person("السيد محمد أمين الزياني، رئيس مصلحة المعطيات المفتوحة، وكالة التنمية الرقمية (ADD) (عن بعد)؛")
    assert (p.honorific, p.name, p.organization, p.remote) == ("السيد", "محمد أمين الزياني", "وكالة التنمية الرقمية (ADD)", True)
    assert p.role == "رئيس مصلحة المعطيات المفتوحة"


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
