"""Words of page boilerplate and of running prose in several languages: data for `debris` and `lines`.

Each table is keyed by language so that a language is added in one place. Phrases are regular-expression fragments
matched case-blind at the start of a stripped line unless the table says otherwise; a space in a phrase matches any
run of spaces. English stays in `debris`, whose patterns were written for it first.
"""

from __future__ import annotations

# Short words that make up much of running prose (articles, pronouns, prepositions, auxiliaries): a line of text
# holds many, a menu or a caption few. English first, as the line model was fitted on English pages.
FUNCTION_WORDS: dict[str, str] = {
    "en": """the a an of to in on at for with by from and or but as that this these those is are was were be been
        has have had it its he she they his her their we our you your i not no will would can could said says than
        then""",
    "de": """der die das den dem des ein eine einen einem einer eines und oder aber als dass ist sind war waren wird
        werden wurde wurden hat haben hatte hatten sich nicht auch mit von zu im in auf für bei aus nach über um an
        es er sie wir ihr ihre sein seine noch nur wie so""",
    "fr": """le la les un une des du de et ou mais que qui est sont était ont a au aux dans sur pour par avec ne pas
        il elle ils elles nous vous se sa son ses leur leurs ce cette plus""",
    "es": """el la los las un una unos unas de del y o pero que es son fue han ha en por para con no se su sus lo
        le les al como más este esta""",
    "it": """il lo la i gli le un una di del della dei delle e o ma che è sono era ha hanno in nel nella per con non
        si suo sua al alla come più questo questa""",
    "pt": """o a os as um uma de do da dos das e ou mas que é são foi tem em no na por para com não se seu sua ao
        como mais""",
    "nl": """de het een en of maar dat die is zijn was werd heeft hebben in op voor met van te niet ook bij naar""",
    "ru": """и в во не что он она они на с со как а то все его её их к у же за бы по из от о для это был была были
        так но""",
    "no/da/sv": """og i på til med som er var har det en et av for at ikke jeg han hun de om fra och är inte att""",
}

# Phrases that open a line naming when the page was published or updated ("Veröffentlicht am 13. Mai").
PUBLISHED_OPENINGS: dict[str, str] = {
    "de": r"veröffentlicht|aktualisiert|erstellt|stand|zuletzt aktualisiert",
    "fr": r"publié|mis à jour|modifié",
    "es": r"publicado|actualizado",
    "it": r"pubblicato|aggiornato",
    "pt": r"publicado|atualizado",
    "nl": r"gepubliceerd|bijgewerkt",
    "ru": r"опубликовано|обновлено",
    "no/da/sv": r"publisert|sist oppdatert|oppdatert|publiceret|opdateret|publicerad|uppdaterad",
}

# Phrases that open the page's tail: related articles, reader comments, "more on this".
TAIL_OPENINGS: dict[str, str] = {
    "de": r"mehr zum thema|mehr (?:news|nachrichten|artikel)|das könnte sie auch interessieren|(?:ähnliche|weitere) "
    r"(?:artikel|nachrichten|beiträge|themen)|lesen sie (?:auch|mehr)|auch interessant|kommentare?\b"
    r"|leserkommentare|kommentar (?:abgeben|schreiben)|siehe auch|weiterführende links|neueste (?:artikel|beiträge)",
    "fr": r"(?:à )?lire aussi|sur le même (?:sujet|thème)|(?:articles? )?similaires|commentaires?\b|à voir aussi"
    r"|nos articles|plus d'articles|voir aussi",
    "es": r"(?:te|le) puede interesar|noticias relacionadas|(?:lee|leer) (?:también|más)|comentarios?\b"
    r"|más noticias|relacionad[oa]s|(?:véase|ver) también",
    "it": r"leggi anche|potrebbe interessarti|articoli correlati|commenti\b|altre notizie|ti potrebbe interessare"
    r"|vedi anche",
    "pt": r"leia também|veja também|notícias relacionadas|comentários\b",
    "nl": r"lees ook|meer over|gerelateerde artikelen|reacties\b",
    "ru": r"читайте также|похожие (?:новости|статьи)|комментарии\b|ещё по теме|новости по теме|см\. также",
    "pl": r"czytaj (?:też|także)|zobacz (?:też|także)|komentarze\b|powiązane artykuły",
    "no/da/sv": r"les også|læs også|läs också|relaterte (?:saker|artikler)|relaterede artikler|relaterat"
    r"|kommentarer\b",
}

