package com.jobsconsole.ui.common;

/**
 * Every action of the window, in one place (as JabRef's {@code StandardActions}): its name (a message
 * key, so in both languages), its icon and its shortcut. Menus, tool bars, context menus and the
 * shortcut list in Help are made from it by {@link ActionFactory}; what an action does and when it is
 * enabled is given where it is wired.
 */
public enum StandardActions {

    NEW_STORE("menu.file.newStore", "mdi2d-database-plus-outline", "Shortcut+N"),
    OPEN_STORE("menu.file.openStore", "mdi2f-folder-open-outline", "Shortcut+O"),
    SEED_DEMO("menu.file.seed", "mdi2d-database-import-outline", null),
    REFRESH_TARGET("menu.file.refresh", "mdi2r-refresh", "F5"),
    EXIT("menu.file.exit", null, "Shortcut+Q"),
    TOGGLE_METHODS("menu.view.methods", null, "Shortcut+J"),
    MAXIMISE_REFERENCE("menu.view.maxReference", null, "Shortcut+Shift+1"),
    MAXIMISE_JOBS("menu.view.maxJobs", null, "Shortcut+Shift+2"),
    MAXIMISE_METHODS("menu.view.maxMethods", null, "Shortcut+Shift+3"),
    RESTORE_LAYOUT("menu.view.restore", null, null),
    EXECUTE_TAB("form.execute", null, "Shortcut+Enter"),
    JOB_CREATE("jobs.action.create", "mdi2p-plus", null),
    JOB_OPEN("jobs.action.open", "mdi2o-open-in-new", "Enter"),
    JOB_COPY_GUID("job.copy.guid", "mdi2c-content-copy", "Shortcut+Shift+C"),
    JOB_COPY_JSON("job.copy.json", "mdi2c-code-json", null),
    JOB_COPY_CURL("job.copy.curl", "mdi2c-console-line", null),
    JOB_COPY_LINK("job.copy.link", "mdi2l-link-variant", null),
    JOB_CLONE("jobs.action.clone", "mdi2c-content-duplicate", "Shortcut+D"),
    JOB_STOP("jobs.action.stop", "mdi2s-stop-circle-outline", "Shortcut+Shift+S"),
    JOB_ABORT("jobs.action.abort", "mdi2c-close-octagon-outline", "Shortcut+Shift+A"),
    JOB_MAINTENANCE("jobs.action.maintenance", "mdi2t-timer-cog-outline", "Shortcut+M"),
    JOB_DELETE("jobs.action.delete", "mdi2d-delete-outline", "Delete"),
    JOB_IMPORT("import.action", "mdi2d-database-import-outline", "Shortcut+I"),
    JOB_EXPORT("jobs.action.export", "mdi2e-export", "Shortcut+E"),
    JOB_FIND("jobs.action.find", "mdi2m-magnify", "Shortcut+F"),
    JOB_FIND_GUIDS("jobs.action.findGuids", "mdi2t-text-search", "Shortcut+Shift+F"),
    JOB_RELOAD("jobs.action.refresh", "mdi2r-refresh", null),
    DIRECTORY("menu.view.directory", "mdi2b-book-account-outline", "Shortcut+Shift+D"),
    NEEDS_ATTENTION("menu.view.attention", "mdi2a-alert-outline", "Shortcut+Shift+N"),
    ATTENTION_RULES("menu.view.attentionRules", "mdi2t-tune", null),
    OVERVIEW("menu.view.overview", "mdi2v-view-dashboard-outline", "Shortcut+Shift+O"),
    ZOOM_IN("menu.view.zoomIn", "mdi2m-magnify-plus-outline", "Shortcut+Equals"),
    ZOOM_OUT("menu.view.zoomOut", "mdi2m-magnify-minus-outline", "Shortcut+Minus"),
    ZOOM_RESET("menu.view.zoomReset", null, "Shortcut+0"),
    COMMAND_PALETTE("menu.view.palette", "mdi2c-console", "Shortcut+K"),
    SAVE_VIEW("menu.views.save", "mdi2c-content-save-outline", "Shortcut+Alt+S"),
    EXPORT_VIEWS("menu.views.export", "mdi2e-export", null),
    IMPORT_VIEWS("menu.views.import", "mdi2i-import", null),
    UNDO("menu.edit.undo", "mdi2u-undo", "Shortcut+Z"),
    REDO("menu.edit.redo", "mdi2r-redo", "Shortcut+Shift+Z"),
    JOURNAL("menu.edit.journal", "mdi2h-history", "Shortcut+Shift+J"),
    SHORTCUTS("menu.help.shortcuts", "mdi2k-keyboard-outline", "F1"),
    ABOUT("menu.help.about", null, null);

    private final String textKey;
    private final String icon;
    private final String shortcut;

    StandardActions(String textKey, String icon, String shortcut) {
        this.textKey = textKey;
        this.icon = icon;
        this.shortcut = shortcut;
    }

    /** The message key of its name. */
    public String textKey() {
        return textKey;
    }

    /** Its Ikonli icon literal, or null. */
    public String icon() {
        return icon;
    }

    /** Its shortcut in {@code KeyCombination} form ("Shortcut+D"), or null. */
    public String shortcut() {
        return shortcut;
    }
}
