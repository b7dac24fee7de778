package dev.botty.lavalink.protocol.v4;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PATCH /v4/sessions/{sessionId}/players/{guildId}}: only the fields set are
 * sent. {@link TrackUpdate#encoded()} sent as null stops the track; {@code endTime} sent as null
 * clears a previous end time. Build one with {@link #builder()}.
 *
 * <p>Lavalink's own rules, which it enforces with a 400: {@code encoded} and {@code identifier}
 * exclude each other (checked here too); an identifier must resolve to a single track; a voice
 * state needs all of {@code token, endpoint, sessionId, channelId}; {@code endTime} must be
 * positive. A new track starts unpaused unless {@code paused} is sent with it, and with
 * {@code noReplace} a playing track is kept and the track fields are ignored.
 */
public record PlayerUpdate(Omissible<TrackUpdate> track, Omissible<Long> position, Omissible<@Nullable Long> endTime,
                           Omissible<Integer> volume, Omissible<Boolean> paused, Omissible<JsonNode> filters,
                           Omissible<@Nullable VoiceState> voice) {

    /** The {@code track} object: which track to play (or stop), and user data to attach to it. */
    public record TrackUpdate(Omissible<@Nullable String> encoded, Omissible<String> identifier, Omissible<JsonNode> userData) {}

    public static Builder builder() {
        return new Builder();
    }

    /** Stops the playing track: {@code {"track":{"encoded":null}}}. */
    public static PlayerUpdate stopTrack() {
        return builder().encodedTrack(null).build();
    }

    /** Only the voice state, as after each voice server or channel change. */
    public static PlayerUpdate voice(VoiceState voice) {
        return builder().voice(voice).build();
    }

    /** The JSON body: fields left out are absent, explicit nulls are {@code null}. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        if (track instanceof Omissible.Present<TrackUpdate>(TrackUpdate t)) {
            ObjectNode trackJson = json.putObject("track");
            if (t.encoded() instanceof Omissible.Present<String>(String encoded)) {
                trackJson.put("encoded", encoded);
            }
            if (t.identifier() instanceof Omissible.Present<String>(String identifier)) {
                trackJson.put("identifier", identifier);
            }
            if (t.userData() instanceof Omissible.Present<JsonNode>(JsonNode userData)) {
                trackJson.set("userData", userData == null ? JsonNodeFactory.instance.nullNode() : userData.deepCopy());
            }
        }
        if (position instanceof Omissible.Present<Long>(Long value)) {
            json.put("position", value);
        }
        if (endTime instanceof Omissible.Present<Long>(Long value)) {
            json.put("endTime", value);
        }
        if (volume instanceof Omissible.Present<Integer>(Integer value)) {
            json.put("volume", value);
        }
        if (paused instanceof Omissible.Present<Boolean>(Boolean value)) {
            json.put("paused", value);
        }
        if (filters instanceof Omissible.Present<JsonNode>(JsonNode value)) {
            json.set("filters", value == null ? JsonNodeFactory.instance.nullNode() : value.deepCopy());
        }
        if (voice instanceof Omissible.Present<VoiceState>(VoiceState value)) {
            if (value == null) {
                json.putNull("voice");
            } else {
                // All four, channelId even when null: Lavalink then answers with its own explanation.
                ObjectNode voiceJson = json.putObject("voice");
                voiceJson.put("token", value.token());
                voiceJson.put("endpoint", value.endpoint());
                voiceJson.put("sessionId", value.sessionId());
                voiceJson.put("channelId", value.channelId());
            }
        }
        return json;
    }

    /** Reads a body such as {@link #toJson()} writes (and the docs' example shows). */
    public static PlayerUpdate fromJson(JsonNode json) {
        Omissible<TrackUpdate> track = Omissible.omitted();
        if (json.has("track") && json.get("track").isObject()) {
            JsonNode t = json.get("track");
            track = Omissible.of(new TrackUpdate(
                    t.has("encoded") ? Omissible.of(t.get("encoded").isNull() ? null : t.get("encoded").asText()) : Omissible.omitted(),
                    t.has("identifier") ? Omissible.of(t.get("identifier").asText()) : Omissible.omitted(),
                    t.has("userData") ? Omissible.of(t.get("userData").deepCopy()) : Omissible.omitted()));
        }
        Omissible<@Nullable VoiceState> voice = Omissible.omitted();
        if (json.has("voice")) {
            JsonNode v = json.get("voice");
            voice = Omissible.of(v.isNull() ? null : new VoiceState(text(v, "token"), text(v, "endpoint"),
                    text(v, "sessionId"), text(v, "channelId")));
        }
        return new PlayerUpdate(track,
                json.has("position") ? Omissible.of(json.get("position").asLong()) : Omissible.omitted(),
                json.has("endTime") ? Omissible.of(json.get("endTime").isNull() ? null : json.get("endTime").asLong())
                        : Omissible.omitted(),
                json.has("volume") ? Omissible.of(json.get("volume").asInt()) : Omissible.omitted(),
                json.has("paused") ? Omissible.of(json.get("paused").asBoolean()) : Omissible.omitted(),
                json.has("filters") ? Omissible.of(json.get("filters").deepCopy()) : Omissible.omitted(),
                voice);
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Sets only what it is told to. */
    public static final class Builder {
        private Omissible<@Nullable String> encoded = Omissible.omitted();
        private Omissible<String> identifier = Omissible.omitted();
        private Omissible<JsonNode> userData = Omissible.omitted();
        private Omissible<Long> position = Omissible.omitted();
        private Omissible<@Nullable Long> endTime = Omissible.omitted();
        private Omissible<Integer> volume = Omissible.omitted();
        private Omissible<Boolean> paused = Omissible.omitted();
        private Omissible<JsonNode> filters = Omissible.omitted();
        private Omissible<@Nullable VoiceState> voice = Omissible.omitted();

        private Builder() {}

        /** Plays this encoded track; null stops the playing one. */
        public Builder encodedTrack(@Nullable String encoded) {
            this.encoded = Omissible.of(encoded);
            return this;
        }

        /** Plays this loaded track (its encoding; attach user data with {@link #userData}). */
        public Builder track(Track track) {
            return encodedTrack(track.encoded());
        }

        /** Has Lavalink load this identifier and play it; it must resolve to one track. */
        public Builder identifier(String identifier) {
            this.identifier = Omissible.of(identifier);
            return this;
        }

        /** A JSON object Lavalink hands back in the track's {@code userData}. */
        public Builder userData(JsonNode userData) {
            this.userData = Omissible.of(userData);
            return this;
        }

        /** Milliseconds: a seek, or where a new track starts. */
        public Builder position(long position) {
            this.position = Omissible.of(position);
            return this;
        }

        /** Milliseconds at which the track ends (as {@code finished}); null clears it. */
        public Builder endTime(@Nullable Long endTime) {
            this.endTime = Omissible.of(endTime);
            return this;
        }

        /** Percent, 0–1000 (Lavaplayer clamps anything else). */
        public Builder volume(int volume) {
            this.volume = Omissible.of(volume);
            return this;
        }

        public Builder paused(boolean paused) {
            this.paused = Omissible.of(paused);
            return this;
        }

        /** Lavalink's Filters object; it replaces all filters set before. */
        public Builder filters(JsonNode filters) {
            this.filters = Omissible.of(filters);
            return this;
        }

        public Builder voice(VoiceState voice) {
            this.voice = Omissible.of(voice);
            return this;
        }

        public PlayerUpdate build() {
            if (encoded.isPresent() && identifier.isPresent()) {
                throw new IllegalStateException("a player update plays an encoded track or an identifier, not both");
            }
            boolean anyTrackField = encoded.isPresent() || identifier.isPresent() || userData.isPresent();
            Omissible<TrackUpdate> track = anyTrackField
                    ? Omissible.of(new TrackUpdate(encoded, identifier, userData)) : Omissible.omitted();
            return new PlayerUpdate(track, position, endTime, volume, paused, filters, voice);
        }
    }
}
