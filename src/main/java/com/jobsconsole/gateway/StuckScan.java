package com.jobsconsole.gateway;

import com.jobsconsole.model.StuckJob;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What a look for stuck jobs found: the stuck jobs, and when the next job would become stuck if nothing
 * changed (null: none would) — so a watcher looks again then, or when something changes, and not before.
 */
public record StuckScan(List<StuckJob> stuck, LocalDateTime nextDue) {
}
