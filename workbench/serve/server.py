"""`workbench serve`: textual-serve's Server, with every route behind a reviewer's session cookie.

Each websocket runs the real workbench (`python -m workbench.cli --db DB --reviewer NAME`) in its own
process, as textual-serve does, so the audit log names the person. Sessions are bounded: beyond
--max-sessions a connection is refused before any process starts, and an idle one is closed.
"""
from __future__ import annotations

import asyncio
import html
import logging
import shlex
import string
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from ..store import users
from . import session

log = logging.getLogger("workbench.serve")

APP_PAGE = string.Template((Path(__file__).with_name("app_page.html")).read_text(encoding="utf-8"))
OPEN_ROUTES = ("/signin/",)  # the only paths that answer without a session cookie
STOP_TIMEOUT = 10.0          # seconds an app gets to quit before its process is killed


@dataclass
class LiveSession:
    """One browser tab running the workbench: whose it is, its cookie, and when it last had input."""
    reviewer: str
    cookie: str
    websocket: web.WebSocketResponse
    last_input: float = field(default_factory=time.monotonic)


class WorkbenchServer(Server):
    """Serves the workbench on `db_path` to signed-in reviewers."""

    def __init__(self, db, host: str = "127.0.0.1", port: int = 8000, max_sessions: int = 20,
                 idle_minutes: float = 30.0):
        super().__init__(command="workbench", host=host, port=port, title="Claim Workbench")
        self.db = db  # the server's own connection: sign-in and cookie checks only
        self.db_path = Path(db.workbench_path).resolve()
        self.max_sessions = max_sessions
        self.idle_seconds = idle_minutes * 60
        self.live: dict[int, LiveSession] = {}
        self.opening = 0  # websockets accepted and starting: counted before any await, so a flood cannot pass

    # ------------------------------------------------------------------ the web application

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self.guard])
        app.add_routes([
            web.get("/", self.handle_index, name="index"),
            web.get("/ws", self.handle_websocket, name="websocket"),
            web.get("/download/{key}", self.handle_download, name="download"),
            web.get("/signin/{token}", self.handle_sign_in_page),
            web.post("/signin/{token}", self.handle_sign_in),
            web.get("/signout", self.handle_sign_out),
            web.post("/signout", self.handle_sign_out),
            web.static("/static", self.statics_path, show_index=False, name="static"),
        ])
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    @web.middleware
    async def guard(self, request: web.Request, handler) -> web.StreamResponse:
        """No cookie, no page: every route but sign-in needs a live session; every reply gets our headers."""
        if request.path.startswith(OPEN_ROUTES):
            response = await handler(request)
        else:
            reviewer = users.session_user(self.db, request.cookies.get(session.COOKIE))
            if reviewer is None:
                response = session.not_signed_in()
            else:
                request["reviewer"] = reviewer
                response = await handler(request)
        if not response.prepared:  # a websocket's headers went out in its handshake
            response.headers.setdefault("Content-Security-Policy", session.content_policy(request))
            response.headers["X-Content-Type-Options"] = "nosniff"
            # a sign-in link never leaves in a Referer; "no-referrer" would also make a browser's sign-in POST
            # say `Origin: null`, which the Origin check must refuse
            response.headers["Referrer-Policy"] = "same-origin"
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    async def handle_index(self, request: web.Request) -> web.Response:
        script_nonce = session.nonce()
        scheme = "wss" if session.is_https(request) else "ws"
        font_size = min(max(to_int(request.query.get("fontsize", "16"), 16), 8), 40)
        text = APP_PAGE.substitute(
            reviewer=html.escape(request["reviewer"]), nonce=script_nonce, font_size=font_size,
            websocket_url=html.escape(f"{scheme}://{request.host}/ws"))
        response = web.Response(text=text, content_type="text/html")
        response.headers["Content-Security-Policy"] = session.content_policy(request, script_nonce)
        return response

    async def handle_sign_in_page(self, request: web.Request) -> web.Response:
        name = users.link_user(self.db, request.match_info["token"])
        return session.link_not_good() if name is None else session.sign_in_form(name)

    async def handle_sign_in(self, request: web.Request) -> web.Response:
        if request.headers.get("Origin") and not session.same_origin(request):
            return session.link_not_good()
        redeemed = users.redeem_link(self.db, request.match_info["token"])
        if redeemed is None:
            return session.link_not_good()
        name, token = redeemed
        log.info("signed in: %s", name)
        response = web.Response(status=303, headers={"Location": "/"})
        session.set_session_cookie(response, request, token)
        return response

    async def handle_sign_out(self, request: web.Request) -> web.Response:
        cookie = request.cookies.get(session.COOKIE)
        users.end_session(self.db, cookie)
        for live in list(self.live.values()):  # this browser's open tabs end with it
            if live.cookie == cookie:
                await live.websocket.close()
        response = session.signed_out()
        session.clear_session_cookie(response)
        return response

    # ------------------------------------------------------------------ the app sessions

    def app_command(self, reviewer: str) -> str:
        """The shell command textual-serve runs for one session (AppService takes a shell string)."""
        return shlex.join([sys.executable, "-m", "workbench.cli", "--db", str(self.db_path),
                           "--reviewer", reviewer])

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:
        if not session.same_origin(request):
            return session.page("Refused", "<p>The workbench opens only from its own page.</p>", status=403)
        if len(self.live) + self.opening >= self.max_sessions:
            log.warning("refused a session for %s: %d open", request["reviewer"], self.max_sessions)
            return session.too_many_sessions(self.max_sessions)
        self.opening += 1
        try:
            websocket = web.WebSocketResponse(heartbeat=15)
            await websocket.prepare(request)
        finally:
            self.opening -= 1
        reviewer = request["reviewer"]
        live = LiveSession(reviewer, request.cookies.get(session.COOKIE, ""), websocket)
        key = id(live)
        self.live[key] = live
        width = min(max(to_int(request.query.get("width", "80"), 80), 20), 500)
        height = min(max(to_int(request.query.get("height", "24"), 24), 5), 300)
        app_service = AppService(self.app_command(reviewer), write_bytes=websocket.send_bytes,
                                 write_str=websocket.send_str, close=websocket.close,
                                 download_manager=self.download_manager, debug=self.debug)
        watchdog = asyncio.create_task(self._watch(live))
        log.info("session opened: %s (%d open)", reviewer, len(self.live))
        try:
            await app_service.start(width, height)
            # an app that dies without a goodbye (a crash, a kill) must not leave a dead tab holding a place
            app_service._task.add_done_callback(lambda _: asyncio.ensure_future(websocket.close()))
            await self._process_messages(websocket, app_service, live)
        except asyncio.CancelledError:
            pass
        except Exception:
            log.exception("session of %s failed", reviewer)
        finally:
            watchdog.cancel()
            self.live.pop(key, None)
            await self._stop(app_service)
            await websocket.close()
            log.info("session closed: %s (%d open)", reviewer, len(self.live))
        return websocket

    async def _process_messages(self, websocket: web.WebSocketResponse, app_service: AppService,
                                live: LiveSession | None = None) -> None:
        """textual-serve's message loop, noting each keypress or resize as the session's last input."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                kind, *rest = message.json()
            except (ValueError, TypeError):
                continue  # not ours to crash on: a stray frame from a broken client
            if live is not None and kind in ("stdin", "resize"):
                live.last_input = time.monotonic()
            if kind == "stdin" and rest and isinstance(rest[0], str):
                await app_service.send_bytes(rest[0].encode("utf-8"))
            elif kind == "resize" and rest and isinstance(rest[0], dict):
                await app_service.set_terminal_size(to_int(str(rest[0].get("width")), 80),
                                                    to_int(str(rest[0].get("height")), 24))
            elif kind == "ping" and rest:
                await websocket.send_json(["pong", rest[0]])
            elif kind == "blur":
                await app_service.blur()
            elif kind == "focus":
                await app_service.focus()

    async def _watch(self, live: LiveSession) -> None:
        """Close the session when it is idle too long, or its reviewer was removed or signed out."""
        every = min(30.0, max(self.idle_seconds / 4, 0.5))
        while True:
            await asyncio.sleep(every)
            idle = time.monotonic() - live.last_input
            if idle >= self.idle_seconds:
                log.info("closing %s's session: idle %.0f s", live.reviewer, idle)
                await live.websocket.close()
                return
            if users.session_user(self.db, live.cookie) is None:
                log.info("closing %s's session: signed out or removed", live.reviewer)
                await live.websocket.close()
                return

    @staticmethod
    async def _stop(app_service: AppService) -> None:
        """Ask the app to quit; kill its process if it does not within STOP_TIMEOUT."""
        try:
            await asyncio.wait_for(app_service.stop(), STOP_TIMEOUT)
        except (asyncio.TimeoutError, Exception):
            process = app_service._process  # textual-serve keeps it private; a hung app must not outlive us
            if process is not None and process.returncode is None:
                process.kill()

    # ------------------------------------------------------------------ running

    async def on_startup(self, app: web.Application) -> None:
        count = users.count_users(self.db)
        self.console.print(f"Claim Workbench serving {self.db_path} on http://{self.host}:{self.port} "
                           f"to {count} user{'s' if count != 1 else ''} "
                           f"(at most {self.max_sessions} sessions)",
                           highlight=False, markup=False, soft_wrap=True)
        if not count:
            self.console.print("No users yet: `workbench serve users add NAME` prints a sign-in link.",
                               highlight=False, markup=False, soft_wrap=True)
        self.console.print("Press Ctrl+C to stop.", highlight=False, markup=False, soft_wrap=True)

    async def on_shutdown(self, app: web.Application) -> None:
        for live in list(self.live.values()):
            await live.websocket.close()

    def serve(self, debug: bool = False) -> None:
        """Run until Ctrl+C. No access log: a sign-in link's secret is in its path."""
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        try:
            import signal

            loop.add_signal_handler(signal.SIGINT, self.request_exit)
            loop.add_signal_handler(signal.SIGTERM, self.request_exit)
        except NotImplementedError:
            pass
        web.run_app(self._make_app(), host=self.host, port=self.port, handle_signals=False, loop=loop,
                    access_log=None, print=lambda *args: None)
