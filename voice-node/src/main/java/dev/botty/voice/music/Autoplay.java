package dev.botty.voice.music;

import dev.botty.lavalink.LavalinkCluster;
import dev.botty.lavalink.LavalinkNode;
import dev.botty.lavalink.protocol.v4.Track;
import dev.botty.voice.queue.QueuedTrack;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What {@code /autoplay} plays when the queue runs out: a track related to the one that ended,
 * never one of those played lately. For a YouTube video, its mix ({@code watch?v=ID&list=RDID},
 * YouTube's own "related" playlist); otherwise, or when the mix has nothing new, a search for the
 * track's artist through the search sources in order. A track found this way is queued as
 * {@link #REQUESTER}: nobody asked for it.
 */
final class Autoplay {
    /** The requester of a track autoplay queued. */
    static final long REQUESTER = 0;

    private final LavalinkCluster cluster;
    private final TrackLoader loader;

    Autoplay(LavalinkCluster cluster, TrackLoader loader) {
        this.cluster = cluster;
        this.loader = loader;
    }

    /** A related track none of {@code recent} (nor {@code ended}) is; empty when none is found or Lavalink fails. */
    CompletableFuture<Optional<QueuedTrack>> next(long guildId, QueuedTrack ended, List<QueuedTrack> recent) {
        Set<String> played = new HashSet<>();
        Stream.concat(Stream.of(ended), recent.stream()).forEach(track -> {
            played.add(track.encoded());
            if (track.uri() != null) {
                played.add(track.uri());
            }
        });
        return cluster.nodeFor(guildId)
                .thenCompose(node -> mix(node, ended).thenCompose(fromMix -> fromMix.stream().filter(track -> fresh(track, played)).findFirst()
                        .map(track -> CompletableFuture.completedFuture(Optional.of(TrackLoader.queued(track, REQUESTER))))
                        .orElseGet(() -> byArtist(node, ended, played))))
                .exceptionally(failure -> Optional.empty());
    }

    private CompletableFuture<List<Track>> mix(LavalinkNode node, QueuedTrack ended) {
        String video = youTubeVideo(ended);
        if (video == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        return node.loadTracks("https://www.youtube.com/watch?v=" + video + "&list=RD" + video)
                .handle((result, failure) -> result instanceof dev.botty.lavalink.protocol.v4.LoadResult.PlaylistLoaded(var playlist)
                        ? playlist.tracks() : List.<Track>of());
    }

    private CompletableFuture<Optional<QueuedTrack>> byArtist(LavalinkNode node, QueuedTrack ended, Set<String> played) {
        return loader.suggestions(node, ended.author())
                .thenApply(found -> found.stream().filter(track -> fresh(track, played)).findFirst().map(track -> TrackLoader.queued(track, REQUESTER)));
    }

    private static boolean fresh(Track track, Set<String> played) {
        return !track.info().isStream() && !played.contains(track.encoded()) && (track.info().uri() == null || !played.contains(track.info().uri()));
    }

    /** The video id of a YouTube track, from its address. */
    static @Nullable String youTubeVideo(QueuedTrack track) {
        String uri = track.uri();
        if (!"youtube".equals(track.sourceName()) || uri == null) {
            return null;
        }
        int v = uri.indexOf("v=");
        if (v < 0) {
            return null;
        }
        String id = uri.substring(v + 2).split("[&#]", 2)[0];
        return id.matches("[A-Za-z0-9_-]{6,20}") ? id : null;
    }
}
