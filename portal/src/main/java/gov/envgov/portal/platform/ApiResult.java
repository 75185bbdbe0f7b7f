package gov.envgov.portal.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a service answered, for a page to show: the body on success; on refusal the problem document's title,
 * detail and field errors (so a form shows each beside its field); or that the service could not be reached.
 *
 * @param status      the HTTP status, or 0 when the service was not reached
 * @param body        the JSON body as maps and lists (a page reads fields by name), empty when none
 * @param title       the problem's title when refused
 * @param detail      the problem's detail when refused
 * @param fieldErrors field name → what is accepted, from the problem's {@code errors} or {@code field}
 */
public record ApiResult(int status, Map<String, Object> body, @Nullable String title, @Nullable String detail,
                        Map<String, String> fieldErrors) {

    public static ApiResult unavailable() {
        return new ApiResult(0, Map.of(), null, null, Map.of());
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public boolean isUnavailable() {
        return status == 0 || status >= 500;
    }

    public boolean notFound() {
        return status == 404;
    }

    /** The items of a paginated answer ({@code PageResponse}), or of a plain JSON array. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> items() {
        Object items = body.get("items");
        return items instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    public long total() {
        return body.get("total") instanceof Number number ? number.longValue() : items().size();
    }

    @SuppressWarnings("unchecked")
    static ApiResult refused(int status, Map<String, Object> problem) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (problem.get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                if (error instanceof Map<?, ?> map && map.get("field") != null) {
                    fields.merge(String.valueOf(map.get("field")), String.valueOf(map.get("message")),
                            (a, b) -> a + "; " + b);
                }
            }
        }
        if (problem.get("field") != null) {
            fields.putIfAbsent(String.valueOf(problem.get("field")), String.valueOf(problem.get("detail")));
        }
        return new ApiResult(status, problem, (String) problem.get("title"), (String) problem.get("detail"), fields);
    }
}
