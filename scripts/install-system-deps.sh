#!/usr/bin/env bash
# Installs the Debian packages the test suites use as oracles and peers. Idempotent: only
# missing packages are installed, so a second run does no network work.
#   bind9 (named), bind9-utils (named-checkzone), bind9-dnsutils (dig), procps (free, ps),
#   iproute2 (ss), lsof, util-linux (prlimit, unshare), mount (mount --bind in a private
#   namespace), chromium (the real VS Code's browser), neovim (second LSP client),
#   libkrb5-dev and ripgrep (code-server's install).
#   musl-tools (musl-gcc: the musl resolver oracle for resolv.conf query plans).
#   g++ and make (node-gyp builds code-server's native modules from source; without them one
#   of them tries to download a prebuilt binary), python3 (node-gyp, and querylog.py of the
#   resolv.conf plan differential), pre-commit (the hook test runs `pre-commit try-repo`),
#   netbase (/etc/services: named-checkzone resolves WKS service names there, the zone
#   differential relies on it).
# With --bench, also the benchmarks' peers that no test runs: knot-dnssecutils (kzonecheck,
# bench/zone.mjs) and time (GNU time: CPU and peak RSS of each run).
set -euo pipefail
PACKAGES=(bind9 bind9-utils bind9-dnsutils procps iproute2 lsof util-linux mount
  chromium neovim libkrb5-dev ripgrep musl-tools g++ make python3 pre-commit netbase)
if [ "${1:-}" = "--bench" ]; then PACKAGES+=(knot-dnssecutils time); fi
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "missing system packages (${missing[*]}); run as root: apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Keep package scripts from starting daemons (named) on install: tests start their own.
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
fi
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "system packages: installed ${missing[*]}"
