package com.jobsconsole.gateway;

/**
 * "Test connection": asks an orchestrator something harmless and tells from the answer whether it is
 * reachable and takes the key. The front doors get an implementation from the application's wiring.
 */
@FunctionalInterface
public interface ConnectionCheck {

    /** What the test found. */
    enum Verdict { REACHABLE_AUTHORIZED, KEY_REJECTED, NOT_REACHABLE, REACHABLE_REJECTED }

    /** The verdict and the gateway's own words (null when all is well). */
    record Result(Verdict verdict, GatewayException detail) {
    }

    Result check(RemoteTarget target);
}
