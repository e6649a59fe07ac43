package com.jobsconsole.ui.connection;

import com.jobsconsole.base.ApiKey;
import com.jobsconsole.base.AuthScheme;
import com.jobsconsole.gateway.ConnectionCheck;
import com.jobsconsole.gateway.remote.ApiConnectionCheck;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.profiles.ConnectionProfile;
import com.jobsconsole.profiles.ProfileStore;
import com.jobsconsole.testing.LocalApiServer;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.ui.common.TaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class ProfilesViewModelTest {

    @TempDir
    Path dir;
    private ProfileStore store;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private ProfilesViewModel vm;
    private LocalApiServer server;

    @BeforeEach
    void setUp() {
        store = new ProfileStore(dir.resolve("config"));
        vm = new ProfilesViewModel(store, TaskExecutor.sameThread(), dialogs, new Messages(Locale.ENGLISH), ApiConnectionCheck.INSTANCE);
    }

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
    }

    private void fill(String name, String url, String key) {
        vm.newProfile();
        vm.nameProperty().set(name);
        vm.baseUrlProperty().set(url);
        vm.apiKeyProperty().set(key);
    }

    @Test
    void aProfileIsSavedWithItsKeyApartInAFileOnlyTheUserCanRead() throws Exception {
        fill("Production", "https://rpa.example.com", "secret-key-42");
        vm.authProperty().set(AuthScheme.BASIC);
        assertThat(vm.canSaveBinding().get()).isTrue();
        vm.save();
        assertThat(store.list()).extracting(ConnectionProfile::name).containsExactly("Production");
        assertThat(store.list().get(0).auth()).isEqualTo(AuthScheme.BASIC);
        String profilesJson = Files.readString(dir.resolve("config/profiles.json"));
        assertThat(profilesJson).contains("rpa.example.com").doesNotContain("secret-key-42");
        assertThat(store.key("Production")).contains(ApiKey.of("secret-key-42"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.keysFile()))).isEqualTo("rw-------");
        assertThat(dialogs.last("notify").message()).isEqualTo("Profile Production saved.");
    }

    /** Work queued, run when the test says: what runs on the caller's thread is what is not queued. */
    private static final class Queued implements TaskExecutor {
        final List<Runnable> work = new ArrayList<>();

        @Override
        public <T> Handle execute(Callable<T> task, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
            boolean[] cancelled = {false};
            work.add(() -> {
                if (cancelled[0]) {
                    return;
                }
                try {
                    onSuccess.accept(task.call());
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
            return new Handle() {
                @Override
                public void cancel() {
                    cancelled[0] = true;
                }

                @Override
                public boolean isCancelled() {
                    return cancelled[0];
                }
            };
        }

        @Override
        public void onCallbackThread(Runnable update) {
            update.run();
        }

        void runAll() {
            List<Runnable> now = List.copyOf(work);
            work.clear();
            now.forEach(Runnable::run);
        }
    }

    @Test
    void whereAKeyIsKeptIsAskedOffTheCallersThreadAndOnlyTheSelectedProfilesAnswerIsShown() {
        fill("Prod", "https://rpa.example.com", "k1");
        vm.save();
        fill("Test", "https://test.example.com", "k2");
        vm.save();
        Queued queued = new Queued();
        ProfilesViewModel later = new ProfilesViewModel(store, queued, dialogs, new Messages(Locale.ENGLISH),
                ApiConnectionCheck.INSTANCE);
        later.selectedProperty().set(store.list().get(0));
        assertThat(later.keyLocationProperty().get()).as("not asked on the FX thread").isEmpty();
        assertThat(later.hasStoredKeyProperty().get()).isFalse();
        assertThat(queued.work).hasSize(1);
        later.selectedProperty().set(store.list().get(1)); // chosen again before the keychain answered
        queued.runAll();
        assertThat(later.selectedProperty().get().name()).isEqualTo("Test");
        assertThat(later.hasStoredKeyProperty().get()).isTrue();
        assertThat(later.keyLocationProperty().get()).isNotEmpty();

        // Test connection with no key typed reads the stored one in its own background work too
        later.testConnection();
        assertThat(later.testingProperty().get()).isTrue();
        assertThat(queued.work).hasSize(1);
    }

    @Test
    void theStoredKeyIsNeverShownAndAnEmptyKeyFieldKeepsIt() {
        fill("Prod", "https://rpa.example.com", "k1");
        vm.save();
        vm.newProfile();
        vm.selectedProperty().set(store.list().get(0));
        assertThat(vm.apiKeyProperty().get()).isEmpty();
        assertThat(vm.hasStoredKeyProperty().get()).isTrue();
        vm.baseUrlProperty().set("https://rpa2.example.com");
        assertThat(vm.canSaveBinding().get()).isTrue();
        vm.save();
        assertThat(store.key("Prod")).contains(ApiKey.of("k1"));
        assertThat(store.list().get(0).baseUrl()).isEqualTo("https://rpa2.example.com");
    }

    @Test
    void badInputKeepsSaveDisabledWithTheReason() {
        fill("", "https://x", "k");
        assertThat(vm.formErrorBinding().get()).isEqualTo("Name: required");
        fill("P", "ftp://x", "k");
        assertThat(vm.formErrorBinding().get()).isEqualTo("Base URL: use an http:// or https:// address with a host");
        fill("P", "https://user:pw@x", "k");
        assertThat(vm.formErrorBinding().get()).contains("user name or password");
        fill("P", "https://x", "");
        assertThat(vm.formErrorBinding().get()).isEqualTo("API key: required");
        fill("P", "https://x", "k");
        vm.connectTimeoutProperty().set("0");
        assertThat(vm.formErrorBinding().get()).startsWith("Time-outs:");
        vm.connectTimeoutProperty().set("5");
        vm.caFileProperty().set(dir.resolve("missing.pem").toString());
        assertThat(vm.formErrorBinding().get()).isEqualTo("CA certificate: the file does not exist");
        assertThat(vm.canSaveBinding().get()).isFalse();
        vm.save();
        assertThat(store.list()).isEmpty();

        fill("Same", "https://x", "k");
        vm.save();
        fill("Same", "https://y", "k");
        assertThat(vm.formErrorBinding().get()).isEqualTo("Name: a profile named “Same” exists already");
    }

    @Test
    void renamingKeepsTheKeyAndDeletingAsksAndRemovesTheKey() {
        fill("Old", "https://x", "k9");
        vm.save();
        vm.nameProperty().set("New");
        vm.save();
        assertThat(store.list()).extracting(ConnectionProfile::name).containsExactly("New");
        assertThat(store.key("New")).contains(ApiKey.of("k9"));

        dialogs.answerConfirm(false);
        vm.delete();
        assertThat(store.list()).hasSize(1);
        dialogs.answerConfirm(true);
        vm.delete();
        assertThat(store.list()).isEmpty();
        assertThat(store.key("New")).isEmpty();
    }

    @Test
    void testConnectionTellsReachableAndAuthorized() throws Exception {
        server = new LocalApiServer(dir);
        fill("Local", server.baseUrl(), LocalApiServer.KEY.reveal());
        vm.testConnection();
        assertThat(vm.verdictProperty().get()).isEqualTo(ConnectionCheck.Verdict.REACHABLE_AUTHORIZED);
        assertThat(vm.testResultProperty().get()).startsWith("Reachable and authorized");
    }

    @Test
    void testConnectionTellsAKeyRejected() throws Exception {
        server = new LocalApiServer(dir);
        fill("Local", server.baseUrl(), "not-the-key");
        vm.testConnection();
        assertThat(vm.verdictProperty().get()).isEqualTo(ConnectionCheck.Verdict.KEY_REJECTED);
        assertThat(vm.testResultProperty().get()).startsWith("Reachable, but the key was rejected").contains("401")
                .doesNotContain("not-the-key");
    }

    @Test
    void testConnectionTellsNotReachableAndWhy() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        fill("Down", "http://127.0.0.1:" + port, "k");
        vm.testConnection();
        assertThat(vm.verdictProperty().get()).isEqualTo(ConnectionCheck.Verdict.NOT_REACHABLE);
        assertThat(vm.testResultProperty().get()).startsWith("Not reachable").contains("connection refused");
    }
}
