"""Line verdicts of sitegen.convert.furniture: hand-written pages in several languages."""

from __future__ import annotations

from itertools import pairwise

import pytest

from sitegen.convert.furniture import LineVerdict, story_lines

STORY = {
    "en": [
        "The city council voted on Tuesday to close the old bridge after engineers found that its steel was badly worn.",
        "Residents who use the bridge every day said they were worried about the long detour that the closure would bring.",
        "The mayor said that a new bridge could be built within three years if the state agreed to pay for most of it.",
        "Work on the first plans will begin in the spring, and the public will be asked for its views before the summer.",
    ],
    "de": [
        "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke zu schließen, weil der Stahl stark angegriffen ist.",
        "Viele Anwohner, die die Brücke jeden Tag nutzen, sorgen sich um den langen Umweg, der nun auf sie zukommt.",
        "Die Bürgermeisterin sagte, dass eine neue Brücke in drei Jahren gebaut werden könnte, wenn das Land zahlt.",
        "Die Arbeit an den ersten Plänen soll im Frühjahr beginnen, und die Bürger werden vorher nach ihrer Meinung gefragt.",
    ],
    "fr": [
        "Le conseil municipal a décidé mardi de fermer le vieux pont, car les ingénieurs ont trouvé que son acier était usé.",
        "Les habitants qui prennent le pont tous les jours se disent inquiets du long détour que la fermeture va leur imposer.",
        "Le maire a déclaré qu'un nouveau pont pourrait être construit dans trois ans si la région accepte de le financer.",
        "Les travaux sur les premiers plans commenceront au printemps, et le public sera consulté avant le début de l'été.",
    ],
    "es": [
        "El ayuntamiento decidió el martes cerrar el viejo puente porque los ingenieros descubrieron que su acero estaba muy gastado.",
        "Los vecinos que usan el puente todos los días dijeron que les preocupa el largo desvío que traerá el cierre.",
        "La alcaldesa dijo que se podría construir un nuevo puente en tres años si el gobierno regional paga la mayor parte.",
        "Los trabajos de los primeros planos comenzarán en la primavera y se pedirá la opinión de los vecinos antes del verano.",
    ],
    "ru": [
        "Городской совет во вторник решил закрыть старый мост, потому что инженеры нашли, что его сталь сильно изношена.",
        "Жители, которые каждый день ездят по мосту, говорят, что их беспокоит долгий объезд, который теперь будет нужен.",
        "Мэр сказал, что новый мост можно построить за три года, если область согласится оплатить большую часть работ.",
        "Работа над первыми планами начнётся весной, и до лета у жителей спросят, что они думают об этом проекте.",
    ],
    "it": [
        "Il consiglio comunale ha deciso martedì di chiudere il vecchio ponte, perché gli ingegneri hanno trovato l'acciaio molto usurato.",
        "Gli abitanti che usano il ponte ogni giorno si dicono preoccupati per la lunga deviazione che la chiusura porterà con sé.",
        "Il sindaco ha detto che un nuovo ponte potrebbe essere costruito in tre anni se la regione accetta di pagare quasi tutto.",
        "I lavori sui primi progetti cominceranno in primavera, e i cittadini saranno consultati prima dell'inizio dell'estate.",
    ],
    "ja": [
        "市議会は火曜日、技術者が鋼材の激しい劣化を見つけたため、古い橋を閉鎖することを決めました。",
        "毎日この橋を使っている住民たちは、閉鎖によって長い回り道をしなければならないことを心配しています。",
        "市長は、県が費用の大部分を負担することに同意すれば、三年以内に新しい橋を建設できると話しました。",
        "最初の計画作りは春に始まり、夏の前に住民の意見を聞く予定だということです。",
    ],
    "zh": [
        "市议会周二决定关闭这座老桥，因为工程师发现桥上的钢材已经严重磨损，继续使用会有危险。",
        "每天都要经过这座桥的居民表示，他们担心关闭之后要多走很长的一段绕行的路。",
        "市长说，如果省里同意承担大部分费用，新的桥梁可以在三年之内建成并且投入使用。",
        "第一批规划工作将在春天开始，在夏天之前还会向市民征求意见和建议。",
    ],
}


