package gov.envgov.enforcement.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import gov.envgov.enforcement.catalogue.InspectionItem;
import gov.envgov.enforcement.catalogue.ItemKind;
import gov.envgov.enforcement.catalogue.LegalCitation;
import gov.envgov.enforcement.task.InspectionTask;
import gov.envgov.enforcement.task.TaskStatus;
import gov.envgov.support.calendar.HolidayScheduleLoader;
import gov.envgov.support.calendar.WorkingDayCalendar;
import gov.envgov.support.domain.DomainException;

/** The inspection aggregate and its rules, without servers. */
class InspectionTest {

    static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(
            HolidayScheduleLoader.load(List.of("classpath*:calendar/holidays-*.yaml")));
    static final InspectionRules RULES = new InspectionRules(new InspectionProperties(20, DataSize.ofKilobytes(1)),
            CALENDAR);
    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    static final UUID ONE = UUID.randomUUID();
    static final UUID TWO = UUID.randomUUID();
    static final UUID OTHER = UUID.randomUUID();
    static final LegalCitation BASIS = new LegalCitation("排污许可管理条例", "2021", "第十七条", LocalDate.of(2021, 3, 1),
            null);
    static final List<InspectionItem> ITEMS = List.of(
            new InspectionItem("JC-A", ItemKind.INSPECTION, "按证排污", "", List.of(BASIS), List.of(), List.of()),
            new InspectionItem("JC-B", ItemKind.INSPECTION, "自行监测", "", List.of(BASIS), List.of(), List.of()));
    static final InspectionTask TASK = new InspectionTask(UUID.randomUUID(), UUID.randomUUID(), "91211103MA0GA0001Y",
            TaskStatus.ASSIGNED, List.of(ONE, TWO), 0);

    private Inspection started() {
        return Inspection.start(TASK, ONE, ITEMS, InspectionMode.ON_SITE, null, "inspector1", NOW).next();
    }

    @Test
    void enfInspectionAssignedOnlyTheTasksInspectorsPerformIt() {
        assertThatThrownBy(() -> Inspection.start(TASK, OTHER, ITEMS, InspectionMode.ON_SITE, null, "x", NOW))
                .isInstanceOf(DomainException.Forbidden.class);
        Inspection.Transition started = Inspection.start(TASK, ONE, ITEMS, InspectionMode.ON_SITE, null,
                "inspector1", NOW);
        assertThat(started.next().checklist()).extracting(CheckedItem::itemId).containsExactly("JC-A", "JC-B");
        assertThat(started.next().checklist()).allSatisfy(item -> {
            assertThat(item.outcome()).isEqualTo(ItemOutcome.PENDING);
            assertThat(item.legalBasis()).isEqualTo("排污许可管理条例（2021）第十七条");
        });
        assertThat(started.event()).isEqualTo(new InspectionEvent.InspectionStarted(TASK.id(), TASK.drawId(),
                InspectionMode.ON_SITE));
        assertThat(started.event().toString()).doesNotContain(TASK.enterpriseCode());
        assertThatThrownBy(() -> started.next().check("JC-A", ItemOutcome.PASSED, null, null, OTHER, NOW))
                .isInstanceOf(DomainException.Forbidden.class);
        assertThatThrownBy(() -> Inspection.start(TASK, ONE, List.of(), InspectionMode.ON_SITE, null, "x", NOW))
                .isInstanceOf(DomainException.RuleViolation.class).hasMessageContaining("no inspection item");
    }

    @Test
    void enfInspectionOffSiteFirstForPositiveListUnits() {
        assertThat(RULES.mode(true, null, null)).isEqualTo(InspectionMode.OFF_SITE);
        assertThat(RULES.mode(false, null, null)).isEqualTo(InspectionMode.ON_SITE);
        assertThat(RULES.mode(false, InspectionMode.OFF_SITE, null)).isEqualTo(InspectionMode.OFF_SITE);
        assertThatThrownBy(() -> RULES.mode(true, InspectionMode.ON_SITE, " "))
                .isInstanceOfSatisfying(DomainException.RuleViolation.class,
                        violation -> assertThat(violation.field()).isEqualTo("onSiteReason"));
        assertThat(RULES.mode(true, InspectionMode.ON_SITE, "群众举报")).isEqualTo(InspectionMode.ON_SITE);
        Inspection offSite = Inspection.start(TASK, ONE, ITEMS, InspectionMode.OFF_SITE, null, "i", NOW).next();
        Inspection onSite = offSite.goOnSite(TWO, "在线数据异常").next();
        assertThat(onSite.mode()).isEqualTo(InspectionMode.ON_SITE);
        assertThat(onSite.onSiteReason()).isEqualTo("在线数据异常");
        assertThatThrownBy(() -> onSite.goOnSite(TWO, "again")).isInstanceOf(DomainException.Conflict.class);
    }

