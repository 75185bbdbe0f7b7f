package gov.envgov.credit.blacklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import gov.envgov.support.domain.DomainException;

/** The list's rules: legal basis and prior notice first, minimum and maximum periods, removal at the maximum. */
class ListEntryTest {

    static final BlacklistProperties PROPERTIES = new BlacklistProperties(5, Map.of(
            ListSeverity.ORDINARY, new BlacklistProperties.Range(Period.ofMonths(3), Period.ofYears(1)),
            ListSeverity.SERIOUS, new BlacklistProperties.Range(Period.ofYears(1), Period.ofYears(3))));
    static final LocalDate NOTICED = LocalDate.of(2026, 3, 2);
    static final LocalDate RESPOND_BY = LocalDate.of(2026, 3, 9);

    private ListEntry noticed(ListSeverity severity) {
        return ListEntry.notice(UUID.randomUUID(), "91211102MA0GE0005U", "盘锦示范监测有限公司", severity,
                "环境保护法 第六十五条", "篡改自动监测数据", NOTICED, RESPOND_BY, "credit1").next();
    }

    @Test
    void crdListNoticeNoEntryWithoutALegalBasisAndNoListingBeforeTheSubjectCouldRespond() {
        assertThatThrownBy(() -> ListEntry.notice(UUID.randomUUID(), "91211102MA0GE0005U", "x",
                ListSeverity.SERIOUS, " ", "facts", NOTICED, RESPOND_BY, "credit1"))
                .isInstanceOf(DomainException.RuleViolation.class).hasMessageContaining("basis");
        ListEntry entry = noticed(ListSeverity.SERIOUS);
        assertThat(entry.status()).isEqualTo(ListStatus.NOTICED);
        assertThatThrownBy(() -> entry.list(RESPOND_BY, PROPERTIES.periods().get(ListSeverity.SERIOUS)))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("2026-03-09")
                .hasMessageContaining("list entry " + entry.id());
        // API-CONFLICTS-NAME-THE-BLOCKER: ending an entry that is not listed yet names the listing as the step first.
        assertThatThrownBy(() -> entry.remove(RESPOND_BY, "x"))
                .isInstanceOfSatisfying(DomainException.Conflict.class, refusal -> assertThat(refusal.properties())
                        .containsEntry(DomainException.Conflict.REQUIRED_STEP, "listing")
                        .containsEntry(DomainException.Conflict.BLOCKED_BY, java.util.Map.of("type", "list entry",
                                "id", entry.id().toString(), "status", "NOTICED")))
                .hasMessageEndingWith("; list it first (POST /api/credit/blacklist/" + entry.id() + "/listing)");
        ListEntry answered = entry.respond("数据异常系设备故障", RESPOND_BY).next();
        assertThat(answered.list(RESPOND_BY, PROPERTIES.periods().get(ListSeverity.SERIOUS)).next().status())
                .isEqualTo(ListStatus.LISTED);
        assertThatThrownBy(() -> entry.respond("too late", RESPOND_BY.plusDays(1)))
                .isInstanceOf(DomainException.Conflict.class);
    }

    @Test
    void crdListPeriodsOrdinaryEntriesStayThreeMonthsToAYearSeriousOnesOneToThreeYears() {
        LocalDate listedOn = RESPOND_BY.plusDays(1);
        ListEntry ordinary = noticed(ListSeverity.ORDINARY)
                .list(listedOn, PROPERTIES.periods().get(ListSeverity.ORDINARY)).next();
        assertThat(ordinary.minUntil()).isEqualTo(LocalDate.of(2026, 6, 10));
        assertThat(ordinary.maxUntil()).isEqualTo(LocalDate.of(2027, 3, 10));
        var listed = noticed(ListSeverity.SERIOUS).list(listedOn, PROPERTIES.periods().get(ListSeverity.SERIOUS));
        ListEntry serious = listed.next();
        assertThat(listed.events()).singleElement().isInstanceOf(ListEvent.SevereDishonestyListed.class);
        assertThat(serious.minUntil()).isEqualTo(LocalDate.of(2027, 3, 10));
        assertThat(serious.maxUntil()).isEqualTo(LocalDate.of(2029, 3, 10));

        assertThatThrownBy(() -> serious.exitEarly(LocalDate.of(2027, 3, 9), "信用修复"))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("2027-03-10");
        assertThat(serious.exitEarly(LocalDate.of(2027, 3, 10), "信用修复").next().status())
                .isEqualTo(ListStatus.REMOVED);
        assertThat(serious.isExpired(LocalDate.of(2029, 3, 9))).isFalse();
        assertThat(serious.isExpired(LocalDate.of(2029, 3, 10))).isTrue();
    }

    @Test
    void theConfiguredPeriodsMustNameAMinimumAndAMaximumForEverySeverity() {
        assertThatThrownBy(() -> new BlacklistProperties(5, Map.of(ListSeverity.ORDINARY,
                new BlacklistProperties.Range(Period.ofMonths(3), Period.ofYears(1)))))
                .hasMessageContaining("SERIOUS");
    }
}
