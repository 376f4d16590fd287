"""`workbench serve` as a desk meets it: a real server process on a free loopback port, a real database,
the real CLI adding users, and an HTTP/websocket client doing what the browser does. Nobody without a
session cookie gets a page or a websocket; each session runs as its own reviewer."""
from __future__ import annotations

import asyncio
import hashlib
import json
import os
import signal
import socket
import re
import sqlite3
from pathlib import Path

import aiohttp
import pytest

from serve_harness import (SEED_ARTICLE, TO_130_VICTIMS, add_user, open_screen, run_cli, served,
                           sign_in)


@pytest.fixture(scope="module")
def desk_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("desk") / "desk.db"
    done = run_cli(db, "import", str(SEED_ARTICLE))
    assert done.returncode == 0, done.stderr
    return db


@pytest.fixture(scope="module")
def server(desk_db):
    with served(desk_db) as base_url:
        yield base_url


def http_client() -> aiohttp.ClientSession:
    return aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar())  # every cookie is sent by hand


def cookie(value: str) -> dict[str, str]:
    return {"Cookie": f"workbench_session={value}"}


async def ws_status(http, base_url: str, headers: dict[str, str]) -> int:
    """The HTTP status a websocket handshake got (101 when it opened)."""
    try:
        websocket = await http.ws_connect(base_url.replace("http", "ws", 1) + "/ws", headers=headers)
    except aiohttp.WSServerHandshakeError as exc:
        return exc.status
    await websocket.close()
    return 101


async def test_without_a_cookie_every_page_and_the_websocket_are_401(server):
    async with http_client() as http:
        for path in ("/", "/static/js/textual.js", "/download/x", "/nope"):
            async with http.get(server + path) as reply:
                assert reply.status == 401, path
                assert "Not signed in" in await reply.text()
        assert await ws_status(http, server, {"Origin": server}) == 401
        forged = cookie("1.forged-secret-forged-secret")
        assert await ws_status(http, server, {"Origin": server, **forged}) == 401


async def test_a_link_signs_in_once_and_its_page_does_not_use_it_up(server, desk_db):
    link = add_user(desk_db, "Ana Reyes", server)
    async with http_client() as http:
        for _ in range(2):  # a link previewer fetching the page must not spend the link
            async with http.get(link) as reply:
                assert reply.status == 200 and "Ana Reyes" in await reply.text()
        async with http.post(link, allow_redirects=False) as reply:
            assert reply.status == 303
            morsel = reply.cookies["workbench_session"]
            assert morsel["httponly"] and morsel["samesite"] == "Strict"
        async with http.get(server + "/", headers=cookie(morsel.value)) as reply:
            assert reply.status == 200
            page = await reply.text()
            assert 'id="terminal"' in page and "Ana Reyes" in page
            assert "default-src 'none'" in reply.headers["Content-Security-Policy"]
        # the used link: neither its page nor its button works again
        async with http.get(link) as reply:
            assert reply.status == 401
        async with http.post(link, allow_redirects=False) as reply:
            assert reply.status == 401 and "workbench_session" not in reply.cookies


async def test_served_page_names_no_other_host(server, desk_db):
    async with http_client() as http:
        session = await sign_in(http, add_user(desk_db, "offline", server))
        async with http.get(server + "/", headers=cookie(session)) as reply:
            page = await reply.text()
    assert not re.findall(r"(?:https?:)?//(?!127\.0\.0\.1)[\w.-]+\.\w+", page.replace(server, ""))
    assert "fonts.googleapis" not in page


async def test_removed_users_link_and_cookie_stop_working(server, desk_db):
    async with http_client() as http:
        session = await sign_in(http, add_user(desk_db, "leaver", server))
        waiting_link = add_user(desk_db, "never-came", server)
        assert run_cli(desk_db, "serve", "users", "remove", "leaver").returncode == 0
        assert run_cli(desk_db, "serve", "users", "remove", "never-came").returncode == 0
        async with http.get(server + "/", headers=cookie(session)) as reply:
            assert reply.status == 401
        assert await ws_status(http, server, {"Origin": server, **cookie(session)}) == 401
        async with http.post(waiting_link, allow_redirects=False) as reply:
            assert reply.status == 401


