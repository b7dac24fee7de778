package dev.botty.interactions.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.botty.interactions.ClosedPort;
import dev.botty.interactions.TestApp;
import dev.botty.interactions.voice.FakeVoiceNode;
import dev.botty.interactions.voice.NodeStatusJson;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Homepage {@code customapi} widget in docs/deploy.md, resolved against a real
 * {@code /api/status} answer: every field the snippet maps exists and has the type its format
 * needs, the way Homepage's widget looks a field up (shvl: the path split at dots and brackets,
 * each part a key or an array index).
 */
class HomepageWidgetTest {
    private static final Path DEPLOY_DOC = Path.of("..", "docs", "deploy.md");
    private static final Pattern SNIPPET = Pattern.compile("<!-- homepage-widget:[^>]*-->\\s*```yaml\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyMappedFieldResolvesInARealStatusAnswer() throws Exception {
        List<Map<String, Object>> mappings = mappingsFromTheDocs();
        assertTrue(mappings.size() >= 3, "the snippet maps uptime, voice nodes up and now playing");

        try (FakeVoiceNode playing = new FakeVoiceNode(StatusEndpointTest.SECRET).reporting(200, NodeStatusJson.playing(0));
                ClosedPort down = new ClosedPort();
                TestApp app = TestApp.start(Map.of(
                        "VOICE_NODE_URLS", playing.url() + "," + down.url(),
                        "VOICE_NODE_SECRET", StatusEndpointTest.SECRET))) {
            HttpResponse<String> response = StatusEndpointTest.get(app.managementUri().resolve("/api/status"));
            assertEquals(200, response.statusCode(), response.body());
            JsonNode status = TestApp.json(response.body());

            for (Map<String, Object> mapping : mappings) {
                String field = (String) mapping.get("field");
                JsonNode value = shvlGet(status, field);
                assertNotNull(value, field + " is not in " + status.path("summary"));
                String format = (String) mapping.getOrDefault("format", "text");
                switch (format) {
                    case "duration", "number" -> assertTrue(value.isNumber(), field + " must be a number for format " + format + ": " + value);
                    case "text" -> assertTrue(value.isTextual() || value.isNull(), field + " must be text: " + value);
                    default -> throw new AssertionError("the test does not know format " + format);
                }
            }
            // The values the tile shows for one node playing and one down.
            assertEquals(1, shvlGet(status, "summary.voiceNodesUp").asInt());
            assertEquals(2, shvlGet(status, "summary.voiceNodes").asInt());
            assertEquals(1, shvlGet(status, "summary.guildsPlaying").asInt());
            assertEquals("Loopback <Rock> & \"Roll\" — The Testers", shvlGet(status, "summary.nowPlaying").asText());
            assertTrue(shvlGet(status, "uptimeSeconds").asLong() >= 0);
        }
    }

    @Test
    void nothingPlayingIsANullTheSnippetRemaps() throws Exception {
        List<Map<String, Object>> mappings = mappingsFromTheDocs();
        Map<String, Object> nowPlaying = mappings.stream().filter(m -> "summary.nowPlaying".equals(m.get("field"))).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> remap = (List<Map<String, Object>>) nowPlaying.get("remap");
        assertNotNull(remap, "a null now-playing needs a remap, or the tile shows nothing useful");
        assertTrue(remap.stream().anyMatch(r -> r.containsKey("value") && r.get("value") == null), remap.toString());

        try (ClosedPort down = new ClosedPort();
                TestApp app = TestApp.start(Map.of("VOICE_NODE_URLS", down.url(),
                "VOICE_NODE_SECRET", StatusEndpointTest.SECRET))) {
            JsonNode status = TestApp.json(StatusEndpointTest.get(app.managementUri().resolve("/api/status")).body());
            // Left out of the JSON when null; Homepage looks up both as null, which the remap names.
            JsonNode nothing = shvlGet(status, "summary.nowPlaying");
            assertTrue(nothing == null || nothing.isNull(), status.path("summary").toString());
            assertEquals(0, shvlGet(status, "summary.voiceNodesUp").asInt());
        }
    }

    /**
     * Homepage's lookup (src/utils/config/shvl.js): split at [.[\]]+, walk keys and indexes; null
     * when absent (Homepage's widget then shows the value as null too).
     */
    static JsonNode shvlGet(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("[.\\[\\]]+")) {
            if (node == null) {
                return null;
            }
            if (node.isArray() && part.matches("\\d+")) {
                node = node.get(Integer.parseInt(part));
            } else {
                node = node.get(part);
            }
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> mappingsFromTheDocs() throws Exception {
        Matcher matcher = SNIPPET.matcher(Files.readString(DEPLOY_DOC));
        assertTrue(matcher.find(), "docs/deploy.md has no homepage-widget snippet");
        List<Map<String, Object>> services = new Yaml().load(matcher.group(1));
        assertFalse(services.isEmpty());
        Map<String, Object> service = (Map<String, Object>) services.get(0).values().iterator().next();
        Map<String, Object> widget = (Map<String, Object>) service.get("widget");
        assertEquals("customapi", widget.get("type"));
        assertTrue(((String) widget.get("url")).endsWith(":8090/api/status"), "the widget reads the management port's /api/status");
        return new ArrayList<>((List<Map<String, Object>>) widget.get("mappings"));
    }
}
