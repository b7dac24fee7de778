package dev.botty.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The tracks {@link FakeLavalink} can load, and how it answers {@code /v4/loadtracks} for an
 * identifier: the way Lavaplayer with the YouTube plugin and SoundCloud answers, in Lavalink v4's
 * {@code {loadType, data}} shape.
 *
 * <p>Loadable identifiers: a YouTube video id ({@link #RICK_ASTLEY} is the docs' example track,
 * with its real encoding), {@code https://www.youtube.com/watch?v=ID} or {@code https://youtu.be/ID},
 * the playlist {@link #PLAYLIST_URL} (with {@code &v=ID} or {@code watch?v=ID&list=…} selecting a
 * track), the SoundCloud URLs of {@link #tracks()}, searches {@code ytsearch:}, {@code ytmsearch:}
 * and {@code scsearch:} (every word must appear in title or author), and {@link #UNAVAILABLE_URL},
 * which fails as a video blocked in the viewer's country does; a video's mix
 * ({@code watch?v=ID&list=RDID}) is a playlist of the related videos; {@link #LONG} and
 * {@link #BIG_PLAYLIST_URL} are the long real-world data Discord's limits must hold for. Anything
 * else loads nothing.
 */
public final class LavalinkCatalogue {
    /** A track in the catalogue; {@code length} is {@link Long#MAX_VALUE} for a live stream, as Lavaplayer says. */
    public record Track(String encoded, String identifier, boolean isSeekable, String author, long length, boolean isStream,
                        String title, String uri, String artworkUrl, String isrc, String sourceName) {

        /** The Lavalink Track object at a position, with the user data the player was given. */
        public ObjectNode json(long position, JsonNode userData) {
            ObjectNode track = JSON.objectNode();
            track.put("encoded", encoded);
            ObjectNode info = track.putObject("info");
            info.put("identifier", identifier);
            info.put("isSeekable", isSeekable);
            info.put("author", author);
            info.put("length", length);
            info.put("isStream", isStream);
            info.put("position", position);
            info.put("title", title);
            info.put("uri", uri);
            info.put("artworkUrl", artworkUrl);
            info.put("isrc", isrc);
            info.put("sourceName", sourceName);
            track.putObject("pluginInfo");
            track.set("userData", userData == null || userData.isNull() ? JSON.objectNode() : userData.deepCopy());
            return track;
        }

        public boolean isYouTube() {
            return "youtube".equals(sourceName);
        }
    }

    /** The track of the docs' examples (Lavalink's docs/api/rest.md, "Track Decoding"). */
    public static final String RICK_ASTLEY = "dQw4w9WgXcQ";
    public static final String LOFI = "bottyLofi01";
    public static final String ROCK = "bottyRock02";
    public static final String LIVE = "bottyLive03";
    public static final String WALTZ_URL = "https://soundcloud.com/botty-simulator/loopback-waltz";
    public static final String PLAYLIST_ID = "PLbottySimulatorMix0000000000000001";
    public static final String PLAYLIST_URL = "https://www.youtube.com/playlist?list=" + PLAYLIST_ID;
    public static final String PLAYLIST_NAME = "botty simulator mix";
    /** Fails to load with a "common" error, as a region-blocked video does. */
    /** A track with a 300-character title full of Markdown and a 200-character author, as long uploads have. */
    public static final String LONG = "bottyLong05";
    /** A Spotify track, as Lavalink's LavaSrc plugin loads one: Spotify's metadata, played from elsewhere by its ISRC. */
    public static final String SPOTIFY_URL = "https://open.spotify.com/track/4PTG3Z6ehGkBFwjybzWkR8";
    /** A live stream whose address is longer than any Discord message or embed link may be (2,200 characters). */
    public static final String LONG_ADDRESS_URL = "https://radio.simulator.invalid/live.mp3?session=" + "0123456789abcdef".repeat(135);
    /** A playlist of {@link #BIG_PLAYLIST_SIZE} tracks, more than a queue holds. */
    public static final String BIG_PLAYLIST_ID = "PLbottySimulatorBig0000000000000002";
    public static final String BIG_PLAYLIST_URL = "https://www.youtube.com/playlist?list=" + BIG_PLAYLIST_ID;
    public static final String BIG_PLAYLIST_NAME = "An extraordinarily long playlist that somebody kept adding to for years, "
            + "until it held every song they ever liked";
    public static final int BIG_PLAYLIST_SIZE = 1_000;
    public static final String UNAVAILABLE_URL = "https://www.youtube.com/watch?v=bottyBlock04";
    static final String UNAVAILABLE_MESSAGE = "This video is not available in your country.";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String FRIENDLY_EXCEPTION = "com.sedmelluq.discord.lavaplayer.tools.FriendlyException";

    private static final List<Track> TRACKS = List.of(
            new Track("QAAAjQIAJVJpY2sgQXN0bGV5IC0gTmV2ZXIgR29ubmEgR2l2ZSBZb3UgVXAADlJpY2tBc3RsZXlWRVZPAAAAAAADPCAAC2RRdzR3OVdnWGNRAAEAK2h0dHBzOi8vd3d3LnlvdXR1YmUuY29tL3dhdGNoP3Y9ZFF3NHc5V2dYY1EAB3lvdXR1YmUAAAAAAAAAAA==",
                    RICK_ASTLEY, true, "RickAstleyVEVO", 212_000, false, "Rick Astley - Never Gonna Give You Up",
                    "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://i.ytimg.com/vi/dQw4w9WgXcQ/maxresdefault.jpg",
                    null, "youtube"),
            youTube(LOFI, "Lofi beats to test bots to", "botty simulator", 180_000),
            youTube(ROCK, "Loopback Rock", "The Localhosts", 240_000),
            new Track(encode("youtube", LIVE), LIVE, false, "botty simulator", Long.MAX_VALUE, true,
                    "Simulator radio (live)", "https://www.youtube.com/watch?v=" + LIVE,
                    "https://i.ytimg.com/vi/" + LIVE + "/maxresdefault.jpg", null, "youtube"),
            new Track(encode("soundcloud", "100000001"), "O:https://api-v2.soundcloud.com/media/soundcloud:tracks:100000001/stream/hls",
                    true, "botty-simulator", 95_000, false, "Loopback Waltz", WALTZ_URL,
                    "https://i1.sndcdn.com/artworks-botty-loopback-waltz-t500x500.jpg", "ZZBTY2600001", "soundcloud"),
            youTube(LONG, ("The *extraordinarily* long title of a [live] recording_with_underscores | part ~1~ > of (many) — "
                    + "recorded at the simulated arena in front of one hundred thousand imaginary listeners, ").repeat(2).substring(0, 300),
                    ("The Orchestra of Unreasonably Long Band Names featuring every guest musician who ever played a note with them "
                            + "on any stage in any simulated city, ").repeat(2).substring(0, 200), 3 * 3_600_000L + 17_000),
            new Track(encode("spotify", "4PTG3Z6ehGkBFwjybzWkR8"), "4PTG3Z6ehGkBFwjybzWkR8", true, "Rick Astley", 213_573, false,
                    "Never Gonna Give You Up", SPOTIFY_URL, "https://i.scdn.co/image/ab67616d0000b27315ebbedaacef61af244262a8",
                    "GBARL9300135", "spotify"),
            new Track(encode("http", "long-address"), LONG_ADDRESS_URL, false, "Simulator Radio", Long.MAX_VALUE, true,
                    "Simulator radio with a very long address", LONG_ADDRESS_URL, null, null, "http"),
            new Track(encode("soundcloud", "100000002"), "O:https://api-v2.soundcloud.com/media/soundcloud:tracks:100000002/stream/hls",
                    true, "botty-simulator", 120_000, false, "Rock the Loopback",
                    "https://soundcloud.com/botty-simulator/rock-the-loopback", null, null, "soundcloud"));

    /** The big playlist's tracks: loadable by their links and the playlist, not found by searches. */
    private static final List<Track> BIG = java.util.stream.IntStream.rangeClosed(1, BIG_PLAYLIST_SIZE)
            .mapToObj(n -> youTube("bottyBig%04d".formatted(n), "Song %04d of a very long playlist, [remastered] *deluxe* edition (live at the __loopback__ arena)".formatted(n),
                    "Artist number %d and the Orchestra of Unreasonably Long Band Names".formatted(n), 150_000 + n * 1_000L))
            .toList();

    private static final Map<String, Track> BY_ENCODED = java.util.stream.Stream.concat(TRACKS.stream(), BIG.stream())
            .collect(Collectors.toUnmodifiableMap(Track::encoded, Function.identity()));
    private static final List<String> PLAYLIST = List.of(LOFI, ROCK, RICK_ASTLEY);

    private LavalinkCatalogue() {}

    public static List<Track> tracks() {
        return TRACKS;
    }

    public static Track track(String identifierOrUri) {
        return TRACKS.stream()
                .filter(t -> t.identifier().equals(identifierOrUri) || identifierOrUri.equals(t.uri()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no track " + identifierOrUri + " in the catalogue"));
    }

    /** The track an {@code encoded} string stands for, if it is one the catalogue handed out. */
    public static Optional<Track> decode(String encoded) {
        return Optional.ofNullable(BY_ENCODED.get(encoded));
    }

    /** What loading an identifier gives. */
    sealed interface Loaded {
        record One(Track track) implements Loaded {}

        record Playlist(String name, int selectedTrack, List<Track> tracks) implements Loaded {}

        record Search(List<Track> tracks) implements Loaded {}

        record Nothing() implements Loaded {}

        record Failed(String message, String severity, String cause) implements Loaded {}
    }

    /**
     * Loads as Lavalink would; {@code youTubeFailure}, when not null, is the message every YouTube
     * load fails with (the plugin's answer when YouTube blocks the host, say).
     */
    static Loaded load(String identifier, String youTubeFailure) {
        String id = identifier.strip();
        String lower = id.toLowerCase(Locale.ROOT);
        boolean youTube = lower.startsWith("ytsearch:") || lower.startsWith("ytmsearch:") || isYouTubeLink(lower)
                || TRACKS.stream().anyMatch(t -> t.isYouTube() && t.identifier().equals(id));
        if (youTube && youTubeFailure != null) {
            return new Loaded.Failed(youTubeFailure, "common", FRIENDLY_EXCEPTION + ": " + youTubeFailure);
        }
        if (lower.startsWith("ytsearch:") || lower.startsWith("ytmsearch:")) {
            return search(id.substring(id.indexOf(':') + 1), "youtube");
        }
        if (lower.startsWith("scsearch:")) {
            return search(id.substring(id.indexOf(':') + 1), "soundcloud");
        }
        if (id.equals(UNAVAILABLE_URL)) {
            return new Loaded.Failed(UNAVAILABLE_MESSAGE, "common", FRIENDLY_EXCEPTION + ": " + UNAVAILABLE_MESSAGE);
        }
        String video = youTubeVideo(id);
        String list = queryParameter(id, "list");
        if (list != null && list.startsWith("RD") && video != null) {
            Optional<Track> seed = TRACKS.stream().filter(t -> t.isYouTube() && t.identifier().equals(video)).findFirst();
            if (seed.isPresent()) {
                return mix(seed.get());
            }
        }
        if (BIG_PLAYLIST_ID.equals(list)) {
            return new Loaded.Playlist(BIG_PLAYLIST_NAME, -1, BIG);
        }
        if (PLAYLIST_ID.equals(list)) {
            List<Track> tracks = PLAYLIST.stream().map(LavalinkCatalogue::track).toList();
            return new Loaded.Playlist(PLAYLIST_NAME, video == null ? -1 : PLAYLIST.indexOf(video), tracks);
        }
        for (Track track : TRACKS) {
            if (track.identifier().equals(video) || id.equals(track.uri())) {
                return new Loaded.One(track);
            }
        }
        for (Track track : BIG) {
            if (track.identifier().equals(video)) {
                return new Loaded.One(track);
            }
        }
        return new Loaded.Nothing();
    }

    /**
     * YouTube's mix for a video ({@code watch?v=ID&list=RDID}): a playlist that starts with the
     * video and goes on with related ones, here every other YouTube video of the catalogue that is
     * not live, in the catalogue's order.
     */
    private static Loaded mix(Track seed) {
        List<Track> tracks = new ArrayList<>();
        tracks.add(seed);
        TRACKS.stream().filter(t -> t.isYouTube() && !t.isStream() && t != seed && !t.identifier().equals(LONG)).forEach(tracks::add);
        return new Loaded.Playlist("Mix - " + seed.title(), 0, tracks);
    }

    /** The {@code /v4/loadtracks} answer for a load. */
    static ObjectNode loadResult(Loaded loaded) {
        ObjectNode result = JSON.objectNode();
        switch (loaded) {
            case Loaded.One one -> {
                result.put("loadType", "track");
                result.set("data", one.track().json(0, null));
            }
            case Loaded.Playlist playlist -> {
                result.put("loadType", "playlist");
                ObjectNode data = result.putObject("data");
                data.putObject("info").put("name", playlist.name()).put("selectedTrack", playlist.selectedTrack());
                data.putObject("pluginInfo");
                ArrayNode tracks = data.putArray("tracks");
                playlist.tracks().forEach(t -> tracks.add(t.json(0, null)));
            }
            case Loaded.Search search -> {
                result.put("loadType", "search");
                ArrayNode tracks = result.putArray("data");
                search.tracks().forEach(t -> tracks.add(t.json(0, null)));
            }
            // The docs show {} for data; the server's protocol types encode no data as null.
            case Loaded.Nothing nothing -> result.put("loadType", "empty").putNull("data");
            case Loaded.Failed failed -> {
                result.put("loadType", "error");
                result.set("data", exception(failed.message(), failed.severity(), failed.cause()));
            }
        }
        return result;
    }

    /** Lavalink's Exception object. */
    static ObjectNode exception(String message, String severity, String cause) {
        ObjectNode exception = JSON.objectNode();
        exception.put("message", message);
        exception.put("severity", severity);
        exception.put("cause", cause);
        exception.put("causeStackTrace", cause + "\n\tat dev.botty.simulator.FakeLavalink(simulated)\n");
        return exception;
    }

    private static Loaded search(String query, String source) {
        List<String> words = List.of(query.toLowerCase(Locale.ROOT).strip().split("\\s+"));
        List<Track> found = new ArrayList<>();
        if (!query.isBlank()) {
            for (Track track : TRACKS) {
                String text = (track.title() + " " + track.author()).toLowerCase(Locale.ROOT);
                if (track.sourceName().equals(source) && words.stream().allMatch(text::contains)) {
                    found.add(track);
                }
            }
        }
        // Lavalink answers a search without results with "empty", not an empty "search".
        return found.isEmpty() ? new Loaded.Nothing() : new Loaded.Search(found);
    }

    private static boolean isYouTubeLink(String lower) {
        return lower.startsWith("https://www.youtube.com/") || lower.startsWith("https://youtube.com/")
                || lower.startsWith("https://music.youtube.com/") || lower.startsWith("https://youtu.be/");
    }

    private static String youTubeVideo(String id) {
        if (id.startsWith("https://youtu.be/")) {
            String rest = id.substring("https://youtu.be/".length());
            int end = rest.indexOf('?');
            return end < 0 ? rest : rest.substring(0, end);
        }
        if (isYouTubeLink(id.toLowerCase(Locale.ROOT))) {
            return queryParameter(id, "v");
        }
        return id;
    }

    private static String queryParameter(String url, String name) {
        int query = url.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String pair : url.substring(query + 1).split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    private static Track youTube(String id, String title, String author, long length) {
        return new Track(encode("youtube", id), id, true, author, length, false, title,
                "https://www.youtube.com/watch?v=" + id, "https://i.ytimg.com/vi/" + id + "/maxresdefault.jpg", null, "youtube");
    }

    /** Opaque to clients, as Lavaplayer's encoding is; only the catalogue reads it back. */
    private static String encode(String source, String id) {
        return Base64.getEncoder().encodeToString(("botty-simulator:" + source + ":" + id).getBytes(StandardCharsets.UTF_8));
    }
}
