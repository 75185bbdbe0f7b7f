package gov.envgov.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import gov.envgov.launcher.PlatformConfig;

/** LAUNCH-LOOPBACK-ONLY: the addresses and ports the launcher gives each module it starts. */
class PlatformListeningTest {

    private static PlatformConfig config(int offset, Map<String, String> env) {
        return new PlatformConfig(Path.of("."), Path.of("target/home"), offset, PlatformConfig.DEFAULT_JAVA_OPTIONS,
                false, Duration.ofSeconds(60), Duration.ofMinutes(5), env);
    }

    @Test
    @DisplayName("LAUNCH-LOOPBACK-ONLY: the registry and every service listen on loopback, actuator on its own port")
    void theRegistryAndEveryServiceListenOnLoopbackWithTheirActuatorOnALoopbackManagementPort() {
        PlatformConfig config = config(0, Map.of());
        for (String module : List.of("registry", "permit-service", "complaint-service", "enforcement-service",
                "credit-service")) {
            Map<String, String> env = Platform.listening(config, module);
            assertThat(env).as(module).containsEntry("SERVER_ADDRESS", "127.0.0.1")
                    .containsEntry("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
            assertThat(env.get("MANAGEMENT_SERVER_PORT")).as(module).isNotEqualTo(env.get("SERVER_PORT"));
        }
        assertThat(Platform.listening(config, "registry")).containsEntry("SERVER_PORT", "8761")
                .containsEntry("MANAGEMENT_SERVER_PORT", "9761");
        assertThat(Platform.listening(config, "permit-service")).containsEntry("SERVER_PORT", "8081")
                .containsEntry("MANAGEMENT_SERVER_PORT", "9081");
        assertThat(Platform.listening(config, "credit-service")).containsEntry("SERVER_PORT", "8084")
                .containsEntry("MANAGEMENT_SERVER_PORT", "9084");
    }

    @Test
    @DisplayName("LAUNCH-LOOPBACK-ONLY: only the gateway and the portal listen on the public address")
    void onlyTheGatewayAndThePortalListenOnThePublicAddressEveryInterfaceUnlessConfigured() {
        PlatformConfig everywhere = config(0, Map.of());
        // No address: the server's default, every interface (IPv4 and IPv6), as before.
        assertThat(Platform.listening(everywhere, "gateway")).containsExactlyInAnyOrderEntriesOf(
                Map.of("SERVER_PORT", "8080"));
        assertThat(Platform.listening(everywhere, "portal")).containsExactlyInAnyOrderEntriesOf(
                Map.of("SERVER_PORT", "8085"));

        PlatformConfig configured = config(0, Map.of("ENVGOV_BIND_ADDRESS", "192.0.2.10"));
        assertThat(Platform.listening(configured, "gateway")).containsEntry("SERVER_ADDRESS", "192.0.2.10");
        assertThat(Platform.listening(configured, "portal")).containsEntry("SERVER_ADDRESS", "192.0.2.10");
        assertThat(Platform.listening(configured, "permit-service")).containsEntry("SERVER_ADDRESS", "127.0.0.1");
        assertThat(Platform.listening(configured, "registry")).containsEntry("SERVER_ADDRESS", "127.0.0.1");
    }

    @Test
    void portsShiftWithTheOffsetAndTheLauncherPollsEachActuatorWhereItListens() {
        PlatformConfig shifted = config(10000, new HashMap<>());
        assertThat(Platform.listening(shifted, "enforcement-service")).containsEntry("SERVER_PORT", "18083")
                .containsEntry("MANAGEMENT_SERVER_PORT", "19083");
        Platform platform = new Platform(shifted);
        assertThat(platform.healthUrl("registry")).isEqualTo("http://localhost:19761/actuator/health/readiness");
        assertThat(platform.healthUrl("complaint-service"))
                .isEqualTo("http://localhost:19082/actuator/health/readiness");
        assertThat(platform.healthUrl("gateway")).isEqualTo("http://localhost:18080/actuator/health/readiness");
        assertThat(platform.healthUrl("portal")).isEqualTo("http://localhost:18085/actuator/health/readiness");
    }
}
