#!/usr/bin/env bash
# The whole test suite, as the README's test command and CI run it:
#   system packages (oracles, peers, browser) -> build + type-check -> unit and LSP tests ->
#   conformance corpora -> integration tests against the real tools -> package the VSIX ->
#   the real editors (e2e in code-server + Chromium, Neovim).
# A suite whose tool is missing fails; nothing is skipped silently.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-system-deps.sh
npm test

suites=()
for dir in out/test/conformance out/test/integration; do
  if [ -d "$dir" ] && [ -n "$(find "$dir" -name '*.test.js' -print -quit)" ]; then suites+=("$dir"); fi
done
if [ ${#suites[@]} -gt 0 ]; then
  node --test --test-concurrency=1 "${suites[@]}"
fi

npm run package
node scripts/check-vsix.mjs

if [ -x scripts/test-editors.sh ]; then
  bash scripts/test-editors.sh
fi
