package com.jobsconsole.model;

/** One row of the type table, as read from {@code job-types.json}. */
public record JobType(int code, String key, LocalizedText name, LocalizedText description) {
}