async def test_a_new_link_replaces_the_old_one(server, desk_db):
    old = add_user(desk_db, "twice", server)
    new = add_user(desk_db, "twice", server)
    async with http_client() as http:
        async with http.post(old, allow_redirects=False) as reply:
            assert reply.status == 401
        assert await sign_in(http, new)


async def test_sign_out_ends_the_session(server, desk_db):
    async with http_client() as http:
        session = await sign_in(http, add_user(desk_db, "going-home", server))
        async with http.post(server + "/signout", headers=cookie(session)) as reply:
            assert reply.status == 200 and "Signed out" in await reply.text()
        async with http.get(server + "/", headers=cookie(session)) as reply:
            assert reply.status == 401


async def test_websocket_from_another_origin_is_refused(server, desk_db):
    async with http_client() as http:
        session = await sign_in(http, add_user(desk_db, "origin-check", server))
        assert await ws_status(http, server, {"Origin": "http://evil.example", **cookie(session)}) == 403
        assert await ws_status(http, server, cookie(session)) == 403  # no Origin at all: not a browser page


async def test_each_session_runs_as_its_own_reviewer(server, desk_db):
    async with http_client() as http:
        ana = await sign_in(http, add_user(desk_db, "ana", server))
        bob = await sign_in(http, add_user(desk_db, "bob", server))
        screens = [await open_screen(http, server, ana), await open_screen(http, server, bob)]
        await screens[0].wait_for("reviewer: ana")
        await screens[1].wait_for("reviewer: bob")
        await screens[1].settle()
        await screens[1].open_article("Homs")
        await screens[1].type_slowly(TO_130_VICTIMS)
        await screens[1].wait_for("130 victims")
        await screens[1].key_until("v", "press its number")
        await screens[1].settle()
        await screens[1].key("6")  # 6: false, on the seed scale
        await screens[1].wait_for("False: 130 victims")  # the notice the verdict's save brings
        for screen in screens:
            await screen.close()
    claims = run_cli(desk_db, "claims", "1", "--status", "reviewed", "--json")
    reviewed = {c["text"]: (c["verdict"], c["reviewer"]) for c in json.loads(claims.stdout)}
    assert reviewed["130 victims"] == ("false", "bob")
    history = run_cli(desk_db, "history", str(_claim_id(desk_db, "130 victims"))).stdout
    assert re.search(r"\bbob\s+verdict\b", history)