def page(
    lang: str, before: list[str] = (), middle: list[str] = (), after: list[str] = ()
) -> list[str]:
    """A seed: title line, blank, headline, the given furniture before, inside and after the story's paragraphs."""
    body = STORY[lang]
    lines = ["Headline | Example Site", "", "Headline"]
    for block in (list(before), body[:2], list(middle), body[2:], list(after)):
        for line in block:
            lines += ["", line]
    return lines


def kept(lines: list[str], lang: str, **kw) -> list[str]:
    return [
        lines[v.line]
        for v in story_lines(lines, start=3, lang=lang, **kw)
        if v.keep and lines[v.line]
    ]


def verdict_of(lines: list[str], text: str, lang: str, **kw) -> LineVerdict:
    return next(v for v in story_lines(lines, start=3, lang=lang, **kw) if lines[v.line] == text)


def assert_story_kept(lines: list[str], lang: str, **kw) -> None:
    got = kept(lines, lang, **kw)
    for paragraph in STORY[lang]:
        assert paragraph in got


FOOTERS = {
    "en": [
        "* About us",
        "* Contact us",
        "* Privacy Policy",
        "* Terms of Use",
        "© 2021 Example Media Ltd. All rights reserved.",
    ],
    "de": [
        "* Impressum",
        "* Datenschutz",
        "* Kontakt",
        "* Mediadaten",
        "© 2022 Beispiel Verlag GmbH",
    ],
    "fr": [
        "* Mentions légales",
        "* Nous contacter",
        "* Politique de confidentialité",
        "Tous droits réservés - Exemple 2023",
    ],
    "es": [
        "* Aviso legal",
        "* Política de privacidad",
        "* Contacto",
        "© 2020 Ejemplo Noticias S.A.",
    ],
    "ru": ["* Контакты", "* Политика конфиденциальности", "© 2020 Пример. Все права защищены."],
    "ja": ["* 利用規約", "* お問い合わせ", "* プライバシー", "Copyright © 2020 Example Inc."],
}


def test_one_verdict_per_line_from_start_in_order():
    lines = page("en", after=FOOTERS["en"])
    verdicts = story_lines(lines, start=3, lang="en")
    assert [v.line for v in verdicts] == list(range(3, len(lines)))
    assert all(isinstance(v, LineVerdict) and v.kind and v.reason for v in verdicts)


@pytest.mark.parametrize("lang", sorted(FOOTERS))
def test_footer_and_copyright_after_the_story_go(lang):
    lines = page(lang, after=FOOTERS[lang])
    assert_story_kept(lines, lang)
    assert not set(FOOTERS[lang]) & set(kept(lines, lang))


MENUS = {
    "en": ["* Home", "* News", "+ World", "+ Politics", "+ Business", "* Sport", "* Weather"],
    "de": [
        "* Startseite",
        "* Nachrichten",
        "+ Welt",
        "+ Politik",
        "+ Wirtschaft",
        "* Sport",
        "* Wetter",
    ],
    "fr": [
        "* Accueil",
        "* Actualités",
        "o Monde",
        "o Politique",
        "o Économie",
        "* Sport",
        "* Météo",
    ],
    "zh": ["* 首页", "* 新闻", "+ 国际", "+ 政治", "+ 财经", "* 体育"],
}


@pytest.mark.parametrize("lang", sorted(MENUS))
def test_menu_run_after_the_headline_goes(lang):
    lines = page(lang, before=MENUS[lang])
    assert_story_kept(lines, lang)
    assert not set(MENUS[lang]) & set(kept(lines, lang))
    assert verdict_of(lines, MENUS[lang][3], lang).kind == "menu"


