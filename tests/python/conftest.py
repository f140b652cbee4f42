from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def repo() -> Path:
    return REPO


@pytest.fixture(autouse=True)
def english_by_default(monkeypatch) -> None:
    """The tests read English unless they ask for a language: the command's words (its help and
    messages, not only the report's) follow the locale, and the machine's may be Chinese."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
