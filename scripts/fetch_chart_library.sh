#!/usr/bin/env bash
# Fetches the chart library of the teaching page (almpsim serve) from the npm registry into
# third_party/chart.js/, checked against the registry's published SHA-512. The page serves it
# from there; nothing is fetched while it runs.
set -euo pipefail
cd "$(dirname "$0")/.."
version=4.6.1
integrity="hJyniucsFmq//EvXYvJ6c6mahPoI3kaxdjVH8awTaJ/fDNWeSqqqArixMJWkWNN6fcYvPU3HneSANFNYtRi61g=="
target=third_party/chart.js
[ -f "$target/chart.umd.min.js" ] && [ "$(cat "$target/VERSION" 2>/dev/null)" = "$version" ] && exit 0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
curl -sSfL --retry 3 -o "$tmp/chart.tgz" "https://registry.npmjs.org/chart.js/-/chart.js-$version.tgz"
if [ "$(openssl dgst -sha512 -binary "$tmp/chart.tgz" | base64 -w0)" != "$integrity" ]; then
  echo "chart.js-$version.tgz does not match its published SHA-512; not installed" >&2
  exit 1
fi
tar -xzf "$tmp/chart.tgz" -C "$tmp" package/dist/chart.umd.min.js package/LICENSE.md
mkdir -p "$target"
cp "$tmp/package/dist/chart.umd.min.js" "$tmp/package/LICENSE.md" "$target/"
echo "$version" > "$target/VERSION"
echo "fetched Chart.js $version into $target"
