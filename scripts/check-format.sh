#!/usr/bin/env bash
# Fails when a C++ source is not formatted as the root .clang-format says.
# Run by the test command (ctest: format_check). Fix with:
#   scripts/check-format.sh --fix
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -d '' files < <(find app server ui tests bench tools -type f \( -name '*.cpp' -o -name '*.h' \) -print0 | sort -z)
if [[ ${1:-} == --fix ]]; then
    clang-format -i "${files[@]}"
    exit 0
fi
if ! clang-format --dry-run --Werror "${files[@]}"; then
    echo "check-format: the files above are not formatted; run scripts/check-format.sh --fix" >&2
    exit 1
fi
echo "check-format: ${#files[@]} files formatted"
