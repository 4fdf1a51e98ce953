"""HTML through the trafilatura adapter, the tag-stripping fallback, and hostile pages."""

from __future__ import annotations

from .helpers import UK_BODY, article, rejected

PAGE = f"""<!DOCTYPE html>
<html lang="uk"><head><meta charset="utf-8">
<title>Посол провів переговори з міністром | Тестові Новини</title>
<meta property="og:site_name" content="Тестові Новини">
<meta property="og:title" content="Посол провів переговори з міністром">
<meta property="article:published_time" content="2024-03-05T09:30:00+02:00">
<meta name="author" content="Ірина Коваль">
<meta name="description" content="Короткий опис статті.">
<link rel="canonical" href="https://www.testnews.example/politics/talks">
</head><body>
<nav><a href="/">Головна</a> <a href="/politics">Політика</a> <a href="/economy">Економіка</a></nav>
<article><h1>Посол провів переговори з міністром</h1>
<p>{UK_BODY}</p>
<p>За словами посла, розмова була конструктивною, а наступна зустріч запланована на квітень у Берліні.
Він також подякував партнерам за допомогу.</p>
</article>
<footer>© 2024 Тестові Новини. Усі права захищено. Політика конфіденційності</footer>
<script>document.write("injected")</script>
</body></html>"""


def test_trafilatura_page() -> None:
    doc = article(PAGE, "html", name="page.html")
    assert doc.title == "Посол провів переговори з міністром"
    assert doc.outlet == "Тестові Новини"
    assert doc.url == "https://www.testnews.example/politics/talks"
    assert doc.author == "Ірина Коваль"
    assert doc.published == "2024-03-05"
    assert doc.metadata["published_at"] == "2024-03-05T09:30:00+02:00"
    assert doc.metadata["description"] == "Короткий опис статті."
    assert doc.language == "uk" and doc.language_declared == "uk" and doc.warnings == ()
    assert doc.text.startswith(UK_BODY + "\n\n")
    assert "наступна зустріч" in doc.text
    for gone in ("Головна", "Усі права", "injected", "Посол провів переговори з міністром"):
        assert gone not in doc.text


def test_container_metadata_wins_over_page_meta() -> None:
    doc = article(PAGE, "html", outlet="Агрегатор", title="Свій заголовок")
    assert doc.outlet == "Агрегатор"
    assert doc.title == "Свій заголовок"


def test_host_is_the_outlet_when_nothing_names_one() -> None:
    page = f'<html><head><link rel="canonical" href="https://www.vistnyk.example/a"></head><body><p>{UK_BODY}</p></body></html>'
    doc = article(page, "html")
    assert doc.outlet == "vistnyk.example"


def test_fallback_when_trafilatura_finds_nothing() -> None:
    page = f"<html><body><nav>Меню сайту</nav><div>{UK_BODY}</div><style>.x{{}}</style></body></html>"
    doc = article(page, "html")
    assert UK_BODY in doc.text
    assert "Меню" not in doc.text and ".x" not in doc.text


def test_text_without_tags_given_as_html() -> None:
    assert UK_BODY in article(UK_BODY, "html").text


def test_deeply_nested_page_does_not_crash() -> None:
    page = "<html><body>" + "<div>" * 50_000 + UK_BODY + "</div>" * 50_000 + "</body></html>"
    from backchannel.clean import finish, prepare
    from backchannel.model import Article, Draft, Rejected

    from .helpers import SETTINGS, raw

    prepared = prepare(raw(page, "html"), SETTINGS)
    result = finish(prepared, frozenset(), SETTINGS) if isinstance(prepared, Draft) else prepared
    assert isinstance(result, Article | Rejected)


def test_page_of_scripts_only_is_rejected() -> None:
    reason = rejected(
        "<html><head><script>var a = 1;</script></head><body><nav>Меню</nav></body></html>", "html"
    ).reason
    assert reason == "no text left after removing boilerplate"
