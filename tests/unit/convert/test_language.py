"""language.detect, stopwords and prose_sample on hand-written paragraphs in many languages."""

from __future__ import annotations

import pytest

from sitegen.convert import language
from sitegen.convert.language import detect, prose_sample, stopwords

# One short story (a village library reopens), written afresh in each language.
PARAGRAPHS = {
    "en": "The village library reopened on Saturday after a year of repairs to its leaking roof. "
    "Volunteers carried the books back from the school hall where they had been stored, and the first "
    "readers arrived before the doors were open. The librarian said that the new reading room would be "
    "used for homework clubs in the evenings.",
    "de": "Die Bibliothek des Dorfes ist am Samstag nach einem Jahr der Reparaturen am undichten Dach wieder "
    "geöffnet worden. Freiwillige haben die Bücher aus der Turnhalle der Schule zurückgetragen, wo sie "
    "gelagert waren, und die ersten Leser kamen, bevor die Türen offen waren. Die Bibliothekarin sagte, "
    "dass der neue Lesesaal am Abend für die Hausaufgabenhilfe genutzt werden soll.",
    "fr": "La bibliothèque du village a rouvert samedi après une année de travaux sur son toit qui fuyait. "
    "Des bénévoles ont rapporté les livres depuis la salle de l'école où ils avaient été rangés, et les "
    "premiers lecteurs sont arrivés avant l'ouverture des portes. La bibliothécaire a dit que la nouvelle "
    "salle de lecture servirait le soir pour l'aide aux devoirs.",
    "es": "La biblioteca del pueblo volvió a abrir el sábado después de un año de obras en su tejado, que tenía "
    "goteras. Los voluntarios llevaron de nuevo los libros desde el gimnasio de la escuela, donde habían "
    "estado guardados, y los primeros lectores llegaron antes de que se abrieran las puertas. La "
    "bibliotecaria dijo que la nueva sala de lectura se usará por las tardes para ayudar a los niños con "
    "los deberes.",
    "it": "La biblioteca del paese ha riaperto sabato dopo un anno di lavori sul tetto, che perdeva acqua. "
    "I volontari hanno riportato i libri dalla palestra della scuola, dove erano stati conservati, e i "
    "primi lettori sono arrivati prima che le porte fossero aperte. La bibliotecaria ha detto che la nuova "
    "sala di lettura sarà usata la sera per aiutare i ragazzi con i compiti.",
    "pt": "A biblioteca da aldeia voltou a abrir no sábado, depois de um ano de obras no telhado, que deixava "
    "entrar a chuva. Os voluntários trouxeram os livros de volta do ginásio da escola, onde tinham sido "
    "guardados, e os primeiros leitores chegaram antes de as portas serem abertas. A bibliotecária disse "
    "que a nova sala de leitura vai ser usada à noite para ajudar os alunos com os trabalhos de casa.",
    "nl": "De bibliotheek van het dorp is zaterdag weer opengegaan na een jaar van herstelwerk aan het lekkende "
    "dak. Vrijwilligers hebben de boeken teruggebracht uit de gymzaal van de school, waar ze waren "
    "opgeslagen, en de eerste lezers kwamen al voordat de deuren open waren. De bibliothecaris zei dat de "
    "nieuwe leeszaal 's avonds zal worden gebruikt voor huiswerkbegeleiding.",
    "id": "Perpustakaan desa dibuka kembali pada hari Sabtu setelah satu tahun perbaikan atap yang bocor. "
    "Para relawan membawa kembali buku-buku dari aula sekolah tempat buku itu disimpan, dan pembaca "
    "pertama sudah datang sebelum pintu dibuka. Pustakawan mengatakan bahwa ruang baca yang baru akan "
    "digunakan untuk kelompok belajar pada malam hari.",
    "fi": "Kylän kirjasto avattiin uudelleen lauantaina, kun vuotavaa kattoa oli korjattu vuoden ajan. "
    "Vapaaehtoiset kantoivat kirjat takaisin koulun salista, jossa niitä oli säilytetty, ja ensimmäiset "
    "lukijat tulivat jo ennen kuin ovet avattiin. Kirjastonhoitaja sanoi, että uutta lukusalia käytetään "
    "iltaisin läksykerhoihin ja että se on avoinna myös viikonloppuisin.",
    "ru": "Сельская библиотека снова открылась в субботу после года ремонта протекающей крыши. Волонтёры "
    "перенесли книги обратно из школьного спортзала, где они хранились, и первые читатели пришли ещё до "
    "того, как открыли двери. Библиотекарь сказала, что новый читальный зал будет по вечерам "
    "использоваться для занятий с детьми, которые делают уроки.",
    "uk": "Сільська бібліотека знову відкрилася в суботу після року ремонту даху, який протікав. Волонтери "
    "перенесли книжки назад зі шкільного спортзалу, де вони зберігалися, і перші читачі прийшли ще до "
    "того, як відчинили двері. Бібліотекарка сказала, що нова читальна зала буде ввечері "
    "використовуватися для занять з дітьми, які виконують домашні завдання.",
    "fa": "کتابخانه روستا روز شنبه پس از یک سال تعمیر سقف که آب از آن چکه می‌کرد دوباره باز شد. داوطلبان "
    "کتاب‌ها را از سالن ورزش مدرسه که در آنجا نگهداری می‌شدند برگرداندند و نخستین خوانندگان پیش از باز "
    "شدن درها رسیدند. کتابدار گفت که سالن مطالعه تازه در شب‌ها برای کمک به دانش‌آموزان در انجام تکالیف "
    "استفاده خواهد شد.",
    "ja": "村の図書館は、雨漏りしていた屋根の修理が一年かかった後、土曜日に再び開館しました。ボランティアが学校の"
    "体育館に保管されていた本を運び戻し、扉が開く前から最初の利用者が待っていました。司書によると、新しい"
    "閲覧室は夕方に子どもたちの宿題の時間に使われる予定です。",
    "zh": "村里的图书馆在修了一年漏水的屋顶之后，于星期六重新开放。志愿者们把存放在学校体育馆里的书搬了回来，"
    "大门还没打开，第一批读者就已经到了。图书管理员说，新的阅览室晚上将用来帮助孩子们做作业。",
}

