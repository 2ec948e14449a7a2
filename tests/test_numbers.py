"""The one normaliser: written amounts of the genre to values."""
import pytest

from govie.numbers import parse_amount, parse_number


@pytest.mark.parametrize("text, value", [
    ("82,912.04", 82912.04), ("１２３.５", 123.5), ("三百七十", 370), ("两亿", 2e8),
    ("一千二百", 1200), ("十五", 15), ("0", 0),
])
def test_numbers(text, value):
    assert parse_number(text) == value


def test_not_a_number():
    assert parse_number("良好") is None
    assert parse_amount("达标") is None
    assert parse_amount("") is None


@pytest.mark.parametrize("text, kind, value, unit, currency", [
    ("4,527.36万元", "MONEY", 45273600.0, "元", "CNY"),
    ("1.85亿元", "MONEY", 185000000.0, "元", "CNY"),
    ("650千元", "MONEY", 650000.0, "元", "CNY"),
    ("三百七十万元", "MONEY", 3700000.0, "元", "CNY"),
    ("两亿元", "MONEY", 200000000.0, "元", "CNY"),
    ("12万美元", "MONEY", 120000.0, "美元", "USD"),
    ("300万港元", "MONEY", 3000000.0, "港元", "HKD"),
    ("8.5万欧元", "MONEY", 85000.0, "欧元", "EUR"),
    ("百分之九十", "PERCENT", 90.0, "%", None),
    ("千分之二", "PERCENT", 0.2, "%", None),
    ("七成", "PERCENT", 70.0, "%", None),
    ("97.5％", "PERCENT", 97.5, "%", None),
    ("12万人次", "QUANTITY", 120000.0, "人次", None),
    ("2.6万平方米", "QUANTITY", 26000.0, "平方米", None),
    ("36 宗", "QUANTITY", 36.0, "宗", None),
    ("85分/月", "QUANTITY", 85.0, "分/月", None),
])
def test_amounts(text, kind, value, unit, currency):
    m = parse_amount(text)
    assert (m.kind, m.value, m.unit, m.currency) == (kind, value, unit, currency)


@pytest.mark.parametrize("text, comparator, approximate", [
    ("≥95%", ">=", False), ("≧90%", ">=", False), ("≤120万元", "<=", False), ("≦5次", "<=", False),
    ("90%以上", ">=", False), ("不低于85%", ">=", False), ("不少于6场", ">=", False),
    ("不超过30万元", "<=", False), ("3天以内", "<=", False), ("5%以下", "<=", False),
    ("超过2000人次", ">", False), ("约46万元", None, True), ("近3000户", None, True),
    ("60余家", None, True), ("200多名", None, True), ("15天左右", None, True), ("≥100百分比", ">=", False),
])
def test_comparators_and_approximation(text, comparator, approximate):
    m = parse_amount(text)
    assert (m.comparator, m.approximate) == (comparator, approximate)


def test_ranges_keep_both_bounds():
    m = parse_amount("20-35万元")
    assert (m.value, m.value_max) == (200000.0, 350000.0)
    m = parse_amount("4至6个")
    assert (m.kind, m.value, m.value_max) == ("QUANTITY", 4.0, 6.0)


def test_bare_number_is_money_only_with_a_declared_unit():
    assert parse_amount("1,096.47").kind is None
    m = parse_amount("1,096.47", default_money_factor=10000)
    assert (m.kind, m.value, m.unit) == ("MONEY", 10964700.0, "元")


def test_cell_broken_across_lines():
    assert parse_amount("15.4\n\n万人次").value == 154000.0


def test_a_lowered_global_decimal_precision_does_not_break_the_normaliser():
    import decimal

    saved = decimal.getcontext().prec
    decimal.getcontext().prec = 15  # as a library imported beside govie may leave it
    try:
        assert parse_amount("1,234,567,890.12万元").value == 12345678901200.0
        assert parse_amount("8,642.57万元").as_money(1).value == 86425700.0
    finally:
        decimal.getcontext().prec = saved


def test_chinese_decimal_before_a_multiplier_and_bracketed_units():
    assert parse_amount("二千三百四十五点六七万元").value == 23456700.0
    assert parse_amount("3,210.55（万元）").value == 32105500.0
    assert parse_amount("项目资金（万元）") is None


