package com.jobsconsole.ui.common;

import javafx.util.StringConverter;

import java.util.function.Function;

/** String converters for pickers that show a label the view-model made and are not typed into. */
public final class Converters {

    private Converters() {
    }

    public static <T> StringConverter<T> label(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("this picker is not typed into");
            }
        };
    }
}
