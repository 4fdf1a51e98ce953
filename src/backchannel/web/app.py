"""The app factory: ``create_app(workspace)`` builds the FastAPI app over one store. Nothing
is created at import; ``backchannel serve`` calls the factory and runs it with uvicorn."""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import DictLoader, Environment, select_autoescape

from backchannel.errors import BackchannelError
from backchannel.web import api, pages
from backchannel.web.context import Context, kb_offices
from backchannel.web.data import NotFound
from backchannel.web.security import guard, new_token

if TYPE_CHECKING:
    from backchannel.store import Store
    from backchannel.workspace import Workspace

LOOPBACK = ("127.0.0.1", "localhost", "::1")
STATIC = {  # the only files the app serves: a fixed list, read from the package at start-up
    "app.css": "text/css; charset=utf-8",
    "actor.js": "text/javascript; charset=utf-8",
    "cytoscape.min.js": "text/javascript; charset=utf-8",
    "cytoscape.LICENSE": "text/plain; charset=utf-8",
}
TEMPLATES = ("base.html", "home.html", "search.html", "actor.html", "pair.html", "events.html", "event.html",
             "stories.html", "story.html", "article.html", "curation.html", "error.html", "macros.html")


def _package_files(folder: str, names: Iterable[str]) -> dict[str, bytes]:
    root = resources.files("backchannel.web").joinpath(folder)
    return {name: root.joinpath(name).read_bytes() for name in names}


def templates() -> Environment:
    sources = {k: v.decode("utf-8") for k, v in _package_files("templates", TEMPLATES).items()}
    env = Environment(loader=DictLoader(sources), autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["pct"] = lambda x: f"{round(100 * float(x))}%"
    return env


def create_app(source: Workspace | Store, *, hosts: Iterable[str] = LOOPBACK) -> FastAPI:
    """The web UI and JSON API over one store. ``hosts``: the host names requests may address."""
    from backchannel.store import Store as StoreType

    if isinstance(source, StoreType):
        context = Context(source, new_token())
    else:
        analyzer = source.analyzer
        context = Context(source.store, new_token(), kb_offices(lambda: analyzer.index))
    app = FastAPI(title="backchannel", version="1", description="Who talks to whom: contacts read from the news.",
                  openapi_url="/api/openapi.json", docs_url=None, redoc_url=None)
    app.state.context = context
    env = templates()
    static = _package_files("static", STATIC)
    app.middleware("http")(guard(frozenset(h.lower() for h in hosts)))
    app.include_router(api.router())
    app.include_router(pages.router(env))

    @app.get("/static/{name}", include_in_schema=False)
    def static_file(name: str) -> Response:
        if name not in static:
            return Response("not found", status_code=404, media_type="text/plain")
        return Response(static[name], media_type=STATIC[name], headers={"Cache-Control": "max-age=3600"})

    def answer(request: Request, status: int, message: str) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": message}, status_code=status)
        html = env.get_template("error.html").render(status=status, message=message, csrf=context.csrf,
                                                     request_path=request.url.path, done="")
        return HTMLResponse(html, status_code=status)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return answer(request, 404, f"not found: {exc}")

    @app.exception_handler(BackchannelError)
    async def refused(request: Request, exc: BackchannelError) -> Response:
        return answer(request, 400, str(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return answer(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": _jsonable(exc.errors())}, status_code=422)
        return answer(request, 422, "invalid request: " + "; ".join(str(e.get("msg")) for e in exc.errors()))

    return app


def _jsonable(errors: Any) -> Any:
    from fastapi.encoders import jsonable_encoder

    return jsonable_encoder(errors)
