#!/usr/bin/env bash
# Installs code-server (VS Code's workbench + extension host, served to a browser) for the
# real-editor tests, into a cache folder outside node_modules (it is large and test-only).
# Recipe: ../shared/recipes/real-vscode.md. Idempotent: does nothing when already installed.
#   INFRA_LENS_CACHE  cache root (default ~/.cache/infra-lens); code-server goes in ./code-server
# Prints the path of the code-server launcher on its last line.
set -euo pipefail

VERSION=4.100.3            # the newest line that runs on Node 20
RG_CACHE_VERSION=1.15.11   # @vscode/ripgrep version pinned by code-server 4.100.x
CACHE="${INFRA_LENS_CACHE:-$HOME/.cache/infra-lens}"
DIR="$CACHE/code-server"
BIN="$DIR/node_modules/.bin/code-server"

if [ -x "$BIN" ] && "$BIN" --version 2>/dev/null | grep -q "^$VERSION "; then
  echo "code-server $VERSION already installed in $DIR" >&2
  echo "$BIN"
  exit 0
fi

for tool in npm rg tar; do
  command -v "$tool" >/dev/null || { echo "install-code-server: '$tool' is missing (scripts/install-system-deps.sh installs it)" >&2; exit 1; }
done

# @vscode/ripgrep's postinstall downloads rg from the internet unless its cache already
# holds the archive: give it Debian's rg, packed the way it expects.
RG_CACHE="${TMPDIR:-/tmp}/vscode-ripgrep-cache-$RG_CACHE_VERSION"
RG_ARCHIVE="$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -s "$RG_ARCHIVE" ]; then
  pack="$(mktemp -d)"
  cp "$(command -v rg)" "$pack/rg"
  mkdir -p "$RG_CACHE"
  tar czf "$RG_ARCHIVE" -C "$pack" rg
  rm -rf "$pack"
fi

mkdir -p "$DIR"
# npm 11 runs dependencies' install scripts only when package.json allows them.
cat > "$DIR/package.json" <<'JSON'
{
  "name": "infra-lens-code-server",
  "private": true,
  "description": "code-server for Infra Lens's real-editor tests (scripts/install-code-server.sh)",
  "allowScripts": { "code-server": true, "argon2": true }
}
JSON
echo "installing code-server@$VERSION into $DIR (about a minute)..." >&2
(cd "$DIR" && npm_config_unsafe_perm=true npm_config_yes=true npm install --no-audit --no-fund "code-server@$VERSION" >&2)

if ! "$BIN" --version 2>/dev/null | grep -q "^$VERSION "; then
  echo "install-code-server: code-server $VERSION did not install into $DIR" >&2
  exit 1
fi
echo "$BIN"
