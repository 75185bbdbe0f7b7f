package gov.envgov.credit.rectification;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Quarterly rectification reports ({@code envgov.credit.rectification}).
 *
 * @param colors            the colours of the grades that owe reports (the scheme's warning grade and worse)
 * @param dueWorkingDays    working days after a quarter ends by which its report is due (B)
 */
@ConfigurationProperties("envgov.credit.rectification")
public record RectificationProperties(List<String> colors, Integer dueWorkingDays) {

    public RectificationProperties {
        colors = colors == null ? List.of("yellow", "red") : List.copyOf(colors);
        dueWorkingDays = dueWorkingDays == null ? 10 : dueWorkingDays;
    }
}
