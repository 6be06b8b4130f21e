"""The attribute table gives every token what the model's own attribute ruler gives it."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from rashomon.extract.attribute_table import AttributeTable, UnsupportedPatternError
from rashomon.extract.nlp import LanguageModel
from rashomon.settings import NlpSettings

TEXTS = [
    "The governor said on Tuesday that 1,200 workers had been sent home, and they ain't coming back soon.",
    "Let's see what they're gonna do. Y'all got to wait. There is a bridge; there were two ships.  \n\nIt is done.",
    '"We will rebuild," she told reporters in Baltimore. C\'mon, gotta go! He gets it. I got it.',
    "",
]
COLUMNS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]


def test_the_table_equals_the_model_ruler_token_for_token() -> None:
    nlp = spacy.load(NlpSettings().model, exclude=["lemmatizer", "ner"])
    ruler = nlp.get_pipe("attribute_ruler")
    table = AttributeTable(ruler.patterns, nlp.vocab)
    with nlp.select_pipes(disable=["attribute_ruler"]):
        parsed = list(nlp.pipe(TEXTS))
    for doc in parsed:
        expected = ruler(doc.copy()).to_array(COLUMNS)
        ours = table(doc.copy())
        assert (ours.to_array(COLUMNS) == expected).all(), doc.text
    # the patterns of two tokens were applied: "gon na" is lemmatised "go" + "to" by the ruler alone
    gonna = table(parsed[1].copy())
    assert [t.lemma_ for t in gonna if t.lower_ in ("gon", "na")] == ["go", "to"]
    assert {t.pos_ for t in table(parsed[0].copy())} >= {"VERB", "PROPN", "NUM", "PUNCT"}


def test_a_pattern_the_table_cannot_read_is_refused() -> None:
    nlp = spacy.blank("en")
    with pytest.raises(UnsupportedPatternError):
        AttributeTable([{"patterns": [[{"ORTH": "x"}]], "attrs": {"POS": "X"}}], nlp.vocab)
    with pytest.raises(UnsupportedPatternError):
        AttributeTable([{"patterns": [[{"TAG": "NN"}]], "attrs": {"ENT_TYPE": "X"}}], nlp.vocab)


def test_the_language_model_runs_the_table_instead_of_the_ruler(language_model: LanguageModel) -> None:
    assert "attribute_ruler" not in language_model.nlp.pipe_names
    doc = next(language_model(["Officials said the ships were damaged."]))
    assert [t.pos_ for t in doc] == ["NOUN", "VERB", "DET", "NOUN", "AUX", "VERB", "PUNCT"]
    assert doc[1].lemma_ == "say"


def test_words_no_pattern_names_share_one_key() -> None:
    nlp = spacy.load(NlpSettings().model, exclude=["lemmatizer", "ner"])
    ruler = nlp.get_pipe("attribute_ruler")
    table = AttributeTable(ruler.patterns, nlp.vocab)
    with nlp.select_pipes(disable=["attribute_ruler"]):
        first, second = nlp.pipe(["The harbour pilot watched the tanker.", "The orchard farmer planted the pear."])
    assert [t.tag_ for t in first] == [t.tag_ for t in second]
    table(first.copy())
    known = len(table._matches)
    ours = table(second.copy())
    assert len(table._matches) == known  # other nouns and verbs than the first text's: no new key
    assert (ours.to_array(COLUMNS) == ruler(second.copy()).to_array(COLUMNS)).all()
