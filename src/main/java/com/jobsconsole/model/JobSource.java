package com.jobsconsole.model;

import java.util.Arrays;
import java.util.Optional;

/** Where a job was created, spelled as the orchestrator spells it. */
public enum JobSource {
    GUI("GUI"), TRIGGER("Trigger"), API("API");

    private final String wire;

    JobSource(String wire) {
        this.wire = wire;
    }

    /** The spelling used in the API and in the store. */
    public String wire() {
        return wire;
    }

    public static Optional<JobSource> fromWire(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        return Arrays.stream(values()).filter(s -> s.wire.equalsIgnoreCase(t)).findFirst();
    }

    @Override
    public String toString() {
        return wire;
    }
}
