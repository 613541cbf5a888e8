"""The package's shape: imports run one way along the stages, and modules stay readable."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "tqcheck"

# Stages in the order data flows; a module may import its own stage and earlier ones only.
# Stage 0 is what every stage shares: records, errors, configuration, language knowledge and the
# text utilities the probes and checks read.
STAGES: list[tuple[str, ...]] = [
    ("tqcheck", "tqcheck.errors", "tqcheck.records", "tqcheck.codec", "tqcheck.config", "tqcheck.lang",
     "tqcheck.text.strings", "tqcheck.text.negation", "tqcheck.text.numbers", "tqcheck.text.coverage",
     "tqcheck.text.entities", "tqcheck.text.antonyms", "tqcheck.text.swaps", "tqcheck.text.demonyms", "tqcheck.text.holonyms", "tqcheck.text.places", "tqcheck.text.markup",
     "tqcheck.text.segment", "tqcheck.text.number_words", "tqcheck.text.lexicon", "tqcheck.text.order", "tqcheck.text.galechurch",
     "tqcheck.text.sounds", "tqcheck.text.openers", "tqcheck.text.bodies", "tqcheck.text.titles", "tqcheck.text.place_pairs",
     "tqcheck.text.glossary", "tqcheck.text.inflection"),
    ("tqcheck.readers",),
    ("tqcheck.text.keys", "tqcheck.text.align"),
    ("tqcheck.text.langid",),
    ("tqcheck.backends", "tqcheck.cache"),
    ("tqcheck.probes",),
    ("tqcheck.scoring",),
    ("tqcheck.checks", "tqcheck.selection"),
    ("tqcheck.work",),
    ("tqcheck.engines", "tqcheck.ray_engine"),
    ("tqcheck.reporters",),
    ("tqcheck.pipeline",),
    ("tqcheck.cli", "tqcheck.cli_models", "tqcheck.cli_output", "tqcheck.server", "tqcheck.__main__"),
]


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("tqcheck"):
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("tqcheck"))
    return found


def _graph() -> dict[str, set[str]]:
    modules = {_module(p): p for p in PACKAGE.rglob("*.py")}
    return {name: {i for i in _imports(path) if i in modules and i != name} for name, path in modules.items()}


def _stage(module: str) -> int:
    """The stage of the longest prefix that names the module ("tqcheck" names only the package)."""
    best = max(
        ((len(prefix), i) for i, group in enumerate(STAGES) for prefix in group
         if module == prefix or (prefix != "tqcheck" and module.startswith(prefix + "."))),
        default=None,
    )
    assert best is not None, f"{module} belongs to no stage: add it to STAGES"
    return best[1]


def test_no_module_imports_a_later_stage():
    graph = _graph()
    backwards = [(a, b) for a, targets in graph.items() for b in targets if _stage(b) > _stage(a)]
    assert backwards == []


def test_no_import_cycle():
    graph = _graph()
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            assert state.get(nxt) != 1, " → ".join([*path, node, nxt])
            if nxt not in state:
                visit(nxt, [*path, node])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [])


def test_modules_stay_small_and_the_pipeline_thin():
    sizes = {_module(p): len(p.read_text(encoding="utf-8").splitlines()) for p in PACKAGE.rglob("*.py")}
    assert sizes["tqcheck.pipeline"] <= 200
    assert {m: n for m, n in sizes.items() if n > 300} == {}
