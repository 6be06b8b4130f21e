"""Word tables for reading publication dates: month names, the words that mark a date as published or updated,
and relative-time words, in the languages news pages are written in.

Data only: `pubdate` builds its patterns from these tables, so a new spelling is a one-line change here. Everything
is lower case and matched case-insensitively; a month name counts only between a day number and a year, so a word
that is also a month in some language ("mar", "set", "out") never reads as one alone.
"""

from __future__ import annotations

from typing import Final

from rashomon.text.calendar import MONTH_ABBREVIATIONS, MONTH_NAMES

_ENGLISH = {name.lower(): number for name, number in (MONTH_NAMES | MONTH_ABBREVIATIONS).items()}

# Full names, genitive forms (Slavic, Baltic, Greek dates decline the month) and the abbreviations pages print.
_BY_LANGUAGE: Final[dict[str, tuple[tuple[str, ...], ...]]] = {
    "de": (
        ("januar", "jänner", "jan"), ("februar", "feber", "feb"), ("märz", "maerz", "mär", "mrz"), ("april", "apr"),
        ("mai",), ("juni", "jun"), ("juli", "jul"), ("august", "aug"), ("september", "sept", "sep"),
        ("oktober", "okt"), ("november", "nov"), ("dezember", "dez"),
    ),
    "fr": (
        ("janvier", "janv"), ("février", "fevrier", "févr", "fevr", "fév"), ("mars",), ("avril", "avr"), ("mai",),
        ("juin",), ("juillet", "juil"), ("août", "aout"), ("septembre", "sept"), ("octobre", "oct"),
        ("novembre", "nov"), ("décembre", "decembre", "déc"),
    ),
    "es": (
        ("enero", "ene"), ("febrero", "feb"), ("marzo", "mar"), ("abril", "abr"), ("mayo", "may"), ("junio", "jun"),
        ("julio", "jul"), ("agosto", "ago"), ("septiembre", "setiembre", "sept", "sep"), ("octubre", "oct"),
        ("noviembre", "nov"), ("diciembre", "dic"),
    ),
    "it": (
        ("gennaio", "gen"), ("febbraio", "feb"), ("marzo", "mar"), ("aprile", "apr"), ("maggio", "mag"),
        ("giugno", "giu"), ("luglio", "lug"), ("agosto", "ago"), ("settembre", "set"), ("ottobre", "ott"),
        ("novembre", "nov"), ("dicembre", "dic"),
    ),
    "pt": (
        ("janeiro", "jan"), ("fevereiro", "fev"), ("março", "marco", "mar"), ("abril", "abr"), ("maio", "mai"),
        ("junho", "jun"), ("julho", "jul"), ("agosto", "ago"), ("setembro", "set"), ("outubro", "out"),
        ("novembro", "nov"), ("dezembro", "dez"),
    ),
    "nl": (
        ("januari", "jan"), ("februari", "feb"), ("maart", "mrt"), ("april", "apr"), ("mei",), ("juni", "jun"),
        ("juli", "jul"), ("augustus", "aug"), ("september", "sep"), ("oktober", "okt"), ("november", "nov"),
        ("december", "dec"),
    ),
    "sv no da": (
        ("januari", "januar"), ("februari", "februar"), ("mars", "marts"), ("april",), ("maj", "mai"), ("juni",),
        ("juli",), ("augusti", "august"), ("september",), ("oktober",), ("november",), ("december", "desember"),
    ),
    "pl": (
        ("stycznia", "styczeń"), ("lutego", "luty"), ("marca", "marzec"), ("kwietnia", "kwiecień"), ("maja", "maj"),
        ("czerwca", "czerwiec"), ("lipca", "lipiec"), ("sierpnia", "sierpień"), ("września", "wrzesień"),
        ("października", "październik"), ("listopada", "listopad"), ("grudnia", "grudzień"),
    ),
    "cs": (
        ("ledna", "leden"), ("února", "únor"), ("března", "březen"), ("dubna", "duben"), ("května", "květen"),
        ("června", "červen"), ("července", "červenec"), ("srpna", "srpen"), ("září",), ("října", "říjen"),
        ("listopadu",), ("prosince", "prosinec"),
    ),
    "ru": (
        ("января", "январь", "янв"), ("февраля", "февраль", "фев"), ("марта", "март", "мар"),
        ("апреля", "апрель", "апр"), ("мая", "май"), ("июня", "июнь", "июн"), ("июля", "июль", "июл"),
        ("августа", "август", "авг"), ("сентября", "сентябрь", "сент", "сен"), ("октября", "октябрь", "окт"),
        ("ноября", "ноябрь", "нояб", "ноя"), ("декабря", "декабрь", "дек"),
    ),
    "uk": (
        ("січня",), ("лютого",), ("березня",), ("квітня",), ("травня",), ("червня",), ("липня",), ("серпня",),
        ("вересня",), ("жовтня",), ("листопада",), ("грудня",),
    ),
    "tr": (
        ("ocak",), ("şubat", "subat"), ("mart",), ("nisan",), ("mayıs", "mayis"), ("haziran",), ("temmuz",),
        ("ağustos", "agustos"), ("eylül", "eylul"), ("ekim",), ("kasım", "kasim"), ("aralık", "aralik"),
    ),
    "lt": (
        ("sausio",), ("vasario",), ("kovo",), ("balandžio",), ("gegužės",), ("birželio",), ("liepos",),
        ("rugpjūčio",), ("rugsėjo",), ("spalio",), ("lapkričio",), ("gruodžio",),
    ),
    "id ms": (
        ("januari",), ("februari",), ("maret", "mac"), ("april",), ("mei",), ("juni", "jun"), ("juli", "julai"),
        ("agustus", "ogos"), ("september",), ("oktober",), ("november",), ("desember", "disember"),
    ),
    "ro": (
        ("ianuarie",), ("februarie",), ("martie",), ("aprilie",), ("mai",), ("iunie",), ("iulie",), ("august",),
        ("septembrie",), ("octombrie",), ("noiembrie",), ("decembrie",),
    ),
    "hu": (
        ("január",), ("február",), ("március",), ("április",), ("május",), ("június",), ("július",),
        ("augusztus",), ("szeptember",), ("október",), ("november",), ("december",),
    ),
    "is": (
        ("janúar",), ("febrúar",), ("mars",), ("apríl",), ("maí",), ("júní",), ("júlí",), ("ágúst",),
        ("september",), ("október",), ("nóvember",), ("desember",),
    ),
    "el": (
        ("ιανουαρίου",), ("φεβρουαρίου",), ("μαρτίου",), ("απριλίου",), ("μαΐου", "μαίου"), ("ιουνίου",),
        ("ιουλίου",), ("αυγούστου",), ("σεπτεμβρίου",), ("οκτωβρίου",), ("νοεμβρίου",), ("δεκεμβρίου",),
    ),
}  # fmt: skip


