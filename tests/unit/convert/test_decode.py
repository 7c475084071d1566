import pytest

from sitegen.convert.decode import BadSeed, blocks, decode_bytes, normalise


@pytest.mark.parametrize("data, text", [
    ("Café".encode("utf-8"), "Café"),
    ("\ufeffCafé".encode("utf-8"), "Café"),
    ("Zürich".encode("utf-16"), "Zürich"),
    ("Zürich".encode("utf-16-be").join([b"\xfe\xff", b""]), "Zürich"),
    ("\u201cquoted\u201d caf\u00e9 text that is long enough to detect".encode("cp1252"), "\u201cquoted\u201d caf\u00e9 text that is long enough to detect"),
])
def test_decode(data: bytes, text: str) -> None:
    assert decode_bytes(data) == text


@pytest.mark.parametrize("data, reason", [
    (b"abc\x00def", "binary file (contains NUL bytes)"),
    (bytes(range(1, 9)) * 20, "binary file (mostly control characters)"),
])
def test_binary(data: bytes, reason: str) -> None:
    with pytest.raises(BadSeed, match=rf"^{reason.replace('(', '.').replace(')', '.')}$"):
        decode_bytes(data)


def test_normalise() -> None:
    assert normalise("a\r\nb\rc\u00a0d\te  \n\n\n\n  f\u200b\n") == "a\nb\nc d e\n\nf"


def test_blocks() -> None:
    assert blocks("a\nb\n\n\nc") == [["a", "b"], ["c"]]
