#!/usr/bin/env bash
# One command from a fresh Debian/Ubuntu machine to a running Screenproof:
#   ./bootstrap.sh run [ARGS...]   install everything, then start the app (ARGS go to `screenproof`)
#   ./bootstrap.sh test            install everything, then run ruff, mypy, the layer contracts and the tests
# Installing is idempotent: a second run only checks, so both commands are cheap to repeat.
set -euo pipefail
cd "$(dirname "$0")"

mode="${1:-run}"
shift || true

bash scripts/install-system-deps.sh "$mode"

PY="${PYTHON:-python3}"
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "Screenproof needs Python 3.11 or newer (found $("$PY" --version 2>&1)). Set PYTHON=/path/to/python3.11." >&2
  exit 1
fi

extras="rapidocr"
[ "$mode" = "test" ] && extras="dev,rapidocr"
stamp=".venv/.installed-$extras"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -U pip
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[$extras]"
  touch "$stamp"
fi

# Tesseract is 6x slower when OpenMP threads fight over the cores (STACK.md).
export OMP_THREAD_LIMIT=1

case "$mode" in
  run)
    exec .venv/bin/screenproof "$@"
    ;;
  test)
    export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
    echo "== ruff";   .venv/bin/ruff check .
    echo "== mypy";   .venv/bin/mypy
    echo "== layers"; .venv/bin/lint-imports
    # One test process per core, at most 4 (each OCR test starts its own engine);
    # pass `-n 0` to run in one process.
    echo "== pytest"; exec .venv/bin/python -m pytest -n auto --maxprocesses 4 "$@"
    ;;
  *)
    echo "usage: ./bootstrap.sh run [ARGS...] | ./bootstrap.sh test [PYTEST ARGS...]" >&2
    exit 2
    ;;
esac
