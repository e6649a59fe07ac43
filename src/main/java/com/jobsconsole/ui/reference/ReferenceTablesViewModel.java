package com.jobsconsole.ui.reference;

import com.jobsconsole.base.StartupTrace;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.JobStatus;
import com.jobsconsole.model.JobType;
import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.ui.common.DialogService;
import com.jobsconsole.ui.common.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Map;
import java.util.function.Consumer;

/** The status and type tables with their job counts, kept current after every change. */
public final class ReferenceTablesViewModel {

    private final ActiveGateway gateway;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Messages messages;
    private final ObservableList<StatusItemViewModel> statuses = FXCollections.observableArrayList();
    private final ObservableList<TypeItemViewModel> types = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper();
    private final ReadOnlyBooleanWrapper countsKnown = new ReadOnlyBooleanWrapper();
    private boolean failureShown;

    public ReferenceTablesViewModel(ReferenceData reference, ActiveGateway gateway, TaskExecutor executor,
                                    DialogService dialogs, Messages messages) {
        this.gateway = gateway;
        this.executor = executor;
        this.dialogs = dialogs;
        this.messages = messages;
        reference.statuses().forEach(s -> statuses.add(new StatusItemViewModel(s, messages)));
        reference.types().forEach(t -> types.add(new TypeItemViewModel(t, messages)));
    }

    public ObservableList<StatusItemViewModel> statuses() {
        return FXCollections.unmodifiableObservableList(statuses);
    }

    public ObservableList<TypeItemViewModel> types() {
        return FXCollections.unmodifiableObservableList(types);
    }

    /** All jobs in the store. */
    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    private Consumer<JobStatus> onStatusPicked = s -> { };
    private Consumer<JobType> onTypePicked = t -> { };

    /** The tooltip of a status row. */
    public String filterHint() {
        return messages.get("reference.clickToFilter");
    }

    /** A click on a status row: the jobs browser filters to it. */
    public void pickStatus(StatusItemViewModel item) {
        if (item != null) {
            onStatusPicked.accept(item.status());
        }
    }

    /** A click on a type row. */
    public void pickType(TypeItemViewModel item) {
        if (item != null) {
            onTypePicked.accept(item.type());
        }
    }

    public void setOnStatusPicked(Consumer<JobStatus> listener) {
        this.onStatusPicked = listener;
    }

    public void setOnTypePicked(Consumer<JobType> listener) {
        this.onTypePicked = listener;
    }

    /** Re-reads the counts from the active gateway, off the FX thread. */
    public void refresh() {
        JobGateway g = gateway.get();
        executor.execute(() -> new Counts(g.countByStatus(), g.countByType()), this::apply, e -> {
            // One dialog per failure streak: a broken store must not flood the user.
            if (!failureShown) {
                failureShown = true;
                dialogs.showError(messages.get("reference.countsFailed.title"), messages.describe(e));
            }
        });
    }

    private void apply(Counts counts) {
        failureShown = false;
        statuses.forEach(s -> s.setCount(counts.byStatus.getOrDefault(s.code(), 0L)));
        types.forEach(t -> t.setCount(counts.byType.getOrDefault(t.code(), 0L)));
        total.set(counts.byStatus.values().stream().mapToLong(Long::longValue).sum());
        countsKnown.set(true);
        StartupTrace.markOnce("status and type counts read");
    }

    /** False until the first counts arrive (start-up shows "…" rather than a zero that is not true). */
    public ReadOnlyBooleanProperty countsKnownProperty() {
        return countsKnown.getReadOnlyProperty();
    }

    private record Counts(Map<Integer, Long> byStatus, Map<Integer, Long> byType) {
    }
}
