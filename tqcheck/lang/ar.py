"""Arabic: only the particles of Arabic names as Latin-script text writes them ("Mohammed bin Salman")."""

from tqcheck.lang import Language

LANGUAGE = Language(code="ar", name="Arabic", name_particles=frozenset("al el bin ibn".split()))
