#!/bin/sh
# Fails the build with a clear message when the machine's Node.js or npm is missing or too old.
# The web app is built with whatever Node/npm is on the PATH; nothing is downloaded.
required_major=20
required_minor=19
if ! command -v node >/dev/null 2>&1; then
  echo "[web] Node.js ${required_major}.${required_minor}+ is needed to build the web app, but 'node' is not on the PATH." >&2
  echo "[web] Install Node.js ${required_major}.${required_minor} or newer (with npm), or skip the web module with -pl '!web'." >&2
  exit 1
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "[web] npm is needed to build the web app, but 'npm' is not on the PATH (Node.js is $(node --version))." >&2
  exit 1
fi
version=$(node --version | sed 's/^v//')
major=${version%%.*}
rest=${version#*.}
minor=${rest%%.*}
if [ "$major" -lt "$required_major" ] || { [ "$major" -eq "$required_major" ] && [ "$minor" -lt "$required_minor" ]; }; then
  echo "[web] Node.js ${required_major}.${required_minor}+ is needed to build the web app; the PATH has ${version}." >&2
  exit 1
fi
echo "[web] Node.js ${version}, npm $(npm --version)"
