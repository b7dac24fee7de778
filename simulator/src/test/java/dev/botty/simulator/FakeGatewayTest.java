package dev.botty.simulator;

import static dev.botty.simulator.PayloadShape.differences;
import static dev.botty.simulator.PayloadShape.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway stand-in speaks Discord's protocol, in the shapes of the docs' examples. */
class FakeGatewayTest {
    static final String TOKEN = "simulated.bot.token";
    static final int VOICE_INTENTS = FakeGateway.GUILDS | FakeGateway.GUILD_VOICE_STATES;
    // Shard 0 of 2 holds the first guild, shard 1 the second: (id >> 22) % 2.
    static final long GUILD = 41771983423143937L;
    static final long OTHER_GUILD = 290926798626357999L;
    static final long LOUNGE = 127121515262115840L;
    static final long STAGE = 127121515262115841L;
    static final long ALICE = 80351110224678912L;

    FakeGateway gateway;

    @BeforeEach
    void start() throws Exception {
        gateway = FakeGateway.start(TOKEN);
        gateway.addGuild(new SimulatedGuild(GUILD, "Homelab")
                .textChannel(LOUNGE - 1, "general")
                .voiceChannel(LOUNGE, "Lounge")
                .voiceChannel(STAGE, "Stage")
                .member(ALICE, "alice")
                .inVoice(ALICE, LOUNGE));
        gateway.addGuild(new SimulatedGuild(OTHER_GUILD, "Elsewhere").voiceChannel(OTHER_GUILD + 1, "Radio"));
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close();
    }

    private static void assertShaped(String fixture, JsonNode frame) {
        List<String> differences = differences(fixture(fixture), frame);
        assertTrue(differences.isEmpty(), fixture + ": " + differences + " in " + frame);
    }

    /** Identifies and reads up to the GUILD_CREATE of {@link #GUILD}; returns READY. */
    private static JsonNode login(GatewayTestClient client, String shard) throws Exception {
        client.next();
        client.send("{\"op\":2,\"d\":{\"token\":\"" + TOKEN + "\",\"intents\":" + VOICE_INTENTS
                + ",\"properties\":{\"os\":\"linux\",\"browser\":\"test\",\"device\":\"test\"}"
                + (shard == null ? "" : ",\"shard\":" + shard) + "}}");
        return client.nextDispatch("READY");
    }

    @Test
    void greetsWithTheDocumentedHello() throws Exception {
        try (GatewayTestClient client = GatewayTestClient.connect(gateway)) {
            JsonNode hello = client.next();
            assertShaped("gateway-hello.json", hello);
            assertEquals(41_250, hello.path("d").path("heartbeat_interval").asInt());
        }
    }

    @Test
    void readyListsTheShardsGuildsAsUnavailableThenEachArrivesInGuildCreate() throws Exception {
        try (GatewayTestClient client = GatewayTestClient.connect(gateway)) {
            JsonNode ready = login(client, "[0,2]");
            assertShaped("gateway-ready.json", ready);
            assertEquals(gateway.url(), ready.path("d").path("resume_gateway_url").asText());
            assertEquals(Long.toString(FakeGateway.BOT_USER_ID), ready.path("d").path("user").path("id").asText());
            assertEquals(List.of(Long.toString(GUILD)), ids(ready.path("d").path("guilds")));
            assertTrue(ready.path("d").path("guilds").path(0).path("unavailable").asBoolean());

            JsonNode create = client.nextDispatch("GUILD_CREATE");
            assertShaped("gateway-guild-create.json", voiceChannelsOnly(create));
            JsonNode guild = create.path("d");
            assertEquals(Long.toString(GUILD), guild.path("id").asText());
            assertEquals(guild.path("members").size(), guild.path("member_count").asInt());
            assertTrue(ids(guild.path("members").findValues("user")).contains(Long.toString(FakeGateway.BOT_USER_ID)));
            JsonNode everyone = guild.path("roles").path(0);
            assertEquals(Long.toString(GUILD), everyone.path("id").asText(), "the @everyone role has the guild's id");
            assertEquals(0, everyone.path("colors").path("primary_color").asInt());
            assertEquals(Long.toString(LOUNGE), guild.path("voice_states").path(0).path("channel_id").asText());
            assertEquals(64_000, guild.path("channels").path(1).path("bitrate").asInt());
        }
    }

    @Test
    void anotherShardSeesOnlyItsOwnGuilds() throws Exception {
        try (GatewayTestClient client = GatewayTestClient.connect(gateway)) {
            JsonNode ready = login(client, "[1,2]");
            assertEquals(List.of(Long.toString(OTHER_GUILD)), ids(ready.path("d").path("guilds")));
            assertEquals(Long.toString(OTHER_GUILD), client.nextDispatch("GUILD_CREATE").path("d").path("id").asText());
        }
    }

