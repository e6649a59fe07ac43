package com.jobsconsole.gateway;

import java.util.Arrays;

/**
 * Something a gateway could not do, said in the user's terms. It carries a message key and its
 * arguments; every front door (GUI, command line, server) renders them in its user's language
 * (see {@code Messages.describe}). {@link #getMessage()} is the key and the arguments, for logs
 * and developers: it is never shown to a user.
 */
public abstract class GatewayException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    protected GatewayException(String messageKey, Object[] args, Throwable cause) {
        super(developerText(messageKey, args), cause);
        this.messageKey = messageKey;
        this.args = args == null ? new Object[0] : args.clone();
    }

    private static String developerText(String key, Object[] args) {
        return args == null || args.length == 0 ? key : key + " " + Arrays.toString(args);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
