"""The compiled copies of nlp's hot modules (nlp/compiled.py, tools/build_speedups.py): used by
`make test` (which builds them), tagging exactly as the Python sources do, and never used once
their source has changed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

from nlp import compiled

ROOT = Path(__file__).resolve().parent.parent
SUFFIX = sysconfig.get_config_var("EXT_SUFFIX") or ".so"

# Tags every field of, for the labelled passages written for the project and generated articles
# long enough to be tagged a piece at a time; prints them as JSON with the modules that ran compiled.
_TAG_ALL = """
import json, sys
sys.path.insert(0, {root!r})
from benchmarks.sitegen import make_article
from nlp import Tagger, compiled
from nlp.evaluate import load_passages
items = [(p["text"], None) for p in load_passages({passages!r})]
items += [(a.body_text, a.title) for a in (make_article(11, i, words=w) for i, w in enumerate([800] * 40 + [20000] * 2))]
tagger = Tagger()
print(json.dumps({{"active": list(compiled.ACTIVE), "tags": [repr(t) for t in tagger.pipe(items)]}}))
"""


def _tag_all(pure: bool) -> dict:
    env = {**os.environ, compiled.OFF: "1" if pure else ""}
    code = _TAG_ALL.format(root=str(ROOT), passages=str(ROOT / "tests" / "data" / "tagging" / "passages.jsonl"))
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=600, check=True)
    return json.loads(done.stdout)


def test_make_test_runs_every_hot_module_compiled_with_the_same_tags_as_python():
    fast, pure = _tag_all(pure=False), _tag_all(pure=True)
    missing = sorted(set(f"nlp.{m}" for m in compiled.MODULES) - set(fast["active"]))
    assert not missing, (f"these run as Python: {missing} (their compiled copies are missing or older than "
                         "their source: `make test` builds them, or run `.venv/bin/python tools/build_speedups.py`)")
    assert pure["active"] == []
    assert len(fast["tags"]) == len(pure["tags"]) > 300
    differ = [i for i, (a, b) in enumerate(zip(fast["tags"], pure["tags"])) if a != b]
    assert not differ, f"compiled and Python tag {len(differ)} texts differently, first {differ[0]}"
    assert sum("role='subject'" in t for t in fast["tags"]) > 100  # (tags with every field, not empty ones)


def test_a_compiled_module_is_loaded_from_the_build_and_the_rest_from_source():
    import nlp.features
    import nlp.registry

    assert nlp.features.__file__.endswith(SUFFIX) and "speedups" in nlp.features.__file__
    assert nlp.registry.__file__.endswith("registry.py")  # (not compiled: it reads files beside its source)


def _fake_build(tmp_path: Path, sources: dict[str, str], copies=None) -> Path:
    out = tmp_path / "build"
    out.mkdir()
    for name in copies if copies is not None else sources:
        (out / f"{name}{SUFFIX}").write_bytes(b"")
    (out / compiled.MANIFEST).write_text(json.dumps({"cython": "3", "python": "3.11", "sources": sources}))
    return out


def test_a_copy_made_from_another_source_is_not_used(tmp_path):
    package = tmp_path / "nlp"
    package.mkdir()
    for name in ("ties", "features", "tagger"):
        (package / f"{name}.py").write_text(f"X = {name!r}\n")
    now = {name: compiled.source_hash(package / f"{name}.py") for name in ("ties", "features", "tagger")}
    out = _fake_build(tmp_path, {"ties": now["ties"], "features": "0" * 64, "tagger": now["tagger"]},
                      copies=["ties", "features"])
    # features was edited since its build; tagger's copy is missing
    assert compiled.usable(out, package) == {"nlp.ties": out / f"ties{SUFFIX}"}


def test_a_module_the_list_does_not_name_or_a_broken_manifest_loads_nothing(tmp_path):
    package = tmp_path / "nlp"
    package.mkdir()
    (package / "registry.py").write_text("X = 1\n")
    out = _fake_build(tmp_path, {"registry": compiled.source_hash(package / "registry.py")})
    assert compiled.usable(out, package) == {}  # (it reads files beside its source)
    (out / compiled.MANIFEST).write_text("{not json")
    assert compiled.usable(out, package) == {}
    assert compiled.usable(tmp_path / "nowhere", package) == {}
