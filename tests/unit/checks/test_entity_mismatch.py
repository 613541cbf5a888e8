from dataclasses import replace

import pytest

from tests.conftest import make_ctx
from tqcheck.checks.entity_mismatch import EntityMismatch
from tqcheck.text.glossary import glossary
from tqcheck.text.holonyms import part_and_whole


def run(source, target, back, forward=None, **langs):
    return list(EntityMismatch().run(make_ctx(target, source=source, back=back, forward=forward, **langs)))


def test_replaced_country_is_critical_with_spans():
    source = "Países como a Alemanha, a Finlândia e a Holanda têm razão."
    target = "Countries like Germany, Sweden and the Netherlands are right."
    back = "Países como a Alemanha, a Suécia e a Holanda têm razão."
    forward = "Countries like Germany, Finland and the Netherlands are right."
    [finding] = run(source, target, back, forward)
    assert finding.severity.value == "critical"
    assert source[slice(*finding.source_span)] == "Finlândia"
    assert target[slice(*finding.target_span)] == "Sweden"
    assert "Finlândia" in finding.message and "Sweden" in finding.message


def test_names_kept_in_other_spelling_pass():
    source = "Tal como a revista The Economist referiu, a Polónia não defende os animais."
    target = "As The Economist noted, Poland does not champion animal rights."
    back = "Como a The Economist observou, a Polônia não defende os direitos dos animais."
    forward = "As The Economist noted, Poland does not defend animals."
    assert run(source, target, back, forward) == []


def test_dropped_name():
    source = "O ministro Linas Linkevicius ameaçou Kaliningrado."
    target = "The minister threatened Kaliningrad."
    back = "O ministro ameaçou Kaliningrado."
    forward = "Minister Linas Linkevicius threatened Kaliningrad."
    [finding] = run(source, target, back, forward)
    assert finding.message == "source names Linas Linkevicius; the translation does not"


def test_a_person_a_title_leads_is_lost_though_the_title_is_kept():
    """"U.S. President Donald Trump" is one run of capitals; "the U.S. president" has half its words,
    which used to count as the name present."""
    source = "The singer praised U.S. President Donald Trump and said he would run in 2020."
    forward = "O cantor elogiou o presidente dos EUA, Donald Trump, e disse que se candidataria em 2020."
    cut = "O cantor elogiou o presidente dos EUA e disse que se candidataria em 2020."
    back = "The singer praised the U.S. president and said he would run in 2020."
    [finding] = run(source, cut, back, forward, source_lang="en", target_lang="pt")
    assert (finding.severity.value, finding.message) == (
        "major", "source names U.S. President Donald Trump; the translation does not"
    )
    # the person kept, whole or by surname, is the name kept
    for draft, back in [
        ("O cantor elogiou o presidente dos EUA, Donald Trump, e disse que se candidataria em 2020.",
         "The singer praised U.S. President Donald Trump and said he would run in 2020."),
        ("O cantor elogiou o presidente Trump e disse que se candidataria em 2020.",
         "The singer praised President Trump and said he would run in 2020."),
    ]:
        assert run(source, draft, back, forward, source_lang="en", target_lang="pt") == []


def test_a_person_whose_every_word_both_languages_drop_is_critical_and_a_surname_alone_major():
    source = "Rangers substitute Glenn Middleton claimed a late penalty."
    forward = "O suplente do Rangers, Glenn Middleton, reclamou um penálti tardio."
    cut = "O suplente do Rangers reclamou um penálti tardio."
    back = "The Rangers substitute claimed a late penalty."
    [finding] = run(source, cut, back, forward, source_lang="en", target_lang="pt")
    assert (finding.severity.value, finding.message) == (
        "critical", "source names Glenn Middleton; the translation has no word of that name"
    )
    assert source[slice(*finding.source_span)] == "Glenn Middleton"
    # the surname kept is the person kept; a surname alone may give way to "he"
    kept = "O suplente Middleton reclamou um penálti tardio."
    assert run(source, kept, "Substitute Middleton claimed a late penalty.", forward, source_lang="en", target_lang="pt") == []
    [alone] = run(
        "Middleton claimed a late penalty.", "Ele reclamou um penálti tardio.", "He claimed a late penalty.",
        "Middleton reclamou um penálti tardio.", source_lang="en", target_lang="pt",
    )
    assert (alone.severity.value, alone.message) == ("major", "source names Middleton; the translation does not")


def test_a_person_both_languages_add_is_made_up_and_a_name_otherwise_added_is_major():
    source = "O partido prometeu uma semana de quatro dias."
    target = "Connor Goldson pledged a four-day week."
    back = "Connor Goldson prometeu uma semana de quatro dias."
    forward = "The party pledged a four-day week."
    [finding] = run(source, target, back, forward)
    assert (finding.severity.value, finding.message) == (
        "critical", "translation names Connor Goldson, which the source has in no form"
    )
    # a name the translator adds that is no person's ("Lloyds Pharmacy" has words the lexicon knows)
    [finding] = run(
        "A Celesio é dona da cadeia.", "Celesio owns the Lloyds Pharmacy chain.",
        "A Celesio é dona da cadeia Lloyds Pharmacy.", "Celesio owns the chain.",
    )
    assert finding.severity.value == "major"


