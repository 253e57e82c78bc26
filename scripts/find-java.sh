#!/usr/bin/env bash
# Prints the home of a JDK whose major version is at least $1 (default 25), looking at JAVA_HOME,
# the java on PATH and the usual JDK folders. Exits 1 with a message when none is found.
want="${1:-25}"

major_of() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java.specification.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

candidates=()
[ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
if command -v java >/dev/null 2>&1; then
  candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
fi
for dir in /usr/lib/jvm/* /opt/java/* /opt/*jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
  [ -x "$dir/bin/java" ] && candidates+=("$dir")
done

for home in "${candidates[@]}"; do
  [ -x "$home/bin/javac" ] || continue
  major=$(major_of "$home")
  if [ -n "$major" ] && [ "$major" -ge "$want" ]; then
    echo "$home"
    exit 0
  fi
done
echo "No JDK $want or newer was found. Install Java $want (for example Temurin $want) or set JAVA_HOME to it." >&2
exit 1
