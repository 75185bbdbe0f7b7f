package gov.envgov.credit.scheme;

/**
 * What one counting event is worth under one scheme version: the rule, the indicator, the severity band, the points
 * deducted, and the veto event it is, if any. The same function prices a record when it is entered and again when a
 * period is evaluated, so a period is always scored under its own version.
 *
 * @param rule   null when the event does not count under this scheme (no rule for its type)
 * @param vetoCode null unless the event is a veto event of this scheme
 */
public record Assessment(String schemeVersion, String rule, String indicator, String severity, int points,
                         String vetoCode) {

    /**
     * Prices an event: by its rule code when the scheme has it (records entered by hand name theirs), else by its
     * event type; the band by the severity given by hand, else by the measure.
     *
     * @param flagged the source marked the event as a veto event (a penalty decision's veto flag)
     * @param vetoCode a veto event entered by hand, counted when the scheme knows it
     */
    public static Assessment of(Scheme scheme, String ruleCode, String eventType, Double measure, String severity,
                                boolean flagged, String vetoCode) {
        Scheme.Deduction rule = (ruleCode == null ? null : scheme.rule(ruleCode).orElse(null));
        if (rule == null) {
            rule = scheme.ruleFor(eventType).orElse(null);
        }
        String veto = vetoCode != null && scheme.veto(vetoCode).isPresent() ? vetoCode : null;
        if (rule == null) {
            return new Assessment(scheme.version(), null, null, null, 0, veto);
        }
        Scheme.Band band = severity == null ? rule.band(measure) : rule.band(severity).orElse(rule.band(measure));
        if (veto == null && rule.vetoCode() != null) {
            veto = rule.vetoCode();
        }
        if (veto == null && flagged && rule.vetoIfFlagged() != null) {
            veto = rule.vetoIfFlagged();
        }
        return new Assessment(scheme.version(), rule.rule(), rule.indicator(), band.severity(), band.points(), veto);
    }

    public boolean counts() {
        return rule != null || vetoCode != null;
    }
}
