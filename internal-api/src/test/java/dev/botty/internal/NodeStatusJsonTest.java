package dev.botty.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeStatusJsonTest {
    private final ObjectMapper json = ObjectMapper.getDefault();

    private static NodeStatus status(String lavalinkState) {
        return new NodeStatus("0.1.0", Instant.parse("2026-11-23T00:00:00Z"), 60, 0, 1,
                new NodeStatus.Gateway("CONNECTED", 42, 1), 1,
                List.of(new NodeStatus.GuildPlayer("41771983423143937", "Homelab", "Music",
                        new NodeStatus.NowPlaying("Song", "Band", null, 1_000, 180_000, false), 2, "off", 100, "nightcore", true)),
                List.of(new NodeStatus.LavalinkNode("main", lavalinkState, "4.2.1", 1, 1, 0.02, 50_000_000, new NodeStatus.Frames(3000, 0, 0))),
                Map.of("play", Map.of("ok", 3L)),
                List.of(new NodeStatus.RecentError(Instant.parse("2026-11-23T00:00:30Z"), "track stuck")));
    }

    @Test
    void survivesTheWireBothWays() throws IOException {
        NodeStatus original = status("CONNECTED");
        String text = json.writeValueAsString(original);
        assertTrue(text.contains("\"guildId\":\"41771983423143937\""), text);
        assertTrue(text.contains("\"startedAt\":\"2026-11-23T00:00:00Z\""), text);
        assertEquals(original, json.readValue(text, NodeStatus.class));
    }

    @Test
    void readyNeedsTheGatewayAndAUsableLavalinkNode() {
        assertTrue(status("CONNECTED").ready());
        assertFalse(status("REFUSED").ready());
        assertFalse(status("RECONNECTING").ready());
    }
}
