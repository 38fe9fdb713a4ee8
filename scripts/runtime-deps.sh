#!/usr/bin/env bash
# `make run`: the Debian packages the running app uses beyond Python, installed when we may
# (root on Debian). Today: espeak-ng (and opus-tools) for read-aloud audio made on the
# server, for tablets without a speech voice (A11Y-06). Without them the app still runs.
set -u
need=()
command -v espeak-ng >/dev/null 2>&1 || need+=(espeak-ng)
command -v opusenc >/dev/null 2>&1 || need+=(opus-tools)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${need[*]} for read-aloud on tablets without a voice"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq "${need[@]}" >/dev/null \
    || echo "Could not install ${need[*]}."
fi
if ! command -v espeak-ng >/dev/null 2>&1; then
  echo "espeak-ng is not installed: read-aloud will use device voices only" \
    "(apt-get install espeak-ng opus-tools)."
fi
exit 0
