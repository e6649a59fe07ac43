package com.jobsconsole.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The message bundles: English (the base) and Russian. */
public final class I18n {

    public static final String BUNDLE = "com.jobsconsole.i18n.messages";
    public static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, RUSSIAN);

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private I18n() {
    }

    /** The supported language closest to the given locale: Russian for Russian, else English. */
    public static Locale supported(Locale locale) {
        return locale != null && "ru".equals(locale.getLanguage()) ? RUSSIAN : Locale.ENGLISH;
    }

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, supported(locale), NO_FALLBACK);
    }

    /** The message for {@code key}, formatted with {@link MessageFormat}; the key itself if missing. */
    public static String format(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args == null || args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, supported(locale)).format(args);
    }
}
