"""Tests for cleaning: hand-built page texts and pages into articles, line classes, relays and outlets."""

from __future__ import annotations

import pytest

from rashomon.clean.article import clean, find_relays, site_of
from rashomon.clean.lines import document_counts, text_line_keys
from rashomon.clean.page_text import classify_line, page_lines, page_parts
from rashomon.model import Article, RawDocument, Rejected

TITLE = "Harbour bridge reopens after two-year repair"
CAPTION = "Engineers walk the new steel deck (L) beside the rebuilt ramp. Photo: Jane Roe / EXAMPLE PRESS"
BODY = [
    "The harbour bridge reopened to traffic on Tuesday morning after a repair programme that lasted two years.",
    "City officials said the final cost came to 41 million dollars, about a fifth more than first planned.",
    "Commuters who had relied on ferries during the closure queued before dawn to be among the first across.",
    "The transport department expects about 30,000 vehicles a day to use the bridge by the end of the month.",
]
PAGE = "\n".join(
    [
        "News ID: 48213",
        "Published: March 26, 2024 09:40 EDT",
        TITLE,
        TITLE,
        CAPTION,
        BODY[0],
        BODY[1],
        "Advertisement",
        BODY[2],
        BODY[3],
        "By Jane Roe",
        "We have a small favour to ask. Thousands rely on our reporting, and each donation keeps it free for all.",
        "Read more",
        "Remind me later.",
        "Support The Example Post!",
    ]
)
DEBRIS = ("News ID", "Published:", "Photo:", "(L)", "Advertisement", "By Jane Roe", "favour", "Read more", "Remind")


def page(content: str, kind: str = "text", **given: str) -> Article:
    result = clean(RawDocument(id="p1", source="in/p1", kind=kind, content=content, **given))  # type: ignore[arg-type]
    assert isinstance(result, Article), result
    return result


def test_page_text_is_split_into_body_and_metadata() -> None:
    article = page(PAGE)
    assert article.title == TITLE
    assert article.text.split("\n\n") == BODY
    assert article.text.startswith(BODY[0])
    assert article.text.endswith(BODY[3])
    assert not [word for word in DEBRIS if word in article.text]
    assert article.captions == (CAPTION,)
    assert article.published == "2024-03-26T09:40:00-04:00"
    assert article.outlet == "The Example Post"
    assert article.byline == "Jane Roe"
    assert article.relays == ()
    assert (article.id, article.source) == ("p1", "in/p1")


def test_body_runs_from_first_to_last_sentence_line_and_keeps_short_lines_inside() -> None:
    text = "\n".join(["Menu", TITLE, BODY[0], BODY[1], "Tolls and timetables", BODY[2], BODY[3], "Share on Facebook"])
    article = page(text)
    assert article.text.split("\n\n") == [BODY[0], BODY[1], "Tolls and timetables", BODY[2], BODY[3]]


RELAY_CASES = [
    ("The Associated Press reported that the talks had stalled late on Monday evening.", ("The Associated Press",)),
    ("LONDON (Reuters) - The central bank held its main rate steady on Thursday, as markets expected.", ("Reuters",)),
    ("Three people were hurt in the blast, according to AFP, which cited a local hospital.", ("Agence France-Presse",)),
    ("LONDON (Example Wire) — Ministers met for six hours on Thursday without reaching a deal.", ("Example Wire",)),
    ("MOSCOW, March 26 (Reuters) - Officials said on Tuesday that new rules would apply next month.", ("Reuters",)),
    ("PARIS (AP) — The strike closed schools, and Reuters reported long queues.", ("The Associated Press", "Reuters")),
    ("CRESTMOOR, Pa. (Lakeshore Wire) — A commuter train left the rails near the junction.", ("Lakeshore Wire",)),
    ("DALLAS, Texas, March 3 (Example Wire) - The storm closed two highways overnight.", ("Example Wire",)),
    ("WASHINGTON — The Senate passed the bill late on Tuesday by a narrow margin of two votes.", ()),
    ("Dallas, Texas (Example Wire) - A dateline not in capitals is no dateline.", ()),
    ("The happy map showed several roads closed by the storm overnight, officials said.", ()),
    ("The deal, first reported by the Financial Times, is worth two billion euros.", ()),
]


