package com.jobsconsole.ui.methods;

import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.Guids;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.ApiMethod;
import com.jobsconsole.ui.common.DialogService;
import com.jobsconsole.ui.common.TaskExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;

import java.util.UUID;

/** A method tab whose form starts with the GUID of an existing job (read, update, delete). */
public abstract class GuidMethodViewModel extends MethodViewModel {

    private final StringProperty guid = new SimpleStringProperty("");
    private final StringBinding guidError;
    private final StringBinding guidFormError;

    protected GuidMethodViewModel(ApiMethod method, ActiveGateway gateway, TaskExecutor executor,
                                  DialogService dialogs, Messages messages) {
        super(method, gateway, executor, dialogs, messages);
        guidError = Bindings.createStringBinding(() -> FieldRules.guidError(guid.get(), messages), guid);
        guidFormError = Bindings.createStringBinding(this::labelledGuidError, guidError);
    }

    /** A form of the GUID alone (read, delete): its one problem is the GUID's. Forms with more fields override this. */
    @Override
    protected ObservableStringValue formError() {
        return guidFormError;
    }

    public StringProperty guidProperty() {
        return guid;
    }

    public ObservableStringValue guidError() {
        return guidError;
    }

    /** The GUID in the form; call only when the form is valid. */
    protected UUID guid() {
        return Guids.parse(guid.get());
    }

    /** The GUID field's error, labelled with the field's name. */
    protected String labelledGuidError() {
        return labelled("field.guid", guidError.get());
    }
}
