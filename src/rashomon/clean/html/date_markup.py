"""Markup tables for finding an HTML page's publication date: the <meta> names, JSON-LD types and keys that declare
it, and the class and id words of the elements that show it (or show other articles' dates).

Data only, lower case where matched against markup (`pagedate` and `showndate` read them).
"""

from __future__ import annotations

from typing import Final

# <meta> names, properties and itemprops that give the first publication.
PUBLISHED_META: Final = frozenset(
    {
        "article:published_time", "og:article:published_time", "og:published_time", "article:published",
        "datepublished", "date_published", "published_time", "published", "published_at", "publishdate",
        "publish-date", "publish_date", "publisheddate", "published-date", "pubdate", "pub_date", "date",
        "dc.date", "dc.date.issued", "dcterms.issued", "dcterms.date", "dc.date.created", "dcterms.created",
        "date.created", "date.available", "datecreated", "sailthru.date", "parsely-pub-date",
        "cxenseparse:recs:publishtime", "cxenseparse:publishtime", "cxenseparse:recs:published_time",
        "article.published", "article_date_original", "originalpublicationdate", "original-publish-date",
        "content:publishdate", "prism.publicationdate", "citation_publication_date", "citation_date",
        "citation_online_date", "rnews:datepublished", "displaydate", "bt:pubdate", "dcsext.articlefirstpublished",
        "nv:date", "og:pubdate", "release_date",
    }
)  # fmt: skip

# ... and those that give a later edit.
MODIFIED_META: Final = frozenset(
    {
        "article:modified_time", "og:updated_time", "og:article:modified_time", "article:updated_time",
        "datemodified", "date_modified", "modified_time", "dc.date.modified", "dcterms.modified", "date.updated",
        "date.modified", "lastmod", "lastmodified", "last-modified", "revised",
    }
)  # fmt: skip

# A JSON object in a <meta> (Parse.ly's) and its publication key.
JSON_META: Final[dict[str, str]] = {"parsely-page": "pub_date"}

# JSON-LD types that describe the article (NewsArticle, BlogPosting, LiveBlogPosting ...) and the page holding it
# (WebPage, ItemPage ...), by how their names end: an embedded video's, image's or person's dates are not the
# article's.
ARTICLE_TYPE_ENDINGS: Final = ("Article", "Posting", "Blog", "Report")
PAGE_TYPE_ENDINGS: Final = ("Page",)
LD_PUBLISHED: Final = "datePublished"
LD_CREATED: Final = "dateCreated"
LD_MODIFIED: Final = "dateModified"

# Keys that name a publication date in the JSON state pages embed in their scripts (not JSON-LD).
SCRIPT_KEYS: Final = (
    "datePublished", "publishedAt", "published_at", "publishDate", "publish_date", "pubDate", "firstPublished",
    "date_published", "publicationDate", "published_date", "publishedDate", "firstPublishedAt",
)  # fmt: skip

# Elements that may carry a machine-readable date: <time datetime>, microdata, microformats' <abbr title>, pubdate.
DATE_ATTRIBUTE_SELECTOR: Final = "[datetime], [itemprop][content], abbr[title], [pubdate]"
# Microdata properties of a shown date, and how much each says it is the publication date.
DATE_ITEMPROPS: Final[dict[str, float]] = {"datepublished": 3.0, "datecreated": 1.0, "datemodified": -3.0}

# Elements whose text is not shown, or is not the page's own.
SKIPPED_TAGS: Final = frozenset({"script", "style", "noscript", "template", "select", "option", "textarea", "svg"})
# Elements that hold other pages' dates: links, footers, navigation. (Not list items: pages list a date line's parts.)
ELSEWHERE_TAGS: Final = frozenset({"footer", "nav", "aside", "a"})

# Class and id words of the elements that hold an article's date line: long ones matched anywhere in a name, short
# ones only as a whole part of it ("meta" in "post-meta", not in "metallica").
DATE_HINTS: Final = ("date", "time", "publish", "posted", "byline", "dateline", "author", "stamp")
SHORT_DATE_HINTS: Final = frozenset({"meta", "info", "pub", "dt"})
# ... of those that hold another article's date, a comment's, or the day's.
ELSEWHERE_HINTS: Final = (
    "comment", "related", "sidebar", "footer", "widget", "teaser", "recommend", "popular", "trending", "promo",
    "newsletter", "archive", "calendar", "reply", "weather", "today", "topbar", "top-bar",
)  # fmt: skip
SHORT_ELSEWHERE_HINTS: Final = frozenset({"more", "next", "prev", "list", "feed", "card", "nav", "menu", "aside"})
# ... of those that hold a later edit (unless also named for the publication: "entry-date published updated").
UPDATED_HINTS: Final = ("updated", "modified", "lastmod", "changed")
