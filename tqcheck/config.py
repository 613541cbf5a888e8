"""Configuration: CLI options beat ``[tool.tqcheck]`` in pyproject.toml, which beats the defaults."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from tqcheck.errors import ConfigError, did_you_mean
from tqcheck.records import GenerationOptions, Severity

_GENERATION_KEYS = {"batch-size": "batch_size", "beams": "beams", "max-length": "max_length", "threads": "threads"}
_LIST_KEYS = {"select": "select", "ignore": "ignore", "exclude": "exclude"}
KNOWN_KEYS = (
    "backend", "model", "allow-download", "cache", "fail-on", "language-detector", "checks", "select", "ignore",
    "per-file-ignores", "exclude", "pairs", "warn-unused-ignores", "require-model", "fluency-model",
    "engine", "ray-address", "gpus-per-worker", *_GENERATION_KEYS,
)


@dataclass(frozen=True)
class Config:
    backend: str = "auto"
    models: tuple[str, ...] = ()  # hub ids or folders that take precedence over the pair registry
    allow_download: bool = False
    cache: bool = True
    generation: GenerationOptions = GenerationOptions()
    fail_on: Severity = Severity.CRITICAL  # major flags 6 % of good human translations (README)
    language_detector: str = "fasttext"
    check_options: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    select: tuple[str, ...] = ("TQ",)
    ignore: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    exclude: tuple[str, ...] = ()  # globs; applied to files named on the command line too
    pairs: tuple[tuple[str, str], ...] = ()  # (source glob, target glob) for one-language files
    warn_unused_ignores: bool = False
    require_model: bool = False  # a pair with no model is an error, not a check by the model-free checks
    fluency_model: str | None = None  # a language model for the fluency checks (opt-in: "smollm2")
    engine: str = "local"  # where segments are checked: "local" (this process) or "ray" (a Ray cluster)
    ray_address: str | None = None  # an existing Ray cluster to join; None starts Ray locally
    gpus_per_worker: float = 0.0  # GPUs each Ray actor asks for
    origin: str | None = None  # the file the settings came from, for error messages

    def with_overrides(self, **cli: Any) -> Config:
        """Apply CLI values; ``None`` means the option was not given."""
        return replace(self, **{k: v for k, v in cli.items() if v is not None})


def find_pyproject(start: Path) -> Path | None:
    for folder in (start.resolve(), *start.resolve().parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_config(start: Path | None = None) -> Config:
    """Read ``[tool.tqcheck]`` from the nearest pyproject.toml; defaults when there is none."""
    path = find_pyproject(start or Path.cwd())
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None
    section = data.get("tool", {}).get("tqcheck")
    if section is None:
        return Config()
    return parse_section(section, str(path))


def parse_section(section: Mapping[str, Any], origin: str) -> Config:
    unknown = sorted(set(section) - set(KNOWN_KEYS))
    if unknown:
        hint = did_you_mean(unknown[0], KNOWN_KEYS)
        raise ConfigError(f"{origin}: unknown key [tool.tqcheck] {unknown[0]!r}{hint}; known keys: {', '.join(KNOWN_KEYS)}")
    config = Config(origin=origin)
    if "backend" in section:
        config = replace(config, backend=_string(section, "backend", origin))
    if "model" in section:
        value = section["model"]
        models = [value] if isinstance(value, str) else value
        if not isinstance(models, list) or not all(isinstance(m, str) for m in models):
            raise ConfigError(f"{origin}: [tool.tqcheck] model must be a string or a list of strings")
        config = replace(config, models=tuple(models))
    for key, attr in _LIST_KEYS.items():
        if key in section:
            value = section[key]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{origin}: [tool.tqcheck] {key} must be a list of strings")
            config = replace(config, **{attr: tuple(value)})
    if "per-file-ignores" in section:
        table = section["per-file-ignores"]
        if not isinstance(table, Mapping) or not all(isinstance(v, list) for v in table.values()):
            raise ConfigError(f"{origin}: [tool.tqcheck.per-file-ignores] maps a glob to a list of codes")
        config = replace(config, per_file_ignores={k: tuple(v) for k, v in table.items()})
    if "pairs" in section:
        pairs = section["pairs"]
        if not isinstance(pairs, list) or not all(isinstance(p, Mapping) and set(p) == {"source", "target"} for p in pairs):
            raise ConfigError(f'{origin}: pairs must be a list of {{source = "glob", target = "glob"}}')
        config = replace(config, pairs=tuple((p["source"], p["target"]) for p in pairs))
    flags = (("allow-download", "allow_download"), ("cache", "cache"), ("warn-unused-ignores", "warn_unused_ignores"),
             ("require-model", "require_model"))
    for key, attr in flags:
        if key in section:
            if not isinstance(section[key], bool):
                raise ConfigError(f"{origin}: [tool.tqcheck] {key} must be true or false")
            config = replace(config, **{attr: section[key]})
    generation = {}
    for key, attr in _GENERATION_KEYS.items():
        if key in section:
            value = section[key]
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ConfigError(f"{origin}: [tool.tqcheck] {key} must be a positive whole number")
            generation[attr] = value
    config = replace(config, generation=replace(config.generation, **generation))
    if "language-detector" in section:
        config = replace(config, language_detector=_string(section, "language-detector", origin))
    if "fluency-model" in section:
        config = replace(config, fluency_model=_string(section, "fluency-model", origin))
    if "engine" in section:
        engine = _string(section, "engine", origin)
        if engine not in ("local", "ray"):
            raise ConfigError(f"{origin}: engine must be local or ray, not {engine!r}")
        config = replace(config, engine=engine)
    if "ray-address" in section:
        config = replace(config, ray_address=_string(section, "ray-address", origin))
    if "gpus-per-worker" in section:
        gpus = section["gpus-per-worker"]
        if isinstance(gpus, bool) or not isinstance(gpus, (int, float)) or gpus < 0:
            raise ConfigError(f"{origin}: [tool.tqcheck] gpus-per-worker must be a number of 0 or more")
        config = replace(config, gpus_per_worker=float(gpus))
    if "fail-on" in section:
        value = _string(section, "fail-on", origin)
        try:
            config = replace(config, fail_on=Severity(value))
        except ValueError:
            raise ConfigError(f"{origin}: fail-on must be critical, major or minor, not {value!r}") from None
    checks = section.get("checks", {})
    if not isinstance(checks, Mapping) or not all(isinstance(v, Mapping) for v in checks.values()):
        raise ConfigError(f"{origin}: [tool.tqcheck.checks] must hold one table per check name")
    for name, opts in checks.items():
        for key, value in opts.items():
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ConfigError(f"{origin}: [tool.tqcheck.checks.{name}] {key} must be a number")
    return replace(config, check_options={k: dict(v) for k, v in checks.items()})


def _string(section: Mapping[str, Any], key: str, origin: str) -> str:
    value = section[key]
    if not isinstance(value, str):
        raise ConfigError(f"{origin}: [tool.tqcheck] {key} must be a string")
    return value
