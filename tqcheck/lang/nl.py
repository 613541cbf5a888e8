"""Dutch: name particles only, so far."""

from tqcheck.lang import Language

LANGUAGE = Language(code="nl", name="Dutch", name_particles=frozenset("van der den".split()))
