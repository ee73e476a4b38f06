#!/usr/bin/env bash
# Runs DogMonitor on the embedded default (SQLite, media on local disk, no servers needed) at
# http://localhost:8000. Extra arguments go to the app, e.g. ./run.sh --urls http://0.0.0.0:8000
set -euo pipefail
cd "$(dirname "$0")"
source scripts/common.sh

require_dotnet
log "building DogMonitor (the first build restores NuGet packages)"
dotnet build DogMonitor.Web -c Release --nologo -v quiet -clp:ErrorsOnly
log "starting; data is kept in ./data"
exec dotnet run --project DogMonitor.Web -c Release --no-build --no-launch-profile -- "$@"
