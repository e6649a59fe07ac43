#!/usr/bin/env bash
# Makes the app image's AOT cache (JEP 483/514/515, Java 25): one scripted start of the window by the image's
# own runtime, with its launcher's class path and options, on a small store; it quits once the first page is on screen and the JVM
# writes lib/app/jobs-console.aot (the classes loaded and linked, and the method profiles, of that start);
# then the command-line launcher's own, lib/app/jobs-console-cli.aot, from one `job import` (below).
# The launchers name it (-XX:AOTCache); a missing or stale cache is ignored silently (-Xlog:aot=off). Unlike
# the class-data archive of JDK 17 (cds.sh), the cache holds when the image is moved: the packages carry it
# as it is, and the first start after install is as fast as the next.
#   aot.sh IMAGE   (IMAGE = target/dist/jobs-console)
# The start needs a display: $DISPLAY, else xvfb-run, else the image ships without a cache.
set -euo pipefail
image=$(cd "$1" && pwd)
app=$image/lib/app
java=$image/lib/runtime/bin/java
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -f "$app/jobs-console.aot"
. "$(dirname "$0")/training.sh"
cp=$(image_classpath "$app")
# the window launcher's options, but the one naming the cache it is about to make
mapfile -t options < <(grep '^java-options=' "$app/jobs-console.cfg" | sed "s|^java-options=||; s|\$APPDIR|$app|" \
                       | grep -v -- '-XX:AOTCache=')
# The window's cache: a store with a page of jobs to show, then the window, which quits once the first
# page is on screen (without a display the window's launcher goes without; the command line's still comes)
window_cache() {
  seed_training_store "$java" "$cp" "$work/home" "$work/train.sqlite"
  local status=0
  with_display "$java" "${options[@]}" -XX:AOTCacheOutput="$app/jobs-console.aot" -Djobs.console.home="$work/home" \
      -Djobs.console.quitWhenShown=true -cp "$cp" com.jobsconsole.app.Launcher --store "$work/train.sqlite" \
      >"$work/train.log" 2>&1 || status=$?
  if [ "$status" = 127 ]; then
    echo "aot.sh: no display and no xvfb-run: the window's launcher has no AOT cache (it starts slower)" >&2
    return 0
  fi
  if [ "$status" != 0 ] || [ ! -s "$app/jobs-console.aot" ]; then
    echo "aot.sh: the training start failed, so the window's launcher has no AOT cache; its output:" >&2
    tail -20 "$work/train.log" >&2
    rm -f "$app/jobs-console.aot"
    return 0
  fi
  echo "aot.sh: $(du -h "$app/jobs-console.aot" | cut -f1) lib/app/jobs-console.aot"
}
window_cache

# The command-line launcher's own cache, lib/app/jobs-console-cli.aot: one `job import` of 20,000 jobs
# (a CSV) by the image's runtime with that launcher's options. Its method profiles are a bulk
# command's: with the window's cache the jar's bulk export ran 5-10% slower than without any cache (the
# profiles of a window's start), with this one it runs as fast as without, and a short command still
# starts in about 0.7 s instead of 1.3 s. No display needed.
rm -f "$app/jobs-console-cli.aot"
mapfile -t cli_options < <(grep '^java-options=' "$app/jobs-console-cli.cfg" \
                           | sed "s|^java-options=||; s|\$APPDIR|$app|" | grep -v -- '-XX:AOTCache=')
"$java" -Djobs.console.home="$work/home" -cp "$cp" com.jobsconsole.app.Launcher job seed --count 20000 \
    --store "$work/train-cli.sqlite" >/dev/null    # enough rows for the JIT to profile a row's path
"$java" -Djobs.console.home="$work/home" -cp "$cp" com.jobsconsole.app.Launcher job export \
    --store "$work/train-cli.sqlite" --out "$work/train.csv" >/dev/null
status=0
timeout 180 "$java" "${cli_options[@]}" -XX:AOTCacheOutput="$app/jobs-console-cli.aot" -Djobs.console.home="$work/home" \
    -cp "$cp" com.jobsconsole.app.Launcher job import --store "$work/imported.sqlite" "$work/train.csv" \
    >"$work/train-cli.log" 2>&1 || status=$?
if [ "$status" != 0 ] || [ ! -s "$app/jobs-console-cli.aot" ]; then
  echo "aot.sh: the command line's training run failed, so jobs-console-cli has no AOT cache; its output:" >&2
  tail -20 "$work/train-cli.log" >&2
  rm -f "$app/jobs-console-cli.aot"
  exit 0
fi
echo "aot.sh: $(du -h "$app/jobs-console-cli.aot" | cut -f1) lib/app/jobs-console-cli.aot"
