#!/usr/bin/env bash
# Sourced by tests/run.sh: makes sure a PostgreSQL server is there for the tests that run on both providers.
# NEWSCORPUS_TEST_POSTGRES already set (a connection string whose user may create databases): that server is used.
# Otherwise PostgreSQL is installed from Debian's packages when missing, and a throwaway cluster is started on
# 127.0.0.1 in a temporary folder (no fsync: it is thrown away), then stopped and removed when the tests end.

postgres_start() {
  if [ -n "${NEWSCORPUS_TEST_POSTGRES:-}" ]; then
    echo "tests: PostgreSQL from NEWSCORPUS_TEST_POSTGRES" >&2
    return 0
  fi

  local sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "tests: installing PostgreSQL from Debian's packages" >&2
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql >/dev/null
  fi

  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  POSTGRES_DIR="$(mktemp -d /tmp/newscorpus-pg.XXXXXX)"
  # initdb refuses to run as root: the cluster then belongs to the postgres user the package created.
  local as_owner=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$POSTGRES_DIR"
    as_owner=(runuser -u postgres --)
  fi
  POSTGRES_AS_OWNER=("${as_owner[@]}")
  POSTGRES_BIN="$bin"

  "${as_owner[@]}" "$bin/initdb" -D "$POSTGRES_DIR/data" -U newscorpus -A trust --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null

  local port
  for port in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      if "${as_owner[@]}" "$bin/pg_ctl" -D "$POSTGRES_DIR/data" -l "$POSTGRES_DIR/server.log" -w -t 60 \
          -o "-p $port -c listen_addresses=127.0.0.1 -k $POSTGRES_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
          start >/dev/null; then
        export NEWSCORPUS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=newscorpus;Database=postgres"
        echo "tests: throwaway PostgreSQL cluster on 127.0.0.1:$port" >&2
        return 0
      fi
    fi
  done

  echo "tests: could not start PostgreSQL; see $POSTGRES_DIR/server.log" >&2
  return 1
}

postgres_stop() {
  if [ -n "${POSTGRES_DIR:-}" ]; then
    "${POSTGRES_AS_OWNER[@]}" "$POSTGRES_BIN/pg_ctl" -D "$POSTGRES_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$POSTGRES_DIR"
  fi
}
