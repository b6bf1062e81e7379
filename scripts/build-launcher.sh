#!/usr/bin/env bash
# Builds the sandbox launcher (C, no dependencies) with the host compiler when its source changed.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
src="$GAIOLA_ROOT/sandbox-agent/launcher/gaiola-sandbox.c"
out="$GAIOLA_ROOT/sandbox-agent/launcher/build/gaiola-sandbox"
mkdir -p "$(dirname "$out")"
if [ ! -x "$out" ] || [ "$src" -nt "$out" ]; then
  command -v cc >/dev/null || apt_install build-essential
  say "building the sandbox launcher"
  cc -O2 -Wall -Wextra -Werror -D_GNU_SOURCE -o "$out.tmp" "$src"
  mv "$out.tmp" "$out"
fi