def test_a_name_dropped_from_a_list_whose_other_names_the_draft_keeps_is_critical():
    source = "Nos últimos anos, o Facebook, o Google e outras empresas tecnológicas contrataram luminárias."
    forward = "In recent years, Facebook, Google and other technology companies have hired luminaries."
    cut = "In recent years, Facebook and other technology companies have hired luminaries."
    back = "Nos últimos anos, o Facebook e outras empresas de tecnologia contrataram luminárias."
    _assert_cut_from_list(source, forward, cut, back, "Google", "Facebook")


def _assert_cut_from_list(source, forward, cut, back, lost, kept, **langs):
    """The cut draft has one critical finding, ``lost`` cut from beside ``kept``; the whole one none."""
    [finding] = run(source, cut, back, forward, **langs)
    assert finding.severity.value == "critical" and source[slice(*finding.source_span)] == lost
    assert finding.message == f"source lists {lost} with {kept}; the translation keeps {kept} but not {lost}"
    assert run(source, forward, source, forward, **langs) == []


def test_an_acronym_the_machine_translation_keeps_counts_only_when_cut_from_a_list():
    source = "She will focus on her new contracts with Marks & Spencer and ITV."
    forward = "Ela vai se concentrar em seus novos contratos com Marks & Spencer e ITV."
    cut = "Ela vai concentrar-se nos seus novos contratos com a Marks & Spencer."
    back = "She will focus on her new contracts with Marks & Spencer."
    _assert_cut_from_list(source, forward, cut, back, "ITV", "Spencer", source_lang="en", target_lang="pt")
    # spelt out, or an acronym the target language coins for itself: no evidence of a cut
    alone = "There is consternation among some AMs at the suggestion."
    spelt = "Há consternação entre alguns deputados da assembleia galesa perante a sugestão."
    spelt_back = "There is dismay among some members of the Welsh assembly at the suggestion."
    alone_forward = "Há consternação entre alguns AMs com a sugestão."
    assert run(alone, spelt, spelt_back, alone_forward, source_lang="en", target_lang="pt") == []
    localised = "A NATO e a ONU reuniram-se."
    assert run("NATO and the UN met.", localised, "NATO and the UN met.", localised, source_lang="en", target_lang="pt") == []


def test_one_model_slip_is_not_evidence():
    # the back-translation lost the name, but the forward translation agrees with the draft
    source = "O ministro Linas Linkevicius ameaçou Kaliningrado."
    target = "Minister Linas Linkevicius threatened Kaliningrad."
    assert run(source, target, "O ministro ameaçou Kaliningrado.", target) == []
    assert run(source, target, back="O ministro ameaçou Kaliningrado.") == []  # no forward translation: no verdict


def test_invented_country_is_critical_but_a_named_demonym_is_not():
    source = "Os juízes mais graduados estavam prontos a defendê-los."
    forward = "The most senior judges were ready to defend them."
    target = "The most senior judges in Ankara were ready to defend them."
    back = "Os juízes mais graduados em Ancara estavam prontos a defendê-los."
    [finding] = run(source, target, back, forward)
    assert finding.severity.value == "critical" and "a place the source never mentions" in finding.message
    assert target[slice(*finding.target_span)] == "Ankara"
    # "turcos" says Turkey, and the back-translation names it: naming the country is a translator's choice
    source = "Os juízes turcos mais graduados estavam prontos a defendê-los."
    forward = "The most senior Turkish judges were ready to defend them."
    target = "The most senior judges in Turkey were ready to defend them."
    back = "Os juízes mais graduados da Turquia estavam prontos a defendê-los."
    assert run(source, target, back, forward) == []


def test_one_place_under_another_of_its_names_passes():
    source = "Há padrões semelhantes na Colômbia e na Birmânia."
    forward = "There are similar patterns in Colombia and Burma."
    target = "There are similar patterns in Colombia and Myanmar."
    back = "Há padrões semelhantes na Colômbia e em Mianmar."
    assert run(source, target, back, forward) == []


def test_a_place_opening_the_sentence_counts_as_a_name():
    source = "A Itália poderá vir a ser uma outra excepção."
    target = "Tomorrow may prove to be another exception."
    back = "Amanhã pode vir a ser outra exceção."
    [finding] = run(source, target, back, "Italy may be another exception.")
    assert finding.severity.value == "major" and source[slice(*finding.source_span)] == "Itália"
    invented = "Japan to women. Osaka must become a place where women shine."
    [finding] = run("O Japão deve tornar-se num lugar onde as mulheres brilham.", invented,
                    "Japão para as mulheres. Osaka deve tornar-se um lugar onde as mulheres brilham.",
                    "Japan must become a place where women shine.")
    assert finding.severity.value == "critical" and invented[slice(*finding.target_span)] == "Osaka"


