package com.jobsconsole.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A request's fields read strictly: JSON objects and forms, names once whatever their case, no control characters. */
class RequestFieldsTest {

    private static String refused(ThrowingCall call) {
        BadRequest e = catchThrowableOfType(call::run, BadRequest.class);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.status).isEqualTo(400);
        return e.getMessage();
    }

    private interface ThrowingCall {
        void run() throws BadRequest;
    }

    @Test
    void aJsonObjectsPlainFieldsAreReadWithNamesInLowerCase() throws BadRequest {
        assertThat(RequestFields.json("{\"Guid\": \"a\", \"Status\": 5, \"note\": null}"))
                .containsEntry("guid", "a").containsEntry("status", "5").containsEntry("note", null);
    }

    @Test
    void anythingElseIsAClearFourHundred() {
        assertThat(refused(() -> RequestFields.json(" "))).contains("empty");
        assertThat(refused(() -> RequestFields.json("[1]"))).contains("JSON object");
        assertThat(refused(() -> RequestFields.json("{\"guid\": "))).contains("not valid JSON");
        assertThat(refused(() -> RequestFields.json("{\"guid\": {\"x\": 1}}"))).contains("plain value");
        assertThat(refused(() -> RequestFields.json("{\"Guid\": \"a\", \"guid\": \"b\"}"))).contains("given twice");
        assertThat(refused(() -> RequestFields.json("{\"guid\": \"a\\u0007\"}"))).contains("control character");
    }

    @Test
    void aFormIsDecodedAndABadEscapeIsTheClientsError() throws BadRequest {
        assertThat(RequestFields.form("guid=a%2Db&status=5&&flag")).containsEntry("guid", "a-b")
                .containsEntry("status", "5").containsEntry("flag", "");
        assertThat(refused(() -> RequestFields.form("guid=%zz"))).contains("percent-escape");
        assertThat(refused(() -> RequestFields.form("Status=1&status=2"))).contains("given twice");
    }
}
