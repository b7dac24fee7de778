package dev.botty.interactions.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.botty.interactions.ClosedPort;
import dev.botty.interactions.TestApp;
import dev.botty.internal.MusicRequest;
import dev.botty.simulator.FakeDiscord;
import dev.botty.simulator.InteractionBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Music commands travel signed to the guild's voice node; every failure still answers the user. */
class MusicForwardingTest {
    private static final String SECRET = "a-test-secret-that-is-long-enough-0123456789";
    // (guild >> 22) % 2: 4194304 = 1 << 22 → shard 1; 8388608 = 2 << 22 → shard 0.
    private static final String GUILD_ON_SHARD_0 = "8388608";
    private static final String GUILD_ON_SHARD_1 = "4194304";

    private static TestApp app(String nodeUrls, String... more) {
        java.util.HashMap<String, String> env = new java.util.HashMap<>(Map.of(
                "VOICE_NODE_URLS", nodeUrls, "VOICE_NODE_SECRET", SECRET, "VOICE_NODE_TIMEOUT_MS", "5000"));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return TestApp.start(env);
    }

    private static InteractionBuilder play(String guild) {
        return InteractionBuilder.command("play").inGuild(guild).option("query", InteractionBuilder.STRING, "lofi beats");
    }

    @Test
    void routesEachGuildToItsShardsNodeAsTheContractsRequest() throws Exception {
        try (FakeVoiceNode zero = new FakeVoiceNode(SECRET); FakeVoiceNode one = new FakeVoiceNode(SECRET);
                TestApp app = app(zero.url() + "," + one.url())) {
            InteractionBuilder toOne = InteractionBuilder.command("play").inGuild(GUILD_ON_SHARD_1, "41771983423143938")
                    .option("query", InteractionBuilder.STRING, "lofi beats").by("80351110224678912", "alice");
            String json = toOne.toJson();
            assertEquals(200, app.postRaw(json).status());
            app.post(play(GUILD_ON_SHARD_0));

            assertEquals(1, one.received().size());
            assertEquals(1, zero.received().size());
            FakeVoiceNode.Received received = one.received().getFirst();
            assertTrue(received.signatureValid());
            assertEquals("/v1/commands", received.path());
            JsonNode interaction = TestApp.json(json);
            assertEquals(new MusicRequest(Long.parseLong(GUILD_ON_SHARD_1), Long.parseLong(interaction.path("channel_id").asText()),
                    80351110224678912L, interaction.path("locale").asText("en-US"), "play", Map.of("query", "lofi beats"), null,
                    java.util.List.of(41771983423143938L)), received.request());
            assertFalse(new String(received.body(), StandardCharsets.UTF_8).contains(interaction.path("token").asText()),
                    "the interaction's token stays with the interactions-api");
        }
    }

    @Test
    void shardFormulaMatchesDiscords() {
        assertEquals(0, VoiceNodeClient.shardOf(Long.parseUnsignedLong("81384788765712384"), 1));
        // 81384788765712384 >> 22 = 19403645698: even, and 1 more than a multiple of 3
        assertEquals(0, VoiceNodeClient.shardOf(Long.parseUnsignedLong("81384788765712384"), 2));
        assertEquals(1, VoiceNodeClient.shardOf(Long.parseUnsignedLong("81384788765712384"), 3));
        assertEquals(0, VoiceNodeClient.shardOf(Long.parseUnsignedLong("18446744073709551615"), 1), "unsigned snowflakes");
    }

