#!/usr/bin/env bash
# Usage: scripts/same_output.sh BASE_REV [OUT_DIR]
#
# Does a restructuring change what Screenproof produces? Builds one case from 12 dev-corpus
# screenshots with BASE_REV's code (git archive into a temporary folder, so no worktree is
# registered in the shared repository) and with the working
# tree, then compares byte for byte: the timeline CSV of each case, the PDF each code exports from
# the same case (the dossier prints when each screenshot was imported and the minute of the export,
# so two cases built minutes apart never give the same PDF; both exports run in one minute) and the
# extraction JSON of every dev-corpus image (`extract --workers 1 --out DIR`).
# Exit 0 when all are identical, 1 when anything differs (the differing files are listed).
#
# Needs ../shared/corpus/dev (or SCREENPROOF_CORPUS=DIR) and the project's venv (PYTHON=...).
set -euo pipefail
cd "$(dirname "$0")/.."
base_rev="${1:?usage: scripts/same_output.sh BASE_REV [OUT_DIR]}"
out="${2:-$(mktemp -d -t same_output.XXXXXX)}"
PY="${PYTHON:-$(pwd)/.venv/bin/python}"
[ -x "$PY" ] || PY=/work/main/.venv/bin/python
corpus="${SCREENPROOF_CORPUS:-$(cd .. && pwd)/shared/corpus/dev}"
[ -d "$corpus" ] || { echo "no dev corpus at $corpus (set SCREENPROOF_CORPUS)" >&2; exit 2; }
export OMP_THREAD_LIMIT=1 QT_QPA_PLATFORM=offscreen

mapfile -t images < <(find "$corpus" -maxdepth 1 -type f \( -iname '*.png' -o -iname '*.jpg' -o -iname '*.jpeg' \) | sort)
[ "${#images[@]}" -ge 12 ] || { echo "fewer than 12 images in $corpus" >&2; exit 2; }
mkdir -p "$out/in"
cp "${images[@]:0:12}" "$out/in/"

base_tree="$out/base-tree"
mkdir -p "$base_tree"
git archive --format=tar "$base_rev" | tar -x -C "$base_tree"

# produce CODE_DIR RESULT_DIR: the whole flow with the code in CODE_DIR, through its command line.
produce() {
  local code=$1 res=$2 mod=cli
  [ -f "$code/cli/main.py" ] || mod=gui.cli  # before the cli/ package the command line was gui.cli
  mkdir -p "$res"
  (
    cd "$code"
    # One OCR worker: message ids follow the order readings are stored, and with several
    # workers that is the order they finish in, which differs from run to run.
    "$PY" -m $mod import --workers 1 --case "$res/case" "$out/in" >"$res/import.log" 2>&1
    "$PY" -m $mod ocr --workers 1 --case "$res/case" >"$res/ocr.log" 2>&1
    "$PY" -m $mod timeline --case "$res/case" --csv "$res/t.csv" >"$res/timeline.log" 2>&1
    "$PY" -m $mod extract --workers 1 --out "$res/ext" "${images[@]}" >"$res/extract.log" 2>&1 || true
  )
}

echo "base ($base_rev) -> $out/base"; produce "$base_tree" "$out/base"
echo "working tree -> $out/new";      produce "$(pwd)" "$out/new"

# export CODE_DIR RESULT_DIR: the base's case, as a PDF, with the code in CODE_DIR.
export_pdf() {
  local code=$1 res=$2 mod=cli
  [ -f "$code/cli/main.py" ] || mod=gui.cli
  (cd "$code" && "$PY" -m $mod export --case "$out/base/case" --out "$res/d.pdf" >"$res/export.log" 2>&1)
}
for _ in 1 2 3; do  # again if the two exports straddled a minute (the cover prints the minute)
  minute=$(date -u +%Y%m%d%H%M)
  export_pdf "$base_tree" "$out/base"
  export_pdf "$(pwd)" "$out/new"
  [ "$minute" = "$(date -u +%Y%m%d%H%M)" ] && break
done

status=0
compare() {
  if cmp -s "$out/base/$1" "$out/new/$1"; then echo "same       $1"; else echo "DIFFERENT  $1"; status=1; fi
}
compare t.csv
compare d.pdf
n=0
for f in "$out/base/ext"/*.json; do
  n=$((n + 1))
  cmp -s "$f" "$out/new/ext/$(basename "$f")" || { echo "DIFFERENT  ext/$(basename "$f")"; status=1; }
done
[ "$n" -eq "$(ls "$out/new/ext" | wc -l)" ] || { echo "DIFFERENT  number of extraction files"; status=1; }
echo "$n extraction JSON files compared; results in $out"
exit $status
