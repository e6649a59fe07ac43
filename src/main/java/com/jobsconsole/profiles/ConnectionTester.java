package com.jobsconsole.profiles;

import com.jobsconsole.gateway.GatewayException;
import com.jobsconsole.gateway.NotAuthorizedException;
import com.jobsconsole.gateway.NotFoundException;
import com.jobsconsole.gateway.UnavailableException;
import com.jobsconsole.gateway.remote.JobApiClient;
import com.jobsconsole.gateway.remote.RemoteTarget;
import com.jobsconsole.json.ReferenceDataLoader;

import java.util.UUID;

/**
 * Asks an orchestrator something harmless (read a job that cannot exist) and tells from the answer
 * whether it is reachable and takes the key.
 */
public final class ConnectionTester {

    /** What the test found. */
    public enum Verdict { REACHABLE_AUTHORIZED, KEY_REJECTED, NOT_REACHABLE, REACHABLE_REJECTED }

    /** The verdict and the gateway's own words (empty when all is well). */
    public record Result(Verdict verdict, GatewayException detail) {
    }

    private ConnectionTester() {
    }

    public static Result test(RemoteTarget target) {
        try {
            new JobApiClient(target, ReferenceDataLoader.loadDefault()).read(UUID.randomUUID());
            return new Result(Verdict.REACHABLE_AUTHORIZED, null);
        } catch (NotFoundException e) {
            return new Result(Verdict.REACHABLE_AUTHORIZED, null);
        } catch (NotAuthorizedException e) {
            return new Result(Verdict.KEY_REJECTED, e);
        } catch (UnavailableException e) {
            return new Result(Verdict.NOT_REACHABLE, e);
        } catch (GatewayException e) {
            return new Result(Verdict.REACHABLE_REJECTED, e);
        }
    }
}
