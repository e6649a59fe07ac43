package com.jobsconsole.model;

import java.util.Locale;
import java.util.Objects;

/** A text in English and Russian, as the reference data files carry it. */
public record LocalizedText(String en, String ru) {

    public LocalizedText {
        Objects.requireNonNull(en, "en");
        ru = ru == null || ru.isBlank() ? en : ru;
    }

    public String get(Locale locale) {
        return locale != null && "ru".equals(locale.getLanguage()) ? ru : en;
    }
}
