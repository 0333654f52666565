#!/usr/bin/env bash
# Fails if any C++ file differs from .clang-format. Fix with: scripts/check-format.sh --fix
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.h' '*.cc' 2>/dev/null || find src tests bench -name '*.h' -o -name '*.cc')
if [[ ${1:-} == --fix ]]; then
  clang-format -i "${files[@]}"
  echo "format: fixed ${#files[@]} files"
  exit 0
fi
if clang-format --dry-run --Werror "${files[@]}" 2>/tmp/rollcall-format.log; then
  echo "format: OK (${#files[@]} files)"
else
  head -40 /tmp/rollcall-format.log
  echo "format: files differ from .clang-format; run scripts/check-format.sh --fix"
  exit 1
fi
