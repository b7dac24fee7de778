package dev.botty.lavalink;

import static dev.botty.lavalink.Fixtures.assertSameAsDocumented;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.botty.lavalink.protocol.v4.ErrorResponse;
import dev.botty.lavalink.protocol.v4.Info;
import dev.botty.lavalink.protocol.v4.LavalinkProtocolException;
import dev.botty.lavalink.protocol.v4.LoadResult;
import dev.botty.lavalink.protocol.v4.Message;
import dev.botty.lavalink.protocol.v4.Player;
import dev.botty.lavalink.protocol.v4.PlayerUpdate;
import dev.botty.lavalink.protocol.v4.PlayerUpdateMessage;
import dev.botty.lavalink.protocol.v4.ReadyMessage;
import dev.botty.lavalink.protocol.v4.Session;
import dev.botty.lavalink.protocol.v4.SessionUpdate;
import dev.botty.lavalink.protocol.v4.Stats;
import dev.botty.lavalink.protocol.v4.StatsMessage;
import dev.botty.lavalink.protocol.v4.Track;
import dev.botty.lavalink.protocol.v4.TrackEndEvent;
import dev.botty.lavalink.protocol.v4.TrackException;
import dev.botty.lavalink.protocol.v4.TrackExceptionEvent;
import dev.botty.lavalink.protocol.v4.TrackStartEvent;
import dev.botty.lavalink.protocol.v4.TrackStuckEvent;
import dev.botty.lavalink.protocol.v4.VoiceState;
import dev.botty.lavalink.protocol.v4.WebSocketClosedEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The docs' example payloads read into the records, and the records write them back as documented. */
class ProtocolFixturesTest {
    static final String RICK = "dQw4w9WgXcQ";

    /** Reads a fixture as {@code type}, writes it, compares with the docs and reads it again to the same record. */
    private static <T> T roundTrip(String fixture, Class<T> type) {
        T read = LavalinkJson.read(Fixtures.text(fixture), type);
        JsonNode written = LavalinkJson.tree(read);
        assertSameAsDocumented(Fixtures.json(fixture), written);
        assertEquals(read, LavalinkJson.read(written, type));
        return read;
    }

    @Test
    void aDecodedTrackReadsAndWritesAsDocumented() {
        Track track = roundTrip("track.json", Track.class);

        assertEquals(RICK, track.info().identifier());
        assertTrue(track.info().isSeekable());
        assertFalse(track.info().isStream());
        assertEquals(212_000, track.info().length());
        assertEquals("RickAstleyVEVO", track.info().author());
        assertNull(track.info().isrc());
        assertEquals("youtube", track.info().sourceName());
        assertTrue(track.userData().isEmpty());
    }

    @Test
    void decodedTracksReadAsAList() {
        List<Track> tracks = LavalinkJson.readList(Fixtures.text("tracks.json"), Track.class);
        assertEquals(1, tracks.size());
        assertEquals(RICK, tracks.getFirst().info().identifier());
        assertEquals(Fixtures.json("decodetracks-request.json"), LavalinkJson.tree(List.of(tracks.getFirst().encoded())));
    }

    @ParameterizedTest
    @CsvSource({
        "loadtracks-track.json, track",
        "loadtracks-playlist.json, playlist",
        "loadtracks-search.json, search",
        "loadtracks-error.json, error",
    })
    void everyLoadTypeReadsAndWritesAsDocumented(String fixture, String loadType) {
        LoadResult result = LavalinkJson.readLoadResult(Fixtures.text(fixture));

        assertEquals(loadType, result.loadType());
        assertSameAsDocumented(Fixtures.json(fixture), LavalinkJson.writeLoadResult(result));
        assertEquals(result, LavalinkJson.readLoadResult(LavalinkJson.writeLoadResult(result).toString()));
    }

    @Test
    void eachLoadTypeIsItsOwnRecord() {
        var track = assertInstanceOf(LoadResult.TrackLoaded.class, LavalinkJson.readLoadResult(Fixtures.text("loadtracks-track.json")));
        var playlist = assertInstanceOf(LoadResult.PlaylistLoaded.class, LavalinkJson.readLoadResult(Fixtures.text("loadtracks-playlist.json")));
        var search = assertInstanceOf(LoadResult.SearchResult.class, LavalinkJson.readLoadResult(Fixtures.text("loadtracks-search.json")));
        var failed = assertInstanceOf(LoadResult.LoadFailed.class, LavalinkJson.readLoadResult(Fixtures.text("loadtracks-error.json")));

        assertEquals(RICK, track.track().info().identifier());
        assertEquals("Example YouTube Playlist", playlist.playlist().info().name());
        assertTrue(playlist.playlist().selectedTrack().isEmpty(), "selectedTrack -1 selects none");
        assertEquals(RICK, search.tracks().getFirst().info().identifier());
        assertEquals("Something went wrong", failed.exception().message());
        assertEquals(TrackException.Severity.FAULT, failed.exception().severity());
    }

