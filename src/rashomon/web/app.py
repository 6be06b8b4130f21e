"""The web application: `create_app(settings)` builds it; nothing is made at import.

Every response carries a Content-Security-Policy that runs no script but the server's own files (it serves none)
and loads nothing from elsewhere, and ``X-Content-Type-Options: nosniff``. Only GET and HEAD are answered. With a
token, every request must carry it; without one, only requests addressed to this machine by a loopback name are
answered (a page elsewhere cannot reach the server by pointing a name of its own at 127.0.0.1).
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from urllib.parse import urlencode

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from starlette.exceptions import HTTPException

from rashomon import __version__
from rashomon.web import api, pages
from rashomon.web.answers import NotFoundError
from rashomon.web.models import ErrorBody, Problem
from rashomon.web.served import NotReadyError, ServedStore
from rashomon.web.settings import LOOPBACK_NAMES, ServeSettings
from rashomon.web.templating import render, style_sheets

logger = logging.getLogger(__name__)

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Resource-Policy": "same-origin",
}
TOKEN_COOKIE = "rashomon_token"
API_PREFIX = "/api/"


def create_app(settings: ServeSettings, served: ServedStore | None = None) -> FastAPI:
    """The application serving ``settings.db``; ``served`` stands in for the store's copies (tests)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        keeper = served or ServedStore(settings)
        app.state.served = keeper
        keeper.start()
        try:
            yield
        finally:
            keeper.stop()

    app = FastAPI(
        title="rashomon",
        version=__version__,
        summary="Stories, articles and entities of a rashomon store; the answers are dossier.json's own models.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_api_route("/static/{name}", _static, methods=["GET"], include_in_schema=False)
    _guard(app, settings)
    _errors(app)
    return app


def _static(name: str) -> Response:
    sheets = style_sheets()
    if name not in sheets:  # a fixed set of names: no path from the request reaches the file system
        raise HTTPException(404, f"There is no file {name!r} here.")
    return Response(sheets[name], media_type="text/css", headers={"Cache-Control": "max-age=300"})


def _guard(app: FastAPI, settings: ServeSettings) -> None:
    @app.middleware("http")
    async def guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        refused = _refusal(request, settings)
        if refused is not None:
            response = refused
        elif settings.token and request.query_params.get("token") == settings.token:
            response = _remember_token(request, settings.token)
        else:
            response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response


def _refusal(request: Request, settings: ServeSettings) -> Response | None:
    """The response refusing a request that may not be answered; None when it may."""
    if request.method not in ("GET", "HEAD"):
        return _problem(request, 405, "This server only reads: it answers GET and HEAD requests.")
    if settings.token is None:
        host = (request.headers.get("host") or "").rsplit(":", 1)[0].strip("[]").lower()
        if host not in LOOPBACK_NAMES:
            return _problem(request, 421, "This server answers requests addressed to localhost or 127.0.0.1.")
        return None
    if _carries_token(request, settings.token):
        return None
    return _problem(request, 401, "This server needs its token: open it once with ?token=... in the address.")


def _carries_token(request: Request, token: str) -> bool:
    given = [
        request.headers.get("authorization", "").removeprefix("Bearer ").strip(),
        request.cookies.get(TOKEN_COOKIE, ""),
        request.query_params.get("token", ""),
    ]
    return any(hmac.compare_digest(value.encode(), token.encode()) for value in given if value)


def _remember_token(request: Request, token: str) -> Response:
    """Keep a token given in the address as a cookie, and go to the address without it."""
    rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
    target = request.url.path + (f"?{urlencode(rest)}" if rest else "")
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
    return response


def _problem(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """An error in the one shape every answer shares: JSON under /api/ and for /openapi.json, else a page."""
    if request.url.path.startswith(API_PREFIX) or request.url.path == "/openapi.json":
        body = ErrorBody(error=Problem(status=status, message=message)).model_dump()
        return JSONResponse(body, status_code=status, headers={**SECURITY_HEADERS, **(headers or {})})
    page = render("error_page.html.j2", status=status, message=message)
    return HTMLResponse(page, status_code=status, headers={**SECURITY_HEADERS, **(headers or {})})


def _errors(app: FastAPI) -> None:
    async def http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        detail = error.detail if isinstance(error.detail, str) else "That cannot be answered."
        if error.status_code == 404 and detail == "Not Found":
            detail = f"There is no page {request.url.path!r} here."
        if error.status_code == 405:
            detail = "This server only reads: it answers GET and HEAD requests."
        return _problem(request, error.status_code, detail)

    async def invalid(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        said = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in error.errors())
        return _problem(request, 400, f"The request's parameters are not valid ({said}).")

    async def not_found(request: Request, error: Exception) -> Response:
        return _problem(request, 404, str(error))

    async def not_ready(request: Request, error: Exception) -> Response:
        return _problem(request, 503, str(error), {"Retry-After": "2"})

    async def failed(request: Request, error: Exception) -> Response:
        logger.exception("Answering %s failed", request.url.path)
        return _problem(request, 500, "The server failed to answer (a bug: its log has the details).")

    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(NotFoundError, not_found)
    app.add_exception_handler(NotReadyError, not_ready)
    app.add_exception_handler(Exception, failed)
