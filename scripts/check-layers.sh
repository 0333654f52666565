#!/usr/bin/env bash
# Fails if a module includes a header its layer may not see
# (ARCHITECTURE.md: common <- time <- domain <- app <- {api, cli};
# storage/sql implements storage; http knows nothing of the domain).
# CMake target dependencies stop a module linking what it may not; this stops
# it compiling against headers it may not include.
set -uo pipefail
cd "$(dirname "$0")/../src"
status=0
check() {  # check DIR PATTERN WHY [EXCLUDE_DIR]
  local dir=$1 pattern=$2 why=$3 exclude=${4:-}
  [[ -d $dir ]] || return 0
  local hits
  if [[ -n $exclude ]]; then
    hits=$(grep -rnE "$pattern" "$dir" --include='*.h' --include='*.cc' | grep -v "^$exclude/" || true)
  else
    hits=$(grep -rnE "$pattern" "$dir" --include='*.h' --include='*.cc' || true)
  fi
  if [[ -n $hits ]]; then
    echo "layering: $why"
    echo "$hits" | sed 's/^/  /'
    status=1
  fi
}
check common '#include "(time|domain|app|storage|api|http|cli)/' "common depends on nothing of ours"
check time '#include "(domain|app|storage|api|http|cli)/' "time depends only on common"
check domain '#include "(app|storage|api|http|cli)/' "domain depends only on time and common"
check domain '#include <(soci|boost|sqlite3|libpq|nlohmann|fstream|iostream|date/tz)' "domain is pure: no I/O, SQL, Boost or JSON"
check storage '#include "(app|api|http|cli)/' "storage implements interfaces for app; it does not call up"
check app '#include "(storage/sql|api|http|cli)/' "app uses storage interfaces, never storage/sql"
check app '#include <soci' "app uses storage interfaces, never SOCI"
check http '#include "(domain|app|storage)/' "http knows nothing of the domain"
check security '#include "(time|domain|app|storage|api|http|cli)/' "security depends only on common"
date_tz=$(grep -rln '#include <date/tz.h>' . | grep -v '^./time/' || true)
if [[ -n $date_tz ]]; then echo "layering: only src/time includes <date/tz.h>: $date_tz"; status=1; fi
[[ $status -eq 0 ]] && echo "layering: OK"
exit $status
