"""The workbench served to a real browser: scripts/browser_review.py signs in with headless Chromium,
reviews "130 victims" with the keyboard, checks the verdict through the CLI and that no request left
localhost. Skipped where Chromium is missing, except in CI (CI=true), where that is a failure:
`make test` installs it there."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"


def _browser_or_skip() -> None:
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not shutil.which(p)]
    if not missing:
        return
    message = f"{' and '.join(missing)} not installed (apt-get install chromium chromium-driver)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI must run the browser test: {message}")
    pytest.skip(message)


def test_a_reviewer_signs_in_and_reviews_in_a_real_browser(tmp_path):
    _browser_or_skip()
    shot = tmp_path / "serve.png"
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "browser_review.py"),
                           "--screenshot", str(shot), "--chromium", CHROMIUM, "--chromedriver", CHROMEDRIVER],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr + done.stdout
    assert "stored under 'Dana Okafor'" in done.stdout and "all to 127.0.0.1:" in done.stdout
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
