package dev.botty.lavalink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.botty.lavalink.protocol.v4.Info;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading the server's version, and the 4.2.0 line that DAVE voice draws. */
class ServerVersionTest {
    private static Optional<ServerVersion> of(String semver, int major, int minor, int patch, String preRelease) {
        return ServerVersion.of(new Info.Version(semver, major, minor, patch, preRelease, null));
    }

    @ParameterizedTest
    @CsvSource({
        "4.2.0, true",
        "4.2.2, true",
        "4.10.0, true",
        "5.0.0-beta.1, true",
        "4.1.2, false",
        "4.0.8, false",
        "3.7.13, false",
        "4.2.0-rc.1, false",
    })
    void onlyReleasesFrom420OnAreSupported(String semver, boolean supported) {
        String[] parts = semver.split("[.-]");
        ServerVersion version = of(semver, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), "").orElseThrow();

        assertEquals(supported, version.isAtLeast(ServerVersion.MINIMUM), version.toString());
    }

    @Test
    void theSemverTextWinsOverFieldsLavalinkZeroesForBuildMetadata() {
        // Lavalink's own parser does not accept "+build" and reports 0.0.0 for it.
        assertEquals(new ServerVersion(4, 2, 1, null), of("4.2.1+docker", 0, 0, 0, null).orElseThrow());
        assertEquals(new ServerVersion(3, 7, 0, "rc.1"), of("3.7.0-rc.1+test", 3, 7, 0, "rc.1").orElseThrow());
    }

    @Test
    void aReleasesEmptyPreReleaseIsNoPreRelease() {
        ServerVersion release = of("4.2.2", 4, 2, 2, "").orElseThrow();

        assertEquals("4.2.2", release.toString());
        assertTrue(release.isAtLeast(ServerVersion.MINIMUM));
    }

    @Test
    void aDevelopmentBuildNamedByItsCommitHasNoVersion() {
        assertTrue(of("3f1c2a9e0b7d-SNAPSHOT", 0, 0, 0, null).isEmpty());
        assertEquals(new ServerVersion(4, 2, 0, null), of("weird", 4, 2, 0, null).orElseThrow(), "then the fields are read");
        assertTrue(ServerVersion.of(null).isEmpty());
    }

    @Test
    void preReleasesOrderBySemverRules() {
        ServerVersion alpha = new ServerVersion(4, 2, 0, "alpha");
        ServerVersion alpha1 = new ServerVersion(4, 2, 0, "alpha.1");
        ServerVersion beta = new ServerVersion(4, 2, 0, "beta");
        ServerVersion beta2 = new ServerVersion(4, 2, 0, "beta.2");
        ServerVersion beta11 = new ServerVersion(4, 2, 0, "beta.11");
        ServerVersion rc1 = new ServerVersion(4, 2, 0, "rc.1");

        assertTrue(alpha.compareTo(alpha1) < 0);
        assertTrue(alpha1.compareTo(beta) < 0);
        assertTrue(beta.compareTo(beta2) < 0);
        assertTrue(beta2.compareTo(beta11) < 0, "numeric parts compare as numbers");
        assertTrue(beta11.compareTo(rc1) < 0);
        assertTrue(rc1.compareTo(ServerVersion.MINIMUM) < 0);
        assertFalse(ServerVersion.MINIMUM.compareTo(new ServerVersion(4, 2, 0, "")) != 0);
    }
}
