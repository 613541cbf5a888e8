"""French: negation and the words of relations and names only, so far."""

from tqcheck.lang import Language, Negation

LANGUAGE = Language(
    code="fr",
    name="French",
    negation=Negation(cues=r"ne|n'|pas|jamais|aucun|aucune|personne|rien|sans|ni"),
    name_particles=frozenset("de du des la le".split()),
    relations=frozenset("du des par contre sur avec pour vers entre au aux".split()),
    clause_joiners=frozenset({"et", "mais"}),
)
