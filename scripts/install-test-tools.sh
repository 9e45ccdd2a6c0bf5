#!/usr/bin/env bash
# Installs what the test suite needs beyond Rust: tmux, which tests/terminal.rs drives to test the
# reader in a real terminal, and python3, which runs the rebuild scripts that tests/scripts.rs
# tries. Run by that test (and by .ci/run) when one is missing.
set -euo pipefail
command -v tmux >/dev/null && command -v python3 >/dev/null && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends tmux python3 >/dev/null
