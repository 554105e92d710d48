#!/usr/bin/env bash
# Installs (or upgrades to) a published OneStopBot as a systemd service, or rolls back to the previous release.
#
#   deploy/install.sh <publish folder> [--root DIR]   install or upgrade (deploy/publish.sh makes the folder)
#   deploy/install.sh --rollback [--root DIR]         switch back to the release before the current one
#
# Layout: /opt/onestopbot/releases/<version>/ with the symlinks current and previous; settings in /etc/onestopbot/
# (never overwritten); data in /var/lib/onestopbot/ (never touched). --root installs under DIR instead of /, without
# creating the user or calling systemctl (for trying it, see deploy/try-install.sh).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root=/
publish=
rollback=false
while [ $# -gt 0 ]; do
  case "$1" in
    --root) root="$(realpath -m "$2")"; shift 2 ;;
    --rollback) rollback=true; shift ;;
    *) publish="$(realpath "$1")"; shift ;;
  esac
done
real=false
[ "$root" = / ] && real=true
opt="${root%/}/opt/onestopbot"
etc="${root%/}/etc/onestopbot"
data="${root%/}/var/lib/onestopbot"
units="${root%/}/etc/systemd/system"

say() { echo "install: $*"; }
systemctl_() { if $real; then systemctl "$@"; else say "(would run) systemctl $*"; fi; }
# Points a symlink at a release atomically (rename over the old link), relative so the tree can move.
point() { ln -sfn "releases/$2" "$opt/.$1.new" && mv -T "$opt/.$1.new" "$opt/$1"; }

if $rollback; then
  [ -L "$opt/previous" ] || { say "no previous release in $opt: nothing to roll back to"; exit 1; }
  from="$(basename "$(readlink "$opt/current")")"
  to="$(basename "$(readlink "$opt/previous")")"
  point current "$to"
  point previous "$from"
  say "current release is now $to (was $from); the database in $data is unchanged"
  systemctl_ restart onestopbot.service
  exit 0
fi

[ -n "$publish" ] && [ -f "$publish/OneStopBot.Bot.dll" ] || { echo "usage: $0 <publish folder> [--root DIR] | --rollback [--root DIR]" >&2; exit 2; }
version="$(cat "$publish/VERSION" 2>/dev/null || date -u +%Y%m%d-%H%M%S)"

if $real && ! id onestopbot >/dev/null 2>&1; then
  useradd --system --home-dir /var/lib/onestopbot --no-create-home --shell /usr/sbin/nologin onestopbot
  say "created the system user onestopbot"
fi

mkdir -p "$opt/releases" "$etc" "$data/backups" "$units"
if [ -e "$opt/releases/$version" ]; then
  version="$version-$(date -u +%H%M%S%N)"
fi
cp -a "$publish/." "$opt/releases/$version/"
touch "$opt/releases/$version"

# Settings are the office's: written once from the templates, never replaced by an upgrade.
if [ ! -e "$etc/appsettings.Production.json" ]; then
  cp "$here/appsettings.Production.json" "$etc/appsettings.Production.json"
  say "wrote $etc/appsettings.Production.json: put the commune's values there (see README, Configuration)"
fi
if [ ! -e "$etc/onestopbot.env" ]; then
  umask 027
  {
    echo "# Secrets of the OneStopBot service, one KEY=value a line (systemd EnvironmentFile)."
    echo "Staff__ApiKey=$(openssl rand -hex 24)"
    echo "DirectLine__TokenSecret=$(openssl rand -base64 48)"
  } > "$etc/onestopbot.env"
  say "wrote $etc/onestopbot.env with a new staff API key and token secret"
fi
cp "$here/onestopbot.service" "$here/onestopbot-backup.service" "$here/onestopbot-backup.timer" "$units/"
if $real; then
  chown -R onestopbot:onestopbot "$data"
  chown root:onestopbot "$etc" "$etc/onestopbot.env" "$etc/appsettings.Production.json"
  chmod 0750 "$etc" && chmod 0640 "$etc/onestopbot.env" "$etc/appsettings.Production.json"
fi

upgrade=false
if [ -L "$opt/current" ]; then
  upgrade=true
  # The database as it was before this release first opens it: a rollback across a change of its format needs it.
  if $real && systemctl is-active --quiet onestopbot.service; then
    systemctl start onestopbot-backup.service && say "backup written before the upgrade (see journalctl -u onestopbot-backup)"
  fi
  point previous "$(basename "$(readlink "$opt/current")")"
fi
point current "$version"
say "current release: $version ($opt/releases/$version)"

# Releases other than current and previous go, oldest first, keeping three.
ls -1t "$opt/releases" | tail -n +4 | while read -r old; do
  if [ "$old" != "$(basename "$(readlink "$opt/current")")" ] && [ "$old" != "$(basename "$(readlink "$opt/previous" 2>/dev/null || true)")" ]; then
    rm -rf "${opt:?}/releases/$old" && say "removed old release $old"
  fi
done

systemctl_ daemon-reload
if $upgrade; then
  systemctl_ restart onestopbot.service
else
  systemctl_ enable --now onestopbot.service onestopbot-backup.timer
fi
