"""Classes of error found in the seventeenth session (issue 15), with sentences written for these
tests and their counter-cases. Rules: nlp/layout.py (the lines above the lead)."""

from __future__ import annotations

import pytest

from nlp.layout import Layout, lead_start
from tests.helpers import subjects

LEDE = ("Stellantis said on Tuesday it will idle its Windsor assembly plant for two weeks to cut inventory. "
        "The plant builds minivans. Rival Ford said last month it would cut shifts at its Oakville plant, "
        "and General Motors has paused a line in Ingersoll.\n\nUnifor said it was told of the pause on Monday.")

# what pages put above the lead, inside the extracted body: none of it is the lede
FURNITURE = [
    "By Jane Doe\n\n",
    "By Jane Doe and Ravi Menon\nDETROIT (Reuters) -\n\n",
    "5 min read\n\n",
    "Updated Dec 2, 2026, 9:14 AM ET\n",
    "Stellantis to idle Windsor plant for two weeks\n\n",  # the headline again
    "Photo: Plant workers\nStaff report\nBusiness\n\n",
]


@pytest.mark.parametrize("top", FURNITURE)
def test_the_lines_above_the_lead_do_not_take_the_ledes_place(tagger, top):
    assert subjects(tagger.tag(top + LEDE)) == ["stellantis"]
    assert subjects(tagger.tag(LEDE)) == ["stellantis"]


def test_the_lead_is_the_first_prose_paragraph():
    text = "By Jane Doe\n\n" + LEDE
    layout = Layout(text, 0)
    assert layout.lead_start == len("By Jane Doe\n\n")
    assert layout.lead_end == text.index("\n\nUnifor")


@pytest.mark.parametrize("text", [
    # rows of a table at the top: no prose within a few lines, so the text is read as it stands
    "Brand | Units | Change\nHYUNDAI | 61,208 | +4%\nKIA | 54,990 | +9%\nTOYOTA | 48,311 | -2%\nHONDA | 40,002 | +1%",
    # a short first paragraph that ends as a sentence is the lead
    "Tesla cut prices.\n\nThe cuts follow weaker sales in China, where BYD gained share.",
    # a long first line is prose, whatever its end
    "Tesla cut prices of its Model Y in China by up to 5 percent on Tuesday, its third cut of the kind this year as sales slow\n\nMore follows.",
])
def test_prose_or_a_table_at_the_top_stays_where_it_is(text):
    assert lead_start(text, 0) == 0


def test_a_table_at_the_top_makes_no_row_the_subject(tagger):
    table = "Brand | Units | Change\nHYUNDAI | 61,208 | +4%\nKIA | 54,990 | +9%\nTOYOTA | 48,311 | -2%"
    assert subjects(tagger.tag(table)) == []


def test_a_title_then_furniture_then_the_lead(tagger):
    tags = tagger.tag("By Jane Doe\n\n" + LEDE, "Windsor plant to pause")
    assert subjects(tags) == ["stellantis"]
