package gov.envgov.complaint.open311;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * A POST of a service request as clients send it: its fields, its {@code media} files (multipart/form-data), and the
 * api key from the body or, as some older clients send it, the query string.
 */
record Open311Form(MultiValueMap<String, String> fields, List<byte[]> media, @Nullable String apiKey) {

    /** The body's api key, else the query string's. */
    static Open311Form of(MultiValueMap<String, String> fields, List<byte[]> media, @Nullable String queryKey) {
        String bodyKey = fields.getFirst("api_key");
        return new Open311Form(fields, media, bodyKey != null && !bodyKey.isBlank() ? bodyKey : queryKey);
    }
}
