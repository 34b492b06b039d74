#!/usr/bin/env bash
# Measures the targets of docs/architecture.md: lhlint over 10,000 onboarding
# deployments (template + parameters file) in under 1 s on 2 cores, under
# 100 MB peak memory, and within 3x of merely parsing the same bytes as JSON.
#
#   bash bench/run.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/lhlint" ./cmd/lhlint
go build -o "$work/jsonparse" ./bench/jsonparse
go run ./bench/gen -n "$n" -o "$work/corpus"
echo "corpus: $n deployments, $(find "$work/corpus" -name '*.json' | wc -l) files, $(du -sh "$work/corpus" | cut -f1)"

measure() { # name command...: best wall time of 5 runs and its peak RSS
  local name=$1 best="" rss="" t m
  shift
  for _ in 1 2 3 4 5; do
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>&1 || true
    read -r t m < <(tail -n 1 "$work/time") # time says "Command exited with non-zero status" first
    if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t rss=$m; fi
  done
  printf '%-10s %6.2f s  %6d MB peak\n' "$name" "$best" $((rss / 1024))
  eval "${name}_time=$best"
}

cd "$work"
measure jsonparse ./jsonparse corpus
measure lhlint ./lhlint -format json corpus
awk "BEGIN{printf \"ratio      %6.2fx (target: at most 3x)\n\", $lhlint_time / $jsonparse_time}"