def test_a_name_replaced_inside_a_quoted_title_is_major():
    source = "Parafraseando Esopo na fábula “O Viajante Fanfarrão”: Hic Rhodus, hic salta!"
    target = "To borrow from Aesop’s “The Braggart”: Hic Rhodus, hic salta!"
    back = "Para citar Esopo, “The Braggart”: Hic Rhodus, hic salta!"
    forward = "Paraphrasing Aesop in the fable “The Boastful Traveller”: Hic Rhodus, hic salta!"
    [finding] = run(source, target, back, forward)
    assert finding.severity.value == "major" and "quoted title" in finding.message


def test_a_demonym_of_a_country_the_source_never_names_replaces_its_name():
    # Portuguese writes demonyms in lower case ("os russos"): the back-translation vouches for it all the same
    source = "A Austrália devia dizer aos EUA que não aceitará este cenário."
    forward = "Australia should tell the US that it will not accept this scenario."
    target = "The Russians should be saying to the US that they will have none of this."
    back = "Os russos devem estar a dizer aos EUA que não terão nada disso."
    [finding] = run(source, target, back, forward)
    assert finding.severity.value == "critical" and "Austrália" in finding.message
    assert target[slice(*finding.target_span)] == "Russians"
    # the demonym of a country the source names is a translator's wording
    source = "Os EUA deviam dizer à Rússia que não aceitarão este cenário."
    forward = "The US should tell Russia that it will not accept this scenario."
    target = "The US should be saying to the Russians that it will have none of this."
    back = "Os EUA devem estar a dizer aos russos que não terão nada disso."
    assert run(source, target, back, forward) == []
    source = "As revelações do antigo analista da NSA apontam para uma crise entre a Europa e os EUA."
    forward = "The revelations of the former NSA analyst point to a crisis between Europe and the US."
    target = "The revelations of the former American contractor point to a crisis between Europe and the US."
    back = "As revelações do antigo empreiteiro americano apontam para uma crise entre a Europa e os EUA."
    assert run(source, target, back, forward) == []


def test_a_dateline_whose_place_the_translation_never_mentions():
    source = "PARIS – O mundo assistiu recentemente a uma rápida sucessão de esforços para desacreditar Israel."
    forward = "PARIS - The world has recently witnessed a rapid succession of efforts to discredit Israel."
    target = "(Reuters) – The world has recently seen a rapid succession of efforts to delegitimize Israel."
    back = "(Reuters) - O mundo viu recentemente uma rápida sucessão de esforços para deslegitimar Israel."
    dateline, agency = run(source, target, back, forward)
    assert dateline.severity.value == "critical" and source[slice(*dateline.source_span)] == "PARIS"
    # the agency the source never names is a name added outright: major
    assert agency.severity.value == "major" and target[slice(*agency.target_span)] == "Reuters"
    kept = "PARIS – The world has recently seen a rapid succession of efforts to delegitimize Israel."
    assert run(source, kept, "PARIS - " + back[12:], forward) == []


def test_one_place_put_for_another_in_lower_case_is_critical():
    """Portuguese writes demonyms in lower case: no capitalised name to compare, but the places
    they say differ in both languages."""
    source = "Swedish exports rose sharply."
    forward = "As exportações suecas aumentaram acentuadamente."
    target = "As exportações russas aumentaram acentuadamente."
    back = "Russian exports rose sharply."
    [finding] = run(source, target, back, forward, source_lang="en", target_lang="pt")
    assert finding.severity.value == "critical" and finding.message == "source mentions Swedish, translation has russas instead"
    assert target[slice(*finding.target_span)] == "russas" and source[slice(*finding.source_span)] == "Swedish"
    faithful = "As exportações suecas aumentaram acentuadamente."
    assert run(source, faithful, "Swedish exports rose sharply.", forward, source_lang="en", target_lang="pt") == []


def _direct(source, target, source_lang="en", target_lang="es"):
    ctx = make_ctx(target, source=source, back="", forward=None, source_lang=source_lang, target_lang=target_lang)
    return [(f.severity.value, f.message) for f in EntityMismatch().run(ctx)]


def test_without_a_model_a_person_the_draft_has_no_word_of_is_lost_and_a_surname_alone_is_left_alone():
    source = "Rangers substitute Glenn Middleton claimed a late penalty."
    assert _direct(source, "El suplente del Rangers reclamó un penalti tardío.") == [
        ("critical", "source names Glenn Middleton; the translation has no word of that name")
    ]
    assert _direct(source, "El suplente del Rangers, Glenn Middleton, reclamó un penalti tardío.") == []
    assert _direct(source, "El suplente Middleton reclamó un penalti tardío.") == []
    assert _direct("Middleton claimed a late penalty.", "Él reclamó un penalti tardío.") == []