def test_an_arabic_number_with_a_multiplier_is_an_amount_not_a_number():
    assert parse_number("540万") is None
    assert parse_amount("540万").value == 5400000.0


# --------------------------------------------------------------------------- forms of issue 12 (item 8)

@pytest.mark.parametrize("text, kind, value, unit, currency", [
    ("0.45个百分点", "PERCENT", 0.45, "个百分点", None),
    ("3百分点", "PERCENT", 3.0, "个百分点", None),
    ("7.08個百分點", "PERCENT", 7.08, "个百分点", None),
    ("负2.7%", "PERCENT", -2.7, "%", None),
    ("-0.6%", "PERCENT", -0.6, "%", None),
    ("负五", None, -5.0, None, None),
    ("两成", "PERCENT", 20.0, "%", None),
    ("８成", "PERCENT", 80.0, "%", None),
    ("6.5成", "PERCENT", 65.0, "%", None),
    ("四成半", "PERCENT", 45.0, "%", None),
    ("八成三", "PERCENT", 83.0, "%", None),
    ("万分之三", "PERCENT", 0.03, "%", None),
    ("2.5‰", "PERCENT", 0.25, "%", None),
    ("百 分 之6.2", "PERCENT", 6.2, "%", None),
    ("千 分 之 五", "PERCENT", 0.5, "%", None),
    ("86.3萬元", "MONEY", 863000.0, "元", "CNY"),
    ("1.2億元", "MONEY", 120000000.0, "元", "CNY"),
    ("兩億元", "MONEY", 200000000.0, "元", "CNY"),
    ("36個", "QUANTITY", 36.0, "个", None),
    ("880圓", "MONEY", 880.0, "元", "CNY"),
    ("15万瑞士法郎", "MONEY", 150000.0, "瑞士法郎", "CHF"),
    ("2,000新臺幣", "MONEY", 2000.0, "新台币", "TWD"),
    ("90万台币", "MONEY", 900000.0, "台币", "TWD"),
    ("450卢布", "MONEY", 450.0, "卢布", "RUB"),
    ("3亿韩元", "MONEY", 300000000.0, "韩元", "KRW"),
    ("$35", "MONEY", 35.0, "美元", "USD"),
    ("HK$1.5万", "MONEY", 15000.0, "港元", "HKD"),
    ("￥860", "MONEY", 860.0, "元", "CNY"),
    ("¥2.4万元", "MONEY", 24000.0, "元", "CNY"),
    ("€300", "MONEY", 300.0, "欧元", "EUR"),
])
def test_more_forms(text, kind, value, unit, currency):
    m = parse_amount(text)
    assert m is not None, text
    assert (m.kind, m.unit, m.currency) == (kind, unit, currency)
    assert m.value == pytest.approx(value, rel=1e-12)


@pytest.mark.parametrize("text", ["成功", "5成员", "一成不变", "3成本", "百分之", "万分之", "$", "个百分点"])
def test_words_that_are_no_amounts(text):
    m = parse_amount(text)
    assert m is None or m.kind is None


def test_fold_keeps_every_offset():
    from govie.numbers import fold

    text = "預算１２萬元，個百分點　約"
    assert len(fold(text)) == len(text)
    assert fold(text) == "预算12万元,个百分点 约"


# --------------------------------------------------------------------------- limits (issue 14)

@pytest.mark.parametrize("text", ["1" * 21, "1" * 35, "1" * 100_000, "0." + "5" * 13, "1,234" + ",567" * 10,
                                  "一" * 40, "一" * 100_000, "nan", "NaN", "inf", "1e5", "Infinity", "-", "负"])
def test_numbers_beyond_any_amount_are_refused(text):
    assert parse_number(text) is None
    m = parse_amount(text)
    assert m is None or m.kind is None and m.value is not None


def test_the_longest_numbers_still_read():
    assert parse_number("9" * 20) == float("9" * 20)
    assert parse_number("3.141592653589") == pytest.approx(3.141592653589)
    m = parse_amount("9" * 20 + "万亿元")
    assert m.kind == "MONEY" and m.value == pytest.approx(float("9" * 20) * 1e12)


def test_a_long_number_in_a_sentence_is_no_amount_and_no_error():
    from govie.numbers import find_amounts

    text = "流水号" + "7" * 35 + "万元，另有" + "3" * 100_000 + "%"
    assert [me for _, me in find_amounts(text) if me.kind] == []
