"""The NLP pipeline on a Dask cluster: documents go out in batches, records come back.

Dask does the scheduling; spiral adds a worker plugin that loads the pipeline once per worker
and a task that codes one batch. Results are plain records (picklable frozen dataclasses), so
one writer on the client stores them; nothing on a worker touches the store.

>>> batches(list(range(7)), 3)
[[0, 1, 2], [3, 4, 5], [6]]
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from distributed import Client, LocalCluster, as_completed, get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from spiral.config import Settings
from spiral.errors import ConfigError
from spiral.nlp import pipeline
from spiral.records import Document, Extraction

log = logging.getLogger(__name__)

PLUGIN = "spiral-pipeline"
T = TypeVar("T")


@contextmanager
def cluster(*, workers: int | None = None, scheduler: str | None = None) -> Iterator[Client]:
    """A Dask client: on a new `LocalCluster` of `workers` processes, or on a running scheduler.

    Each local worker is a process with one thread: spaCy holds the GIL, so processes, not
    threads, use the cores.

    Raises
    ------
    ConfigError
        Both or neither of `workers` and `scheduler` given, or the scheduler cannot be reached.
    """
    if (workers is None) == (scheduler is None):
        raise ConfigError("give either --workers N (a local cluster) or --scheduler "
                          "tcp://HOST:PORT (a running one), not both or neither")
    if workers is not None:
        if workers < 1:
            raise ConfigError(f"--workers {workers}: need at least 1 worker")
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as local, Client(local) as client:
            yield client
        return
    try:
        client = Client(scheduler, timeout="20s")
    except OSError as error:
        raise ConfigError(f"--scheduler {scheduler}: no Dask scheduler answers there ({error}); "
                          "start one with `dask scheduler` or use --workers N") from error
    with client:
        yield client


class PipelinePlugin(WorkerPlugin):
    """Loads the spiral pipeline on each worker when it joins, once, and keeps it there."""

    name = PLUGIN

    def __init__(self, settings: Settings):
        self.settings = settings

    def setup(self, worker: Any) -> None:
        self.nlp = pipeline.load(self.settings)
        self.signature = pipeline.signature(self.nlp)

    def teardown(self, worker: Any) -> None:
        """Nothing to release: the pipeline goes with the worker process."""


def _plugin() -> PipelinePlugin:
    return get_worker().plugins[PLUGIN]


def _signature() -> str:
    return _plugin().signature


def _code_batch(documents: list[Document], batch_size: int) -> list[Extraction]:
    return list(pipeline.code(_plugin().nlp, documents, batch_size=batch_size))


def batches(items: Sequence[T], size: int) -> list[list[T]]:
    """`items` in consecutive lists of at most `size`."""
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


def start_pipeline(client: Client, settings: Settings) -> str:
    """Load the pipeline on every worker (and on those that join later); returns its signature."""
    client.register_plugin(PipelinePlugin(settings))
    return client.submit(_signature, pure=False).result()


def code(client: Client, documents: Sequence[Document], *, settings: Settings,
         batch_size: int | None = None,
         progress: Callable[[int], None] | None = None) -> Iterator[list[Extraction]]:
    """Code `documents` on the cluster; yields each batch's extractions as it completes.

    Batches are small enough that every worker gets several, so no worker idles at the end.
    Call `start_pipeline` first.
    """
    if not documents:
        return
    n_workers = max(1, len(client.scheduler_info().get("workers", {})))
    size = batch_size or max(1, min(settings.batch_size, len(documents) // (4 * n_workers)))
    futures = [client.submit(_code_batch, batch, settings.batch_size, pure=False)
               for batch in batches(documents, size)]
    log.info("coding %d documents in %d batches on %d workers", len(documents), len(futures),
             n_workers)
    for future in as_completed(futures):
        extractions = future.result()
        if progress:
            progress(len(extractions))
        yield extractions
