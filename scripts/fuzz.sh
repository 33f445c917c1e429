#!/usr/bin/env bash
# Builds the libFuzzer targets with clang-14 (AddressSanitizer and
# UndefinedBehaviorSanitizer on) in build-fuzz/ and runs each for
# HEARTH_FUZZ_SECONDS (default 60). The test command runs this; for a longer
# hunt: HEARTH_FUZZ_SECONDS=3600 scripts/fuzz.sh. Crashes land in
# build-fuzz/fuzz-artifacts/ (reproduce: build-fuzz/tests/fuzz/<target> <file>).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${HEARTH_FUZZ_BUILD_DIR:-build-fuzz}
seconds=${HEARTH_FUZZ_SECONDS:-60}
targets=(fuzz_request_framer fuzz_sse_parser fuzz_jwt fuzz_request_json)
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
    -DHEARTH_GUI=OFF -DHEARTH_FUZZ=ON -DHEARTH_FUZZ_SECONDS="$seconds" >/dev/null
cmake --build "$build_dir" --target "${targets[@]}"
# Each fuzzer is single-threaded: two at a time, one per core.
ctest --test-dir "$build_dir" --output-on-failure -j2 -L fuzz
