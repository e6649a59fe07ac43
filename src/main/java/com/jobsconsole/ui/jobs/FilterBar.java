package com.jobsconsole.ui.jobs;

import com.jobsconsole.model.JobSource;
import com.jobsconsole.model.JobStatus;
import com.jobsconsole.model.JobType;
import com.jobsconsole.ui.common.Converters;
import com.jobsconsole.ui.common.DateFields;
import com.jobsconsole.ui.common.FieldValidation;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.textfield.TextFields;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The jobs browser's filter bar bound to its filter: the status, type and source choices, the robot and GUID
 * fields with their checks, the dates and the period relative to now, Clear, and the bar saying what a summing
 * view narrowed the browser to. A part of the browser's view.
 */
final class FilterBar {

    /** The bar's controls, from the browser's FXML. */
    record Nodes(CheckComboBox<JobStatus> statusFilter, CheckComboBox<JobType> typeFilter,
                 CheckComboBox<JobSource> sourceFilter, TextField robotFilter, DatePicker createdFrom,
                 MenuButton periodButton, DatePicker createdTo, TextField guidPrefix, Button clearButton,
                 HBox scopeBar, Label scopeLabel, Hyperlink scopeClear) {
    }

    private final Nodes nodes;
    private final JobsBrowserViewModel viewModel;
    private final ResourceBundle resources;
    private final FieldValidation validation = new FieldValidation();

    FilterBar(Nodes nodes, JobsBrowserViewModel viewModel, ResourceBundle resources) {
        this.nodes = nodes;
        this.viewModel = viewModel;
        this.resources = resources;
    }

    /** The filter bar: the choices, the robot and GUID fields with their checks, the dates, Clear. */
    void bind() {
        bindFilter(nodes.statusFilter(), viewModel.statuses(), viewModel.filter().statusFilter(), viewModel::label, "jobs.filter.status");
        bindFilter(nodes.typeFilter(), viewModel.types(), viewModel.filter().typeFilter(), viewModel::label, "jobs.filter.type");
        bindFilter(nodes.sourceFilter(), List.of(JobSource.values()), viewModel.filter().sourceFilter(), JobSource::wire,
                "jobs.filter.source");
        nodes.robotFilter().textProperty().bindBidirectional(viewModel.filter().robotFilterProperty());
        TextFields.bindAutoCompletion(nodes.robotFilter(), r -> viewModel.filter().robotSuggestions(r.getUserText()));
        nodes.guidPrefix().textProperty().bindBidirectional(viewModel.filter().guidPrefixProperty());
        DateFields.attach(nodes.createdFrom(), validation, resources.getString("field.date.hint"),
                resources.getString("field.date.invalid"));
        DateFields.attach(nodes.createdTo(), validation, resources.getString("field.date.hint"),
                resources.getString("field.date.invalid"));
        nodes.createdFrom().valueProperty().bindBidirectional(viewModel.filter().createdFromProperty());
        bindPeriod();
        nodes.createdTo().valueProperty().bindBidirectional(viewModel.filter().createdToProperty());
        validation.attach(nodes.robotFilter(), viewModel.filter().robotError(), resources.getString("jobs.filter.robots.hint"));
        validation.attach(nodes.guidPrefix(), viewModel.filter().prefixError(), resources.getString("jobs.filter.guid.hint"));
        nodes.clearButton().setOnAction(e -> viewModel.filter().clearFilters());
        nodes.scopeLabel().textProperty().bind(viewModel.filter().scopeLabelProperty());
        nodes.scopeBar().visibleProperty().bind(viewModel.filter().scopeLabelProperty().isNotEmpty());
        nodes.scopeBar().managedProperty().bind(nodes.scopeBar().visibleProperty());
        nodes.scopeClear().setOnAction(e -> viewModel.filter().clearFilters()); // all the narrowing view set
    }

    /** The period relative to now ("the last 24 hours"), which a saved view keeps relative. */
    private void bindPeriod() {
        ToggleGroup periods = new ToggleGroup();
        List<java.time.Duration> choices = new ArrayList<>();
        choices.add(null);
        choices.addAll(JobFilterViewModel.PERIODS);
        for (java.time.Duration d : choices) {
            RadioMenuItem item = new RadioMenuItem(resources.getString(d == null ? "jobs.filter.period.any"
                    : "jobs.filter.period." + d.toHours() + "h"));
            item.setToggleGroup(periods);
            item.setUserData(d);
            item.setOnAction(e -> viewModel.filter().createdWithinProperty().set(d));
            nodes.periodButton().getItems().add(item);
        }
        viewModel.filter().createdWithinProperty().subscribe(d -> periods.getToggles().forEach(t ->
                t.setSelected(Objects.equals(t.getUserData(), d))));
        nodes.periodButton().textProperty().bind(viewModel.filter().periodText());
    }

    private <T> void bindFilter(CheckComboBox<T> box, List<T> items, ObservableList<T> chosen,
                                Function<T, String> label, String titleKey) {
        box.getItems().setAll(items);
        box.setConverter(Converters.label(label));
        // the box says what it filters to (a click on the status table included), or its name when nothing
        String title = resources.getString(titleKey);
        box.setTitle(title);
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<T>) c -> box.setTitle(
                box.getCheckModel().getCheckedItems().isEmpty() ? title
                        : box.getCheckModel().getCheckedItems().stream().map(label).collect(Collectors.joining(", "))));
        boolean[] syncing = {false};
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<T>) c -> {
            if (!syncing[0]) {
                syncing[0] = true;
                chosen.setAll(box.getCheckModel().getCheckedItems());
                syncing[0] = false;
            }
        });
        chosen.addListener((ListChangeListener<T>) c -> {
            if (!syncing[0]) {
                syncing[0] = true;
                box.getCheckModel().clearChecks();
                chosen.forEach(box.getCheckModel()::check);
                syncing[0] = false;
            }
        });
        // what the filter holds already (a saved view shown at start)
        syncing[0] = true;
        chosen.forEach(box.getCheckModel()::check);
        syncing[0] = false;
    }
}
