package com.jobsconsole.gateway;

/**
 * Another replay of the same orchestrator cache is sending its waiting writes (another {@code job
 * sync}, the window's own replay): this one sent nothing, so nothing is sent twice.
 */
public final class ReplayBusyException extends GatewayException {

    private final long pid;

    /** @param pid the holder's process id (-1: not known); {@code what}: how it named itself; {@code since}: when it took over */
    public ReplayBusyException(long pid, String what, String since) {
        super("error.remote.replayBusy", new Object[] {pid < 0 ? "?" : Long.toString(pid), what, since}, null);
        this.pid = pid;
    }

    /** The holder's process id, or -1. */
    public long pid() {
        return pid;
    }
}
