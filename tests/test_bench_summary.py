"""`make bench` ends with the list of missed targets: every benchmark's, the tagging speed's and
the story index's growth included (they were printed above it but left out of the list)."""

from __future__ import annotations

from benchmarks.__main__ import _missed


def test_the_summary_names_every_missed_target():
    results = {
        "ingest": {"met": {"rate": True, "rss": False}},
        "extraction": {"met": True},
        "realtext": {"met": {"topics_p": True, "topics_r": False}},
        "tagging": {"quality": {"met": True}, "speed": {"met": {"one_core": False, "two_cores": True}},
                    "retag": {"met": False}},
        "stories": {"met": {"rate": True, "rss": True, "growth": False}},
        "web": {"met": True, "rss_met": True},
    }
    assert _missed(results) == ["ingest rss", "realtext held-out topics_r", "tagging one core", "retag time",
                                "stories growth"]


def test_a_run_that_meets_every_target_lists_none():
    results = {"ingest": {"met": {"rate": True, "rss": True}}, "extraction": {"met": True},
               "tagging": {"quality": {"met": True}, "speed": {"met": {"one_core": True, "two_cores": True}},
                           "retag": {"met": True}},
               "stories": {"met": {"rate": True}}, "web": {"met": True, "rss_met": True}}
    assert _missed(results) == []
