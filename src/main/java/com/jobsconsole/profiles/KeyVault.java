package com.jobsconsole.profiles;

import java.util.Optional;

/** Where API keys are kept, one per profile name: the OS keychain, or the user-only key file. */
interface KeyVault {

    Optional<String> get(String profile);

    /** Keeps the key; throws an unchecked exception when the vault did not take it. */
    void put(String profile, String key);

    void remove(String profile);

    /** Where the keys are, in words for the user ("the Secret Service", "/home/me/.config/…/keys.json"). */
    String where();
}
