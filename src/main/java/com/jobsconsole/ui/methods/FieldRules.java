package com.jobsconsole.ui.methods;

import com.jobsconsole.gateway.GatewayException;
import com.jobsconsole.gateway.Guids;
import com.jobsconsole.i18n.Messages;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Checks what the user typed into a form and says what is wrong, in the user's language. */
public final class FieldRules {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm[:ss]");

    private FieldRules() {
    }

    /** Null when the text is a GUID, else why not. */
    public static String guidError(String text, Messages m) {
        try {
            Guids.parse(text);
            return null;
        } catch (GatewayException e) {
            return m.describe(e);
        }
    }

    /** Null when the text is a valid id (or blank and optional), else why not. */
    public static String idError(String text, boolean required, Messages m) {
        if (text == null || text.isBlank()) {
            return required ? m.get("field.required") : null;
        }
        String t = text.strip();
        if (t.length() > 18 && t.chars().allMatch(Character::isDigit)) {
            return m.get("field.id.tooLarge");
        }
        if (!DIGITS.matcher(t).matches()) {
            return m.get("field.id.notNumber", Guids.printable(t));
        }
        if (Long.parseLong(t) < 1) {
            return m.get("field.id.notPositive");
        }
        return null;
    }

    /** The id typed, or null when blank. Call only when {@link #idError} said nothing. */
    public static Long id(String text) {
        return text == null || text.isBlank() ? null : Long.parseLong(text.strip());
    }

    /** Null when the date and time make a moment (or both are empty), else why not. */
    public static String dateTimeError(LocalDate date, String time, Messages m) {
        boolean noTime = time == null || time.isBlank();
        if (date == null) {
            return noTime ? null : m.get("field.dateTime.noDate");
        }
        if (noTime) {
            return null;
        }
        try {
            LocalTime.parse(time.strip(), TIME);
            return null;
        } catch (DateTimeParseException e) {
            return m.get("field.dateTime.badTime", Guids.printable(time.strip()));
        }
    }

    /** The moment, or null when no date is set. Call only when {@link #dateTimeError} said nothing. */
    public static LocalDateTime dateTime(LocalDate date, String time) {
        if (date == null) {
            return null;
        }
        LocalTime t = time == null || time.isBlank() ? LocalTime.MIDNIGHT : LocalTime.parse(time.strip(), TIME);
        return LocalDateTime.of(date, t);
    }
}