def _month_table() -> dict[str, int]:
    table = dict(_ENGLISH)
    for months in _BY_LANGUAGE.values():
        for number, names in enumerate(months, start=1):
            for name in names:
                if table.setdefault(name, number) != number:
                    raise ValueError(f"month word {name!r} names two months")
    return table


# Every month word, lower case, to its number (1-12).
MONTHS: Final[dict[str, int]] = _month_table()

# Words that introduce the date an article was first published.
PUBLISHED_WORDS: Final[tuple[str, ...]] = (
    "published", "posted", "first published", "publication date", "released", "created",
    "veröffentlicht", "publiziert", "erschienen", "erstellt", "publié", "publie le", "mis en ligne", "publicado",
    "publicada", "pubblicato", "pubblicata", "опубликовано", "опубликован", "дата публикации", "gepubliceerd",
    "publicerad", "publicerat", "publisert", "publiceret", "udgivet", "opublikowano", "publikováno", "zveřejněno",
    "yayınlanma", "yayınlandı", "yayın tarihi", "diterbitkan", "dipublikasikan", "paskelbta",
    "发布", "发表", "發布", "發表", "来源", "時間", "时间", "日期", "公開", "掲載", "投稿", "配信",
    "입력", "등록", "작성",
)  # fmt: skip

# Words that introduce a later date: an update or an edit. Not German "Stand" nor Chinese "更新": pages in those
# languages print them on their only date line.
UPDATED_WORDS: Final[tuple[str, ...]] = (
    "updated", "update", "last modified", "modified", "edited", "revised", "aktualisiert", "zuletzt", "geändert",
    "mis à jour", "modifié", "actualizado", "actualizada", "actualización", "aggiornato", "aggiornata",
    "обновлено", "обновлен", "изменено", "bijgewerkt", "aangepast", "uppdaterad", "oppdatert", "opdateret",
    "zaktualizowano", "aktualizováno", "güncelleme", "güncellendi", "diperbarui", "atnaujinta", "atualizado",
    "atualizada", "uppfært", "修改", "수정",
)  # fmt: skip

