"""``python -m backchannel.kb.validate [FILE…]``: check knowledge-base YAML files (all built-in ones by default)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from backchannel.errors import ConfigError
from backchannel.kb.loader import _load_yaml, load_kb, parse_actors


def main(argv: list[str]) -> int:
    try:
        if not argv:
            kb = load_kb()
            actors = list(kb.actors)
        else:
            actors = []
            for name in argv:
                actors += parse_actors(_load_yaml(Path(name).read_text(encoding="utf-8")) or [], name)
    except ConfigError as exc:
        print(f"invalid: {exc}", file=sys.stderr)  # noqa: T201
        return 1
    ids = Counter(a.id for a in actors)
    dups = [i for i, n in ids.items() if n > 1]
    by_type = Counter(a.type for a in actors)
    missing = [a.id for a in actors if not all(a.names.get(lang) for lang in ("en", "ru", "uk"))]
    print(f"{len(actors)} actors {dict(by_type)}; {sum(1 for a in actors if a.qid)} with QID; "  # noqa: T201
          f"{sum(1 for a in actors if a.offices)} with offices")
    if missing:
        print(f"{len(missing)} lack a name in en, ru or uk: {', '.join(missing[:20])}")  # noqa: T201
    if dups:
        print(f"duplicate ids: {', '.join(dups)}", file=sys.stderr)  # noqa: T201
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