@pytest.mark.parametrize(("body", "relays"), RELAY_CASES)
def test_find_relays(body: str, relays: tuple[str, ...]) -> None:
    assert find_relays(body) == relays


def test_relays_of_a_cleaned_page_come_from_its_body() -> None:
    text = "\n".join(
        [
            TITLE,
            "LONDON (Example Wire) — " + BODY[0],
            BODY[1],
            "The Associated Press reported that two lanes would stay shut until May.",
        ]
    )
    assert page(text).relays == ("Example Wire", "The Associated Press")


def test_photo_credit_to_a_wire_service_is_not_a_relay() -> None:
    caption = "A crane lifts a section of the deck into place. Photo: Ivan Petrov / TASS"
    article = page("\n".join([TITLE, caption, BODY[0], BODY[1]]))
    assert article.captions == (caption,)
    assert "TASS" not in article.text
    assert article.relays == ()


@pytest.mark.parametrize(
    ("masthead", "elsewhere", "outlet"),
    [
        ("EXAMPLE POST", "This story first ran in the Example Post weekend edition for our readers.", "Example Post"),
        ("THE NEWSDESK", "Readers of The NewsDesk can send tips to the newsroom by email or by post.", "The NewsDesk"),
        ("EXAMPLE POST", "Readers can send tips to the newsroom by email or by post at any time.", "Example Post"),
    ],
)
def test_all_caps_masthead_outlet_in_the_case_written_elsewhere(masthead: str, elsewhere: str, outlet: str) -> None:
    article = page("\n".join([masthead, TITLE, BODY[0], elsewhere]))
    assert article.outlet == outlet
    assert masthead not in article.text


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Copyright 2024 Example Courier Media Group", "Example Courier"),
        ("Subscribe to the Example Courier newsletter", "Example Courier"),
        ("The journalists of Example Courier need your help.", "Example Courier"),
    ],
)
def test_outlet_from_footer_clues(line: str, outlet: str) -> None:
    assert page("\n".join([TITLE, BODY[0], BODY[1], line])).outlet == outlet


@pytest.mark.parametrize(
    ("credit", "byline", "outlet", "published"),
    [
        ("By Anna Petrov | Valley Herald | 14 May 2025", "Anna Petrov", "Valley Herald", "2025-05-14"),
        ("North Post staff | May 14, 2025", "North Post staff", "North Post", "2025-05-14"),
        ("by Lena Ortiz — March 3, 2024", "Lena Ortiz", None, "2024-03-03"),
        ("Home | World | Sport | Weather", None, None, None),
    ],
)
def test_a_credit_line_above_the_body_gives_byline_outlet_and_date(
    credit: str, byline: str | None, outlet: str | None, published: str | None
) -> None:
    article = page("\n".join([TITLE, credit, BODY[0], BODY[1]]))
    assert (article.byline, article.outlet, article.published) == (byline, outlet, published)
    assert credit not in article.text


@pytest.mark.parametrize("content", ["One sentence only.", "  Body kept exactly,\n\nwith its own spacing.  \n"])
def test_body_kind_is_used_verbatim(content: str) -> None:
    article = page(content, kind="body")
    assert article.text == content
    assert (article.title, article.captions) == (None, ())


def test_given_metadata_wins_over_extracted() -> None:
    given = {"title": "Given title", "published": "2024-01-02T03:04:05Z", "outlet": "Given Outlet", "byline": "Ann Bee"}
    article = page(PAGE, **given, url="https://example.org/a")
    assert (article.title, article.published, article.outlet, article.byline, article.url) == (
        "Given title",
        "2024-01-02T03:04:05+00:00",
        "Given Outlet",
        "Ann Bee",
        "https://example.org/a",
    )
    assert article.text.split("\n\n") == BODY


@pytest.mark.parametrize(
    ("kind", "content", "words"),
    [
        ("text", "Home\nNews\nSport\nWeather\nContact us", "reads like article text"),
        ("text", " \n\n ", "empty"),
        ("body", "  \n ", "empty"),
        ("html", "<html><body><div></div></body></html>", "reads like article text"),
    ],
)
def test_input_without_article_text_is_rejected(kind: str, content: str, words: str) -> None:
    result = clean(RawDocument(id="x", source="dir/x", kind=kind, content=content))  # type: ignore[arg-type]
    assert isinstance(result, Rejected)
    assert result.input.startswith("dir/x")
    assert words in result.reason


