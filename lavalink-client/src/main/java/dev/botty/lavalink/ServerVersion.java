package dev.botty.lavalink;

import dev.botty.lavalink.protocol.v4.Info;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A Lavalink server's version, ordered by semver precedence (a pre-release comes before its
 * release: 4.2.0-rc.1 &lt; 4.2.0).
 */
record ServerVersion(int major, int minor, int patch, @Nullable String preRelease) implements Comparable<ServerVersion> {
    /** The first release with DAVE voice and the voice {@code channelId}; older servers are refused. */
    public static final ServerVersion MINIMUM = new ServerVersion(4, 2, 0, null);

    private static final Pattern SEMVER =
            Pattern.compile("^v?(\\d{1,9})\\.(\\d{1,9})\\.(\\d{1,9})(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?$");

    public ServerVersion {
        preRelease = preRelease == null || preRelease.isEmpty() ? null : preRelease;
    }

    /**
     * Reads {@code /v4/info}'s version: from its {@code semver} text when that is a version (the
     * server's own parser turns build metadata into 0.0.0), else from the numeric fields. Empty
     * when neither tells (a development build is named by its commit: "3f1c2a9-SNAPSHOT").
     */
    public static Optional<ServerVersion> of(Info.@Nullable Version version) {
        if (version == null) {
            return Optional.empty();
        }
        if (version.semver() != null) {
            Matcher semver = SEMVER.matcher(version.semver().strip());
            if (semver.matches()) {
                return Optional.of(new ServerVersion(Integer.parseInt(semver.group(1)), Integer.parseInt(semver.group(2)),
                        Integer.parseInt(semver.group(3)), semver.group(4)));
            }
        }
        if (version.major() > 0 || version.minor() > 0 || version.patch() > 0) {
            return Optional.of(new ServerVersion(version.major(), version.minor(), version.patch(), version.preRelease()));
        }
        return Optional.empty();
    }

    public boolean isAtLeast(ServerVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(ServerVersion other) {
        int byNumbers = major != other.major ? Integer.compare(major, other.major)
                : minor != other.minor ? Integer.compare(minor, other.minor)
                : Integer.compare(patch, other.patch);
        if (byNumbers != 0) {
            return byNumbers;
        }
        if (preRelease == null || other.preRelease == null) {
            return preRelease == null ? (other.preRelease == null ? 0 : 1) : -1;
        }
        String[] mine = preRelease.split("\\.");
        String[] theirs = other.preRelease.split("\\.");
        for (int i = 0; i < Math.min(mine.length, theirs.length); i++) {
            int byPart = comparePart(mine[i], theirs[i]);
            if (byPart != 0) {
                return byPart;
            }
        }
        return Integer.compare(mine.length, theirs.length);
    }

    private static int comparePart(String a, String b) {
        boolean aNumeric = a.chars().allMatch(Character::isDigit);
        boolean bNumeric = b.chars().allMatch(Character::isDigit);
        if (aNumeric && bNumeric) {
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        if (aNumeric != bNumeric) {
            return aNumeric ? -1 : 1;
        }
        return a.compareTo(b);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (preRelease == null ? "" : "-" + preRelease);
    }
}
