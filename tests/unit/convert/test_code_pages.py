"""Seeds in legacy encodings: Central European, Cyrillic and Western code pages told apart, UTF-16 without a BOM."""

import pytest

from sitegen.config import ConvertConfig
from sitegen.convert import convert_seed, load_taxonomy
from sitegen.convert.decode import BadSeed, decode_bytes

TEXTS = {
    "pl": "Władze Łodzi ogłosiły w piątek, że zamkną dwa mosty na czas remontu. Mieszkańcy skarżą się na korki, "
    "a radni żądają wyjaśnień. Prezydent miasta powiedziała, że prace potrwają do jesieni.",
    "cs": "Vláda v pátek schválila návrh zákona o státním rozpočtu na příští rok. Ministr financí řekl, že schodek "
    "se sníží a že daně porostou jen mírně. Opozice žádá, aby sněmovna hlasovala až po létě.",
    "ru": "Власти Москвы в пятницу объявили о закрытии двух мостов на время ремонта. Жители жалуются на пробки, "
    "а депутаты требуют объяснений. Мэр города сказал журналистам, что работы продлятся до осени.",
    "de": "Die Regierung hat am Freitag beschlossen, zwei Brücken für die Bauarbeiten zu schließen. Die Bürger "
    "beklagen sich über Staus. Der Bürgermeister sagte, die Arbeiten würden bis zum Herbst dauern.",
    "fr": "Le gouvernement a annoncé vendredi la fermeture de deux ponts pendant les travaux. Les habitants se "
    "plaignent des embouteillages et les élus réclament des explications. « Très peu de choix », a déclaré le maire.",
}
CASES = [
    ("pl", "cp1250"),
    ("pl", "iso8859_2"),
    ("cs", "cp1250"),
    ("cs", "iso8859_2"),
    ("ru", "cp1251"),
    ("ru", "koi8_r"),
    ("de", "cp1252"),
    ("fr", "cp1252"),
]


@pytest.mark.parametrize("lang, encoding", CASES)
def test_each_code_page_is_told_apart_from_the_others(lang: str, encoding: str) -> None:
    assert decode_bytes(TEXTS[lang].encode(encoding)) == TEXTS[lang]


@pytest.mark.parametrize("lang, encoding", CASES)
def test_one_sentence_is_enough(lang: str, encoding: str) -> None:
    sentence = TEXTS[lang].split(". ")[0]
    assert decode_bytes(sentence.encode(encoding)) == sentence


def test_a_polish_city_is_not_read_as_western() -> None:
    assert (
        decode_bytes("Łódź i Kraków: wybory w niedzielę".encode("cp1250"))
        == "Łódź i Kraków: wybory w niedzielę"
    )


@pytest.mark.parametrize("lang", list(TEXTS))
@pytest.mark.parametrize("order", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark(lang: str, order: str) -> None:
    text = TEXTS[lang] + "\n\nSecond paragraph.\n"
    assert decode_bytes(text.encode(order)) == text


def test_nul_bytes_that_are_not_utf16_are_still_binary() -> None:
    for data in (b"abc\x00def", bytes(range(256)) * 8, b"\x00\x00\x00\x01" * 50):
        with pytest.raises(BadSeed, match="binary file"):
            decode_bytes(data)


def test_utf8_takes_the_fast_path_unchanged() -> None:
    text = "Zażółć gęślą jaźń — Привет — Grüße"
    assert decode_bytes(text.encode("utf-8")) == text


def test_the_site_encoding_is_used_when_given() -> None:
    # Bytes that read as plausible text in several code pages: the setting decides.
    data = "Brücke über".encode("cp1252")
    assert decode_bytes(data, "cp1252") == "Brücke über"
    assert decode_bytes("Привет мир".encode("koi8_r"), "koi8-r") == "Привет мир"
    assert decode_bytes("Hello".encode("utf-16-le"), "utf-16-le") == "Hello"


def test_bytes_the_site_encoding_does_not_fit_are_a_bad_seed() -> None:
    with pytest.raises(BadSeed, match=r"not valid utf-8 text \(convert.encoding\) at byte 3"):
        decode_bytes(b"abc\xff", "utf-8")


def test_a_seed_in_cp1250_converts_to_polish_text(tmp_path) -> None:
    config = ConvertConfig()
    seed = "2023-10-27\n\nŁódź zamyka dwa mosty\n\n" + TEXTS["pl"] + "\n"
    result = convert_seed("pl.txt", seed.encode("cp1250"), config, load_taxonomy(tmp_path, config))
    assert result.ok and result.title == "Łódź zamyka dwa mosty"
    assert "skarżą się" in result.text
