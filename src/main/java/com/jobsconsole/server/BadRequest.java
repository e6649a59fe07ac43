package com.jobsconsole.server;

/** A request the server refuses before it reaches the gateway: its status, code and reason. */
final class BadRequest extends Exception {

    final int status;
    final String code;
    String allow;

    BadRequest(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    BadRequest withAllow(String value) {
        this.allow = value;
        return this;
    }
}
