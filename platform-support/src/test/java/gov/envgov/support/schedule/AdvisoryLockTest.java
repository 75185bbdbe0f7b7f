package gov.envgov.support.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class AdvisoryLockTest {

    @Test
    void noTwoUsesShareALockKey() {
        assertThat(Arrays.stream(AdvisoryLock.values()).map(AdvisoryLock::key).distinct())
                .hasSize(AdvisoryLock.values().length);
    }

    @Test
    void theKeysAreTheOnesReplicasAlreadyRunningUse() {
        // A rolling upgrade runs old and new replicas side by side: a changed key would let both take their turn.
        assertThat(AdvisoryLock.EVENT_SEQUENCER.key()).isEqualTo(0x656e76676f76L);
        assertThat(AdvisoryLock.COMPLAINT_ESCALATION.key()).isEqualTo(0x65736361L);
        assertThat(AdvisoryLock.PERMIT_CLOCK.key()).isEqualTo(0x7065726d6974L);
        assertThat(AdvisoryLock.REPORT_OVERDUE.key()).isEqualTo(0x7265706f7274L);
        assertThat(AdvisoryLock.PERMIT_EXPIRY_CLOCK.key()).isEqualTo(0x706578706972L);
    }
}
