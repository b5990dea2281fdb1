#!/usr/bin/env bash
# The real editors, against the VSIX `npm run package` produced (scripts/test-all.sh runs
# this last): VS Code (code-server + Debian's Chromium, driven by playwright-core; and the
# in-host mocha suite of test/vscode/ in code-server's extension host) and a
# headless Neovim attached to dist/server.js. A missing tool fails the run; nothing is skipped.
#   INFRA_LENS_CACHE   where code-server is installed (default ~/.cache/infra-lens)
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "test-editors: $*" >&2; exit 1; }
[ -x /usr/bin/chromium ] || [ -n "${INFRA_LENS_CHROMIUM:-}" ] || fail "chromium is missing (scripts/install-system-deps.sh installs it)"
command -v nvim >/dev/null || fail "nvim is missing (scripts/install-system-deps.sh installs neovim)"

version="$(node -p "require('./package.json').version")"
[ -f "infra-lens-$version.vsix" ] || fail "infra-lens-$version.vsix is missing: run \`npm run package\` first"
[ -f dist/server.js ] && [ -f dist/cli.js ] || fail "dist/ is missing: run \`npm run package\` first"

bash scripts/install-code-server.sh >/dev/null || fail "code-server could not be installed (scripts/install-code-server.sh)"

# The test bundles come from `npm run build` (npm test builds them); the VSIX build
# (`--production`) rebuilds dist/ only, so out/test/ is still there after packaging.
[ -d out/test/e2e ] || fail "out/test/e2e is missing: run \`npm run build\` before \`npm run package\`"
[ -d out/test/neovim ] || fail "out/test/neovim is missing: run \`npm run build\` before \`npm run package\`"

# One code-server and one Chromium at a time.
node --test --test-concurrency=1 out/test/e2e out/test/neovim
