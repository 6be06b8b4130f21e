"""The language model: one spaCy pipeline, loaded once, that parses article texts into `Doc`s.

Paragraph breaks ("\n\n" in clean text) always start a sentence: flattened page text has no other reliable
boundary there, and a sentence never spans two paragraphs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

import numpy as np
import spacy
from spacy.attrs import IS_SPACE, LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Doc
from thinc.api import NumpyOps, get_current_ops, set_current_ops

from rashomon.extract.attribute_table import AttributeTable, UnsupportedPatternError
from rashomon.extract.embedding_cache import cache_pipeline_embeddings
from rashomon.extract.entity_decoder import EntityDecoder
from rashomon.extract.maxout import predict_maxout_faster
from rashomon.text.words import WORD_RUN

_PARAGRAPH_BREAKS = "rashomon_paragraph_breaks"
_TEXT = "rashomon_text"
# Documents whose entities are decoded together: the decoder's steps cost little more for many than for one.
_ENTITY_BATCH = 48


@Language.component(_PARAGRAPH_BREAKS)
def _paragraph_breaks(doc: Doc) -> Doc:
    for i in np.flatnonzero(line_breaks(doc)[:-1]).tolist():
        doc[i + 1].is_sent_start = True
    return doc


def line_breaks(doc: Doc) -> np.ndarray:
    """Whether each token is white space holding a line break, the end of a paragraph (a no-break space or a double
    space inside a line is not). The tokenizer splits where white space starts and ends, and a token's trailing
    white space is at most one space, so only white-space tokens are read."""
    breaks: np.ndarray = doc.to_array(IS_SPACE).astype(bool)
    for i in np.flatnonzero(breaks).tolist():
        breaks[i] = "\n" in doc[i].text
    return breaks


_CONTENT_POS = np.array([VERB, AUX, NOUN], dtype=np.uint64)
_LEMMA_CACHE_LIMIT = 200_000  # keys kept (a few MB); the cache starts afresh beyond it


class _ContentLemmas:
    """The lemmas the model's own lemmatizer gives verbs and nouns (those the attribute ruler left unset), read
    from and written to the document's arrays, each word form's lemma worked out once."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int, int], int] = {}
        # The lemmatizer's rules test candidate forms against each part of speech's word list: as sets, the same
        # answers without a scan of tens of thousands of words for every candidate.
        index = lemmatizer.lookups.get_table("lemma_index", {})
        for pos in list(index):
            index[pos] = frozenset(index[pos])

    def __call__(self, doc: Doc) -> None:
        values: Any = doc.to_array([POS, LEMMA, ORTH, MORPH])
        wanted = np.nonzero(np.isin(values[:, 0], _CONTENT_POS) & (values[:, 1] == 0))[0]
        if not len(wanted):
            return
        if len(self.cache) > _LEMMA_CACHE_LIMIT:
            self.cache.clear()
        for row in wanted.tolist():
            pos, _, orth, morph = values[row].tolist()
            lemma = self.cache.get((orth, pos, morph))
            if lemma is None:
                lemma = doc.vocab.strings.add(self.lemmatizer.rule_lemmatize(doc[row])[0])
                self.cache[orth, pos, morph] = lemma
            values[row, 1] = lemma
        doc.from_array([LEMMA], values[:, 1:2])


def _attribute_table(nlp: Any) -> AttributeTable | None:
    """The model's attribute ruler taken out of its pipeline and made a table, where its patterns allow."""
    if "attribute_ruler" not in nlp.pipe_names:
        return None
    try:
        table = AttributeTable(nlp.get_pipe("attribute_ruler").patterns, nlp.vocab)
    except UnsupportedPatternError:
        return None
    nlp.remove_pipe("attribute_ruler")
    return table


