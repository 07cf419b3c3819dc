"""A small app that calls an AI provider safely: validated settings, bounded calls, redacted logs."""
