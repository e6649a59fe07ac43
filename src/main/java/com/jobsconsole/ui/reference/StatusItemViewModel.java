package com.jobsconsole.ui.reference;

import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.JobStatus;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/** A row of the status table: the status as the user reads it, and how many jobs have it. */
public final class StatusItemViewModel {

    private final JobStatus status;
    private final String name;
    private final String description;
    private final String kind;
    private final ReadOnlyLongWrapper count = new ReadOnlyLongWrapper();

    StatusItemViewModel(JobStatus status, Messages messages) {
        this.status = status;
        this.name = messages.text(status.name());
        this.description = messages.text(status.description());
        this.kind = messages.get(status.kind().messageKey());
    }

    public JobStatus status() {
        return status;
    }

    public int code() {
        return status.code();
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String kind() {
        return kind;
    }

    public String color() {
        return status.color();
    }

    public ReadOnlyLongProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    void setCount(long value) {
        count.set(value);
    }
}
