package com.jobsconsole.ui.attention;

import com.jobsconsole.model.StuckJob;

import java.util.UUID;

/**
 * One stuck job as the Needs attention list shows it: its rule, its reason in words, robot and process
 * by name where the directory has them, and the fix its rule suggests.
 */
public record StuckItemViewModel(StuckJob stuck, String rule, String guid, String status, String reason, String robot,
                                 String process, String fix) {

    public UUID jobGuid() {
        return stuck.job().guid();
    }
}
