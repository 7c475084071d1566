"""The briefings-per-month chart: every month in the range, bars scaled to the busiest, empty months unlinked."""

from datetime import UTC, datetime

from sitegen.model import Briefing
from sitegen.site.chart import HEIGHT, month_chart


def briefing(slug: str, year: int, month: int) -> Briefing:
    date = datetime(year, month, 3, tzinfo=UTC)
    return Briefing(
        slug, slug, date, None, None, (), "", slug, False, f"content/{slug}.md", "", f"{slug}/"
    )


def test_every_month_between_first_and_last_with_empty_ones_unlinked() -> None:
    chart = month_chart(
        [
            briefing("a", 2023, 11),
            briefing("b", 2024, 2),
            briefing("c", 2024, 2),
            briefing("d", 2023, 11),
            briefing("e", 2023, 11),
        ]
    )
    assert [(bar.label, bar.count, bar.url) for bar in chart.bars] == [
        ("November 2023", 3, "archive/2023/11/"),
        ("December 2023", 0, None),
        ("January 2024", 0, None),
        ("February 2024", 2, "archive/2024/02/"),
    ]
    assert chart.bars[0].height == HEIGHT and chart.bars[3].height == round(HEIGHT * 2 / 3, 2)
    assert chart.peak.label == "November 2023" and chart.span == "November 2023 to February 2024"
    assert [bar.x for bar in chart.bars] == sorted(bar.x for bar in chart.bars)


def test_no_dated_briefing_no_chart() -> None:
    undated = Briefing("x", "x", None, None, None, (), "", "x", True, "content/x.md", "", "x/")
    assert month_chart([undated]) is None and month_chart([]) is None
