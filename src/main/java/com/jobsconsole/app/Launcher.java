package com.jobsconsole.app;

import com.jobsconsole.base.AppDirs;
import com.jobsconsole.base.AppVersion;
import com.jobsconsole.base.StartupTrace;
import com.jobsconsole.cli.CliContext;
import com.jobsconsole.cli.DirectoryCommand;
import com.jobsconsole.cli.JobCommand;
import com.jobsconsole.cli.ProfileCommand;
import com.jobsconsole.cli.ServeCommand;
import com.jobsconsole.cli.StoreCommand;
import com.jobsconsole.gateway.Guids;
import com.jobsconsole.gateway.InvalidInputException;
import com.jobsconsole.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * The entry point. Not a subclass of {@code Application}, so the jar runs on a plain class path.
 * With no command it opens the GUI.
 */
@Command(name = "jobs-console", mixinStandardHelpOptions = true, versionProvider = Launcher.Version.class,
        description = "Desktop console for the Jobs of an RPA orchestrator. Without a command, opens the window.",
        subcommands = {JobCommand.class, DirectoryCommand.class, ProfileCommand.class, StoreCommand.class,
            ServeCommand.class})
public final class Launcher implements Callable<Integer> {

    @Option(names = "--store", paramLabel = "PATH",
            description = "SQLite store file to open (default: $JOBS_CONSOLE_STORE, else the last one used, "
                    + "else jobs.sqlite in the data folder). Created if it does not exist.")
    Path store;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Opens this connection profile (made in the window) as the target once the window shows.")
    String profile;

    @Option(names = "--open", paramLabel = "GUID",
            description = "Opens this job's window once the store is open (a GUID in any usual form: braces, URN, no dashes).")
    String open;

    @Parameters(arity = "0..1", paramLabel = "LINK",
            description = "A link to a job: jobs-console://job/GUID[?profile=NAME | ?store=PATH] (what the desktop "
                    + "passes when a link is clicked).")
    String link;

    @Option(names = "--new-window",
            description = "Starts a window of its own even when one is running (without it, a job to open is handed "
                    + "to the running window).")
    boolean newWindow;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        StartupTrace.mark("main");
        prepareLogging();
        System.exit(new CommandLine(new Launcher()).execute(args));
    }

    /** Points the log file at the data folder before the first logger is made. */
    static void prepareLogging() {
        if (System.getProperty("jobs.console.logdir") == null) {
            System.setProperty("jobs.console.logdir", AppDirs.current().logDir().toString());
        }
    }

    @Override
    public Integer call() {
        Messages messages = new Messages(Locale.getDefault());
        OpenRequest request;
        try {
            request = request();
        } catch (InvalidInputException e) {
            spec.commandLine().getErr().println(messages.describe(e));
            return CliContext.exitCode(e);
        }
        // a job to open and a window of this user's running: that window opens it, and this start ends
        if (request.job() != null && !newWindow
                && SingleInstance.handOver(SingleInstance.socketOf(AppDirs.current()), request)) {
            spec.commandLine().getOut().println(messages.get("link.handedOver", request.job()));
            return 0;
        }
        JobsConsoleApp.launchGui(request.store(), request.profile(), request.job());
        return 0;
    }

    /** What the options and the link ask to open; an {@link InvalidInputException} for a bad one or both at once. */
    private OpenRequest request() {
        UUID guid = open == null ? null : Guids.parse(open);
        if (link == null) {
            return new OpenRequest(guid, profile, store == null ? null : store.toAbsolutePath());
        }
        if (open != null || profile != null || store != null) {
            throw new InvalidInputException("link.withOptions");
        }
        OpenRequest fromLink = OpenRequest.fromLink(link);
        return fromLink.store() == null ? fromLink
                : new OpenRequest(fromLink.job(), null, fromLink.store().toAbsolutePath());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Jobs Console " + AppVersion.version()};
        }
    }
}