def test_a_place_only_the_source_before_names_is_a_reference_made_explicit_not_invented():
    # NTREX line 622 (en→pt-BR): the article named Chile and Bolivia in the lines before
    source = "The two countries have not exchanged ambassadors since 1962."
    target = "Desde 1962, não existem embaixadores chilenos na Bolívia e vice-versa."
    back = "Since 1962, there have been no Chilean ambassadors in Bolivia and vice versa."
    forward = "Os dois países não trocaram embaixadores desde 1962."
    ctx = make_ctx(target, source=source, back=back, forward=forward, source_lang="en", target_lang="pt")
    [invented] = EntityMismatch().run(ctx)
    assert (invented.severity.value, invented.message) == (
        "critical", "translation names Bolívia, a place the source never mentions"
    )
    before = "Bolivia took Chile to the International Court of Justice. Chile lost its coastline in a war."
    [explicit] = EntityMismatch().run(replace(ctx, source_before=before))
    assert (explicit.severity.value, explicit.message) == (
        "major", "translation names Bolívia, which the source names only before this segment"
    )
    assert target[slice(*explicit.target_span)] == "Bolívia"
    # text before that names other places vouches for nothing
    [still] = EntityMismatch().run(replace(ctx, source_before="Peru and Ecuador signed a treaty."))
    assert still.severity.value == "critical"
    # with no model, where places are compared across languages, the text before vouches the same
    direct = replace(ctx, back_translation="", forward_translation=None)
    assert [f.severity.value for f in EntityMismatch().run(direct)] == ["critical"]
    assert [f.severity.value for f in EntityMismatch().run(replace(direct, source_before=before))] == ["major"]


def test_without_a_model_places_are_compared_across_languages_and_other_names_left_alone():
    assert _direct("Germany and Finland disagree.", "Alemania y Finlandia no están de acuerdo.") == []
    assert _direct("Germany and Finland disagree.", "Alemania y Suecia no están de acuerdo.") == [
        ("critical", "source names Finland, translation has Suecia instead")
    ]
    # a place the source never mentions, not even by its demonym, is invented
    assert _direct("The talks were held on Monday.", "Las conversaciones se celebraron el lunes en Finlandia.") == [
        ("critical", "translation names Finlandia, a place the source never mentions")
    ]
    assert _direct("The Finnish talks were held on Monday.", "Las conversaciones en Finlandia fueron el lunes.") == []
    # a translated name of a body or a prize is no evidence without a model: "Óscar" for "Academy Awards"
    assert _direct("She won two Academy Awards.", "Ganó dos premios Óscar.") == []


ONE_SCRIPT = [  # source, a faithful Spanish draft, a stretch of it replaced, by what, the names reported
    # a name translators keep, put for another
    ("On Thursday, Mike Pompeo told the Security Council that sanctions must continue.",
     "El jueves, Mike Pompeo dijo al Consejo de Seguridad que las sanciones deben seguir.",
     "Mike Pompeo", "Theresa May", ("Mike Pompeo", "Theresa May")),
    # a name the draft's lexicon reads as a name through and through, though English knows "lawless"
    ("Celebrity stylist Luke Armitage told FEMAIL that he expects large hats next summer.",
     "El estilista de famosos Luke Armitage dijo a FEMAIL que espera sombreros grandes el próximo verano.",
     "Luke Armitage", "Steven Lawless", ("Luke Armitage", "Steven Lawless")),
    # two people's names of like shape are no cognates of each other: alike word by word or not at all
    ("The statement was criticised by former White House press secretary Ari Fleischer.",
     "La declaración fue criticada por el antiguo secretario de prensa de la Casa Blanca, Ari Fleischer.",
     "Ari Fleischer", "Alisson Becker", ("Ari Fleischer", "Alisson Becker")),
    # a name whose words are half titles ("Prime Minister") is lost when the words a translator keeps
    # are: the titles match across the languages, the person's name does not
    ("On Sunday, Prime Minister Zoran Zaev said the vote would go ahead.",
     "El domingo, el primer ministro Zoran Zaev dijo que la votación seguiría adelante.",
     "Zoran Zaev", "Jeff Blake", ("Prime Minister Zoran Zaev", "Jeff Blake")),
    ("On Sunday, Prime Minister Zoran Zaev said the vote would go ahead.",
     "El domingo, el Primer Ministro Zoran Zaev dijo que la votación seguiría adelante.",
     "Zoran Zaev", "Jeff Blake", ("Prime Minister Zoran Zaev", "Primer Ministro Jeff Blake")),
    # one name in two forms is alike in every word a translator keeps, not just in the shorter name's
    ("The talks will improve ties between Macedonia and its neighbours.",
     "Las conversaciones mejorarán los lazos entre Macedonia y sus vecinos.",
     "Macedonia", "Blair Macpherson", ("Macedonia", "Blair Macpherson")),
    # a word opening the source's sentence that English also has in lower case ("trump") is a name
    # when the draft puts a new one in its place
    ("Trump said it in his mock news anchor voice.",
     "Trump lo dijo con su voz burlona de presentador de noticias.",
     "Trump", "Ryan Kent", ("Trump", "Ryan Kent")),
    # an acronym is localised and no evidence of a new name, but one the draft has in no form is lost
    ("Flake said the FBI would look into the allegations.", "Flake dijo que el FBI investigaría las acusaciones.",
     "el FBI", "Mathew Ryan", ("FBI", "Mathew Ryan")),
]


