package com.jobsconsole.gateway;

/** Thrown when the store or server cannot be reached or used now (the cause is kept for the log). */
public class UnavailableException extends GatewayException {

    public UnavailableException(String messageKey, Object... args) {
        super(messageKey, args, null);
    }

    public UnavailableException(Throwable cause, String messageKey, Object... args) {
        super(messageKey, args, cause);
    }
}
