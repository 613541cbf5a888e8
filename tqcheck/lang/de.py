"""German: negation cues and name particles only, so far."""

from tqcheck.lang import Language, Negation

LANGUAGE = Language(
    code="de",
    name="German",
    negation=Negation(cues=r"nicht|kein|keine|keiner|keinen|keinem|nie|niemals|niemand|nichts|ohne|weder"),
    name_particles=frozenset("von der den".split()),
)
