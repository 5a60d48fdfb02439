#!/usr/bin/env bash
# `npm run stage`: the built app with a production install in .deploy/ — what the Toolkit zip-deploys to App Service
# and what `npm start` runs there (no build step, no dev dependency). Run `npm run build` first (the npm script does).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf .deploy && mkdir -p .deploy/dist
cp package.json package-lock.json .npmrc .deploy/
cp -r dist/src .deploy/dist/src
# Resource files read at run time from the source tree (locales, card templates, recogniser data).
(cd src && find . -name '*.json' -print0 | xargs -0 -I{} install -D -m 0644 {} ../.deploy/src/{})
(cd .deploy && npm ci --omit=dev --no-audit --no-fund --loglevel=error)
echo "Staged the production app in .deploy/ (npm start)"
