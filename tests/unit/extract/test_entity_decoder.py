"""The batch entity decoder sets the entities spaCy's own recogniser sets, token for token."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.attrs import ENT_IOB, ENT_TYPE

from rashomon.extract.entity_decoder import EntityDecoder
from rashomon.extract.nlp import LanguageModel
from rashomon.settings import NlpSettings
from tests.conftest import shared_path

TEXTS = [
    "Officials of the National Transportation Safety Board said on Tuesday that the ship Dali lost power at 1:25 a.m.",
    "Maryland Gov. Wes Moore told reporters in Baltimore that $60 million would reach the Port of Baltimore by May.",
    '"We will rebuild," said Pete Buttigieg, the U.S. Secretary of Transportation.\n\nThe Key Bridge carried 30,000 '
    "vehicles a day across the Patapsco River, according to the Maryland Transportation Authority.",
    "Armenian Prime Minister Nikol Pashinyan and Azerbaijan's President Ilham Aliyev met in Brussels on 14 May 2023.",
    "Apple",
    "   ",
    "",
    "The European Union's\nForeign Affairs Council  met\n\nin Luxembourg last week; Josep Borrell chaired it.",
    "UNICEF said 12 children, aged 3 to 17, were among the 1,400 people evacuated from Kherson since Friday.",
]
COLUMNS = [ENT_IOB, ENT_TYPE]


@pytest.fixture(scope="module")
def spacy_nlp() -> Any:
    return spacy.load(NlpSettings().model)


def _ours_and_spacys(spacy_nlp: Any, texts: list[str]) -> tuple[list[Any], list[Any]]:
    ner = spacy_nlp.get_pipe("ner")
    decoder = EntityDecoder.of(ner)
    assert decoder is not None
    with spacy_nlp.select_pipes(disable=["ner"]):
        parsed = list(spacy_nlp.pipe(texts))
    ours = [doc.copy() for doc in parsed]
    decoder(ours)
    return ours, list(ner.pipe(parsed))


def test_the_decoder_sets_the_recognisers_entities(spacy_nlp: Any) -> None:
    ours, spacys = _ours_and_spacys(spacy_nlp, TEXTS)
    for mine, theirs in zip(ours, spacys, strict=True):
        assert (mine.to_array(COLUMNS) == theirs.to_array(COLUMNS)).all(), mine.text
        assert [(e.start, e.end, e.label_) for e in mine.ents] == [(e.start, e.end, e.label_) for e in theirs.ents]
    found = {(e.text, e.label_) for doc in ours for e in doc.ents}
    assert ("Wes Moore", "PERSON") in found and ("Brussels", "GPE") in found
    assert all(len(doc.ents) == 0 for doc in ours if not doc.text.strip())


def test_the_decoder_matches_on_real_articles(spacy_nlp: Any) -> None:
    folder = shared_path("corpus", "polnear", "data")
    texts = [path.read_text(encoding="utf-8") for path in sorted(Path(folder).glob("*/text/*.txt"))[:60]]
    ours, spacys = _ours_and_spacys(spacy_nlp, texts)
    differing = [m.text[:60] for m, t in zip(ours, spacys, strict=True) if m.to_json()["ents"] != t.to_json()["ents"]]
    assert sum(len(doc.ents) for doc in ours) > 1000
    assert differing == []


def test_the_language_model_decodes_entities_itself(language_model: LanguageModel) -> None:
    assert "ner" not in language_model.nlp.pipe_names
    doc = next(language_model(["Officials in Baltimore said Wes Moore would visit the bridge."]))
    assert [(e.text, e.label_) for e in doc.ents] == [("Baltimore", "GPE"), ("Wes Moore", "PERSON")]


def test_a_recogniser_it_cannot_mirror_is_left_to_spacy() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe(
        "ner",
        config={
            "model": {
                "@architectures": "spacy.TransitionBasedParser.v2",
                "state_type": "ner",
                "extra_state_tokens": False,
                "hidden_width": 64,
                "maxout_pieces": 2,
                "use_upper": False,
            }
        },
    )
    nlp.get_pipe("ner").add_label("PERSON")
    nlp.initialize()
    assert EntityDecoder.of(nlp.get_pipe("ner")) is None
