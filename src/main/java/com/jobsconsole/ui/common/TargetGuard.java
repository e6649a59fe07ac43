package com.jobsconsole.ui.common;

import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.gateway.TargetMarks;
import com.jobsconsole.i18n.Messages;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Optional;

/**
 * What the user said of the active target, for the view-models (issue 22): why writes are refused on a
 * read-only target (observable, for disabling write controls with the reason), and the production guard —
 * a delete, or a change to more than one job, on a production target asks for the target's name to be typed.
 * The refusal itself is the target's ({@code MarkedGateway}): these only say so before the user tries.
 */
public final class TargetGuard {

    private TargetGuard() {
    }

    /** Why writes are refused on {@code gateway}, in words; empty when they are not. */
    public static String refusal(JobGateway gateway, Messages messages) {
        return gateway.capability(TargetMarks.class).filter(TargetMarks::readOnly)
                .map(m -> messages.get("error.readOnly", m.name())).orElse("");
    }

    /** {@link #refusal} of the active target, following it when it changes (call on the FX thread). */
    public static ReadOnlyStringProperty refusalOf(ActiveGateway gateway, Messages messages) {
        ReadOnlyStringWrapper refused = new ReadOnlyStringWrapper(refusal(gateway.get(), messages));
        gateway.onSwitch(g -> refused.set(refusal(g, messages)));
        return refused.getReadOnlyProperty();
    }

    /**
     * Whether a change may go ahead on the active target: anything on a target that is not production; on
     * a production one a change to one job that deletes nothing, or — asked — when the user types the
     * target's name exactly (a wrong name is said, and nothing changes).
     */
    public static boolean mayChange(UiServices ui, int jobs, boolean deletes) {
        return mayChange(ui.gateway(), ui.dialogs(), ui.messages(), jobs, deletes);
    }

    /** {@link #mayChange(UiServices, int, boolean)} for a view-model that holds the parts. */
    public static boolean mayChange(ActiveGateway gateway, DialogService dialogs, Messages messages, int jobs,
                                    boolean deletes) {
        Optional<TargetMarks> marks = gateway.capability(TargetMarks.class).filter(TargetMarks::production);
        if (marks.isEmpty() || jobs <= 1 && !deletes) {
            return true;
        }
        String name = marks.get().name();
        Optional<String> typed = dialogs.askText(messages.get("guard.title"),
                messages.get(deletes ? "guard.header.delete" : "guard.header.many", jobs, name),
                messages.get("guard.prompt", name));
        if (typed.isEmpty()) {
            return false;
        }
        if (!typed.get().strip().equals(name)) {
            dialogs.showError(messages.get("guard.title"), messages.get("guard.wrong", name));
            return false;
        }
        return true;
    }
}
