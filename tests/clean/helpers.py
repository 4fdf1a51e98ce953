"""Helpers for the cleaning tests: build RawDocuments from small invented texts."""

from __future__ import annotations

from backchannel.clean import finish, prepare
from backchannel.config import Settings
from backchannel.model import Article, DocFormat, Draft, JSONValue, RawDocument, Rejected

SETTINGS = Settings(db="unused")


def raw(
    content: str | bytes,
    fmt: DocFormat = "text",
    encoding: str | None = None,
    name: str = "doc.txt",
    **metadata: JSONValue,
) -> RawDocument:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return RawDocument(name, f"/abs/{name}", data, fmt, metadata, encoding)


def draft(content: str | bytes, fmt: DocFormat = "text", **kw: JSONValue) -> Draft:
    result = prepare(raw(content, fmt, **kw), SETTINGS)  # type: ignore[arg-type]
    assert isinstance(result, Draft), result
    return result


def article(
    content: str | bytes,
    fmt: DocFormat = "text",
    repeated: frozenset[str] = frozenset(),
    settings: Settings = SETTINGS,
    **kw: JSONValue,
) -> Article:
    prepared = prepare(raw(content, fmt, **kw), settings)  # type: ignore[arg-type]
    assert isinstance(prepared, Draft), prepared
    result = finish(prepared, repeated, settings)
    assert isinstance(result, Article), result
    return result


def rejected(content: str | bytes, fmt: DocFormat = "text", **kw: JSONValue) -> Rejected:
    result = prepare(raw(content, fmt, **kw), SETTINGS)  # type: ignore[arg-type]
    assert isinstance(result, Rejected), result
    return result


RU_BODY = (
    "Министр иностранных дел провёл телефонный разговор со своим коллегой из соседней страны. "
    "Стороны обсудили подготовку визита делегации и вопросы торговли, сообщила пресс-служба ведомства."
)
UK_BODY = (
    "Міністр закордонних справ провів телефонну розмову зі своїм колегою з сусідньої країни. "
    "Сторони обговорили підготовку візиту делегації та питання торгівлі, повідомила пресслужба відомства."
)
EN_BODY = (
    "The foreign minister held a telephone conversation with his counterpart from a neighbouring country. "
    "They discussed the preparation of a delegation visit and trade, the ministry's press office said."
)
