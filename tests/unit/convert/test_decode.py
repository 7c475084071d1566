import pytest

from sitegen.convert.decode import BadSeed, blocks, decode_bytes, normalise


@pytest.mark.parametrize(
    "data, text",
    [
        ("Café".encode(), "Café"),
        ("\ufeffCafé".encode("utf-8"), "Café"),
        ("Zürich".encode("utf-16"), "Zürich"),
        ("Zürich".encode("utf-16-be").join([b"\xfe\xff", b""]), "Zürich"),
        (
            "\u201cquoted\u201d caf\u00e9 text that is long enough to detect".encode("cp1252"),
            "\u201cquoted\u201d caf\u00e9 text that is long enough to detect",
        ),
    ],
)
def test_decode(data: bytes, text: str) -> None:
    assert decode_bytes(data) == text


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"abc\x00def", "binary file (contains NUL bytes)"),
        (bytes(range(1, 9)) * 20, "binary file (mostly control characters)"),
    ],
)
def test_binary(data: bytes, reason: str) -> None:
    with pytest.raises(BadSeed, match=rf"^{reason.replace('(', '.').replace(')', '.')}$"):
        decode_bytes(data)


def test_normalise() -> None:
    assert normalise("a\r\nb\rc\u00a0d\te  \n\n\n\n  f\u200b\n") == "a\nb\nc d e\n\nf"


def test_blocks() -> None:
    assert blocks("a\nb\n\n\nc") == [["a", "b"], ["c"]]


@pytest.mark.parametrize(
    "raw, clean",
    [
        (
            "Ministers \u202eevil\u202c said",
            "Ministers evil said",
        ),  # a right-to-left override would show "live"
        ("a\u202ab\u202bc\u202dd\u2066e\u2067f\u2068g\u2069h", "abcdefgh"),
        (
            "\x1b[31mRed alert\x1b[0m in town",
            "Red alert in town",
        ),  # the whole escape goes, not only ESC
        ("A \x1b[1;31m bold \x1b[0m end", "A bold end"),
        ("title\x1b]0;window title\x07 end", "title end"),
        ("one \u200b two", "one two"),  # a removed character between spaces leaves one space
        ("joined\u200bword", "joinedword"),
    ],
)
def test_normalise_removes_bidi_controls_and_terminal_escapes_leaving_single_spaces(
    raw: str, clean: str
) -> None:
    assert normalise(raw) == clean


def test_a_headline_loses_bidi_overrides_and_colour_escapes(tmp_path) -> None:
    from sitegen.config import ConvertConfig
    from sitegen.convert import convert_seed, load_taxonomy

    config = ConvertConfig()
    seed = "2023-10-27\n\n\x1b[31mMinisters \u202eevil\u202c plan\x1b[0m revealed\n\nThe ministers met on Friday to discuss the \u2066plan\u2069 in detail.\n"
    result = convert_seed("bidi.txt", seed.encode(), config, load_taxonomy(tmp_path, config))
    assert result.ok and result.title == "Ministers evil plan revealed"
    assert not any(
        ch in result.text for ch in "\x1b\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    )
    assert "[31m" not in result.text and "[0m" not in result.text
