package com.jobsconsole.ui.methods;

import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.Guids;
import com.jobsconsole.gateway.JobJournal;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.ApiMethod;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JobSource;
import com.jobsconsole.model.JobStatus;
import com.jobsconsole.model.JobType;
import com.jobsconsole.model.JournalAction;
import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.ui.common.DialogService;
import com.jobsconsole.ui.common.TaskExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The Create tab: a job's fields, checked as they are typed, and the create call. */
public final class CreateJobViewModel extends MethodViewModel {

    private final Clock clock;
    private final ObservableList<JobType> types;
    private final ObservableList<JobStatus> statuses;
    private final ObservableList<JobSource> sources = FXCollections.observableArrayList(JobSource.values());

    private final StringProperty guid = new SimpleStringProperty(UUID.randomUUID().toString());
    private final ObjectProperty<JobType> type = new SimpleObjectProperty<>();
    private final ObjectProperty<JobStatus> status = new SimpleObjectProperty<>();
    private final ObjectProperty<JobSource> source = new SimpleObjectProperty<>(JobSource.GUI);
    private final StringProperty processVersion = new SimpleStringProperty("");
    private final StringProperty robot = new SimpleStringProperty("");
    private final StringProperty account = new SimpleStringProperty("");
    private final StringProperty schedule = new SimpleStringProperty("");
    private final StringProperty task = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> stopAfterDate = new SimpleObjectProperty<>();
    private final StringProperty stopAfterTime = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> abortAfterDate = new SimpleObjectProperty<>();
    private final StringProperty abortAfterTime = new SimpleStringProperty("");

    private final StringBinding guidError;
    private final StringBinding typeError;
    private final StringBinding statusError;
    private final StringBinding processVersionError;
    private final StringBinding robotError;
    private final StringBinding accountError;
    private final StringBinding scheduleError;
    private final StringBinding taskError;
    private final StringBinding stopAfterError;
    private final StringBinding abortAfterError;
    private final StringBinding formError;
    private Consumer<Job> onCreated = j -> { };

    public CreateJobViewModel(ReferenceData reference, ActiveGateway gateway, TaskExecutor executor,
                              DialogService dialogs, Messages messages, Clock clock) {
        super(ApiMethod.CREATE, gateway, executor, dialogs, messages);
        this.clock = clock;
        this.types = FXCollections.observableArrayList(reference.types());
        this.statuses = FXCollections.observableArrayList(reference.statuses());
        type.set(reference.type(1).orElse(reference.types().get(0)));
        status.set(reference.status(1).orElse(reference.statuses().get(0)));

        Messages m = messages;
        guidError = Bindings.createStringBinding(() -> FieldRules.guidError(guid.get(), m), guid);
        typeError = Bindings.createStringBinding(() -> type.get() == null ? m.get("field.required") : null, type);
        statusError = Bindings.createStringBinding(() -> status.get() == null ? m.get("field.required") : null, status);
        processVersionError = idError(processVersion, true);
        robotError = idError(robot, true);
        accountError = idError(account, true);
        scheduleError = idError(schedule, false);
        taskError = idError(task, false);
        stopAfterError = Bindings.createStringBinding(
                () -> FieldRules.dateTimeError(stopAfterDate.get(), stopAfterTime.get(), m), stopAfterDate, stopAfterTime);
        abortAfterError = Bindings.createStringBinding(
                () -> FieldRules.dateTimeError(abortAfterDate.get(), abortAfterTime.get(), m), abortAfterDate, abortAfterTime);
        formError = Bindings.createStringBinding(() -> Stream.of(
                        labelled("field.guid", guidError.get()),
                        labelled("field.type", typeError.get()),
                        labelled("field.status", statusError.get()),
                        labelled("field.processVersion", processVersionError.get()),
                        labelled("field.robot", robotError.get()),
                        labelled("field.account", accountError.get()),
                        labelled("field.schedule", scheduleError.get()),
                        labelled("field.task", taskError.get()),
                        labelled("field.stopAfter", stopAfterError.get()),
                        labelled("field.abortAfter", abortAfterError.get()))
                .filter(Objects::nonNull).findFirst().orElse(null),
                guidError, typeError, statusError, processVersionError, robotError, accountError,
                scheduleError, taskError, stopAfterError, abortAfterError);
    }

    private StringBinding idError(StringProperty field, boolean required) {
        return Bindings.createStringBinding(() -> FieldRules.idError(field.get(), required, messages), field);
    }

    @Override
    protected ObservableStringValue formError() {
        return formError;
    }

    /** Puts a fresh random GUID into the form. */
    public void newGuid() {
        guid.set(UUID.randomUUID().toString());
    }

    /** Clone: puts a job's fields into the form, with a fresh GUID, ready to create a copy. */
    public void fillFrom(Job job) {
        newGuid();
        types.stream().filter(t -> t.code() == job.type()).findFirst().ifPresent(type::set);
        statuses.stream().filter(s -> s.code() == job.status()).findFirst().ifPresent(status::set);
        source.set(job.source() == null ? JobSource.GUI : job.source());
        processVersion.set(text(job.processVersionId()));
        robot.set(text(job.robotId()));
        account.set(text(job.accountId()));
        schedule.set(text(job.scheduleId()));
        task.set(text(job.taskId()));
        stopAfterDate.set(job.stopAfter() == null ? null : job.stopAfter().toLocalDate());
        stopAfterTime.set(job.stopAfter() == null ? "" : job.stopAfter().toLocalTime().toString());
        abortAfterDate.set(job.abortAfter() == null ? null : job.abortAfter().toLocalDate());
        abortAfterTime.set(job.abortAfter() == null ? "" : job.abortAfter().toLocalTime().toString());
    }

