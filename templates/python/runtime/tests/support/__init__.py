"""Shared test support: a fake provider on 127.0.0.1, sentinel keys, child processes.

The provider layer adds `provider_shape.py`: what its API looks like on the wire."""
