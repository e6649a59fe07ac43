package com.jobsconsole.ui.methods;

import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.JobJournal;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.ApiMethod;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JournalAction;
import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.ui.common.DialogService;
import com.jobsconsole.ui.common.TargetGuard;
import com.jobsconsole.ui.common.TaskExecutor;

import java.util.Optional;
import java.util.UUID;

/** The Delete tab: deletes a job after a confirmation that names it. */
public final class DeleteJobViewModel extends GuidMethodViewModel {

    private final ReferenceData reference;

    public DeleteJobViewModel(ReferenceData reference, ActiveGateway gateway, TaskExecutor executor,
                              DialogService dialogs, Messages messages) {
        super(ApiMethod.DELETE, gateway, executor, dialogs, messages);
        this.reference = reference;
    }

    @Override
    protected boolean writes() {
        return true;
    }

    @Override
    protected void run() {
        UUID g = guid();
        call(() -> readForChange(g), job -> {
            if (!confirm(job) || !TargetGuard.mayChange(gateway, dialogs, messages, 1, true)) {
                declined();
                return;
            }
            record Made(String waiting, Optional<Long> entry) {
            }
            call(() -> {
                Optional<Long> entry = journaled(JobJournal.Mark.of(JournalAction.DELETE, null),
                        () -> gateway.get().delete(g));
                return new Made(waitingNote(g), entry);
            }, made -> {
                succeed(messages.get("delete.success", g.toString()) + made.waiting(), "[]", made.entry());
                gateway.changed();
            });
        });
    }

    private boolean confirm(Job job) {
        String status = messages.label(reference, job.status());
        return dialogs.confirm(messages.get("delete.confirm.title"),
                messages.get("delete.confirm.header", job.guid().toString()),
                messages.get("delete.confirm.body", status, value(job.processVersionId()), value(job.robotId()),
                        JobJson.formatTime(job.createdAt())),
                messages.get("delete.confirm.button"));
    }

    private String value(Long v) {
        return v == null ? "—" : v.toString();
    }
}
