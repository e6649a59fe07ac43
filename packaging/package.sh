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
# The JDK that links the runtime and makes the image (issue 25): a Java 25 one, for its AOT cache — from
# $PACKAGING_JDK, else $JAVA_HOME when it is 25 or newer, else the usual install folders; the build and the
# tests stay on the Java that runs Maven. Without one, the image gets that Java and the class-data archive.
feature() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null; }
jdk=""
for candidate in "${PACKAGING_JDK:-}" "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk* /usr/lib/jvm/java-25-* \
                 /usr/lib/jvm/jdk-25* /Library/Java/JavaVirtualMachines/*25*/Contents/Home "/c/Program Files/Eclipse Adoptium/jdk-25"*; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/jpackage" ] && [ "$(feature "$candidate")" -ge 25 ] 2>/dev/null; then
    jdk=$candidate
    break
  fi
done
if [ -z "$jdk" ]; then
  jdk=$(dirname "$(dirname "$(readlink -f "$(command -v jpackage)")")")
  echo "package.sh: no Java 25 JDK found (PACKAGING_JDK, JAVA_HOME, /usr/lib/jvm): the image gets Java $(feature "$jdk") and the class-data archive instead of an AOT cache" >&2
fi
version_of_jdk=$(feature "$jdk")
echo "package.sh: linking the runtime with $jdk (Java $version_of_jdk)"
if [ "$version_of_jdk" -ge 25 ]; then
  cache=aot
  compress=zip-6
  # beside the cache, what Java 25 has and 17 has not: native access for sqlite-jdbc and JNA, and JavaFX's
  # Marlin renderer allowed its sun.misc.Unsafe memory without a warning at every start; for the window also
  # the C heap given back to the system every 3 s (glibc keeps what GTK, Prism and SQLite freed; issue 25's
  # resident memory)
  cache_options=("-XX:AOTCache=\$APPDIR/jobs-console.aot" "-Xlog:aot=off" "-Xlog:cds=off" "--enable-native-access=ALL-UNNAMED"
                 "--sun-misc-unsafe-memory-access=allow")
  window_options=("-XX:TrimNativeHeapInterval=3000")   # the window only: bulk commands keep the JVM's defaults
else
  cache=cds
  compress=2
  cache_options=("-XX:SharedArchiveFile=\$APPDIR/jobs-console.jsa" "-Xlog:cds=off" "-Xlog:cds+dynamic=off")
  window_options=()
fi
"$jdk/bin/jlink" --add-modules "$(tr -d '\n ' < "$here/modules.txt")" --strip-debug --no-header-files --no-man-pages \
      --compress="$compress" --output "$dist/runtime"
appversion=${version%%-*}   # jpackage takes numbers only: 0.1.0-SNAPSHOT -> 0.1.0
common=(--name jobs-console --app-version "$appversion" --vendor "Jobs Console developers"
        --description "Desktop console for the Jobs of an RPA orchestrator")
options=()
while IFS= read -r line; do
  case "$line" in ''|'#'*) ;; *) options+=(--java-options "$line") ;; esac
done < "$here/java-options"
for o in "${cache_options[@]}" ${window_options[@]+"${window_options[@]}"}; do options+=(--java-options "$o"); done
# the command-line launcher: the JVM's defaults (as java -jar), with the same cache and native access
cli_props=$dist/jobs-console-cli.properties
cli_base=$here/linux/jobs-console-cli.properties
case "$(uname -s)" in MINGW*|MSYS*|CYGWIN*) cli_base=$here/windows/jobs-console-cli.properties ;; esac
# on Java 25 a cache of its own, trained by a command (aot.sh): the window's cache held the jar's bulk
# export back by 5-10% (its method profiles are a window's start), one trained by an import does not
{ cat "$cli_base"; echo "java-options=${cache_options[*]/jobs-console.aot/jobs-console-cli.aot}"; } > "$cli_props"
image_extra=()
case "$(uname -s)" in
  Linux) image_extra=(--icon "$here/linux/jobs-console.png" --add-launcher "jobs-console-cli=$cli_props") ;;
  Darwin) image_extra=(--icon "$here/macos/jobs-console.icns" --mac-package-identifier com.jobsconsole.app) ;;
  MINGW*|MSYS*|CYGWIN*) image_extra=(--icon "$here/windows/jobs-console.ico"
                                     --add-launcher "jobs-console-cli=$cli_props") ;;
esac
"$jdk/bin/jpackage" --type app-image "${common[@]}" --input "$dist/input" --main-jar jobs-console.jar \
         --main-class com.jobsconsole.app.Launcher --runtime-image "$dist/runtime" --dest "$dist" \
         "${options[@]}" "${image_extra[@]}"
rm -rf "$dist/input" "$dist/runtime" "$cli_props"
# Linux: launchers that start the runtime at once (jpackage's asks rpm and dpkg which package owns it first)
if [ "$(uname -s)" = Linux ]; then
  "$here/linux/script-launchers.sh" "$dist/jobs-console"
fi
# the start-up cache (Linux only: the scripts know the Linux image's layout; elsewhere the launcher's
# option names a missing file, which the JVM ignores): the AOT cache on Java 25, else the class-data archive
if [ "$(uname -s)" = Linux ]; then
  "$here/$cache.sh" "$dist/jobs-console"
fi
case "$(uname -s)" in
  Linux)
    # the packages install to /opt/jobs-console: the AOT cache holds there as it is; the class-data archive
    # (Java 17) does not, so they carry its class list and linux/postinst makes it there (linux/prerm takes it away)
    rm -rf "$dist/for-packages"
    mkdir -p "$dist/for-packages"
    cp -a "$dist/jobs-console" "$dist/for-packages/"
    rm -f "$dist/for-packages/jobs-console/lib/app/jobs-console.jsa"
    "$jdk/bin/jpackage" --type deb "${common[@]}" --app-image "$dist/for-packages/jobs-console" --dest "$dist" \
             --license-file "$here/../LICENSE" --linux-shortcut --linux-menu-group "Development" \
             --linux-app-category devel --linux-package-name jobs-console --resource-dir "$here/linux" \
             --icon "$here/linux/jobs-console.png" \
             --linux-package-deps "libgtk-3-0 | libgtk-3-0t64"   # JavaFX loads GTK 3 at run time: jpackage cannot see it
    if command -v rpmbuild >/dev/null 2>&1; then
      "$jdk/bin/jpackage" --type rpm "${common[@]}" --app-image "$dist/for-packages/jobs-console" --dest "$dist" \
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
    "$jdk/bin/jpackage" --type dmg "${common[@]}" --app-image "$dist/jobs-console.app" --dest "$dist" \
             --mac-package-identifier com.jobsconsole.app --resource-dir "$here/macos" ;;
  MINGW*|MSYS*|CYGWIN*)
    "$jdk/bin/jpackage" --type msi "${common[@]}" --app-image "$dist/jobs-console" --dest "$dist" \
             --win-menu --win-menu-group "Jobs Console" --win-shortcut --win-dir-chooser \
             --win-upgrade-uuid 6f1f3c2e-8d4b-4f0a-9a7e-2b5c1d3e4f60 --resource-dir "$here/windows" \
             --license-file "$here/../LICENSE" ;;
esac
du -sh "$dist"/* 
