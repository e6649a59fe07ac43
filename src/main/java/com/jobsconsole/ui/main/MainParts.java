package com.jobsconsole.ui.main;

import com.jobsconsole.ui.attention.AttentionViewModel;
import com.jobsconsole.ui.common.ProgressTask;
import com.jobsconsole.ui.common.Undo;
import com.jobsconsole.ui.journal.JournalViewModel;
import com.jobsconsole.ui.jobs.DirectoryViewModel;
import com.jobsconsole.ui.jobs.JobWindows;
import com.jobsconsole.ui.jobs.JobsBrowserViewModel;
import com.jobsconsole.ui.methods.CreateJobViewModel;
import com.jobsconsole.ui.methods.DeleteJobViewModel;
import com.jobsconsole.ui.methods.ReadJobViewModel;
import com.jobsconsole.ui.methods.UpdateJobViewModel;
import com.jobsconsole.ui.overview.OverviewViewModel;
import com.jobsconsole.ui.reference.ReferenceTablesViewModel;
import com.jobsconsole.ui.sync.SyncViewModel;
import com.jobsconsole.ui.views.SavedViewsViewModel;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * The main window's parts, made and connected to each other by the application's wiring
 * ({@code app.MainWiring}); {@link MainViewModel} keeps only what is the window's own.
 *
 * @param opening set while a store or a remote target opens (shared by the target chooser and the store files)
 * @param task    the status bar's long work, with progress and Cancel
 * @param jobWindows the open job windows
 * @param directory  View → Directory…
 * @param attention  View → Needs attention (and its count in the status bar)
 * @param overview   View → Overview
 * @param palette    the command palette (Ctrl+K)
 * @param zoom       View → Zoom (the interface's text size)
 * @param views      the Views menu (saved views of the store or profile)
 */
public record MainParts(ReferenceTablesViewModel referenceTables, CreateJobViewModel create, ReadJobViewModel read,
                        UpdateJobViewModel update, DeleteJobViewModel delete, JobsBrowserViewModel jobs,
                        TargetViewModel target, StoreFilesViewModel stores, LiveViewModel live, SyncViewModel sync,
                        LayoutViewModel layout, ProgressTask task, ReadOnlyBooleanWrapper opening,
                        JobWindows jobWindows, DirectoryViewModel directory,
                        AttentionViewModel attention, OverviewViewModel overview, PaletteViewModel palette,
                        Undo undo, JournalViewModel journal, ZoomViewModel zoom,
                        SavedViewsViewModel views) {
}