# Words that make a date no publication date at all: a copyright, an expiry, a deadline.
OTHER_DATE_WORDS: Final[tuple[str, ...]] = (
    "©", "copyright", "(c)", "all rights reserved", "available until", "expires", "verfügbar bis", "gültig bis",
    "disponible jusqu", "disponible hasta", "disponibile fino", "доступно до", "beschikbaar tot",
)  # fmt: skip

# Relative ages ("vor 3 Stunden", "hace 2 días", "3 hours ago"): the unit words, each to its length in hours.
RELATIVE_UNITS: Final[dict[str, float]] = {
    "minute": 1 / 60, "minutes": 1 / 60, "min": 1 / 60, "mins": 1 / 60, "minuten": 1 / 60, "minuto": 1 / 60,
    "minutos": 1 / 60, "minuti": 1 / 60, "минут": 1 / 60, "минуты": 1 / 60, "минуту": 1 / 60, "minutter": 1 / 60,
    "minuter": 1 / 60, "dakika": 1 / 60, "minut": 1 / 60, "minuty": 1 / 60, "minutami": 1 / 60,
    "分": 1 / 60, "分钟": 1 / 60, "분": 1 / 60,
    "hour": 1, "hours": 1, "hr": 1, "hrs": 1, "h": 1, "stunde": 1, "stunden": 1, "std": 1, "heure": 1, "heures": 1,
    "hora": 1, "horas": 1, "ora": 1, "ore": 1, "час": 1, "часа": 1, "часов": 1, "uur": 1, "time": 1, "timer": 1,
    "timme": 1, "timmar": 1, "saat": 1, "godzina": 1, "godziny": 1, "godzin": 1, "hodina": 1, "hodiny": 1,
    "hodin": 1, "hodinami": 1, "小时": 1, "小時": 1, "時間": 1, "시간": 1,
    "day": 24, "days": 24, "tag": 24, "tagen": 24, "tage": 24, "jour": 24, "jours": 24, "día": 24, "días": 24,
    "dia": 24, "dias": 24, "giorno": 24, "giorni": 24, "день": 24, "дня": 24, "дней": 24, "dag": 24, "dagen": 24,
    "dage": 24, "dagar": 24, "døgn": 24, "gün": 24, "dzień": 24, "dni": 24, "den": 24, "dny": 24, "dnů": 24, "dnem": 24,
    "天": 24, "日": 24, "일": 24,
    "week": 168, "weeks": 168, "woche": 168, "wochen": 168, "semaine": 168, "semaines": 168, "semana": 168,
    "semanas": 168, "settimana": 168, "settimane": 168, "неделю": 168, "недели": 168, "недель": 168, "weken": 168,
    "uke": 168, "uker": 168, "vecka": 168, "veckor": 168, "uge": 168, "uger": 168, "hafta": 168, "周": 168, "週間": 168,
}  # fmt: skip

# Words that put the count before or after them: "vor 3 Stunden", "il y a 3 heures", "hace 3 horas", "3 hours ago".
RELATIVE_BEFORE: Final[tuple[str, ...]] = ("vor", "il y a", "hace", "há", "před")
RELATIVE_AFTER: Final[tuple[str, ...]] = (
    "ago", "fa", "назад", "geleden", "siden", "sedan", "önce", "temu", "lalu", "前", "전",
)  # fmt: skip

# Words for "one" before a relative unit ("an hour ago", "vor einer Stunde", "il y a une heure").
RELATIVE_ONE: Final[frozenset[str]] = frozenset(
    {"a", "an", "one", "ein", "eine", "einer", "einem", "un", "une", "uno", "una", "um", "uma", "één", "en", "ett"}
)

# Days named relative to the crawl: today and yesterday.
RELATIVE_DAYS: Final[dict[str, int]] = {
    "today": 0, "heute": 0, "aujourd'hui": 0, "hoy": 0, "oggi": 0, "hoje": 0, "vandaag": 0, "сегодня": 0,
    "i dag": 0, "idag": 0, "bugün": 0, "dzisiaj": 0, "dnes": 0, "今天": 0, "今日": 0, "오늘": 0,
    "yesterday": 1, "gestern": 1, "ayer": 1, "ieri": 1, "ontem": 1, "gisteren": 1, "вчера": 1,
    "i går": 1, "igår": 1, "dün": 1, "wczoraj": 1, "včera": 1, "昨天": 1, "昨日": 1, "어제": 1,
}  # fmt: skip
