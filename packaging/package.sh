#!/usr/bin/env bash
# Builds the app image (a jlink'd runtime holding only packaging/modules.txt, and the app's jars on the
# class path) and the installer of the OS it runs on, with the JDK's own jlink and jpackage.
# Called by `mvn -B -Ppackage package` after the jar and target/lib are built; leaves target/dist/.
set -euo pipefail
version=${1:?the version}
here=$(cd "$(dirname "$0")" && pwd)
target=$(cd "${2:-$here/../target}" && pwd)
dist=$target/dist
rm -rf "$dist"
mkdir -p "$dist/input"
cp "$target/jobs-console.jar" "$dist/input/"
cp -r "$target/lib" "$dist/input/lib"
# JavaFX stays on the class path (as with `java -jar`): sqlite-jdbc and the other jars are not modules,
# and one class path for everything needs no --add-exports for ControlsFX
jlink --add-modules "$(tr -d '\n ' < "$here/modules.txt")" --strip-debug --no-header-files --no-man-pages \
      --compress=2 --output "$dist/runtime"
appversion=${version%%-*}   # jpackage takes numbers only: 0.1.0-SNAPSHOT -> 0.1.0
common=(--name jobs-console --app-version "$appversion" --vendor "Jobs Console developers"
        --description "Desktop console for the Jobs of an RPA orchestrator")
# -Xmx: a desktop app's heap, not a quarter of the machine; G1 gives memory back when idle
jpackage --type app-image "${common[@]}" --input "$dist/input" --main-jar jobs-console.jar \
         --main-class com.jobsconsole.app.Launcher --runtime-image "$dist/runtime" --dest "$dist" \
         --java-options "-Xmx1g -XX:+UseG1GC -XX:G1PeriodicGCInterval=30000"
case "$(uname -s)" in
  Linux)
    jpackage --type deb "${common[@]}" --app-image "$dist/jobs-console" --dest "$dist" \
             --license-file "$here/../LICENSE" --linux-shortcut --linux-menu-group "Development" \
             --linux-app-category devel --linux-package-name jobs-console --resource-dir "$here/linux"
    if command -v rpmbuild >/dev/null 2>&1; then
      jpackage --type rpm "${common[@]}" --app-image "$dist/jobs-console" --dest "$dist" \
               --license-file "$here/../LICENSE" --linux-shortcut --linux-menu-group "Development"
    fi ;;
  Darwin)
    jpackage --type dmg "${common[@]}" --app-image "$dist/jobs-console.app" --dest "$dist" \
             --mac-package-identifier com.jobsconsole.app ;;
  MINGW*|MSYS*|CYGWIN*)
    jpackage --type msi "${common[@]}" --app-image "$dist/jobs-console" --dest "$dist" \
             --win-menu --win-menu-group "Jobs Console" --win-shortcut \
             --win-upgrade-uuid 6f1f3c2e-8d4b-4f0a-9a7e-2b5c1d3e4f60 ;;
esac
ls -la "$dist"
