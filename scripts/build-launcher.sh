#!/usr/bin/env bash
# Builds the sandbox launcher (C, no dependencies beyond libc) with the host compiler, hardened like a setuid
# tool, when any of its sources (sandbox-agent/launcher/*.c, *.h) or this script changed since the last build.
#   build-launcher.sh              build/gaiola-sandbox, the one the agent runs, and the agent's end of a shell's
#                                  pty hand-off (sandbox-agent/native/build/pty-handoff.node, a Node-API addon)
#   build-launcher.sh --analyse    gcc's static analyser over every source, with the same flags; writes nothing
#                                  and fails on any finding (a silenced one carries its reason above the pragma)
#   build-launcher.sh --test-hooks build/gaiola-sandbox-test-hooks: the same code plus the stop points the
#                                  kernel tests use (GAIOLA_TEST_HOOKS); never installed or run by the agent
#   build-launcher.sh --sanitize   build/gaiola-sandbox-sanitize: AddressSanitizer and UndefinedBehaviorSanitizer,
#                                  any finding aborts; for the fuzzing of the queries, never run by the agent
set -euo pipefail
source "$(dirname "$0")/lib.sh"
dir="$GAIOLA_ROOT/sandbox-agent/launcher"
mode=${1:-build}

# Debian 12's gcc 12 takes every one of these. _FORTIFY_SOURCE=3 (gcc 12+, glibc 2.34+) checks buffer sizes
# known only at run time too; relro + now leave no writable GOT; stack clash protection probes every page
# of a large stack frame. Control-flow protection has one spelling per architecture.
#   On x86_64, -fcf-protection puts an endbr64 at every indirect branch target (IBT) and marks each of our
# objects IBT and SHSTK (shadow stack) compatible, but the binary carries no such mark: the linker keeps a
# property only when every object linked has it, and Debian 12's C start-up files (Scrt1.o, crti.o, crtn.o of
# libc6-dev) lack it (`-Wl,-z,cet-report=warning` names them; `readelf -n` on the binary shows no "x86
# feature"). So neither is enforced here: Linux (6.6 and later) gives a process a shadow stack only when its
# glibc (2.39 and later) asks, which it does only for a binary so marked, and enforces no IBT in user space.
# The flag stays for toolchains whose start-up files are marked; the endbr64s cost nothing meanwhile. Forcing
# the mark (-z ibt -z shstk) would claim what crt1's code was never built for.
flags=(-O2 -D_GNU_SOURCE -D_FORTIFY_SOURCE=3 -fstack-protector-strong -fstack-clash-protection -fPIE
  -Wall -Wextra -Wformat=2 -Werror)
case "$(uname -m)" in
  x86_64) flags+=(-fcf-protection) ;;
  aarch64) flags+=(-mbranch-protection=standard) ;;
esac
link=(-pie -Wl,-z,relro,-z,now)

command -v cc >/dev/null || apt_install build-essential

if [ "$mode" = --analyse ]; then
  tmp=$(mktemp -d /tmp/gaiola-analyse.XXXXXX)
  trap 'rm -rf "$tmp"' EXIT
  findings=0
  for src in "$dir"/*.c; do
    # One file at a time: the analyser follows calls within a file; -Werror makes any finding fail it.
    if ! cc "${flags[@]}" -fanalyzer -c "$src" -o "$tmp/$(basename "$src").o" 2>"$tmp/log"; then
      cat "$tmp/log" >&2
      findings=$((findings + $(grep -c 'warning:\|error:' "$tmp/log" || true)))
    fi
  done
  silenced=$(cat "$dir"/*.c "$dir"/*.h | grep -c 'pragma GCC diagnostic ignored' || true)
  say "launcher static analysis ($(cc -dumpfullversion 2>/dev/null || cc -dumpversion) -fanalyzer, $(ls "$dir"/*.c | wc -l) files): $findings findings, $silenced silenced"
  [ "$findings" -eq 0 ]
  exit
fi

case "$mode" in
  build) out="$dir/build/gaiola-sandbox" what="" ;;
  --test-hooks) out="$dir/build/gaiola-sandbox-test-hooks" what=" (with test hooks)" flags+=(-DGAIOLA_TEST_HOOKS) ;;
  --sanitize)
    # The sanitizers check every access themselves: no _FORTIFY_SOURCE (it hides accesses from them), -O1 and
    # frame pointers for readable reports.
    out="$dir/build/gaiola-sandbox-sanitize" what=" (with ASan and UBSan)"
    flags=(-O1 -g -fno-omit-frame-pointer -D_GNU_SOURCE -DGAIOLA_SANITIZE -fsanitize=address,undefined -fno-sanitize-recover=all
      -Wall -Wextra -Wformat=2 -Werror)
    link=(-fsanitize=address,undefined)
    ;;
  *) die "build-launcher.sh: unknown mode $mode (--analyse, --test-hooks, --sanitize)" ;;
esac
mkdir -p "$(dirname "$out")"
# What the binary is built from: every source's name and content, and this script (the flags).
sum=$({ ls "$dir"/*.c "$dir"/*.h; cat "$dir"/*.c "$dir"/*.h "${BASH_SOURCE[0]}"; } | sha256sum | cut -d' ' -f1)
if [ ! -x "$out" ] || [ "$(cat "$out.sum" 2>/dev/null)" != "$sum" ]; then
  say "building the sandbox launcher$what"
  cc "${flags[@]}" "${link[@]}" -o "$out.tmp" "$dir"/*.c
  mv "$out.tmp" "$out"
  echo "$sum" > "$out.sum"
fi

# The agent's end of the pty hand-off (sandbox-agent/native/pty-handoff.c), with the normal build: a Node-API
# addon in C against Node's own headers (Debian's libnode-dev or nodejs's include/node), linked against nothing.
if [ "$mode" = build ]; then
  native="$GAIOLA_ROOT/sandbox-agent/native"
  addon="$native/build/pty-handoff.node"
  sum=$({ cat "$native/pty-handoff.c" "${BASH_SOURCE[0]}"; } | sha256sum | cut -d' ' -f1)
  if [ ! -f "$addon" ] || [ "$(cat "$addon.sum" 2>/dev/null)" != "$sum" ]; then
    # The headers are needed only to build: a checkout copied with its addon built (the VM tier's guest) has none.
    # Node from nodejs.org or NodeSource ships them; Debian's own nodejs has them in libnode-dev.
    headers=$(dirname "$(command -v node)")/../include/node
    [ -f "$headers/node_api.h" ] || headers=/usr/include/node
    [ -f "$headers/node_api.h" ] || apt_install libnode-dev
    [ -f "$headers/node_api.h" ] || die "build-launcher.sh: no node_api.h (install libnode-dev, or Node from nodejs.org)"
    say "building the agent's pty hand-off addon"
    mkdir -p "$(dirname "$addon")"
    cc "${flags[@]}" -fPIC -shared -I"$headers" -Wl,-z,relro,-z,now -o "$addon.tmp" "$native/pty-handoff.c"
    mv "$addon.tmp" "$addon"
    echo "$sum" > "$addon.sum"
  fi
fi
