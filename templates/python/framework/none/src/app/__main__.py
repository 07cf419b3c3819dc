"""Usage: python -m app "your prompt"   or   echo "your prompt" | python -m app

stdout carries only the reply; errors and logs go to stderr. Exit codes: 0 ok,
1 the AI call failed, 2 a configuration or usage error, 130 interrupted.
"""

import os
import sys

from app.ai.client import create_ai
from app.ai.errors import AiError
from app.config.settings import ConfigError, load_settings
from app.config.startup import CONFIG_ERROR_EXIT_CODE
from app.log.logger import get_logger

USAGE = 'Usage: python -m app "your prompt"  (or pipe the prompt on stdin)'


def _read_stdin(max_chars: int) -> str:
    try:
        # Enough to know it is too long; the AI module reports that properly.
        return sys.stdin.read(max_chars * 2 + 1)
    except UnicodeDecodeError:
        raise AiError("invalid_input", input_problem="not_text") from None


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    try:
        settings = load_settings()
    except ConfigError as error:
        print(error, file=sys.stderr)
        return CONFIG_ERROR_EXIT_CODE
    logger = get_logger(settings.log_level)
    prompt = " ".join(args)
    if prompt == "" and sys.stdin.isatty():
        print(USAGE, file=sys.stderr)
        return CONFIG_ERROR_EXIT_CODE
    try:
        ai = create_ai(settings, logger)
        reply = ai.complete(prompt if prompt != "" else _read_stdin(settings.ai_max_input_chars))
    except AiError as error:
        # AiError messages are fixed texts, safe to show.
        print(f"Error: {error.message}", file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001 - a bug's message may hold anything: only the redacted log sees it
        logger.error("main.unexpected_error", extra={"error": error})
        print("Error: unexpected failure (see log).", file=sys.stderr)
        return 1
    print(reply)
    return 0


def run() -> None:
    try:
        code = main()
        sys.stdout.flush()
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        # The reader went away (`| head`): nothing is left to say, and the final
        # flush at exit must not complain either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 1
    sys.exit(code)


if __name__ == "__main__":
    run()