SHARE = {
    "en": ["Share this article", "Facebook Twitter WhatsApp Email"],
    "de": ["Seite teilen", "* Artikel per E-Mail teilen", "Drucken"],
    "es": ["Compartir", "* Facebook", "* Twitter"],
    "it": ["Condividi", "Stampa"],
}


@pytest.mark.parametrize("lang", sorted(SHARE))
def test_share_rows_go_wherever_they_are(lang):
    lines = page(lang, before=SHARE[lang], middle=SHARE[lang])
    assert_story_kept(lines, lang)
    assert not set(SHARE[lang]) & set(kept(lines, lang))


COOKIES = {
    "en": "We use cookies to improve your experience on our website. By continuing you accept our use of cookies.",
    "de": "Wir verwenden Cookies, um unsere Webseite für Sie optimal zu gestalten. Mit der Nutzung stimmen Sie zu.",
    "fr": "Ce site utilise des cookies pour améliorer votre navigation. En continuant, vous acceptez leur utilisation.",
    "ru": "Мы используем файлы cookie, чтобы сайт работал лучше. Продолжая, вы соглашаетесь с этим.",
}


@pytest.mark.parametrize("lang", sorted(COOKIES))
def test_cookie_notice_goes_even_as_a_long_sentence(lang):
    lines = page(lang, after=[COOKIES[lang], "OK"])
    assert_story_kept(lines, lang)
    assert verdict_of(lines, COOKIES[lang], lang).kind == "cookie"
    assert COOKIES[lang] not in kept(lines, lang)


NEWSLETTER = {
    "en": ["Sign up for our daily newsletter", "Get the best stories in your inbox"],
    "fr": ["Inscrivez-vous à notre newsletter", "Je m'abonne"],
    "es": ["Suscríbete a nuestro boletín", "Recibe las noticias cada mañana"],
    "de": ["Newsletter abonnieren", "Jetzt anmelden"],
}


@pytest.mark.parametrize("lang", sorted(NEWSLETTER))
def test_newsletter_prompt_inside_the_story_goes_and_the_story_stays(lang):
    lines = page(lang, middle=NEWSLETTER[lang])
    assert_story_kept(lines, lang)
    assert NEWSLETTER[lang][0] not in kept(lines, lang)
    assert verdict_of(lines, NEWSLETTER[lang][0], lang).kind == "newsletter"


RELATED = {
    "en": [
        "Related stories",
        "Police close road after crash",
        "Storm leaves thousands without power",
        "School reopens after repairs",
        "Most read",
        "Man rescued from river",
    ],
    "de": [
        "Lesen Sie auch",
        "Polizei sperrt Straße nach Unfall",
        "Sturm: Tausende ohne Strom",
        "Schule nach Reparatur wieder offen",
        "Meistgelesen",
        "Mann aus Fluss gerettet",
    ],
    "it": [
        "Leggi anche",
        "La polizia chiude la strada dopo un incidente",
        "Tempesta, migliaia senza corrente",
        "La scuola riapre dopo i lavori",
        "Più letti",
        "Uomo salvato dal fiume",
    ],
    "es": [
        "Noticias relacionadas",
        "La policía corta la calle tras un accidente",
        "Miles de casas sin luz por la tormenta",
        "La escuela reabre tras las obras",
        "Lo más leído",
        "Rescatan a un hombre del río",
    ],
}


@pytest.mark.parametrize("lang", sorted(RELATED))
def test_related_and_most_read_lists_after_the_story_go(lang):
    lines = page(lang, after=RELATED[lang] + FOOTERS.get(lang, FOOTERS["en"]))
    assert_story_kept(lines, lang)
    assert not set(RELATED[lang]) & set(kept(lines, lang))


SUBHEADINGS = {
    "en": "A long wait",
    "de": "Ein langer Weg",
    "fr": "Une longue attente",
    "ru": "Долгое ожидание",
}


@pytest.mark.parametrize("lang", sorted(SUBHEADINGS))
def test_short_line_between_good_paragraphs_stays(lang):
    lines = page(lang, middle=[SUBHEADINGS[lang]], after=FOOTERS.get(lang, FOOTERS["en"]))
    assert SUBHEADINGS[lang] in kept(lines, lang)


