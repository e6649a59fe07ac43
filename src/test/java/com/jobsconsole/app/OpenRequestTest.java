package com.jobsconsole.app;

import com.jobsconsole.gateway.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenRequestTest {

    private static final UUID GUID = UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301");

    @Test
    void aLinkNamesAJobAndItsProfileOrStoreInAnyUsualForm() {
        assertThat(OpenRequest.fromLink("jobs-console://job/3f2504e0-4f89-11d3-9a0c-0305e82c3301"))
                .isEqualTo(new OpenRequest(GUID, null, null));
        assertThat(OpenRequest.fromLink("JOBS-CONSOLE://job/{3F2504E0-4F89-11D3-9A0C-0305E82C3301}/?profile=Plant%202"))
                .isEqualTo(new OpenRequest(GUID, "Plant 2", null));
        assertThat(OpenRequest.fromLink(" jobs-console://job/3f2504e04f8911d39a0c0305e82c3301?store=%2Fsrv%2Fjobs%20a.sqlite\n"))
                .isEqualTo(new OpenRequest(GUID, null, Path.of("/srv/jobs a.sqlite")));
        assertThat(OpenRequest.fromLink("jobs-console://job/" + GUID + "?profile=R%26D+lab").profile())
                .as("a + is a plus, not a space").isEqualTo("R&D+lab");
    }

    @Test
    void aRequestBecomesTheLinkThatOpensIt() {
        for (OpenRequest r : new OpenRequest[] {new OpenRequest(GUID, "Plant 2 / Kazan", null),
            new OpenRequest(GUID, null, Path.of("/srv/jobs a+b.sqlite")), new OpenRequest(GUID, null, null)}) {
            assertThat(OpenRequest.fromLink(r.toLink())).isEqualTo(r);
        }
    }

    @Test
    void anythingElseIsRefusedSayingWhy() {
        Map<String, String> bad = Map.of(
                "https://job/" + GUID, "link.scheme",
                "jobs-console://robot/25", "link.what",
                "jobs-console://job/", "link.what",
                "jobs-console://job/" + GUID + "/history", "link.what",
                "jobs-console://job/3f2504e0-4f89", "error.guid",
                "jobs-console://job/" + GUID + "?profile=", "link.empty",
                "jobs-console://job/" + GUID + "?user=admin", "link.parameter",
                "jobs-console://job/" + GUID + "?profile=A&store=/x", "link.bothTargets",
                "jobs console://job", "link.invalid");
        bad.forEach((link, key) -> assertThatThrownBy(() -> OpenRequest.fromLink(link)).as(link)
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).messageKey()).startsWith(key)));
    }
}
