package dev.botty.voice.gateway;

import static dev.botty.voice.gateway.SimulatedDiscord.ALICE;
import static dev.botty.voice.gateway.SimulatedDiscord.BOOTH;
import static dev.botty.voice.gateway.SimulatedDiscord.GENERAL;
import static dev.botty.voice.gateway.SimulatedDiscord.GUILD;
import static dev.botty.voice.gateway.SimulatedDiscord.LOUNGE;
import static dev.botty.voice.gateway.SimulatedDiscord.MUSIC;
import static dev.botty.voice.gateway.SimulatedDiscord.TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.botty.simulator.FakeGateway;
import dev.botty.simulator.FakeGateway.Frame;
import dev.botty.simulator.PayloadShape;
import dev.botty.simulator.SimulatedGuild;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JDA, as the voice node sets it up, against the gateway stand-in: login, voice, recovery. */
class VoiceGatewayTest {
    private static final long BOT = FakeGateway.BOT_USER_ID;

    SimulatedDiscord discord;

    @BeforeEach
    void start() throws Exception {
        discord = SimulatedDiscord.start();
    }

    @AfterEach
    void stop() throws Exception {
        discord.close();
    }

    private Frame voiceRequest(long channelId) throws InterruptedException {
        return discord.gateway.awaitReceived(FakeGateway.VOICE_STATE_UPDATE, d -> d.path("channel_id").asLong() == channelId, TIMEOUT);
    }

    private String sessionId() throws InterruptedException {
        return discord.gateway.awaitDispatch("READY", d -> true, TIMEOUT).d().path("session_id").asText();
    }

    @Test
    void logsInWithTheSmallestIntentsAndCachesTheGuild() throws Exception {
        VoiceGateway voice = discord.connect();

        assertTrue(voice.isReady());
        assertEquals(1, voice.guildCount());
        assertEquals(OptionalLong.empty(), voice.channelOf(GUILD));
        assertTrue(discord.rest.calls().stream().anyMatch(c -> c.path().equals("/api/v10/users/@me")),
                "JDA checks the token over REST before connecting");
        JsonNode identify = discord.gateway.awaitReceived(FakeGateway.IDENTIFY, d -> true, TIMEOUT).json();
        assertEquals(List.of(), PayloadShape.differences(PayloadShape.fixture("gateway-identify.json"), identify));
        assertEquals(FakeGateway.GUILDS | FakeGateway.GUILD_VOICE_STATES, identify.path("d").path("intents").asInt(),
                "guilds and voice states, nothing privileged");
        assertEquals("[0,1]", identify.path("d").path("shard").toString());
        discord.gateway.awaitReceived(FakeGateway.HEARTBEAT, d -> true, TIMEOUT);
        discord.gateway.awaitFrame(f -> f.direction() == Frame.Direction.SENT && f.op() == FakeGateway.HEARTBEAT_ACK, TIMEOUT);
    }

    @Test
    void takesInAGuildJoinedWhileConnected() throws Exception {
        long newGuild = 41771983431532544L;
        long stage = newGuild + 1;
        VoiceGateway voice = discord.connect();

        discord.gateway.addGuild(new SimulatedGuild(newGuild, "New friends").voiceChannel(stage, "Stage"));
        // Dispatches are handled in order: a voice state in the new guild means JDA took it in.
        discord.gateway.moveUser(newGuild, BOT, stage);

        assertEquals(new VoiceEvent.BotJoined(newGuild, stage), discord.nextEvent());
        assertEquals(2, voice.guildCount());
        VoiceConnectionUpdate update = discord.nextUpdate();
        assertEquals(newGuild, update.guildId());
        assertEquals(stage, update.channelId());
    }

