from sitegen.convert.summary import summarise


def test_sentence_boundary() -> None:
    assert summarise(["One two. Three four five six."], 15) == "One two."


def test_short_text_whole_and_joined() -> None:
    assert summarise(["Sixways", "Worcester play Leeds."], 280) == "Sixways Worcester play Leeds."


def test_word_fallback() -> None:
    assert summarise(["alpha beta gamma delta epsilon"], 14) == "alpha beta…"
