from sitegen.convert.slugs import slug_base, title_slug


def test_title_slug() -> None:
    assert (
        title_slug("Élysée Café à Zürich: Straße öffnet") == "elysee-cafe-a-zurich-strasse-offnet"
    )
    assert title_slug("Q&A: Malcolm Glazer's bid") == "q-and-a-malcolm-glazers-bid"
    long = title_slug("word " * 30)
    assert len(long) <= 60 and not long.endswith("-") and long.endswith("word")


def test_slug_base() -> None:
    assert (
        slug_base("Iraq Condemns", "2023-10-27T10:00:00+03:00", "s.txt")
        == "2023-10-27-iraq-condemns"
    )
    assert slug_base("Iraq Condemns", None, "s.txt") == "iraq-condemns"
    assert slug_base("東京", None, "s.txt").startswith("briefing-")
    assert slug_base("東京", None, "s.txt") != slug_base("東京", None, "t.txt")
