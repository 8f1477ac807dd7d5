#!/usr/bin/env bash
# Adds a migration of the same name to both providers' migration projects.
set -euo pipefail
name=${1:?usage: dev/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" \
    --project "src/CivicGrid.Data.$provider" \
    --startup-project "src/CivicGrid.Data.$provider" \
    --context CivicGridDbContext \
    --output-dir Migrations
done
