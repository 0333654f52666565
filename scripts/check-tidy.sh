#!/usr/bin/env bash
# Runs clang-tidy (.clang-tidy at the root) over src/ using build/compile_commands.json.
# Slow on two cores (minutes), so it is not part of scripts/test.sh; run it before
# a large change lands. Usage: scripts/check-tidy.sh [FILE...]
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -f build/compile_commands.json ]] || scripts/build.sh >/dev/null
if (($#)); then files=("$@"); else mapfile -t files < <(git ls-files 'src/*.cc'); fi
run-clang-tidy -quiet -p build "${files[@]}" 2>/dev/null | grep -E "warning:|error:" | sort -u
echo "tidy: checked ${#files[@]} files"
