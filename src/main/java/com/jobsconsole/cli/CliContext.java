package com.jobsconsole.cli;

import com.jobsconsole.base.ApiKey;
import com.jobsconsole.base.AppDirs;
import com.jobsconsole.base.AuthScheme;
import com.jobsconsole.base.Settings;
import com.jobsconsole.gateway.AlreadyExistsException;
import com.jobsconsole.gateway.ConflictException;
import com.jobsconsole.gateway.GatewayException;
import com.jobsconsole.gateway.Guids;
import com.jobsconsole.gateway.InvalidInputException;
import com.jobsconsole.gateway.NotAuthorizedException;
import com.jobsconsole.gateway.NotFoundException;
import com.jobsconsole.gateway.ReadOnlyException;
import com.jobsconsole.gateway.ReplayBusyException;
import com.jobsconsole.gateway.UnavailableException;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.json.ReferenceDataLoader;
import com.jobsconsole.model.ReferenceData;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** What every command shares: folders, reference data, messages, the environment, exit codes. */
public final class CliContext {

    public static final int OK = 0;
    public static final int OTHER = 1;
    public static final int INVALID_INPUT = 2;
    public static final int NOT_FOUND = 3;
    public static final int NOT_AUTHORIZED = 4;
    public static final int UNAVAILABLE = 5;
    /** A write to a target marked read-only was refused. */
    public static final int READ_ONLY = 6;
    /** A change waits for the user's decision on a conflict (remote targets). */
    public static final int CONFLICT = 7;
    /** Another replay of the same orchestrator cache is sending (another job sync, the window): nothing was sent. */
    public static final int BUSY = 8;

    /** The environment; tests give their own. */
    static volatile Function<String, String> env = System::getenv;

    private CliContext() {
    }

    static AppDirs dirs() {
        return AppDirs.current();
    }

    static Settings settings() {
        return Settings.load(dirs().settingsFile());
    }

    static ReferenceData reference() {
        return ReferenceDataLoader.load(dirs().referenceOverrideDir());
    }

    static Messages messages() {
        return new Messages(Locale.getDefault());
    }

    /** The exit code of a failure, as the README documents them. */
    public static int exitCode(Throwable e) {
        if (e instanceof InvalidInputException || e instanceof CliUsageException) {
            return INVALID_INPUT;
        }
        if (e instanceof NotFoundException) {
            return NOT_FOUND;
        }
        if (e instanceof NotAuthorizedException) {
            return NOT_AUTHORIZED;
        }
        if (e instanceof UnavailableException) {
            return UNAVAILABLE;
        }
        if (e instanceof ReadOnlyException) {
            return READ_ONLY;
        }
        if (e instanceof ReplayBusyException) {
            return BUSY;
        }
        if (e instanceof ConflictException) {
            return CONFLICT;
        }
        if (e instanceof AlreadyExistsException) {
            return OTHER;
        }
        return OTHER;
    }

    /** {@code --auth}: bearer, basic or raw. */
    static AuthScheme authScheme(String text) {
        try {
            return AuthScheme.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CliUsageException("--auth must be bearer, basic or raw");
        }
    }

    /** {@code --timeout}: 1 to 3600 seconds. */
    static int timeoutSeconds(int seconds) {
        if (seconds < 1 || seconds > 3600) {
            throw new CliUsageException("--timeout must be 1 to 3600 seconds");
        }
        return seconds;
    }

    /**
     * The API key from exactly one of a file (its first line), an environment variable or the first line
     * of standard input; never from the command line itself. {@code oneOf} says which options there are.
     */
    static ApiKey apiKey(Path file, String env, boolean stdin, String oneOf) {
        if ((file != null ? 1 : 0) + (env != null ? 1 : 0) + (stdin ? 1 : 0) != 1) {
            throw new CliUsageException("give the API key with exactly one of " + oneOf);
        }
        String text;
        try {
            if (file != null) {
                List<String> lines = Files.readAllLines(file);
                text = lines.isEmpty() ? "" : lines.get(0);
            } else if (env != null) {
                text = CliContext.env.apply(env);
                if (text == null) {
                    throw new CliUsageException("the environment variable " + env + " is not set");
                }
            } else {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                text = line == null ? "" : line;
            }
        } catch (IOException e) {
            throw new CliUsageException("cannot read the API key" + (file != null ? " file " + file : "") + ": "
                    + e.getClass().getSimpleName());
        }
        try {
            return ApiKey.of(text);
        } catch (IllegalArgumentException e) {
            throw new CliUsageException(e.getMessage());
        }
    }

    /** One line for stderr, in the user's language (with why, when a gateway failure has a reason of its own). */
    static String describe(Throwable e) {
        if (e instanceof CliUsageException) {
            return e.getMessage();
        }
        String text = messages().describe(e);
        if (e instanceof GatewayException && e.getCause() instanceof GatewayException cause) {
            text += " (" + messages().describe(cause) + ")";
        }
        return text;
    }

    /**
     * Every GUID in the text of a file, or of standard input for {@code -} (mail, log lines, CSV, JSON; any form):
     * {@code job read -} and {@code job watch}. A usage error when the text cannot be read or holds none.
     */
    static Set<UUID> guidsIn(String source) {
        String name = "-".equals(source) ? "standard input" : source;
        String text;
        try {
            text = "-".equals(source) ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(source), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliUsageException("cannot read " + name + ": " + e.getMessage());
        }
        Set<UUID> guids = Guids.findAll(text);
        if (guids.isEmpty()) {
            throw new CliUsageException("no GUID in " + name);
        }
        return guids;
    }

    /** A mistake in the command's options that the option parser cannot see. */
    static final class CliUsageException extends RuntimeException {
        CliUsageException(String message) {
            super(message);
        }
    }
}
