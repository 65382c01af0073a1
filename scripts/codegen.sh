#!/usr/bin/env bash
# Regenerates Wolverine's handler and HTTP endpoint code into src/OttobonJobs.Api/Internal/Generated, which Release
# builds compile in and run with TypeLoadMode.Static. Run it after changing (or merging changes to) a handler, an
# endpoint, or the Wolverine/Marten setup, and commit the folder; the test
# `the_pregenerated_code_matches_the_handlers` fails until you do.
#
#   scripts/codegen.sh
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
API="$REPO/src/OttobonJobs.Api"

# The stale code may no longer compile, and in Static mode its handler registry would hide new handlers: build
# without it, and generate with Dynamic discovery.
rm -rf "$API/Internal/Generated"
dotnet build "$API/OttobonJobs.Api.csproj" -c Release -v quiet -nologo
dll="$(dotnet msbuild "$API/OttobonJobs.Api.csproj" -getProperty:TargetPath -p:Configuration=Release)"
# The content root (the working folder) decides where the code goes; the store's composition wants a database
# address, but nothing connects to it.
(
  cd "$API"
  OTTOBON_DATABASE_URL="Host=codegen.invalid" Ottobon__Messaging__TypeLoadMode=Dynamic \
    dotnet "$dll" codegen write >/dev/null
)
echo "codegen: wrote $(find "$API/Internal/Generated" -name '*.cs' | wc -l) files to src/OttobonJobs.Api/Internal/Generated; rebuilding with them"
dotnet build "$API/OttobonJobs.Api.csproj" -c Release -v quiet -nologo
