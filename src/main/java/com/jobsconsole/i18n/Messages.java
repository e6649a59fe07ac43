package com.jobsconsole.i18n;

import com.jobsconsole.gateway.GatewayException;
import com.jobsconsole.model.JobStatus;
import com.jobsconsole.model.JobType;
import com.jobsconsole.model.LocalizedText;
import com.jobsconsole.model.ReferenceData;

import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;

/** The messages of one language, for view-models, dialogs and the command line. */
public final class Messages {

    private final Locale locale;
    private final ResourceBundle bundle;

    public Messages(Locale locale) {
        this.locale = I18n.supported(locale);
        this.bundle = I18n.bundle(this.locale);
    }

    public Locale locale() {
        return locale;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public String get(String key, Object... args) {
        return I18n.format(locale, key, args);
    }

    public String text(LocalizedText text) {
        return text == null ? "" : text.get(locale);
    }

    /** What a failure means to the user: a gateway's own message, or a generic one with the cause. */
    public String describe(Throwable error) {
        if (error instanceof GatewayException ge) {
            return get(ge.messageKey(), ge.args());
        }
        String detail = error == null ? "" : String.valueOf(error.getMessage());
        return get("error.unexpected", error == null ? "" : error.getClass().getSimpleName(), detail);
    }

    /** "1 — Pending": a status as pickers and messages show it. */
    public String label(JobStatus status) {
        return status == null ? "" : get("label.codeName", status.code(), text(status.name()));
    }

    /** "42 s", "3 min 12 s", "1 h 05 min", "2 d 3 h". */
    public String duration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return get("duration.s", s);
        }
        if (s < 3_600) {
            return get("duration.ms", s / 60, s % 60);
        }
        if (s < 86_400) {
            return get("duration.hm", s / 3_600, String.format("%02d", s % 3_600 / 60));
        }
        return get("duration.dh", s / 86_400, s % 86_400 / 3_600);
    }

    /** "1 — Pending" for a status code of {@code reference}; the bare code for one it does not know. */
    public String label(ReferenceData reference, int status) {
        return reference.status(status).map(this::label).orElse(String.valueOf(status));
    }

    /** "1 — Orchestrated". */
    public String label(JobType type) {
        return type == null ? "" : get("label.codeName", type.code(), text(type.name()));
    }
}
