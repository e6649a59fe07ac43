package com.jobsconsole.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/**
 * Shows a view-model's field errors at their fields with ControlsFX decorations. The rule
 * itself stays in the view-model; this only draws what it says.
 */
public final class FieldValidation {

    private final ValidationSupport support = new ValidationSupport();

    public FieldValidation() {
        support.setErrorDecorationEnabled(true);
    }

    /**
     * Decorates {@code control} while {@code error} is not null, with the error as its message;
     * the field's tooltip names the rule ({@code hint}) and the current error.
     */
    public void attach(Control control, ObservableStringValue error, String hint) {
        support.registerValidator(control, false,
                (Control c, Object value) -> ValidationResult.fromErrorIf(c, error.get(), error.get() != null));
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(Bindings.createStringBinding(
                () -> error.get() == null ? hint : hint + "\n\n" + error.get(), error));
        control.setTooltip(tooltip);
        error.addListener((obs, was, now) -> support.revalidate(control));
    }
}
