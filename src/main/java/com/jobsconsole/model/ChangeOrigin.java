package com.jobsconsole.model;

import java.util.Arrays;

/**
 * Where a change of a job came from, as its status history says: one of the console's own programs
 * (which write it down with the change), the orchestrator (a remote profile's cache learns its changes
 * by reading), or another program writing to the store file.
 */
public enum ChangeOrigin {
    WINDOW("window"),
    COMMAND_LINE("cli"),
    LOCAL_API("serve"),
    ORCHESTRATOR("orchestrator"),
    OTHER_PROGRAM(null);

    private final String code;

    ChangeOrigin(String code) {
        this.code = code;
    }

    /** As the store writes it down (null: not written down, the change was not the console's). */
    public String code() {
        return code;
    }

    /** The origin a store wrote down; {@code unmarked} for none (or one this version does not know). */
    public static ChangeOrigin of(String code, ChangeOrigin unmarked) {
        return code == null ? unmarked
                : Arrays.stream(values()).filter(o -> code.equals(o.code)).findFirst().orElse(unmarked);
    }
}
