package com.jobsconsole.gateway;

/**
 * A write that would overwrite a change made elsewhere (or that the orchestrator refused while it
 * waited): it is kept in the outbox as a conflict until the user chooses apply mine, keep theirs or
 * discard. Nothing was overwritten.
 */
public final class ConflictException extends GatewayException {
    public ConflictException(String messageKey, Object... args) {
        super(messageKey, args, null);
    }
}
