"""Small news articles we write ourselves, generated in bulk for the scale and resume tests."""

from __future__ import annotations

from pathlib import Path

LEADERS = ["Владимир Путин", "Реджеп Тайип Эрдоган", "Эммануэль Макрон", "Касым-Жомарт Токаев",
           "Олаф Шольц", "Нарендра Моди", "Си Цзиньпин", "Александр Лукашенко"]
WITH = ["Владимиром Путиным", "Реджепом Тайипом Эрдоганом", "Эммануэлем Макроном", "Касым-Жомартом Токаевым",
        "Олафом Шольцем", "Нарендрой Моди", "Си Цзиньпином", "Александром Лукашенко"]
TOPICS = ["торговлю", "энергетику", "безопасность", "транспорт", "зерновую сделку", "туризм", "инвестиции"]
MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня"]


def write_corpus(folder: Path, n: int) -> None:
    """``n`` small articles of our own, with a rejected input every 25 files."""
    folder.mkdir()
    for i in range(n):
        a, b = i % len(LEADERS), (i * 3 + 1) % len(WITH)
        if a == b:
            b = (b + 1) % len(WITH)
        if i % 25 == 7:
            (folder / f"{i:04d}.txt").write_bytes(b"")
            continue
        text = (f"Переговоры номер {i}\n\n{LEADERS[a]} {1 + i % 28} {MONTHS[i % 6]} провёл телефонный разговор "
                f"с {WITH[b]}. Стороны обсудили {TOPICS[i % len(TOPICS)]} и договорились продолжить контакты, "
                f"сообщает пресс-служба. Это сообщение {i} из серии.\n")
        (folder / f"{i:04d}.txt").write_text(text, encoding="utf-8")