@pytest.mark.parametrize("lang", ["en", "de", "fr", "ja", "zh"])
def test_a_related_heading_inside_the_story_does_not_cut_it(lang):
    middle = {
        "en": ["Read more", "Bridge repairs delayed again"],
        "de": ["Lesen Sie auch", "Brücke bleibt länger gesperrt"],
        "fr": ["À lire aussi :", "Le pont restera fermé plus longtemps"],
        "ja": ["関連記事", "橋の修理がまた遅れる"],
        "zh": ["相关新闻", "大桥维修再次推迟"],
    }[lang]
    lines = page(lang, middle=middle, after=FOOTERS.get(lang, FOOTERS["en"]))
    assert_story_kept(lines, lang)
    assert middle[0] not in kept(lines, lang)
    assert middle[1] not in kept(lines, lang)  # the link under the heading goes with it


@pytest.mark.parametrize("lang", ["ja", "zh"])
def test_text_without_spaces_is_measured_in_characters(lang):
    lines = page(lang, before=MENUS.get(lang, MENUS["zh"]), after=FOOTERS.get(lang, FOOTERS["ja"]))
    for paragraph in STORY[lang]:
        assert verdict_of(lines, paragraph, lang).keep


@pytest.mark.parametrize("lang", ["en", "de"])
def test_skipped_lines_are_meta(lang):
    lines = page(lang, before=["By Jane Doe", "27 October 2023"])
    skip = frozenset(
        i for i, line in enumerate(lines) if line in ("By Jane Doe", "27 October 2023")
    )
    verdicts = {v.line: v for v in story_lines(lines, start=3, lang=lang, skip=skip)}
    assert all(verdicts[i].kind == "meta" and not verdicts[i].keep for i in skip)
    assert_story_kept(lines, lang, skip=skip)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_blank_lines_keep_paragraphs_apart_once(lang):
    lines = page(lang, middle=SHARE.get(lang, SHARE["en"]), after=FOOTERS[lang])
    verdicts = story_lines(lines, start=3, lang=lang)
    out = [lines[v.line] for v in verdicts if v.keep]
    assert out[0] and out[-1]
    assert "" in out
    assert all(a or b for a, b in pairwise(out))  # never two kept blanks in a row


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_clean_article_keeps_its_own_lists_at_the_end(lang):
    team = {
        "en": ["Smith, Jones, Brown, Taylor.", "Replacements: Wilson, Evans."],
        "de": ["Müller, Schmidt, Weber, Wagner.", "Ersatz: Becker, Hoffmann."],
    }[lang]
    lines = page(lang, after=team)
    assert set(team) <= set(kept(lines, lang))


def test_start_at_one_and_odd_input_never_crash():
    lines = page("en", before=MENUS["en"], after=FOOTERS["en"])
    assert_story_kept(lines, "en")
    assert all(isinstance(v, LineVerdict) for v in story_lines(lines, start=1, lang="en"))
    assert story_lines([], start=1) == []
    assert story_lines(["Title"], start=5) == []
    odd = [
        "t",
        "",
        "\x00\ufffd",
        "*",
        "+",
        "o",
        "1.",
        "©",
        "ﾠ",
        "x" * 5000,
        "",
        "a b c d e f g h i j.",
    ]
    assert [v.line for v in story_lines(odd, start=1, lang="xx")] == list(range(1, len(odd)))
    assert [v.line for v in story_lines(odd, start=1, lang=None)] == list(range(1, len(odd)))


@pytest.mark.parametrize(
    "lang,items",
    [
        ("en", ["# not a heading", "1. not a list", "> not a quote", "+ more", "= equals"]),
        ("fr", ["# pas un titre", "1. pas une liste", "> pas une citation", "+ plus", "= égal"]),
        ("de", ["# keine Überschrift", "1. keine Liste", "> kein Zitat", "+ mehr", "= gleich"]),
    ],
)
def test_an_article_without_furniture_keeps_its_short_lines_and_a_lone_menu_word_item(lang, items):
    lines = page(lang, middle=items)
    assert set(items) <= set(kept(lines, lang))


