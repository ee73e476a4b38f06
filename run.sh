#!/usr/bin/env bash
# Runs DogMonitor on the embedded default (SQLite, media on local disk, in-process worker and a
# synthetic camera: no servers needed) at
# http://localhost:8000. Extra arguments go to the app, e.g. ./run.sh --urls http://0.0.0.0:8000
set -euo pipefail
cd "$(dirname "$0")"
source scripts/common.sh

require_dotnet
ensure_packages ffmpeg fonts-dejavu-core   # the recorder, the clip cutter and the synthetic camera's clock
ensure_web_packages                        # hls.js for the live page
log "building DogMonitor (the first build restores NuGet packages)"
dotnet build DogMonitor.Web -c Release --nologo -v quiet -clp:ErrorsOnly
# dotnet run starts the app in the project's folder; keep the data beside this script instead.
export DataDirectory="${DataDirectory:-$PWD/data}"
log "starting at http://localhost:8000 (unless --urls says otherwise); data is kept in $DataDirectory"
if [ ! -f "$DataDirectory/dogmonitor.db" ] && [ -z "${Auth__InitialAdmin__Email:-}" ]; then
  log "first start: there is no account yet; open the setup link framed in stars below to create the admin"
fi
exec dotnet run --project DogMonitor.Web -c Release --no-build --no-launch-profile -- "$@"
