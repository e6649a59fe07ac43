package com.jobsconsole.gateway;

import com.jobsconsole.i18n.I18n;

import java.util.Locale;

/**
 * Something a gateway could not do, said in the user's terms. It carries a message key and its
 * arguments so every front door (GUI, command line, server) can say it in its user's language;
 * {@link #getMessage()} is the English text, for logs.
 */
public abstract class GatewayException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    protected GatewayException(String messageKey, Object[] args, Throwable cause) {
        super(I18n.format(Locale.ENGLISH, messageKey, args), cause);
        this.messageKey = messageKey;
        this.args = args == null ? new Object[0] : args.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    /** The message in the given language. */
    public String localizedMessage(Locale locale) {
        return I18n.format(locale, messageKey, args);
    }

    @Override
    public String getLocalizedMessage() {
        return localizedMessage(Locale.getDefault());
    }
}