# Lines that are boilerplate wherever they stand, by how they open: reading times, advertising labels, share and
# follow buttons, photo galleries, "show more".
DEBRIS_OPENINGS: dict[str, str] = {
    "de": r"\d+ min(?:uten|\.)? lesezeit|lesezeit\b|anzeige$|werbung$|teilen$|artikel teilen|folgen sie uns"
    r"|jetzt (?:anmelden|abonnieren|registrieren)|detailansicht öffnen|bildergalerie|zur startseite|zum artikel$",
    "fr": r"\d+ min(?:utes)? de lecture|temps de lecture|publicité$|partager$|suivez-nous|abonnez-vous",
    "es": r"\d+ min(?:utos)? de lectura|tiempo de lectura|publicidad$|compartir$|síguenos|suscríbete",
    "it": r"\d+ min(?:uti)? di lettura|tempo di lettura|pubblicità$|condividi$|seguici|iscriviti",
    "pt": r"\d+ min(?:utos)? de leitura|publicidade$|compartilhe$|partilhar$|siga-nos|assine",
    "nl": r"\d+ min(?:uten)? leestijd|advertentie$|delen$|volg ons",
    "ru": r"реклама$|поделиться$|подписывайтесь|время чтения",
    # "4 min.", "3 Min", "01:48 min": reading or playing times standing alone.
    "": r"(?:\d+:)?\d+ ?min\.?$|\d+ min read$",
}

# Labels that open a line of the page's topic tags or links ("Themen: Vodafone, Tarife"), followed by a colon: the
# English "Tags:" stays in `debris`.
TAG_LABELS: dict[str, str] = {
    "de": r"themen|schlagw(?:ö|oe)rter|schlagworte|stichw(?:ö|oe)rter",
    "fr": r"mots[- ]clés|thèmes|sujets",
    "es": r"etiquetas|temas",
    "it": r"argomenti|parole chiave",
    "pt": r"tópicos|assuntos|palavras-chave",
    "nl": r"onderwerpen|trefwoorden",
    "ru": r"теги|метки|темы",
    "pl": r"tagi|tematy",
}

# Buttons and links that stand alone on a line: "read more", "copy link".
BUTTONS: dict[str, str] = {
    "de": r"weiterlesen|mehr lesen|link kopieren|link kopiert!?|tipp einsenden",
    "fr": r"lire la suite|copier le lien",
    "es": r"leer más|seguir leyendo|copiar enlace",
    "it": r"continua a leggere|copia link",
    "pt": r"leia mais|continue lendo|copiar link",
    "nl": r"lees meer|lees verder|kopieer link",
    "ru": r"читать далее|подробнее|скопировать ссылку",
    "pl": r"czytaj więcej|czytaj dalej|kopiuj link",
    "no/da/sv": r"les mer|læs mere|läs mer|vis mer|kopier lenke",
}

# A date or a time of day standing alone on a line ("22.11.2024 07.57", "02/02/2025", "21:52 Uhr"): the page's
# stamp of the article or of a teaser, not a sentence of one, in any language.
DATE_ALONE = r"(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}(?:,?\s+\d{1,2}[:.]\d{2}(?:\s*uhr)?)?|\d{1,2}:\d{2}(?:\s*uhr)?)$"

# Found anywhere in a line: consent and privacy notices, cookie banners.
CONSENT: dict[str, str] = {
    "de": r"cookies? (?:akzeptieren|zulassen|einstellungen)|alle akzeptieren|datenschutzerklärung"
    r"|datenschutz-?einstellungen|personenbezogene(?:n)? daten|ich bin damit einverstanden"
    r"|einwilligung (?:widerrufen|erteilen)|privatsphäre-einstellungen"
    r"|(?:aktivieren|deaktivieren) sie (?:javascript|ihren ad-?blocker)|ad-?blocker",
    "fr": r"accepter (?:les|tous les) cookies|tout accepter|politique de confidentialité|données personnelles"
    r"|gestion des cookies|paramètres des cookies|activez javascript",
    "es": r"aceptar (?:las |todas las )?cookies|política de (?:privacidad|cookies)|datos personales"
    r"|configuración de cookies",
    "it": r"accetta(?:re)? (?:i |tutti i )?cookie|informativa (?:sulla privacy|cookie)|dati personali",
    "pt": r"aceitar (?:os )?cookies|política de privacidade|dados pessoais",
    "nl": r"cookies accepteren|privacybeleid|persoonsgegevens",
    "ru": r"файлы cookie|файлов cookie|персональных данных|политик[аи] конфиденциальности",
    "no/da/sv": r"ansvarlig for dine data|informasjonskapsler|personvernerklæring|privatlivspolitik"
    r"|integritetspolicy|personuppgifter",
}

