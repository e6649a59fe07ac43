package com.jobsconsole.ui.main;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ZoomViewModelTest {

    private final List<Double> saved = new ArrayList<>();

    @Test
    void stepsOfTenPercentFromEightyToTwoHundredEachRemembered() {
        ZoomViewModel zoom = new ZoomViewModel(1.0, saved::add);
        for (int i = 0; i < 15; i++) {
            zoom.zoomIn();
        }
        assertThat(zoom.scaleProperty().get()).isEqualTo(2.0);
        assertThat(saved).hasSize(10).startsWith(1.1, 1.2).endsWith(2.0);
        zoom.reset();
        for (int i = 0; i < 5; i++) {
            zoom.zoomOut();
        }
        assertThat(zoom.scaleProperty().get()).isEqualTo(0.8);
        assertThat(zoom.percentProperty().getValue()).isEqualTo("80%");
        assertThat(saved.get(saved.size() - 1)).isEqualTo(0.8);
    }

    @Test
    void aSavedSizeOutOfRangeOrBrokenStartsWithinIt() {
        assertThat(new ZoomViewModel(5.0, saved::add).scaleProperty().get()).isEqualTo(2.0);
        assertThat(new ZoomViewModel(0.1, saved::add).scaleProperty().get()).isEqualTo(0.8);
        assertThat(new ZoomViewModel(Double.NaN, saved::add).scaleProperty().get()).isEqualTo(1.0);
        assertThat(new ZoomViewModel(1.5, saved::add).percentProperty().getValue()).isEqualTo("150%");
        assertThat(saved).as("nothing is saved until the user zooms").isEmpty();
    }
}
