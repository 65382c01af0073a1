#!/usr/bin/env bash
# Installs what Ottobon Jobs needs on Debian 12 (bookworm), and only what is missing:
# PostgreSQL 15 + pgvector, a C toolchain (to build pgvector), curl, Node.js, and with
# --with-browser Debian's chromium for the browser tests. Safe to run again and again.
#
#   scripts/install-deps.sh [--with-browser]
set -euo pipefail

with_browser=0
for arg in "$@"; do
  case "$arg" in
    --with-browser) with_browser=1 ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "install-deps: unknown argument: $arg" >&2; exit 2 ;;
  esac
done

export DEBIAN_FRONTEND=noninteractive
PG_MAJOR=15
PG_CONFIG=/usr/lib/postgresql/$PG_MAJOR/bin/pg_config

say() { echo "install-deps: $*"; }

# Root does it directly; anyone else goes through sudo (if there is one).
SUDO=()
if [[ $EUID -ne 0 ]]; then
  if command -v sudo >/dev/null; then
    SUDO=(sudo)
  fi
fi
as_root() {
  if [[ $EUID -ne 0 && ${#SUDO[@]} -eq 0 ]]; then
    echo "install-deps: need root for: $*  (run as root or install sudo)" >&2
    exit 1
  fi
  "${SUDO[@]}" "$@"
}

# Wait for the dpkg lock instead of failing when another apt run is in progress.
APT_OPTS=(-qq -o DPkg::Lock::Timeout=300)

is_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'
}

# --- Debian packages --------------------------------------------------------------------------
wanted=(postgresql-$PG_MAJOR postgresql-server-dev-$PG_MAJOR postgresql-contrib build-essential curl ca-certificates)
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  # Only when no Node.js at all: a newer one (e.g. from NodeSource or nvm) is left alone.
  wanted+=(nodejs npm)
fi
if [[ $with_browser -eq 1 ]]; then
  # The test run: a browser, and a Unicode TrueType font the resume tests embed in generated PDFs.
  wanted+=(chromium fonts-dejavu-core)
fi

missing=()
for pkg in "${wanted[@]}"; do
  is_installed "$pkg" || missing+=("$pkg")
done

if [[ ${#missing[@]} -gt 0 ]]; then
  say "installing ${missing[*]}"
  as_root apt-get "${APT_OPTS[@]}" update
  as_root apt-get "${APT_OPTS[@]}" install -y --no-install-recommends "${missing[@]}" >/dev/null
else
  say "Debian packages already present"
fi

# --- pgvector ---------------------------------------------------------------------------------
# Not packaged for bookworm. Debian trixie's source package builds fine against PostgreSQL 15.
# We fetch it through a throwaway apt configuration so the system's apt sources stay untouched.
ext_dir="$("$PG_CONFIG" --sharedir)/extension"
if [[ -f "$ext_dir/vector.control" ]]; then
  say "pgvector already installed ($(sed -n "s/^default_version = '\(.*\)'/\1/p" "$ext_dir/vector.control"))"
else
  say "building pgvector from Debian trixie's source package"
  started=$SECONDS
  work="$(mktemp -d /tmp/ottobon-pgvector.XXXXXX)"
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/src"
  echo "deb-src http://deb.debian.org/debian trixie main" >"$work/sources.list"
  # apt drops privileges to _apt for downloads; let it write into our private folders.
  if [[ $EUID -eq 0 ]] && id _apt >/dev/null 2>&1; then chown -R _apt "$work"; fi
  private_apt=(
    -o Dir::Etc::SourceList="$work/sources.list"
    -o Dir::Etc::SourceParts=/dev/null
    -o Dir::State::Lists="$work/lists"
    -o Dir::Cache="$work/cache"
    -o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache=
  )
  apt-get -qq "${private_apt[@]}" update
  (cd "$work/src" && apt-get -qq "${private_apt[@]}" source --download-only pgvector >/dev/null)
  tarball="$(find "$work/src" -maxdepth 1 -name 'pgvector_*.orig.tar.*' | head -n 1)"
  if [[ -z "$tarball" ]]; then
    echo "install-deps: could not download the pgvector source package" >&2
    exit 1
  fi
  say "building $(basename "$tarball")"
  mkdir "$work/build"
  tar -xf "$tarball" -C "$work/build" --strip-components=1
  make -s -C "$work/build" PG_CONFIG="$PG_CONFIG" -j"$(nproc)" >/dev/null
  as_root make -s -C "$work/build" PG_CONFIG="$PG_CONFIG" install >/dev/null
  say "pgvector installed in $((SECONDS - started)) s"
fi

# --- SDKs we don't install ourselves ----------------------------------------------------------
if ! command -v dotnet >/dev/null || ! dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
  cat >&2 <<'EOF'
install-deps: the .NET 10 SDK is missing (needed to build and run the API).
  Install it from Microsoft, for example:
    curl -fsSL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh
    bash /tmp/dotnet-install.sh --channel 10.0 --install-dir "$HOME/.dotnet"
    export PATH="$HOME/.dotnet:$PATH"
  or via the packages.microsoft.com apt repository (package dotnet-sdk-10.0).
EOF
  exit 1
fi

# Vite 8 needs Node >= 20.19; bookworm's own nodejs is 18, so warn rather than fail late in npm.
node_version="$(node --version | sed 's/^v//')"
if ! printf '20.19.0\n%s\n' "$node_version" | sort -V -C; then
  say "WARNING: Node.js $node_version is older than 20.19, which the frontend (Vite 8) needs."
fi

# --- servers the .NET tests start on loopback (s3rver for the S3 storage tests), pinned by tests/tools' lock file ---
tools="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/tools"
if [[ ! -f $tools/node_modules/.package-lock.json || $tools/package-lock.json -nt $tools/node_modules/.package-lock.json ]]; then
  (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error)
  say "test tools installed in $tools/node_modules"
fi

say "ok: dotnet $(dotnet --version), node $node_version, $("$PG_CONFIG" --version)$([[ $with_browser -eq 1 ]] && echo ", $(command -v chromium)")"
