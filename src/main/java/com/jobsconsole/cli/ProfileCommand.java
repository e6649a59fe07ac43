package com.jobsconsole.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jobsconsole.base.ApiKey;
import com.jobsconsole.base.AuthScheme;
import com.jobsconsole.gateway.ConnectionCheck;
import com.jobsconsole.gateway.GatewayException;
import com.jobsconsole.gateway.remote.ApiConnectionCheck;
import com.jobsconsole.profiles.ConnectionProfile;
import com.jobsconsole.profiles.ProfileStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code profile add|list|show|test|remove}: the connection profiles the GUI makes, from the command
 * line. The API key is taken from a file, an environment variable or standard input, never from the
 * command line (it would be in the shell's history), and never printed.
 */
@Command(name = "profile", description = "Connection profiles to orchestrators (shared with the GUI).",
        subcommands = {ProfileCommand.Add.class, ProfileCommand.Edit.class, ProfileCommand.ListProfiles.class,
            ProfileCommand.Show.class,
            ProfileCommand.Test.class, ProfileCommand.Remove.class})
public final class ProfileCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CliContext.INVALID_INPUT;
    }

    static ProfileStore store() {
        return new ProfileStore(CliContext.dirs().configDir());
    }

    /** Runs a subcommand: a usage mistake or a refused profile is exit 2 with its reason on stderr. */
    abstract static class Sub implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                int code = run(out);
                out.flush();
                return code;
            } catch (RuntimeException e) {
                spec.commandLine().getErr().println("profile " + spec.name() + ": " + CliContext.describe(e));
                return CliContext.exitCode(e);
            }
        }

        abstract int run(PrintWriter out);

        ConnectionProfile existing(String name) {
            ProfileStore profiles = store();
            return profiles.find(name).orElseThrow(() -> new CliContext.CliUsageException("no profile named \""
                    + name + "\"; known: " + profiles.list().stream().map(ConnectionProfile::name).toList()));
        }
    }

    @Command(name = "add", description = "Adds a profile (its key from a file, a variable or standard input).")
    static final class Add extends Sub {
        @Parameters(paramLabel = "NAME", description = "The profile's name, as the GUI shows it.")
        String name;
        @Option(names = "--url", required = true, paramLabel = "URL", description = "Base URL of the orchestrator.")
        String url;
        @Option(names = "--api-key-file", paramLabel = "FILE", description = "File whose first line is the API key.")
        Path keyFile;
        @Option(names = "--api-key-env", paramLabel = "VAR", description = "Environment variable holding the API key.")
        String keyEnv;
        @Option(names = "--api-key-stdin", description = "Read the API key from the first line of standard input.")
        boolean keyStdin;
        @Option(names = "--auth", paramLabel = "SCHEME", defaultValue = "bearer",
                description = "How the key is sent: bearer (default), basic or raw.")
        String auth;
        @Option(names = "--ca-file", paramLabel = "FILE", description = "Extra CA certificate (PEM) to trust for HTTPS.")
        Path caFile;
        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "15",
                description = "Request time-out in seconds (default 15).")
        int timeout;
        @Option(names = "--production", description = "Mark it production: its colour across the window, and a "
                + "delete or a change to more than one job asks for its name.")
        boolean production;
        @Option(names = "--colour", paramLabel = "#RRGGBB", description = "The production band's colour (default #c62828).")
        String colour;
        @Option(names = "--read-only", description = "Mark it read-only: every write is refused (exit 6).")
        boolean readOnly;

        @Override
        int run(PrintWriter out) {
            AuthScheme scheme = CliContext.authScheme(auth);
            CliContext.timeoutSeconds(timeout);
            ApiKey key = CliContext.apiKey(keyFile, keyEnv, keyStdin, "--api-key-file, --api-key-env and --api-key-stdin");
            ConnectionProfile profile = new ConnectionProfile(name, url == null ? null : url.strip(), scheme,
                    Math.min(5, timeout), timeout, caFile == null ? null : caFile.toAbsolutePath().toString(), 0)
                    .marked(production, colour, readOnly);
            ProfileStore profiles = store();
            profiles.save(null, profile, key);
            out.printf("Added profile %s for %s (key kept in %s, never shown)%n", name, profile.baseUrl(),
                    profiles.keyLocation(name).orElse("?"));
            return CliContext.OK;
        }
    }

    @Command(name = "edit", description = "Marks a profile production or read-only, or takes the marks off "
            + "(its key and address stay).")
    static final class Edit extends Sub {
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--production", negatable = true, description = "Production (--no-production: not).")
        Boolean production;
        @Option(names = "--colour", paramLabel = "#RRGGBB", description = "The production band's colour.")
        String colour;
        @Option(names = "--read-only", negatable = true, description = "Read-only (--no-read-only: writable).")
        Boolean readOnly;

        @Override
        int run(PrintWriter out) {
            ConnectionProfile p = existing(name);
            ConnectionProfile marked = p.marked(production == null ? p.production() : production,
                    colour == null ? p.colour() : colour, readOnly == null ? p.readOnly() : readOnly);
            store().save(name, marked, null);
            out.printf("Profile %s: %s, %s%n", name, marked.production() ? "production (" + marked.colour() + ")"
                    : "not production", marked.readOnly() ? "read-only" : "writable");
            return CliContext.OK;
        }
    }

    @Command(name = "list", description = "Lists the profiles (never their keys).")
    static final class ListProfiles extends Sub {
        @Option(names = "--json", description = "As JSON.")
        boolean json;

        @Override
        int run(PrintWriter out) {
            ProfileStore profiles = store();
            if (json) {
                ArrayNode all = new ObjectMapper().createArrayNode();
                profiles.list().forEach(p -> all.add(node(p, profiles.key(p.name()).isPresent())));
                out.println(all.toPrettyString());
            } else {
                for (ConnectionProfile p : profiles.list()) {
                    out.printf("%-24s %-40s %s%n", p.name(), p.baseUrl(), p.auth().name().toLowerCase(Locale.ROOT));
                }
            }
            return CliContext.OK;
        }
    }

    static ObjectNode node(ConnectionProfile p, boolean hasKey) {
        ObjectNode n = new ObjectMapper().createObjectNode();
        n.put("name", p.name());
        n.put("url", p.baseUrl());
        n.put("auth", p.auth().name().toLowerCase(Locale.ROOT));
        n.put("connectTimeoutSeconds", p.connectTimeoutSeconds());
        n.put("requestTimeoutSeconds", p.requestTimeoutSeconds());
        n.put("caFile", p.caFile());
        n.put("liveSeconds", p.liveSeconds());
        n.put("production", p.production());
        n.put("colour", p.colour());
        n.put("readOnly", p.readOnly());
        n.put("key", hasKey ? "set (never shown)" : "none");
        return n;
    }

    @Command(name = "show", description = "Shows a profile (never its key).")
    static final class Show extends Sub {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run(PrintWriter out) {
            ConnectionProfile p = existing(name);
            ProfileStore profiles = store();
            Optional<String> where = profiles.keyLocation(name);
            ObjectNode n = node(p, where.isPresent());
            n.put("keyKeptIn", where.orElse(null)); // where, never what
            out.println(n.toPrettyString());
            return CliContext.OK;
        }
    }

    @Command(name = "test", description = "Asks the orchestrator whether it answers and takes the key "
            + "(exit 0 yes, 4 key refused, 5 no answer).")
    static final class Test extends Sub {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run(PrintWriter out) {
            ConnectionProfile p = existing(name);
            ApiKey key = store().key(name).orElseThrow(() -> new CliContext.CliUsageException(
                    "the profile \"" + name + "\" has no API key"));
            ConnectionCheck.Result r = ApiConnectionCheck.INSTANCE.check(p.target(key));
            GatewayException detail = r.detail();
            String why = detail == null ? "" : ": " + CliContext.describe(detail);
            return switch (r.verdict()) {
                case REACHABLE_AUTHORIZED -> {
                    out.println(name + ": the orchestrator answers and takes the key");
                    yield CliContext.OK;
                }
                case KEY_REJECTED -> {
                    out.println(name + ": the orchestrator answers but refuses the key" + why);
                    yield CliContext.NOT_AUTHORIZED;
                }
                case NOT_REACHABLE -> {
                    out.println(name + ": no answer" + why);
                    yield CliContext.UNAVAILABLE;
                }
                case REACHABLE_REJECTED -> {
                    out.println(name + ": the orchestrator answers but rejected the test read" + why);
                    yield CliContext.OTHER;
                }
            };
        }
    }

    @Command(name = "remove", description = "Removes a profile and its key (its cache of jobs stays).")
    static final class Remove extends Sub {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run(PrintWriter out) {
            existing(name);
            store().delete(name);
            out.println("Removed profile " + name);
            return CliContext.OK;
        }
    }
}