    @Test
    void joiningSendsOp4AndDeliversTheWholeVoiceConnection() throws Exception {
        VoiceGateway voice = discord.connect();

        assertEquals(JoinOutcome.REQUESTED, voice.join(GUILD, MUSIC));

        JsonNode request = voiceRequest(MUSIC).json();
        assertEquals(Long.toString(GUILD), request.path("d").path("guild_id").asText());
        // JDA sends the ids as JSON numbers where the docs' example has strings; Discord takes both.
        assertEquals(List.of("$.d.guild_id is NUMBER, documented STRING", "$.d.channel_id is NUMBER, documented STRING"),
                PayloadShape.differences(PayloadShape.fixture("gateway-update-voice-state.json"), request));

        VoiceConnectionUpdate update = discord.nextUpdate();
        JsonNode server = discord.gateway.awaitDispatch("VOICE_SERVER_UPDATE", d -> true, TIMEOUT).d();
        assertEquals(new VoiceConnectionUpdate(GUILD, MUSIC, sessionId(), server.path("token").asText(), "voice.simulator.invalid:443"), update);
        assertFalse(update.toString().contains(update.token()), "the voice token stays out of logs");

        assertEquals(new VoiceEvent.BotJoined(GUILD, MUSIC), discord.nextEvent());
        assertEquals(new VoiceEvent.AloneInChannel(GUILD, MUSIC), discord.nextEvent());
        assertEquals(OptionalLong.of(MUSIC), voice.channelOf(GUILD));
        assertEquals(JoinOutcome.ALREADY_THERE, voice.join(GUILD, MUSIC));
    }

    @Test
    void leavingSendsANullChannel() throws Exception {
        VoiceGateway voice = discord.connect();
        assertEquals(JoinOutcome.REQUESTED, voice.join(GUILD, LOUNGE));
        discord.nextUpdate();
        assertEquals(new VoiceEvent.BotJoined(GUILD, LOUNGE), discord.nextEvent());

        assertTrue(voice.leave(GUILD));

        JsonNode request = discord.gateway.awaitReceived(FakeGateway.VOICE_STATE_UPDATE, d -> d.path("channel_id").isNull(), TIMEOUT).d();
        assertEquals(Long.toString(GUILD), request.path("guild_id").asText());
        assertEquals(new VoiceEvent.BotDisconnected(GUILD, LOUNGE), discord.nextEvent());
        assertEquals(OptionalLong.empty(), discord.gateway.voiceChannelOf(GUILD, BOT));
        assertEquals(OptionalLong.empty(), voice.channelOf(GUILD));
    }

    @Test
    void tellsWhenTheLastListenerLeavesAndWhenOneComesBack() throws Exception {
        VoiceGateway voice = discord.connect();
        assertEquals(JoinOutcome.REQUESTED, voice.join(GUILD, LOUNGE));
        assertEquals(new VoiceEvent.BotJoined(GUILD, LOUNGE), discord.nextEvent());

        discord.gateway.disconnectUser(GUILD, ALICE);
        // The other bot still sits there; it is no company.
        assertEquals(new VoiceEvent.AloneInChannel(GUILD, LOUNGE), discord.nextEvent());

        discord.gateway.moveUser(GUILD, ALICE, LOUNGE);
        assertEquals(new VoiceEvent.ListenerReturned(GUILD, LOUNGE), discord.nextEvent());
    }

    @Test
    void followsTheBotWhenSomeoneElseMovesOrDisconnectsIt() throws Exception {
        VoiceGateway voice = discord.connect();
        assertEquals(JoinOutcome.REQUESTED, voice.join(GUILD, MUSIC));
        VoiceConnectionUpdate first = discord.nextUpdate();
        assertEquals(new VoiceEvent.BotJoined(GUILD, MUSIC), discord.nextEvent());
        assertEquals(new VoiceEvent.AloneInChannel(GUILD, MUSIC), discord.nextEvent());

        discord.gateway.moveUser(GUILD, BOT, LOUNGE);

        assertEquals(new VoiceEvent.BotMoved(GUILD, MUSIC, LOUNGE), discord.nextEvent());
        assertEquals(new VoiceEvent.ListenerReturned(GUILD, LOUNGE), discord.nextEvent(), "Alice is in the lounge");
        VoiceConnectionUpdate moved = discord.nextUpdate();
        assertEquals(LOUNGE, moved.channelId());
        assertNotEquals(first.token(), moved.token(), "a new channel comes with a new voice token");
        assertEquals(OptionalLong.of(LOUNGE), voice.channelOf(GUILD));

        discord.gateway.disconnectUser(GUILD, BOT);
        assertEquals(new VoiceEvent.BotDisconnected(GUILD, LOUNGE), discord.nextEvent());
        assertEquals(OptionalLong.empty(), voice.channelOf(GUILD));
    }

