# Sourced by a benchmark's run.sh for --postgres: starts a private PostgreSQL cluster (the newest
# installed, fsync on, defaults) on 127.0.0.1:$1, with a database "rapport" owned by the role
# "rapport" (password "rapport-bench"); stops and removes it when the script exits. Sets pg_url.
bench_postgres() {
    local pg_port=$1
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    pg_dir=$(mktemp -d /tmp/rapport-bench-pg.XXXXXX)
    if [[ $(id -u) == 0 ]]; then
        chown postgres "$pg_dir"
        as_pg() { su postgres -s /bin/bash -c "$*"; }
    else
        as_pg() { bash -c "$*"; }
    fi
    as_pg "$pg_bin/initdb -D $pg_dir/data -U postgres --auth=trust -E UTF8 >/dev/null"
    as_pg "$pg_bin/pg_ctl -D $pg_dir/data -l $pg_dir/log -w start -o '-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir'" >/dev/null
    trap 'as_pg "$pg_bin/pg_ctl -D $pg_dir/data -m fast stop" >/dev/null 2>&1 || true; rm -rf "$pg_dir"' EXIT
    as_pg "$pg_bin/psql -h 127.0.0.1 -p $pg_port -U postgres -qc \"CREATE ROLE rapport LOGIN PASSWORD 'rapport-bench'\""
    as_pg "$pg_bin/psql -h 127.0.0.1 -p $pg_port -U postgres -qc \"CREATE DATABASE rapport OWNER rapport\""
    echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on port $pg_port (fsync on, defaults)"
    pg_url="jdbc:postgresql://127.0.0.1:$pg_port/rapport"
}
