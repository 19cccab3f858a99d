"""The real CLI in a subprocess, as a user runs it: exit code, stdout and stderr."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

SRC = Path(os.environ.get("SPIRAL_TEST_SRC", Path(__file__).resolve().parents[3] / "src"))


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


def spiral(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None,
           timeout_s: float = 300, max_file_bytes: int | None = None) -> Outcome:
    """Run `python -m spiral.serve.cli ARGS` with this checkout first on the path.

    `max_file_bytes` caps the size of any file the command writes (RLIMIT_FSIZE), which
    fails a write the way a full disk does.
    """
    environment = {**os.environ, "PYTHONPATH": str(SRC), "COLUMNS": "200", **(env or {})}

    def limit_writes() -> None:
        if max_file_bytes is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
            resource.setrlimit(resource.RLIMIT_FSIZE, (max_file_bytes, max_file_bytes))

    done = subprocess.run([sys.executable, "-m", "spiral.serve.cli", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, env=environment,
                          timeout=timeout_s, preexec_fn=limit_writes)
    return Outcome(done.returncode, done.stdout, done.stderr)


def assert_clean_error(outcome: Outcome, *fragments: str) -> None:
    """Exit 2 with `error: ...` on stderr naming every fragment, and no traceback."""
    assert outcome.code == 2, outcome
    assert "Traceback" not in outcome.text, outcome.text
    assert outcome.err.startswith("error: "), outcome
    message = " ".join(outcome.err.split())
    for fragment in fragments:
        assert fragment in message, (fragment, message)
