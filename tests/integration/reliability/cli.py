"""The real CLI in a subprocess, as a user runs it: exit code, stdout, stderr and, beyond
`tests.cli.run_spiral`, the command's peak memory and a cap on the files it writes."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

from tests.cli import spiral_command


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
    """Run `spiral ARGS` (see `tests.cli.spiral_command`).

    `max_file_bytes` caps the size of any file the command writes (RLIMIT_FSIZE), which
    fails a write the way a full disk does.
    """
    environment = {**os.environ, "COLUMNS": "200", **(env or {})}

    def limit_writes() -> None:
        if max_file_bytes is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
            resource.setrlimit(resource.RLIMIT_FSIZE, (max_file_bytes, max_file_bytes))

    process = subprocess.Popen([*spiral_command(), *map(str, args)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, cwd=cwd, env=environment,
                               preexec_fn=limit_writes)  # noqa: PLW1509 (no threads yet)
    # pipes, not files: the cap on written files must not cut the command's own messages
    streams: dict[str, bytes] = {}
    readers = [threading.Thread(target=lambda n=n, s=s: streams.__setitem__(n, s.read()))
               for n, s in (("out", process.stdout), ("err", process.stderr))]
    for reader in readers:
        reader.start()
    timer = threading.Timer(timeout_s, process.kill)
    timer.start()
    try:  # wait4, not wait: the child's own peak memory comes with its exit status
        _, status, usage = os.wait4(process.pid, 0)
    finally:
        timer.cancel()
    for reader in readers:
        reader.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    return Outcome(process.returncode, streams["out"].decode("utf-8", "replace"),
                   streams["err"].decode("utf-8", "replace"), usage.ru_maxrss // 1024)


def assert_clean_error(outcome: Outcome, *fragments: str) -> None:
    """Exit 2 with `error: ...` on stderr naming every fragment, and no traceback."""
    assert outcome.code == 2, outcome
    assert "Traceback" not in outcome.text, outcome.text
    assert outcome.err.startswith("error: "), outcome
    message = " ".join(outcome.err.split())
    for fragment in fragments:
        assert fragment in message, (fragment, message)
