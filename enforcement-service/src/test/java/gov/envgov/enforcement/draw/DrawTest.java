package gov.envgov.enforcement.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import gov.envgov.support.domain.DomainException;

class DrawTest {

    private static final String SEED = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    private static final Draw.Plan PLAN = new Draw.Plan("2026Q4", SupervisionLevel.COUNTY, "兴隆台区", "KEY", 0);
    private static final List<DrawAlgorithm.Entry> SNAPSHOT = List.of(new DrawAlgorithm.Entry("A", 5),
            new DrawAlgorithm.Entry("B", 10), new DrawAlgorithm.Entry("C", 1), new DrawAlgorithm.Entry("D", 40),
            new DrawAlgorithm.Entry("E", 10));

    private final Draw.Transition announced = Draw.announce(UUID.randomUUID(), PLAN, SEED, "inspector1", NOW);

    @Test
    void anAnnouncedPlanPublishesTheSeedsHashAndNotTheSeed() {
        Draw draw = announced.draw();
        assertThat(draw.status()).isEqualTo(DrawStatus.ANNOUNCED);
        assertThat(draw.seedCommitment())
                .isEqualTo(DrawAlgorithm.sha256Hex(HexFormat.of().parseHex(SEED)))
                .isEqualTo("630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd");
        assertThat(announced.event()).isEqualTo(new DrawEvent.DrawAnnounced(draw.id(), "2026Q4",
                SupervisionLevel.COUNTY, "兴隆台区", "KEY", draw.seedCommitment()));
        assertThat(announced.event().toString()).doesNotContain(SEED);
    }

    @Test
    void theDrawRunsOnTheSnapshotAndItsEventNamesNobody() {
        Draw.Transition drawn = announced.draw().perform(SNAPSHOT, 3, NOW, LocalDate.of(2026, 12, 29));
        assertThat(drawn.draw().status()).isEqualTo(DrawStatus.DRAWN);
        assertThat(drawn.draw().selection()).containsExactly("D", "E", "B");
        assertThat(drawn.draw().snapshotHash())
                .isEqualTo("3eec2711f920d2589cf4fdc0c21c477db19e2063f7ca83d0a55dbbbdba648a17");
        assertThat(drawn.draw().algorithm()).isEqualTo("envgov-draw-v1");
        assertThat(drawn.event()).isEqualTo(new DrawEvent.DrawPerformed(announced.draw().id(),
                drawn.draw().snapshotHash(), 5, 3, "envgov-draw-v1", NOW));
    }

    @Test
    void aDrawIsNeverReRolled() {
        Draw drawn = announced.draw().perform(SNAPSHOT, 3, NOW, LocalDate.of(2026, 12, 29)).draw();
        assertThatThrownBy(() -> drawn.perform(SNAPSHOT, 3, NOW, LocalDate.of(2026, 12, 29)))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("never re-rolled");
        Draw published = drawn.publish(NOW).draw();
        assertThatThrownBy(() -> published.perform(SNAPSHOT, 3, NOW, LocalDate.of(2026, 12, 29)))
                .isInstanceOf(DomainException.Conflict.class);
    }

    @Test
    @org.junit.jupiter.api.DisplayName("API-CONFLICTS-NAME-THE-BLOCKER: publishing before the draw names the draw step")
    void publishingBeforeTheDrawNamesTheStepThatComesFirst() {
        Draw draw = announced.draw();
        assertThatThrownBy(() -> draw.publish(NOW)).isInstanceOfSatisfying(DomainException.Conflict.class,
                refusal -> assertThat(refusal.properties()).containsEntry(DomainException.Conflict.REQUIRED_STEP,
                        "draw")).hasMessageEndingWith("; draw it first (POST /api/enforcement/draws/" + draw.id()
                + "/draw)");
    }

    @Test
    void resultsArePublishedOnlyAfterTheDrawAndOnce() {
        assertThatThrownBy(() -> announced.draw().publish(NOW)).isInstanceOf(DomainException.Conflict.class)
                .hasMessageContaining("ANNOUNCED");
        Draw drawn = announced.draw().perform(SNAPSHOT, 3, NOW, LocalDate.of(2026, 12, 29)).draw();
        Draw.Transition published = drawn.publish(NOW.plusSeconds(60));
        assertThat(published.draw().isPublished()).isTrue();
        assertThat(published.event()).isEqualTo(new DrawEvent.DrawPublished(drawn.id(), SEED, NOW.plusSeconds(60)));
        assertThatThrownBy(() -> published.draw().publish(NOW)).isInstanceOf(DomainException.Conflict.class);
    }
}
