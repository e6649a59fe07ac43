package com.jobsconsole.cli;

import com.jobsconsole.gateway.StoreMarks;
import com.jobsconsole.gateway.TargetMarks;
import com.jobsconsole.gateway.UnavailableException;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code store mark}: a store file marked production or read-only (issue 22), kept in the file. */
@Command(name = "store", mixinStandardHelpOptions = true, description = "What a store file is marked.",
        subcommands = {StoreCommand.Mark.class})
public final class StoreCommand extends CommandGroup {

    @Command(name = "mark", mixinStandardHelpOptions = true,
            description = {"Show or change a store file's marks: production (its colour across the window; a delete or "
                    + "a change to many jobs asks for the file's name) and read-only (every job write refused: the "
                    + "window, the command line with exit 6, serve with 403).",
                "Without options it prints the marks. The marks are kept in the file: every program agrees."})
    static final class Mark implements Callable<Integer> {
        @Option(names = "--store", paramLabel = "PATH", description = "The store file (default: the GUI's store).")
        Path store;
        @Option(names = "--production", negatable = true, description = "Production (--no-production: not).")
        Boolean production;
        @Option(names = "--colour", paramLabel = "#RRGGBB", description = "The production band's colour.")
        String colour;
        @Option(names = "--read-only", negatable = true, description = "Read-only (--no-read-only: writable).")
        Boolean readOnly;
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path file = CliContext.dirs().startupStore(store, System.getenv(), CliContext.settings().lastStore());
            try {
                if (!Files.isRegularFile(file)) {
                    throw new UnavailableException("error.store.missing", file.toString());
                }
                try (SqliteJobGateway s = SqliteJobGateway.open(file, CliContext.reference())) {
                    StoreMarks marks = s.capability(StoreMarks.class).orElseThrow();
                    TargetMarks now = marks.marks();
                    if (production != null || colour != null || readOnly != null) {
                        marks.mark(production != null ? production : now.production(),
                                colour != null ? colour : now.colour(), readOnly != null ? readOnly : now.readOnly());
                        now = marks.marks();
                    }
                    out.printf("%s: %s%s%n", file, now.production() ? "production (" + now.colour() + ")" : "not production",
                            now.readOnly() ? ", read-only" : ", writable");
                }
                return CliContext.OK;
            } catch (RuntimeException e) {
                err.println("jobs-console store mark: " + CliContext.describe(e));
                return CliContext.exitCode(e);
            }
        }
    }
}
