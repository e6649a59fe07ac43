package com.jobsconsole.ui.common;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Date pickers that read and show dates as the API writes them ({@code yyyy-MM-dd}) whatever the
 * desktop's locale, and that say at the field when the typed text is not a date. The text stays for
 * the user to correct (a plain DatePicker clears it silently); the value is empty meanwhile, so no
 * wrong moment is used.
 */
public final class DateFields {

    private DateFields() {
    }

    /**
     * @param notADate the message for text that is not a date, with {@code {0}} for the text
     */
    public static void attach(DatePicker picker, FieldValidation validation, String hint, String notADate) {
        StringProperty error = new SimpleStringProperty();
        String[] rejected = {null};
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                if (rejected[0] != null) {
                    String text = rejected[0]; // the picker shows the text again, not an empty field
                    rejected[0] = null;
                    return text;
                }
                return date == null ? "" : date.toString();
            }

            @Override
            public LocalDate fromString(String text) {
                if (text == null || text.isBlank()) {
                    error.set(null);
                    return null;
                }
                LocalDate date = parse(text);
                if (date == null) {
                    rejected[0] = text;
                    error.set(MessageFormat.format(notADate, text.strip()));
                }
                return date;
            }
        });
        picker.getEditor().textProperty().addListener((o, was, text) -> {
            if (text == null || text.isBlank() || parse(text) != null) {
                error.set(null);
            }
        });
        validation.attach(picker, error, hint);
    }

    private static LocalDate parse(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
