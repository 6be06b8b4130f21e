"""Tests for the text-density pass over a page's blocks."""

from __future__ import annotations

from rashomon.clean.html.page import parse_html
from rashomon.clean.html.textblocks import read_blocks
from rashomon.clean.html.textdensity import density_paragraphs

PARAGRAPHS = [
    "The council voted on Monday to extend the night bus service to the three outer districts, officials said.",
    "Riders had asked for the change since the last train was moved earlier, leaving many without a way home.",
    "The first extended routes, which will cost about 2 million a year, start running in the spring, she added.",
    "Drivers' representatives said they welcomed the plan but wanted more staff before the routes are added.",
]


def _density(body: str) -> list[str]:
    tree = parse_html(f"<html><body>{body}</body></html>")
    return density_paragraphs(read_blocks(tree.css_first("body")))


def _article(inner: str) -> str:
    return (
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/city'>City news</a></li></ul></nav>"
        f"<div class='layout'><div class='story-wrap'>{inner}</div>"
        "<div class='related-links'><p>More on transport: the council's other plans for the city this year.</p></div>"
        "</div><footer><p>Copyright 2024 The Example Gazette, every right reserved for all readers.</p></footer>"
    )


def test_navigation_related_links_and_footer_are_left_out() -> None:
    assert _density(_article("".join(f"<p>{p}</p>" for p in PARAGRAPHS))) == PARAGRAPHS


def test_article_split_over_sibling_wrappers_is_taken_whole() -> None:
    article = "".join(f"<div class='block'><div class='text'><p>{p}</p></div></div>" for p in PARAGRAPHS)
    assert _density(_article(article)) == PARAGRAPHS


def test_link_heavy_block_inside_the_article_is_dropped() -> None:
    links = "<p><a href='/a'>Read our full coverage of the night bus plan and every other route</a></p>"
    article = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2]) + links + f"<p>{PARAGRAPHS[2]}</p>"
    assert _density(_article(article)) == PARAGRAPHS[:3]


def test_caption_and_share_bar_are_left_out() -> None:
    inner = (
        "<figure><figcaption>A bus at the depot.</figcaption></figure>"
        "<div class='share-bar'>Share this on every network you use</div>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    )
    assert _density(_article(inner)) == PARAGRAPHS


def test_a_page_wrapped_in_one_form_is_read() -> None:
    body = (
        "<form id='aspnetForm'><div>" + "".join(f"<p>{p}</p>" for p in [*PARAGRAPHS, PARAGRAPHS[0]]) + "</div></form>"
    )
    assert _density(body) == [*PARAGRAPHS, PARAGRAPHS[0]]


def test_page_without_article_text_has_no_paragraphs() -> None:
    assert _density("<nav><a href='/'>Home</a></nav>") == []


def test_a_form_wrapping_the_whole_page_is_no_furniture() -> None:
    # ASP.NET pages sit inside one <form>, their paragraphs split by <br>: no <p> shows the form is article-sized.
    article = "<br><br>".join(PARAGRAPHS)
    body = (
        "<form method='post' action='item.aspx'><ul><li><a href='/'>Home</a></li><li><a href='/m'>Money</a></li></ul>"
        f"<div id='centerbar'><h1>Night buses</h1><div id='item'>{article}</div></div></form>"
    )
    assert _density(body) == PARAGRAPHS


def test_a_small_form_beside_the_article_is_still_furniture() -> None:
    form = "<form action='/search'><div>Search the Example Gazette's archive of transport reporting</div></form>"
    assert _density(_article("".join(f"<p>{p}</p>" for p in PARAGRAPHS)) + form) == PARAGRAPHS


def test_a_comment_thread_is_left_out_however_long() -> None:
    comments = "".join(
        f"<div class='comment-body'><p>{p} I agree with this, thanks for writing it.</p></div>" for p in PARAGRAPHS * 3
    )
    body = f"<div class='entry'>{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}</div>"
    body += f"<div id='comments' class='comments-content'>{comments}</div>"
    assert _density(body) == PARAGRAPHS


def test_commentary_is_no_comment_thread() -> None:
    body = f"<div class='commentary'>{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}</div>"
    assert _density(body) == PARAGRAPHS


def test_an_article_split_by_line_breaks_outscores_a_longer_box_of_one_paragraph() -> None:
    # Each line of a block split by <br> is a paragraph: six of them outweigh one long paragraph in a side box.
    article = "<br><br>".join([*PARAGRAPHS, *PARAGRAPHS[:2]])
    box = (
        "In other news, the zoo, the museum, the library, the pool, the park, the market, the gallery, the fair, and "
        "the river walk all open late this summer " + "for visitors who come to the city centre " * 4
    )
    links = "".join(f"<li><a href='/s{n}'>Another story from the city desk {n}</a></li>" for n in range(5))
    body = (
        f"<div class='main'><div id='story'>{article}</div><div class='side'><ul>{links}</ul><p>{box}</p></div></div>"
    )
    assert _density(body) == [*PARAGRAPHS, *PARAGRAPHS[:2]]


def test_related_posts_teasers_and_boxes_left_out_of_print_are_never_the_article() -> None:
    story = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    for name in ("related-posts", "story-teasers", "noprint"):
        aside = f"<div class='{name}'>{''.join(f'<p>{p} More on this.</p>' for p in PARAGRAPHS * 2)}</div>"
        assert _density(f"<div class='wrap'><div>{story}</div>{aside}</div>") == PARAGRAPHS, name


def test_paragraphs_behind_a_paywall_are_the_article() -> None:
    story = f"<p>{PARAGRAPHS[0]}</p>" + "".join(f"<p class='paywall'>{p}</p>" for p in PARAGRAPHS[1:])
    assert _density(f"<div class='body'>{story}</div><div class='paywall'>Subscribe to read on</div>") == PARAGRAPHS


def test_a_comment_box_named_with_its_wrapper_word_is_a_comment_thread() -> None:
    comments = "".join(f"<p>{p} Examiner Reader said.</p>" for p in PARAGRAPHS * 2)
    body = f"<div class='main'><div>{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}</div>"
    assert _density(f"{body}<div id='commentsDiv'>{comments}</div></div>") == PARAGRAPHS


def test_camel_case_class_names_are_read_word_by_word() -> None:
    story = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    related = "".join(f"<div class='relatedArticleRow'><p>{p} Read on.</p></div>" for p in PARAGRAPHS * 2)
    assert _density(f"<div class='wrap'><div>{story}</div><div class='moreBox'>{related}</div></div>") == PARAGRAPHS
