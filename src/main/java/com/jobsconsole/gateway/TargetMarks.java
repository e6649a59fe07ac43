package com.jobsconsole.gateway;

/**
 * What the user said of a target (issue 22; a capability of a marked target, {@link MarkedGateway}):
 * {@code production} — shown in its colour across the window, and a delete or a change to more than one
 * job asks for its name to be typed; {@code readOnly} — every write refused.
 *
 * @param colour the production band's colour, {@code #rrggbb} (null: none)
 */
public record TargetMarks(String name, boolean production, String colour, boolean readOnly) {

    /** Whether there is anything to say (a plain target is not wrapped). */
    public boolean any() {
        return production || readOnly;
    }
}