    @Test
    void answersAVoiceStateUpdateWithTheBotsStateThenItsVoiceServer() throws Exception {
        try (GatewayTestClient client = GatewayTestClient.connect(gateway)) {
            String sessionId = login(client, null).path("d").path("session_id").asText();
            client.nextDispatch("GUILD_CREATE");
            JsonNode request = fixture("gateway-update-voice-state.json").deepCopy();
            ((ObjectNode) request.path("d"))
                    .put("guild_id", Long.toString(GUILD)).put("channel_id", Long.toString(STAGE));
            client.send(request.toString());

            JsonNode state = client.nextDispatch("VOICE_STATE_UPDATE");
            assertShaped("gateway-voice-state-update.json", state);
            assertEquals(Long.toString(STAGE), state.path("d").path("channel_id").asText());
            assertEquals(sessionId, state.path("d").path("session_id").asText(), "the bot's voice session is its gateway session");
            assertEquals(Long.toString(FakeGateway.BOT_USER_ID), state.path("d").path("member").path("user").path("id").asText());

            JsonNode server = client.next();
            assertEquals("VOICE_SERVER_UPDATE", server.path("t").asText(), "the server update follows the state update");
            assertShaped("gateway-voice-server-update.json", server);
            assertEquals(Long.toString(GUILD), server.path("d").path("guild_id").asText());
            assertFalse(server.path("d").path("token").asText().isEmpty());
            assertEquals(STAGE, gateway.voiceChannelOf(GUILD, FakeGateway.BOT_USER_ID).orElseThrow());

            client.send("{\"op\":4,\"d\":{\"guild_id\":\"" + GUILD + "\",\"channel_id\":null,\"self_mute\":false,\"self_deaf\":false}}");
            JsonNode left = client.nextDispatch("VOICE_STATE_UPDATE");
            assertTrue(left.path("d").path("channel_id").isNull());
            assertTrue(gateway.voiceChannelOf(GUILD, FakeGateway.BOT_USER_ID).isEmpty());
        }
    }

    @Test
    void aFullChannelGetsNoAnswer() throws Exception {
        long tiny = 127121515262115899L;
        gateway.addGuild(new SimulatedGuild(1200000000004194305L, "Tiny").voiceChannel(tiny, "Booth", 1)
                .member(ALICE, "alice").inVoice(ALICE, tiny));
        try (GatewayTestClient client = GatewayTestClient.connect(gateway)) {
            login(client, null);
            client.send("{\"op\":4,\"d\":{\"guild_id\":1200000000004194305,\"channel_id\":" + tiny + ",\"self_mute\":false,\"self_deaf\":false}}");
            client.send("{\"op\":1,\"d\":null}");
            JsonNode next = client.next(f -> f.path("op").asInt() != 0 || !"GUILD_CREATE".equals(f.path("t").asText()));
            assertEquals(FakeGateway.HEARTBEAT_ACK, next.path("op").asInt(), "no voice state came before the heartbeat's ACK: " + next);
        }
    }

    @Test
    void dispatchesOtherUsersMovesWithTheirMember() throws Exception {
        try (GatewayTestClient client = GatewayTestClient.connect(gateway)) {
            login(client, null);
            client.nextDispatch("GUILD_CREATE");
            gateway.moveUser(GUILD, ALICE, STAGE);
            JsonNode moved = client.nextDispatch("VOICE_STATE_UPDATE");
            assertShaped("gateway-voice-state-update.json", moved);
            assertEquals(Long.toString(ALICE), moved.path("d").path("member").path("user").path("id").asText());
            assertEquals(Long.toString(STAGE), moved.path("d").path("channel_id").asText());

            gateway.disconnectUser(GUILD, ALICE);
            assertTrue(client.nextDispatch("VOICE_STATE_UPDATE").path("d").path("channel_id").isNull());
        }
    }

    @Test
    void announcesAGuildJoinedWhileConnected() throws Exception {
        try (GatewayTestClient client = GatewayTestClient.connect(gateway)) {
            login(client, "[0,2]");
            client.nextDispatch("GUILD_CREATE");
            gateway.addGuild(new SimulatedGuild(1200000000004194305L, "New").voiceChannel(1200000000004194306L, "Music"));
            JsonNode joined = client.nextDispatch("GUILD_CREATE");
            assertEquals("1200000000004194305", joined.path("d").path("id").asText());
            assertShaped("gateway-guild-create.json", joined);
        }
    }