    @ParameterizedTest
    @ValueSource(strings = {"loadtracks-empty.json", "loadtracks-empty-null.json"})
    void noMatchesReadsAsEmptyWhetherDataIsAnEmptyObjectAsDocumentedOrNullAsSent(String fixture) {
        assertInstanceOf(LoadResult.Empty.class, LavalinkJson.readLoadResult(Fixtures.text(fixture)));
        assertEquals(Fixtures.json("loadtracks-empty-null.json"), LavalinkJson.writeLoadResult(new LoadResult.Empty()));
    }

    @Test
    void anUnknownLoadTypeIsAProtocolError() {
        assertThrows(LavalinkProtocolException.class, () -> LavalinkJson.readLoadResult("{\"loadType\":\"LOAD_FAILED\",\"data\":{}}"));
    }

    @Test
    void playersReadAndWriteAsDocumented() {
        Player player = roundTrip("player.json", Player.class);
        List<Player> players = LavalinkJson.readList(Fixtures.text("players.json"), Player.class);

        assertEquals(60_000, player.state().position());
        assertTrue(player.state().connected());
        assertEquals(50, player.state().ping());
        assertEquals(100, player.volume());
        assertEquals("...", player.voice().token());
        assertNull(player.voice().channelId(), "the example predates channelId; read back it may be null");
        assertEquals(1.0, player.filters().path("volume").asDouble());
        assertEquals(player.track(), players.getFirst().track());
        assertSameAsDocumented(Fixtures.json("players.json"), LavalinkJson.tree(players));
    }

    @Test
    void sessionBodiesReadAndWriteAsDocumented() {
        SessionUpdate update = roundTrip("update-session.json", SessionUpdate.class);
        Session session = roundTrip("session.json", Session.class);

        assertEquals(new SessionUpdate(false, 0L), update);
        assertEquals(new Session(true, 60), session);
        assertEquals("{\"resuming\":true}", LavalinkJson.write(new SessionUpdate(true, null)));
    }

    @Test
    void infoReadsAndWritesAsDocumented() {
        Info info = roundTrip("info.json", Info.class);

        assertEquals("3.7.0-rc.1+test", info.version().semver());
        assertEquals("rc.1", info.version().preRelease());
        assertEquals("test", info.version().build());
        assertEquals(List.of("youtube", "soundcloud"), info.sourceManagers());
        assertEquals("foo-plugin", info.plugins().get(1).name());
        assertEquals(new ServerVersion(3, 7, 0, "rc.1"), ServerVersion.of(info.version()).orElseThrow());
    }

    @Test
    void restStatsReadWithoutFrameStats() {
        Stats stats = roundTrip("stats.json", Stats.class);

        assertNull(stats.frameStats());
        assertEquals(4, stats.cpu().cores());
        assertEquals(0.5, stats.cpu().lavalinkLoad());
        assertEquals(123_456_789, stats.memory().reservable());
    }

    @Test
    void errorBodiesReadAndWriteAsDocumented() {
        ErrorResponse error = roundTrip("error.json", ErrorResponse.class);

        assertEquals(404, error.status());
        assertEquals("Session not found", error.message());
        assertEquals("/v4/sessions/xtaug914v9k5032f/players/817327181659111454", error.path());
    }

    @ParameterizedTest
    @CsvSource({
        "ws-ready.json, ReadyMessage",
        "ws-player-update.json, PlayerUpdateMessage",
        "ws-stats.json, StatsMessage",
        "ws-track-start.json, TrackStartEvent",
        "ws-track-end.json, TrackEndEvent",
        "ws-track-exception.json, TrackExceptionEvent",
        "ws-track-stuck.json, TrackStuckEvent",
        "ws-websocket-closed.json, WebSocketClosedEvent",
    })
    void everyOpAndEventTypeReadsAndWritesAsDocumented(String fixture, String record) {
        Message message = LavalinkJson.decodeMessage(Fixtures.text(fixture)).orElseThrow();

        assertEquals(record, message.getClass().getSimpleName());
        assertSameAsDocumented(Fixtures.json(fixture), LavalinkJson.encodeMessage(message));
        assertEquals(message, LavalinkJson.decodeMessage(LavalinkJson.encodeMessage(message).toString()).orElseThrow());
    }

    @Test
    void messagesCarryTheDocumentedValues() {
        var ready = (ReadyMessage) decode("ws-ready.json");
        var update = (PlayerUpdateMessage) decode("ws-player-update.json");
        var stats = (StatsMessage) decode("ws-stats.json");
        var start = (TrackStartEvent) decode("ws-track-start.json");
        var end = (TrackEndEvent) decode("ws-track-end.json");
        var exception = (TrackExceptionEvent) decode("ws-track-exception.json");
        var stuck = (TrackStuckEvent) decode("ws-track-stuck.json");
        var closed = (WebSocketClosedEvent) decode("ws-websocket-closed.json");

        assertFalse(ready.resumed());
        assertEquals(1_500_467_109, update.state().time());
        assertEquals(-3010, stats.stats().frameStats().deficit());
        assertEquals(RICK, start.track().info().identifier());
        assertEquals(TrackEndEvent.Reason.FINISHED, end.reason());
        assertEquals(TrackException.Severity.COMMON, exception.exception().severity());
        assertEquals(123_456_789, stuck.thresholdMs());
        assertEquals(4006, closed.code());
        assertTrue(closed.byRemote());
        assertEquals("...", closed.guildId());
    }

