#!/usr/bin/env bash
# Installs whatever gaiola needs and is missing: Debian packages, npm dependencies (native modules built
# from source), the sandbox launcher and the sandboxes' base image. Safe to run again: it skips what is done.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need_root
install_host_packages
install_npm_deps
build_launcher
build_base_image
reserve_uid_range
