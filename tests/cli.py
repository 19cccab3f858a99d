"""The `spiral` command as a user runs it: the installed script in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def spiral_command() -> list[str]:
    """The installed `spiral` script beside this interpreter, else `python -m spiral.serve.cli`."""
    script = Path(sys.executable).with_name("spiral")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "spiral.serve.cli"]


def run_spiral(*args: str | Path, cwd: Path | None = None, timeout_s: float = 300,
               env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `spiral ARGS...` and return the finished process (stdout and stderr as text)."""
    return subprocess.run([*spiral_command(), *map(str, args)], cwd=cwd, capture_output=True, check=False,
                          text=True, timeout=timeout_s, env={**os.environ, **(env or {})})
