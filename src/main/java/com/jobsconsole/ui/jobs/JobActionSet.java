package com.jobsconsole.ui.jobs;

import com.jobsconsole.model.JobStatus;
import com.jobsconsole.ui.common.ActionFactory;
import com.jobsconsole.ui.common.ColorChip;
import com.jobsconsole.ui.common.StandardActions;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.MenuItem;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static com.jobsconsole.ui.common.StandardActions.JOB_ABORT;
import static com.jobsconsole.ui.common.StandardActions.JOB_CLONE;
import static com.jobsconsole.ui.common.StandardActions.JOB_CREATE;
import static com.jobsconsole.ui.common.StandardActions.JOB_DELETE;
import static com.jobsconsole.ui.common.StandardActions.JOB_EXPORT;
import static com.jobsconsole.ui.common.StandardActions.JOB_FIND;
import static com.jobsconsole.ui.common.StandardActions.JOB_FIND_GUIDS;
import static com.jobsconsole.ui.common.StandardActions.JOB_IMPORT;
import static com.jobsconsole.ui.common.StandardActions.JOB_MAINTENANCE;
import static com.jobsconsole.ui.common.StandardActions.JOB_OPEN;
import static com.jobsconsole.ui.common.StandardActions.JOB_RELOAD;
import static com.jobsconsole.ui.common.StandardActions.JOB_STOP;

/**
 * The jobs browser's actions, defined once — what each does and when it is disabled — so that its
 * tool bar, its context menu and their shortcuts are made from the same definitions.
 */
final class JobActionSet {

    private final JobsBrowserViewModel viewModel;
    private final ActionFactory factory;
    private final Map<StandardActions, Runnable> commands = new EnumMap<>(StandardActions.class);
    private final Map<StandardActions, ObservableBooleanValue> disabled = new EnumMap<>(StandardActions.class);
    private final BooleanBinding noSelectionOrBusy;

    JobActionSet(JobsBrowserViewModel viewModel, ActionFactory factory, Runnable openCreateTab, Runnable find,
                 Consumer<UUID> openJob) {
        this.viewModel = viewModel;
        this.factory = factory;
        var busy = viewModel.task().busyProperty();
        var readOnly = viewModel.writesRefusedProperty().isNotEmpty(); // a read-only target: no write offered
        noSelectionOrBusy = Bindings.isEmpty(viewModel.selection()).or(busy).or(readOnly);
        define(JOB_CREATE, openCreateTab, readOnly);
        define(JOB_OPEN, () -> openJob.accept(viewModel.selection().get(0).guid()),
                Bindings.size(viewModel.selection()).isNotEqualTo(1));
        define(JOB_CLONE, viewModel::cloneSelected, Bindings.size(viewModel.selection()).isNotEqualTo(1).or(readOnly));
        define(JOB_STOP, viewModel.actions()::requestStop, noSelectionOrBusy);
        define(JOB_ABORT, viewModel.actions()::abort, noSelectionOrBusy);
        define(JOB_MAINTENANCE, viewModel.actions()::maintenance, noSelectionOrBusy);
        define(JOB_DELETE, viewModel.actions()::deleteSelected, noSelectionOrBusy);
        define(JOB_IMPORT, viewModel.transfer()::importFile, busy.or(readOnly));
        define(JOB_EXPORT, viewModel.transfer()::export, busy);
        define(JOB_FIND, find, null);
        define(JOB_FIND_GUIDS, viewModel.watchList()::findGuids, busy);
        define(JOB_RELOAD, viewModel::reload, null);
    }

    private void define(StandardActions a, Runnable command, ObservableBooleanValue disabledWhen) {
        commands.put(a, command);
        if (disabledWhen != null) {
            disabled.put(a, disabledWhen);
        }
    }

    /** Makes a tool-bar button the action's. */
    void button(ButtonBase button, StandardActions a) {
        factory.configure(button, a, commands.get(a), disabled.get(a));
    }

    /** A context-menu item of the action. */
    MenuItem menuItem(StandardActions a) {
        return factory.menuItem(a, commands.get(a), disabled.get(a));
    }

    /** Runs the action from its key (Delete in the table), unless it is disabled now. */
    void run(StandardActions a) {
        ObservableBooleanValue d = disabled.get(a);
        if (d == null || !d.get()) {
            commands.get(a).run();
        }
    }

    /** Text pasted into the table: its GUIDs become the watch list. */
    void pasted(String text) {
        if (!viewModel.task().isBusy()) {
            viewModel.watchList().watch(text);
        }
    }

    /** "Set status": one item per status, in the table's colours (new items each call). */
    List<MenuItem> statusItems() {
        return viewModel.statuses().stream().map(this::statusItem).toList();
    }

    private MenuItem statusItem(JobStatus s) {
        MenuItem item = new MenuItem(viewModel.label(s), new ColorChip(s.color()));
        item.setOnAction(e -> viewModel.actions().setStatus(s));
        return item;
    }

    /** When "Set status" is disabled: no selection, or a bulk action under way. */
    ObservableBooleanValue setStatusDisabled() {
        return noSelectionOrBusy;
    }
}
