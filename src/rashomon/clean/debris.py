"""Heuristic tables for cleaning page text: debris lines, captions, credits, wire services, outlet clues.

Data, not logic: `clean.py` applies these. Patterns are matched against one stripped line of page text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from rashomon.clean import boilerplate as words

_I = re.IGNORECASE


def _any(table: Mapping[str, str]) -> str:
    """One alternation of a `boilerplate` table's phrases, every language's."""
    return "|".join(f"(?:{phrases})" for phrases in table.values())


@dataclass(frozen=True, slots=True)
class LinePattern:
    """A pattern for one stripped line, tried only where the lowercased line holds one of its ``cues`` (every
    match holds one; no cues: always tried).

    Every body line passes every debris pattern, and Python's re tries an unanchored pattern at each position of
    the line: without the substring test first, these patterns took a third of HTML cleaning time. (A case-blind
    pattern also matches a few letters whose lowercase differs from the cue's, such as "ſ" for "s"; lines spelt so
    are not caught.)
    """

    regex: re.Pattern[str]
    cues: tuple[str, ...] = ()

    def search(self, line: str, lowered: str) -> bool:
        """Whether the pattern is found in ``line``; ``lowered`` is ``line.lower()``, made once for all patterns."""
        if not self.cues:
            return self.regex.search(line) is not None
        for cue in self.cues:  # a loop, not any(): a generator a call cost as much as the tests
            if cue in lowered:
                return self.regex.search(line) is not None
        return False


def _line(pattern: str, *cues: str, flags: int = _I) -> LinePattern:
    return LinePattern(re.compile(pattern, flags), cues)


# Lines that describe the page, not the story: ids, timestamps, counters.
METADATA_LINES: tuple[re.Pattern[str], ...] = (
    re.compile(r"^(?:news|story|article|post|content)\s*(?:id|no\.?|number)\s*[:#]\s*\S+$", _I),
    re.compile(
        r"^(?:published|updated|posted|last updated|first published|date)(?:\s*[:|]|\s+(?:on|at)\s|\s+(?=\d)"
        r"|\s+(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d))",
        _I,
    ),
    re.compile(r"^(?:" + _any(words.PUBLISHED_OPENINGS) + r")(?:\s*[:|]|\s+(?:am|le|el|il|on|at|de)\s|\s+(?=\d))", _I),
    # A Chinese or Japanese post's date with its source, author or counters, no sentence in it:
    # "2024年04月24日23:52 | 来源： 新华网", "发表于 2004年12月27日 12:40 - (阅读:3727;评论:63)".
    re.compile(
        r"^(?=.{0,100}$)(?!.*。)(?=.*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})"
        r".*(?:点击|阅读|浏览|评论|来源|来自|发布|发表|作者|编辑|字号|人气|出处|公開日|更新日|投稿日|配信日)"
    ),
)

# A line that starts the page footer: once seen after the body, nothing later is body.
TAIL_MARKERS: tuple[re.Pattern[str], ...] = (
    re.compile(r"we have a small favou?r to ask", _I),
    # Openings, as one pattern anchored at the start (one call a line).
    re.compile(
        r"^(?:security key\s*:?$|read more\b"
        r"|(?:related|more on this|more from|most read|most popular|recommended|you may also like)\b"
        r"|(?:share this (?:article|story)|share on)\b|(?:comments?|leave a comment|join the conversation)\b"
        r"|support (?:independent|our) journalism\b|(?:sign up|subscribe) (?:for|to) (?:our|the)\b"
        # Headings of link lists: "Also in UK News", "Recent posts:", "Editor's choice".
        r"|(?:also|more) in [^.!?]{1,40}$|(?:recent posts|top stories|more articles|editor'?s choice)\W*$)",
        _I,
    ),
    # Other languages' openings, on short lines only: a sentence may start with "Kommentare".
    re.compile(r"^(?:" + _any(words.TAIL_OPENINGS) + r")(?=.{0,60}$)", _I),
)

# Footers nothing of the article follows: a donation appeal, a captcha. ("Read more" or "Related" may stand
# mid-article, so those only inform the line model.)
FOOTER_STARTS: tuple[re.Pattern[str], ...] = (
    re.compile(r"we have a small favou?r to ask", _I),
    re.compile(r"^security key\s*:?$", _I),
    re.compile(r"^support (?:independent|our) journalism\b", _I),
    re.compile(r"^(?:not ready to support today|remind me later)\b", _I),
)

# How a debris line may open, whatever its case: each tried once, at the start of the line.
DEBRIS_OPENINGS: tuple[str, ...] = (
    r"page generated in\b",
    r"(?:remind me later|not ready to support today)\b",
    r"(?:payment|paiment) methods?$",
    r"(?:advertisement|advert|sponsored|ad)$",
    r"(?:©|\(c\)|copyright)\s",
    r"(?:follow us|share this|click here|tap here|listen to this article|print this)\b",
    r"(?:read more|read next|see also|watch|video|photos?|gallery)\s*[:|>»]",
    r"(?:tags?|topics?|filed under)\s*:",
    r"(?:loading|please wait)\W*$",
    # Markup left in the page text: an ad's link or script tag ("<a href=...>", "<SCRIPT LANGUAGE=...>").
    r"(?:<!--|<(?:script|noscript|iframe|embed|object|param|style)\b|<(?:a|img|div|span|p)(?:\s+[\w-]+\s*=|\s*/?>\s*(?:<|$)))",
    # A template's placeholder left in the page ("$$ARTICLEAD$$", "{{ad_slot}}").
    r"(?:\$\$\w+\$\$|\{\{\s*\w+\s*\}\})$",
    # "Support The Moscow Times!": an appeal naming its outlet, in capitals.
    r"(?-i:(?i:support)\s+(?:(?i:the)\s+)?[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,5}\s*!?$)",
    _any(words.DEBRIS_OPENINGS),
    r"(?:" + _any(words.TAG_LABELS) + r")\s*:",
    r"(?:" + _any(words.BUTTONS) + r")\s*[›»>]?$",
    words.DATE_ALONE,
    # A numeric date or a range of them alone, with its time to the second: "2012-11-05", "17/01/2008 18:04:44",
    # "12/01/2005 - 01/01/2006" (an archive's months).
    r"(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
    r"|\s*[-–]\s*(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}))?\.?$",
)

# Lines that are debris wherever they stand. The openings make one pattern: one call, not one for each, on every
# line (Python's re tries a pattern anchored at "^" only at the start).
DEBRIS_LINES: tuple[LinePattern, ...] = (
    _line("^(?:" + "|".join(DEBRIS_OPENINGS) + ")"),
    _line(r"^captcha\b|\bcaptcha refresh$", "captcha"),
    # Script or markup anywhere in a line ("... library--> <script src=...>", "if(item[0]){ ...; _q+=escape(...)").
    _line(r"</?script\b|-->|\)\s*\{|;\s*[\w.$]+(?:\[\w*\])?\s*\+?=(?!=)", "script", "-->", "{", ";"),
    _line(
        r"\b(?:accept (?:all )?cookies|cookie (?:policy|settings)|(?:we|site|website) uses? cookies"
        r"|(?:necessary|non-necessary|essential|functional|performance|analytics|advertisement|third-party) cookies)\b",
        "cookie",
    ),
    _line(r"\ball rights reserved\b", "all rights reserved"),
    _line(
        r"^this (?:is a developing|story is developing|story will be updated)\b|\bcheck back (?:later )?for "
        r"(?:updates|more)\b",
        "this is a developing",
        "this story",
        "check back",
    ),
    _line(r"\bsubscribe\b.*\bnewsletters?\b|\bnewsletters?\b.*\b(?:sign up|subscribe)\b", "newsletter"),
    _line(r"\bmay not be (?:reproduced|republished|redistributed|copied)\b", "may not be "),
    _line(r"^have a (?:news )?tip\b|\bmay be reached at\b", "have a ", "may be reached at"),
    # An appeal: a short line naming a donation ("Donate", "Donations welcome"), or asking for one in any line;
    # a report's sentence about blood or organ donations is no appeal.
    _line(
        r"^(?=.{0,60}$).*\b(?:donate|donations?)\b|\b(?:please donate|donate (?:now|today|here|to us)"
        r"|(?:make|making) a (?:\w+ )?donation (?:to|today)|your (?:\w+ )?donation (?:helps|will|today)"
        r"|support us|become a (?:member|supporter|subscriber))\b",
        "donat",
        "support us",
        "become a ",
    ),
    # Consent and privacy notices.
    _line(r"\bprocessing of (?:my|your) personal data\b", "processing of "),
    _line(
        r"\b(?:review|read|updated|accept) our (?:privacy policy|terms of use|terms of service)\b",
        "our privacy policy",
        "our terms of ",
    ),
    _line(r"\bprotecting your personal (?:information|data)\b", "protecting your personal "),
    # The same notices, appeals and copyright lines in other languages.
    _line(_any(words.CONSENT), *words.CONSENT_CUES),
    _line(_any(words.APPEALS), *words.APPEAL_CUES),
    _line(_any(words.COPYRIGHT), *words.COPYRIGHT_CUES),
)

# Photo credits: "Name / AGENCY", "Photo: Name", "(Getty Images)".
CREDIT = _line(
    r"(?:\s(?:/|\|)\s*[A-Z][\w.&' -]{1,40}$)|(?:\b(?:photo|photograph|image|picture|credit)s?\s*(?:by)?\s*:)"
    r"|(?:\b(?:getty images|shutterstock|afp photo|reuters/|ap photo|epa-efe|sipa|anadolu)\b)"
    # "Bild: Name/dpa", "Quelle: dpa", and a caption ending in its credit: "... © Name (hr)".
    r"|(?:\b(?:" + _any(words.CREDIT_LABELS) + r")\s*:)|(?:©\s*[^©.!?]{1,60}$)",
    *words.CREDIT_CUES,
    "©",
    "/",
    "|",
    "photo",
    "image",
    "picture",
    "credit",
    "shutterstock",
    "epa-efe",
    "sipa",
    "anadolu",
)
# Position markers that only captions use: "(C)", "(L to R)", "(centre)".
# Set off by a space: "RoadMate(R)" is a trademark. One letter only in capitals: "Ponting (c)" is a team's captain.
CAPTION_MARKERS = re.compile(r"(?<!\S)\((?:[LCR]|(?i:left|right|center|centre|front|back|l to r|l-r|top|bottom))\)")
# A caption that begins like a picture description.
CAPTION_OPENERS = re.compile(r"^(?:file photo|a (?:view|photo|picture|handout) of|in this (?:photo|image))\b", _I)

# A byline: "By Anna Petrov", "Von Anna Petrov und Jan Berg 06.11.2025, 21:00 Uhr", "Par Jean Dupont".
BYLINE = re.compile(
    r"^(?i:by|written by|reporting by|" + _any(words.BYLINE_OPENERS) + r")\s+"
    r"(?P<name>[A-Z\u00c0-\u024f\u0400-\u042f][\w.'-]+(?:\s+(?:[A-Z\u00c0-\u024f\u0400-\u042f][\w.'-]+|and|&|de|van|von|al|"
    + "|".join(words.BYLINE_JOINERS)
    + r")){0,6})(?:\s*[,|]\s*.{0,60}|\s+\d{1,2}[./]\d{1,2}[./]\d{2,4}.{0,20})?$"
)

# Wire services: canonical name -> the names outlets credit them by.
WIRE_SERVICES: dict[str, tuple[str, ...]] = {
    "The Associated Press": ("The Associated Press", "Associated Press", "AP"),
    "Reuters": ("Reuters",),
    "Agence France-Presse": ("Agence France-Presse", "Agence France Presse", "AFP"),
    "TASS": ("TASS", "ITAR-TASS"),
    "Xinhua": ("Xinhua",),
    "ANI": ("ANI", "Asian News International"),
    "Interfax": ("Interfax",),
    "RIA Novosti": ("RIA Novosti", "RIA"),
    "dpa": ("dpa", "Deutsche Presse-Agentur"),
    "Anadolu Agency": ("Anadolu Agency", "Anadolu"),
    "Press Trust of India": ("Press Trust of India", "PTI"),
    "Kyodo News": ("Kyodo News", "Kyodo"),
    "EFE": ("EFE",),
    "United Press International": ("United Press International", "UPI"),
    "Bloomberg": ("Bloomberg",),
}
# How a body credits a wire service; {name} is an alternation of one service's names.
WIRE_CREDIT_FORMS: tuple[str, ...] = (
    r"(?<![\w-])\(\s*(?:{name})\s*\)\s*[-–—:]",  # "BALTIMORE (AP) —"
    r"\b(?:{name})\s+(?:reported|reports|said|says|wrote|cited|quoted|contributed)\b",
    r"\b(?:according to|reported by|told|cited by|quoted by|citing)\s+(?:the\s+)?(?:{name})\b",
    r"\b(?:{name})\s+(?:news agency|reporters?|correspondents?)\b",
)
# A dateline that credits its source, at the start of a body: "BALTIMORE (Continental Wire) —", the place in
# capitals, then perhaps its state or country and a date ("DALLAS, Texas, March 3 (Example Wire) -", "CRESTMOOR,
# Pa. (...)").
DATELINE_CREDIT = re.compile(
    r"^[A-Z][A-Z .'/-]{1,40}(?:,\s*(?:[A-Z][\w.]*|\d{1,4})(?:[\s,]+(?:[A-Z][\w.]*|\d{1,4})){0,3})?\s*"
    r"\((?P<name>[A-Z][\w .&'-]{0,40}\w)\)\s*[-–—:]"
)

# Where page text names its own outlet, most reliable first. Names are capitalised words, so only the cue
# words are matched case-insensitively.
_WORD = r"[A-Z0-9](?:[\w&'-]|\.(?=\w))*"
_NAME = r"(?P<outlet>(?:The\s+)?" + _WORD + r"(?:\s+(?:of\s+)?" + _WORD + r"){0,5})"
# A name none of whose words is a year.
_NAME_WORD = r"(?!(?:19|20)\d{2}\b)" + _WORD
_YEARLESS_NAME = r"(?P<outlet>(?:The\s+)?" + _NAME_WORD + r"(?:\s+(?:of\s+)?" + _NAME_WORD + r"){0,5})"
OUTLET_CLUES: tuple[re.Pattern[str], ...] = (
    re.compile(r"^(?i:support)\s+" + _NAME + r"\s*!?$"),
    re.compile(r"\b(?i:the journalists of|the team at)\s+" + _NAME),
    # A copyright line with its year, before the name or after it ("© 2019 Example Post", "copyright Example Post
    # 2019", "© Copyright 2018 Example Post, LLC", "©All Rights Reserved Example Institute 2019"); a "©" and a name
    # without a year is a photo's credit ("© Jane Roe"), not the page's.
    re.compile(
        r"^(?i:©|\(c\)|copyright)\s*(?i:copyright\s*)?(?i:of\s+)?(?i:all rights reserved\.?\s*)?"
        r"(?:(?P<year>(?:19|20)\d{2})(?:\s*[-–]\s*(?:19|20)\d{2})?\s*)?"
        + _YEARLESS_NAME
        + r"(?(year)(?![\w&'-])|,?\s*(?:19|20)\d{2}\b)"
    ),
    re.compile(r"\b(?i:subscribe to|sign up for)\s+(?:the\s+)?" + _NAME + r"(?:'s)?\s+(?i:newsletter)"),
)
# A line made only of a site's interface words ("Skip to content", "Close the menu", "Subscribe Sign in",
# "Zum Inhalt springen"): a control's label, never a headline.
_INTERFACE_WORDS = (
    "skip|jump|go|to|the|main|content|contents|navigation|nav|menu|close|open|toggle|search|subscribe|sign|log|in|"
    "out|up|login|logout|register|account|my|share|back|top|home|show|hide|more|less|sections|and|or|zum|inhalt|"
    "springen|menü|schließen|öffnen|suche|anmelden|abmelden|abonnieren|aller|au|contenu|fermer|le|ouvrir|"
    "rechercher|connexion|ir|al|contenido|cerrar|abrir|buscar|menú"
)
INTERFACE_LINE = re.compile(r"^(?:(?:" + _INTERFACE_WORDS + r")(?:\s+|\s*[|/&·•]\s*|$))+$", re.IGNORECASE)
# A copyright line without a year that is only a name ("© Example Post", "© Example Post. All rights reserved."):
# the page's outlet in its footer, a photo's credit inside the article.
YEARLESS_COPYRIGHT = re.compile(
    r"^(?i:©|\(c\)|copyright)\s*(?i:copyright\s*)?(?i:of\s+)?"
    + _YEARLESS_NAME
    + r"(?:\s*[.,]\s*(?:(?i:all rights reserved)\.?)?|\s+[-–|]\s+.*)?$"
)
# A masthead: the page's first line in capitals ("MERIDIAN MARKETS").
MASTHEAD = re.compile(r"^[A-Z0-9][A-Z0-9&'. -]{2,40}$")
# Corporate suffixes that follow an outlet's name in copyright lines ("Prairie Courier Media Group").
OUTLET_SUFFIXES = re.compile(
    r"\s+(?:Media Group|Media|Group|Inc\.?|Ltd\.?|LLC|Corporation|Corp\.?|Company|Co\.|Limited|GmbH|AG)$"
)

# The heading of a readers' comment section ("Comments", "3 comments", "Comments are now closed for this story",
# "Leave a reply", "Kommentare"): on an HTML page, no article text follows it.
COMMENT_HEADING = re.compile(
    # A lone "Comment" may head a part of the article ("Comment", "Briefing", "Access"): the plural, or a count.
    r"^(?:\d+\s+(?:comments?|responses?|replies)(?:\s+(?:to|on)\s.{1,80})?|(?:(?:reader|user)s?'? )?comments|"
    r"(?:reader|user)s?'? (?:views|reactions)|responses|"
    r"leave a (?:comment|reply)|post a comment|add (?:a |your )?comment|join the (?:conversation|discussion)|"
    r"kommentare|leserkommentare|commentaires|comentarios|commenti|comentários|reacties|комментарии|komentarze|"
    r"kommentarer)(?:\s*\(\d+\)|\s+(?:are|is)\s+(?:now\s+)?(?:closed|moderated|disabled)\b.{0,60})?\s*:?$",
    _I,
)
# Lines of a reader-comment thread: "Alex on September 17, 2018 at 6:34 am said:", "jbaxt says:", "12 comments".
# Where they cluster, the lines between them are readers' comments, not the article.
COMMENT_MARKERS: tuple[re.Pattern[str], ...] = (
    # "by Pieroxy (222434) writes: on Tuesday July 24, @10:34AM (#40749375)": the date may follow the colon.
    re.compile(
        r"^\S.{0,80}\s(?:says|said|wrote|writes|replied|sagt|schreibt|antwortet|dit|écrit|dice|scrive|пишет)\s*:"
        r"(?:\s+on\s[^.!?]{0,60}\d[^.!?]{0,30})?$",
        _I,
    ),
    re.compile(r"^\d+\s+(?:comments?|responses?|replies|thoughts)\b", _I),
    re.compile(r"^(?:leave a (?:reply|comment)|post a comment|add a comment|reply|report abuse|log in to reply)$", _I),
    re.compile(r"\b\d{4},?\s+(?:(?:at|um|à|a las|alle|в)\s+)?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?|uhr)?$", _I),
    # "Posted by: Shaun of New Zealand 5:22pm January 08, 2008": the time before the date.
    re.compile(r"\b\d{1,2}:\d{2}\s*[ap]\.?m\.?,?\s+[a-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}$", _I),
    re.compile(
        r"^\d+\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+ago"
        r"(?:\s+at\s+\d{1,2}:\d{2}\s*[ap]\.?m\.?|\s*\(\s*\d{1,2}:\d{2}\s*[ap]\.?m\.?\))?$",
        _I,
    ),
)
