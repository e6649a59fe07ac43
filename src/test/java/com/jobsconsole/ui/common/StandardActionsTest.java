package com.jobsconsole.ui.common;

import com.jobsconsole.i18n.I18n;
import com.jobsconsole.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The action registry: every action named in both languages, no shortcut given twice, and the Help list made from it. */
class StandardActionsTest {

    @Test
    void everyActionHasANameInBothLanguagesAndNoShortcutIsGivenTwice() {
        for (Locale l : new Locale[] {Locale.ENGLISH, I18n.RUSSIAN}) {
            Messages m = new Messages(l);
            for (StandardActions a : StandardActions.values()) {
                assertThat(m.bundle().containsKey(a.textKey())).as("%s in %s", a, l).isTrue();
            }
        }
        Map<String, Long> byShortcut = Arrays.stream(StandardActions.values()).map(StandardActions::shortcut)
                .filter(Objects::nonNull).collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertThat(byShortcut).allSatisfy((shortcut, n) -> assertThat(n).as(shortcut).isEqualTo(1L));
    }

    @Test
    void theShortcutListInHelpNamesEveryActionWithAShortcut() {
        String list = new ActionFactory(new Messages(I18n.RUSSIAN).bundle()).shortcutList();
        assertThat(list).contains("Клонировать").contains("Ctrl+D").contains("F5").doesNotContain("_");
        long withShortcut = Arrays.stream(StandardActions.values()).filter(a -> a.shortcut() != null).count();
        assertThat(list.lines().count()).isEqualTo(withShortcut);
    }
}
