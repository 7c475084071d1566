"""Labels of site furniture in the languages of the set (en de fr es ru pt id ja it zh nl fi fa uk), as data.

Each kind has phrases; `classify` says which kind a line is, if any, and why. The phrases are interface words that
sites print (menu items, buttons, headings), not story words; a line is labelled only when it is short or, for
cookie and copyright notices, when the notice's own words carry it.
"""

from __future__ import annotations

import functools
import re

# kind -> phrases (lower case). "where": "any" = the phrase anywhere in a short line; "head" = the line starts
# with it (a heading such as "Related stories"); "whole" = the line is the phrase (an ad marker, a menu item).
PHRASES: dict[str, tuple[str, tuple[str, ...]]] = {
    "share": (
        "any",
        (
            "share",
            "share this",
            "tweet",
            "email this",
            "copy link",
            "print this",
            "teilen",
            "seite teilen",
            "drucken",
            "link kopieren",
            "partager",
            "imprimer",
            "copier le lien",
            "compartir",
            "imprimir",
            "copiar enlace",
            "condividi",
            "stampa",
            "compartilhar",
            "compartilhe",
            "copiar link",
            "bagikan",
            "tautan telah disalin",
            "delen",
            "delen via",
            "jaa",
            "tulosta",
            "поделиться",
            "поділитися",
            "اشتراک",
            "シェア",
            "ツイート",
            "分享",
            "facebook",
            "twitter",
            "whatsapp",
            "linkedin",
            "pinterest",
            "telegram",
            "reddit",
            "flipboard",
            "messenger",
            "instagram",
            "youtube",
            "tiktok",
            "vkontakte",
            "xing",
            "line で送る",
            "微信",
            "微博",
        ),
    ),
    "follow": (
        "any",
        (
            "follow us",
            "follow me",
            "connect with us",
            "folge uns",
            "folgen sie uns",
            "suivez-nous",
            "síguenos",
            "seguici",
            "siga-nos",
            "siga o",
            "ikuti kami",
            "volg ons",
            "seuraa meitä",
            "подписывайтесь на нас",
            "мы в соцсетях",
            "стежте за нами",
            "ми в соцмережах",
            "フォローする",
            "关注我们",
            "ما را دنبال کنید",
        ),
    ),
    "cookie": (
        "any",
        (
            "cookie",
            "cookies",
            "cookie-einstellungen",
            "cookie settings",
            "cookie policy",
            "cookie-richtlinie",
            "cookie preferences",
            "politique de cookies",
            "política de cookies",
            "informativa cookie",
            "consent preferences",
            "privacy settings",
            "datenschutzeinstellungen",
            "gestion des cookies",
            "クッキー",
            "cookie 政策",
            "کوکی",
            "файлы cookie",
            "файли cookie",
            "evästeet",
            "evästeitä",
        ),
    ),
    "newsletter": (
        "any",
        (
            "newsletter",
            "newsletters",
            "sign up",
            "sign-up",
            "subscribe",
            "subscribe now",
            "subscription",
            "subscriber",
            "inbox",
            "get our",
            "abonnieren",
            "abonnement",
            "abonnez-vous",
            "inscrivez-vous",
            "s'inscrire",
            "je m'abonne",
            "suscríbete",
            "suscribirse",
            "suscripción",
            "boletín",
            "iscriviti",
            "abbonati",
            "assine",
            "assinante",
            "inscreva-se",
            "cadastre-se",
            "berlangganan",
            "langganan",
            "nieuwsbrief",
            "abonneer",
            "uutiskirje",
            "tilaa",
            "tilaaja",
            "рассылка",
            "подписаться",
            "подпишитесь",
            "розсилка",
            "підписатися",
            "підпишіться",
            "ニュースレター",
            "メルマガ",
            "購読",
            "订阅",
            "خبرنامه",
            "عضویت",
        ),
    ),
    "copyright": (
        "any",
        (
            "©",
            "copyright",
            "all rights reserved",
            "alle rechte vorbehalten",
            "tous droits réservés",
            "todos los derechos reservados",
            "tutti i diritti riservati",
            "todos os direitos reservados",
            "hak cipta",
            "все права защищены",
            "усі права захищені",
            "всі права захищені",
            "alle rechten voorbehouden",
            "kaikki oikeudet pidätetään",
            "無断転載",
            "無断複製",
            "版权所有",
            "版權所有",
            "کلیه حقوق",
            "تمامی حقوق",
        ),
    ),
    "footer": (
        "any",
        (
            "impressum",
            "imprint",
            "privacy",
            "privacy policy",
            "privacy notice",
            "terms of use",
            "terms of service",
            "terms and conditions",
            "terms & conditions",
            "datenschutz",
            "datenschutzerklärung",
            "agb",
            "kontakt",
            "mediadaten",
            "barrierefreiheit",
            "mentions légales",
            "confidentialité",
            "nous contacter",
            "contactez-nous",
            "aviso legal",
            "política de privacidad",
            "contacto",
            "contáctenos",
            "quiénes somos",
            "privacidad",
            "contatti",
            "chi siamo",
            "note legali",
            "política de privacidade",
            "fale conosco",
            "termos de uso",
            "expediente",
            "quem somos",
            "kebijakan privasi",
            "hubungi kami",
            "tentang kami",
            "pedoman media siber",
            "redaksi",
            "privacybeleid",
            "algemene voorwaarden",
            "tietosuoja",
            "tietosuojaseloste",
            "yhteystiedot",
            "политика конфиденциальности",
            "пользовательское соглашение",
            "контакты",
            "о нас",
            "о проекте",
            "політика конфіденційності",
            "контакти",
            "про нас",
            "プライバシー",
            "お問い合わせ",
            "利用規約",
            "会社概要",
            "隐私",
            "联系我们",
            "关于我们",
            "免责声明",
            "حریم خصوصی",
            "تماس با ما",
            "درباره ما",
            "contact us",
            "contact",
            "about us",
            "careers",
            "advertise",
            "advertise with us",
            "sitemap",
            "site map",
            "rss",
            "rss feed",
            "rss-feed",
            "accessibility",
            "do not sell",
            "back to top",
            "nach oben",
            "haut de page",
            "volver arriba",
            "torna su",
            "voltar ao topo",
            "kembali ke atas",
            "naar boven",
            "faq",
            "publicité",
            "publicidad",
            "pubblicità",
            "publicidade",
        ),
    ),
    "related": (
        "head",
        (
            "related",
            "related stories",
            "related articles",
            "related topics",
            "read more",
            "read also",
            "see also",
            "more from",
            "more in",
            "more on",
            "more about",
            "more stories",
            "more news",
            "most popular",
            "most read",
            "most viewed",
            "trending",
            "recommended",
            "you may also like",
            "you might also like",
            "latest news",
            "latest stories",
            "top stories",
            "editor's picks",
            "don't miss",
            "also read",
            "previous post",
            "next post",
            "previous article",
            "next article",
            "tags",
            "topics",
            "weitere artikel",
            "weitere nachrichten",
            "mehr zum thema",
            "mehr aus",
            "das könnte sie auch interessieren",
            "meistgelesen",
            "meistgelesene",
            "auch interessant",
            "lesen sie auch",
            "verwandte",
            "ähnliche artikel",
            "neueste artikel",
            "vorheriger artikel",
            "nächster artikel",
            "schlagworte",
            "à lire aussi",
            "lire aussi",
            "les plus lus",
            "sur le même sujet",
            "voir aussi",
            "à la une",
            "nos vidéos",
            "article précédent",
            "article suivant",
            "dans la même rubrique",
            "mira también",
            "te puede interesar",
            "lo más leído",
            "lo más visto",
            "últimas noticias",
            "temas relacionados",
            "noticias relacionadas",
            "te recomendamos",
            "más noticias",
            "leia mais",
            "leia também",
            "mais lidas",
            "mais recentes",
            "veja também",
            "últimas de",
            "notícias relacionadas",
            "leggi anche",
            "potrebbe interessarti",
            "più letti",
            "ultime notizie",
            "articoli correlati",
            "baca juga",
            "berita terkait",
            "terpopuler",
            "berita terkini",
            "lees ook",
            "meest gelezen",
            "meer nieuws",
            "lees meer over",
            "net binnen",
            "lue myös",
            "luetuimmat",
            "uusimmat",
            "читайте также",
            "популярное",
            "новости по теме",
            "последние новости",
            "читайте також",
            "популярне",
            "останні новини",
            "новини по темі",
            "関連記事",
            "人気記事",
            "おすすめ記事",
            "新着記事",
            "相关文章",
            "相关新闻",
            "热门",
            "推荐阅读",
            "مطالب مرتبط",
            "پربازدید",
            "اخبار مرتبط",
            "آخرین اخبار",
        ),
    ),
    "comments": (
        "head",
        (
            "comments",
            "leave a reply",
            "leave a comment",
            "post a comment",
            "view comments",
            "show comments",
            "join the conversation",
            "kommentare",
            "kommentar schreiben",
            "kommentieren",
            "commentaires",
            "laisser un commentaire",
            "réagir",
            "commenter",
            "comentarios",
            "deja un comentario",
            "mostrar comentarios",
            "comentar",
            "commenti",
            "lascia un commento",
            "comentários",
            "comentar a matéria",
            "komentar",
            "reacties",
            "kommentit",
            "kommentoi",
            "комментарии",
            "комментировать",
            "коментарі",
            "コメント",
            "评论",
            "留言",
            "نظرات",
            "ارسال نظر",
        ),
    ),
    "menu": (
        "whole",
        (
            "menu",
            "menü",
            "home",
            "search",
            "login",
            "log in",
            "sign in",
            "sign out",
            "register",
            "close",
            "open",
            "skip to content",
            "skip to main content",
            "zum inhalt springen",
            "startseite",
            "suche",
            "anmelden",
            "accueil",
            "rechercher",
            "connexion",
            "se connecter",
            "aller au contenu",
            "inicio",
            "buscar",
            "iniciar sesión",
            "ir al contenido",
            "cerca",
            "accedi",
            "entrar",
            "início",
            "pesquisar",
            "beranda",
            "cari",
            "masuk",
            "zoeken",
            "inloggen",
            "haku",
            "etusivu",
            "kirjaudu",
            "главная",
            "поиск",
            "войти",
            "головна",
            "пошук",
            "увійти",
            "ホーム",
            "検索",
            "ログイン",
            "首页",
            "搜索",
            "登录",
            "خانه",
            "جستجو",
            "ورود",
            "more",
            "mehr",
            "plus",
            "más",
            "altro",
            "mais",
            "lainnya",
            "meer",
            "lisää",
            "ещё",
            "ще",
        ),
    ),
    "ad": (
        "whole",
        (
            "advertisement",
            "advert",
            "ad",
            "sponsored",
            "sponsored content",
            "partner content",
            "story continues below",
            "story continues below advertisement",
            "anzeige",
            "werbung",
            "publicité",
            "publicidad",
            "pubblicità",
            "publicidade",
            "iklan",
            "advertentie",
            "mainos",
            "реклама",
            "広告",
            "广告",
            "تبلیغات",
        ),
    ),
    "caption": (
        "head",
        (
            "photo:",
            "photos:",
            "foto:",
            "fotos:",
            "bild:",
            "image:",
            "images:",
            "picture:",
            "credit:",
            "crédit :",
            "crédit:",
            "crédito:",
            "créditos:",
            "bildquelle:",
            "quelle:",
            "imagen:",
            "immagine:",
            "imagem:",
            "фото:",
            "写真：",
            "图片：",
            "عکس:",
            "getty images",
            "image copyright",
            "image caption",
            "media caption",
            "photo copyright",
            "picture copyright",
            "image 1 of",
            "back to gallery",
            "caption",
        ),
    ),
}
STORY_END = frozenset({"copyright", "comments", "footer"})
"""Labels that, between two runs of prose, mean the first run was the story and the page went on to other things."""
_KINDS = {"follow": "share", "ad": "ad"}
_SENTENCE_END = re.compile(r"[.!?…。！？؟][\"'”’»)\]]*$")
_MARKER = re.compile(r"^(?:[*+o•·▪►◦‣–—-]|\d{1,2}[.)])\s+")
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright\b)|©\s*(?:\d{4}|\w)|\bcopyright\s*(?:©|\(c\))?\s*\d{4}", re.I
)
_COOKIE_CONTEXT = re.compile(
    r"accept|consent|agree|privacy|settings|policy|website|site|browser|experience|einwillig|zustimm|akzept|"
    r"einstellung|datenschutz|webseite|website|accepter|consentement|paramètres|navigation|aceptar|consentimiento|"
    r"navegación|sitio|accett|consenso|navigazione|aceit|navegação|setuju|persetujuan|situs|accepteren|"
    r"toestemming|hyväksy|sivusto|согла|сайт|погод|сайті|同意|サイト|网站|پذیر|سایت",
    re.I,
)
_FOLD_I = str.maketrans({"İ": "i", "ı": "i"})
"""The letters besides I that re.I matches to i: after this and lower(), a substring test misses no match."""
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_MAX_LEN = {"copyright": 300, "cookie": 400, "newsletter": 200}


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    out = {}
    for kind, (where, phrases) in PHRASES.items():
        alternatives = "|".join(sorted((re.escape(p) for p in phrases), key=len, reverse=True))
        if where == "whole":
            out[kind] = re.compile(rf"(?:{alternatives})\s*[:.…»›>]*", re.I)
        elif where == "head":
            out[kind] = re.compile(rf"(?:{alternatives})(?!\w)", re.I)
        else:
            out[kind] = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.I)
    return out


