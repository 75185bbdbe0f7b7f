package gov.envgov.launcher.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import gov.envgov.launcher.PlatformConfig;

/**
 * The real Keycloak server from its distribution zip (Maven Central). The build unpacks it into
 * {@code launcher/target/keycloak} and runs its build step; the launcher starts it in optimized production mode with
 * its database under the run home and the realm file from the repository imported. Keycloak imports a realm only if it
 * does not exist yet, so when the realm file changes its database is reset.
 */
final class KeycloakServer {

    private KeycloakServer() {
    }

    static ManagedProcess start(PlatformConfig config) throws IOException {
        Path distribution = distribution(config);
        Path data = Files.createDirectories(config.home().resolve("keycloak"));
        Path realm = config.repository().resolve("keycloak/envgov-realm.json");
        resetIfRealmChanged(data, realm);
        Path imports = Files.createDirectories(distribution.resolve("data/import"));
        Files.copy(realm, imports.resolve("envgov-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        List<String> command = new ArrayList<>(List.of(distribution.resolve("bin/kc.sh").toString(), "start",
                "--optimized", "--cache=local", "--http-enabled=true", "--http-port=" + config.keycloakPort(),
                "--http-host=127.0.0.1",
                // One issuer however a client reaches Keycloak; services validate exactly this one.
                "--hostname=http://localhost:" + config.keycloakPort(), "--hostname-backchannel-dynamic=true",
                "--http-management-port=" + (9000 + config.portOffset()),
                "--db-url=jdbc:h2:file:" + data.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE;AUTO_SERVER=TRUE",
                "--import-realm"));
        Map<String, String> env = Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        return ManagedProcess.start("keycloak", command, distribution, env, config.logs());
    }

    /** The unpacked and built distribution the build left in {@code launcher/target/keycloak}. */
    static Path distribution(PlatformConfig config) throws IOException {
        Path directory = config.repository().resolve("launcher/target/keycloak");
        if (Files.isDirectory(directory)) {
            try (DirectoryStream<Path> candidates = Files.newDirectoryStream(directory, "keycloak-*")) {
                for (Path candidate : candidates) {
                    if (Files.exists(candidate.resolve("data/envgov-build-options"))) {
                        return candidate;
                    }
                }
            }
        }
        throw new IOException("no built Keycloak distribution in " + directory + ": run the build first");
    }

    private static void resetIfRealmChanged(Path data, Path realm) throws IOException {
        Path marker = data.resolve("envgov-realm.sha256");
        String hash = sha256(realm);
        if (Files.exists(marker) && !Files.readString(marker).equals(hash)) {
            System.out.println("Realm file changed: resetting Keycloak's database so the new realm is imported");
            try (DirectoryStream<Path> files = Files.newDirectoryStream(data, "keycloakdb*")) {
                for (Path file : files) {
                    Files.delete(file);
                }
            }
        }
        Files.writeString(marker, hash);
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
