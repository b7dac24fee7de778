package dev.botty.voice.queue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A track in a guild's queue: Lavalink's {@code encoded} form, which is all a player needs to play
 * it, and the few fields botty shows, plus who asked for it.
 *
 * <p>A value like a record (same constructor, accessors, equality), but not one, because of how
 * many there are: a node holds up to 1,000 guilds with 100-track queues within 50 KB a guild. As
 * eight record components a realistic track took about 650 bytes, 65 KB a guild: a 300-character
 * Base64 string for the encoded track and a separate {@code String} (24-byte header plus its own
 * array) for each text. Here the encoded track is kept as the bytes the Base64 stands for (3/4 of
 * its length) and the texts as UTF-8 after it, in one array; {@code sourceName} comes from a small
 * fixed set and is shared. About 400 bytes a track (docs/benchmarks.md, "voice-node: persistence and
 * memory"). The accessors rebuild their strings on each call, which costs well under a microsecond.
 */
public final class QueuedTrack {
    /** Lavalink's sources and the usual plugins' (lavasrc, youtube-source), shared rather than one copy per track. */
    private static final String[] KNOWN_SOURCES = {
        "youtube", "soundcloud", "bandcamp", "twitch", "vimeo", "nico", "http", "local",
        "spotify", "applemusic", "deezer", "yandexmusic", "flowery-tts", "vkmusic", "tidal", "qobuz",
    };

    /** The encoded track, then title, author and uri in UTF-8, at the offsets below. */
    private final byte[] packed;
    private final int titleAt;
    private final int authorAt;
    /** Where the uri starts; -1 when there is none. */
    private final int uriAt;
    private final long lengthMs;
    private final long requesterId;
    private final String sourceName;
    private final boolean seekable;
    /** Whether the encoded track is stored as the bytes its canonical Base64 stands for, else as its own UTF-8. */
    private final boolean encodedAsBase64;

    /**
     * @param encoded     Lavalink's encoded track
     * @param title       its title
     * @param author      its author or artist
     * @param uri         where it lives, if known
     * @param lengthMs    its length in ms; 0 for a live stream
     * @param seekable    whether Lavalink can seek in it
     * @param sourceName  Lavalink's source, e.g. {@code youtube}
     * @param requesterId the Discord user who queued it
     */
    public QueuedTrack(String encoded, String title, String author, @Nullable String uri, long lengthMs, boolean seekable,
                       String sourceName, long requesterId) {
        byte[] track = base64Bytes(encoded);
        this.encodedAsBase64 = track != null;
        if (track == null) {
            track = encoded.getBytes(StandardCharsets.UTF_8);
        }
        byte[] titleBytes = title.getBytes(StandardCharsets.UTF_8);
        byte[] authorBytes = author.getBytes(StandardCharsets.UTF_8);
        byte[] uriBytes = uri == null ? new byte[0] : uri.getBytes(StandardCharsets.UTF_8);
        this.packed = new byte[track.length + titleBytes.length + authorBytes.length + uriBytes.length];
        this.titleAt = track.length;
        this.authorAt = titleAt + titleBytes.length;
        int uriStart = authorAt + authorBytes.length;
        this.uriAt = uri == null ? -1 : uriStart;
        System.arraycopy(track, 0, packed, 0, track.length);
        System.arraycopy(titleBytes, 0, packed, titleAt, titleBytes.length);
        System.arraycopy(authorBytes, 0, packed, authorAt, authorBytes.length);
        System.arraycopy(uriBytes, 0, packed, uriStart, uriBytes.length);
        this.lengthMs = lengthMs;
        this.seekable = seekable;
        this.sourceName = shared(Objects.requireNonNull(sourceName, "sourceName"));
        this.requesterId = requesterId;
    }

    /** Lavalink's encoded track, exactly as it was given. */
    public String encoded() {
        return encodedAsBase64
                ? Base64.getEncoder().encodeToString(Arrays.copyOf(packed, titleAt))
                : new String(packed, 0, titleAt, StandardCharsets.UTF_8);
    }

    public String title() {
        return text(titleAt, authorAt);
    }

    public String author() {
        return text(authorAt, uriAt < 0 ? packed.length : uriAt);
    }

    public @Nullable String uri() {
        return uriAt < 0 ? null : text(uriAt, packed.length);
    }

    public long lengthMs() {
        return lengthMs;
    }

    public boolean seekable() {
        return seekable;
    }

    public String sourceName() {
        return sourceName;
    }

    public long requesterId() {
        return requesterId;
    }

    public boolean stream() {
        return lengthMs == 0;
    }

    private String text(int from, int to) {
        return new String(packed, from, to - from, StandardCharsets.UTF_8);
    }

    /** The bytes {@code encoded} stands for if it is canonical Base64 (what Lavalink sends), so they give it back exactly; else null. */
    private static byte @Nullable [] base64Bytes(String encoded) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        byte[] again = Base64.getEncoder().encode(bytes);
        if (again.length != encoded.length()) {
            return null;
        }
        for (int i = 0; i < again.length; i++) {
            if (again[i] != encoded.charAt(i)) {
                return null;
            }
        }
        return bytes;
    }

    private static String shared(String sourceName) {
        for (String known : KNOWN_SOURCES) {
            if (known.equals(sourceName)) {
                return known;
            }
        }
        return sourceName;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QueuedTrack that
                && titleAt == that.titleAt && authorAt == that.authorAt && uriAt == that.uriAt
                && lengthMs == that.lengthMs && requesterId == that.requesterId && seekable == that.seekable
                && encodedAsBase64 == that.encodedAsBase64 && sourceName.equals(that.sourceName)
                && Arrays.equals(packed, that.packed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(packed), uriAt, lengthMs, requesterId, seekable, sourceName);
    }

    /** Like a record's, without the encoded track, which says nothing to a reader. */
    @Override
    public String toString() {
        return "QueuedTrack[title=" + title() + ", author=" + author() + ", uri=" + uri() + ", lengthMs=" + lengthMs
                + ", seekable=" + seekable + ", sourceName=" + sourceName + ", requesterId=" + requesterId + "]";
    }
}
