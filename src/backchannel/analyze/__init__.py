"""The per-article analysis stage: ``load_models(settings)`` once, then ``analyze(article, models)``
for each article (pure: no database, no network, no global state). Importing this package loads
no model; ``load_models`` does."""

from backchannel.analyze.models import Models, load_models
from backchannel.analyze.pipeline import analyze

__all__ = ["Models", "analyze", "load_models"]