    @Test
    void passesTheNodesInlineAnswerOnEphemerally() throws Exception {
        try (FakeVoiceNode node = new FakeVoiceNode(SECRET); TestApp app = app(node.url())) {
            node.answering(200, "{\"content\":\"Queued **lofi beats** (#3) for <@80351110224678912>\",\"outcome\":\"OK\","
                    + "\"card\":{\"title\":\"Queue\",\"url\":\"https://example.com/q\",\"description\":\"1. lofi\",\"thumbnailUrl\":\"https://example.com/t.jpg\","
                    + "\"fields\":[{\"name\":\"Loop\",\"value\":\"off\",\"inline\":true}],\"footer\":\"page 1\"}}");
            JsonNode answer = app.post(play(GUILD_ON_SHARD_0));
            assertEquals(4, answer.path("type").asInt());
            assertEquals(64, answer.path("data").path("flags").asInt());
            assertEquals(0, answer.path("data").path("allowed_mentions").path("parse").size(), "pings nobody: " + answer);
            assertTrue(answer.path("data").path("allowed_mentions").path("parse").isArray(), answer.toString());
            assertEquals("Queued **lofi beats** (#3) for <@80351110224678912>", answer.path("data").path("content").asText());
            JsonNode embed = answer.path("data").path("embeds").path(0);
            assertEquals("Queue", embed.path("title").asText());
            assertEquals("https://example.com/q", embed.path("url").asText());
            assertEquals("https://example.com/t.jpg", embed.path("thumbnail").path("url").asText());
            assertEquals("off", embed.path("fields").path(0).path("value").asText());
            assertEquals("page 1", embed.path("footer").path("text").asText());
        }
    }

    @Test
    void aNodeThatAnswersInDiscordsTermsIsNotUnderstoodTheDeadlineIsOurs() throws Exception {
        // The interactions-api alone decides inline or deferred; a node only answers (docs/internal-api.md).
        try (FakeVoiceNode node = new FakeVoiceNode(SECRET); TestApp app = app(node.url())) {
            node.answering(200, "{\"type\":5,\"data\":{\"flags\":64}}");
            JsonNode answer = app.post(play(GUILD_ON_SHARD_0));
            assertEquals(4, answer.path("type").asInt());
            assertEquals("🎵 The music player answered something I couldn't read.", answer.path("data").path("content").asText());
        }
    }

    @Test
    void editsASlowNodesAnswerInThroughARateLimit() throws Exception {
        try (FakeVoiceNode node = new FakeVoiceNode(SECRET); TestApp app = app(node.url(), "INLINE_BUDGET_MS", "200")) {
            node.answering(200, "{\"content\":\"Now playing\",\"outcome\":\"OK\"}").after(Duration.ofMillis(800));
            app.discord().rateLimitNext("PATCH", 1, Duration.ofMillis(300));
            assertEquals(5, app.post(play(GUILD_ON_SHARD_0)).path("type").asInt());
            FakeDiscord.Call edit = app.discord().awaitCall(c -> c.method().equals("PATCH") && !c.isRateLimited(), Duration.ofSeconds(5));
            assertEquals("Now playing", edit.json().path("content").asText());
            assertEquals(2, app.discord().calls().stream().filter(c -> c.method().equals("PATCH")).count(), "one 429, one retry");
        }
    }

    @Test
    void anEditThatOvertakesTheDeferralIsRetried() throws Exception {
        try (FakeVoiceNode node = new FakeVoiceNode(SECRET); TestApp app = app(node.url(), "INLINE_BUDGET_MS", "200")) {
            node.answering(200, "{\"content\":\"Now playing\",\"outcome\":\"OK\"}").after(Duration.ofMillis(500));
            app.discord().withholdOriginalNext(2);
            assertEquals(5, app.post(play(GUILD_ON_SHARD_0)).path("type").asInt());
            app.discord().awaitCall(c -> c.method().equals("PATCH")
                    && app.discord().calls().stream().filter(o -> o.method().equals("PATCH")).count() >= 3, Duration.ofSeconds(10));
            assertEquals(3, app.discord().calls().stream().filter(c -> c.method().equals("PATCH")).count(), "two 404s, then the edit");
        }
    }

