package dev.botty.lavalink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.botty.lavalink.protocol.v4.LavalinkProtocolException;
import dev.botty.lavalink.protocol.v4.LoadResult;
import dev.botty.lavalink.protocol.v4.Message;
import dev.botty.lavalink.protocol.v4.PlayerEvent;
import dev.botty.lavalink.protocol.v4.PlayerUpdateMessage;
import dev.botty.lavalink.protocol.v4.Playlist;
import dev.botty.lavalink.protocol.v4.ReadyMessage;
import dev.botty.lavalink.protocol.v4.Stats;
import dev.botty.lavalink.protocol.v4.StatsMessage;
import dev.botty.lavalink.protocol.v4.Track;
import dev.botty.lavalink.protocol.v4.TrackEndEvent;
import dev.botty.lavalink.protocol.v4.TrackException;
import dev.botty.lavalink.protocol.v4.TrackExceptionEvent;
import dev.botty.lavalink.protocol.v4.TrackStartEvent;
import dev.botty.lavalink.protocol.v4.TrackStuckEvent;
import dev.botty.lavalink.protocol.v4.WebSocketClosedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes the v4 records. Unknown fields are ignored and an unknown exception severity
 * reads as {@code fault}, so a newer server's additions do not break the client; every other
 * failure to read is a {@link LavalinkProtocolException}. Not part of the client's API: the
 * protocol's records are; how they are read and written is the node's business.
 */
final class LavalinkJson {
    private static final Logger log = LoggerFactory.getLogger(LavalinkJson.class);
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .build();

    private LavalinkJson() {}

    public static JsonNode readTree(String json) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (tree == null || tree.isMissingNode()) {
                throw new LavalinkProtocolException("expected JSON, got nothing", null);
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new LavalinkProtocolException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        return read(readTree(json), type);
    }

    public static <T> T read(JsonNode json, Class<T> type) {
        try {
            T value = MAPPER.treeToValue(json, type);
            if (value == null) {
                throw new LavalinkProtocolException("expected " + type.getSimpleName() + ", got " + json, null);
            }
            return value;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new LavalinkProtocolException("not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** A JSON array of {@code type}. */
    public static <T> List<T> readList(String json, Class<T> type) {
        JsonNode tree = readTree(json);
        if (!tree.isArray()) {
            throw new LavalinkProtocolException("expected an array of " + type.getSimpleName() + ", got " + tree.getNodeType(), null);
        }
        List<T> values = new ArrayList<>(tree.size());
        tree.forEach(element -> values.add(read(element, type)));
        return List.copyOf(values);
    }

    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value, e);
        }
    }

    /** A {@code /v4/loadtracks} answer. {@code empty} comes with {@code "data": null} from the server and {@code {}} in the docs: both read. */
    public static LoadResult readLoadResult(String json) {
        JsonNode tree = readTree(json);
        JsonNode data = tree.path("data");
        String loadType = tree.path("loadType").asText("");
        return switch (loadType) {
            case "track" -> new LoadResult.TrackLoaded(read(data, Track.class));
            case "playlist" -> new LoadResult.PlaylistLoaded(read(data, Playlist.class));
            case "search" -> {
                if (!data.isArray()) {
                    throw new LavalinkProtocolException("search result data is not an array: " + data, null);
                }
                List<Track> tracks = new ArrayList<>();
                data.forEach(track -> tracks.add(read(track, Track.class)));
                yield new LoadResult.SearchResult(tracks);
            }
            case "empty" -> new LoadResult.Empty();
            case "error" -> new LoadResult.LoadFailed(read(data, TrackException.class));
            default -> throw new LavalinkProtocolException("unknown loadType '" + loadType + "'", null);
        };
    }

    /** A load result as the server writes it ({@code empty} with {@code "data": null}). */
    public static ObjectNode writeLoadResult(LoadResult result) {
        ObjectNode json = MAPPER.createObjectNode().put("loadType", result.loadType());
        switch (result) {
            case LoadResult.TrackLoaded loaded -> json.set("data", tree(loaded.track()));
            case LoadResult.PlaylistLoaded loaded -> json.set("data", tree(loaded.playlist()));
            case LoadResult.SearchResult search -> {
                ArrayNode tracks = json.putArray("data");
                search.tracks().forEach(track -> tracks.add(tree(track)));
            }
            case LoadResult.Empty empty -> json.putNull("data");
            case LoadResult.LoadFailed failed -> json.set("data", tree(failed.exception()));
        }
        return json;
    }

    /**
     * A WebSocket message, or empty for an op or event type this client does not know (logged and
     * skipped). Throws {@link LavalinkProtocolException} for text that is not a message at all.
     */
    public static Optional<Message> decodeMessage(String text) {
        JsonNode json = readTree(text);
        String op = json.path("op").asText("");
        return switch (op) {
            case "ready" -> Optional.of(read(json, ReadyMessage.class));
            case "playerUpdate" -> Optional.of(read(json, PlayerUpdateMessage.class));
            case "stats" -> Optional.of(new StatsMessage(read(json, Stats.class)));
            case "event" -> decodeEvent(json);
            default -> {
                log.info("Skipping a Lavalink message with unknown op '{}'", op);
                yield Optional.empty();
            }
        };
    }

    private static Optional<Message> decodeEvent(JsonNode json) {
        String type = json.path("type").asText("");
        return switch (type) {
            case "TrackStartEvent" -> Optional.of(read(json, TrackStartEvent.class));
            case "TrackEndEvent" -> Optional.of(read(json, TrackEndEvent.class));
            case "TrackExceptionEvent" -> Optional.of(read(json, TrackExceptionEvent.class));
            case "TrackStuckEvent" -> Optional.of(read(json, TrackStuckEvent.class));
            case "WebSocketClosedEvent" -> Optional.of(read(json, WebSocketClosedEvent.class));
            default -> {
                // Plugins add their own event types (SponsorBlock's SegmentsLoaded, say).
                log.debug("Skipping a Lavalink event of unknown type '{}'", type);
                yield Optional.empty();
            }
        };
    }

    /** A message as the server writes it: {@code op}, for events {@code type}, then the fields. */
    public static ObjectNode encodeMessage(Message message) {
        ObjectNode json = MAPPER.createObjectNode().put("op", message.op());
        if (message instanceof PlayerEvent event) {
            json.put("type", event.type());
        }
        JsonNode fields = message instanceof StatsMessage stats ? tree(stats.stats()) : tree(message);
        json.setAll((ObjectNode) fields);
        return json;
    }
}