    @Test
    void asksForAReconnectOrInvalidatesTheSession() throws Exception {
        try (GatewayTestClient client = GatewayTestClient.connect(gateway)) {
            String sessionId = login(client, "[0,2]").path("d").path("session_id").asText();
            gateway.requestReconnect();
            JsonNode reconnect = client.next(f -> f.path("op").asInt() != 0);
            assertEquals(FakeGateway.RECONNECT, reconnect.path("op").asInt());
            assertTrue(reconnect.path("d").isNull());

            gateway.invalidateSession(false);
            JsonNode invalid = client.next();
            assertEquals(FakeGateway.INVALID_SESSION, invalid.path("op").asInt());
            assertFalse(invalid.path("d").asBoolean());
            client.resume(TOKEN, sessionId, 1);
            assertEquals(FakeGateway.INVALID_SESSION, client.next().path("op").asInt(), "a forgotten session cannot be resumed");
        }
    }

    @Test
    void acknowledgesHeartbeats() throws Exception {
        try (GatewayTestClient client = GatewayTestClient.connect(gateway)) {
            client.next();
            client.send("{\"op\":1,\"d\":null}");
            assertEquals(FakeGateway.HEARTBEAT_ACK, client.next().path("op").asInt());
        }
    }

    @Test
    void resumingReplaysWhatWasMissedThenSaysResumed() throws Exception {
        String sessionId;
        int seen;
        try (GatewayTestClient client = GatewayTestClient.connect(gateway)) {
            sessionId = login(client, "[0,2]").path("d").path("session_id").asText();
            seen = client.nextDispatch("GUILD_CREATE").path("s").asInt();
            // The JDK's WebSocket client does not always report a FIN that comes without a close
            // frame (its socket stays in CLOSE-WAIT), so none is awaited here; JDA's client does
            // notice, as voice-node's tests show.
            gateway.dropConnection();
        }
        gateway.moveUser(GUILD, ALICE, STAGE);
        try (GatewayTestClient client = GatewayTestClient.connect(URI.create(gateway.url() + "?encoding=json&v=10"))) {
            client.next();
            client.resume(TOKEN, sessionId, seen);
            JsonNode replayed = client.next();
            assertEquals("VOICE_STATE_UPDATE", replayed.path("t").asText());
            assertEquals(seen + 1, replayed.path("s").asInt());
            JsonNode resumed = client.next();
            assertEquals("RESUMED", resumed.path("t").asText());
            assertTrue(resumed.path("d").isObject());
        }
        assertShaped("gateway-resume.json", gateway.awaitReceived(FakeGateway.RESUME, d -> true, Duration.ofSeconds(1)).json());
    }

    @Test
    void anUnknownSessionCannotBeResumed() throws Exception {
        try (GatewayTestClient client = GatewayTestClient.connect(gateway)) {
            client.next();
            client.resume(TOKEN, "no-such-session", 3);
            JsonNode invalid = client.next();
            assertEquals(FakeGateway.INVALID_SESSION, invalid.path("op").asInt());
            assertFalse(invalid.path("d").asBoolean());
        }
    }

    @Test
    void closesWithDiscordsCodesOnABadIdentify() throws Exception {
        try (GatewayTestClient client = GatewayTestClient.connect(gateway)) {
            client.next();
            client.identify("wrong", VOICE_INTENTS);
            assertEquals(4004, client.awaitClose());
        }
        try (GatewayTestClient client = GatewayTestClient.connect(gateway)) {
            client.next();
            client.identify(TOKEN, VOICE_INTENTS | (1 << 15));
            assertEquals(4014, client.awaitClose(), "MESSAGE_CONTENT is privileged");
        }
        try (GatewayTestClient client = GatewayTestClient.connect(URI.create(gateway.url() + "?encoding=json&v=10&compress=zlib-stream"))) {
            assertEquals(4002, client.awaitClose(), "the stand-in does not compress");
        }
    }

    @Test
    void restPointsShardManagersAtTheGateway() throws Exception {
        try (FakeDiscord discord = FakeDiscord.start(0).requireBotToken(TOKEN).gatewayUrl(gateway.url())) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(discord.apiUrl() + "/gateway/bot")).header("Authorization", "Bot " + TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            JsonNode body = new ObjectMapper().readTree(response.body());
            assertTrue(differences(fixture("gateway-bot.json"), body).isEmpty(), body.toString());
            assertEquals(gateway.url(), body.path("url").asText());
        }
    }

    /** The documented channel is a voice channel; text channels have other fields. */
    private static JsonNode voiceChannelsOnly(JsonNode guildCreate) {
        ObjectNode copy = guildCreate.deepCopy();
        ArrayNode channels = (ArrayNode) copy.path("d").path("channels");
        for (int i = channels.size() - 1; i >= 0; i--) {
            if (channels.get(i).path("type").asInt() != 2) {
                channels.remove(i);
            }
        }
        return copy;
    }

    private static List<String> ids(Iterable<JsonNode> objects) {
        return StreamSupport.stream(objects.spliterator(), false).map(o -> o.path("id").asText()).toList();
    }
}
