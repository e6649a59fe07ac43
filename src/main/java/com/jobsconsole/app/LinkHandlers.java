package com.jobsconsole.app;

import com.jobsconsole.base.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.Desktop;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The desktop's part in {@code jobs-console://} links, beside Linux's menu entry (which passes the link on the
 * command line): on Windows the installed app names itself the links' handler for its user (the registry's
 * {@code HKCU\Software\Classes\jobs-console}, as browsers and chat apps do); on macOS the system hands a link
 * to the running app as an event, which opens it like a second start's hand-over.
 */
final class LinkHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(LinkHandlers.class);
    private static final String OS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);

    private LinkHandlers() {
    }

    /** Windows, installed app: registers the launcher as the user's handler of the links (off the FX thread). */
    static void registerOnWindows() {
        String launcher = System.getProperty("jpackage.app-path"); // set by the installed launcher only
        if (!OS.startsWith("windows") || launcher == null) {
            return;
        }
        String key = "HKCU\\Software\\Classes\\" + OpenRequest.SCHEME;
        List<List<String>> commands = List.of(
                List.of("reg", "add", key, "/ve", "/d", "URL:Jobs Console link", "/f"),
                List.of("reg", "add", key, "/v", "URL Protocol", "/d", "", "/f"),
                List.of("reg", "add", key + "\\shell\\open\\command", "/ve", "/d", "\"" + launcher + "\" \"%1\"", "/f"));
        DaemonThreads.thread("jobs-console-link-handler", () -> {
            for (List<String> command : commands) {
                try {
                    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                    p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                    if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                        LOG.warn("jobs-console:// links are not registered: {} failed", command);
                        return;
                    }
                } catch (Exception e) {
                    LOG.warn("jobs-console:// links are not registered: {}", e.toString());
                    return;
                }
            }
        }).start();
    }

    /** macOS: the links the system hands to the app (at its start too) go to {@code onLink}. */
    static void listenOnMac(Consumer<String> onLink) {
        if (!OS.contains("mac")) {
            return;
        }
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.APP_OPEN_URI)) {
                Desktop.getDesktop().setOpenURIHandler(e -> onLink.accept(e.getURI().toString()));
            }
        } catch (RuntimeException e) {
            LOG.warn("jobs-console:// links cannot be received: {}", e.toString());
        }
    }
}