    @Test
    void anExpiredTokenIsNotRetried() throws Exception {
        try (FakeVoiceNode node = new FakeVoiceNode(SECRET); TestApp app = app(node.url(), "INLINE_BUDGET_MS", "200")) {
            node.answering(200, "{\"content\":\"Now playing\",\"outcome\":\"OK\"}").after(Duration.ofMillis(500));
            String json = play(GUILD_ON_SHARD_0).toJson();
            String token = TestApp.json(json).path("token").asText();
            app.discord().expireInteractionToken(token);
            assertEquals(5, TestApp.json(app.postRaw(json).body()).path("type").asInt());
            app.discord().awaitCall(c -> c.path().contains(token), Duration.ofSeconds(5));
            Thread.sleep(1_500);
            assertEquals(1, app.discord().calls().stream().filter(c -> c.path().contains(token)).count());
        }
    }

    @Test
    void defersAndEditsInTheAnswerOfASlowNode() throws Exception {
        try (FakeVoiceNode node = new FakeVoiceNode(SECRET); TestApp app = app(node.url(), "INLINE_BUDGET_MS", "200")) {
            node.answering(200, "{\"content\":\"Now playing\",\"outcome\":\"OK\"}").after(Duration.ofMillis(1500));
            assertEquals(5, app.post(play(GUILD_ON_SHARD_0)).path("type").asInt());
            FakeDiscord.Call edit = app.discord().awaitOriginalEdit(Duration.ofSeconds(5));
            assertEquals("Now playing", edit.json().path("content").asText());
        }
    }

    @Test
    void saysTheNodeIsOfflineWhenNothingListens() throws Exception {
        try (ClosedPort down = new ClosedPort(); TestApp app = app(down.url())) {
            JsonNode answer = app.post(play(GUILD_ON_SHARD_0));
            assertEquals(4, answer.path("type").asInt(), "answered at once, inline: " + answer);
            assertEquals(64, answer.path("data").path("flags").asInt());
            assertTrue(answer.path("data").path("content").asText().contains("offline"), answer.toString());
        }
    }

    @Test
    void saysTheNodeDidNotAnswerInTimeWhenItHangs() throws Exception {
        try (FakeVoiceNode node = new FakeVoiceNode(SECRET); TestApp app = app(node.url(), "VOICE_NODE_TIMEOUT_MS", "1000", "INLINE_BUDGET_MS", "200")) {
            node.after(Duration.ofSeconds(4));
            assertEquals(5, app.post(play(GUILD_ON_SHARD_0)).path("type").asInt());
            FakeDiscord.Call edit = app.discord().awaitOriginalEdit(Duration.ofSeconds(5));
            assertTrue(edit.json().path("content").asText().contains("didn't answer in time"), edit.body());
        }
    }

    @Test
    void explainsARefusalWithoutLeakingDetails() throws Exception {
        try (FakeVoiceNode node = new FakeVoiceNode("another-secret-that-is-long-enough-987654321"); TestApp app = app(node.url())) {
            JsonNode answer = app.post(play(GUILD_ON_SHARD_0));
            assertFalse(node.received().getFirst().signatureValid(), "the node saw a signature it could not verify");
            assertTrue(answer.path("data").path("content").asText().contains("couldn't take that request"), answer.toString());
        }
    }

    @Test
    void readsGarbageFromTheNodeAsAPoliteFailure() throws Exception {
        try (FakeVoiceNode node = new FakeVoiceNode(SECRET); TestApp app = app(node.url())) {
            node.answering(200, "<html>oops</html>");
            JsonNode answer = app.post(play(GUILD_ON_SHARD_0));
            assertEquals(4, answer.path("type").asInt());
            assertTrue(answer.path("data").path("content").asText().contains("couldn't read"), answer.toString());
        }
    }

