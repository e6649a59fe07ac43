package com.jobsconsole.ui.methods;

import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.Exchange;
import com.jobsconsole.gateway.GatewayException;
import com.jobsconsole.gateway.HttpExchanges;
import com.jobsconsole.gateway.JobJournal;
import com.jobsconsole.gateway.RemoteSync;
import com.jobsconsole.gateway.StaleCopyException;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.ApiMethod;
import com.jobsconsole.model.Job;
import com.jobsconsole.ui.common.DialogService;
import com.jobsconsole.ui.common.TargetGuard;
import com.jobsconsole.ui.common.TaskExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * What every method tab shares: the call's state (running, outcome, message, response body,
 * elapsed time), whether Execute may be pressed, and the plumbing that runs a gateway call off
 * the FX thread and reports its result.
 */
public abstract class MethodViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(MethodViewModel.class);

    protected final ActiveGateway gateway;
    protected final TaskExecutor executor;
    protected final DialogService dialogs;
    protected final Messages messages;
    private final ApiMethod method;
    private final MethodDoc doc;

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(Outcome.NONE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper responseBody = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper elapsed = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper requestText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper responseText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper curl = new ReadOnlyStringWrapper("");
    /** The journal entry the last call's change made (its Undo link), null when it made none. */
    private final ReadOnlyObjectWrapper<Long> undoable = new ReadOnlyObjectWrapper<>();
    private LongConsumer undo = entry -> { };
    private TaskExecutor.Handle current;
    private StringBinding validationMessage;
    private BooleanBinding canExecute;
    /** Why the target refuses writes (read-only), empty when it does not. */
    private final ReadOnlyStringProperty refused;

    protected MethodViewModel(ApiMethod method, ActiveGateway gateway, TaskExecutor executor,
                              DialogService dialogs, Messages messages) {
        this.method = method;
        this.gateway = gateway;
        this.executor = executor;
        this.dialogs = dialogs;
        this.messages = messages;
        this.doc = MethodDoc.of(method, messages);
        this.refused = TargetGuard.refusalOf(gateway, messages);
        // an entry's number means something only in its own target's journal: another target, no link
        gateway.onSwitch(g -> undoable.set(null));
    }

    /** Whether the method changes jobs (create, update, delete): disabled, with why, on a read-only target. */
    protected boolean writes() {
        return false;
    }

    /**
     * The first problem of the form, with the field it is in, or null when the form is valid.
     * Subclasses build it from their field errors.
     */
    protected abstract ObservableStringValue formError();

    /** Runs the method; called only when {@link #canExecuteBinding()} holds. */
    protected abstract void run();

    public ApiMethod method() {
        return method;
    }

    public MethodDoc doc() {
        return doc;
    }

    public final void execute() {
        if (canExecuteBinding().get()) {
            run();
        }
    }

    /** Why Execute is disabled, or empty when it is not (apart from a call running). */
    public final StringBinding validationMessageBinding() {
        if (validationMessage == null) {
            ObservableStringValue error = formError();
            validationMessage = Bindings.createStringBinding(() -> writes() && !refused.get().isEmpty() ? refused.get()
                    : error.get() == null ? "" : error.get(), error, refused);
        }
        return validationMessage;
    }

    public final BooleanBinding canExecuteBinding() {
        if (canExecute == null) {
            canExecute = running.not().and(validationMessageBinding().isEmpty());
        }
        return canExecute;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty responseBodyProperty() {
        return responseBody.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty elapsedProperty() {
        return elapsed.getReadOnlyProperty();
    }

    /** "GUID: must not be empty" — a field's error with the field's name before it. */
    protected String labelled(String fieldKey, String error) {
        return error == null ? null : messages.get("form.fieldError", messages.get(fieldKey), error);
    }

    /**
     * Runs a gateway call off the FX thread: marks the tab running, times the call, and on
     * failure shows the error under the form. {@code onSuccess} runs on the FX thread.
     */
    protected final <T> void call(Callable<T> work, Consumer<T> onSuccess) {
        running.set(true);
        undoable.set(null);
        long start = System.nanoTime();
        HttpExchanges http = gateway.capability(HttpExchanges.class).orElse(HttpExchanges.NONE);
        current = executor.execute(() -> http.capture(work), captured -> {
            current = null;
            setElapsed(start);
            running.set(false);
            showExchanges(captured.exchanges());
            gateway.activity();
            if (captured.error() != null) {
                fail(captured.error());
            } else {
                onSuccess.accept(captured.result());
            }
        }, error -> {
            current = null;
            setElapsed(start);
            running.set(false);
            fail(error);
        });
    }

    /** Stops waiting for the running call; its result, if it still comes, is dropped. */
    public void cancel() {
        if (!running.get()) {
            return;
        }
        if (current != null) {
            current.cancel();
            current = null;
        }
        running.set(false);
        outcome.set(Outcome.DECLINED);
        message.set(messages.get("result.cancelled"));
        responseBody.set("");
    }

    private void showExchanges(List<Exchange> exchanges) {
        requestText.set(exchanges.stream().map(Exchange::requestText).collect(Collectors.joining(SEPARATOR)));
        responseText.set(exchanges.stream().map(e -> e.responseText() + "\n\n(" + e.elapsed().toMillis() + " ms)")
                .collect(Collectors.joining(SEPARATOR)));
        String prefix = method.path().replace("{guid}", "");
        curl.set(exchanges.stream().filter(e -> e.method().equals(method.httpMethod())
                        && e.uri().getPath().contains(prefix)).reduce((a, b) -> b)
                .or(() -> exchanges.stream().reduce((a, b) -> b)).map(Exchange::toCurl).orElse(""));
    }

    private static final String SEPARATOR = "\n\n\u2500\u2500\u2500\u2500\u2500\u2500\n\n";

    /** The HTTP requests of the last call, key masked (empty on the local store). */
    public ReadOnlyStringProperty requestTextProperty() {
        return requestText.getReadOnlyProperty();
    }

    /** The HTTP responses of the last call: status, headers, body, time. */
    public ReadOnlyStringProperty responseTextProperty() {
        return responseText.getReadOnlyProperty();
    }

    /** The main request of the last call as a curl command (key from $JOBS_CONSOLE_API_KEY). */
    public ReadOnlyStringProperty curlProperty() {
        return curl.getReadOnlyProperty();
    }

    private void setElapsed(long startNanos) {
        long micros = (System.nanoTime() - startNanos) / 1_000;
        elapsed.set(micros < 10_000
                ? messages.get("result.elapsed.precise", micros / 1000.0)
                : messages.get("result.elapsed", micros / 1000));
    }

    /**
     * The job a change is about to be made to, for its confirmation: the target's answer, or on a
     * remote target that does not answer, the copy kept here (the change then waits in the outbox).
     * Runs off the FX thread.
     */
    protected final Job readForChange(UUID guid) {
        try {
            return gateway.get().read(guid);
        } catch (StaleCopyException e) {
            return e.cached();
        }
    }

    /** " The orchestrator did not answer: ..." when a change to the job waits to be sent; else "". Off the FX thread. */
    protected final String waitingNote(UUID guid) {
        return gateway.capability(RemoteSync.class).map(r -> r.syncStates().get(guid))
                .filter(s -> s == RemoteSync.JobSyncState.PENDING || s == RemoteSync.JobSyncState.UNVERIFIED)
                .map(s -> " " + messages.get("method.waiting")).orElse("");
    }

    protected final void succeed(String text, String body) {
        succeed(text, body, Optional.empty());
    }

    /** A change that made the journal entry {@code entry}: the result offers to undo it. */
    protected final void succeed(String text, String body, Optional<Long> entry) {
        outcome.set(Outcome.SUCCESS);
        message.set(text);
        responseBody.set(body);
        undoable.set(entry.orElse(null));
    }

    /**
     * Runs one write as a journal entry saying {@code mark} (what the target names that write anyway) and
     * returns the entry's id, for the result's Undo link; empty when nothing changed or the target keeps no
     * journal. Off the FX thread.
     */
    protected final Optional<Long> journaled(JobJournal.Mark mark, Runnable write) {
        return JobJournal.record(gateway.get(), mark, write);
    }

    /** The entry the last change made, while its Undo link is offered; null otherwise. */
    public ReadOnlyObjectProperty<Long> undoableProperty() {
        return undoable.getReadOnlyProperty();
    }

    /** What the result's Undo link runs (the window's undo: journaled, guarded, reported like Edit → Undo). */
    public void setUndo(LongConsumer undo) {
        this.undo = undo;
    }

    /** The result's Undo link: undoes the last call's change once (the link goes with it). */
    public void undoLastChange() {
        Long entry = undoable.get();
        if (entry != null) {
            undoable.set(null);
            undo.accept(entry);
        }
    }

    protected final void fail(Throwable error) {
        if (!(error instanceof GatewayException)) {
            LOG.error("{} failed unexpectedly", method, error);
        }
        outcome.set(Outcome.FAILURE);
        message.set(messages.describe(error));
        // no answer, but a copy is kept: shown, under the message saying it is stale and from when
        responseBody.set(error instanceof StaleCopyException stale ? JobJson.write(stale.cached()) : "");
    }

    /** The user said no to a confirmation: nothing changed, and the tab says so. */
    protected final void declined() {
        outcome.set(Outcome.DECLINED);
        message.set(messages.get("result.declined"));
        responseBody.set("");
        elapsed.set("");
    }

    /** Marks the tab as running across a confirmation between two calls. */
    protected final void setRunning(boolean value) {
        running.set(value);
    }
}
