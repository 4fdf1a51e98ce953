"""The per-article analysis stage: ``load_models(settings)`` once, then ``analyze(article, models)``
for each article (pure: no database, no network, no global state). Importing this package loads
no model; ``load_models`` does.

Steps (their order is written once, in :mod:`backchannel.analyze.pipeline`): tokens and sentences
(:mod:`tokens`) → per-word features (:mod:`features`, pymorphy3 via :mod:`morph`) → names: the
knowledge-base gazetteer (:mod:`gazetteer`, :mod:`gazmatch`), then rules over capitalised runs
(:mod:`ner`), then document-level passes (:mod:`docpass`) → roles (:mod:`roles`, :mod:`rolecues`)
→ base forms (:mod:`baseform`) → KB resolution (:mod:`link`) → coreference (:mod:`coref`).

The default recogniser is rules + gazetteer + morphology (about 1 ms per 1,000 characters);
``load_models(settings, slovnet=True)`` lets natasha/slovnet decide Russian names (better ORG
and LOC in Russian, about 15-20 ms per article; needs ``natasha`` installed). English articles
can also get spaCy's English NER (:mod:`spacy_ner`, about 15 ms per 1,000 characters) merged
into the rule spans: when the setting ``english_ner`` is ``spacy`` (the default ``rules`` never
loads it) and its package is installed (else English stays on the rules).
"""

from backchannel.analyze.models import Models, load_models
from backchannel.analyze.pipeline import analyze

__all__ = ["Models", "analyze", "load_models"]
