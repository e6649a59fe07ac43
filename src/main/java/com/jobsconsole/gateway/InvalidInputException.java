package com.jobsconsole.gateway;

/** Thrown when the input breaks a rule of the API or of the reference data. */
public class InvalidInputException extends GatewayException {

    public InvalidInputException(String messageKey, Object... args) {
        super(messageKey, args, null);
    }

    public InvalidInputException(Throwable cause, String messageKey, Object... args) {
        super(messageKey, args, cause);
    }
}
