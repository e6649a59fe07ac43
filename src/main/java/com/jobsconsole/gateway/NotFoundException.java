package com.jobsconsole.gateway;

/** Thrown when no job has that GUID. */
public class NotFoundException extends GatewayException {

    public NotFoundException(String messageKey, Object... args) {
        super(messageKey, args, null);
    }

    public NotFoundException(Throwable cause, String messageKey, Object... args) {
        super(messageKey, args, cause);
    }
}