MENU = [
    "Home",
    "News | Sport | Weather | Culture",
    "Sign in",
    "Share on Facebook",
    "Accept cookies",
    "More",
]


def seed(*paragraphs: str, menu: tuple[str, ...] = ()) -> list[str]:
    """Title line, blank, the menu lines, then the paragraphs with blank lines between them."""
    lines = ["Library reopens | Example Gazette", ""]
    for item in (*menu, *paragraphs):
        lines += [item, ""]
    return lines


class NoClassifier(Exception):
    """Raised by a stand-in for the py3langid loader: the test must not reach the classifier."""


def _no_classifier():
    raise NoClassifier


class FakeClassifier:
    """Stands in for py3langid; records what it was asked and answers a code no stop list has."""

    def __init__(self) -> None:
        self.samples: list[str] = []

    def classify(self, sample: str) -> tuple[str, float]:
        self.samples.append(sample)
        return "zz", -1.0


@pytest.mark.parametrize("code", sorted(PARAGRAPHS))
def test_detect_gives_the_paragraphs_language(code: str) -> None:
    assert detect(seed(PARAGRAPHS[code])) == code


@pytest.mark.parametrize("code", sorted(PARAGRAPHS))
def test_detect_reads_past_menus_in_another_language(code: str) -> None:
    assert detect(seed(PARAGRAPHS[code], PARAGRAPHS[code], menu=tuple(MENU))) == code


