package com.jobsconsole.gateway;

/** Thrown when the target refused the credentials. */
public class NotAuthorizedException extends GatewayException {

    public NotAuthorizedException(String messageKey, Object... args) {
        super(messageKey, args, null);
    }

    public NotAuthorizedException(Throwable cause, String messageKey, Object... args) {
        super(messageKey, args, cause);
    }
}