@pytest.mark.parametrize("source, faithful, old, new, names", ONE_SCRIPT)
def test_without_a_model_a_name_translators_keep_put_for_another_is_critical(source, faithful, old, new, names):
    _assert_only_the_replacement_is_critical(source, faithful, old, new, names, "es")


def _assert_only_the_replacement_is_critical(source, faithful, old, new, names, target_lang):
    """The faithful draft passes; with ``old`` replaced by ``new``, the pair ``names`` is the one critical finding."""
    said = "source names {}, translation has {} instead".format(*names)
    _assert_only_critical(source, faithful, old, new, said, target_lang)


def _assert_only_critical(source, faithful, old, new, said, target_lang="es"):
    """The faithful draft passes; with ``old`` replaced by ``new``, ``said`` is the one critical finding."""
    assert _direct(source, faithful, target_lang=target_lang) == []
    assert _direct(source, faithful.replace(old, new), target_lang=target_lang) == [("critical", said)]


def test_without_a_model_places_and_names_each_language_writes_its_own_way():
    # a known place the source never mentions, put for a name: "Harvard" → "Nueva York"
    assert _direct("Harvard students take a course in sleep.", "Estudiantes de Nueva York hacen un curso sobre el sueño.") == [
        ("critical", "source names Harvard, translation has Nueva York instead")
    ]
    # a word opening a sentence set off by a comma is no name, whatever the draft holds: "Ryan Kent"
    # is put for no name of the source, only made up
    assert _direct("Sadly, he said it in his mock voice.", "Ryan Kent lo dijo con su voz burlona.") == [
        ("critical", "translation names Ryan Kent, which the source has in no form")
    ]
    # names each language writes its own way are no replacement: a body translated, a cognate, the
    # draft language's own form of a name ("Escocia", which only Spanish knows)
    assert _direct("The Labour Party met in Catalonia.", "El Partido Laborista se reunió en Cataluña.") == []
    assert _direct("The storm reached New York on Monday.", "La tormenta llegó a Nueva York el lunes.") == []
    assert _direct("The game was played in Scotland.", "El partido se jugó en Escocia.") == []


def test_without_a_model_a_body_is_new_only_where_the_source_names_no_body_to_render():
    # the source names a person and nothing a body could render: the body is put for the person
    source = "The leak came after the three senators had questioned Kavanaugh."
    draft = "La filtración se produjo después de que los tres senadores interrogaran a Kavanaugh."
    said = "source names Kavanaugh, translation has Policía Nacional instead"
    _assert_only_critical(source, draft, "Kavanaugh", "Policía Nacional", said)
    # an acronym spelt out, and a body holding a kept word or a place, are renderings
    spelt_out = "En cuanto a la Fundación Nacional para la Ciencia, invierte en investigación."
    assert _direct("As for the NSF, it invests in research.", spelt_out) == []
    cup = "Los Rangers llegaron a la final de la Copa de la Liga."
    assert _direct("The Rangers reached the Betfred Cup final.", cup) == []
    assert _direct("She showed it at Paris Fashion Week.", "Lo mostró en la Semana de la Moda de París.") == []
    # a name the draft already has by its kept words alone leaves no body to render it
    source = "Raymond So helped Professor Czeisler design the course during his first year at Harvard."
    draft = "Raymond So ayudó al profesor Czeisler a diseñar el curso durante su primer año en Harvard."
    said = "source names Harvard, translation has Inteligencia Artificial instead"
    _assert_only_critical(source, draft, "Harvard", "Inteligencia Artificial", said)
    # English capitalises what Spanish writes in one word or in lower case: a body of an English
    # draft is no evidence ("Óscar" is the Academy Awards)
    assert _direct("Ganó un Óscar en 2010.", "She won an Academy Awards prize in 2010.", "es", "en") == []


def test_without_a_model_a_person_the_source_never_names_is_invented():
    # "Green Party" is half found ("Partido"), so it cannot be shown lost; the person put for it is made up
    source = "The Labour Party was not the first, with the Green Party pledging a shorter week."
    draft = "El Partido Laborista no fue el primero: el Partido Verde ya prometió una semana más corta."
    said = "translation names Mike Trudell, which the source has in no form"
    _assert_only_critical(source, draft, "el Partido Verde", "Mike Trudell", said)
    # a full name for a surname the source has, and a body's name, are no invention
    assert _direct("Trump spoke on Monday.", "Donald Trump habló el lunes.") == []
    assert _direct("The party met on Monday.", "El Partido Verde se reunió el lunes.") == []


