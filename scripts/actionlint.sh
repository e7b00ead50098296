#!/usr/bin/env bash
# actionlint on the project's workflows and the example workflows; through their `uses: ./` steps it
# also checks every input they pass against action.yml. Then action.yml's own shape
# (scripts/check-action-yml.mjs). Any finding fails. actionlint is built from its Go module into
# the tool cache by test/tools/build-go-tool.sh (once; later runs reuse it).
set -euo pipefail
cd "$(dirname "$0")/.."
ACTIONLINT_VERSION=v1.7.12
bin="$(bash test/tools/build-go-tool.sh actionlint "github.com/rhysd/actionlint@$ACTIONLINT_VERSION" github.com/rhysd/actionlint/cmd/actionlint)"
shopt -s nullglob
files=(.github/workflows/*.yml .github/workflows/*.yaml examples/*/workflow.yml examples/*/.github/workflows/*.yml)
"$bin" -no-color "${files[@]}"
node scripts/check-action-yml.mjs
echo "actionlint $ACTIONLINT_VERSION: ${#files[@]} workflow files and action.yml, no findings"
