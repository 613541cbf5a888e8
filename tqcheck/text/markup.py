"""Placeholders, markup, URLs and e-mail addresses: the parts of a string a translation must keep."""

from __future__ import annotations

import re
from collections import Counter

_PRINTF = re.compile(r"%(?:\d+\$)?(?:\(\w+\))?[-+#0]*\d*(?:\.\d+)?[sdifuxXeEgGc]")
_NAMED = re.compile(r"\{\{\s*[\w.]+\s*\}\}|\{[\w.]*\}")  # {name}, {{name}}, {}
_BRACE = re.compile(_NAMED.pattern + r"|\{(\w+),\s*(?:plural|select|selectordinal|number|date|time)\b")
_TAG = re.compile(r"</?([a-zA-Z][\w:-]*)(?:\s[^<>]*)?/?>")
_URL = re.compile(r"\bhttps?://[^\s<>\"')\]]+[^\s<>\"')\].,;:!?]")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")


def placeholders(text: str) -> Counter[str]:
    """printf (%s, %(name)d, %1$s), brace ({name}, {{name}}) and ICU argument ({count, plural, …})."""
    found: Counter[str] = Counter(_PRINTF.findall(text))
    for m in _BRACE.finditer(text):
        found["{" + m.group(1) + "}" if m.group(1) else m.group()] += 1
    return found


def tags(text: str) -> Counter[str]:
    return Counter(("/" if m.group().startswith("</") else "") + m.group(1).lower() for m in _TAG.finditer(text))


def links(text: str) -> Counter[str]:
    return Counter(_URL.findall(text)) + Counter(_EMAIL.findall(text))


def difference(source: Counter[str], target: Counter[str]) -> tuple[list[str], list[str]]:
    """(missing from the target, extra in the target), sorted."""
    return sorted((source - target).elements()), sorted((target - source).elements())


def prose(text: str) -> str:
    """``text`` as the prose around its code reads: tags dropped (the words they wrap kept), and each
    printf or named placeholder one word, "X" ("Olá, X! Tem X mensagens novas.")."""
    return _PRINTF.sub("X", _NAMED.sub("X", _TAG.sub("", text)))
