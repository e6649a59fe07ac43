package com.jobsconsole.ui.methods;

import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.JobJournal;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.ApiMethod;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobStatus;
import com.jobsconsole.model.JournalAction;
import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.ui.common.DialogService;
import com.jobsconsole.ui.common.TaskExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Update tab: sets a job's status. Before an unusual transition it asks the user, naming the
 * transition and why it is unusual; it never blocks one the user confirms.
 */
public final class UpdateJobViewModel extends GuidMethodViewModel {

    private final ReferenceData reference;
    private final ObservableList<JobStatus> statuses;
    private final ObjectProperty<JobStatus> status = new SimpleObjectProperty<>();
    private final ObservableStringValue statusError;
    private final ObservableStringValue formError;

    public UpdateJobViewModel(ReferenceData reference, ActiveGateway gateway, TaskExecutor executor,
                              DialogService dialogs, Messages messages) {
        super(ApiMethod.UPDATE, gateway, executor, dialogs, messages);
        this.reference = reference;
        this.statuses = FXCollections.observableArrayList(reference.statuses());
        statusError = Bindings.createStringBinding(
                () -> status.get() == null ? messages.get("field.status.pick") : null, status);
        formError = Bindings.createStringBinding(() -> Stream.of(labelledGuidError(),
                        labelled("field.status", statusError.get())).filter(Objects::nonNull).findFirst().orElse(null),
                guidError(), statusError);
    }

    @Override
    protected ObservableStringValue formError() {
        return formError;
    }

    @Override
    protected boolean writes() {
        return true;
    }

    @Override
    protected void run() {
        UUID g = guid();
        JobStatus target = status.get();
        // Read first: the confirmation must name the transition the job would really make.
        call(() -> readForChange(g), job -> {
            if (!reference.isUsualTransition(job.status(), target.code()) && !confirmUnusual(job, target)) {
                declined();
                return;
            }
            record Made(String waiting, Optional<Long> entry) {
            }
            call(() -> {
                Optional<Long> entry = journaled(JobJournal.Mark.of(JournalAction.SET_STATUS,
                        Integer.toString(target.code())), () -> gateway.get().updateStatus(g, target.code()));
                return new Made(waitingNote(g), entry);
            }, made -> {
                succeed(messages.get("update.success", g.toString(), statusLabel(job.status()),
                        messages.label(target)) + made.waiting(), "[]", made.entry());
                gateway.changed();
            });
        });
    }

    private boolean confirmUnusual(Job job, JobStatus target) {
        JobStatus from = reference.status(job.status()).orElse(null);
        String fromLabel = statusLabel(job.status());
        String why;
        if (from == null) {
            why = messages.get("update.unusual.unknownFrom");
        } else if (from.next().isEmpty()) {
            why = messages.get("update.unusual.final", fromLabel);
        } else {
            String usual = from.next().stream().map(this::statusLabel).collect(Collectors.joining(", "));
            why = messages.get("update.unusual.notUsual", fromLabel, usual);
        }
        return dialogs.confirm(messages.get("update.unusual.title"),
                messages.get("update.unusual.header", fromLabel, messages.label(target)),
                why, messages.get("update.unusual.confirm"));
    }

    private String statusLabel(int code) {
        return messages.label(reference, code);
    }

    public ObservableList<JobStatus> statuses() {
        return statuses;
    }

    public ObjectProperty<JobStatus> statusProperty() {
        return status;
    }

    public ObservableStringValue statusError() {
        return statusError;
    }

    public String label(JobStatus s) {
        return messages.label(s);
    }
}
