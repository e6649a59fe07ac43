package com.jobsconsole.ui.reference;

import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.JobType;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/** A row of the type table. */
public final class TypeItemViewModel {

    private final JobType type;
    private final String name;
    private final String description;
    private final ReadOnlyLongWrapper count = new ReadOnlyLongWrapper();

    TypeItemViewModel(JobType type, Messages messages) {
        this.type = type;
        this.name = messages.text(type.name());
        this.description = messages.text(type.description());
    }

    public JobType type() {
        return type;
    }

    public int code() {
        return type.code();
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public ReadOnlyLongProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    void setCount(long value) {
        count.set(value);
    }
}
