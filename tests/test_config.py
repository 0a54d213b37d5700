import pytest

from monitor.config import load_settings, parse_duration, parse_size, settings_from_yaml
from monitor.errors import ConfigError
from tests.conftest import ROOT

ISSUE_EXAMPLE = """\
network:
  contact: https://example.org/about      # goes into the User-Agent
  allow_private: ["127.0.0.1:8765"]       # exact host:port pairs; empty by default
  max_per_host: 2                         # requests in flight to one host
  host_delay: 1s                          # pause between requests to one host
sources:
  - name: electrive
    kind: feed                            # feed | sitemap | listing
    url: https://www.electrive.com/feed/
    interval: 30m
  - name: influencemap
    kind: listing
    url: https://influencemap.org/reports
    selector: "a.report-link"
    include: ["/report/"]
"""


def test_the_documented_shape_loads():
    s = settings_from_yaml(ISSUE_EXAMPLE)
    assert s.network.allow_private == ("127.0.0.1:8765",)
    assert s.network.host_delay == 1.0 and s.network.max_per_host == 2
    assert [x.name for x in s.sources] == ["electrive", "influencemap"]
    assert s.sources[0].interval == 1800 and s.sources[0].enabled
    assert s.sources[1].selector == "a.report-link" and s.sources[1].include == ("/report/",)
    assert s.sources[1].interval == 1800  # default 30 minutes


def test_project_feeds_yaml_is_valid_and_names_the_campaign_sources():
    s = load_settings(ROOT / "feeds.yaml")
    names = {x.name for x in s.sources}
    assert {"electrive", "mongabay", "icct", "reuters"} <= names
    assert len(s.sources) >= 14
    assert s.source("reuters").kind == "sitemap"
    assert s.network.allow_private == ()


@pytest.mark.parametrize("bad, line, needle", [
    ("    intervl: 30m\n", 11, "sources[0].intervl: unknown key 'intervl'"),
    ("    interval: soon\n", 11, "sources[0].interval: invalid duration 'soon'"),
    ("    interval: 5s\n", 11, "must be between 1m and 7d"),
])
def test_errors_name_file_line_and_key(bad, line, needle):
    text = ("network:\n  contact: https://example.org/\nsources:\n"
            "  - name: ok\n    kind: feed\n    url: https://example.org/feed\n"
            "  - name: a\n    kind: feed\n    url: https://example.org/feed\n"
            "    enabled: true\n" + bad).replace("sources[0]", "sources[1]")
    with pytest.raises(ConfigError) as err:
        settings_from_yaml(text, "feeds.yaml")
    assert f"feeds.yaml:{line}: " in str(err.value)
    assert needle.replace("sources[0]", "sources[1]") in str(err.value)


def test_bad_url_and_kind_are_reported_together():
    text = "sources:\n  - name: x\n    kind: rss\n    url: ftp://example.org/feed\n"
    with pytest.raises(ConfigError) as err:
        settings_from_yaml(text, "f.yaml")
    msg = str(err.value)
    assert "f.yaml:3: sources[0].kind" in msg and "'rss'" in msg
    assert "f.yaml:4: sources[0].url: invalid URL 'ftp://example.org/feed'" in msg


def test_unknown_network_key_and_bad_allow_private():
    with pytest.raises(ConfigError, match=r"f.yaml:2: network.proxy: unknown key"):
        settings_from_yaml("network:\n  proxy: x\n", "f.yaml")
    with pytest.raises(ConfigError, match=r"network.allow_private: .*exact 'host:port'"):
        settings_from_yaml("network:\n  allow_private: ['10.0.0.0/8']\n", "f.yaml")


def test_duplicate_names_invalid_yaml_and_missing_file(tmp_path):
    dup = "sources:\n" + "  - {name: a, kind: feed, url: 'https://e.org/f'}\n" * 2
    with pytest.raises(ConfigError, match="duplicate source name 'a'"):
        settings_from_yaml(dup, "f.yaml")
    with pytest.raises(ConfigError, match=r"f.yaml:3: invalid YAML"):
        settings_from_yaml("sources:\n  - name: a\n   kind: feed\n", "f.yaml")
    with pytest.raises(ConfigError, match="file not found"):
        load_settings(tmp_path / "nope.yaml")


def test_selector_must_be_valid_css_and_only_for_listings():
    with pytest.raises(ConfigError, match="invalid CSS selector"):
        settings_from_yaml("sources:\n  - {name: a, kind: listing, url: 'https://e.org/', selector: 'a[[['}\n")
    with pytest.raises(ConfigError, match="only applies to kind: listing"):
        settings_from_yaml("sources:\n  - {name: a, kind: feed, url: 'https://e.org/', selector: 'a'}\n")


def test_durations_and_sizes():
    assert parse_duration("500ms") == 0.5 and parse_duration("2h") == 7200 and parse_duration(3) == 3
    assert parse_size("10MB") == 10_000_000 and parse_size("1KiB") == 1024
    for bad in ("-1s", "1 week", True):
        with pytest.raises(ValueError):
            parse_duration(bad)
