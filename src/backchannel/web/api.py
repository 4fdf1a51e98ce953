"""The JSON API under ``/api`` (OpenAPI at ``/api/openapi.json``). Reads return the records of
``records.py``; writes (curation) need the ``X-CSRF-Token`` header that every page carries."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Header, HTTPException, Path, Query, Request
from pydantic import BaseModel, Field

from backchannel import curation
from backchannel.store.corrections import Correction
from backchannel.web import data
from backchannel.web.context import Context
from backchannel.web.records import (
    ActorPage,
    ArticlePage,
    CurationPage,
    EventsPage,
    EventView,
    Network,
    PairPage,
    ReportView,
    SearchPage,
    StoriesPage,
    StoryPage,
)
from backchannel.web.security import token_ok

Ref = Annotated[str, Path(min_length=1, max_length=200, description="an entity id")]
Kind = Literal["call", "meeting", "talks", "visit", "message", "request", "contact"]
Status = Literal["confirmed", "contested", "denied", "reported", "planned"]
PolarityValue = Literal["asserted", "denied", "hypothetical"]
Name = Annotated[str, Field(min_length=1, max_length=200)]
Lang = Annotated[str, Field(min_length=2, max_length=8, pattern=r"^[a-z]{2,3}$")]
ERRORS: dict[int | str, dict[str, str]] = {
    400: {"description": "the request cannot be carried out (message in `detail`)"},
    403: {"description": "missing or wrong X-CSRF-Token"},
    404: {"description": "no such item"},
}


class MergeRequest(BaseModel):
    keep: Name
    other: Name


class RenameRequest(BaseModel):
    entity: Name
    name: Name
    lang: Lang = "en"


class SplitRequest(BaseModel):
    entity: Name
    name: Name
    lang: Lang = "en"


class RejectRequest(BaseModel):
    note: Annotated[str, Field(max_length=500)] | None = None


class CorrectRequest(BaseModel):
    kind: Kind | None = None
    polarity: PolarityValue | None = None
    note: Annotated[str, Field(max_length=500)] | None = None


class EntityResult(BaseModel):
    id: str
    name: str
    type: str
    moved_mentions: int | None = None


class CorrectionResult(BaseModel):
    report_id: str
    action: str
    kind: str | None
    polarity: str | None


def _ctx(request: Request) -> Context:
    ctx: Context = request.app.state.context
    return ctx


def _check(request: Request, token: str | None) -> Context:
    ctx = _ctx(request)
    if not token_ok(ctx.csrf, token):
        raise HTTPException(403, "missing or wrong X-CSRF-Token header (read it from a page's csrf-token meta tag)")
    return ctx


def _correction(fix: Correction) -> CorrectionResult:
    return CorrectionResult(report_id=fix.report_id, action=fix.action, kind=fix.kind, polarity=fix.polarity)


CsrfHeader = Annotated[str | None, Header(alias="X-CSRF-Token", max_length=200)]


def router() -> APIRouter:
    api = APIRouter(prefix="/api", responses=ERRORS)

    @api.get("/search", tags=["read"])
    def search(request: Request, q: Annotated[str, Query(max_length=200)] = "") -> SearchPage:
        """Actors (any language or inflection) and articles whose text has every word (full-text index)."""
        return data.search(_ctx(request).store, q)

    @api.get("/actors/{entity_id}", tags=["read"])
    def actor(request: Request, entity_id: Ref) -> ActorPage:
        """An actor: names per language, roles, counterparts ranked by events, its timeline and contacts."""
        ctx = _ctx(request)
        return data.actor(ctx.store, entity_id, ctx.offices_of)

    @api.get("/actors/{entity_id}/network", tags=["read"])
    def network(request: Request, entity_id: Ref) -> Network:
        """The actor's contact network: the actor, its counterparts, and the contacts among them."""
        return data.network(_ctx(request).store, entity_id)

    @api.get("/pairs/{a}/{b}", tags=["read"])
    def pair(request: Request, a: Ref, b: Ref, kind: Kind | None = None) -> PairPage:
        """The pair's events with their claims, and their contact reports split by polarity."""
        return data.pair(_ctx(request).store, a, b, kind)

    @api.get("/reports/{report_id}", tags=["read"])
    def report(request: Request, report_id: Ref) -> ReportView:
        return data.report(_ctx(request).store, report_id)

    @api.get("/articles/{article_id}", tags=["read"])
    def article(request: Request, article_id: Ref) -> ArticlePage:
        """An article's metadata, its text cut into segments (mentions, evidence) and its reports."""
        return data.article(_ctx(request).store, article_id)

    @api.get("/events", tags=["read"])
    def events(request: Request, kind: Kind | None = None, status: Status | None = None) -> EventsPage:
        """The newest consolidated events (by when the contact happened), of a kind and/or status."""
        return data.events(_ctx(request).store, kind, status)

    @api.get("/events/{event_id}", tags=["read"])
    def event(request: Request, event_id: Ref) -> EventView:
        """One event (id or unique prefix): status, sources, outlets, languages, and its claims —
        who asserts, denies or plans it, quoted, with the articles."""
        return data.event(_ctx(request).store, event_id)

    @api.get("/stories", tags=["read"])
    def stories(request: Request) -> StoriesPage:
        """Stories (articles about one event across outlets and languages), largest first."""
        return data.stories(_ctx(request).store)

    @api.get("/stories/{story_id}", tags=["read"])
    def story(request: Request, story_id: Ref) -> StoryPage:
        """One story's articles, oldest first, copies marked."""
        return data.story(_ctx(request).store, story_id)

    @api.get("/disputed", tags=["read"])
    def disputed(request: Request) -> EventsPage:
        """Contested events (asserted by one source, denied by another) and denied ones, newest first."""
        return data.disputed(_ctx(request).store)

    @api.get("/curation", tags=["read"])
    def curation_log(request: Request) -> CurationPage:
        return data.curation(_ctx(request).store)

    @api.post("/curation/merge", tags=["curation"])
    def merge(request: Request, body: MergeRequest, x_csrf_token: CsrfHeader = None) -> EntityResult:
        """Merge ``other`` into ``keep`` (ids or names); logged, survives re-ingestion."""
        row = curation.merge(_check(request, x_csrf_token).store, body.keep, body.other)
        return EntityResult(id=row.id, name=row.name, type=row.type)

    @api.post("/curation/rename", tags=["curation"])
    def rename(request: Request, body: RenameRequest, x_csrf_token: CsrfHeader = None) -> EntityResult:
        row = curation.rename(_check(request, x_csrf_token).store, body.entity, body.name, body.lang)
        return EntityResult(id=row.id, name=row.name, type=row.type)

    @api.post("/curation/split", tags=["curation"])
    def split(request: Request, body: SplitRequest, x_csrf_token: CsrfHeader = None) -> EntityResult:
        """Give the mentions of ``entity`` named ``name`` an entity of their own."""
        row, moved = curation.split(_check(request, x_csrf_token).store, body.entity, body.name, body.lang)
        return EntityResult(id=row.id, name=row.name, type=row.type, moved_mentions=moved)

    @api.post("/reports/{report_id}/reject", tags=["curation"])
    def reject(request: Request, report_id: Ref, body: RejectRequest,
               x_csrf_token: CsrfHeader = None) -> CorrectionResult:
        """Reject a contact report: it leaves every reader and export, and stays rejected after re-ingestion."""
        return _correction(curation.reject_report(_check(request, x_csrf_token).store, report_id, body.note))

    @api.post("/reports/{report_id}/correct", tags=["curation"])
    def correct(request: Request, report_id: Ref, body: CorrectRequest,
                x_csrf_token: CsrfHeader = None) -> CorrectionResult:
        """Correct a report's kind and/or polarity."""
        store = _check(request, x_csrf_token).store
        return _correction(curation.correct_report(store, report_id, kind=body.kind, polarity=body.polarity,
                                                   note=body.note))

    return api
