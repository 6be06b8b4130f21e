"""ECB+ documents as articles, with the entities our extraction finds in them (parsed once, then cached).

The cache (benchmarks/.cache/, not committed) is keyed by a digest of the corpus and the model's name, so a changed
corpus or model parses again.
"""

from __future__ import annotations

import json
import pickle
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from floors import corpus_digest
from rashomon.extract.entities import find_mentions, resolve_entities
from rashomon.extract.nlp import LanguageModel
from rashomon.model import Article
from rashomon.settings import NlpSettings
from rashomon.stories.cluster import StoryFacts, story_facts

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "ecbplus" / "ecbplus_docs.jsonl"
CACHE = Path(__file__).with_name(".cache")


@dataclass(frozen=True, slots=True, kw_only=True)
class Ecbplus:
    articles: list[Article]
    facts: dict[str, StoryFacts]  # what the language model found, with the ids of the entities mentioned
    event: dict[str, str]  # article id -> gold event (subtopic)
    topic: dict[str, str]
    split: dict[str, str]


def load() -> Ecbplus:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    articles = [Article(id=r["doc_id"], source="ecbplus", text=r["text"]) for r in rows]
    model_name = NlpSettings().model
    cache = CACHE / f"ecbplus-facts-{corpus_digest([CORPUS])}-{model_name}.pickle"
    if cache.exists():
        facts = pickle.loads(cache.read_bytes())
    else:
        print(f"parsing {len(articles)} ECB+ documents once (cached in {CACHE.name}/) ...", flush=True)
        model = LanguageModel(model_name)
        docs = dict(zip((a.id for a in articles), model(a.text for a in articles), strict=True))
        mentions = [m for a in articles for m in find_mentions(docs[a.id], a.id)]
        found: dict[str, set[str]] = defaultdict(set)
        for entity in resolve_entities(mentions, {a.id: a.text for a in articles}):
            for mention in entity.mentions:
                found[mention.article].add(entity.id)
        facts = {a.id: story_facts(docs[a.id], found.get(a.id, ())) for a in articles}
        CACHE.mkdir(exist_ok=True)
        cache.write_bytes(pickle.dumps(facts))
    return Ecbplus(
        articles=articles,
        facts=facts,
        event={r["doc_id"]: r["subtopic"] for r in rows},
        topic={r["doc_id"]: str(r["topic"]) for r in rows},
        split={r["doc_id"]: r["split"] for r in rows},
    )
