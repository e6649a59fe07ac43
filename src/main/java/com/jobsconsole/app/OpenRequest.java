package com.jobsconsole.app;

import com.jobsconsole.gateway.Guids;
import com.jobsconsole.gateway.InvalidInputException;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

/**
 * What to open in the window (issue 23): a job, on a profile or in a store, from {@code --open GUID
 * [--profile P | --store F]} or from a link {@code jobs-console://job/GUID?profile=P} (or {@code ?store=PATH}),
 * which a ticket, a chat message or a monitoring alert can carry. Handed to a running window when there is one.
 *
 * @param job     the job whose window opens (null: none)
 * @param profile the connection profile to open first (null: the target as it is)
 * @param store   the store file to open first (null: the target as it is); with a profile too (the command
 *                line allows both), the store to come back to and the profile opened
 */
public record OpenRequest(UUID job, String profile, Path store) {

    /** The links' scheme. */
    public static final String SCHEME = "jobs-console";

    /** Whether it asks for anything (a plain start asks for nothing and hands nothing over). */
    public boolean isEmpty() {
        return job == null && profile == null && store == null;
    }

    /**
     * A link {@code jobs-console://job/GUID[?profile=NAME | ?store=PATH]}, the GUID in any usual form; an
     * {@link InvalidInputException} saying what is wrong with anything else.
     */
    public static OpenRequest fromLink(String link) {
        URI uri;
        try {
            // a GUID in braces, a name with a space, as people paste them
            uri = new URI(link.strip().replace("{", "%7B").replace("}", "%7D").replace(" ", "%20"));
        } catch (URISyntaxException e) {
            throw new InvalidInputException(e, "link.invalid", link);
        }
        if (!SCHEME.equalsIgnoreCase(uri.getScheme())) {
            throw new InvalidInputException("link.scheme", link, SCHEME);
        }
        String what = uri.getHost() != null ? uri.getHost() : uri.getAuthority();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("^/+|/+$", "");
        if (what == null || !what.toLowerCase(Locale.ROOT).equals("job") || path.isEmpty() || path.contains("/")) {
            throw new InvalidInputException("link.what", link);
        }
        UUID job = guid(decode(path));
        String profile = null;
        Path store = null;
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                switch (key) {
                    case "profile" -> profile = nonBlank(value, link);
                    case "store" -> store = Path.of(nonBlank(value, link));
                    default -> throw new InvalidInputException("link.parameter", key, link);
                }
            }
        }
        if (profile != null && store != null) {
            throw new InvalidInputException("link.bothTargets");
        }
        return new OpenRequest(job, profile, store);
    }

    /** The link that opens this job (on its profile, or in its store). */
    public String toLink() {
        StringBuilder link = new StringBuilder(SCHEME).append("://job/").append(job);
        if (profile != null) {
            link.append("?profile=").append(java.net.URLEncoder.encode(profile, StandardCharsets.UTF_8).replace("+", "%20"));
        } else if (store != null) {
            link.append("?store=").append(java.net.URLEncoder.encode(store.toString(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return link.toString();
    }

    /** The link's GUID: in any usual form, hyphens or none, braces or none (one GUID, nothing else). */
    private static UUID guid(String text) {
        try {
            return Guids.parse(text);
        } catch (InvalidInputException e) {
            var found = Guids.findAll(text);
            if (found.size() == 1 && text.replaceAll("[{}\\-]", "").length() == 32) {
                return found.iterator().next();
            }
            throw e;
        }
    }

    private static String nonBlank(String value, String link) {
        if (value.isBlank()) {
            throw new InvalidInputException("link.empty", link);
        }
        return value;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e, "link.invalid", s);
        }
    }
}
