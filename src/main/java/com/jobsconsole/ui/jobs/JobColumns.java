package com.jobsconsole.ui.jobs;

import java.util.Map;
import java.util.function.Function;

import static java.util.Map.entry;

/**
 * What each text column of the jobs table shows, by the column's {@code fx:id} in JobsBrowser.fxml,
 * and which of them say more on hover. (Status and the outbox mark draw their own cells.)
 */
final class JobColumns {

    static final Map<String, Function<JobRowViewModel, String>> TEXT = Map.ofEntries(
            entry("typeColumn", JobRowViewModel::typeName),
            entry("sourceColumn", JobRowViewModel::source),
            entry("robotColumn", JobRowViewModel::robot),
            entry("robotIdColumn", JobRowViewModel::robotId),
            entry("processColumn", JobRowViewModel::processVersion),
            entry("processIdColumn", JobRowViewModel::processVersionId),
            entry("taskColumn", JobRowViewModel::task),
            entry("scheduleColumn", JobRowViewModel::schedule),
            entry("createdColumn", JobRowViewModel::created),
            entry("startedColumn", JobRowViewModel::started),
            entry("completedColumn", JobRowViewModel::completed),
            entry("durationColumn", JobRowViewModel::duration),
            entry("updatedColumn", JobRowViewModel::updated),
            entry("stopAfterColumn", JobRowViewModel::stopAfter),
            entry("abortAfterColumn", JobRowViewModel::abortAfter));

    /** A name's column tells its id on hover (and that the directory has no name for it). */
    static final Map<String, Function<JobRowViewModel, String>> TIPS = Map.of(
            "robotColumn", JobRowViewModel::robotTip,
            "processColumn", JobRowViewModel::processVersionTip);

    private JobColumns() {
    }
}
