"""Italian: name particles only, so far."""

from tqcheck.lang import Language

LANGUAGE = Language(code="it", name="Italian", name_particles=frozenset("di della del".split()))
