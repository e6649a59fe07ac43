package com.jobsconsole.ui.common;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * Loads FXML views with the message bundle and a controller factory that hands each controller
 * its view-model (constructor injection, wired by hand). Included FXML files share the factory.
 */
public final class ViewLoader {

    private final ResourceBundle bundle;
    private final Map<Class<?>, Supplier<?>> controllers = new HashMap<>();

    public ViewLoader(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public <T> ViewLoader register(Class<T> type, Supplier<? extends T> factory) {
        controllers.put(type, factory);
        return this;
    }

    /** Loads {@code Name.fxml} that sits beside the class {@code viewClass} in the resources. */
    public Parent load(Class<?> viewClass, String fxmlName) {
        return load(viewClass, fxmlName, factory());
    }

    /**
     * Loads one FXML file that more than one view shares, with its own controller (say, one GUID form
     * for Read and Delete); included files still get the registered ones.
     */
    public <T> Parent load(Class<T> viewClass, String fxmlName, Supplier<? extends T> controller) {
        Callback<Class<?>, Object> registered = factory();
        return load(viewClass, fxmlName, type -> type == viewClass ? controller.get() : registered.call(type));
    }

    private Parent load(Class<?> viewClass, String fxmlName, Callback<Class<?>, Object> controllers) {
        URL url = viewClass.getResource(fxmlName);
        if (url == null) {
            throw new IllegalStateException("FXML not found beside " + viewClass.getName() + ": " + fxmlName);
        }
        FXMLLoader loader = new FXMLLoader(url, bundle);
        loader.setControllerFactory(controllers);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + url, e);
        }
    }

    private Callback<Class<?>, Object> factory() {
        return type -> {
            Supplier<?> s = controllers.get(type);
            if (s == null) {
                throw new IllegalStateException("no controller registered for " + type.getName());
            }
            return s.get();
        };
    }
}
