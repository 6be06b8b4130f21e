"""The one shared check that every span of a dossier gives back its text."""

from __future__ import annotations

from rashomon.dossier import Dossier


def assert_spans(dossier: Dossier) -> int:
    """Check ``text[start:end]`` for every annotation kind of the dossier (a caption time's in its caption); return how
    many spans were checked."""
    texts = {a.id: a.text for a in dossier.articles}
    captions = {a.id: a.captions for a in dossier.articles}
    checked = 0

    def check(article: str, start: int, end: int, expected: str | None = None, caption: int | None = None) -> None:
        nonlocal checked
        text = texts[article] if caption is None else captions[article][caption]
        assert 0 <= start < end <= len(text), (article, start, end)
        if expected is not None:
            assert text[start:end] == expected, (article, start, end, expected)
        checked += 1

    for quote in dossier.quotes:
        check(quote.article, quote.start, quote.end, quote.text)
        for span in (quote.speaker_span, quote.cue_span):
            if span is not None:
                check(span.article, span.start, span.end)
    for figure in dossier.figures:
        check(figure.article, figure.start, figure.end, figure.text)
    for time in dossier.times:
        check(time.article, time.start, time.end, time.text, time.caption)
    for entity in dossier.entities:
        for mention in entity.mentions:
            check(mention.article, mention.start, mention.end)
            if mention.refers_to_name:
                surface = texts[mention.article][mention.start : mention.end]
                assert surface[:1].isalnum(), (entity.name, surface)
    for story in dossier.stories:
        for statement in story.statements:
            for source in statement.sources:
                check(source.article, source.start, source.end)
            first = statement.sources[0]
            assert texts[first.article][first.start : first.end] == statement.text
    return checked
