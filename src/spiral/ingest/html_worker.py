"""The HTML extraction worker: a separate Python process that imports only trafilatura.

Run as a script (`python -P html_worker.py MEMORY_MB`), never as part of the package, so the
address-space cap is set before anything is imported and nothing of the caller (spaCy, DuckDB,
the CLI) is mapped into it. It reads length-prefixed UTF-8 pages from stdin and answers each
with a length-prefixed JSON object: `{"ok": {...} | null}` or `{"error": "memory" | "..."}`.
"""

import ctypes
import json
import resource
import signal
import struct
import sys

FIELDS = ("text", "title", "date", "url", "sitename")


def _die_with_parent() -> None:
    # Linux only: the kernel kills this worker when the process that started it dies, so a
    # killed `spiral` never leaves an extraction running.
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _read_exactly(stream, n: int) -> bytes:
    data = stream.read(n)
    return data if data is not None else b""


def _reply(stream, payload: dict) -> None:
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    stream.write(struct.pack(">I", len(body)) + body)
    stream.flush()


def main() -> int:
    limit = int(sys.argv[1]) * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    _die_with_parent()
    import trafilatura

    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    while len(header := _read_exactly(stdin, 4)) == 4:
        (size,) = struct.unpack(">I", header)
        html = _read_exactly(stdin, size).decode("utf-8", "replace")
        try:
            result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                                 favor_precision=True)
            if result is not None:
                data = result if isinstance(result, dict) else result.as_dict()
                result = {k: data.get(k) for k in FIELDS}
            _reply(stdout, {"ok": result})
        except MemoryError:
            _reply(stdout, {"error": "memory"})
            return 3  # a fresh worker gets a clean heap
        except Exception as error:  # noqa: BLE001 - any extractor failure is the page's, not ours
            _reply(stdout, {"error": f"{type(error).__name__}: {error}"})
    return 0


if __name__ == "__main__":
    sys.exit(main())
