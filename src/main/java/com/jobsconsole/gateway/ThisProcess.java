package com.jobsconsole.gateway;

import com.jobsconsole.model.ChangeOrigin;

/**
 * Which of the console's programs this process is (the window, the command line, the local API): a
 * store writes it down beside each status change the process makes, so a job's history can say where
 * each change came from. Set once by the entry point, before the first write.
 */
public final class ThisProcess {

    private static volatile ChangeOrigin origin = ChangeOrigin.WINDOW;

    private ThisProcess() {
    }

    public static void is(ChangeOrigin program) {
        origin = program;
    }

    public static ChangeOrigin origin() {
        return origin;
    }
}
