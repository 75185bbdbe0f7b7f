package gov.envgov.enforcement.discretion;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

import gov.envgov.support.calendar.BureauTime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The published discretion tables and the calculator over them; the tables are read once, at start-up. */
@Service
public class DiscretionService {

    private final List<DiscretionTable> tables;
    private final DiscretionCalculator calculator;
    private final BureauTime time;

    DiscretionService(JsonMapper json, BureauTime time) throws IOException {
        try (InputStream in = new ClassPathResource("discretion/tables.json").getInputStream()) {
            JsonNode root = json.readTree(in);
            this.tables = List.of(json.treeToValue(root.get("tables"), DiscretionTable[].class));
        }
        this.calculator = new DiscretionCalculator(tables);
        this.time = time;
    }

    public List<DiscretionTable> tables() {
        return tables;
    }

    public DiscretionCalculator.Computation compute(DiscretionCalculator.Input input) {
        return calculator.compute(input, time.today());
    }

    public DiscretionCalculator.Computation compute(DiscretionCalculator.Input input, LocalDate day) {
        return calculator.compute(input, day);
    }
}