    @Test
    void enfInspectionFindingAFailedItemStatesWhatWasFound() {
        assertThatThrownBy(() -> started().check("JC-A", ItemOutcome.FAILED, " ", "内部", ONE, NOW))
                .isInstanceOfSatisfying(DomainException.RuleViolation.class,
                        violation -> assertThat(violation.field()).isEqualTo("finding"));
        assertThatThrownBy(() -> started().check("JC-A", ItemOutcome.PENDING, null, null, ONE, NOW))
                .isInstanceOf(DomainException.RuleViolation.class);
        assertThatThrownBy(() -> started().check("JC-Z", ItemOutcome.PASSED, null, null, ONE, NOW))
                .isInstanceOf(DomainException.NotFound.class);
        CheckedItem failed = started().check("JC-A", ItemOutcome.FAILED, "DA001 排口未设置标志牌", "企业负责人态度消极",
                TWO, NOW).next().checklist().get(0);
        assertThat(failed.outcome()).isEqualTo(ItemOutcome.FAILED);
        assertThat(failed.finding()).isEqualTo("DA001 排口未设置标志牌");
        assertThat(failed.note()).isEqualTo("企业负责人态度消极");
        assertThat(failed.checkedBy()).isEqualTo(TWO);
    }

    @Test
    void enfInspectionCompleteOnceEveryItemIsCheckedAndFailedWhenAnyFailed() {
        Inspection halfway = started().check("JC-A", ItemOutcome.PASSED, null, null, ONE, NOW).next();
        assertThatThrownBy(() -> halfway.complete(ONE, LocalDate.of(2026, 12, 1), RULES))
                .isInstanceOfSatisfying(DomainException.RuleViolation.class,
                        violation -> assertThat(violation.getMessage()).contains("JC-B"));
        Inspection.Transition passed = halfway.check("JC-B", ItemOutcome.PASSED, null, null, ONE, NOW).next()
                .complete(TWO, LocalDate.of(2026, 12, 1), RULES);
        assertThat(passed.next().result()).isEqualTo(InspectionResult.PASSED);
        Inspection.Transition failed = halfway.check("JC-B", ItemOutcome.FAILED, "台账缺失", null, ONE, NOW).next()
                .complete(ONE, LocalDate.of(2026, 12, 1), RULES);
        assertThat(failed.next().status()).isEqualTo(InspectionStatus.COMPLETED);
        assertThat(failed.next().result()).isEqualTo(InspectionResult.FAILED);
        assertThat(failed.event()).isEqualTo(new InspectionEvent.InspectionCompleted(TASK.id(), TASK.drawId(),
                TASK.enterpriseCode(), InspectionResult.FAILED, List.of("JC-B"), InspectionMode.ON_SITE,
                LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 29)));
        assertThatThrownBy(() -> failed.next().check("JC-A", ItemOutcome.FAILED, "x", null, ONE, NOW))
                .isInstanceOf(DomainException.Conflict.class);
        assertThatThrownBy(() -> failed.next().complete(ONE, LocalDate.of(2026, 12, 2), RULES))
                .isInstanceOf(DomainException.Conflict.class);
        assertThatThrownBy(() -> failed.next().requireEvidenceBy(ONE, null))
                .isInstanceOf(DomainException.Conflict.class);
    }

    @Test
    void enfInspectionResultsAreDueTwentyWorkingDaysAfterAcrossTheSpringFestival() {
        // 2026-02-12 (Thu): the Spring Festival holidays (15–23 Feb) do not count, the make-up Saturdays do.
        LocalDate due = RULES.resultsDue(LocalDate.of(2026, 2, 12));
        assertThat(due).isEqualTo(LocalDate.of(2026, 3, 18));
        assertThat(CALENDAR.workingDaysBetween(LocalDate.of(2026, 2, 12), due)).isEqualTo(20);
    }

    @Test
    void enfInspectionClueOnlyAFailedItemRaisesOne() {
        Inspection checked = started().check("JC-A", ItemOutcome.FAILED, "暗管", null, ONE, NOW).next()
                .check("JC-B", ItemOutcome.PASSED, null, null, ONE, NOW).next();
        assertThat(checked.failedItem("JC-A", TWO).finding()).isEqualTo("暗管");
        assertThatThrownBy(() -> checked.failedItem("JC-B", ONE)).isInstanceOf(DomainException.Conflict.class);
        assertThatThrownBy(() -> checked.failedItem("JC-A", OTHER)).isInstanceOf(DomainException.Forbidden.class);
    }

    @Test
    void enfInspectionEvidenceIsBoundedAndHashed() {
        RULES.requireEvidenceSize(1024);
        assertThatThrownBy(() -> RULES.requireEvidenceSize(1025))
                .isInstanceOfSatisfying(DomainException.RuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("evidence-too-large"));
        assertThatThrownBy(() -> RULES.requireEvidenceSize(0)).isInstanceOf(DomainException.RuleViolation.class);
        Evidence evidence = Evidence.of(TASK.id(), "JC-A", "photo.jpg", "image/jpeg",
                "abc".getBytes(java.nio.charset.StandardCharsets.UTF_8), "inspector1", NOW);
        assertThat(evidence.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(evidence.size()).isEqualTo(3);
    }
}