@pytest.mark.parametrize("code", ["en", "de", "fr", "es", "it", "fi", "ru", "uk", "fa"])
def test_stop_words_decide_clear_cases_without_the_classifier(
    code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(language, "_identifier", _no_classifier)
    assert detect(seed(PARAGRAPHS[code])) == code


@pytest.mark.parametrize(
    "text",
    [
        "El consejo aprobó ayer el nuevo plan para las obras del puerto.",
        "O conselho aprovou ontem o novo plano para as obras do porto.",
    ],
)
def test_short_text_of_a_close_pair_goes_to_the_classifier(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeClassifier()
    monkeypatch.setattr(language, "_identifier", lambda: fake)
    assert detect(seed(text)) == "zz"
    assert fake.samples == [text]


def test_the_classifier_reads_the_whole_sample_when_the_stop_words_read_only_its_start(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines = seed(
        *["O conselho aprovou ontem o novo plano para as obras do porto, que tinha goteiras."] * 60
    )
    fake = FakeClassifier()
    monkeypatch.setattr(language, "_identifier", lambda: fake)
    assert detect(lines) == "zz"
    assert fake.samples == [prose_sample(lines)]
    assert len(fake.samples[0]) > 4 * language._QUICK_SAMPLE


@pytest.mark.parametrize(
    "text, code",
    [
        ("El consejo aprobó ayer el nuevo plan para las obras del puerto.", "es"),
        ("O conselho aprovou ontem o novo plano para as obras do porto.", "pt"),
    ],
)
def test_the_classifier_tells_a_close_pair_apart(text: str, code: str) -> None:
    assert detect(seed(text)) == code


@pytest.mark.parametrize("code", ["ja", "zh"])
def test_text_without_spaces_goes_to_the_classifier(
    code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeClassifier()
    monkeypatch.setattr(language, "_identifier", lambda: fake)
    assert detect(seed(PARAGRAPHS[code])) == "zz"
    assert len(fake.samples) == 1


@pytest.mark.parametrize(
    "lines",
    [
        [],
        [""],
        ["Library reopens | Example Gazette"],
        seed(*MENU),
        seed("Startseite", "Nachrichten | Sport | Wetter", "Anmelden", "Teilen"),
        seed("Accueil", "Actualités | Sport | Météo", "Se connecter"),
        seed("Too short to say."),
        seed("图书馆", "新闻 | 体育"),
    ],
)
def test_too_little_prose_gives_none(lines: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "_identifier", _no_classifier)
    assert detect(lines) is None


def test_odd_text_does_not_crash() -> None:
    odd = [
        "\x00\x01\x02 " * 20,
        "1 2 3 4 5 6 7 8 9 10 11 12",
        "— — — — — — — — — —",
        "🎉 " * 30,
        "\ufeff" + "x " * 50,
    ]
    for line in odd:
        result = detect(seed(line))
        assert result is None or isinstance(result, str)


@pytest.mark.parametrize(
    "code, word", [("de", "und"), ("en", "the"), ("fr", "et"), ("es", "y"), ("ru", "и")]
)
def test_stopwords_holds_the_languages_common_words(code: str, word: str) -> None:
    assert word in stopwords(code)


def test_stopwords_are_lower_case_and_frozen() -> None:
    words = stopwords("de")
    assert isinstance(words, frozenset)
    assert all(word == word.lower() for word in words)
    assert "Und" not in words


@pytest.mark.parametrize("code", ["de-AT", "DE", "De-ch"])
def test_stopwords_takes_region_tags_and_capitals(code: str) -> None:
    assert "und" in stopwords(code)


@pytest.mark.parametrize("code", ["xx", "", None, "klingon", "zh", "ja"])
def test_stopwords_of_a_language_without_a_list_is_empty(code: str | None) -> None:
    assert stopwords(code) == frozenset()


def test_prose_sample_skips_menu_lines() -> None:
    lines = seed(PARAGRAPHS["en"], PARAGRAPHS["de"], menu=tuple(MENU))
    sample = prose_sample(lines)
    assert sample.split("\n") == [PARAGRAPHS["en"], PARAGRAPHS["de"]]
    for item in MENU:
        assert item not in sample


def test_prose_sample_keeps_cjk_prose_and_skips_short_cjk_labels() -> None:
    lines = seed(PARAGRAPHS["zh"], menu=("首页", "新闻 | 体育 | 天气", "登录"))
    assert prose_sample(lines) == PARAGRAPHS["zh"]


def test_prose_sample_stops_after_enough_text() -> None:
    lines = seed(*[PARAGRAPHS["fr"]] * 100)
    sample = prose_sample(lines)
    assert 0 < len(sample) < len(PARAGRAPHS["fr"]) * 20
    assert sample.startswith(PARAGRAPHS["fr"])


def test_prose_sample_of_menus_only_is_empty() -> None:
    assert prose_sample(seed(*MENU)) == ""
