package com.jobsconsole.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static com.jobsconsole.testing.Rendered.says;
import static com.jobsconsole.testing.Rendered.saysNot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuidsTest {

    @ParameterizedTest
    @ValueSource(strings = {"0f8fad5b-d9cb-469f-a165-70867728950e", "0F8FAD5B-D9CB-469F-A165-70867728950E",
        "{0f8fad5b-d9cb-469f-a165-70867728950e}", "  0f8fad5b-d9cb-469f-a165-70867728950e\t"})
    void readsTheWaysPeopleWriteAGuid(String text) {
        assertThat(Guids.parse(text)).isEqualTo(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"));
    }

    @Test
    void emptyIsRefused() {
        assertThatThrownBy(() -> Guids.parse("")).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((GatewayException) e).messageKey()).isEqualTo("error.guid.empty");
        assertThatThrownBy(() -> Guids.parse("   ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Guids.parse(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void overlongTextIsRefusedWithoutEchoingItBack() {
        String huge = "a".repeat(10_000);
        assertThatThrownBy(() -> Guids.parse(huge)).isInstanceOf(InvalidInputException.class)
                .satisfies(says("10,000")).satisfies(saysNot("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0f8fad5b-d9cb-469f-a165-70867728950", "0f8fad5b-d9cb-469f-a165-70867728950g",
        "0f8fad5bd9cb469fa16570867728950e0", "'; DROP TABLE job; --", "0f8fad5b-d9cb-469f-a165-7086772\u00008950e",
        "0f8fad5b-d9cb-469f-a165-\n70867728950e"})
    void malformedTextIsRefused(String text) {
        assertThatThrownBy(() -> Guids.parse(text)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((GatewayException) e).messageKey()).isEqualTo("error.guid.malformed");
    }

    @Test
    void controlCharactersAreShownEscapedInTheMessage() {
        assertThatThrownBy(() -> Guids.parse("abc\u0007def")).satisfies(says("abc\\u0007def"));
    }
}
