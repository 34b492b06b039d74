#!/usr/bin/env bash
# Measures the targets of docs/architecture.md: lhlint over 10,000 onboarding
# deployments (template + parameters file) in under 1 s on 2 cores, under
# 100 MB peak memory, and within 2.5x of merely parsing the same bytes as
# JSON; the same deployments written as Bicep (.bicep + .bicepparam)
# within 1.2x of the ARM time, under 100 MB peak; and one small template
# linted from process start to exit in under 10 ms.
#
#   bash bench/run.sh [N...]      default: 10000; e.g. 1000 10000 50000
#
# Each time is the best of five runs, the commands alternating so that a
# change in the load of the machine falls on all of them alike; the CPU
# time (user + system) of that run is shown too, since on a shared machine
# it varies less than the wall time.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-10000}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/lhlint" ./cmd/lhlint
go build -o "$work/jsonparse" ./bench/jsonparse
# One small template in a folder of its own with its parameters file, as a
# user lints one deployment. (Named in testdata/rules/owner_role, lhlint
# would also read the 24 other fixtures there to pair it: that is timed
# too, as small-dir.)
fixtures=$PWD/testdata/rules/owner_role
for lang in json bicep; do
  mkdir -p "$work/small/$lang"
  cp "$fixtures/example.$lang" "$fixtures/example.parameters.json" "$work/small/$lang"
done
small_arm=$work/small/json/example.json
small_bicep=$work/small/bicep/example.bicep

# run name command...: one run; keeps the best wall time, its CPU time and
# its peak RSS
run() {
  local name=$1 t u s m best
  shift
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >/dev/null 2>&1 || true
  read -r t u s m < <(tail -n 1 "$work/time") # time says "Command exited with non-zero status" first
  eval "best=\${${name}_time:-}"
  if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then
    eval "${name}_time=$t ${name}_cpu=$(awk "BEGIN{print $u + $s}") ${name}_rss=$m"
  fi
}

report() { # name: the best of its runs
  local t c m
  eval "t=\$${1}_time c=\$${1}_cpu m=\$${1}_rss"
  printf '%-10s %6.2f s  (cpu %5.2f s)  %4d MB peak\n' "$1" "$t" "$c" $((m / 1024))
}

# small file: the mean time of one process over 20 runs, best of five rounds
small() {
  local best="" s e ms
  for _ in 1 2 3 4 5; do
    s=$(date +%s%N)
    for _ in $(seq 20); do "$work/lhlint" -format json "$1" >/dev/null || true; done
    e=$(date +%s%N)
    ms=$(awk "BEGIN{print ($e - $s) / 20 / 1e6}")
    if [ -z "$best" ] || awk "BEGIN{exit !($ms < $best)}"; then best=$ms; fi
  done
  printf '%-10s %6.1f ms per process%s\n' "$2" "$best" "${3:-}"
}

echo "load: $(uptime | sed 's/.*load average: //')"
small "$small_arm" small-arm " (target: under 10 ms)"
small "$small_bicep" small-bcp " (target: under 10 ms)"
small "$fixtures/example.json" small-dir
for n in "${sizes[@]}"; do
  rm -rf "$work/corpus" "$work/bicep"
  unset jsonparse_time lhlint_time bicep_time
  go run ./bench/gen -n "$n" -o "$work/corpus"
  go run ./bench/gen -lang bicep -n "$n" -o "$work/bicep"
  echo "corpus: $n deployments, $(find "$work/corpus" -name '*.json' | wc -l) files, $(du -sh "$work/corpus" | cut -f1)"
  echo "bicep:  $n deployments, $(find "$work/bicep" -name '*.bicep*' | wc -l) files, $(du -sh "$work/bicep" | cut -f1)"
  (
    cd "$work"
    for _ in 1 2 3 4 5; do
      run jsonparse ./jsonparse corpus
      run lhlint ./lhlint -format json corpus
      run bicep ./lhlint -format json bicep
    done
    report jsonparse
    report lhlint
    awk "BEGIN{printf \"ratio      %6.2fx (target: at most 2.5x)\n\", $lhlint_time / $jsonparse_time}"
    report bicep
    awk "BEGIN{printf \"bicep/arm  %6.2fx (target: at most 1.2x)\n\", $bicep_time / $lhlint_time}"
  )
done
echo "load: $(uptime | sed 's/.*load average: //')"
