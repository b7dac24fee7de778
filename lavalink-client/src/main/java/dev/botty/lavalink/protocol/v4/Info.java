package dev.botty.lavalink.protocol.v4;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code GET /v4/info}: what the server is and can do. */
public record Info(Version version, long buildTime, Git git, String jvm, String lavaplayer, List<String> sourceManagers,
                   List<String> filters, List<Plugin> plugins) {
    public Info {
        sourceManagers = sourceManagers == null ? List.of() : List.copyOf(sourceManagers);
        filters = filters == null ? List.of() : List.copyOf(filters);
        plugins = plugins == null ? List.of() : List.copyOf(plugins);
    }

    /**
     * The server's version. The docs list {@code build}, but the server never sends it; a release
     * reports {@code preRelease} as {@code ""}, and a {@code semver} its parser does not accept
     * (build metadata, a snapshot's commit hash) comes with 0 for major, minor and patch.
     */
    public record Version(String semver, int major, int minor, int patch, @Nullable String preRelease, @Nullable String build) {}

    public record Git(String branch, String commit, long commitTime) {}

    public record Plugin(String name, String version) {}
}
