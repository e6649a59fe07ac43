package com.jobsconsole.cli;

import com.jobsconsole.i18n.Messages;
import com.jobsconsole.transfer.JobImport;
import com.jobsconsole.transfer.JobTransfer;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What an import takes on the command line ({@code job import}, {@code directory import}): the file,
 * its format, and whether the good rows go in when some are bad — and how its bad rows are reported.
 */
final class ImportFile {

    @Parameters(paramLabel = "FILE")
    Path file;
    @Option(names = "--format", description = "csv or json (default: from the file name).")
    String format;
    @Option(names = "--skip-bad", description = "Import the good rows even when some rows are bad.")
    boolean skipBad;

    /** The file's format: as given, else from its name; an import reads CSV or JSON. */
    JobTransfer.Format format() {
        JobTransfer.Format f = format != null ? StoreJobCommands.format(format) : JobTransfer.Format.of(file);
        if (f == JobTransfer.Format.XLSX) {
            throw new CliContext.CliUsageException("import reads csv or json");
        }
        return f;
    }

    /**
     * Prints each bad row with its line ({@code shown} of {@code count}) and, unless {@code --skip-bad},
     * refuses the import: nothing is stored while any row is bad.
     */
    void reportBadRows(PrintWriter out, List<JobImport.Problem> shown, long count) {
        Messages messages = new Messages(Locale.ENGLISH);
        for (JobImport.Problem bad : shown) {
            out.printf("line %d: %s%n", bad.line(), bad.text(messages));
        }
        if (count > shown.size()) {
            out.printf("... and %d more bad row(s)%n", count - shown.size());
        }
        if (count > 0 && !skipBad) {
            throw new CliContext.CliUsageException(count + " bad row(s); nothing was imported (fix them, or use --skip-bad)");
        }
    }
}
