from pathlib import Path

# The project's folder (tests/support/ is two levels down).
PROJECT_ROOT = Path(__file__).resolve().parents[2]
