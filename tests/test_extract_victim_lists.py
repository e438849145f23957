"""People listed after a victim that the parser reads as an appositive ("his wife, son and
daughter", "Jane Roe, Jim King and Don Jay") are victims too, and so is each age of a plural
noun ("her twin sons, 15 and 16"); a name or a description renaming the victim is not."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsprism.annotate import load_pipeline
from newsprism.extract.figures_victims import singular_victims


@pytest.fixture(scope="module")
def parser() -> Language:
    return load_pipeline(parser=True)


# sentence, kind, the victims' total of that kind
LIST_ROWS = [
    # a list of relatives after one verb
    ("Deputies say a farmer shot and killed his wife, son and nephew on Sunday.", "killed", 3),
    ("Police say a woman killed her husband, son and mother at the house on Friday.", "killed", 3),
    # a list of names, the second read as the first one's appositive
    ("Jane Roe, Jim King and Don Jay were wounded in the crossfire.", "injured", 3),
    ("Jane Roe, 24, Jim King, 24, and Don Jay, 25, were wounded in the crossfire.", "injured", 3),
    # ... each name after the one before, with its age
    ("Jane Roe, 34, Jim King, 8, Ann Lee, 5, and Don Jay, 4, were found dead.", "killed", 4),
    ("Police say Ann Lee, 19, Jim King, 20, and Don Jay, 21, died at the farm.", "killed", 3),
    # ... or with "and" before the second name, whose age the parser hangs on it
    ("He is charged in the deaths of Ann Lee, 24 and Jim King, 23.", "killed", 2),
    ("Deputies said Ann Lee, 41 and Jim King, 39, were shot on the pier.", "shot", 2),
    # ... not a name renaming a person after "and"
    ("Ann Lee and the skipper, Jim King, were hurt in the squall.", "injured", 2),
    # ... not a name described by a phrase that holds names
    ("Police said Jane Roe, the mother of Jim King and Don Jay, was wounded.", "injured", 1),
    # a plural noun without a number, described by ages: one person per age
    ("Her twin sons, 15 and 16, were wounded near the bus depot.", "injured", 2),
    ("The remaining passengers, ages 31, 44 and 58, were hurt by flying glass.", "injured", 3),
    ("Deputies say a rancher shot and killed his sons, 9 and 14, near the barn.", "killed", 2),
    # ... a numbered group is left to the numbers
    ("Two welders, ages 33 and 47, were shot near the quarry gate.", "shot", 0),
    # a name renaming the victim counts once
    ("The man shot his daughter, Amy, in the arm before he fled.", "shot", 1),
    # a description renaming the victim counts once
    ("He killed his brother, a retired nurse, at the farm.", "killed", 1),
    # the one who starts shooting is not shot, but one who ends up shot is
    ("A man in a red cap started shooting near the ferry.", "shot", 0),
    ("The cadet ended up shooting himself in the garage.", "shot", 1),
    # nor is "anyone" a victim
    ("The deckhands asked if anyone was hurt on the quay.", "injured", 0),
]


@pytest.mark.parametrize(("sentence", "kind", "total"), LIST_ROWS)
def test_listed_victims(parser: Language, sentence: str, kind: str, total: int) -> None:
    victims = singular_victims(parser(sentence), set())
    assert sum(v.value for v in victims if v.kind == kind) == total


def test_of_two_subjects_the_nearer_renaming_one_is_the_victim(parser: Language) -> None:
    # the parse the small model gives "The driver of the skiff, the boy shot dead": two subjects
    # of one verb, the second renaming the first; only the nearer one is the victim
    words = ["The", "driver", "of", "the", "skiff", ",", "the", "boy", "shot", "dead", "."]
    doc = Doc(
        parser.vocab,
        words=words,
        heads=[1, 8, 1, 4, 2, 8, 7, 8, 8, 8, 8],
        deps=[
            "det",
            "nsubj",
            "prep",
            "det",
            "pobj",
            "punct",
            "det",
            "nsubj",
            "ROOT",
            "oprd",
            "punct",
        ],
        tags=["DT", "NN", "IN", "DT", "NN", ",", "DT", "NN", "VBD", "JJ", "."],
        pos=["DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "DET", "NOUN", "VERB", "ADJ", "PUNCT"],
        lemmas=["the", "driver", "of", "the", "skiff", ",", "the", "boy", "shoot", "dead", "."],
    )
    victims = singular_victims(doc, set())
    assert [(v.kind, v.value, v.phrase.text) for v in victims] == [("killed", 1, "the boy")]
