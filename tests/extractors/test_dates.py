from extractors.dates import find_date_loose, find_dates, find_time


def test_month_families_and_digits():
    assert find_dates("الخميس 26 شتنبر 2019")[0].value == "2019-09-26"
    assert find_dates("الثلاثاء ٠٦ شتنبر ٢٠٢٢")[0].value == "2022-09-06"
    assert find_dates("يوم 3 كانون الثاني 2021")[0].value == "2021-01-03"
    assert find_dates("السبت 14 أكتوبر 2023")[0].value == "2023-10-14"
    assert find_dates("بتاريخ 20/06/2023")[0].value == "2023-06-20"
    assert find_dates("بتاريخ 2023/06/20")[0].value == "2023-06-20"
    assert find_dates("الخميس 26 شتنبر 2019")[0].weekday
    assert find_dates("يومي 09 و10 ماي 2023 بالرباط")[0].value == "2023-05-09"
    assert find_dates("من 12 إلى 14 يونيو 2022")[0].value == "2022-06-12"


def test_loose_date_from_damaged_line():
    assert find_date_loose("فبراير 12 الأربعاء 2020 بمقر") == "2020-02-12"


def test_written_and_numeric_times():
    assert find_time("على الساعة الثالثة بعد الزوال") == "15:00"
    assert find_time("على الساعة الحادية عشرة صباحا") == "11:00"
    assert find_time("على الساعة العاشرة والنصف صباحا") == "10:30"
    assert find_time("على الساعة ١٠:٣٠") == "10:30"
    assert find_time("ابتداء من 09h30") == "09:30"
    assert find_time("على الساعة الثانية عشرة زوالا") == "12:00"
    assert find_time("على الساعة الثالثة زوالا") == "15:00"


def test_weekday_a_word_or_two_before_its_day():
    """A repair that leaves a label between weekday and day («الثلاثاء التاريخ ٠٦ …») keeps the
    date a meeting's: a weekday's, which the head's later dates without one do not outrank."""
    assert find_dates("الثلاثاء التاريخ ٠٦ شتنبر ٢٠٢٢، على الساعة ١٠:٣٠:")[0].weekday
    assert not find_dates("الخميسات 12 ماي 2023")[0].weekday  # a town, not «الخميس»
    assert not find_dates("الخميس تم عرض التقرير 12 ماي 2023")[0].weekday
