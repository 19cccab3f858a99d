"""dynamics stage."""
