package com.jobsconsole.gateway;

import com.jobsconsole.model.UsualDuration;

import java.util.List;
import java.util.Optional;

/**
 * A target that tells how long its process versions' runs usually take (a store file, a remote
 * profile's cache; {@link JobGateway#capability}): from each version's last {@link #RUNS} finished runs.
 */
public interface JobDurations {

    /** How many of a version's newest finished runs its usual duration is taken from. */
    int RUNS = 200;

    /** The version's usual duration, or empty when none of its runs has finished. */
    Optional<UsualDuration> usual(long processVersionId);

    /** Every version's usual duration (those with a finished run), by version id. */
    List<UsualDuration> usualPerVersion();
}
