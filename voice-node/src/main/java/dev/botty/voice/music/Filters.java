package dev.botty.voice.music;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.botty.voice.queue.FilterPreset;

/**
 * What each {@link FilterPreset} asks of Lavalink: its {@code filters} object (Lavalink's REST
 * docs, "Filters"). Lavalink replaces all filters with the object it is given, so {@code off} is
 * the empty object, and one preset never leaves another's filter behind. The player's volume is
 * the player's own ({@code volume}), not a filter, so {@code /volume} and {@code /filter} do not
 * meet.
 */
final class Filters {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Filters() {}

    static ObjectNode lavalink(FilterPreset preset) {
        ObjectNode filters = JSON.objectNode();
        switch (preset) {
            case OFF -> { }
            case BASS_BOOST -> {
                // The lowest five of Lavalink's fifteen bands (25 Hz to 250 Hz) lifted, falling off upwards.
                ArrayNode bands = filters.putArray("equalizer");
                double[] gains = {0.30, 0.25, 0.20, 0.10, 0.05};
                for (int band = 0; band < gains.length; band++) {
                    bands.addObject().put("band", band).put("gain", gains[band]);
                }
            }
            case NIGHTCORE -> filters.putObject("timescale").put("speed", 1.25).put("pitch", 1.25).put("rate", 1.0);
            case VAPORWAVE -> filters.putObject("timescale").put("speed", 0.8).put("pitch", 0.8).put("rate", 1.0);
            case EIGHT_D -> filters.putObject("rotation").put("rotationHz", 0.2);
            case KARAOKE -> filters.putObject("karaoke").put("level", 1.0).put("monoLevel", 1.0).put("filterBand", 220.0)
                    .put("filterWidth", 100.0);
        }
        return filters;
    }
}
