"""Sign-in for `workbench serve`: the session cookie, the pages around it, and the headers on every reply.

A sign-in link opens a page with one button; only its POST uses the link up and sets the cookie, so a chat
or mail client that previews the link does not spend it. Every page is plain HTML built here, escaped.
"""
from __future__ import annotations

import html
import re
import secrets
from urllib.parse import urlsplit

from aiohttp import web

COOKIE = "workbench_session"
HOST = re.compile(r"[A-Za-z0-9.-]+(:[0-9]{1,5})?|\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?")
COOKIE_MAX_AGE = 30 * 24 * 3600  # store.users.SESSION_LIFETIME: the browser forgets it when the server does


def nonce() -> str:
    """A fresh nonce for the one inline script a page may run."""
    return secrets.token_urlsafe(16)


def content_policy(request: web.Request, script_nonce: str | None = None) -> str:
    """Nothing from any other host: scripts, fonts and the websocket are this server's own.

    Styles may be inline because textual.js (xterm) adds <style> elements at run time; a script may run
    only from /static or with the page's nonce, and `?ping=URL` in textual.js cannot fetch elsewhere.
    """
    scripts = "'self'" + (f" 'nonce-{script_nonce}'" if script_nonce else "")
    host = request.host
    # the websocket's own address, spelled out for browsers whose 'self' does not cover ws:; a Host header
    # that is not a plain host[:port] would write into the policy, so it gets none
    sockets = f" ws://{host} wss://{host}" if HOST.fullmatch(host) else ""
    return (f"default-src 'none'; script-src {scripts}; style-src 'self' 'unsafe-inline'; font-src 'self'; "
            f"img-src 'self' data: blob:; connect-src 'self'{sockets}; form-action 'self'; "
            "base-uri 'none'; frame-ancestors 'none'")


def is_https(request: web.Request) -> bool:
    """Whether the browser came over TLS: directly, or through the newsroom's reverse proxy."""
    return request.secure or request.headers.get("X-Forwarded-Proto", "").lower() == "https"


def same_origin(request: web.Request) -> bool:
    """The browser says it comes from a page of this server (its Origin names our host): another site's
    script cannot open the websocket or post a sign-in, even in a browser that holds the cookie."""
    origin = request.headers.get("Origin")
    if not origin:
        return False
    return urlsplit(origin).netloc.lower() == request.host.lower()


def set_session_cookie(response: web.StreamResponse, request: web.Request, token: str) -> None:
    response.set_cookie(COOKIE, token, max_age=COOKIE_MAX_AGE, path="/", httponly=True, samesite="Strict",
                        secure=is_https(request))


def clear_session_cookie(response: web.StreamResponse) -> None:
    response.del_cookie(COOKIE, path="/")


def page(title: str, body_html: str, status: int = 200) -> web.Response:
    """A small self-contained page (no script, no outside fonts); `body_html` is already escaped."""
    text = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{html.escape(title)} — Claim Workbench</title>
<style>body{{font-family:system-ui,sans-serif;max-width:36em;margin:4em auto;padding:0 1em;color:#222}}
button{{font-size:1.1em;padding:.5em 1.5em}}</style></head>
<body><h1>{html.escape(title)}</h1>{body_html}</body></html>"""
    return web.Response(text=text, status=status, content_type="text/html")


def not_signed_in() -> web.Response:
    return page("Not signed in", "<p>This workbench is for the desk's reviewers. Ask whoever runs it for a "
                "sign-in link (<code>workbench serve users add NAME</code>).</p>", status=401)


def link_not_good() -> web.Response:
    return page("This sign-in link does not work", "<p>It was used already, replaced by a newer one, expired "
                "after 7 days, or its reviewer was removed. Ask for a new link "
                "(<code>workbench serve users add NAME</code> gives one).</p>", status=401)


def sign_in_form(name: str) -> web.Response:
    return page("Sign in", f"<p>Sign in to the Claim Workbench as <strong>{html.escape(name)}</strong>. "
                "The link works once: after this, this browser stays signed in for 30 days.</p>"
                '<form method="post"><button type="submit" id="sign-in">Sign in</button></form>')


def signed_out() -> web.Response:
    return page("Signed out", "<p>This browser is signed out. A new sign-in link signs it in again.</p>")


def too_many_sessions(limit: int) -> web.Response:
    return page("The workbench is full", f"<p>{limit} sessions are open, the most this server allows. "
                "Close a "
                "tab you no longer use, or try again in a few minutes.</p>", status=503)
