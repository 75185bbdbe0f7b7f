package gov.envgov.credit.scheme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import tools.jackson.databind.json.JsonMapper;

/** The shipped scheme files, read as the service reads them, for plain tests. */
public final class Schemes {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Schemes() {
    }

    public static Scheme liaoning() {
        return read("liaoning.json");
    }

    public static Scheme national2013() {
        return read("national-2013.json");
    }

    public static Scheme anhui() {
        return read("anhui.json");
    }

    public static Scheme read(String file) {
        try (InputStream in = Schemes.class.getResourceAsStream("/credit/schemes/" + file)) {
            return JSON.readValue(in, Scheme.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
