#!/usr/bin/env bash
# Tries the service end to end without systemd and without touching the real /etc: publishes, installs into a
# temporary root with deploy/install.sh, starts the host exactly as onestopbot.service says (its WorkingDirectory,
# Environment, EnvironmentFile and ExecStart, with paths moved under the temporary root), waits for /healthz, runs the
# nightly backup as onestopbot-backup.service says, upgrades and rolls back, and stops the host. Prints each step's time.
#   deploy/try-install.sh [--no-publish PUBLISH_FOLDER]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d /tmp/onestopbot-try.XXXXXX)"
root="$work/root"
host=
cleanup() {
  if [ -n "$host" ] && kill -0 "$host" 2>/dev/null; then kill -TERM "$host"; wait "$host" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
started=$(date +%s.%N)
step() { printf '%6.1f s  %s\n' "$(echo "$(date +%s.%N) - $started" | bc)" "$*"; }
fail() { echo "FAILED: $*" >&2; [ -f "$work/host.log" ] && tail -20 "$work/host.log" >&2; exit 1; }

if [ "${1:-}" = --no-publish ]; then
  publish="$(realpath "$2")"
  step "using the publish output $publish"
else
  publish="$work/publish"
  step "publishing (Release, framework-dependent)"
  "$here/publish.sh" "$publish" > "$work/publish.log" 2>&1 || { tail -20 "$work/publish.log"; fail "dotnet publish"; }
  step "published $(du -sh "$publish" | cut -f1)"
fi

if command -v systemd-analyze >/dev/null; then
  out="$(systemd-analyze verify "$here/onestopbot.service" "$here/onestopbot-backup.service" "$here/onestopbot-backup.timer" 2>&1)"
  [ -z "$out" ] || fail "systemd-analyze verify: $out"
  step "systemd-analyze verify: the three units are valid"
fi

# The office's settings file, written before the install (which never replaces it): a free port, to show the host
# reads /etc/onestopbot/appsettings.Production.json.
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
mkdir -p "$root/etc/onestopbot"
printf '{ "Urls": "http://127.0.0.1:%s" }\n' "$port" > "$root/etc/onestopbot/appsettings.Production.json"
"$here/install.sh" "$publish" --root "$root" > "$work/install.log" || { cat "$work/install.log"; fail "install.sh"; }
first="$(basename "$(readlink "$root/opt/onestopbot/current")")"
step "installed release $first into $root"

# Runs a unit's service as systemd would: its WorkingDirectory, Environment, EnvironmentFile and ExecStart, with the
# installed paths moved under the temporary root.
rooted() { sed -E "s#(^|[ =])/(opt|etc|var/lib)/onestopbot#\1$root/\2/onestopbot#g"; }
run_unit() {
  local unit="$root/etc/systemd/system/$1"
  local dir exec file
  local -a env=("PATH=$PATH" "HOME=$work")
  dir="$(sed -n 's/^WorkingDirectory=//p' "$unit" | rooted)"
  exec="$(sed -n 's/^ExecStart=//p' "$unit" | rooted)"
  while IFS= read -r line; do env+=("$line"); done < <(sed -n 's/^Environment=//p' "$unit" | rooted)
  file="$(sed -n 's/^EnvironmentFile=-\{0,1\}//p' "$unit" | rooted)"
  if [ -f "$file" ]; then
    while IFS= read -r line; do case "$line" in ''|'#'*) ;; *) env+=("$line") ;; esac; done < "$file"
  fi
  # shellcheck disable=SC2086 # ExecStart is split on spaces, as systemd does for these simple command lines.
  # Always called in a subshell: it becomes the service's process, so a signal reaches the host itself.
  cd "$dir" && exec env -i "${env[@]}" $exec
}

run_unit onestopbot.service > "$work/host.log" 2>&1 &
host=$!
step "started the host as onestopbot.service does (pid $host), waiting for /healthz on port $port"
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz")" = 200 ]; do
  kill -0 "$host" 2>/dev/null || fail "the host stopped before /healthz answered"
  [ "$(echo "$(date +%s.%N) - $started" | bc | cut -d. -f1)" -lt 900 ] || fail "/healthz did not answer"
  sleep 0.5
done
step "/healthz answered 200 Healthy"
[ -f "$root/var/lib/onestopbot/onestop.db" ] || fail "the database is not in /var/lib/onestopbot"
[ -z "$(find "$root/opt" -name '*.db')" ] || fail "a database was written beside the binaries"

(run_unit onestopbot-backup.service) > "$work/backup.log" 2>&1 || { cat "$work/backup.log"; fail "the backup service"; }
backup="$(ls "$root/var/lib/onestopbot/backups/"onestop-*.db)"
step "onestopbot-backup.service: $(cat "$work/backup.log")"
[ -n "$backup" ] || fail "no backup written"

kill -TERM "$host"
code=0; wait "$host" || code=$?
host=
step "stopped the host with SIGTERM (exit code $code)"
[ "$code" = 0 ] || fail "the host did not stop cleanly"

# An upgrade keeps the previous release beside the new one and the database where it is; a rollback switches back.
"$here/install.sh" "$publish" --root "$root" > "$work/upgrade.log"
second="$(basename "$(readlink "$root/opt/onestopbot/current")")"
[ "$second" != "$first" ] && [ "$(basename "$(readlink "$root/opt/onestopbot/previous")")" = "$first" ] || fail "upgrade did not keep the previous release"
"$here/install.sh" --rollback --root "$root" > "$work/rollback.log"
[ "$(basename "$(readlink "$root/opt/onestopbot/current")")" = "$first" ] || fail "rollback did not switch back"
[ -s "$root/var/lib/onestopbot/onestop.db" ] || fail "the database did not survive the upgrade and rollback"
step "upgrade to $second and rollback to $first kept the database"
echo "OK: installed, started, healthy, backed up, stopped, upgraded and rolled back"
