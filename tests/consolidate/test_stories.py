"""Story assignment: the pure parts on hand-made vectors, then the real embedder on our own texts."""

from __future__ import annotations

import numpy as np
import pytest

from backchannel.analyze.embed import Embedder, Vectors
from backchannel.consolidate.stories import (
    StoryFeatures,
    StoryParams,
    StoryState,
    assign_all,
    jaccard,
    minhash,
    pick_sentences,
    story_id_for,
)

PARAMS = StoryParams(threshold=0.9, entity_weight=0.04, date_slack=3, date_penalty=0.02)


def vectors(*rows: list[float]) -> Vectors:
    m = np.array(rows, dtype=np.float32)
    m /= np.linalg.norm(m, axis=1, keepdims=True)
    return Vectors(len(rows), m.shape[1], m.astype("<f2").tobytes())


def features(article_id: str, vecs: Vectors, published: str | None = None, entities: frozenset[str] = frozenset(),
             text: str | None = None) -> StoryFeatures:
    return StoryFeatures(article_id, published, entities, vecs, minhash(text or article_id), (published or "", article_id))


A = vectors([1, 0, 0, 0], [0, 1, 0, 0])
A_LIKE = vectors([0.99, 0.1, 0, 0], [0.1, 0.99, 0, 0])
B = vectors([0, 0, 0, 1], [0, 0, 1, 0.2])


def test_similar_articles_share_a_story_and_others_start_their_own() -> None:
    out = assign_all([features("a1", A, "2025-03-01"), features("a2", A_LIKE, "2025-03-02"),
                      features("b1", B, "2025-03-02")], PARAMS)
    story = {a.article_id: a.story_id for a in out}
    assert story["a1"] == story["a2"] == story_id_for("a1")
    assert story["b1"] == story_id_for("b1")
    assert [a.founded for a in out] == [True, False, True]


def test_far_apart_dates_cost_enough_to_split() -> None:
    out = assign_all([features("a1", A, "2025-03-01"), features("a2", A_LIKE, "2025-05-01")], PARAMS)
    assert out[0].story_id != out[1].story_id


def test_shared_entities_lift_a_borderline_pair_over_the_threshold() -> None:
    params = StoryParams(threshold=1.0, entity_weight=0.04)
    plain = assign_all([features("a1", A), features("a2", A_LIKE)], params)
    linked = assign_all([features("a1", A, entities=frozenset({"e1", "e2"})),
                         features("a2", A_LIKE, entities=frozenset({"e1", "e2", "e3"}))], params)
    assert plain[0].story_id != plain[1].story_id
    assert linked[0].story_id == linked[1].story_id


def test_a_word_for_word_copy_is_marked_and_joins_whatever_its_vectors() -> None:
    text = "The ministers of two small countries met on Tuesday to talk about ferries, fish and the weather."
    out = assign_all([features("a1", A, "2025-03-01", text=text),
                      features("a2", B, "2025-03-01", text=text + " Reprinted.")], PARAMS)
    assert out[1].story_id == out[0].story_id
    assert out[1].copy_of == "a1"


def test_incremental_assignment_joins_existing_stories_without_touching_them() -> None:
    existing = [StoryState("s-old", [features("a1", A, "2025-03-01")])]
    out = assign_all([features("a2", A_LIKE, "2025-03-02")], PARAMS, existing)
    assert out[0].story_id == "s-old"
    assert [m.article_id for m in existing[0].members] == ["a1"]


def test_order_is_by_date_then_id_whatever_the_input_order() -> None:
    items = [features("a2", A_LIKE, "2025-03-02"), features("a1", A, "2025-03-01")]
    assert assign_all(items, PARAMS) == assign_all(list(reversed(items)), PARAMS)


def test_minhash_estimates_jaccard() -> None:
    text = " ".join(f"word{i}" for i in range(200))
    assert jaccard(minhash(text), minhash(text)) == 1.0
    assert jaccard(minhash(text), minhash(text + " tail")) > 0.9
    assert jaccard(minhash(text), minhash("something else entirely, said nobody, on a Sunday.")) < 0.1


def test_pick_sentences_takes_the_title_first_and_skips_urls_and_fragments() -> None:
    picked = pick_sentences("A title with enough words", ["http : / / example . com / a", "Too short.",
                                                           "A title with enough words",
                                                           "The first real sentence of the body.", "Another one here too."], 2)
    assert picked == ["A title with enough words", "The first real sentence of the body."]


OWN = {
    "ru": ["Премьер-министр Молдовы встретился в Таллине с премьер-министром Эстонии.",
           "Стороны обсудили поставки электроэнергии и строительство нового кабеля через Балтийское море."],
    "en": ["Moldova's prime minister met the Estonian prime minister in Tallinn.",
           "They discussed electricity supplies and a new power cable under the Baltic Sea."],
    "uk": ["Повінь на заході країни знеструмила три села, рятувальники евакуювали двісті людей.",
           "Рівень води в річці піднявся на два метри за ніч."],
}


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return Embedder()


def test_real_embeddings_group_one_story_across_languages(embedder: Embedder) -> None:
    items = [features(lang, embedder.embed(sentences), "2025-03-04") for lang, sentences in OWN.items()]
    story = {a.article_id: a.story_id for a in assign_all(items, StoryParams())}
    assert story["ru"] == story["en"]
    assert story["uk"] != story["ru"]


def test_embedder_returns_normalised_float16_rows(embedder: Embedder) -> None:
    v = embedder.embed(OWN["en"])
    m = np.frombuffer(v.data, dtype="<f2").reshape(v.rows, v.dim).astype(np.float32)
    assert (v.rows, v.dim) == (2, 384)
    assert np.allclose(np.linalg.norm(m, axis=1), 1.0, atol=1e-2)
    assert embedder.embed([]).rows == 0


def test_one_unknown_date_costs_a_little_and_two_cost_nothing() -> None:
    params = StoryParams(undated_penalty=0.02)
    from backchannel.consolidate.stories import pair_score

    dated, undated = features("a1", A, "2025-03-01"), features("a2", A_LIKE)
    both_undated = features("a3", A)
    assert pair_score(dated, undated, params) == pytest.approx(pair_score(both_undated, undated, params) - 0.02)
