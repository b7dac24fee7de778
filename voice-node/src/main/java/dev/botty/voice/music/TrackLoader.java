package dev.botty.voice.music;

import dev.botty.lavalink.LavalinkNode;
import dev.botty.lavalink.protocol.v4.LoadResult;
import dev.botty.lavalink.protocol.v4.Track;
import dev.botty.lavalink.protocol.v4.TrackInfo;
import dev.botty.voice.queue.QueuedTrack;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Turns what someone typed after {@code /play} into tracks. A URL is loaded as it is; words are
 * searched with each configured source in turn ({@code ytsearch}, then {@code scsearch}, …) until
 * one finds something, because YouTube often refuses hosts it takes for bots — the answer then
 * says which source stood in and why.
 */
final class TrackLoader {
    /** What loading gave: tracks (one, a playlist's, or a search's best match), or why none. */
    sealed interface Loaded {
        record Tracks(List<QueuedTrack> tracks, @Nullable String playlistName, @Nullable String note) implements Loaded {}

        /** Nothing matched, anywhere we looked. */
        record NoMatches(String query, @Nullable String note) implements Loaded {}

        /** Lavalink could not load it; {@code message} is Lavalink's own. */
        record Failed(String message) implements Loaded {}
    }

    private final List<String> searchSources;

    TrackLoader(List<String> searchSources) {
        this.searchSources = List.copyOf(searchSources);
    }

    static boolean isUrl(String query) {
        String lower = query.strip().toLowerCase(Locale.ROOT);
        if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
            return false;
        }
        try {
            return URI.create(query.strip()).getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Loads the query on {@code node}; never fails: a Lavalink error becomes {@link Loaded.Failed}. */
    CompletableFuture<Loaded> load(LavalinkNode node, String query, long requesterId) {
        String text = query.strip();
        if (isUrl(text)) {
            return node.loadTracks(text).handle((result, failure) -> failure != null
                    ? new Loaded.Failed(reason(failure))
                    : fromResult(result, text, requesterId, null));
        }
        return search(node, text, requesterId, 0, null);
    }

    /** Search results for autocomplete: the first source that answers with tracks. */
    CompletableFuture<List<Track>> suggestions(LavalinkNode node, String words) {
        return suggest(node, words.strip(), 0);
    }

    private CompletableFuture<List<Track>> suggest(LavalinkNode node, String words, int sourceIndex) {
        if (sourceIndex >= searchSources.size()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return node.loadTracks(searchSources.get(sourceIndex) + ":" + words)
                .handle((result, failure) -> failure == null && result instanceof LoadResult.SearchResult(List<Track> tracks) && !tracks.isEmpty()
                        ? CompletableFuture.completedFuture(tracks)
                        : suggest(node, words, sourceIndex + 1))
                .thenCompose(Function.identity());
    }

    private CompletableFuture<Loaded> search(LavalinkNode node, String words, long requesterId, int sourceIndex, @Nullable String note) {
        String source = searchSources.get(sourceIndex);
        boolean last = sourceIndex == searchSources.size() - 1;
        return node.loadTracks(source + ":" + words).handle((result, failure) -> {
            Loaded loaded = failure != null ? new Loaded.Failed(reason(failure)) : fromResult(result, words, requesterId, note);
            if (loaded instanceof Loaded.Tracks || last) {
                return CompletableFuture.completedFuture(loaded);
            }
            String next = searchSources.get(sourceIndex + 1);
            String why = switch (loaded) {
                case Loaded.Failed failed -> sourceName(source) + " failed (" + failed.message() + ")";
                default -> sourceName(source) + " found nothing";
            };
            return search(node, words, requesterId, sourceIndex + 1, why + ", so this comes from " + sourceName(next) + ".");
        }).thenCompose(Function.identity());
    }

    private static Loaded fromResult(LoadResult result, String query, long requesterId, @Nullable String note) {
        return switch (result) {
            case LoadResult.TrackLoaded(Track track) -> new Loaded.Tracks(List.of(queued(track, requesterId)), null, note);
            case LoadResult.PlaylistLoaded(var playlist) -> playlist.tracks().isEmpty()
                    ? new Loaded.NoMatches(query, note)
                    : new Loaded.Tracks(playlist.tracks().stream().map(t -> queued(t, requesterId)).toList(), playlist.info().name(), note);
            case LoadResult.SearchResult(List<Track> tracks) -> tracks.isEmpty()
                    ? new Loaded.NoMatches(query, note)
                    : new Loaded.Tracks(List.of(queued(tracks.getFirst(), requesterId)), null, note);
            case LoadResult.Empty() -> new Loaded.NoMatches(query, note);
            case LoadResult.LoadFailed(var exception) -> new Loaded.Failed(
                    exception.message() == null || exception.message().isBlank() ? "Lavalink could not load it" : exception.message());
        };
    }

    static QueuedTrack queued(Track track, long requesterId) {
        TrackInfo info = track.info();
        return new QueuedTrack(track.encoded(), info.title(), info.author(), info.uri(),
                info.isStream() ? 0 : info.length(), info.isSeekable(), info.sourceName(), requesterId);
    }

    /** The track Lavalink needs back to play a queued one (only {@code encoded} is sent; the rest is for re-creating players). */
    static Track lavalinkTrack(QueuedTrack track) {
        return new Track(track.encoded(), new TrackInfo("", track.seekable(), track.author(),
                track.stream() ? Long.MAX_VALUE : track.lengthMs(), track.stream(), 0, track.title(), track.uri(), null, null,
                track.sourceName()));
    }

    static String sourceName(String searchPrefix) {
        return switch (searchPrefix) {
            case "ytsearch" -> "YouTube";
            case "ytmsearch" -> "YouTube Music";
            case "scsearch" -> "SoundCloud";
            case "spsearch" -> "Spotify";
            case "amsearch" -> "Apple Music";
            case "dzsearch" -> "Deezer";
            default -> searchPrefix;
        };
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
