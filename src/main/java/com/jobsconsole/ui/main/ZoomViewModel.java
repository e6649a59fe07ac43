package com.jobsconsole.ui.main;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.value.ObservableValue;

import java.util.function.DoubleConsumer;

/**
 * How large the interface's text is: View → Zoom in / out / reset (Ctrl+= / Ctrl+− / Ctrl+0), from 80% to 200%
 * in steps of 10%, remembered between starts. The windows follow it ({@code ui.common.Zoom}).
 */
public final class ZoomViewModel {

    public static final double MIN = 0.8;
    public static final double MAX = 2.0;
    private static final double STEP = 0.1;

    private final ReadOnlyDoubleWrapper scale;
    private final DoubleConsumer save;

    public ZoomViewModel(double saved, DoubleConsumer save) {
        this.scale = new ReadOnlyDoubleWrapper(clamp(saved));
        this.save = save;
    }

    /** 1.0 is 100%. */
    public ReadOnlyDoubleProperty scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    /** The scale as the user reads it: "150%". */
    public ObservableValue<String> percentProperty() {
        return scale.map(s -> Math.round(s.doubleValue() * 100) + "%");
    }

    public void zoomIn() {
        set(scale.get() + STEP);
    }

    public void zoomOut() {
        set(scale.get() - STEP);
    }

    public void reset() {
        set(1.0);
    }

    /** Sets the scale (kept within 80–200%, to the step) and remembers it. */
    public void set(double value) {
        double v = clamp(value);
        if (v != scale.get()) {
            scale.set(v);
            save.accept(v);
        }
    }

    private static double clamp(double value) {
        if (Double.isNaN(value) || value <= 0) {
            return 1.0;
        }
        double stepped = Math.round(value / STEP) * STEP;
        return Math.round(Math.max(MIN, Math.min(MAX, stepped)) * 100) / 100.0;
    }
}
