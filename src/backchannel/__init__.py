"""backchannel: who talks to whom in politics, read from news articles.

Importing the package loads nothing heavy: models, databases and configuration are
built by :mod:`backchannel.workspace`, the composition root.
"""

__version__ = "0.1.0"
