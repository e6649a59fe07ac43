package com.jobsconsole.gateway;

/** A write to a target marked read-only: refused before anything is sent or stored. */
public final class ReadOnlyException extends GatewayException {
    public ReadOnlyException(String target) {
        super("error.readOnly", new Object[] {target}, null);
    }
}
