#!/usr/bin/env bash
# Builds the sandbox launcher (C, no dependencies beyond libc) with the host compiler when any of its sources
# (sandbox-agent/launcher/*.c, *.h) or this script changed since the last build.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
dir="$GAIOLA_ROOT/sandbox-agent/launcher"
out="$dir/build/gaiola-sandbox"
mkdir -p "$(dirname "$out")"
stale() {
  [ ! -x "$out" ] && return 0
  [ -n "$(find "$dir" -maxdepth 1 \( -name '*.c' -o -name '*.h' \) -newer "$out" -print -quit)" ] && return 0
  [ "${BASH_SOURCE[0]}" -nt "$out" ]
}
if stale; then
  command -v cc >/dev/null || apt_install build-essential
  say "building the sandbox launcher"
  cc -O2 -Wall -Wextra -Werror -D_GNU_SOURCE -o "$out.tmp" "$dir"/*.c
  mv "$out.tmp" "$out"
fi
