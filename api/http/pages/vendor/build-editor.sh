#!/bin/sh
# Rebuild editor.bundle.js from npm (pinned in package.json); run from this folder.
# The bundle is committed: orgkg never fetches anything at run time.
set -eu
npm ci --ignore-scripts=false
npx esbuild editor-entry.mjs --bundle --minify --format=iife --target=es2020 --legal-comments=none --outfile=../../static/pages/editor.bundle.js
