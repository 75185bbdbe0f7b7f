package gov.envgov.support.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads holiday schedules from YAML files ({@code holidays-<year>.yaml}), from the classpath defaults and from any
 * further location the bureau configures ({@code envgov.calendar.locations}); a later location replaces a year
 * given by an earlier one, so an updated file needs no release. A file may name days outside its year (a notice
 * covering the previous December); they are kept with it and the calendar finds them.
 */
public final class HolidayScheduleLoader {

    private HolidayScheduleLoader() {
    }

    public static List<HolidaySchedule> load(Collection<String> locations) {
        var resolver = new PathMatchingResourcePatternResolver();
        Map<Integer, HolidaySchedule> byYear = new java.util.TreeMap<>();
        for (String location : locations) {
            try {
                for (Resource resource : resolver.getResources(location)) {
                    try (InputStream in = resource.getInputStream()) {
                        HolidaySchedule schedule = parse(in);
                        requireNamedYear(resource.getFilename(), schedule);
                        byYear.put(schedule.year(), schedule);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read holiday schedules from " + location, e);
            }
        }
        return List.copyOf(byYear.values());
    }

    /**
     * A file is found by the year in its name and replaces that year: {@code holidays-2019.yaml} that said
     * {@code year: 2018} would silently replace another year's schedule.
     */
    private static void requireNamedYear(String filename, HolidaySchedule schedule) {
        var named = java.util.regex.Pattern.compile("holidays-(\\d{4})\\.ya?ml").matcher(String.valueOf(filename));
        if (named.matches() && Integer.parseInt(named.group(1)) != schedule.year()) {
            throw new IllegalStateException(filename + " gives the schedule of " + schedule.year());
        }
    }

    @SuppressWarnings("unchecked")
    static HolidaySchedule parse(InputStream in) {
        Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        int year = ((Number) doc.get("year")).intValue();
        List<HolidaySchedule.Period> periods = new ArrayList<>();
        for (Map<String, Object> holiday : (List<Map<String, Object>>) doc.getOrDefault("holidays", List.of())) {
            periods.add(new HolidaySchedule.Period(String.valueOf(holiday.get("name")), date(holiday.get("from")),
                    date(holiday.get("to"))));
        }
        Set<LocalDate> makeUp = new LinkedHashSet<>();
        for (Object day : (List<Object>) doc.getOrDefault("makeUpWorkingDays", List.of())) {
            makeUp.add(date(day));
        }
        return new HolidaySchedule(year, String.valueOf(doc.get("source")), periods, makeUp);
    }

    private static LocalDate date(Object value) {
        if (value instanceof java.util.Date legacy) {
            return legacy.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        }
        return LocalDate.parse(String.valueOf(value));
    }
}
