#!/usr/bin/env bash
# One command to test Hearth: installs what is missing, builds, runs every
# test suite with ctest, then a short run of each fuzz target. Heavy suites
# (label "heavy") and benchmarks are not run here; see the README for
# running them on demand.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh test --verify
scripts/build.sh
# A test that needs a program the line above installs fails without it
# instead of skipping (tests/support/RequireTool.h).
export HEARTH_TEST_STRICT=1
build_dir=${HEARTH_BUILD_DIR:-build}
ctest --test-dir "$build_dir" --output-on-failure -j2 -LE 'heavy|bench' "$@"
# The libFuzzer targets, built with clang and the sanitizers, 60 s each.
scripts/fuzz.sh
