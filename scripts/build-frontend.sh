#!/usr/bin/env bash
# Rebuild the vendored GOV.UK Frontend assets from the pinned npm packages.
#
# The output is committed under src/carelens/web/static/, so installing or
# running carelens never needs npm or the network. Run this only to move to a
# new govuk-frontend version (edit frontend/package.json, then run it).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here/frontend"
npm ci --no-audit --no-fund --silent 2>/dev/null || npm install --no-audit --no-fund --silent
static="$here/src/carelens/web/static"
dist=node_modules/govuk-frontend/dist/govuk
rm -rf "$static/govuk-frontend"
mkdir -p "$static/govuk-frontend" "$static/carelens"
cp -R "$dist/assets" "$static/govuk-frontend/assets"
cp "$dist/govuk-frontend.min.js" "$static/govuk-frontend/govuk-frontend.min.js"
cp node_modules/govuk-frontend/package.json "$static/govuk-frontend/VERSION.json"
mkdir -p "$static/htmx"
cp node_modules/htmx.org/dist/htmx.min.js "$static/htmx/htmx.min.js"
cp node_modules/htmx.org/LICENSE "$static/htmx/LICENSE" 2>/dev/null || true
npx --no-install sass --no-source-map --style=compressed --quiet-deps \
  --silence-deprecation=import --load-path=node_modules \
  carelens.scss "$static/carelens/carelens.css"
echo "Built GOV.UK Frontend $(node -p "require('./node_modules/govuk-frontend/package.json').version") into $static"