def _entity_decoder(nlp: Any) -> EntityDecoder | None:
    """The model's entity recogniser taken out of its pipeline and decoded a batch at a time, where it can be."""
    if "ner" not in nlp.pipe_names or nlp.pipe_names[-1] != "ner":
        return None  # a later component could read the entities
    decoder = EntityDecoder.of(nlp.get_pipe("ner"))
    if decoder is not None:
        nlp.remove_pipe("ner")
    return decoder


class ModelMissingError(RuntimeError):
    """The configured spaCy pipeline package is not installed."""


class LanguageModel:
    """A loaded spaCy pipeline; call it on texts to get parsed documents.

    Three components run outside spaCy's loop, with the same results: the attribute ruler as a table, the
    lemmatizer on verbs and nouns only, and the entity recogniser decoded a batch of documents at a time; the
    token embeddings are worked out once per distinct token (`embedding_cache`), and the maxout layers take their
    maxima alone (`maxout`)."""

    def __init__(self, name: str, batch_size: int = 16) -> None:
        # The model's layers multiply matrices with numpy's (OpenBLAS) rather than thinc's bundled BLIS: the same
        # results, and the token embeddings' products ran 1.6x faster (see docs/decisions.md).
        previous = get_current_ops()
        set_current_ops(NumpyOps(use_blis=False))
        try:
            self.nlp: Any = spacy.load(name)
        except OSError as error:
            raise ModelMissingError(
                f"The spaCy model {name!r} is not installed; install it with pip (see README.md)."
            ) from error
        finally:
            set_current_ops(previous)
        cache_pipeline_embeddings(self.nlp)
        predict_maxout_faster(self.nlp)
        if "parser" in self.nlp.pipe_names:
            self.nlp.add_pipe(_PARAGRAPH_BREAKS, before="parser")
        self._attributes = _attribute_table(self.nlp)
        # The extractors read the lemmas of verbs and nouns only; lemmatising every token cost a sixth of the parse.
        lemmatizer = self.nlp.remove_pipe("lemmatizer")[1] if "lemmatizer" in self.nlp.pipe_names else None
        self._lemmas = _ContentLemmas(lemmatizer) if lemmatizer is not None else None
        self._entities = _entity_decoder(self.nlp)
        self.name = name
        self.version = f"{name}-{self.nlp.meta.get('version', '?')}" + ("+content-lemmas" if self._lemmas else "")
        self.batch_size = batch_size

    def __call__(self, texts: Iterable[str]) -> Iterator[Any]:
        parsed = self.nlp.pipe(((text, text) for text in texts), batch_size=self.batch_size, as_tuples=True)
        while group := list(islice(parsed, _ENTITY_BATCH)):
            if self._entities is not None:
                self._entities([doc for doc, _ in group])
            for doc, text in group:
                doc.user_data[_TEXT] = text
                if self._attributes is not None:
                    self._attributes(doc)
                if self._lemmas is not None:
                    self._lemmas(doc)
                yield doc


def text_of(doc: Doc) -> str:
    """The text a document was parsed from (`Doc.text` joins every token anew at each read)."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return str(text)


def sentence_bounds(doc: Any, quoted: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Character ranges of the document's sentences, without surrounding white space.

    A boundary the model put inside quote marks ("Those people are heroes. Last night they saved lives," he said)
    is dropped, so a quoted utterance and its attribution stay one sentence.
    """
    bounds: list[tuple[int, int]] = []
    whole = text_of(doc)
    for sent in doc.sents:
        text = whole[sent.start_char : sent.end_char]
        lead = len(text) - len(text.lstrip())
        trail = len(text.rstrip())
        if trail <= lead:
            continue
        start, end = sent.start_char + lead, sent.start_char + trail
        if bounds and any(a < start <= b for a, b in quoted) and "\n" not in whole[bounds[-1][1] : start]:
            bounds[-1] = (bounds[-1][0], end)
        else:
            bounds.append((start, end))
    return bounds


def words(text: str) -> list[str]:
    """Lower-cased word tokens of a text (for keys and overlaps, not linguistics)."""
    return WORD_RUN.findall(text.lower())
