package com.jobsconsole.ui.main;

import com.jobsconsole.ui.common.TableRows;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Collection;
import java.util.List;
import java.util.ResourceBundle;

/**
 * The main window's sections as {@link LayoutViewModel} says: the status tables, the jobs browser and
 * the method panel sharing the height, the panel collapsed to its tab strip or open, one section
 * maximised; double-clicks on the titles and the tab strip, the collapse and maximise buttons, and a
 * divider dragged by the user. A part of the main window's view.
 */
final class SectionLayout {

    /** The browser's height besides its rows (filters, actions, header, summary) and the rows it should show. */
    private static final double JOBS_OVERHEAD = 170;
    private static final int WANTED_ROWS = 15;
    /** The least height of an open method panel: its tab strip and the first rows of its form. */
    private static final double METHODS_MIN_HEIGHT = 180;

    /** The nodes the layout moves. */
    record Sections(BorderPane root, Node referenceSection, Node jobsSection, StackPane methodsSection,
                    SplitPane mainSplit, TabPane methodTabs, Button collapseMethodsButton,
                    Button maximiseMethodsButton, FontIcon collapseIcon, CheckMenuItem methodsItem) {
    }

    private final LayoutViewModel layout;
    private final Sections nodes;
    private final ResourceBundle resources;
    private final Runnable fillOpenTab;
    private boolean applyingLayout;

    /** @param fillOpenTab gives the open method tab its page (before the split is divided) */
    SectionLayout(LayoutViewModel layout, Sections nodes, ResourceBundle resources, Runnable fillOpenTab) {
        this.layout = layout;
        this.nodes = nodes;
        this.resources = resources;
        this.fillOpenTab = fillOpenTab;
    }

    /** Wires the sections' titles, buttons, tab strip and split to the layout, and lays them out as it says. */
    void bind() {
        Button collapseMethodsButton = nodes.collapseMethodsButton();
        SplitPane mainSplit = nodes.mainSplit();
        TabPane methodTabs = nodes.methodTabs();
        collapseMethodsButton.setOnAction(e -> layout.toggleMethods());
        nodes.maximiseMethodsButton().setOnAction(e -> layout.toggleMaximised(LayoutViewModel.Section.METHODS));
        onDoubleClick(nodes.referenceSection().lookupAll(".section-title"), LayoutViewModel.Section.REFERENCE);
        onDoubleClick(nodes.jobsSection().lookupAll(".section-title"), LayoutViewModel.Section.JOBS);
        // the tab strip: a double-click maximises the panel; a click on a tab of a collapsed panel opens it
        methodTabs.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (!isInTabStrip(e.getPickResult().getIntersectedNode())) {
                return;
            }
            if (e.getClickCount() == 2) {
                layout.toggleMaximised(LayoutViewModel.Section.METHODS);
            } else if (layout.methodsCollapsedProperty().get()) {
                layout.methodsCollapsedProperty().set(false);
            }
        });
        methodTabs.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (layout.methodsCollapsedProperty().get() && !applyingLayout) {
                layout.methodsCollapsedProperty().set(false);
            }
        });
        layout.methodsCollapsedProperty().subscribe(this::applyLayout);
        layout.maximisedProperty().subscribe(this::applyLayout);
        layout.dividerProperty().addListener((o, a, b) -> applyLayout()); // a saved view's share of the split
        // only a drag by the user is remembered (the split also moves its divider as it lays out)
        mainSplit.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (e.getTarget() instanceof Node n && n.getStyleClass().contains("split-pane-divider")) {
                layout.dividerMoved(mainSplit.getDividerPositions()[0]);
            }
        });
        // the collapsed panel keeps exactly its tab strip
        methodTabs.skinProperty().addListener((o, a, b) -> Platform.runLater(this::applyLayout));
        // until the user sizes it, the browser gets the share of the split that shows its rows
        mainSplit.heightProperty().addListener((o, was, height) -> {
            Window window = nodes.root().getScene() == null ? null : nodes.root().getScene().getWindow();
            if (height.doubleValue() > 0 && window != null) {
                double wanted = (JOBS_OVERHEAD + WANTED_ROWS * TableRows.ROW_HEIGHT) / height.doubleValue();
                layout.fitBrowser(window.getHeight(), wanted);
                applyLayout();
            }
        });
    }

    private void onDoubleClick(Collection<Node> titles, LayoutViewModel.Section section) {
        for (Node title : titles) {
            Tooltip.install(title, new Tooltip(resources.getString("layout.section.tooltip")));
            title.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2) {
                    layout.toggleMaximised(section);
                }
            });
        }
    }

    private static boolean isInTabStrip(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getStyleClass().contains("tab-header-area")) {
                return true;
            }
            if (n.getStyleClass().contains("tab-content-area")) {
                return false;
            }
        }
        return false;
    }

    private void applyLayout() {
        SplitPane mainSplit = nodes.mainSplit();
        StackPane methodsSection = nodes.methodsSection();
        LayoutViewModel.Section max = layout.maximisedProperty().get();
        boolean collapsed = layout.methodsCollapsedProperty().get() && max != LayoutViewModel.Section.METHODS;
        fillOpenTab.run(); // an open panel has its page before the split is divided
        applyingLayout = true;
        try {
            Node jobsSection = nodes.jobsSection();
            show(nodes.referenceSection(), max == null || max == LayoutViewModel.Section.REFERENCE);
            show(mainSplit, max != LayoutViewModel.Section.REFERENCE);
            List<Node> items = max == LayoutViewModel.Section.JOBS ? List.of(jobsSection)
                    : max == LayoutViewModel.Section.METHODS ? List.of(methodsSection)
                    : List.of(jobsSection, methodsSection);
            if (!mainSplit.getItems().equals(items)) {
                mainSplit.getItems().setAll(items);
            }
            double strip = tabStripHeight();
            methodsSection.setMinHeight(strip);
            methodsSection.setMaxHeight(collapsed ? strip : Double.MAX_VALUE);
            if (items.size() == 2) {
                mainSplit.setDividerPositions(collapsed ? 1.0 : openDivider(layout.divider()));
            }
            nodes.methodsItem().setSelected(!collapsed);
            nodes.collapseIcon().setIconLiteral(collapsed ? "mdi2c-chevron-up" : "mdi2c-chevron-down");
            String collapse = resources.getString(collapsed ? "layout.expand.tooltip" : "layout.collapse.tooltip");
            nodes.collapseMethodsButton().getTooltip().setText(collapse);
            nodes.collapseMethodsButton().setAccessibleText(collapse);
            nodes.maximiseMethodsButton().setVisible(max == null || max == LayoutViewModel.Section.METHODS);
        } finally {
            applyingLayout = false;
        }
    }

    /** An open method panel is never too low for its form: on a low window the browser gives way. */
    private double openDivider(double browserShare) {
        double height = nodes.mainSplit().getHeight();
        return height <= 0 ? browserShare : Math.max(0.2, Math.min(browserShare, 1 - METHODS_MIN_HEIGHT / height));
    }

    private double tabStripHeight() {
        Node strip = nodes.methodTabs().lookup(".tab-header-area");
        double h = strip instanceof Region r ? r.prefHeight(-1) : 0;
        return Math.ceil(h > 0 ? h + 2 : 36);
    }

    private static void show(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

}
