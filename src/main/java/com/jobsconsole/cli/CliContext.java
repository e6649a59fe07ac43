package com.jobsconsole.cli;

import com.jobsconsole.base.AppDirs;
import com.jobsconsole.base.Settings;
import com.jobsconsole.gateway.AlreadyExistsException;
import com.jobsconsole.gateway.InvalidInputException;
import com.jobsconsole.gateway.NotAuthorizedException;
import com.jobsconsole.gateway.NotFoundException;
import com.jobsconsole.gateway.UnavailableException;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.json.ReferenceDataLoader;
import com.jobsconsole.model.ReferenceData;

import java.util.Locale;
import java.util.function.Function;

/** What every command shares: folders, reference data, messages, the environment, exit codes. */
public final class CliContext {

    public static final int OK = 0;
    public static final int OTHER = 1;
    public static final int INVALID_INPUT = 2;
    public static final int NOT_FOUND = 3;
    public static final int NOT_AUTHORIZED = 4;
    public static final int UNAVAILABLE = 5;

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
        if (e instanceof AlreadyExistsException) {
            return OTHER;
        }
        return OTHER;
    }

    /** One line for stderr, in the user's language. */
    static String describe(Throwable e) {
        if (e instanceof CliUsageException) {
            return e.getMessage();
        }
        return messages().describe(e);
    }

    /** A mistake in the command's options that the option parser cannot see. */
    static final class CliUsageException extends RuntimeException {
        CliUsageException(String message) {
            super(message);
        }
    }
}
