package com.jobsconsole.ui.connection;

import com.jobsconsole.base.ApiKey;
import com.jobsconsole.base.AuthScheme;
import com.jobsconsole.gateway.ConnectionCheck;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.profiles.ConnectionProfile;
import com.jobsconsole.profiles.ProfileStore;
import com.jobsconsole.ui.common.DialogService;
import com.jobsconsole.ui.common.TaskExecutor;
import com.jobsconsole.ui.common.WindowKind;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The connection profiles dialog: the list, a form for the selected (or new) profile, saving and
 * deleting, and "Test connection". The stored key is never shown; an empty key field keeps it.
 */
public final class ProfilesViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ProfilesViewModel.class);

    /** The profiles dialog, over the main window. */
    public static final WindowKind<ProfilesViewModel> WINDOW = new WindowKind<>("profiles", "profile.title", true, 0, 0);

    private final ProfileStore store;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final ConnectionCheck connectionCheck;
    private final Messages messages;

    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<ConnectionProfile> selected = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty baseUrl = new SimpleStringProperty("https://");
    private final ObjectProperty<AuthScheme> auth = new SimpleObjectProperty<>(AuthScheme.BEARER);
    private final StringProperty apiKey = new SimpleStringProperty("");
    private final StringProperty connectTimeout = new SimpleStringProperty("5");
    private final StringProperty requestTimeout = new SimpleStringProperty("15");
    private final StringProperty liveSeconds = new SimpleStringProperty(String.valueOf(ConnectionProfile.DEFAULT_LIVE_SECONDS));
    private final StringProperty caFile = new SimpleStringProperty("");
    private final BooleanProperty production = new SimpleBooleanProperty();
    private final StringProperty colour = new SimpleStringProperty(ConnectionProfile.DEFAULT_COLOUR);
    private final BooleanProperty readOnly = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper hasStoredKey = new ReadOnlyBooleanWrapper();
    /** Where the selected profile's key is kept: the keychain's name or the key file's path (never the key). */
    private final ReadOnlyStringWrapper keyLocation = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ConnectionCheck.Verdict> verdict = new ReadOnlyObjectWrapper<>();
    /** The keychain's look-up for the selected profile's key, while it runs. */
    private TaskExecutor.Handle keyLookup;

    private final StringBinding nameError;
    private final StringBinding urlError;
    private final StringBinding keyError;
    private final StringBinding timeoutError;
    private final StringBinding caError;
    private final StringBinding formError;
    private final BooleanBinding canSave;

    /** @param connectionCheck what Test connection asks (the application's wiring gives the API's) */
    public ProfilesViewModel(ProfileStore store, TaskExecutor executor, DialogService dialogs, Messages messages,
                             ConnectionCheck connectionCheck) {
        this.connectionCheck = connectionCheck;
        this.store = store;
        this.executor = executor;
        this.dialogs = dialogs;
        this.messages = messages;
        nameError = Bindings.createStringBinding(() -> {
            String n = name.get() == null ? "" : name.get().strip();
            if (n.isEmpty()) {
                return messages.get("field.required");
            }
            if (n.length() > ConnectionProfile.MAX_NAME || n.chars().anyMatch(Character::isISOControl)) {
                return messages.get("profile.error.nameBad");
            }
            boolean taken = profiles.stream().anyMatch(p -> p.name().equals(n)
                    && (selected.get() == null || !selected.get().name().equals(n)));
            return taken ? messages.get("profile.error.nameTaken", n) : null;
        }, name, selected, profiles);
        urlError = Bindings.createStringBinding(() -> {
            String key = ConnectionProfile.urlProblem(baseUrl.get());
            return key == null ? null : messages.get(key);
        }, baseUrl);
        keyError = Bindings.createStringBinding(() -> {
            String k = apiKey.get();
            if (k == null || k.isBlank()) {
                return hasStoredKey.get() ? null : messages.get("field.required");
            }
            try {
                ApiKey.of(k);
                return null;
            } catch (IllegalArgumentException e) {
                return messages.get("profile.error.keyBad");
            }
        }, apiKey, hasStoredKey);
        timeoutError = Bindings.createStringBinding(() -> seconds(connectTimeout.get(), 600) == null
                || seconds(requestTimeout.get(), 3600) == null ? messages.get("profile.error.timeout")
                : seconds(liveSeconds.get(), 3600) == null || seconds(liveSeconds.get(), 3600) < 2
                ? messages.get("profile.error.live") : null,
                connectTimeout, requestTimeout, liveSeconds);
        caError = Bindings.createStringBinding(() -> {
            String f = caFile.get();
            return f == null || f.isBlank() || Files.isRegularFile(Path.of(f.strip()))
                    ? null : messages.get("profile.error.caMissing");
        }, caFile);
        formError = Bindings.createStringBinding(() -> Stream.of(
                        labelled("profile.field.name", nameError.get()), labelled("profile.field.url", urlError.get()),
                        labelled("profile.field.key", keyError.get()), labelled("profile.field.timeouts", timeoutError.get()),
                        labelled("profile.field.ca", caError.get()))
                .filter(Objects::nonNull).findFirst().orElse(""), nameError, urlError, keyError, timeoutError, caError);
        canSave = formError.isEmpty().and(testing.not());
        selected.addListener((o, was, now) -> load(now));
        reload();
    }

    private String labelled(String fieldKey, String error) {
        return error == null ? null : messages.get("form.fieldError", messages.get(fieldKey), error);
    }

    private static Integer seconds(String text, int max) {
        if (text == null || !text.strip().matches("\\d{1,4}")) {
            return null;
        }
        int v = Integer.parseInt(text.strip());
        return v >= 1 && v <= max ? v : null;
    }

    private void reload() {
        ConnectionProfile keep = selected.get();
        profiles.setAll(store.list());
        if (keep != null) {
            profiles.stream().filter(p -> p.name().equals(keep.name())).findFirst().ifPresentOrElse(selected::set,
                    () -> selected.set(null));
        }
    }

    private void load(ConnectionProfile p) {
        testResult.set("");
        verdict.set(null);
        apiKey.set("");
        if (p == null) {
            name.set("");
            baseUrl.set("https://");
            auth.set(AuthScheme.BEARER);
            connectTimeout.set("5");
            requestTimeout.set("15");
            liveSeconds.set(String.valueOf(ConnectionProfile.DEFAULT_LIVE_SECONDS));
            caFile.set("");
            production.set(false);
            colour.set(ConnectionProfile.DEFAULT_COLOUR);
            readOnly.set(false);
            hasStoredKey.set(false);
            keyLocation.set("");
            return;
        }
        production.set(p.production());
        colour.set(p.colour() == null ? ConnectionProfile.DEFAULT_COLOUR : p.colour());
        readOnly.set(p.readOnly());
        name.set(p.name());
        baseUrl.set(p.baseUrl());
        auth.set(p.auth());
        connectTimeout.set(String.valueOf(p.connectTimeoutSeconds()));
        requestTimeout.set(String.valueOf(p.requestTimeoutSeconds()));
        liveSeconds.set(String.valueOf(p.liveSeconds()));
        caFile.set(p.caFile() == null ? "" : p.caFile());
        // the keychain is asked off the FX thread (a Secret Service over D-Bus can take seconds to answer);
        // until it answers the form knows of no stored key, and only the selected profile's answer is shown
        hasStoredKey.set(false);
        keyLocation.set("");
        if (keyLookup != null) {
            keyLookup.cancel();
        }
        String asked = p.name();
        keyLookup = executor.execute(() -> store.keyLocation(asked), where -> {
            if (selected.get() != null && selected.get().name().equals(asked)) {
                hasStoredKey.set(where.isPresent());
                keyLocation.set(where.orElse(""));
            }
        }, error -> LOG.warn("where the key of profile {} is kept: not known ({})", asked,
                error.getClass().getSimpleName())); // the class only: nothing a keychain says goes into a log
    }

    /** Starts a new, empty profile. */
    public void newProfile() {
        selected.set(null);
        load(null);
    }

    private ConnectionProfile formProfile() {
        return new ConnectionProfile(name.get().strip(), baseUrl.get().strip(), auth.get(),
                seconds(connectTimeout.get(), 600), seconds(requestTimeout.get(), 3600),
                caFile.get() == null || caFile.get().isBlank() ? null : caFile.get().strip(),
                seconds(liveSeconds.get(), 3600))
                .marked(production.get(), production.get() ? colour.get() : null, readOnly.get());
    }

    private ApiKey formKey() {
        return apiKey.get() == null || apiKey.get().isBlank() ? null : ApiKey.of(apiKey.get());
    }

    /** Saves the form as a profile (the key, when typed, to the key file). */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        ConnectionProfile p = formProfile();
        String was = selected.get() == null ? null : selected.get().name();
        ApiKey key;
        try {
            key = formKey();
        } catch (RuntimeException e) {
            dialogs.showError(messages.get("profile.saveFailed"), messages.describe(e));
            return;
        }
        // written off the FX thread (the profiles file and the key file, each through a temporary file)
        executor.execute(() -> {
            store.save(was, p, key);
            return store.list();
        }, list -> {
            profiles.setAll(list);
            profiles.stream().filter(x -> x.name().equals(p.name())).findFirst().ifPresent(selected::set);
            dialogs.notify(messages.get("profile.saved", p.name()));
        }, e -> dialogs.showError(messages.get("profile.saveFailed"), messages.describe(e)));
    }

    /** Deletes the selected profile (and its key) after a confirmation. */
    public void delete() {
        ConnectionProfile p = selected.get();
        if (p == null) {
            return;
        }
        if (!dialogs.confirm(messages.get("profile.delete.title"), messages.get("profile.delete.header", p.name()),
                messages.get("profile.delete.body"), messages.get("profile.delete.button"))) {
            return;
        }
        executor.execute(() -> {
            store.delete(p.name());
            return null;
        }, done -> {
            selected.set(null);
            reload();
            load(null);
        }, e -> dialogs.showError(messages.get("profile.saveFailed"), messages.describe(e)));
    }

    /** Test connection: reachable and authorized, key rejected, or not reachable (why). */
    public void testConnection() {
        if (urlError.get() != null || timeoutError.get() != null || caError.get() != null) {
            testResult.set(formError.get());
            return;
        }
        ApiKey typed;
        try {
            typed = formKey();
        } catch (IllegalArgumentException e) {
            testResult.set(labelled("profile.field.key", messages.get("field.required")));
            return;
        }
        // no key typed: the stored one, read off the FX thread with the test (the keychain may be slow)
        String storedOf = typed == null && selected.get() != null ? selected.get().name() : null;
        if (typed == null && storedOf == null) {
            testResult.set(labelled("profile.field.key", messages.get("field.required")));
            return;
        }
        ConnectionProfile p = formProfile();
        testing.set(true);
        testResult.set(messages.get("profile.test.running", p.baseUrl()));
        executor.execute(() -> {
            ApiKey k = typed != null ? typed : store.key(storedOf).orElse(null);
            return k == null ? null : connectionCheck.check(p.target(k));
        }, r -> {
            testing.set(false);
            if (r == null) { // nothing stored after all
                testResult.set(labelled("profile.field.key", messages.get("field.required")));
                return;
            }
            verdict.set(r.verdict());
            String detail = r.detail() == null ? "" : messages.describe(r.detail());
            testResult.set(switch (r.verdict()) {
                case REACHABLE_AUTHORIZED -> messages.get("profile.test.ok");
                case KEY_REJECTED -> messages.get("profile.test.keyRejected", detail);
                case NOT_REACHABLE -> messages.get("profile.test.unreachable", detail);
                case REACHABLE_REJECTED -> messages.get("profile.test.rejected", detail);
            });
        }, e -> {
            testing.set(false);
            verdict.set(ConnectionCheck.Verdict.NOT_REACHABLE);
            testResult.set(messages.get("profile.test.unreachable", messages.describe(e)));
        });
    }

    public ObservableList<ConnectionProfile> profiles() {
        return profiles;
    }

    public ObjectProperty<ConnectionProfile> selectedProperty() {
        return selected;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty baseUrlProperty() {
        return baseUrl;
    }

    public ObjectProperty<AuthScheme> authProperty() {
        return auth;
    }

    public ObservableList<AuthScheme> authSchemes() {
        return FXCollections.observableArrayList(AuthScheme.values());
    }

    public String authLabel(AuthScheme s) {
        return messages.get("profile.auth." + s.cliName());
    }

    public StringProperty apiKeyProperty() {
        return apiKey;
    }

    public StringProperty connectTimeoutProperty() {
        return connectTimeout;
    }

    public StringProperty requestTimeoutProperty() {
        return requestTimeout;
    }

    /** How often Live re-reads the unfinished jobs, in seconds. */
    public StringProperty liveSecondsProperty() {
        return liveSeconds;
    }

    /** Browse…: the CA file the user picks goes into the field. */
    public void browseCaFile() {
        dialogs.chooseCertificateFile().ifPresent(p -> caFile.set(p.toAbsolutePath().toString()));
    }

    public StringProperty caFileProperty() {
        return caFile;
    }

    /** Production: its colour across the window; a delete or a change to more than one job asks for its name. */
    public BooleanProperty productionProperty() {
        return production;
    }

    /** The production band's colour, {@code #rrggbb}. */
    public StringProperty colourProperty() {
        return colour;
    }

    /** Read-only: every write refused, in the window and on the command line. */
    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    public ReadOnlyStringProperty keyLocationProperty() {
        return keyLocation.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasStoredKeyProperty() {
        return hasStoredKey.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionCheck.Verdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ObservableStringValue nameError() {
        return nameError;
    }

    public ObservableStringValue urlError() {
        return urlError;
    }

    public ObservableStringValue keyError() {
        return keyError;
    }

    public ObservableStringValue timeoutError() {
        return timeoutError;
    }

    public ObservableStringValue caError() {
        return caError;
    }

    public StringBinding formErrorBinding() {
        return formError;
    }

    public BooleanBinding canSaveBinding() {
        return canSave;
    }
}
