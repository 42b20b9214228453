#!/usr/bin/env bash
# Installs the Debian packages dateline builds with (see README, "Dependencies"),
# and clang with libFuzzer for the fuzz targets that scripts/test.sh runs.
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
  clang libclang-rt-14-dev >/dev/null