ACROSS_SCRIPTS = [  # source, a faithful Greek draft, a stretch of it replaced, by what, the names reported
    # a person's name transliterated
    ("On Thursday, Mike Pompeo told the Security Council that sanctions must continue.",
     "Την Πέμπτη, ο Μάικ Πομπέο είπε στο Συμβούλιο Ασφαλείας ότι οι κυρώσεις πρέπει να συνεχιστούν.",
     "Μάικ Πομπέο", "Τερέζα Μέι", ("Mike Pompeo", "Τερέζα Μέι")),
    # Greek writes a foreign "w" and "b" its own way: "Ουίλομπι" is Willoughby
    ("Holly Willoughby left the show on Monday.", "Η Χόλι Ουίλομπι αποχώρησε από την εκπομπή τη Δευτέρα.",
     "Η Χόλι Ουίλομπι", "Ο Πολ Μπαρέιρα", ("Willoughby", "Πολ Μπαρέιρα")),
    # a name Greek keeps in Latin letters, beside an acronym in Greek letters ("ΝΑΤΟ")
    ("According to a YouGov poll for NATO, 75 per cent agreed.",
     "Σύμφωνα με δημοσκόπηση της YouGov για το ΝΑΤΟ, το 75% συμφώνησε.", "YouGov", "Τζον Σνόου",
     ("YouGov", "Τζον Σνόου")),
    # a person's name, words the lexicon reads as names ("Τζον" is known), pairs with any lost name
    ("Speaking to the Sunday Times, the actor said something had gone wrong.",
     "Μιλώντας στους Sunday Times, ο ηθοποιός είπε ότι κάτι πήγε στραβά.", "στους Sunday Times", "στον Τζον Σνόου",
     ("Times", "Τζον Σνόου")),
    # a name holding a known place the source never mentions: "Νοτιοδυτική Κίνα" is in China
    ("According to Reuters, the storm weakened overnight.",
     "Σύμφωνα με το Reuters, η καταιγίδα εξασθένησε κατά τη διάρκεια της νύχτας.", "το Reuters", "τη Νοτιοδυτική Κίνα",
     ("Reuters", "Νοτιοδυτική Κίνα")),
    # ...or a known place alone, against a lost name of words translators translate
    ("He spoke on Morning Edition about the vote.", "Μίλησε στην εκπομπή Morning Edition για την ψηφοφορία.",
     "Morning Edition", "Μεξικό", ("Morning Edition", "Μεξικό")),
    # ...or a name in Latin letters the source does not have
    ("He told The Guardian that the plan had failed.", "Είπε στην εφημερίδα Guardian ότι το σχέδιο απέτυχε.",
     "Guardian", "Financial Times", ("Guardian", "Financial Times")),
    # a word ending in a letter no Greek word ends in is borrowed, though the lexicon knows "κουπ" (coup)
    ("The prize went to Meryl Streep on Sunday.", "Το βραβείο πήγε στη Μέριλ Στριπ την Κυριακή.",
     "στη Μέριλ Στριπ", "στον Μάικ Κουπ", ("Meryl Streep", "Μάικ Κουπ")),
    # a name of words a translator translates is lost when half its words are unheard: "Global" in
    # another name vouches for no "Global Citizen Festival"
    ("The Global Citizen Festival is part of the Global Poverty Project.",
     "Το Global Citizen Festival είναι μέρος του Global Poverty Project.", "Global Citizen Festival", "Τζέιμς Μπλαντ",
     ("Global Citizen Festival", "Τζέιμς Μπλαντ")),
    # a person's name of a short word and a long one ("Έμμα", one consonant, is not compared by sound)
    ("He thanked Save the Children for its help.", "Ευχαρίστησε την Save the Children για τη βοήθειά της.",
     "την Save the Children", "την Έμμα Τόμσον", ("Save the Children", "Έμμα Τόμσον")),
    # a name telling of a replacement, left over, was put for a word opening a source sentence that
    # English has as a word ("trump")
    ("Trump said the talks had failed.", "Ο Τραμπ είπε ότι οι συνομιλίες απέτυχαν.", "Ο Τραμπ", "Ο Σκοτ Πέλεϊ",
     ("Trump", "Σκοτ Πέλεϊ")),
    # a word rendering one name vouches for no other that shares its two consonants: "Yandhi" is no "Night"
    ("He sang Night Moves before his album Yandhi.", "Τραγούδησε το Night Moves πριν από το άλμπουμ του Yandhi.",
     "Night Moves", "Μάικλ Τζάκσον", ("Night Moves", "Μάικλ Τζάκσον")),
    # an acronym's letters read as consonants sound like anything: "MAGA" (m-g) is not heard in "Κίνας" (k-n-s)
    ("He wore a MAGA hat at the rally on Friday.", "Φόρεσε ένα καπέλο MAGA στη συγκέντρωση την Παρασκευή.",
     "καπέλο MAGA", "καπέλο της Νοτιοδυτικής Κίνας", ("MAGA", "Νοτιοδυτικής Κίνας")),
    # a key of two consonants near one of three is heard only when the words are alike in letters too:
    # "Game" (g-m) is no "Κάνσας" (k-n-s)
    ("The Game of Thrones star Kit Harington spoke on Monday.",
     "Ο σταρ του Game of Thrones, Κιτ Χάρινγκτον, μίλησε τη Δευτέρα.", "Game of Thrones", "Κάνσας Σίτι",
     ("Game of Thrones", "Κάνσας Σίτι")),
    # a person's name of syllables too short to sound ("Κάι-Φου Λι") is compared by letters: the faithful
    # "Κάι-Φου Λι" for "Kai-Fu Lee" is heard, put for another name it is new
    ("Kai-Fu Lee praised the Ryder Cup on Sunday.", "Ο Κάι-Φου Λι επαίνεσε το Ryder Cup την Κυριακή.",
     "το Ryder Cup", "τον Γου Λι", ("Ryder Cup", "Γου Λι")),
    # a name in the source's letters the source lacks is new, though its words are too short to sound
    ("A party source told The Sunday Times that a review was expected.",
     "Πηγή του κόμματος δήλωσε στους Sunday Times ότι αναμένεται αναθεώρηση.", "στους Sunday Times", "στο The Hill",
     ("Times", "The Hill")),
]
GLOSSED = [  # needs a FreeDict Greek-English dictionary: a body in Greek words put for a kept name
    # "Κεντρική Τράπεζα" (central bank) renders nothing the source says; "Επιτροπή Δικαιοσύνης" renders a committee
    ("Reuters reported that the Judiciary Committee will vote on Thursday.",
     "Το Reuters ανέφερε ότι η Επιτροπή Δικαιοσύνης θα ψηφίσει την Πέμπτη.", "Το Reuters", "Η Κεντρική Τράπεζα",
     ("Reuters", "Κεντρική Τράπεζα")),
    # an acronym spelt out is rendered (World Health Organization); another body put for it is not
    ("The WHO warned on Monday that cases were rising.",
     "Ο Παγκόσμιος Οργανισμός Υγείας προειδοποίησε τη Δευτέρα ότι τα κρούσματα αυξάνονται.",
     "Ο Παγκόσμιος Οργανισμός Υγείας", "Η Κεντρική Τράπεζα", ("WHO", "Κεντρική Τράπεζα")),
]