    @Test
    void forwardsPlayAutocompleteAndReturnsTheNodesChoices() throws Exception {
        try (FakeVoiceNode node = new FakeVoiceNode(SECRET); TestApp app = app(node.url())) {
            node.answering(200, "{\"choices\":[{\"name\":\"Lofi Girl - beats to relax\",\"value\":\"https://example.invalid/t/1\"}]}");
            JsonNode answer = app.post(InteractionBuilder.autocomplete("play").inGuild(GUILD_ON_SHARD_0).focused("query", "lofi"));
            assertEquals(8, answer.path("type").asInt());
            assertEquals("Lofi Girl - beats to relax", answer.path("data").path("choices").path(0).path("name").asText());
            FakeVoiceNode.Received received = node.received().getFirst();
            assertEquals("/v1/suggestions", received.path());
            assertEquals("query", received.request().focused());
            assertEquals("lofi", received.request().option("query").orElseThrow());
        }
    }

    @Test
    void aClickOnTheNowPlayingButtonsGoesToTheNodeAndUpdatesTheMessageInPlace() throws Exception {
        try (FakeVoiceNode node = new FakeVoiceNode(SECRET); TestApp app = app(node.url())) {
            node.answering(200, "{\"content\":\"\",\"outcome\":\"OK\",\"update\":true,"
                    + "\"card\":{\"title\":\"⏸️ Loopback Rock\",\"description\":\"by **The Localhosts**\",\"fields\":[]},"
                    + "\"controls\":[{\"customId\":\"botty:music:v1:pause\",\"emoji\":\"▶️\",\"label\":\"Resume\",\"active\":true,\"disabled\":false},"
                    + "{\"customId\":\"botty:music:v1:shuffle\",\"emoji\":\"🔀\",\"label\":\"Shuffle\",\"active\":false,\"disabled\":true}]}");
            JsonNode answer = app.post(InteractionBuilder.click("botty:music:v1:pause").inGuild(GUILD_ON_SHARD_0));
            assertEquals(7, answer.path("type").asInt(), "UPDATE_MESSAGE: " + answer);
            assertEquals("⏸️ Loopback Rock", answer.path("data").path("embeds").path(0).path("title").asText());
            JsonNode buttons = answer.path("data").path("components").path(0).path("components");
            assertEquals("botty:music:v1:pause", buttons.path(0).path("custom_id").asText());
            assertEquals(1, buttons.path(0).path("style").asInt(), "an active mode is highlighted");
            assertEquals("▶️", buttons.path(0).path("emoji").path("name").asText());
            assertTrue(buttons.path(1).path("disabled").asBoolean());
            MusicRequest forwarded = node.received().getFirst().request();
            assertEquals("controls", forwarded.command());
            assertEquals("pause", forwarded.option("action").orElseThrow());
        }
    }

    @Test
    void aRefusedClickIsForTheClickerAloneAndAnOlderButtonNeverReachesTheNode() throws Exception {
        try (FakeVoiceNode node = new FakeVoiceNode(SECRET); TestApp app = app(node.url())) {
            node.answering(200, "{\"content\":\"🎧 Join me in <#1> to do that.\",\"outcome\":\"REFUSED\"}");
            JsonNode refused = app.post(InteractionBuilder.click("botty:music:v1:skip").inGuild(GUILD_ON_SHARD_0));
            assertEquals(4, refused.path("type").asInt());
            assertEquals(64, refused.path("data").path("flags").asInt());

            JsonNode older = app.post(InteractionBuilder.click("botty:music:v0:skip").inGuild(GUILD_ON_SHARD_0));
            assertTrue(older.path("data").path("content").asText().contains("another version of botty"), older.toString());
            JsonNode foreign = app.post(InteractionBuilder.click("someone-elses-button").inGuild(GUILD_ON_SHARD_0));
            assertEquals("That button or form is no longer active.", foreign.path("data").path("content").asText());
            assertEquals(1, node.received().size(), "only the current version's click was forwarded");
        }
    }

    @Test
    void refusesMusicOutsideGuildsWithoutCallingANode() throws Exception {
        try (FakeVoiceNode node = new FakeVoiceNode(SECRET); TestApp app = app(node.url())) {
            JsonNode answer = app.post(InteractionBuilder.command("skip").inBotDm());
            assertTrue(answer.path("data").path("content").asText().contains("servers only"), answer.toString());
            assertTrue(node.received().isEmpty());
        }
    }
}
