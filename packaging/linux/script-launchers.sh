#!/usr/bin/env bash
# Replaces the Linux app image's native launchers (bin/NAME) with shell scripts that start the image's own
# runtime with exactly what lib/app/NAME.cfg (written by jpackage) gives: its JVM options, class path and
# main class. Why (issue 25): jpackage's Linux launcher asks the package manager which package owns it at every
# start — `rpm -qf`, then `dpkg -S`, then `dpkg -L` of the package found — before the JVM starts; dpkg reads
# its whole file database for that, 0.3–0.5 s on the build machine (more on a desktop with many packages),
# paid by every window and every command. The script starts the JVM at once. The .cfg files stay: they are
# what the scripts were made from, and what cds.sh, aot.sh and linux/postinst read.
#   script-launchers.sh IMAGE   (IMAGE = target/dist/jobs-console)
set -euo pipefail
image=$(cd "${1:?the app image}" && pwd)
for cfg in "$image"/lib/app/*.cfg; do
  name=$(basename "$cfg" .cfg)
  [ -f "$image/bin/$name" ] || continue
  main=$(sed -n 's/^app\.mainclass=//p' "$cfg")
  [ -n "$main" ] || { echo "script-launchers.sh: $cfg names no main class" >&2; exit 1; }
  if grep -q "'" "$cfg"; then
    echo "script-launchers.sh: $cfg holds a quote, which this script does not carry over" >&2
    exit 1
  fi
  # $APPDIR (the image's lib/app) becomes the script's $app; each option is one word, as the .cfg gives it
  options=$(sed -n 's/^java-options=//p' "$cfg" | sed "s|\\\$APPDIR|'\"\$app\"'|g; s|^|  '|; s|\$|' \\\\|")
  classpath=$(sed -n 's/^app\.classpath=//p' "$cfg" | sed 's|\$APPDIR|$app|g' | paste -sd: -)
  cat > "$image/bin/$name" <<SCRIPT
#!/bin/sh
# $name: made by packaging/linux/script-launchers.sh from lib/app/$name.cfg — the image's runtime with that
# file's JVM options, class path and main class, started at once (jpackage's own launcher first asks
# rpm and dpkg which package owns it, at every start). Options for the JVM: JAVA_TOOL_OPTIONS.
# where it is, through any symlink (without readlink on the PATH, as it was called)
self=\$(readlink -f "\$0" 2>/dev/null) || self=\$0
root=\${self%/bin/*}
app=\$root/lib/app
exec "\$root/lib/runtime/bin/java" -Djpackage.app-path="\$self" \\
$options
  -cp "$classpath" \\
  $main "\$@"
SCRIPT
  chmod 755 "$image/bin/$name"
  echo "script-launchers.sh: bin/$name starts the runtime itself (from lib/app/$name.cfg)"
done