@pytest.mark.parametrize("source, faithful, old, new, names", ACROSS_SCRIPTS)
def test_without_a_model_names_are_compared_across_scripts_by_sound(source, faithful, old, new, names):
    _assert_only_the_replacement_is_critical(source, faithful, old, new, names, "el")


@pytest.mark.skipif(glossary("el") is None, reason="no FreeDict Greek-English dictionary (dict-freedict-ell-eng)")
@pytest.mark.parametrize("source, faithful, old, new, names", GLOSSED)
def test_without_a_model_a_body_that_renders_nothing_of_the_source_replaces_a_kept_name(source, faithful, old, new, names):
    _assert_only_the_replacement_is_critical(source, faithful, old, new, names, "el")


def test_across_scripts_a_person_the_source_has_in_no_form_is_invented():
    # no name of the source is lost, yet a person none of whose words the source sounds is made up
    source = "The actor won an Emmy for the role on Sunday."
    faithful = "Ο ηθοποιός κέρδισε ένα Emmy για τον ρόλο την Κυριακή."
    said = "translation names Κόνορ Γκόλντσον, which the source has in no form"
    _assert_only_critical(source, faithful, "Ο ηθοποιός", "Ο Κόνορ Γκόλντσον", said, "el")
    # a surname added to a first name the source has is no invention: "Χόλλυ", too short to sound, is spelt "Holly"
    source = "Truly was by far the top of Holly's priorities."
    draft = "Η Truly ήταν μακράν η κορυφαία προτεραιότητα της Χόλλυ Ουίλομπι."
    assert _direct(source, draft, target_lang="el") == []


def test_across_scripts_a_name_whose_kept_words_are_heard_is_not_lost_for_its_title():
    # "Prime Minister" is translated ("πρωθυπουργός"); "Theresa", a word translators keep, is heard
    source = "Britain's Prime Minister Theresa May left for the Conservative Party Conference in Birmingham, Britain, on Monday."
    draft = ("Η πρωθυπουργός της Βρετανίας Τερέζα Μέι αναχώρησε για το Συνέδριο του Συντηρητικού Κόμματος στο Μπέρμινχαμ, "
             "στη Βρετανία, τη Δευτέρα.")
    assert _direct(source, draft, target_lang="el") == []


def test_across_scripts_a_body_translated_and_a_declined_month_are_no_names():
    ctx = make_ctx("Το Συμβούλιο Ασφαλείας συνεδρίασε τον Οκτώβριο.", source="The Security Council met in October.",
                   back="", forward=None, source_lang="en", target_lang="el")
    assert list(EntityMismatch().run(ctx)) == []