HTML = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{TITLE} | The Example Post</title>
<meta property="og:site_name" content="The Example Post">
<meta property="og:title" content="{TITLE}">
<meta property="article:published_time" content="2024-03-26T09:40:00-04:00">
<meta name="author" content="Jane Roe">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news and analysis</a></li></ul></nav></header>
<main><article>
<h1>{TITLE}</h1>
<figure><img src="deck.jpg" alt=""><figcaption>{CAPTION}</figcaption></figure>
{"".join(f"<p>{p}</p>" for p in BODY)}
</article></main>
<footer><p>Copyright 2024 The Example Post Media Group. All rights reserved.</p>
<p><a href="/privacy">Privacy policy and cookie settings for every reader of this website</a></p></footer>
</body></html>"""


def test_html_page() -> None:
    article = page(HTML, kind="html")
    assert article.text.split("\n\n") == BODY
    assert article.title == TITLE
    assert article.outlet == "The Example Post"
    assert article.published == "2024-03-26T09:40:00-04:00"
    assert article.byline == "Jane Roe"


def test_language_from_the_body_before_the_page_declaration_and_given_before_both() -> None:
    assert page(HTML, kind="html").language == "en"
    declared_german = HTML.replace('<html lang="en">', '<html lang="de">', 1)
    assert declared_german != HTML
    assert page(declared_german, kind="html").language == "en", "the English body outweighs a wrong declaration"
    assert page(PAGE).language == "en"
    assert page(PAGE, language="pt-BR").language == "pt"


def test_outlet_falls_back_to_the_domain_of_the_url() -> None:
    body = "\n\n".join(BODY)
    assert page(body, kind="body", url="https://www.example.org/news/1").outlet == "example.org"
    assert page(body, kind="body", url="https://www.example.org/news/1", outlet="Given").outlet == "Given"
    assert page(body, kind="body", url="http://[not-a-url").outlet is None
    assert page(PAGE, url="https://www.example.org/news/1").outlet == "The Example Post", "the page's own name first"


def test_html_copyright_year_is_not_a_publication_date() -> None:
    undated = HTML.replace('<meta property="article:published_time" content="2024-03-26T09:40:00-04:00">', "")
    assert page(undated, kind="html").published is None


def test_html_page_is_dated_by_its_address_and_its_fetch_time_when_it_declares_nothing() -> None:
    undated = HTML.replace('<meta property="article:published_time" content="2024-03-26T09:40:00-04:00">', "")
    assert page(undated, kind="html", url="https://example.org/news/2024/03/26/bridge").published == "2024-03-26"
    relative = undated.replace(f"<h1>{TITLE}</h1>", f"<h1>{TITLE}</h1><span class='date'>2 days ago</span>")
    assert page(relative, kind="html").published is None
    assert page(relative, kind="html", crawled="2024-03-28T15:00:00+00:00").published == "2024-03-26"


def test_removed_debris_and_where_each_value_came_from_are_kept() -> None:
    article = page(PAGE)
    assert "Support The Example Post!" in article.removed
    assert not set(article.removed) & {*article.text.split("\n\n"), article.title}
    assert dict(article.provenance)["title"] == "the page's title line"
    assert dict(article.provenance)["outlet"] == "the page's own words"
    given = dict(page(HTML, kind="html", outlet="Given Outlet").provenance)
    assert given["outlet"] == "given with the input"
    assert given["published"] == "the page's markup or a date it shows"
    assert given["language"].startswith("identified")


def test_html_page_without_sentence_like_text_is_rejected() -> None:
    notfound = (
        "<!DOCTYPE html><html><head><title>Page not found</title></head><body><header><nav><a href='/'>Home</a>"
        "</nav></header><main><h1>Page not found</h1><p>Sorry, this page has moved</p></main></body></html>"
    )
    assert isinstance(clean(RawDocument(id="h", source="in/h", kind="html", content=notfound)), Rejected)


def test_rejected_html_file_is_named_like_a_rejected_text_file() -> None:
    result = clean(RawDocument(id="h.html", source="in/h.html", kind="html", content="<html><body></body></html>"))
    assert isinstance(result, Rejected)
    assert result.input == "in/h.html"


def test_body_sentence_starting_with_by_is_body() -> None:
    sentence = "By the end of the day, more than 200 people had crossed it."
    article = page("\n".join([TITLE, BODY[0], sentence, BODY[1]]))
    assert article.text.split("\n\n") == [BODY[0], sentence, BODY[1]]
    assert article.byline is None


def test_body_sentence_starting_with_updated_is_body() -> None:
    sentence = "Updated traffic counts from the city showed 30,000 crossings on the first day."
    article = page("\n".join([TITLE, BODY[0], sentence, BODY[1]]))
    assert article.text.split("\n\n") == [BODY[0], sentence, BODY[1]]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("News ID: 48213", "meta"),
        ("Published: March 26, 2024 09:40 EDT", "meta"),
        ("Last updated: 5 January 2023", "meta"),
        ("We have a small favour to ask.", "tail"),
        ("Read more", "tail"),
        ("Related stories", "tail"),
        ("Subscribe to our newsletter for daily updates", "tail"),
        ("Advertisement", "debris"),
        ("Remind me later.", "debris"),
        ("Support The Example Post!", "debris"),
        ("Copyright 2024 The Example Post Media Group", "debris"),
        ("Tags: bridges, transport", "debris"),
        ("Photo: Jane Roe", "debris"),
        ("By Jane Roe", "byline"),
        ("By Jane Roe and John Doe, Example Post", "byline"),
        (CAPTION, "caption"),
        ("Residents queue for water (C) in the square", "caption"),
        # A trademark and a team's captain are no picture positions.
        ("The Maestro line now adds Smart State Technology(R) to every model it sells.", "body"),
        ("Ricky Ponting (c), Mike Hussey and Brett Lee were named in the side for Perth.", "body"),
        # A report about donations is no appeal for one; a short line naming one is.
        ("The blood service said each donation after the storm could save up to three lives.", "body"),
        ("Donate", "debris"),
        ("Please donate to keep our reporting free for every reader, whatever they can afford to give us.", "debris"),
        ("Also in UK News", "tail"),
        ("Recent posts:", "tail"),
        ("File photo of the old bridge", "caption"),
        ("AP Photo/Jane Roe", "caption"),
        (BODY[0], "body"),
        ("By Tuesday evening the river had risen by nearly two metres in places.", "body"),
        (" ".join(["word"] * 30), "body"),
        (TITLE, "short"),
        ("Seven words that end with a stop.", "short"),
        ("図書館は来年も開館を続けることが市議会で決まりました。", "body"),
        ("図書館のお知らせ", "short"),
    ],
)
def test_classify_line(line: str, kind: str) -> None:
    assert classify_line(line) == kind


JAPANESE_BODY = [
    "市議会は月曜日、古い図書館を少なくともあと五年間開館し続けることを決めました。",
    "住民は昨年の春、閉館の計画に反対して四千人を超える署名を集めていました。",
    "市長は、来年の冬までに新しい屋根と暖房が必要になると述べました。",
]


def test_page_in_an_unspaced_script_is_cleaned_not_rejected() -> None:
    article = page(
        "\n".join(["ホーム", "ニュース", "図書館の開館が続く", *JAPANESE_BODY, "シェアする", "お問い合わせ"])
    )
    assert article.text.split("\n\n") == JAPANESE_BODY


def test_a_line_that_strings_the_paragraphs_together_again_is_dropped() -> None:
    article = page("\n".join(["Menu", TITLE, *BODY, "Share on Facebook", " ".join(BODY), "Contact us"]))
    assert article.text.split("\n\n") == BODY


COMMENTS = [
    "Related: Bridges",
    "[ 12 comments ]",
    "rivergirl",
    "2 days ago at 07:52 am",
    "I drove across it this morning and the new surface is so much quieter than the old one ever was.",
    "kevin_b",
    "2 days ago at 08:10 am",
    "Forty million dollars for a bridge that should never have been allowed to rust like that in the first place.",
    "mo",
    "1 day ago at 11:03 pm",
    "The ferries were honestly nicer, and I will miss watching the harbour seals on the way to work every day.",
]


def kept_body(lines: list[str]) -> list[str]:
    """The body when the line model keeps every line: what the page rules alone leave out."""
    page_of = page_lines("\n".join(lines))
    return page_parts(page_of, [True] * len(page_of.lines)).body


def test_a_reader_comment_thread_after_the_article_is_not_body() -> None:
    body = kept_body([TITLE, *BODY, *COMMENTS])
    assert body[: len(BODY)] == BODY
    assert not [line for line in body if "ago" in line or line in COMMENTS[4::3]]


def _html_story(after: str) -> str:
    story = "".join(f"<p>{p}</p>" for p in BODY)
    return f"<html><body><div id='storyBox'><h1>{TITLE}</h1>{story}{after}</div></body></html>"


def test_comments_under_a_comment_heading_in_the_article_container_are_not_body() -> None:
    thread = "".join(f"<br><b>Reader {n}</b><br>{line}<br><hr>" for n, line in enumerate(BODY * 2))
    for heading in ("Comments are now closed for this story", "12 comments", "Reader views (5)", "Kommentare"):
        html = _html_story(f"<hr><b>{heading}</b>{thread.replace('dollars', 'bucks')}")
        assert page(html, kind="html").text.split("\n\n") == BODY, heading


def test_a_line_above_the_body_restating_the_title_is_not_body() -> None:
    head = f"<head><meta property='og:title' content='{TITLE}'></head>"
    lead = f"<p>{TITLE.upper()}!</p><p>Transport</p>"
    html = _html_story("").replace("<html>", f"<html>{head}").replace(f"<h1>{TITLE}</h1>", lead)
    assert page(html, kind="html").text.split("\n\n") == ["Transport", *BODY]


def test_a_date_line_above_the_body_is_not_body_but_one_heading_a_part_of_it_is() -> None:
    html = _html_story("<p>Wednesday, January 23, 2008</p><p>The council meets again to vote on the bridge tolls.</p>")
    html = html.replace(f"<h1>{TITLE}</h1>", "<p>Thursday 10 January 2008 at 12:46</p>")
    assert page(html, kind="html").text.split("\n\n") == [
        *BODY,
        "Wednesday, January 23, 2008",
        "The council meets again to vote on the bridge tolls.",
    ]


def test_a_part_of_the_article_headed_comment_is_body() -> None:
    more = "Others said the bridge should have been rebuilt with a wider lane for bicycles, and may yet be widened."
    assert page(_html_story(f"<h2>Comment</h2><p>{more}</p>"), kind="html").text.split("\n\n") == [*BODY, more]


def test_time_stamps_inside_the_article_do_not_end_it() -> None:
    stamps = ["2 hours ago", "1 hour ago", "30 minutes ago", "5 minutes ago"]
    stamped = [line for pair in zip(stamps, BODY, strict=True) for line in pair]
    body = kept_body([TITLE, *stamped, "Related: Bridges"])
    assert [line for line in body if line in BODY] == BODY


SLOGAN = "The Valley Example is the only paper that has covered every town meeting in the valley since 1921."


def _site_pages(story: list[str]) -> list[str]:
    others = [
        [
            f"The county fair opened on day {n} with a parade of tractors, a brass band and more stalls than before.",
            f"Organisers said about {n} thousand visitors came through the gates before noon on the opening day.",
        ]
        for n in range(2, 7)
    ]
    return [
        "\n".join(["Home", "Local", title, *lines, SLOGAN])
        for title, lines in [("Library", story), *[("Fair", o) for o in others]]
    ]


def test_a_sentence_every_page_of_the_site_carries_is_debris() -> None:
    pages = _site_pages(BODY)
    repeated = document_counts(text_line_keys(p) for p in pages)
    raw = RawDocument(id="p1", source="in/p1", kind="text", content=pages[0], url="https://www.valley.example/a")
    article = clean(raw, repeated)
    assert isinstance(article, Article)
    assert article.text.split("\n\n") == BODY


def test_a_story_the_site_carries_twice_keeps_its_body() -> None:
    pages = _site_pages(BODY)
    pages.append(pages[0].replace("Library", "Library (updated)"))
    repeated = document_counts(text_line_keys(p) for p in pages)
    article = clean(RawDocument(id="p1", source="in/p1", kind="text", content=pages[0]), repeated)
    assert isinstance(article, Article)
    # Falling back to the model without repetition, the slogan may come back: the body matters more.
    assert article.text.split("\n\n")[: len(BODY)] == BODY


@pytest.mark.parametrize(
    ("url", "outlet", "site"),
    [
        ("https://www.Valley.example/news/1", "Valley Example", "valley.example"),
        (None, " Valley Example ", "valley example"),
        (None, None, None),
    ],
)
def test_site_of(url: str | None, outlet: str | None, site: str | None) -> None:
    assert site_of(RawDocument(id="p1", source="in/p1", kind="text", content="", url=url, outlet=outlet)) == site


def test_a_short_report_of_one_paragraph_keeps_it() -> None:
    paragraph = (
        "The old harbour crane that failed in the storm last month was lifting cargo again on Friday after welders "
        "replaced two of its arms, the port authority said in a short statement."
    )
    article = page(f"Harbour crane repaired\n\n{paragraph}\n")
    assert (article.title, article.text) == ("Harbour crane repaired", paragraph)


def test_a_picture_post_whose_only_prose_reads_as_a_caption_keeps_it() -> None:
    post = "A harbour at dawn, drawn in pencil, though nobody would believe it. Artwork and photos © Jane Roe"
    html = f"<html><body><nav><a href='/'>Home</a></nav><div class='post'><h3>Monday</h3><p>{post}</p></div></body>"
    assert post in page(html, kind="html").text


def test_a_short_post_without_a_full_sentence_is_kept() -> None:
    post = "Wonderful animated video for the harbour festival! Created by Jane Roe"
    text = "\n".join(["The Harbour Blog » Festival video", "Home", "About", "Festival video", post, "Leave a comment"])
    assert post in page(text).text.split("\n\n")


def test_a_page_of_short_lines_keeps_its_sentences_when_all_else_the_model_keeps_is_past_its_comments() -> None:
    workout = ["Sunday workout", "For time:", "Run 10 miles", "150 pull-ups", BODY[0], "Comments"]
    comments = []
    for n in range(1, 6):
        comments += [f"Comment #{n} - Posted by: Reader {n} at November 10, 2012 5:{n}0 PM", BODY[n % 4]]
    assert BODY[0] in page("\n".join(workout + comments)).text


def test_page_text_that_is_the_page_markup_is_cleaned_as_html() -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in BODY)
    menu = "".join(f"<li><a href='/{n}'>Section {n}</a></li>" for n in range(20))
    source = f"{TITLE} | Example Post <div id='menu'><ul>{menu}</ul></div> <div class='story'>{paragraphs}</div>"
    assert page(source).text.split("\n\n") == BODY


JAPANESE_BODY = [
    "市議会は月曜日、古い図書館を少なくともあと五年間開館させることを決めた。",
    "住民は昨年の春、閉館計画に反対する四千人以上の署名を集めていた。",
    "市長は、来年の冬までに建物の屋根と暖房を新しくする必要があると述べた。",
    "図書館の利用者は、決定を聞いて安心したと話し、今後も通い続けるつもりだという。",
]
JAPANESE_RELATED = [
    "市長が新しい予算案を発表、子育て支援と高齢者福祉を大幅に拡充する方針を示し議会の反応に注目集まる",
    "駅前の再開発計画がついに決定…商業施設と住宅が一体となった複合ビルが三年後に完成する見通し",
    "台風10号が九州に接近、交通機関や農作物への影響の恐れ 気象庁が早めの備えを呼びかけ",
    "大学入試の日程が急きょ変更、受験生や保護者から戸惑いの声 文部科学省は説明に追われる",
    "人気ラーメン店が四十年の歴史に幕、常連客から惜しむ声 最終日には長い行列ができた",
]


def test_a_run_of_japanese_headlines_inside_the_article_is_not_body() -> None:
    text = "\n".join(["図書館の存続が決定", *JAPANESE_BODY[:2], *JAPANESE_RELATED, *JAPANESE_BODY[2:]])
    paragraphs = page(text).text.split("\n\n")
    assert not set(JAPANESE_RELATED) & set(paragraphs)
    assert JAPANESE_BODY[1:] == [line for line in paragraphs if line in JAPANESE_BODY[1:]]
