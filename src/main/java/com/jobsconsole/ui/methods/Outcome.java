package com.jobsconsole.ui.methods;

/** How the last call of a method tab ended. */
public enum Outcome {
    /** Nothing run yet. */
    NONE,
    SUCCESS,
    FAILURE,
    /** The user declined a confirmation; nothing was changed. */
    DECLINED
}
