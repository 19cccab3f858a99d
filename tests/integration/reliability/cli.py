"""The real CLI in a subprocess, as a user runs it: exit code, stdout and stderr."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

SRC = Path(os.environ.get("SPIRAL_TEST_SRC", Path(__file__).resolve().parents[3] / "src"))


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str
    peak_mb: int  # the command's peak resident memory

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

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen([sys.executable, "-m", "spiral.serve.cli", *map(str, args)],
                                   stdout=out, stderr=err, cwd=cwd, env=environment,
                                   preexec_fn=limit_writes)
        timer = threading.Timer(timeout_s, process.kill)
        timer.start()
        try:  # wait4, not wait: the child's own peak memory comes with its exit status
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Outcome(process.returncode, out.read().decode("utf-8", "replace"),
                       err.read().decode("utf-8", "replace"), usage.ru_maxrss // 1024)


def assert_clean_error(outcome: Outcome, *fragments: str) -> None:
    """Exit 2 with `error: ...` on stderr naming every fragment, and no traceback."""
    assert outcome.code == 2, outcome
    assert "Traceback" not in outcome.text, outcome.text
    assert outcome.err.startswith("error: "), outcome
    message = " ".join(outcome.err.split())
    for fragment in fragments:
        assert fragment in message, (fragment, message)
