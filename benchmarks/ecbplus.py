"""ECB+ documents as articles, with the story facts the pipeline's own per-article extraction finds in them.

Each document is parsed and extracted on its own, as `rashomon analyze` does (`annotate.extract_article`), so the
entities among its facts are the article's name keys, not ids resolved across the corpus. Parsed once, then cached
(benchmarks/.cache/, not committed) under a digest of the corpus, the model's name and the extractor's version, so a
changed corpus, model or extraction parses again.
"""

from __future__ import annotations

import json
import pickle
from dataclasses import dataclass
from pathlib import Path

from floors import corpus_digest
from rashomon.extract.annotate import EXTRACTOR_VERSION, extract_article
from rashomon.extract.nlp import LanguageModel
from rashomon.model import Article
from rashomon.settings import NlpSettings
from rashomon.stories.cluster import StoryFacts
from rashomon.text.spacing import OneSpaced

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "ecbplus" / "ecbplus_docs.jsonl"
CACHE = Path(__file__).with_name(".cache")


@dataclass(frozen=True, slots=True, kw_only=True)
class Ecbplus:
    articles: list[Article]
    facts: dict[str, StoryFacts]  # what the pipeline's extraction found in each article, on its own
    event: dict[str, str]  # article id -> gold event (subtopic)
    topic: dict[str, str]
    split: dict[str, str]


def extract_facts(articles: list[Article], model_name: str) -> dict[str, StoryFacts]:
    """Each article's story facts, parsed and extracted on its own exactly as the pipeline does."""
    model = LanguageModel(model_name)
    facts, failed = {}, 0
    for article, doc in zip(articles, model(OneSpaced(a.text).text for a in articles), strict=True):
        extracted = extract_article(article, doc)
        facts[article.id] = extracted.facts
        failed += bool(extracted.issues)
    if failed:
        print(f"{failed} documents had a failed extraction step (their part of the facts is empty)")
    return facts


def load() -> Ecbplus:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    articles = [Article(id=r["doc_id"], source="ecbplus", text=r["text"]) for r in rows]
    model_name = NlpSettings().model
    digest = corpus_digest([CORPUS])
    cache = CACHE / f"ecbplus-facts-per-article-{digest}-{model_name}-extractor{EXTRACTOR_VERSION}.pickle"
    if cache.exists():
        facts = pickle.loads(cache.read_bytes())
    else:
        print(f"parsing {len(articles)} ECB+ documents once (cached in {CACHE.name}/) ...", flush=True)
        facts = extract_facts(articles, model_name)
        CACHE.mkdir(exist_ok=True)
        cache.write_bytes(pickle.dumps(facts))
    return Ecbplus(
        articles=articles,
        facts=facts,
        event={r["doc_id"]: r["subtopic"] for r in rows},
        topic={r["doc_id"]: str(r["topic"]) for r in rows},
        split={r["doc_id"]: r["split"] for r in rows},
    )
