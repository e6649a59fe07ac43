package com.jobsconsole.gateway;

/**
 * What the user said of a store file (issue 22), kept in the file itself so that the window, the command
 * line and {@code serve} agree whichever opens it: production (a band in its colour, a typed name before a
 * delete or a change to many jobs) or read-only (every job write refused). A capability of a store.
 */
public interface StoreMarks {

    /** The marks kept in the file (none: a plain store). */
    TargetMarks marks();

    /**
     * Keeps the marks in the file. Allowed on a read-only store (it is how the mark is taken off).
     *
     * @param colour {@code #rrggbb}, or null
     * @throws InvalidInputException for a colour that is not {@code #rrggbb}
     */
    void mark(boolean production, String colour, boolean readOnly);

    /** {@code store} as its marks say: wrapped in a {@link MarkedGateway} when it has any. */
    static JobGateway apply(JobGateway store) {
        return store.capability(StoreMarks.class).map(StoreMarks::marks).filter(TargetMarks::any)
                .map(m -> MarkedGateway.of(store, m)).orElse(store);
    }
}
