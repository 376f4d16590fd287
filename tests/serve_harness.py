"""A real `workbench serve` on a free loopback port, and a client that does what textual.js does in a
browser: sign in with a link, open the websocket with the cookie, send keys, read the screen's bytes.
Shared by tests/test_serve.py and benchmarks/serve_load.py."""
from __future__ import annotations

import asyncio
import json
import os
import re
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
WORKBENCH = Path(sys.executable).with_name("workbench")
SEED_ARTICLE = ROOT / "sample_articles" / "syria-homs-2015-11-24.txt"
# from the library to "130 victims" in the seed article, as a reviewer types it: filter by a headline word
# (ctrl+f, the word, Enter), wait for FILTERED (the list is filtered in a worker: an Enter before it opened
# whatever row was first), then Enter opens it; 14 rows down
FILTER_SEED = ["\x06", "Homs", "\r"]
FILTERED = "1 article matching"
TO_130_VICTIMS = ["j"] * 14
ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[PX^_\]].*?(?:\x1b\\|\x07)|\x1b[@-Z\\-_]")


def run_cli(db: Path, *args: str, reviewer: str = "desk-editor") -> subprocess.CompletedProcess:
    env = {**os.environ, "WORKBENCH_DB": str(db), "WORKBENCH_REVIEWER": reviewer}
    return subprocess.run([str(WORKBENCH), *args], capture_output=True, text=True, env=env, timeout=120)


def add_user(db: Path, name: str, base_url: str) -> str:
    done = run_cli(db, "serve", "users", "add", name, "--url", base_url)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def served(db: Path, *options: str):
    """`workbench serve` on a free port until the block ends; yields its base URL."""
    port = free_port()
    env = {**os.environ, "WORKBENCH_DB": str(db), "COLUMNS": "200"}
    log = db.with_name(f"serve-{port}.log")  # a file, not a pipe: an unread pipe that fills stalls the server
    with open(log, "w") as out:
        process = subprocess.Popen([str(WORKBENCH), "serve", "--port", str(port), *options], env=env,
                                   stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"workbench serve did not start: {log.read_text()}")
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


async def sign_in(http: aiohttp.ClientSession, link: str) -> str:
    """Press the sign-in button the link's page shows; the session cookie's value."""
    async with http.post(link, allow_redirects=False) as reply:
        assert reply.status == 303, (reply.status, await reply.text())
        return reply.cookies["workbench_session"].value


class Screen:
    """A websocket session: keys in, the served screen's bytes out (as text, escapes removed)."""

    def __init__(self, websocket: aiohttp.ClientWebSocketResponse):
        self.websocket = websocket
        self.text = ""
        self.transcript = []  # ("key", keys) and ("screen", text) in order: what to read when a run fails
        self.frames = asyncio.Queue()  # arrival times, for settle()
        self.shown = asyncio.Queue()   # (arrival time, text) of each frame, for key_until_frame()
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for message in self.websocket:
            if message.type == aiohttp.WSMsgType.BINARY:
                shown = ANSI.sub("", message.data.decode("utf-8", "replace"))
                self.text += shown
                self.transcript.append(("screen", shown))
                arrived = time.perf_counter()
                self.frames.put_nowait(arrived)
                self.shown.put_nowait((arrived, shown))

    async def key(self, keys: str) -> None:
        self.transcript.append(("key", keys))
        await self.websocket.send_str(json.dumps(["stdin", keys]))

    async def wait_for(self, words: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while words not in self.text:
            if time.monotonic() > deadline:
                raise AssertionError(f"{words!r} never reached the screen")
            await asyncio.sleep(0.05)

    async def settle(self, quiet: float = 0.3, timeout: float = 30) -> None:
        """Wait until no frame has come for `quiet` seconds: the app has drawn what the last key did."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                await asyncio.wait_for(self.frames.get(), quiet)
            except asyncio.TimeoutError:
                return

    async def key_until(self, keys: str, words: str, timeout: float = 60) -> None:
        """Send keys and wait until what comes back *after them* shows `words` (a late frame of the screen
        before still shows what was there: waiting on all the text let a verdict key reach the claim list
        before its picker opened)."""
        self.text = ""
        await self.key(keys)
        await self.wait_for(words, timeout)

    async def key_until_frame(self, keys: str, wanted, timeout: float = 60) -> float:
        """Send keys; seconds until a frame that came after them satisfies `wanted(text)`. Frames come
        unasked too (a notice timing out, a cursor), so "the next frame" is not the key's answer."""
        while not self.shown.empty():
            self.shown.get_nowait()
        sent = time.perf_counter()
        await self.key(keys)
        deadline = sent + timeout
        while True:
            try:
                arrived, text = await asyncio.wait_for(self.shown.get(), max(0.01, deadline - time.perf_counter()))
            except asyncio.TimeoutError:
                raise AssertionError(f"no frame as wanted within {timeout:.0f} s of {keys!r}") from None
            if wanted(text):
                return arrived - sent

    async def open_article(self, headline_words: str) -> None:
        """From the library: filter by these words, wait for the one match, open it, wait for its screen."""
        await self.type_slowly(["\x06", headline_words, "\r"])
        await self.wait_for(FILTERED)
        await self.key("\r")
        await self.wait_for("Next pane")  # the review screen's key bar

    async def type_slowly(self, keys: list[str]) -> None:
        for key in keys:
            await self.key(key)
            await self.settle(0.15)

    async def close(self) -> None:
        await self.websocket.close()
        self.reader.cancel()


async def open_screen(http: aiohttp.ClientSession, base_url: str, cookie: str, width: int = 160,
                      height: int = 48) -> Screen:
    ws_url = base_url.replace("http", "ws", 1) + f"/ws?width={width}&height={height}"
    websocket = await http.ws_connect(ws_url, headers={"Cookie": f"workbench_session={cookie}",
                                                        "Origin": base_url}, max_msg_size=0)
    return Screen(websocket)
