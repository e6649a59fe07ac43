package com.jobsconsole.ui.common;

/**
 * A kind of secondary window a view-model can ask for (Sync, Import, Profiles): its title's message
 * key, whether it blocks the main window while open, and its size (0: as its content wants). What it
 * shows is registered with the window service by the application's wiring; at most one window of a
 * kind is open at a time.
 *
 * @param <T> what the window shows: the view-model it is opened on
 */
public record WindowKind<T>(String id, String titleKey, boolean modal, double width, double height) {
}
