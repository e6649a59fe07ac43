package com.jobsconsole.ui.methods;

import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.ApiMethod;
import com.jobsconsole.ui.common.DialogService;
import com.jobsconsole.ui.common.TaskExecutor;

import java.util.UUID;

/** The Read tab: shows the job with the GUID typed. */
public final class ReadJobViewModel extends GuidMethodViewModel {


    public ReadJobViewModel(ActiveGateway gateway, TaskExecutor executor, DialogService dialogs, Messages messages) {
        super(ApiMethod.READ, gateway, executor, dialogs, messages);
    }

    @Override
    protected void run() {
        UUID g = guid();
        call(() -> gateway.get().read(g),
                job -> succeed(messages.get("read.success", job.guid().toString()), JobJson.write(job)));
    }
}
