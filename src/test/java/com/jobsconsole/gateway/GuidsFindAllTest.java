package com.jobsconsole.gateway;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** GUIDs found in any text (issue 23): any case, braces or none, hyphens or none, never inside a longer hex run. */
class GuidsFindAllTest {

    private static final UUID A = UUID.fromString("6b1f0a52-8d3c-4e4e-9a51-0c6f5d2e7a10");
    private static final UUID B = UUID.fromString("7c2f0a52-8d3c-4e4e-9a51-0c6f5d2e7a11");
    private static final UUID C = UUID.fromString("00000000-0000-0000-0000-0000000000ab");

    @Test
    void everyGuidOnceInTheOrderFound() {
        String text = """
                Hi, job {6B1F0A52-8D3C-4E4E-9A51-0C6F5D2E7A10} failed again,
                see log: 2026-12-04 10:05 guid=7c2f0a528d3c4e4e9a510c6f5d2e7a11 status=5
                csv: "6b1f0a52-8d3c-4e4e-9a51-0c6f5d2e7a10",5
                {"guid": "00000000-0000-0000-0000-0000000000AB"}
                sha256: 6b1f0a528d3c4e4e9a510c6f5d2e7a106b1f0a528d3c4e4e9a510c6f5d2e7a10 (not a GUID)
                too short: 6b1f0a52-8d3c-4e4e-9a51-0c6f5d2e7a1
                """;
        assertThat(Guids.findAll(text)).containsExactly(A, B, C);
        assertThat(Guids.findAll("")).isEmpty();
        assertThat(Guids.findAll(null)).isEmpty();
    }

    @Test
    void thousandsInOneText() {
        StringBuilder b = new StringBuilder();
        List<UUID> all = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            UUID g = UUID.randomUUID();
            all.add(g);
            b.append(i % 2 == 0 ? g.toString().toUpperCase() : g.toString().replace("-", "")).append(i % 3 == 0 ? "\n" : ", ");
        }
        assertThat(Guids.findAll(b)).containsExactlyElementsOf(all);
    }
}
