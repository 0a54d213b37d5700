import pytest

from monitor.config import load_settings, parse_duration, parse_size, settings_from_yaml
from monitor.errors import ConfigError
from tests.helpers import ROOT

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


# --- hostile feeds files (issue 14): each is a configuration error naming the file and line -------

def _laughs(levels: int) -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels + 1):
        prev, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_yaml_aliases_are_refused_so_no_laughs_and_no_self_reference():
    with pytest.raises(ConfigError, match=r"^f.yaml:2: YAML aliases \(\*a\) are not allowed"):
        settings_from_yaml(_laughs(4), "f.yaml")  # 9^5 nodes: slow but finite before
    with pytest.raises(ConfigError, match=r"^f.yaml:3: YAML aliases \(\*n\) are not allowed"):
        settings_from_yaml("network: &n\n  contact: https://example.org/\n  allow_private: *n\n", "f.yaml")


def test_a_billion_laughs_feeds_file_is_refused_at_once_by_the_command(tmp_path):
    """9 levels of 9: a billion strings. The command is run in its own process with 1 GiB of
    address space and a 60 s bound, both generous (it is refused at the first alias, in
    milliseconds): before, it hung until killed, its memory growing."""
    import resource
    import subprocess
    import sys
    from pathlib import Path

    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(_laughs(8) + "sources: *i\n")

    def limit_memory():
        resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))

    chargewatch = str(Path(sys.executable).with_name("chargewatch"))
    done = subprocess.run([chargewatch, "sources", "export", "--feeds", str(feeds)], capture_output=True, text=True,
                          timeout=60, preexec_fn=limit_memory)
    assert done.returncode == 2, done.stderr[-2000:]
    assert f"{feeds}:2: YAML aliases (*a) are not allowed" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("text, line, needle", [
    ("sources: " + "[" * 20000 + "]" * 20000 + "\n", 1, "nested more than 32 levels deep"),
    ("network:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(100)), 32, "nested more than 32 levels deep"),
    ("network: &n {contact: *n}\n", 1, "YAML aliases (*n) are not allowed"),
    ("network:\n  contact: https://a.org/\n  contact: https://b.org/\n", 3,
     "duplicate key 'contact' (first given on line 2)"),
    ("sources:\n  - name: a\n    kind: feed\n    url: https://e.org/f\n    interval: 1h\n    interval: 2h\n", 6,
     "duplicate key 'interval' (first given on line 5)"),
    ("? [network]\n: {}\n", 1, "a key must be a plain name"),
])
def test_hostile_yaml_is_a_configuration_error_with_file_and_line(tmp_path, text, line, needle):
    from click.testing import CliRunner

    from monitor.cli import main

    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(text)
    with pytest.raises(ConfigError) as err:
        load_settings(feeds)
    assert str(err.value).startswith(f"{feeds}:{line}: ") and needle in str(err.value)
    result = CliRunner().invoke(main, ["sources", "export", "--feeds", str(feeds)])
    assert result.exit_code == 2 and f"feeds.yaml:{line}: " in result.output and needle in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize("field, value, line", [
    ("subject_prefix", '"[cw]\\r\\nBcc: spy@example.org "', 6),
    ("sender", '"Digest\\nBcc: spy@example.org <d@example.org>"', 4),
    ("recipients", '["c@example.org\\n"]', 5),
    ("recipients", '["c@example.org\\r\\nBcc: spy@example.org"]', 5),
    ("user", '"me\\r\\nX: y"', 6),
])
def test_header_fields_refuse_line_breaks(tmp_path, field, value, line):
    mail = {"host": "127.0.0.1", "security": "none", "sender": "d@example.org", "recipients": "[c@example.org]"}
    mail[field] = value  # in place, or a sixth line
    text = "mail:\n" + "".join(f"  {k}: {v}\n" for k, v in mail.items()) + "sources: []\n"
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(text)
    with pytest.raises(ConfigError) as err:
        load_settings(feeds)
    assert f"feeds.yaml:{line}: mail.{field}" in str(err.value) and "a mail header cannot carry" in str(err.value)


def test_a_line_break_in_the_subject_prefix_stops_digest_send_before_anything_is_made(demo_db, tmp_path):
    from click.testing import CliRunner

    from monitor.cli import main

    feeds = tmp_path / "feeds.yaml"
    feeds.write_text('mail:\n  host: 127.0.0.1\n  port: 2525\n  security: none\n  sender: d@example.org\n'
                     '  recipients: [c@example.org]\n'
                     '  subject_prefix: "[cw]\\r\\nBcc: spy@example.org "\nsources: []\n')
    result = CliRunner().invoke(main, ["digest", "--send", "--db", str(demo_db), "--feeds", str(feeds)])
    assert result.exit_code == 2, (result.output, result.exception)
    assert "feeds.yaml:7: mail.subject_prefix" in result.output and "carriage return" in result.output
