from sitegen.convert.paragraphs import Para, bullet_text, to_paras


def test_hard_wrapped_lines_join() -> None:
    lines = [
        "River levels began to fall on Friday after a week of heavy",
        "rain that closed roads.",
        "A second paragraph follows without a blank line",
        "and ends here.",
    ]
    assert to_paras(lines) == [
        Para("River levels began to fall on Friday after a week of heavy rain that closed roads."),
        Para("A second paragraph follows without a blank line and ends here."),
    ]


def test_long_lines_are_paragraphs() -> None:
    lines = ["x" * 120 + ".", "y" * 130 + "."]
    assert to_paras(lines) == [Para(lines[0]), Para(lines[1])]


def test_bullets() -> None:
    assert bullet_text("• item") == "item" and bullet_text("-5 degrees") is None
    assert to_paras(["Intro:", "- one", "* two", "continued"]) == [
        Para("Intro:"),
        Para(items=("one", "two continued")),
    ]