@pytest.mark.parametrize(
    "lang,ad,short",
    [
        (
            "en",
            "Advertisement",
            ["The bridge was opened in 1921.", "It was last repaired in 1990."],
        ),
        (
            "de",
            "Anzeige",
            [
                "Die alte Brücke wurde im Jahr 1921 gebaut.",
                "Sie wurde zuletzt im Jahr 1990 repariert.",
            ],
        ),
        ("es", "Publicidad", ["El puente se abrió en 1921.", "Se reparó por última vez en 1990."]),
    ],
)
def test_an_ad_label_in_an_article_goes_and_the_short_lines_around_it_stay(lang, ad, short):
    lines = page(lang, middle=[short[0], ad, short[1]])
    got = kept(lines, lang)
    assert ad not in got and set(short) <= set(got)


def test_the_cheap_label_tests_never_rule_out_a_phrase():
    from sitegen.convert import furniture_labels as labels

    for kind, (_, phrases) in labels.PHRASES.items():
        for phrase in phrases:
            assert labels._may_hold(kind, set(labels._RUN.findall(phrase)))
            if kind == "cookie":
                assert any(key in phrase for key in labels._keys(kind))
    assert labels.classify("Share this article", 3)[0] == "share"
    assert labels.classify("Seite teilen", 2)[0] == "share"


@pytest.mark.parametrize("lang", ["en", "de", "fr", "es", "it", "ru"])
def test_a_long_prose_line_measured_on_its_prefix_has_the_class_it_has_whole(lang):
    from sitegen.convert import furniture
    from sitegen.convert.language import stopwords

    stop = stopwords(lang)
    text = " ".join(STORY[lang])
    fast = furniture._features(0, text, stop)
    assert fast.measure.endswith("characters)")  # measured on its prefix
    words = furniture._WORD.findall(text.lower())
    density = sum(word in stop for word in words) / len(words)
    assert (density >= furniture.STOP_HIGH) and furniture._own_class(fast)[0] == "good"


def _with_headline_at(lang: str, before: list[str], after: list[str]) -> tuple[list[str], int]:
    lines = ["Headline | Example Site", ""]
    for line in before:
        lines += [line, ""]
    headline = len(lines)
    lines += ["Headline", ""]
    for line in after:
        lines += [line, ""]
    return lines, headline


@pytest.mark.parametrize("lang", ["en", "de", "fr", "es"])
def test_the_story_starts_after_the_title_when_the_headline_line_follows_the_story(lang):
    from sitegen.convert.furniture import story_start

    lines, headline = _with_headline_at(lang, STORY[lang], FOOTERS.get(lang, FOOTERS["en"]))
    start = story_start(lines, title_line=0, headline_line=headline, lang=lang)
    assert start.line == 1 and "title line" in start.reason
    lines, headline = _with_headline_at(
        lang, STORY[lang][:3], STORY[lang][3:] + FOOTERS.get(lang, FOOTERS["en"])
    )
    assert (
        story_start(lines, title_line=0, headline_line=headline, lang=lang).line == 1
    )  # a subheading inside


@pytest.mark.parametrize("lang", ["en", "de", "fr"])
def test_the_story_starts_after_the_headline_when_its_prose_follows(lang):
    from sitegen.convert.furniture import story_start

    teasers = STORY[lang][:3]
    story = STORY[lang] + STORY[lang][::-1]
    lines, headline = _with_headline_at(lang, teasers + ["* Menu"] * 12, story)
    assert story_start(lines, title_line=0, headline_line=headline, lang=lang).line == headline + 1
    lines, headline = _with_headline_at(lang, ["* Home", "Published 2 May 2021"], story)
    assert story_start(lines, title_line=0, headline_line=headline, lang=lang).line == headline + 1
    assert story_start(lines, title_line=0, headline_line=None, lang=lang).line == 1
