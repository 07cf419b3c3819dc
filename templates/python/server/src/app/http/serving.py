"""Startup chores every server entry point shares, whatever the framework."""

import logging


def route_server_logs(logger: logging.Logger, name: str, lowest: int = logging.WARNING) -> None:
    """Sends a server library's log records (warnings and errors only, unless
    `lowest` says otherwise) through the app's handlers, so they are JSON lines,
    redacted, and never carry a traceback."""
    library = logging.getLogger(name)
    for handler in list(library.handlers):
        library.removeHandler(handler)
    for handler in logger.handlers:
        library.addHandler(handler)
    library.setLevel(max(logger.getEffectiveLevel(), lowest))
    library.propagate = False


def announce_listening(logger: logging.Logger, address: tuple[str, int] | tuple[str, int, int, int]) -> None:
    """One JSON line naming the bound address, so a caller that asked for port 0 can
    read the real one (the tests do)."""
    logger.info("server.listening", extra={"host": address[0], "port": address[1]})