    private static String text(Long v) {
        return v == null ? "" : v.toString();
    }

    /** Called with each job this tab creates (on the FX thread). */
    public void setOnCreated(Consumer<Job> listener) {
        this.onCreated = listener == null ? j -> { } : listener;
    }

    @Override
    protected boolean writes() {
        return true;
    }

    @Override
    protected void run() {
        LocalDateTime stopAfter = FieldRules.dateTime(stopAfterDate.get(), stopAfterTime.get());
        LocalDateTime abortAfter = FieldRules.dateTime(abortAfterDate.get(), abortAfterTime.get());
        if (!confirmTimes(stopAfter, abortAfter)) {
            declined();
            return;
        }
        JobDraft draft = new JobDraft(Guids.parse(guid.get()), status.get().code(),
                type.get().code(), source.get() == null ? JobSource.GUI : source.get(),
                FieldRules.id(processVersion.get()), FieldRules.id(robot.get()), FieldRules.id(account.get()),
                FieldRules.id(schedule.get()), FieldRules.id(task.get()), stopAfter, abortAfter);
        record Made(Job job, String waiting, Optional<Long> entry) {
        }
        call(() -> {
            Job[] job = new Job[1];
            Optional<Long> entry = journaled(JobJournal.Mark.of(JournalAction.CREATE, null),
                    () -> job[0] = gateway.get().create(draft));
            return new Made(job[0], waitingNote(job[0].guid()), entry);
        }, made -> {
            Job job = made.job();
            succeed(messages.get("create.success", job.guid().toString()) + made.waiting(), JobJson.write(job),
                    made.entry());
            gateway.changed();
            onCreated.accept(job);
            newGuid();
        });
    }

    /** Stop/abort times in the past or out of order are allowed, after the user confirms them. */
    private boolean confirmTimes(LocalDateTime stopAfter, LocalDateTime abortAfter) {
        LocalDateTime now = LocalDateTime.now(clock);
        StringBuilder warnings = new StringBuilder();
        if (stopAfter != null && stopAfter.isBefore(now)) {
            warnings.append(messages.get("create.warn.stopPast", JobJson.formatTime(stopAfter))).append('\n');
        }
        if (abortAfter != null && abortAfter.isBefore(now)) {
            warnings.append(messages.get("create.warn.abortPast", JobJson.formatTime(abortAfter))).append('\n');
        }
        if (stopAfter != null && abortAfter != null && abortAfter.isBefore(stopAfter)) {
            warnings.append(messages.get("create.warn.abortBeforeStop",
                    JobJson.formatTime(abortAfter), JobJson.formatTime(stopAfter))).append('\n');
        }
        if (warnings.length() == 0) {
            return true;
        }
        return dialogs.confirm(messages.get("create.warn.title"), messages.get("create.warn.header"),
                warnings.toString().strip(), messages.get("create.warn.confirm"));
    }

    public ObservableList<JobType> types() {
        return types;
    }

    public ObservableList<JobStatus> statuses() {
        return statuses;
    }

    public ObservableList<JobSource> sources() {
        return sources;
    }

    public StringProperty guidProperty() {
        return guid;
    }

    public ObjectProperty<JobType> typeProperty() {
        return type;
    }

    public ObjectProperty<JobStatus> statusProperty() {
        return status;
    }

    public ObjectProperty<JobSource> sourceProperty() {
        return source;
    }

    public StringProperty processVersionProperty() {
        return processVersion;
    }

    public StringProperty robotProperty() {
        return robot;
    }

    public StringProperty accountProperty() {
        return account;
    }

    public StringProperty scheduleProperty() {
        return schedule;
    }

    public StringProperty taskProperty() {
        return task;
    }

    public ObjectProperty<LocalDate> stopAfterDateProperty() {
        return stopAfterDate;
    }

    public StringProperty stopAfterTimeProperty() {
        return stopAfterTime;
    }

    public ObjectProperty<LocalDate> abortAfterDateProperty() {
        return abortAfterDate;
    }

    public StringProperty abortAfterTimeProperty() {
        return abortAfterTime;
    }

    public ObservableStringValue guidError() {
        return guidError;
    }

    public ObservableStringValue typeError() {
        return typeError;
    }

    public ObservableStringValue statusError() {
        return statusError;
    }

    public ObservableStringValue processVersionError() {
        return processVersionError;
    }

    public ObservableStringValue robotError() {
        return robotError;
    }

    public ObservableStringValue accountError() {
        return accountError;
    }

    public ObservableStringValue scheduleError() {
        return scheduleError;
    }

    public ObservableStringValue taskError() {
        return taskError;
    }

    public ObservableStringValue stopAfterError() {
        return stopAfterError;
    }

    public ObservableStringValue abortAfterError() {
        return abortAfterError;
    }

    /** "1 — Pending", for pickers. */
    public String label(JobStatus s) {
        return messages.label(s);
    }

    public String label(JobType t) {
        return messages.label(t);
    }
}
