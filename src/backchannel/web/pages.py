"""Server-rendered pages (Jinja2, autoescaped): the same reads as the API, as HTML. Curation
forms post here with the page's CSRF token and are redirected back (303)."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment

from backchannel import curation
from backchannel.errors import UsageError
from backchannel.web import data
from backchannel.web.context import Context
from backchannel.web.security import token_ok

Text = Annotated[str, Form(max_length=500)]
OptionalText = Annotated[str, Form(max_length=500)]


def router(env: Environment) -> APIRouter:
    pages = APIRouter(include_in_schema=False)

    def ctx(request: Request) -> Context:
        found: Context = request.app.state.context
        return found

    def render(request: Request, template: str, status: int = 200, **values: Any) -> HTMLResponse:
        html = env.get_template(template).render(csrf=ctx(request).csrf, request_path=request.url.path,
                                                 done=request.query_params.get("done", ""), **values)
        return HTMLResponse(html, status_code=status)

    def back(path: str, message: str) -> RedirectResponse:
        return RedirectResponse(f"{path}?{urlencode({'done': message})}", status_code=303)

    def checked(request: Request, token: str) -> Context:
        found = ctx(request)
        if not token_ok(found.csrf, token):
            raise HTTPException(403, "missing or wrong CSRF token: reload the page and try again")
        return found

    @pages.get("/", response_class=HTMLResponse)
    def home(request: Request) -> Response:
        return render(request, "home.html", page=data.home(ctx(request).store))

    @pages.get("/search", response_class=HTMLResponse)
    def search(request: Request, q: Annotated[str, Query(max_length=200)] = "") -> Response:
        found = data.search(ctx(request).store, q)
        return render(request, "search.html", page=found, query=found.query)

    @pages.get("/actors/{entity_id}", response_class=HTMLResponse)
    def actor(request: Request, entity_id: str) -> Response:
        store = ctx(request).store
        current = data.resolve(store, entity_id)
        if current is not None and current != entity_id:
            return RedirectResponse(f"/actors/{quote(current, safe='')}", status_code=302)
        return render(request, "actor.html", page=data.actor(store, entity_id, ctx(request).offices_of))

    @pages.get("/pairs/{a}/{b}", response_class=HTMLResponse)
    def pair(request: Request, a: str, b: str, kind: str | None = None) -> Response:
        return render(request, "pair.html", page=data.pair(ctx(request).store, a, b, kind or None))

    @pages.get("/events", response_class=HTMLResponse)
    def events(request: Request, kind: str | None = None, status: str | None = None) -> Response:
        return render(request, "events.html", page=data.events(ctx(request).store, kind or None, status or None))

    @pages.get("/events/{event_id}", response_class=HTMLResponse)
    def event(request: Request, event_id: str) -> Response:
        return render(request, "event.html", page=data.event(ctx(request).store, event_id))

    @pages.get("/disputed", response_class=HTMLResponse)
    def disputed(request: Request) -> Response:
        return render(request, "events.html", page=data.disputed(ctx(request).store))

    @pages.get("/stories", response_class=HTMLResponse)
    def stories(request: Request) -> Response:
        return render(request, "stories.html", page=data.stories(ctx(request).store))

    @pages.get("/stories/{story_id}", response_class=HTMLResponse)
    def story(request: Request, story_id: str) -> Response:
        return render(request, "story.html", page=data.story(ctx(request).store, story_id))

    @pages.get("/articles/{article_id}", response_class=HTMLResponse)
    def article(request: Request, article_id: str) -> Response:
        return render(request, "article.html", page=data.article(ctx(request).store, article_id))

    @pages.get("/reports/{report_id}")
    def report(request: Request, report_id: str) -> Response:
        found = data.report(ctx(request).store, report_id)
        return RedirectResponse(f"/articles/{quote(found.article_id, safe='')}#r-{quote(found.id, safe='')}",
                                status_code=302)

    @pages.get("/curation", response_class=HTMLResponse)
    def curation_page(request: Request) -> Response:
        return render(request, "curation.html", page=data.curation(ctx(request).store))

    @pages.post("/curation/merge")
    def merge(request: Request, csrf_token: Text, keep: Text, other: Text) -> Response:
        row = curation.merge(checked(request, csrf_token).store, keep.strip(), other.strip())
        return back(f"/actors/{quote(row.id, safe='')}", f"merged {other.strip()} into {row.name}")

    @pages.post("/curation/rename")
    def rename(request: Request, csrf_token: Text, entity: Text, name: Text, lang: Text = "en") -> Response:
        row = curation.rename(checked(request, csrf_token).store, entity.strip(), name.strip(), _lang(lang))
        return back(f"/actors/{quote(row.id, safe='')}", f"renamed to {row.name}")

    @pages.post("/curation/split")
    def split(request: Request, csrf_token: Text, entity: Text, name: Text, lang: Text = "en") -> Response:
        row, moved = curation.split(checked(request, csrf_token).store, entity.strip(), name.strip(), _lang(lang))
        return back(f"/actors/{quote(row.id, safe='')}", f"split off {row.name} ({moved} mentions)")

    @pages.post("/curation/report")
    def correct_report(request: Request, csrf_token: Text, report_id: Text, action: Text,
                       kind: OptionalText = "", polarity: OptionalText = "", note: OptionalText = "") -> Response:
        store = checked(request, csrf_token).store
        if action == "reject":
            fix = curation.reject_report(store, report_id, note or None)
        else:
            fix = curation.correct_report(store, report_id, kind=kind or None, polarity=polarity or None,
                                          note=note or None)
        return back(f"/articles/{quote(fix.article_id, safe='')}", f"report {fix.report_id}: {fix.action}ed")

    return pages


def _lang(lang: str) -> str:
    lang = lang.strip().lower() or "en"
    if not (2 <= len(lang) <= 3 and lang.isascii() and lang.isalpha()):
        raise UsageError(f"bad language code '{lang}'", "use a two-letter code such as en, ru, uk")
    return lang
