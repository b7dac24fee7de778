package dev.botty.lavalink.protocol.v4;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * A guild's player on a Lavalink session. {@code track} is null when nothing plays; {@code volume}
 * is a percentage, 0–1000; {@code filters} is Lavalink's Filters object, passed through as JSON.
 */
public record Player(String guildId, @Nullable Track track, int volume, boolean paused, PlayerState state, VoiceState voice,
                     JsonNode filters) {
    public Player {
        filters = Track.objectOrEmpty(filters);
    }
}
