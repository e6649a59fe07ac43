package com.jobsconsole.gateway.remote;

import com.jobsconsole.gateway.ConnectionCheck;
import com.jobsconsole.gateway.GatewayException;
import com.jobsconsole.gateway.NotAuthorizedException;
import com.jobsconsole.gateway.NotFoundException;
import com.jobsconsole.gateway.RemoteTarget;
import com.jobsconsole.gateway.UnavailableException;
import com.jobsconsole.json.ReferenceDataLoader;

import java.util.UUID;

/** {@link ConnectionCheck} through the Job API: a read of a job that cannot exist (404 = reachable and authorized). */
public final class ApiConnectionCheck implements ConnectionCheck {

    public static final ApiConnectionCheck INSTANCE = new ApiConnectionCheck();

    private ApiConnectionCheck() {
    }

    @Override
    public Result check(RemoteTarget target) {
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
