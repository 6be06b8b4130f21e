"""Word tables of the comparison: words that carry no claim of their own (spaCy's English stop words and the
reporting verbs every news sentence has), and the words that describe and detect conflicts. Data only."""

from __future__ import annotations

from typing import Final

from spacy.lang.en.stop_words import STOP_WORDS

FUNCTION_WORDS: Final = frozenset(STOP_WORDS) | frozenset("said says say told according reported added".split())

# Verbs and nouns by which a sentence denies a claim ("the company denied that ...").
DENIAL_WORDS: Final = frozenset(
    "deny denies denied denying denial refute refutes refuted refuting rebut rebuts rebutted rebutting".split()
)
# Words that negate a clause.
NEGATIONS: Final = frozenset("not never no nobody none neither nor cannot".split())

# A conflict's description keeps the words two sentences share after the conflicting values ("were in the water
# after the bridge fell" -> "in the water"): auxiliaries that open the run are dropped, and it stops at a word
# that opens another clause or circumstance.
LEADING_AUXILIARIES: Final = frozenset("was were is are be been being had has have will would could may might".split())
CONTEXT_CUTS: Final = frozenset("after before when while as because since until though although and but , said".split())
# Words that cannot end a description ("in the").
PRE_NOMINAL_WORDS: Final = frozenset(
    "the a an of in on at to for by with from its their his her this that these those".split()
)

# Words that set what a figure counts over ("8,000 a day" against "2.9 million a year", "since January", "in total"):
# figures of sentences that use different ones measure different things.
SCOPE_WORDS: Final = frozenset(
    "day daily days week weekly weeks month monthly months year yearly years annual annually per each every "
    "total overall altogether cumulative since far hour hourly".split()
)

# Past forms of "be": after "and" they join a state to the subject ("but was under the control of"), no claim of
# their own.
BE_PAST: Final = frozenset({"was", "were", "been"})

# Irregular past forms of common news verbs (simple past first, then the participle where it differs).
_IRREGULAR_FORMS: Final = {
    "be": "was were been", "begin": "began begun", "break": "broke broken", "bring": "brought",
    "build": "built", "buy": "bought", "catch": "caught", "choose": "chose chosen", "come": "came",
    "do": "did done", "draw": "drew drawn", "drive": "drove driven", "eat": "ate eaten", "fall": "fell fallen",
    "feel": "felt", "fight": "fought", "find": "found", "flee": "fled", "fly": "flew flown",
    "forget": "forgot forgotten", "freeze": "froze frozen", "get": "got gotten", "give": "gave given",
    "go": "went gone", "grow": "grew grown", "have": "had", "hear": "heard", "hide": "hid hidden",
    "hold": "held", "keep": "kept", "know": "knew known", "lay": "laid", "lead": "led", "leave": "left",
    "lend": "lent", "lose": "lost", "make": "made", "mean": "meant", "meet": "met", "pay": "paid",
    "ride": "rode ridden", "rise": "rose risen", "run": "ran", "say": "said", "see": "saw seen",
    "seek": "sought", "sell": "sold", "send": "sent", "shake": "shook shaken", "shoot": "shot",
    "sink": "sank sunk", "speak": "spoke spoken", "spend": "spent", "stand": "stood", "steal": "stole stolen",
    "strike": "struck stricken", "swim": "swam swum", "take": "took taken", "teach": "taught",
    "tear": "tore torn", "tell": "told", "think": "thought", "throw": "threw thrown", "wake": "woke woken",
    "wear": "wore worn", "win": "won", "write": "wrote written",
}  # fmt: skip
# Each form -> the base form, so "took" meets "taken" and "take" when words around two figures are compared (regular
# forms meet by their stems).
IRREGULAR_VERBS: Final = {form: base for base, forms in _IRREGULAR_FORMS.items() for form in forms.split()}
# The simple past forms ("made", "took", not "taken"): after "and" they open a predicate of their own.
IRREGULAR_PAST: Final = frozenset(forms.split()[0] for forms in _IRREGULAR_FORMS.values())
