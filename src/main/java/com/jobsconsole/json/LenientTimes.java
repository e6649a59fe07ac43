package com.jobsconsole.json;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the date-time shapes an orchestrator sends: {@code yyyy-MM-dd HH:mm:ss} (its own),
 * {@code dd-MM-yyyy HH:mm:ss}, ISO-8601 (local or with an offset, converted to this machine's
 * zone), and Unix seconds.
 */
public final class LenientTimes {

    private static final Pattern UNIX_SECONDS = Pattern.compile("-?\\d{1,12}(\\.\\d+)?");
    private static final List<DateTimeFormatter> LOCAL = List.of(
            JobJson.DATE_TIME,
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
            DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss"),
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME);

    private LenientTimes() {
    }

    /** The moment, or empty when the text is none of the known shapes. Blank text is "no time". */
    public static Optional<LocalDateTime> parse(String text, ZoneId zone) {
        String t = text.strip();
        LocalDateTime own = JobJson.parseOwnTime(t);
        if (own != null) {
            return Optional.of(own);
        }
        if (UNIX_SECONDS.matcher(t).matches()) {
            long seconds = (long) Double.parseDouble(t);
            return Optional.of(LocalDateTime.ofInstant(Instant.ofEpochSecond(seconds), zone));
        }
        for (DateTimeFormatter f : LOCAL) {
            try {
                return Optional.of(LocalDateTime.parse(t, f).truncatedTo(ChronoUnit.SECONDS));
            } catch (DateTimeParseException ignored) {
                // try the next shape
            }
        }
        try {
            return Optional.of(OffsetDateTime.parse(t).atZoneSameInstant(zone).toLocalDateTime()
                    .truncatedTo(ChronoUnit.SECONDS));
        } catch (DateTimeParseException ignored) {
            // not ISO with an offset either
        }
        try {
            return Optional.of(LocalDateTime.ofInstant(Instant.parse(t), zone).truncatedTo(ChronoUnit.SECONDS));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
