#!/usr/bin/env bash
# Publishes the host for a server: Release, framework-dependent (the server needs the ASP.NET Core 10 runtime, not the
# SDK). Usage: deploy/publish.sh [output folder]   (default: artifacts/publish)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
out="$(realpath -m "${1:-$repo/artifacts/publish}")"
rm -rf "$out"
dotnet publish "$repo/Bot/OneStopBot.Bot.csproj" -c Release -o "$out" --nologo -p:UseAppHost=false
# The release's name in /opt/onestopbot/releases/: the commit and the time of the publish.
echo "$(date -u +%Y%m%d-%H%M%S)-$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo local)" > "$out/VERSION"
echo "Published $(cat "$out/VERSION") to $out"