_RUN = re.compile(r"\w+")


@functools.cache
def _keys(kind: str) -> tuple[str, ...]:
    """Few substrings, one of which every phrase of `kind` holds (the shortest phrases that cover the rest)."""
    keys: list[str] = []
    for phrase in sorted(PHRASES[kind][1], key=len):
        if not any(key in phrase for key in keys):
            keys.append(phrase)
    return tuple(keys)


@functools.cache
def _first_words(kind: str) -> tuple[frozenset[str], bool]:
    """The first word of each phrase of `kind` (a match of a phrase starts a word of the line that is this word),
    and whether some phrase starts with no word character (then no word rules it out)."""
    firsts = {match.group() for match in map(_RUN.match, PHRASES[kind][1]) if match}
    return frozenset(firsts), any(not _RUN.match(phrase) for phrase in PHRASES[kind][1])


def _may_hold(kind: str, words: frozenset[str] | set[str]) -> bool:
    """A cheap test before the phrase search: one of the line's words (lower case) starts a phrase of `kind`."""
    firsts, other = _first_words(kind)
    return other or not firsts.isdisjoint(words)


def _cookie(core: str) -> bool:
    lower = core.lower()
    return any(key in lower for key in _keys("cookie")) and bool(_patterns()["cookie"].search(core))


