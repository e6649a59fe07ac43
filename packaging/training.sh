# Sourced by cds.sh and aot.sh: what a training start of the app image needs — the launcher's class path, a
# small store with a page of jobs to show, and a display for the window.

# The class path of the image's launcher ($1: the image's lib/app), $APPDIR resolved.
image_classpath() {
  grep '^app.classpath=' "$1/jobs-console.cfg" | sed "s|^app.classpath=||; s|\\\$APPDIR|$1|" | paste -sd: -
}

# A store of 2,000 jobs at $4 for the window to open: $1 the image's java, $2 the class path, $3 a home folder.
seed_training_store() {
  "$1" -Djobs.console.home="$3" -cp "$2" com.jobsconsole.app.Launcher job seed --count 2000 --store "$4" >/dev/null
}

# Runs the command with a display: $DISPLAY, else xvfb-run; status 127 when there is neither.
with_display() {
  if [ -n "${DISPLAY:-}" ]; then
    timeout 180 "$@"
  elif command -v xvfb-run >/dev/null 2>&1; then
    timeout 180 xvfb-run -a -s "-screen 0 1366x768x24" "$@"
  else
    return 127
  fi
}
