"""Reference tables shipped with spiral and shared by every stage (written by us)."""