    @Test
    void resumesWhenTheConnectionDrops() throws Exception {
        VoiceGateway voice = discord.connect();
        assertEquals(JoinOutcome.REQUESTED, voice.join(GUILD, LOUNGE));
        assertEquals(new VoiceEvent.BotJoined(GUILD, LOUNGE), discord.nextEvent());
        String session = sessionId();

        discord.gateway.dropConnection();
        discord.gateway.disconnectUser(GUILD, ALICE);

        JsonNode resume = discord.gateway.awaitReceived(FakeGateway.RESUME, d -> true, TIMEOUT).json();
        assertEquals(List.of(), PayloadShape.differences(PayloadShape.fixture("gateway-resume.json"), resume));
        assertEquals(session, resume.path("d").path("session_id").asText());
        discord.gateway.awaitDispatch("RESUMED", d -> true, TIMEOUT);
        assertEquals(new VoiceEvent.AloneInChannel(GUILD, LOUNGE), discord.nextEvent(), "what was missed is replayed");

        discord.gateway.moveUser(GUILD, ALICE, LOUNGE);
        assertEquals(new VoiceEvent.ListenerReturned(GUILD, LOUNGE), discord.nextEvent(), "the resumed session is live");
        assertTrue(voice.isReady());
        assertEquals(1, discord.gateway.frames().stream()
                .filter(f -> f.direction() == Frame.Direction.RECEIVED && f.op() == FakeGateway.IDENTIFY).count(),
                "resumed, not identified again");
    }

    @Test
    void reconnectsAndResumesWhenAskedTo() throws Exception {
        VoiceGateway voice = discord.connect();
        String session = sessionId();

        discord.gateway.requestReconnect();

        assertEquals(session, discord.gateway.awaitReceived(FakeGateway.RESUME, d -> true, TIMEOUT).d().path("session_id").asText());
        discord.gateway.awaitDispatch("RESUMED", d -> true, TIMEOUT);
        assertEquals(JoinOutcome.REQUESTED, voice.join(GUILD, MUSIC));
        assertEquals(MUSIC, discord.nextUpdate().channelId());
    }

    @Test
    void refusesWhatDiscordWouldIgnoreWithoutAsking() throws Exception {
        long lockedGuild = 41771983427338240L;
        long lockedChannel = lockedGuild + 1;
        discord.gateway.addGuild(new SimulatedGuild(lockedGuild, "Locked")
                .member(ALICE, "alice")
                .voiceChannel(lockedChannel, "Private")
                .everyonePermissions(1L << 10));
        VoiceGateway voice = discord.connect();

        assertEquals(JoinOutcome.UNKNOWN_GUILD, voice.join(123456789012345678L, MUSIC));
        assertEquals(JoinOutcome.NOT_A_VOICE_CHANNEL, voice.join(GUILD, GENERAL));
        assertEquals(JoinOutcome.NOT_A_VOICE_CHANNEL, voice.join(GUILD, lockedChannel));
        assertEquals(JoinOutcome.NO_PERMISSION, voice.join(lockedGuild, lockedChannel));
        assertEquals(JoinOutcome.CHANNEL_FULL, voice.join(GUILD, BOOTH), "Bob fills the one-seat booth");
        assertFalse(voice.leave(123456789012345678L));

        // Requests go out in order; the first one to reach the gateway must be this one.
        voice.join(GUILD, MUSIC);
        voiceRequest(MUSIC);
        assertEquals(List.of(Long.toString(MUSIC)), discord.gateway.frames().stream()
                .filter(f -> f.direction() == Frame.Direction.RECEIVED && f.op() == FakeGateway.VOICE_STATE_UPDATE)
                .map(f -> f.d().path("channel_id").asText())
                .toList());
    }

    @Test
    void aRefusedTokenFailsLoginWithOneLine() {
        GatewayLoginException refused = assertThrows(GatewayLoginException.class,
                () -> VoiceGateway.connect(discord.config("not-the-token"), List.of(), List.of()));
        assertTrue(refused.getMessage().startsWith("Discord refused DISCORD_BOT_TOKEN"), refused.getMessage());
        assertFalse(refused.getMessage().contains("not-the-token"));
        assertTrue(discord.gateway.frames().isEmpty(), "no gateway connection without a valid token");
    }
}