def _claim_id(db: Path, text: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT id FROM claims WHERE text = ?", [text]).fetchone()[0]


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found.update(int(p) for p in (task / "children").read_text().split())
    return found


def _server_pid(base_url: str) -> int:
    port = base_url.rsplit(":", 1)[1]
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                argv = (proc / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if b"serve" in argv and port.encode() in argv:
                return int(proc.name)
    raise AssertionError("server process not found")


async def test_sessions_beyond_the_limit_are_refused_without_a_process(tmp_path):
    db = tmp_path / "small.db"
    with served(db, "--max-sessions", "2") as base_url:
        link_a, link_b = add_user(db, "a", base_url), add_user(db, "b", base_url)
        async with http_client() as http:
            a, b = await sign_in(http, link_a), await sign_in(http, link_b)
            screens = [await open_screen(http, base_url, a), await open_screen(http, base_url, b)]
            await screens[0].wait_for("reviewer: a")
            await screens[1].wait_for("reviewer: b")
            pid = _server_pid(base_url)
            running = _children(pid)
            assert len(running) == 2
            statuses = await asyncio.gather(*(ws_status(http, base_url, {"Origin": base_url, **cookie(a)})
                                              for _ in range(10)))
            assert statuses == [503] * 10
            assert _children(pid) == running  # a flood got refusals, not forks
            await screens[0].close()
            await asyncio.sleep(1.5)  # a closed session frees its place
            third = await open_screen(http, base_url, a)
            await third.wait_for("reviewer: a")
            for screen in (screens[1], third):
                await screen.close()


async def test_an_idle_session_is_closed(tmp_path):
    db = tmp_path / "idle.db"
    with served(db, "--idle-minutes", "0.05") as base_url:  # 3 s
        async with http_client() as http:
            session = await sign_in(http, add_user(db, "dozer", base_url))
            screen = await open_screen(http, base_url, session)
            await screen.wait_for("reviewer: dozer")
            await asyncio.wait_for(screen.reader, 15)  # the server closes the websocket
            assert screen.websocket.closed


def test_only_hashes_of_secrets_are_stored(tmp_path):
    db = tmp_path / "hashes.db"
    link = add_user(db, "ana", "http://127.0.0.1:8000")
    secret = link.rsplit(".", 1)[1]
    wal = Path(f"{db}-wal")
    assert secret.encode() not in db.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT link_hash FROM serve_users").fetchone()[0] == hashlib.sha256(
            secret.encode()).hexdigest()


def test_serving_beyond_loopback_without_users_is_refused(tmp_path):
    done = run_cli(tmp_path / "empty.db", "serve", "--host", "0.0.0.0", "--port", "1")
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "no users" in done.stderr and "users add" in done.stderr


def test_users_list_and_remove_from_the_cli(tmp_path):
    db = tmp_path / "users.db"
    add_user(db, "ana", "http://desk.example")
    assert add_user(db, "bob", "http://desk.example/").startswith("http://desk.example/signin/2.")
    listing = run_cli(db, "serve", "users", "list").stdout
    assert "ana" in listing and "bob" in listing and "link not used yet" in listing
    assert run_cli(db, "serve", "users", "remove", "ANA").stdout.strip() == "removed ana"
    missing = run_cli(db, "serve", "users", "remove", "ana")
    assert missing.returncode == 1 and "no serve user named 'ana'" in missing.stderr
    assert run_cli(db, "serve", "users", "add", "bad\x1b]52;c;x\x07").returncode == 0  # cleaned, one line
    assert "\x1b" not in run_cli(db, "serve", "users", "list").stdout


async def test_a_session_whose_app_dies_is_closed_and_frees_its_place(tmp_path):
    db = tmp_path / "crash.db"
    with served(db, "--max-sessions", "1") as base_url:
        async with http_client() as http:
            session = await sign_in(http, add_user(db, "crash", base_url))
            screen = await open_screen(http, base_url, session)
            await screen.wait_for("reviewer: crash")
            pid = _server_pid(base_url)
            for child in _children(pid):  # the shell textual-serve starts, and the app under it
                for grandchild in _children(child) | {child}:
                    os.kill(grandchild, signal.SIGKILL)
            await asyncio.wait_for(screen.reader, 15)
            again = await open_screen(http, base_url, session)  # its place is free again
            await again.wait_for("reviewer: crash")
            await again.close()


def test_a_port_in_use_is_one_line_naming_it(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = run_cli(tmp_path / "busy.db", "serve", "--port", str(port))
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and f"port {port}" in done.stderr and "--port" in done.stderr


def test_an_empty_user_name_is_refused_with_one_line(tmp_path):
    done = run_cli(tmp_path / "names.db", "serve", "users", "add", "\x1b[2J")
    assert done.returncode == 1 and done.stderr.count("\n") == 1 and "reviewer's name" in done.stderr


async def test_removing_a_user_closes_their_open_session(tmp_path):
    db = tmp_path / "removed.db"
    with served(db, "--idle-minutes", "1") as base_url:  # sessions are re-checked every 15 s
        async with http_client() as http:
            session = await sign_in(http, add_user(db, "leaving", base_url))
            screen = await open_screen(http, base_url, session)
            await screen.wait_for("reviewer: leaving")
            assert run_cli(db, "serve", "users", "remove", "leaving").returncode == 0
            await asyncio.wait_for(screen.reader, 30)  # closed by the server, well before the idle minute
            assert screen.websocket.closed