    private static Message decode(String fixture) {
        return LavalinkJson.decodeMessage(Fixtures.text(fixture)).orElseThrow();
    }

    @ParameterizedTest
    @CsvSource({"finished, true", "loadFailed, true", "stopped, false", "replaced, false", "cleanup, false"})
    void onlyFinishedAndLoadFailedMayStartTheNextTrack(String reason, boolean mayStartNext) {
        String json = Fixtures.text("ws-track-end.json").replace("\"reason\": \"finished\"", "\"reason\": \"" + reason + "\"");
        TrackEndEvent end = (TrackEndEvent) LavalinkJson.decodeMessage(json).orElseThrow();

        assertEquals(mayStartNext, end.reason().mayStartNext());
    }

    @Test
    void unknownOpsAndEventTypesAreSkippedNotFatal() {
        assertTrue(LavalinkJson.decodeMessage("{\"op\":\"pluginOp\",\"data\":1}").isEmpty());
        assertTrue(LavalinkJson.decodeMessage("{\"op\":\"event\",\"type\":\"SegmentsLoaded\",\"guildId\":\"1\",\"segments\":[]}").isEmpty());
        assertThrows(LavalinkProtocolException.class, () -> LavalinkJson.decodeMessage("not json"));
    }

    @Test
    void unknownFieldsAndSeveritiesDoNotBreakReading() {
        String json = Fixtures.text("ws-track-exception.json")
                .replace("\"severity\": \"common\"", "\"severity\": \"catastrophic\", \"since\": \"4.9\"");
        TrackExceptionEvent event = (TrackExceptionEvent) LavalinkJson.decodeMessage(json).orElseThrow();

        assertEquals(TrackException.Severity.FAULT, event.exception().severity());
    }

    @Test
    void theDocumentedPlayerUpdateReadsAndWritesBackUnchanged() {
        PlayerUpdate update = PlayerUpdate.fromJson(Fixtures.json("update-player.json"));

        // Written back with "channelId": null, which the example (older than the field) leaves out.
        assertSameAsDocumented(Fixtures.json("update-player.json"), update.toJson());
        assertEquals(update, PlayerUpdate.fromJson(update.toJson()));
    }

    @Test
    void aPlayerUpdateSendsOnlyWhatWasSet() {
        VoiceState voice = new VoiceState("token", "eu-west.discord.media", "voice-session", "1234");

        assertEquals("{}", PlayerUpdate.builder().build().toJson().toString());
        assertEquals("{\"volume\":50}", PlayerUpdate.builder().volume(50).build().toJson().toString());
        assertEquals("{\"voice\":{\"token\":\"token\",\"endpoint\":\"eu-west.discord.media\",\"sessionId\":\"voice-session\",\"channelId\":\"1234\"}}",
                PlayerUpdate.voice(voice).toJson().toString());
        assertEquals("{\"track\":{\"identifier\":\"ytsearch:x\"},\"paused\":true}",
                PlayerUpdate.builder().identifier("ytsearch:x").paused(true).build().toJson().toString());
    }

    @Test
    void anExplicitNullIsSentAndToldApartFromAnAbsentField() {
        assertEquals("{\"track\":{\"encoded\":null}}", PlayerUpdate.stopTrack().toJson().toString());
        assertEquals("{\"endTime\":null}", PlayerUpdate.builder().endTime(null).build().toJson().toString());
        // A voice state without channelId still sends the key, so that Lavalink explains what is missing.
        assertEquals("{\"voice\":{\"token\":\"t\",\"endpoint\":\"e\",\"sessionId\":\"s\",\"channelId\":null}}",
                PlayerUpdate.voice(new VoiceState("t", "e", "s", null)).toJson().toString());

        PlayerUpdate stop = PlayerUpdate.fromJson(PlayerUpdate.stopTrack().toJson());
        assertEquals(PlayerUpdate.stopTrack(), stop);
        assertFalse(PlayerUpdate.fromJson(PlayerUpdate.builder().volume(1).build().toJson()).track().isPresent());
    }

    @Test
    void anEncodedTrackAndAnIdentifierExcludeEachOther() {
        assertThrows(IllegalStateException.class, () -> PlayerUpdate.builder().encodedTrack("x").identifier("y").build());
    }

    @Test
    void aVoiceStateNeverPrintsItsToken() {
        assertFalse(new VoiceState("secret-token", "e", "s", "1").toString().contains("secret-token"));
    }
}
