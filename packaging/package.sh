#!/usr/bin/env bash
# Builds the app image (a jlink'd runtime holding only packaging/modules.txt, the app's jars on the
# class path, the icon and the class-data archive) and the installers of the OS it runs on, with the
# JDK's own jlink and jpackage. Called by `mvn -B -Ppackage package` after the jar and target/lib are
# built; leaves target/dist/. Per-OS resources: packaging/linux, packaging/windows, packaging/macos.
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
options=()
while IFS= read -r line; do
  case "$line" in ''|'#'*) ;; *) options+=(--java-options "$line") ;; esac
done < "$here/java-options"
image_extra=()
case "$(uname -s)" in
  Linux) image_extra=(--icon "$here/linux/jobs-console.png") ;;
  Darwin) image_extra=(--icon "$here/macos/jobs-console.icns" --mac-package-identifier com.jobsconsole.app) ;;
  MINGW*|MSYS*|CYGWIN*) image_extra=(--icon "$here/windows/jobs-console.ico"
                                     --add-launcher "jobs-console-cli=$here/windows/jobs-console-cli.properties") ;;
esac
jpackage --type app-image "${common[@]}" --input "$dist/input" --main-jar jobs-console.jar \
         --main-class com.jobsconsole.app.Launcher --runtime-image "$dist/runtime" --dest "$dist" \
         "${options[@]}" "${image_extra[@]}"
rm -rf "$dist/input" "$dist/runtime"
# the class-data archive (Linux only: cds.sh knows the Linux image's layout; elsewhere the launcher's
# option names a missing archive, which the JVM ignores)
if [ "$(uname -s)" = Linux ]; then
  "$here/cds.sh" "$dist/jobs-console"
fi
case "$(uname -s)" in
  Linux)
    # the packages install to /opt/jobs-console, where the archive made here does not apply: they carry
    # the class list, and linux/postinst makes the archive there (linux/prerm takes it away)
    rm -rf "$dist/for-packages"
    mkdir -p "$dist/for-packages"
    cp -a "$dist/jobs-console" "$dist/for-packages/"
    rm -f "$dist/for-packages/jobs-console/lib/app/jobs-console.jsa"
    jpackage --type deb "${common[@]}" --app-image "$dist/for-packages/jobs-console" --dest "$dist" \
             --license-file "$here/../LICENSE" --linux-shortcut --linux-menu-group "Development" \
             --linux-app-category devel --linux-package-name jobs-console --resource-dir "$here/linux" \
             --icon "$here/linux/jobs-console.png" \
             --linux-package-deps "libgtk-3-0 | libgtk-3-0t64"   # JavaFX loads GTK 3 at run time: jpackage cannot see it
    if command -v rpmbuild >/dev/null 2>&1; then
      jpackage --type rpm "${common[@]}" --app-image "$dist/for-packages/jobs-console" --dest "$dist" \
               --license-file "$here/../LICENSE" --linux-shortcut --linux-menu-group "Development" \
               --resource-dir "$here/linux" --icon "$here/linux/jobs-console.png" --linux-package-deps gtk3
    fi
    rm -rf "$dist/for-packages" ;;
  Darwin)
    # jobs-console://job/GUID links open in the app (macOS hands them to the running app as an event)
    plist="$dist/jobs-console.app/Contents/Info.plist"
    /usr/libexec/PlistBuddy -c "Add :CFBundleURLTypes array" -c "Add :CFBundleURLTypes:0 dict" \
        -c "Add :CFBundleURLTypes:0:CFBundleURLName string com.jobsconsole.link" \
        -c "Add :CFBundleURLTypes:0:CFBundleURLSchemes array" \
        -c "Add :CFBundleURLTypes:0:CFBundleURLSchemes:0 string jobs-console" "$plist"
    jpackage --type dmg "${common[@]}" --app-image "$dist/jobs-console.app" --dest "$dist" \
             --mac-package-identifier com.jobsconsole.app --resource-dir "$here/macos" ;;
  MINGW*|MSYS*|CYGWIN*)
    jpackage --type msi "${common[@]}" --app-image "$dist/jobs-console" --dest "$dist" \
             --win-menu --win-menu-group "Jobs Console" --win-shortcut --win-dir-chooser \
             --win-upgrade-uuid 6f1f3c2e-8d4b-4f0a-9a7e-2b5c1d3e4f60 --resource-dir "$here/windows" \
             --license-file "$here/../LICENSE" ;;
esac
du -sh "$dist"/* 