# Found anywhere in a line: copyright and reuse notices.
COPYRIGHT: dict[str, str] = {
    "de": r"alle rechte vorbehalten",
    "fr": r"tous droits réservés",
    "es": r"todos los derechos reservados",
    "it": r"tutti i diritti riservati",
    "pt": r"todos os direitos reservados",
    "nl": r"alle rechten voorbehouden",
    "ru": r"все права защищены",
    "no/da/sv": r"alle rettigheter reservert|alle rettigheder forbeholdes|alla rättigheter förbehållna",
}

# Found anywhere in a line: appeals to subscribe, sign up or give money.
APPEALS: dict[str, str] = {
    "de": r"newsletter (?:abonnieren|bestellen)|zum newsletter|(?:jetzt|bitte) (?:spenden|unterstützen)"
    r"|unterstützen sie uns|mit einer spende|mitglied werden|abo abschließen",
    "fr": r"(?:inscri(?:vez|re)|abonnez)[- ].{0,30}newsletter|faire un don|soutenez[- ]nous",
    "es": r"suscríbete a(?:l| nuestra) (?:newsletter|boletín)|haz una donación|apóyanos",
    "it": r"iscriviti alla newsletter|fai una donazione|sostienici",
    "pt": r"assine a newsletter|faça uma doação",
    "nl": r"schrijf je in voor de nieuwsbrief|doneer",
    "ru": r"подпишитесь на (?:рассылку|наш)|поддержите (?:нас|редакцию)|пожертвовани",
}

# Labels that open a photo credit or a source note: "Bild: Name/dpa", "Foto: ...", "Quelle: dpa".
CREDIT_LABELS: dict[str, str] = {
    "de": r"bild|foto(?:\(s\)|s)?|quelle|fotograf(?:ie)?|grafik",
    "fr": r"photo|crédit(?: photo)?|source",
    "es": r"foto(?:grafía)?|imagen|fuente",
    "it": r"foto|immagine|fonte",
    "pt": r"foto|imagem|fonte",
    "nl": r"foto|beeld|bron",
    "ru": r"фото|источник",
}

# Words that open a byline ("Von Anna Petrov", "Par Jean Dupont") and that join the names in one.
BYLINE_OPENERS: dict[str, str] = {
    "de": r"von|autor(?:in)?:|text:",
    "fr": r"par",
    "es": r"por",
    "it": r"di",
    "pt": r"por",
    "nl": r"door",
    "ru": r"автор:",
}
BYLINE_JOINERS = "und et y e i og och en und der da di del dos la le".split()

# Substrings every match of the tables above holds (lowercased), so that a line without any skips the pattern.
CONSENT_CUES = tuple(
    """cookie akzeptieren datenschutz personenbezogen einverstanden einwilligung privatsphäre javascript blocker
    accepter confidentialité données privacidad datos dados privacy dati privacybeleid persoonsgegevens данных
    конфиденциальности dine data informasjonskapsler personvern privatliv integritet personuppgifter""".split()
)
APPEAL_CUES = tuple(
    """newsletter boletín spende unterstützen mitglied abo don soutenez apóyanos sostienici doação nieuwsbrief doneer
    подпишитесь поддержите пожертвовани""".split()
)
COPYRIGHT_CUES = tuple("""rechte droits derechos diritti direitos rechten права rettighe förbehållna""".split())
CREDIT_CUES = tuple(
    """bild foto quelle grafik photo crédit source imagen fuente immagine fonte imagem beeld bron фото
    источник""".split()
)
