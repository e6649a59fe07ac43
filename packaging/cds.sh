#!/usr/bin/env bash
# Makes the app image's class-data archive (AppCDS): a scripted start and quit of the window lists
# every class start-up loads (lib/app/jobs-console.classlist), then the image's own runtime dumps
# them, with the launcher's class path, into lib/app/jobs-console.jsa; the launcher's java options
# name it. The archive is valid for the folder it was made in; the Linux packages make it again where
# they install (linux/postinst), from the same class list. A stale or missing archive is ignored
# (the JVM starts without it, silently: -Xlog:cds=off).
#   cds.sh IMAGE   (IMAGE = target/dist/jobs-console)
# The start needs a display: $DISPLAY, else xvfb-run, else the image ships without an archive.
set -euo pipefail
image=$(cd "$1" && pwd)
app=$image/lib/app
java=$image/lib/runtime/bin/java
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$(dirname "$0")/training.sh"
cp=$(image_classpath "$app")

# a store with a page of jobs to show, then the window, which quits once the first page is on screen
seed_training_store "$java" "$cp" "$work/home" "$work/train.sqlite"
status=0
with_display "$java" -XX:DumpLoadedClassList="$app/jobs-console.classlist" -Djobs.console.home="$work/home" \
    -Djobs.console.quitWhenShown=true -cp "$cp" com.jobsconsole.app.Launcher --store "$work/train.sqlite" \
    >"$work/train.log" 2>&1 || status=$?
if [ "$status" = 127 ]; then
  echo "cds.sh: no display and no xvfb-run: the app image has no class-data archive (it starts slower)" >&2
  rm -f "$app/jobs-console.classlist"
  exit 0
fi
if [ "$status" != 0 ] || [ ! -s "$app/jobs-console.classlist" ]; then
  echo "cds.sh: the training start failed, so the app image has no class-data archive; its output:" >&2
  tail -20 "$work/train.log" >&2
  rm -f "$app/jobs-console.classlist"
  exit 0
fi
"$java" -Xshare:dump -XX:SharedClassListFile="$app/jobs-console.classlist" \
        -XX:SharedArchiveFile="$app/jobs-console.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$cp" >"$work/dump.log" 2>&1 \
  || { echo "cds.sh: the dump failed:" >&2; tail -5 "$work/dump.log" >&2; rm -f "$app/jobs-console.jsa"; exit 0; }
echo "cds.sh: $(wc -l < "$app/jobs-console.classlist") classes in $(du -h "$app/jobs-console.jsa" | cut -f1) lib/app/jobs-console.jsa"
