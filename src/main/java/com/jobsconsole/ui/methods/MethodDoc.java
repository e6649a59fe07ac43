package com.jobsconsole.ui.methods;

import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.ApiMethod;

import java.util.List;
import java.util.Locale;

/**
 * A method's documentation as the tab shows it, every text already in the user's language.
 * The examples are valid JSON (the original page's were not).
 */
public record MethodDoc(String title, String httpMethod, String path, String authorization,
                        String description, List<Param> params, String exampleRequest,
                        String exampleResponse, String note) {

    /** A parameter row: name, where it goes, type, required or not, what it means. */
    public record Param(String name, String in, String type, String required, String description) {
    }

    private static final String EXAMPLE_GUID = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private static final String EXAMPLE_JOB = """
            {
              "guid": "0f8fad5b-d9cb-469f-a165-70867728950e",
              "status": 1,
              "type": 1,
              "source": "API",
              "process_version_id": 55,
              "robot_id": 1,
              "account_id": 4,
              "schedule_id": 2,
              "task_id": null,
              "stop_after": "2023-03-04 12:00:00",
              "abort_after": null,
              "created_at": "2023-03-03 12:48:06",
              "updated_at": "2023-03-03 13:24:26",
              "started_at": null,
              "completed_at": null
            }""";

    public static MethodDoc of(ApiMethod method, Messages m) {
        String prefix = method.messagePrefix();
        List<Param> params = method.params().stream().map(p -> new Param(p.name(),
                m.get("doc.in." + p.in().name().toLowerCase(Locale.ROOT)), p.type(),
                m.get(p.required() ? "doc.required.yes" : "doc.required.no"),
                m.get("doc.param." + p.name().toLowerCase(Locale.ROOT)))).toList();
        String auth = m.get("doc.authorization.required");
        return new MethodDoc(m.get(prefix + ".title"), method.httpMethod(), method.path(), auth,
                m.get(prefix + ".description"), params, exampleRequest(method), exampleResponse(method),
                m.get(prefix + ".note"));
    }

    private static String exampleRequest(ApiMethod method) {
        String header = method.httpMethod() + " " + method.path().replace("{guid}", EXAMPLE_GUID)
                + "\nAuthorization: Bearer <Base64 of the API key>";
        return switch (method) {
            case CREATE -> header + "\nContent-Type: application/json\n\n" + """
                    {
                      "Guid": "0f8fad5b-d9cb-469f-a165-70867728950e",
                      "process_version_id": 55,
                      "robot_id": 1,
                      "account_id": 4,
                      "schedule_id": 2,
                      "stop_after": "2023-03-04 12:00:00"
                    }""";
            case UPDATE -> header + "\nContent-Type: application/json\n\n" + """
                    {
                      "Guid": "0f8fad5b-d9cb-469f-a165-70867728950e",
                      "Status": 8
                    }""";
            case READ, DELETE -> header;
        };
    }

    private static String exampleResponse(ApiMethod method) {
        return switch (method) {
            case CREATE, READ -> EXAMPLE_JOB;
            case UPDATE, DELETE -> "[]";
        };
    }
}
