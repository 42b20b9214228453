#!/usr/bin/env bash
# Installs the Debian packages dateline builds with (see README, "Dependencies"),
# clang with libFuzzer for the fuzz targets that scripts/test.sh runs, and
# the web page's npm packages.
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
  build-essential cmake pkg-config \
  libre2-dev libutf8proc-dev zlib1g-dev libuchardet-dev libsqlite3-dev libxxhash-dev \
  nlohmann-json3-dev libcli11-dev libmodest-dev libcld2-dev libstemmer-dev \
  libgtest-dev libgmock-dev libbenchmark-dev \
  pybind11-dev python3-dev python3-distributed python3-pytest \
  clang libclang-rt-14-dev \
  libmicrohttpd-dev wrk chromium >/dev/null
# The web page's timeline library and its browser tests' driver, from npm,
# exactly as web/package-lock.json pins them (nothing from npm is committed).
if ! command -v npm >/dev/null; then
  $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
(cd "$(dirname "$0")/../web" && npm ci --no-audit --no-fund --loglevel=error)
