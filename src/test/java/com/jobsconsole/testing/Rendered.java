package com.jobsconsole.testing;

import com.jobsconsole.i18n.I18n;
import com.jobsconsole.i18n.Messages;

import java.util.Locale;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user is told about a failure: the exception rendered by {@link Messages#describe}, the way
 * the GUI, the command line and the server render it (exceptions carry only a key and arguments).
 */
public final class Rendered {

    private static final Messages ENGLISH = new Messages(Locale.ENGLISH);
    private static final Messages RUSSIAN = new Messages(I18n.RUSSIAN);

    private Rendered() {
    }

    public static String english(Throwable e) {
        return ENGLISH.describe(e);
    }

    public static String russian(Throwable e) {
        return RUSSIAN.describe(e);
    }

    /** For {@code assertThatThrownBy(..).satisfies(says("..."))}: the English message contains the text. */
    public static Consumer<Throwable> says(String text) {
        return e -> assertThat(english(e)).contains(text);
    }

    /** The English message does not contain the text. */
    public static Consumer<Throwable> saysNot(String text) {
        return e -> assertThat(english(e)).doesNotContain(text);
    }
}
