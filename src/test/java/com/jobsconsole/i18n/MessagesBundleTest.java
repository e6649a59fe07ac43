package com.jobsconsole.i18n;

import com.jobsconsole.model.StatusKind;
import org.junit.jupiter.api.Test;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesBundleTest {

    private final ResourceBundle en = I18n.bundle(Locale.ENGLISH);
    private final ResourceBundle ru = I18n.bundle(I18n.RUSSIAN);

    @Test
    void bothLanguagesHaveEveryKey() {
        Set<String> enKeys = new TreeSet<>(Collections.list(en.getKeys()));
        Set<String> ruKeys = new TreeSet<>(Collections.list(ru.getKeys()));
        assertThat(ruKeys).isEqualTo(enKeys);
        assertThat(ru.getString("menu.file")).isEqualTo("_Файл");
        assertThat(en.getString("menu.file")).isEqualTo("_File");
    }

    @Test
    void everyPatternIsAValidMessageFormatAndNotLeftInEnglish() {
        for (String key : Collections.list(en.getKeys())) {
            new MessageFormat(en.getString(key), Locale.ENGLISH);
            new MessageFormat(ru.getString(key), I18n.RUSSIAN);
            assertThat(en.getString(key)).as(key).doesNotContain("'");
            assertThat(ru.getString(key)).as(key).doesNotContain("'");
        }
    }

    @Test
    void englishIsChosenEvenWhenTheSystemIsRussian() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(I18n.RUSSIAN);
            assertThat(new Messages(Locale.ENGLISH).get("menu.view")).isEqualTo("_View");
            assertThat(new Messages(Locale.GERMAN).get("menu.view")).isEqualTo("_View");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void statusKindsAreTranslated() {
        for (StatusKind k : StatusKind.values()) {
            assertThat(en.getString(k.messageKey())).isNotBlank();
            assertThat(ru.getString(k.messageKey())).isNotEqualTo(en.getString(k.messageKey()));
        }
    }
}
