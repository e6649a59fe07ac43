package com.jobsconsole.testing;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The texts a window shows cut off (with an ellipsis): every visible label, button, tab, column header
 * and cell whose shown text is not its whole text, as "shown / whole (where)". Call on the FX thread.
 */
public final class CutTexts {

    private CutTexts() {
    }

    /** The cut texts under {@code root}, leaving out the nodes {@code excepted} names. */
    public static List<String> in(Parent root, Predicate<Node> excepted) {
        List<String> cut = new ArrayList<>();
        root.applyCss();
        root.layout();
        walk(root, excepted, cut);
        return cut;
    }

    private static void walk(Node n, Predicate<Node> excepted, List<String> cut) {
        if (!n.isVisible() || excepted.test(n)) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()
                && l.lookup(".text") instanceof Text t && t.getParent() == l && !shown(l).equals(t.getText())) {
            cut.add(t.getText() + " / " + l.getText() + " (" + where(l) + ")");
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, excepted, cut);
            }
        }
    }

    /** The text as a label shows it whole: without its mnemonic's underscore. */
    private static String shown(Labeled l) {
        String text = l.getText();
        if (l.isMnemonicParsing()) {
            int u = text.indexOf('_');
            if (u >= 0 && u + 1 < text.length()) {
                text = text.substring(0, u) + text.substring(u + 1);
            }
        }
        return text;
    }

    private static String where(Labeled l) {
        String id = l.getId();
        if (l instanceof TableCell<?, ?> c && c.getTableColumn() != null) {
            id = c.getTableColumn().getId();
        }
        return (id == null ? "" : "#" + id + " ") + l.getClass().getSimpleName();
    }
}
