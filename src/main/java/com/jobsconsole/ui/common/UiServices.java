package com.jobsconsole.ui.common;

import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.ReferenceData;

/**
 * What every view-model of the window works with, wired once in {@code app/}: the reference data, the
 * active target, the executor that runs gateway calls off the FX thread, the dialogs, the secondary
 * windows and the user's language.
 */
public record UiServices(ReferenceData reference, ActiveGateway gateway, TaskExecutor executor, DialogService dialogs,
                         WindowService windows, Messages messages) {
}
