"""One router per resource of the HTTP API, mounted under /api/v1."""
