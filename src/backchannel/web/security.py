"""Safe defaults for a local web app: a CSRF token for every state-changing request, a host
check against DNS rebinding, and security headers (a CSP that allows no inline script)."""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_ok(expected: str, given: str | None) -> bool:
    return bool(given) and secrets.compare_digest(expected.encode(), (given or "").encode())


def host_allowed(host_header: str, hosts: frozenset[str]) -> bool:
    host = host_header.rsplit(":", 1)[0] if not host_header.endswith("]") else host_header
    return host.strip("[]").lower() in hosts


Handler = Callable[[Request], Awaitable[Response]]


def guard(hosts: frozenset[str]) -> Callable[[Request, Handler], Awaitable[Response]]:
    """Middleware: refuse requests for other host names, add the security headers to every answer."""

    async def middleware(request: Request, call_next: Handler) -> Response:
        if not host_allowed(request.headers.get("host", ""), hosts):
            response: Response = PlainTextResponse("unknown host", status_code=400)
        else:
            response = await call_next(request)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        if request.url.path.startswith("/api/") or request.method not in SAFE_METHODS:
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    return middleware
