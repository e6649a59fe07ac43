package com.jobsconsole.cli;

import com.jobsconsole.gateway.DirectoryRefresh;
import com.jobsconsole.gateway.JobDirectory;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.DirectoryEntry;
import com.jobsconsole.model.DirectoryKind;
import com.jobsconsole.transfer.DirectoryTransfer;
import com.jobsconsole.transfer.JobTransfer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code directory list|import|export|set|remove}: the names of the robots, process versions and
 * accounts the jobs carry by number, kept in a store (or a remote profile's cache).
 */
@Command(name = "directory", mixinStandardHelpOptions = true,
        description = "List, import, export, set and remove the names of robots, process versions and accounts.",
        subcommands = {DirectoryCommand.ListEntries.class, DirectoryCommand.Import.class, DirectoryCommand.Export.class,
            DirectoryCommand.Set.class, DirectoryCommand.Remove.class, DirectoryCommand.Refresh.class},
        footer = {"", "Kinds: robot, process_version, account. Exit codes as for job: 0 done, 2 invalid input,",
            "3 not found, 5 unavailable, 1 anything else."})
public final class DirectoryCommand extends CommandGroup {

    /** The directory of the target the options name. */
    static JobDirectory directory(JobGateway gateway) {
        return gateway.capability(JobDirectory.class).orElseThrow(() ->
                new CliContext.CliUsageException("this target keeps no directory of names"));
    }

    static DirectoryKind kind(String text) {
        return DirectoryKind.of(text).orElseThrow(() ->
                new CliContext.CliUsageException("the kind must be robot, process_version or account, not \"" + text + "\""));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the names (all kinds, or one).")
    static final class ListEntries extends JobCommand.Action {
        @Option(names = "--kind", paramLabel = "KIND", description = "Only robot, process_version or account.")
        String kind;
        @Option(names = "--json", description = "As a JSON array of objects.")
        boolean json;

        @Override
        void check() {
            if (kind != null) {
                kind(kind);
            }
        }

        @Override
        void run(JobGateway gateway, PrintWriter out) {
            List<DirectoryEntry> entries = directory(gateway).entries(kind == null ? null : kind(kind));
            if (json) {
                out.println(JobJson.writeValue(entries.stream().map(DirectoryTransfer::fields).toList()));
                return;
            }
            for (DirectoryEntry e : entries) {
                out.printf("%-16s %8d  %s%s%n", e.kind().wire(), e.id(), e.label(),
                        e.kind() == DirectoryKind.ROBOT && e.detail() != null ? " (" + e.detail() + ")" : "");
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Read names from a CSV (header: kind,id,name[,detail,guid,description]) or JSON file: "
                    + "all of them in one transaction, or none.")
    static final class Import extends JobCommand.Action {
        @Mixin
        ImportFile input;

        @Override
        boolean writes() {
            return true;
        }

        @Override
        void run(JobGateway gateway, PrintWriter out) {
            JobDirectory directory = directory(gateway);
            DirectoryTransfer.Read read;
            try {
                read = DirectoryTransfer.read(input.file, input.format());
            } catch (IOException | UncheckedIOException e) {
                throw new CliContext.CliUsageException("cannot read " + input.file + ": " + e.getMessage());
            }
            input.reportBadRows(out, read.bad(), read.bad().size());
            directory.put(read.entries());
            out.printf("Imported %d names%s%n", read.entries().size(),
                    read.bad().isEmpty() ? "" : " (" + read.bad().size() + " bad row(s) left out)");
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write every name to a CSV or JSON file.")
    static final class Export extends JobCommand.Action {
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
        Path file;
        @Option(names = "--format", description = "csv or json (default: from the file name, else csv).")
        String format;

        @Override
        void run(JobGateway gateway, PrintWriter out) {
            JobTransfer.Format f = format != null ? StoreJobCommands.format(format) : JobTransfer.Format.of(file);
            List<DirectoryEntry> entries = directory(gateway).entries(null);
            try (OutputStream w = new BufferedOutputStream(Files.newOutputStream(file))) {
                DirectoryTransfer.write(entries, f, w);
            } catch (IOException e) {
                throw new CliContext.CliUsageException("cannot write " + file + ": " + e.getMessage());
            }
            out.printf("Exported %d names to %s%n", entries.size(), file);
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Name a robot, process version or account.")
    static final class Set extends JobCommand.Action {
        @Parameters(index = "0", paramLabel = "KIND", description = "robot, process_version or account")
        String kind;
        @Parameters(index = "1", paramLabel = "ID", description = "The number the jobs carry.")
        long id;
        @Option(names = "--name", required = true, description = "The name (a process version: the process's name).")
        String name;
        @Option(names = "--detail", description = "A robot's machine, or a process version's version name.")
        String detail;
        @Option(names = "--guid", description = "The orchestrator's GUID of the robot or process version.")
        String guid;
        @Option(names = "--description", description = "Free text.")
        String description;

        @Override
        boolean writes() {
            return true;
        }

        @Override
        void check() {
            kind(kind);
            if (id <= 0) {
                throw new CliContext.CliUsageException("the id must be a positive whole number");
            }
            if (name == null || name.isBlank()) {
                throw new CliContext.CliUsageException("--name must not be empty");
            }
        }

        @Override
        void run(JobGateway gateway, PrintWriter out) {
            DirectoryEntry e = new DirectoryEntry(kind(kind), id, name, detail, guid, description);
            directory(gateway).put(List.of(e));
            out.printf("%s %d is %s%n", e.kind().wire(), e.id(), e.label());
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Forget the name of an id.")
    static final class Remove extends JobCommand.Action {
        @Parameters(index = "0", paramLabel = "KIND", description = "robot, process_version or account")
        String kind;
        @Parameters(index = "1", paramLabel = "ID")
        long id;

        @Override
        void check() {
            kind(kind);
        }

        @Override
        void run(JobGateway gateway, PrintWriter out) {
            if (!directory(gateway).remove(kind(kind), id)) {
                out.flush();
                spec.commandLine().getErr().println("directory remove: no " + kind(kind).wire() + " " + id
                        + " in the directory");
                exit = CliContext.NOT_FOUND;
                return;
            }
            out.printf("Removed %s %d%n", kind(kind).wire(), id);
        }
    }

    @Command(name = "refresh", mixinStandardHelpOptions = true,
            description = "Name the robots from the orchestrator's own robot list (GET /api/robot/read): only those "
                    + "whose answer carries the numeric id the jobs use (--remote or --profile).")
    static final class Refresh extends JobCommand.RemoteAction {
        @Override
        void run(JobGateway gateway, PrintWriter out) {
            DirectoryRefresh refresh = gateway.capability(DirectoryRefresh.class).orElseThrow(() ->
                    new CliContext.CliUsageException("this target cannot read an orchestrator's robots"));
            DirectoryRefresh.Report report = refresh.refreshDirectory();
            out.printf("Named %d robots from %s; %d left out (the answer had no numeric id or no name for them)%n",
                    report.named(), target.name(), report.unnamed());
        }
    }
}
