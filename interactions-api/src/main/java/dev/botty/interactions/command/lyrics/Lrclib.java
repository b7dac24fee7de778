package dev.botty.interactions.command.lyrics;

import dev.botty.interactions.command.OutsideCalls;
import dev.botty.interactions.config.BottyConfig;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * LRCLIB's public API ({@code GET /api/search}, no key), through {@link OutsideCalls} like every
 * outside service: {@code OUTBOUND_TIMEOUT_MS}, counted as {@code lyrics}. LRCLIB asks clients to
 * name themselves in {@code User-Agent}.
 */
@Singleton
final class Lrclib {
    private static final Argument<List<Song>> SONGS = Argument.listOf(Song.class);
    static final String USER_AGENT = "botty (https://github.com/botty-dev/botty)";

    /** One search result, as much of it as {@code /lyrics} shows. */
    @Serdeable
    record Song(@Nullable String trackName, @Nullable String artistName, @Nullable Boolean instrumental,
                @Nullable String plainLyrics, @Nullable String syncedLyrics) {
        boolean hasLyrics() {
            return !Boolean.TRUE.equals(instrumental) && (notBlank(plainLyrics) || notBlank(syncedLyrics));
        }

        private static boolean notBlank(@Nullable String text) {
            return text != null && !text.isBlank();
        }
    }

    private final URI baseUrl;
    private final Duration timeout;
    private final OutsideCalls outside;
    private final JsonMapper json;

    Lrclib(BottyConfig.LyricsConfig config, BottyConfig botty, OutsideCalls outside, JsonMapper json) {
        this.baseUrl = config.apiUrl();
        this.timeout = botty.outboundTimeout();
        this.outside = outside;
        this.json = json;
    }

    /** Songs matching words typed by a person. Empty when LRCLIB cannot be asked (down, slow, refusing). */
    CompletableFuture<Optional<List<Song>>> search(String words) {
        return call("q=" + encode(words));
    }

    /** Songs of this title by this artist. */
    CompletableFuture<Optional<List<Song>>> search(String track, String artist) {
        return call("track_name=" + encode(track) + "&artist_name=" + encode(artist));
    }

    private CompletableFuture<Optional<List<Song>>> call(String query) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/search?" + query))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .GET()
                .build();
        return outside.call("lyrics", request, timeout, this::read);
    }

    private Optional<List<Song>> read(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            return Optional.empty();
        }
        try {
            List<Song> songs = json.readValue(response.body(), SONGS);
            return Optional.of(songs == null ? List.of() : songs);
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
