"""Every test gets its own config folder: preferences.toml and keymap.toml in the tester's real config
folder must not change what a test sees, and no test may write there."""
import pytest


@pytest.fixture(autouse=True)
def own_config_dir(tmp_path_factory, monkeypatch):
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(folder))
    return folder