def _copyright_mark(core: str) -> bool:
    """_COPYRIGHT.search(core), after the cheap test that the line holds ©, (c) or copyright in any case."""
    if "©" not in core:
        folded = (
            core.translate(_FOLD_I) if "İ" in core or "ı" in core else core
        ).lower()  # translate is slow: only when needed
        if "copyright" not in folded and "(c)" not in folded:
            return False
    return _COPYRIGHT.search(core) is not None


def kind_of(label: str) -> str:
    """The verdict kind of a label (a follow row is a share row)."""
    return _KINDS.get(label, label)


def _prose(text: str, words: int) -> bool:
    return words >= 10 and bool(_SENTENCE_END.search(text))


def classify_long(text: str) -> tuple[str | None, str]:
    """`classify` for a line longer than 80 characters that ends as a sentence ('.', '!', '?') with 10 words or
    more (prose): only captions and the notices whose own words carry them (copyright, cookie) can be such a line."""
    core = _MARKER.sub("", text, count=1).strip()
    found = _patterns()
    if len(core) <= 160 and found["caption"].match(core):
        return "caption", "picture caption or credit"
    if len(core) <= _MAX_LEN["copyright"] and _copyright_mark(core):
        if _YEAR.search(core) or found["copyright"].search(core.replace("©", "")):
            return "copyright", "copyright notice"
        return "caption", "picture credit"
    if len(core) <= _MAX_LEN["cookie"] and _cookie(core) and _COOKIE_CONTEXT.search(core):
        return "cookie", "cookie or consent notice"
    return None, ""


