package com.jobsconsole.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a directory entry names: a robot, a process version or an account, by the numeric id jobs carry. */
public enum DirectoryKind {
    ROBOT("robot"), PROCESS_VERSION("process_version"), ACCOUNT("account");

    private final String wire;

    DirectoryKind(String wire) {
        this.wire = wire;
    }

    /** As written in files and on the command line: {@code robot}, {@code process_version}, {@code account}. */
    public String wire() {
        return wire;
    }

    /** The kind written this way (any case, {@code -} for {@code _}), if any. */
    public static Optional<DirectoryKind> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(k -> k.wire.equals(t)).findFirst();
    }
}
