"""A reviewer's first session in a real browser: headless Chromium signs in with a link from
`workbench serve users add`, opens the seed article, gives "130 victims" a verdict with the keyboard;
then the CLI must show the verdict under that reviewer, and the browser's request log must show that
nothing was fetched from any host but the workbench's own. Saves a screenshot for the README.

    .venv/bin/python scripts/browser_review.py [--screenshot docs/screenshot-serve.png]

Needs Debian's `chromium` and `chromium-driver` (make test installs them) and selenium (the test extra).
Exit status 0 when every check held; otherwise one line saying which did not.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the server harness the tests use: one way to start a server

from serve_harness import (  # noqa: E402
    ANSI, FILTER_SEED, FILTERED, SEED_ARTICLE, TO_130_VICTIMS, add_user, run_cli, served)

REVIEWER = "Dana Okafor"
# Runs before the page's own scripts: keeps a copy of what the websocket brings, as text, so the script
# can wait for the screen to show a word (xterm paints on a canvas; the DOM holds no text).
WATCH_SCREEN = """
window.__served = [];
const Original = window.WebSocket;
window.WebSocket = function (url, protocols) {
  const socket = new Original(url, protocols);
  const decoder = new TextDecoder();
  socket.addEventListener("message", (event) => {
    if (typeof event.data !== "string") window.__served.push(decoder.decode(event.data, {stream: true}));
  });
  return socket;
};
window.WebSocket.prototype = Original.prototype;
"""


class Failed(Exception):
    pass


def browser(chromium: str, chromedriver: str):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,900",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update",
                 "--disable-default-apps", "--disable-sync", "--disable-extensions"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(chromedriver))
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH_SCREEN})
    return driver


class ServedScreen:
    """What the page's websocket has brought, as text: to wait for the app to show something."""

    def __init__(self, driver):
        self.driver = driver
        self.text = ""

    def wait_for(self, words: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while True:
            self.text += ANSI.sub("", "".join(self.driver.execute_script("return window.__served.splice(0)")))
            if words in self.text:
                return
            if time.monotonic() > deadline:
                raise Failed(f"the browser never showed {words!r}")
            time.sleep(0.1)

    def settle(self, quiet: float = 0.4, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        last, quiet_since = "", time.monotonic()
        while time.monotonic() < deadline:
            self.text += ANSI.sub("", "".join(self.driver.execute_script("return window.__served.splice(0)")))
            if self.text != last:
                last, quiet_since = self.text, time.monotonic()
            elif time.monotonic() - quiet_since >= quiet:
                return
            time.sleep(0.05)


def press(driver, screen: ServedScreen, keys: list[str]) -> None:
    """Type into the terminal as a person does: one key at a time, each drawn before the next."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    for key in keys:
        actions = ActionChains(driver)
        if key == "\x06":
            actions.key_down(Keys.CONTROL).send_keys("f").key_up(Keys.CONTROL)
        elif key == "\r":
            actions.send_keys(Keys.ENTER)
        else:
            actions.send_keys(key)
        actions.perform()
        screen.settle(0.2)


def stored_verdict(db: Path, claim_text: str, timeout: float = 30) -> tuple[str, str] | None:
    """(verdict, reviewer) of the claim as the CLI reports it, once it has one (a loaded machine is slow)."""
    deadline = time.monotonic() + timeout
    while True:
        claims = json.loads(run_cli(db, "claims", "1", "--status", "reviewed", "--json").stdout)
        found = {c["text"]: (c["verdict"], c["reviewer"]) for c in claims}.get(claim_text)
        if found is not None or time.monotonic() > deadline:
            return found
        time.sleep(0.3)


def requested_urls(driver) -> list[str]:
    """Every URL the browser asked for (pages, scripts, fonts, websockets), from its performance log."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
        elif message["method"] == "Network.webSocketCreated":
            urls.append(message["params"]["url"])
    return urls


def review_in_browser(db: Path, screenshot: Path | None, chromium: str, chromedriver: str) -> dict:
    done = run_cli(db, "import", str(SEED_ARTICLE))
    if done.returncode:
        raise Failed(f"import failed: {done.stderr.strip()}")
    with served(db) as base_url:
        link = add_user(db, REVIEWER, base_url)
        driver = browser(chromium, chromedriver)
        try:
            from selenium.webdriver.common.by import By

            driver.get(link)
            driver.find_element(By.ID, "sign-in").click()  # the link's page: one button, a POST
            screen = ServedScreen(driver)
            screen.wait_for(f"reviewer: {REVIEWER}")
            driver.find_element(By.ID, "terminal").click()  # focus the terminal, as a person would
            screen.settle()
            press(driver, screen, FILTER_SEED)
            screen.wait_for(FILTERED)
            press(driver, screen, ["\r"])
            screen.wait_for("Next pane")  # the review screen's key bar: the article is open
            press(driver, screen, TO_130_VICTIMS)
            screen.wait_for("130 victims")  # scrolled into view in the claim list
            press(driver, screen, ["v"])
            screen.wait_for("Verdict — press its number")
            press(driver, screen, ["1"])
            stored = stored_verdict(db, "130 victims")
            screen.settle(0.8)
            if screenshot is not None:  # the verdict in the list and its notice: the README's picture
                screenshot.parent.mkdir(parents=True, exist_ok=True)
                driver.save_screenshot(str(screenshot))
            urls = requested_urls(driver)
            console = [e["message"] for e in driver.get_log("browser")]
        finally:
            driver.quit()
    if stored != ("true", REVIEWER):
        raise Failed(f"'130 victims' is stored as {stored}, not ('true', {REVIEWER!r})")
    elsewhere = sorted({u for u in urls if urlsplit(u).hostname not in ("127.0.0.1", "localhost")})
    if elsewhere:
        raise Failed(f"the browser fetched from other hosts: {', '.join(elsewhere)}")
    blocked = [line for line in console if "Content Security Policy" in line]
    if blocked:
        raise Failed(f"the page tried something its policy forbids: {blocked[0]}")
    return {"requests": len(urls), "hosts": sorted({urlsplit(u).netloc for u in urls}),
            "verdict": stored}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--screenshot", type=Path, help="Save the browser's view here (PNG).")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        try:
            found = review_in_browser(Path(folder) / "desk.db", args.screenshot, args.chromium,
                                      args.chromedriver)
        except Failed as exc:
            print(f"browser_review: {exc}", file=sys.stderr)
            return 1
    print(f"browser_review: signed in, verdict {found['verdict'][0]!r} stored under {found['verdict'][1]!r}; "
          f"{found['requests']} requests, all to {', '.join(found['hosts'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
