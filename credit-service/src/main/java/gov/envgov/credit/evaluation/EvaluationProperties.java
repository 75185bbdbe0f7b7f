package gov.envgov.credit.evaluation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The evaluation procedure ({@code envgov.credit.evaluation}; DOMAIN.md § Credit).
 *
 * @param objectionDays              the preliminary result is published for objections this many days (15)
 * @param finalPublicationWorkingDays the final result is published within this many working days of approval (5)
 * @param batchSize                  results written per statement
 */
@ConfigurationProperties("envgov.credit.evaluation")
public record EvaluationProperties(int objectionDays, int finalPublicationWorkingDays, int batchSize) {

    public EvaluationProperties {
        if (objectionDays < 1 || finalPublicationWorkingDays < 0) {
            throw new IllegalArgumentException("envgov.credit.evaluation: the objection window must be positive");
        }
        batchSize = batchSize <= 0 ? 500 : batchSize;
    }
}
