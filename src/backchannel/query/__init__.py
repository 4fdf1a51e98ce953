"""Queries over the store — the library the CLI (and the web UI) call: contacts (reports), events,
timelines, claims, an actor's profile, and full-text search. Actor names are accepted in any
language and inflection (:func:`backchannel.query.resolve.resolve_actor`)."""

from backchannel.query.actor import actor
from backchannel.query.events import EventFilter, claims, contacts, event, list_events, timeline
from backchannel.query.records import ActorProfile, Claim, EventClaims, EventRow, SearchHit
from backchannel.query.search import search

__all__ = [
    "ActorProfile", "Claim", "EventClaims", "EventFilter", "EventRow", "SearchHit",
    "actor", "claims", "contacts", "event", "list_events", "search", "timeline",
]