def classify(text: str, words: int) -> tuple[str | None, str]:
    """The furniture kind of a whole line and the evidence, or (None, "") for a line that is no label."""
    core = _MARKER.sub("", text, count=1).strip()
    found = _patterns()
    prose = _prose(core, words)
    lower = core.lower()
    first = _RUN.match(lower)
    lead = {first.group()} if first else set()
    if len(core) <= 160 and _may_hold("caption", lead) and found["caption"].match(core):
        return "caption", "picture caption or credit"
    if len(core) <= _MAX_LEN["copyright"] and _copyright_mark(core):
        if _YEAR.search(core) or found["copyright"].search(core.replace("©", "")):
            return "copyright", "copyright notice"
        return "caption", "picture credit"
    if len(core) <= _MAX_LEN["cookie"] and _cookie(core):
        if not prose or _COOKIE_CONTEXT.search(core):
            return "cookie", "cookie or consent notice"
    if prose and len(core) > 80:
        return None, ""
    runs = set(_RUN.findall(lower))
    if (
        len(core) <= _MAX_LEN["newsletter"]
        and not prose
        and _may_hold("newsletter", runs)
        and found["newsletter"].search(core)
    ):
        return "newsletter", "newsletter or subscription prompt"
    if (
        len(core) <= _MAX_LEN["copyright"]
        and not prose
        and _may_hold("copyright", runs)
        and found["copyright"].search(core)
    ):
        return "copyright", "rights notice"
    for kind in ("ad", "menu"):
        if len(core) <= 40 and _may_hold(kind, lead) and found[kind].fullmatch(core):
            return kind, f"{kind} label"
    if len(core) <= 60:
        for kind in ("related", "comments"):
            if _may_hold(kind, lead) and found[kind].match(core):
                return kind, f"{kind} heading"
    if len(core) <= 80 and not prose:
        for kind in ("share", "follow", "footer"):
            if not _may_hold(kind, runs):
                continue
            covered = sum(len(m.group()) for m in found[kind].finditer(core))
            if covered * 4 >= len(core):
                return kind, f"{kind} link"
    return None, ""
