package com.jobsconsole.gateway;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a GUID the way a user or a client types it, and says clearly what is wrong. */
public final class Guids {

    /** Longest text looked at: a GUID in braces with some white space around it. */
    public static final int MAX_INPUT = 64;

    private static final Pattern FORM = Pattern.compile(
            "\\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})}?");

    /**
     * A GUID anywhere in a text: any case, with or without braces or hyphens, not part of a longer run of
     * hex digits (a hash, a longer id).
     */
    private static final Pattern ANYWHERE = Pattern.compile("(?<![0-9a-fA-F-])\\{?([0-9a-fA-F]{8})-?([0-9a-fA-F]{4})-?"
            + "([0-9a-fA-F]{4})-?([0-9a-fA-F]{4})-?([0-9a-fA-F]{12})}?(?![0-9a-fA-F-])");

    private Guids() {
    }

    /**
     * Every GUID in {@code text} — mail, log lines, CSV, JSON — in the order first found, each once (issue 23).
     */
    public static Set<UUID> findAll(CharSequence text) {
        Set<UUID> found = new LinkedHashSet<>();
        if (text == null) {
            return found;
        }
        Matcher m = ANYWHERE.matcher(text);
        while (m.find()) {
            found.add(UUID.fromString((m.group(1) + "-" + m.group(2) + "-" + m.group(3) + "-" + m.group(4) + "-"
                    + m.group(5)).toLowerCase(Locale.ROOT)));
        }
        return found;
    }

    /**
     * @throws InvalidInputException when the text is empty, too long, or not a GUID
     */
    public static UUID parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("error.guid.empty");
        }
        if (text.length() > MAX_INPUT) {
            throw new InvalidInputException("error.guid.tooLong", text.length());
        }
        var m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new InvalidInputException("error.guid.malformed", printable(text));
        }
        return UUID.fromString(m.group(1).toLowerCase(Locale.ROOT));
    }

    /** A short, safe echo of what the user typed, for an error message. */
    public static String printable(String text) {
        return printable(text, 40);
    }

    /** What a message shows of a text: control characters escaped, at most {@code limit} characters. */
    public static String printable(String text, int limit) {
        StringBuilder b = new StringBuilder();
        text.codePoints().limit(limit).forEach(cp -> {
            if (Character.isISOControl(cp)) {
                b.append(String.format("\\u%04x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        if (text.codePointCount(0, text.length()) > limit) {
            b.append('…');
        }
        return b.toString();
    }
}
