package gov.envgov.permit.monitoring;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Online-monitoring ingestion settings.
 *
 * @param futureTolerance how far ahead of the server's clock a timestamp may be (analyser clocks drift)
 * @param episodeGap      exceeding hourly means whose hours begin further apart than this are separate episodes
 * @param maxBatchSize    the largest request body accepted
 * @param systems         service accounts of monitoring systems allowed to send readings for any enterprise
 * @param maxHourlyMeanDays the longest range of days one request for hourly means may cover (daily means have no
 *                          such limit); a longer one is refused, not cut short
 * @param withoutPermitGap  readings of an outlet without a valid permit further apart than this are separate
 *                          episodes of discharge without a permit, each published once
 * @param dailyEpisodeGap   exceeding daily means whose days begin further apart than this are separate episodes
 * @param averagingByStandard   the averaging each standard judges its limits on, by the standard's name
 * @param averagingByOutletType the averaging of limits whose standard is not listed, by outlet type (DA, DW)
 * @param supervisionTrigger    daily means over the limit on this many days of a window trigger public
 *                              supervision
 */
@ConfigurationProperties("envgov.permit.monitoring")
public record MonitoringProperties(Duration futureTolerance, Duration episodeGap, DataSize maxBatchSize,
                                   List<String> systems, int maxHourlyMeanDays, Duration withoutPermitGap,
                                   Duration dailyEpisodeGap, Map<String, Averaging> averagingByStandard,
                                   Map<String, Averaging> averagingByOutletType,
                                   SupervisionTrigger supervisionTrigger) {

    /**
     * @param daysOver   how many days with a daily mean over the limit
     * @param windowDays within how many days
     */
    public record SupervisionTrigger(int daysOver, int windowDays) {
    }

    public MonitoringProperties {
        averagingByStandard = averagingByStandard == null ? Map.of() : Map.copyOf(averagingByStandard);
        averagingByOutletType = averagingByOutletType == null ? Map.of() : Map.copyOf(averagingByOutletType);
        if (supervisionTrigger == null || supervisionTrigger.daysOver() < 1
                || supervisionTrigger.windowDays() < supervisionTrigger.daysOver()) {
            throw new IllegalArgumentException("envgov.permit.monitoring.supervision-trigger needs days-over >= 1"
                    + " and window-days >= days-over");
        }
        if (withoutPermitGap == null || withoutPermitGap.isNegative() || withoutPermitGap.isZero()) {
            throw new IllegalArgumentException("envgov.permit.monitoring.without-permit-gap must be positive");
        }
        if (maxHourlyMeanDays < 1) {
            throw new IllegalArgumentException("envgov.permit.monitoring.max-hourly-mean-days must be at least 1");
        }
    }

    /** The averaging a limit is judged on: its standard's, else its outlet type's (DA: gas, DW: water). */
    Averaging averagingOf(String outlet, String standard) {
        Averaging byStandard = standard == null ? null : averagingByStandard.get(standard);
        if (byStandard != null) {
            return byStandard;
        }
        Averaging byType = averagingByOutletType.get(outlet.length() >= 2 ? outlet.substring(0, 2) : outlet);
        return byType != null ? byType : Averaging.HOUR;
    }
}
