package com.jobsconsole.gateway;

/**
 * A remote target that can fill its directory of names from the orchestrator's own robot methods
 * ({@code GET /api/robot/read}): a name is taken only where the answer carries the numeric id the jobs
 * use — never a mapping guessed from order or position.
 */
public interface DirectoryRefresh {

    /**
     * @param named   robots named (the answer carried their id and a name)
     * @param unnamed robots left out (no numeric id, or no name, in the answer)
     */
    record Report(int named, int unnamed) {
    }

    /** Reads the orchestrator's robots and names those it can in the directory. */
    Report refreshDirectory();
}
