package gov.envgov.permit.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class ReadingBatchParserTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private ReadingBatchParser.Parsed parse(String body) {
        return ReadingBatchParser.parse(json, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsAJsonArrayAndNdjsonAlike() {
        String one = "{\"enterprise\":\"E\",\"outlet\":\"DA001\",\"pollutant\":\"SO2\","
                + "\"timestamp\":\"2026-03-10T08:00:00+08:00\",\"concentration\":12.5,\"flow\":null}";
        var array = parse("[" + one + "," + one + "]");
        var ndjson = parse(one + "\n" + one + "\n");
        assertThat(array.readings()).hasSize(2);
        assertThat(ndjson.readings()).hasSize(2).first().satisfies(reading -> {
            assertThat(reading.measuredAt()).isEqualTo(Instant.parse("2026-03-10T00:00:00Z"));
            assertThat(reading.concentration()).isEqualTo(12.5);
            assertThat(reading.flow()).isNull();
            assertThat(reading.index()).isZero();
        });
        assertThat(ndjson.readings().get(1).index()).isEqualTo(1);
    }

    @Test
    void rejectsNonNumbersNegativeValuesMissingFieldsAndBadTimesOneByOne() {
        var parsed = parse("""
                [{"enterprise":"E","outlet":"DA001","pollutant":"SO2","timestamp":"2026-03-10T00:00:00Z","concentration":"12"},
                 {"enterprise":"E","outlet":"DA001","pollutant":"SO2","timestamp":"2026-03-10T00:00:00Z","concentration":-1},
                 {"enterprise":"E","outlet":"DA001","pollutant":"SO2","timestamp":"2026-03-10T00:00:00Z","concentration":1,"flow":"x"},
                 {"enterprise":"E","outlet":"DA001","timestamp":"2026-03-10T00:00:00Z","concentration":1},
                 {"enterprise":"E","outlet":"DA001","pollutant":"SO2","timestamp":"10/03/2026","concentration":1},
                 42,
                 {"enterprise":"E","outlet":"DA001","pollutant":"SO2","timestamp":"2026-03-10T00:00:00Z","concentration":1,"extra":{"a":[1]}}]
                """);
        assertThat(parsed.received()).isEqualTo(7);
        assertThat(parsed.rejections()).extracting(Rejection::reason).containsExactly("not-a-number",
                "not-a-number", "not-a-number", "missing-field", "bad-timestamp", "malformed");
        assertThat(parsed.readings()).singleElement().satisfies(r -> assertThat(r.index()).isEqualTo(6));
    }

    @Test
    void aBodyThatIsNotJsonFailsAsAWhole() {
        assertThatThrownBy(() -> parse("not json")).isInstanceOf(ReadingBatchParser.MalformedBatch.class);
        assertThatThrownBy(() -> parse("[{\"enterprise\":")).isInstanceOf(ReadingBatchParser.MalformedBatch.class);
    }
}
