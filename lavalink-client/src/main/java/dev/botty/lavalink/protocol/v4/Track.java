package dev.botty.lavalink.protocol.v4;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.jspecify.annotations.Nullable;

/**
 * A playable track: {@code encoded} is what the player is given back, {@code pluginInfo} what
 * plugins add, {@code userData} what this client attached when playing it (both JSON objects,
 * empty when absent).
 */
public record Track(String encoded, TrackInfo info, JsonNode pluginInfo, JsonNode userData) {
    public Track {
        pluginInfo = objectOrEmpty(pluginInfo);
        userData = objectOrEmpty(userData);
    }

    public Track(String encoded, TrackInfo info) {
        this(encoded, info, null, null);
    }

    static JsonNode objectOrEmpty(@Nullable JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? JsonNodeFactory.instance.objectNode() : node.deepCopy();
    }
}
