package com.jobsconsole.gateway;

/** Thrown when a job with that GUID exists already. */
public class AlreadyExistsException extends GatewayException {

    public AlreadyExistsException(String messageKey, Object... args) {
        super(messageKey, args, null);
    }

    public AlreadyExistsException(Throwable cause, String messageKey, Object... args) {
        super(messageKey, args, cause);
    }
}
