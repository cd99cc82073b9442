#!/usr/bin/env bash
# The committed benchmark run (docs/benchmarks/report.md, results.json, chart.svg, writer-latency.svg):
# cmms-bench bench at scale 1, with the scale-3 point of the parent-delete scenario, every repetition at its
# default unless arguments say otherwise (they go to cmms-bench bench as they are; the report's "Reproduce"
# line states every repetition setting of the run). Run it on a quiet machine, from anywhere:
#
#   bash tools/Cmms.Data.Bench/committed-run.sh              # the full committed configuration
#   bash tools/Cmms.Data.Bench/committed-run.sh --runs 11    # fewer repetitions, stated in the report
#
# It builds the solution, restores dotnet-ef, builds the efbundle unless CMMS_EFBUNDLE names one (scenario 4 times
# it), and benchmarks on CMMS_DB_CONNECTION if set, else on a throwaway PostgreSQL cluster it starts with stock
# settings (fsync on; PostgreSQL binaries from CMMS_PG_BINDIR or /usr/lib/postgresql/15/bin) and stops at the end.
# The results go to a temporary directory and are copied into docs/benchmarks/ only when the run finished.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_UI_LANGUAGE=en

step() { printf '\n==> %s\n' "$*" >&2; }

command -v hyperfine >/dev/null 2>&1 || { echo "hyperfine is missing (scenario 4): apt-get install hyperfine, then retry." >&2; exit 1; }

work=$(mktemp -d -t cmms-bench-committed.XXXXXX)
cluster=""
as_postgres=()
cleanup() {
  if [[ -n $cluster ]]; then
    "${as_postgres[@]}" "$bindir/pg_ctl" -D "$cluster" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

step "build (Release, warnings as errors)"
dotnet build Cmms.Data.sln -c Release -warnaserror -nologo -v quiet
dotnet tool restore >/dev/null

if [[ -z ${CMMS_EFBUNDLE:-} ]]; then
  step "efbundle (scenario 4 times its no-op run)"
  bash .ci/build-efbundle artifacts/efbundle
  export CMMS_EFBUNDLE="$PWD/artifacts/efbundle"
fi

if [[ -z ${CMMS_DB_CONNECTION:-} ]]; then
  step "throwaway PostgreSQL cluster"
  bindir=${CMMS_PG_BINDIR:-/usr/lib/postgresql/15/bin}
  port=${CMMS_BENCH_PORT:-55433}
  cluster="$work/cluster"
  mkdir -p "$cluster"
  # The server refuses to run as root.
  if (( EUID == 0 )); then
    chown postgres "$work" "$cluster"
    as_postgres=(runuser -u postgres --)
  fi
  "${as_postgres[@]}" "$bindir/initdb" -D "$cluster" -A trust -U postgres >/dev/null
  "${as_postgres[@]}" "$bindir/pg_ctl" -D "$cluster" -l "$cluster/server.log" \
    -o "-p $port -k $cluster -c listen_addresses=127.0.0.1" -w start >/dev/null
  export CMMS_DB_CONNECTION="Host=127.0.0.1;Port=$port;Database=postgres;Username=postgres"
fi

step "cmms-bench bench --scale 1 $*"
started=$(date +%s)
dotnet tools/Cmms.Data.Bench/bin/Release/net10.0/cmms-bench.dll bench --scale 1 --output "$work/results" "$@"
cp "$work/results"/{report.md,results.json,chart.svg,writer-latency.svg} docs/benchmarks/
echo "Copied the run ($(( ($(date +%s) - started) / 60 )) minutes) into docs/benchmarks/; review git diff docs/benchmarks before committing." >&2
