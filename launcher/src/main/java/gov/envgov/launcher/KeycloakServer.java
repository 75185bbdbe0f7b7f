package gov.envgov.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The real Keycloak server from its distribution zip (Maven Central, copied by the build to
 * {@code launcher/target/keycloak}). Unpacked once under the run home; the realm file from the repository is imported
 * on start. Keycloak imports a realm only if it does not exist, so when the realm file changes its data is reset.
 */
final class KeycloakServer {

    private KeycloakServer() {
    }

    static ManagedProcess start(PlatformConfig config) throws IOException {
        Path distribution = install(config);
        Path realm = config.repository().resolve("keycloak/envgov-realm.json");
        resetIfRealmChanged(distribution, realm);
        Path imports = Files.createDirectories(distribution.resolve("data/import"));
        Files.copy(realm, imports.resolve("envgov-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        List<String> command = new ArrayList<>(List.of(distribution.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + config.keycloakPort(), "--http-host=127.0.0.1",
                // One issuer however a client reaches Keycloak; services validate exactly this one.
                "--hostname=http://localhost:" + config.keycloakPort(), "--hostname-backchannel-dynamic=true",
                "--http-management-port=" + (9000 + config.portOffset()), "--import-realm", "--health-enabled=true"));
        Map<String, String> env = Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        return ManagedProcess.start("keycloak", command, distribution, env, config.logs());
    }

    /** Unpacks the distribution zip under the run home unless it is there already; returns its folder. */
    static Path install(PlatformConfig config) throws IOException {
        Path zip = findZip(config.repository().resolve("launcher/target/keycloak"));
        String version = zip.getFileName().toString().replace(".zip", "");
        Path target = config.home().resolve("keycloak").resolve(version);
        if (Files.isExecutable(target.resolve("bin/kc.sh"))) {
            return target;
        }
        Path staging = Files.createDirectories(config.home().resolve("keycloak")).resolve(version + ".partial");
        deleteRecursively(staging);
        unzip(zip, staging);
        try (Stream<Path> top = Files.list(staging)) {
            Path root = top.filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new IOException("empty Keycloak distribution " + zip));
            for (String script : new String[] {"kc.sh", "kcadm.sh", "kcreg.sh"}) {
                Path file = root.resolve("bin").resolve(script);
                if (Files.exists(file)) {
                    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                    permissions.add(PosixFilePermission.OWNER_EXECUTE);
                    Files.setPosixFilePermissions(file, permissions);
                }
            }
            Files.move(root, target, StandardCopyOption.ATOMIC_MOVE);
        }
        deleteRecursively(staging);
        return target;
    }

    private static Path findZip(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IOException("Keycloak distribution not found in " + directory + ": run the build first");
        }
        try (DirectoryStream<Path> zips = Files.newDirectoryStream(directory, "keycloak-*.zip")) {
            for (Path zip : zips) {
                return zip;
            }
        }
        throw new IOException("Keycloak distribution not found in " + directory + ": run the build first");
    }

    private static void resetIfRealmChanged(Path distribution, Path realm) throws IOException {
        Path marker = distribution.resolve("data/envgov-realm.sha256");
        String hash = sha256(realm);
        if (Files.exists(marker) && !Files.readString(marker).equals(hash)) {
            System.out.println("Realm file changed: resetting Keycloak's data so the new realm is imported");
            deleteRecursively(distribution.resolve("data/h2"));
        }
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, hash);
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(entries, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
