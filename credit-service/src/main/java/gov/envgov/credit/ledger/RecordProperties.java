package gov.envgov.credit.ledger;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Credit records ({@code envgov.credit.records}).
 *
 * @param entryWorkingDays each behaviour is entered within this many working days of the bureau learning of it
 *                         (辽环发〔2022〕20号, B: 10)
 */
@ConfigurationProperties("envgov.credit.records")
public record RecordProperties(int entryWorkingDays) {

    public RecordProperties {
        if (entryWorkingDays < 1) {
            throw new IllegalArgumentException("envgov.credit.records.entry-working-days must be positive");
        }
    }
}
