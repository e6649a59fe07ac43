package com.jobsconsole.model;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The four documented Job API methods: HTTP method, path and parameters. */
public enum ApiMethod {
    CREATE("POST", "/api/job/create", List.of(
            new ApiParam("Guid", ApiParam.In.BODY, "uuid", true),
            new ApiParam("process_version_id", ApiParam.In.BODY, "integer", true),
            new ApiParam("robot_id", ApiParam.In.BODY, "integer", true),
            new ApiParam("account_id", ApiParam.In.BODY, "integer", true),
            new ApiParam("type", ApiParam.In.BODY, "integer", false),
            new ApiParam("status", ApiParam.In.BODY, "integer", false),
            new ApiParam("schedule_id", ApiParam.In.BODY, "integer", false),
            new ApiParam("task_id", ApiParam.In.BODY, "integer", false),
            new ApiParam("stop_after", ApiParam.In.BODY, "datetime", false),
            new ApiParam("abort_after", ApiParam.In.BODY, "datetime", false))),
    READ("GET", "/api/job/read/{guid}", List.of(
            new ApiParam("guid", ApiParam.In.PATH, "uuid", true))),
    UPDATE("POST", "/api/job/update", List.of(
            new ApiParam("Guid", ApiParam.In.BODY, "uuid", true),
            new ApiParam("Status", ApiParam.In.BODY, "integer", true))),
    DELETE("DELETE", "/api/job/delete/{guid}", List.of(
            new ApiParam("guid", ApiParam.In.PATH, "uuid", true)));

    private final String httpMethod;
    private final String path;
    private final List<ApiParam> params;

    ApiMethod(String httpMethod, String path, List<ApiParam> params) {
        this.httpMethod = httpMethod;
        this.path = path;
        this.params = params;
    }

    public String httpMethod() {
        return httpMethod;
    }

    /** The path template, with {@code {guid}} where the GUID goes. */
    public String path() {
        return path;
    }

    public String path(UUID guid) {
        return path.replace("{guid}", guid.toString());
    }

    public List<ApiParam> params() {
        return params;
    }

    /** The prefix of this method's keys in the message bundles, e.g. {@code method.create}. */
    public String messagePrefix() {
        return "method." + name().toLowerCase(Locale.ROOT);
    }

    /** A documented parameter. */
    public record ApiParam(String name, In in, String type, boolean required) {
        /** Where the parameter travels. */
        public enum In { PATH, BODY }
    }
}
