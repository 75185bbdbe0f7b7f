package gov.envgov.credit.repair;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Credit repair (信用修复, {@code envgov.credit.repair}; B: 发改委令58号 and the 信用修复管理办法 from 2026-04-01).
 *
 * @param minimumAfterBehaviour a record is repaired no sooner than this after the behaviour (the minimum publication
 *                              period of ordinary penalty information: 3 months)
 * @param interval              a subject gets at most one approved repair within this period (1 year)
 */
@ConfigurationProperties("envgov.credit.repair")
public record RepairProperties(Period minimumAfterBehaviour, Period interval) {

    public RepairProperties {
        if (minimumAfterBehaviour == null || interval == null) {
            throw new IllegalArgumentException("envgov.credit.repair needs minimum-after-behaviour and interval");
        }
    }
}