def test_a_body_each_model_translates_rendered_otherwise_is_major_and_a_kept_name_replaced_is_critical():
    source = "The Premier League and the Court of Appeal backed the Treasury."
    forward = "A Premier League e o Tribunal de Apelação apoiaram o Tesouro."  # "Treasury" translated
    target = "A Liga Inglesa e o Tribunal da Relação apoiaram o Ministério das Finanças."
    back = "The English League and the Court of Appeal supported the Ministry of Finance."
    found = run(source, target, back, forward, source_lang="en", target_lang="pt")
    assert found and all(f.severity.value == "major" for f in found)
    assert any("often translated freely" in f.message for f in found)
    # a name the model keeps as it is ("Home Office") has no free rendering: replaced, it is critical
    forward = "O Home Office rejeitou o pedido."
    [replaced] = run("The Home Office rejected the request.", "O Ministério da Defesa rejeitou o pedido.",
                     "The Ministry of Defence rejected the request.", forward, source_lang="en", target_lang="pt")
    assert replaced.severity.value == "critical" and "Home Office" in replaced.message


def test_a_name_opening_the_sentence_that_the_other_language_keeps_pairs_with_a_new_name():
    # "Ford" opens the sentence and English has the word "ford": a name only because the machine
    # translation keeps it as a word Spanish does not have. It pairs with a name the draft adds...
    source = "Ford also testified at the hearing about her allegation."
    forward = "Ford también testificó en la audiencia sobre su alegación."
    target = "Asimismo, Jack Jarvis testificó en la sesión sobre esta acusación."
    back = "Also, Jack Jarvis testified at the session on this accusation."
    [finding] = run(source, target, back, forward, source_lang="en", target_lang="es")
    assert finding.severity.value == "critical"
    assert (source[slice(*finding.source_span)], target[slice(*finding.target_span)]) == ("Ford", "Jack Jarvis")
    # ...but is never reported alone: a model also keeps words it cannot translate
    source = "Aftershocks continued to rock the coastal city on Saturday."
    forward = "Aftershocks continuaram a abalar a cidade costeira no sábado."
    target = "A cidade costeira continuou a ser abalada por réplicas no sábado."
    back = "The coastal city continued to be shaken by replicas on Saturday."
    assert run(source, target, back, forward, source_lang="en", target_lang="pt") == []
    # nor is a word the same text also writes in lower case, kept or not
    found = run("Uh, uh, what.", "Mmm, Mmm, ¿qué?", "Mmm, Mmm, what?", "Uh, uh, qué.", source_lang="en", target_lang="es")
    assert [f.message for f in found if f.severity.value == "critical"] == []


@pytest.mark.parametrize(
    ("code", "good", "bad"),
    [
        ("de", "Japan und China unterzeichneten am Montag ein Abkommen.", "Japan und Südkorea unterzeichneten am Montag ein Abkommen."),
        ("ja", "日本と中国は月曜日に協定に署名した。", "日本と韓国は月曜日に協定に署名した。"),
        ("zh", "日本和中国周一签署了协定。", "日本和韩国周一签署了协定。"),
    ],
)
def test_where_capitals_mark_no_names_places_are_compared_all_the_same(code, good, bad):
    # German capitalises every noun, Japanese and Chinese have no capitals: with a model or
    # without, only places are compared, looked up word by word or inside runs of letters
    source = "Japan and China signed an agreement on Monday."
    assert run(source, good, "", None, source_lang="en", target_lang=code) == []
    [finding] = run(source, bad, "", None, source_lang="en", target_lang=code)
    assert finding.severity.value == "critical"
    assert source[slice(*finding.source_span)] == "China"
    assert bad[slice(*finding.target_span)] in {"Südkorea", "韓国", "韩国"}
    with_model = run(source, bad, "Japan and Korea signed an agreement.", "x", source_lang="en", target_lang=code)
    assert [f.message for f in with_model] == [finding.message]


@pytest.mark.skipif(not part_and_whole("England", "Britain"), reason="WordNet (Debian wordnet-base) not installed")
def test_a_place_narrowed_to_one_within_it_is_major_and_a_place_put_for_another_critical():
    source = "Jones jetted out of Britain to head for one of his holiday homes."
    forward = "Jones saiu da Grã-Bretanha para ir para uma de suas casas de férias."
    target = "Jones resolveu sair da Inglaterra e viajou para uma de suas residências de férias."
    back = "Jones decided to leave England and traveled to one of his holiday homes."
    [narrowed] = run(source, target, back, forward, source_lang="en", target_lang="pt")
    assert narrowed.severity.value == "major" and "lies within" in narrowed.message
    # read the other way (an English draft), widened: the machine translation names the part
    [widened] = run("A polícia de Inglaterra investiga.", "The police in Britain are investigating.",
                    "A polícia na Grã-Bretanha está a investigar.", "England's police are investigating.",
                    source_lang="pt", target_lang="en")
    assert widened.severity.value == "major"
    [replaced] = run(source, target.replace("Inglaterra", "França"), back.replace("England", "France"), forward,
                     source_lang="en", target_lang="pt")
    assert replaced.severity.value == "critical" and "lies within" not in replaced.message
