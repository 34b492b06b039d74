#!/usr/bin/env bash
# Measures the targets of docs/architecture.md: lhlint over 10,000 onboarding
# deployments (template + parameters file) in under 1 s on 2 cores, under
# 100 MB peak memory, and within 3x of merely parsing the same bytes as JSON;
# and the same deployments written as Bicep (main.bicep + main.bicepparam)
# within 1.2x of the ARM time, under 100 MB peak.
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
go run ./bench/gen -lang bicep -n "$n" -o "$work/bicep"
echo "corpus: $n deployments, $(find "$work/corpus" -name '*.json' | wc -l) files, $(du -sh "$work/corpus" | cut -f1)"
echo "bicep:  $n deployments, $(find "$work/bicep" -name '*.bicep*' | wc -l) files, $(du -sh "$work/bicep" | cut -f1)"

# run name command...: one run; keeps the best wall time and its peak RSS
run() {
  local name=$1 t m best rss
  shift
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>&1 || true
  read -r t m < <(tail -n 1 "$work/time") # time says "Command exited with non-zero status" first
  eval "best=\${${name}_time:-} rss=\${${name}_rss:-}"
  if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then
    eval "${name}_time=$t ${name}_rss=$m"
  fi
}

report() { # name: the best of its runs
  local t m
  eval "t=\$${1}_time m=\$${1}_rss"
  printf '%-10s %6.2f s  %6d MB peak\n' "$1" "$t" $((m / 1024))
}

cd "$work"
# Five rounds, the three commands alternating, so that a change in the load of
# the machine falls on all of them alike.
for _ in 1 2 3 4 5; do
  run jsonparse ./jsonparse corpus
  run lhlint ./lhlint -format json corpus
  run bicep ./lhlint -format json bicep
done
report jsonparse
report lhlint
awk "BEGIN{printf \"ratio      %6.2fx (target: at most 3x)\n\", $lhlint_time / $jsonparse_time}"
report bicep
awk "BEGIN{printf \"bicep/arm  %6.2fx (target: at most 1.2x)\n\", $bicep_time / $lhlint_time}"
