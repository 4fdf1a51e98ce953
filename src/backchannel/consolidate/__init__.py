"""Global, incremental stages over the store: entity linking across articles and languages
(and, later, stories, events and claims)."""
