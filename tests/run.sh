#!/usr/bin/env bash
# Runs every test of NewsCorpus on a Debian machine that has the .NET 10 SDK.
# Installs what the browser tests need (Debian's chromium) when it is missing; never downloads a browser build.
# The web and ingestion tests run twice: on SQLite, then on PostgreSQL (a throwaway cluster on loopback that
# tests/postgres.sh installs and starts, or the server NEWSCORPUS_TEST_POSTGRES names).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "tests/run.sh: installing Debian's chromium for the browser tests" >&2
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi

source tests/postgres.sh
results="$(mktemp -d)"
trap 'postgres_stop; rm -rf "$results"' EXIT
postgres_start

status=0
dotnet build NewsCorpus.sln -c Release -nologo -v quiet
dotnet test NewsCorpus.sln -c Release --no-build -nologo 2>&1 | tee "$results/console.log" || status=$?
echo "tests/run.sh: the web and ingestion tests again, on PostgreSQL" >&2
NEWSCORPUS_TEST_PROVIDER=Postgres dotnet test tests/NewsCorpus.Web.Tests -c Release --no-build -nologo 2>&1 | tee -a "$results/console.log" || status=$?

# One closing line that any CI reader understands: totals over every test project.
awk '/(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i+1); if ($i == "Failed:") f += $(i+1) } }
     END { printf "Tests: %d passed, %d failed\n", p, f }' "$results/console.log"
exit "$status"
