package dev.botty.voice.config;

import dev.botty.service.settings.ConfigException;
import dev.botty.service.settings.Environment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VoiceNodeConfigTest {
    private static final String SECRET = "a shared secret of more than thirty-two characters";
    private static final String TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.test-token.not-a-real-one";

    private static Map<String, String> valid() {
        Map<String, String> env = new HashMap<>();
        env.put("DISCORD_BOT_TOKEN", TOKEN);
        env.put("LAVALINK_PASSWORD", "youshallnotpass");
        env.put("VOICE_NODE_SECRET", SECRET);
        return env;
    }

    private static VoiceNodeConfig load(Map<String, String> env) {
        return VoiceNodeConfig.load(new Environment(env));
    }

    private static String failure(Map<String, String> env) {
        return assertThrows(ConfigException.class, () -> load(env)).getMessage();
    }

    @Test
    void needsOnlyTheTokenToTalkToDiscordItself() {
        VoiceNodeConfig.GatewayConfig gateway = load(valid()).gateway();
        assertEquals(TOKEN, gateway.botToken());
        assertEquals("https://discord.com/api/v10", gateway.apiUrl().toString());
        assertEquals(Optional.empty(), gateway.gatewayUrl());
        assertEquals(0, gateway.shardId());
        assertEquals(1, gateway.shardCount());
    }

    @Test
    void keepsStateUnderDataInTheWorkingDirectoryByDefault() {
        VoiceNodeConfig.StoreConfig store = load(valid()).store();
        assertEquals(Path.of("data").toAbsolutePath(), store.dataDir());
        assertEquals(Path.of("data", "botty.db").toAbsolutePath(), store.database());
    }

    @Test
    void keepsStateWhereDataDirSays(@TempDir Path dir) {
        Map<String, String> env = valid();
        env.put("DATA_DIR", dir + "/voice/../node");
        assertEquals(dir.resolve("node").resolve("botty.db"), load(env).store().database());
    }

    @Test
    void stopsNamingADataDirThatIsNoPath() {
        Map<String, String> env = valid();
        env.put("DATA_DIR", "data\0dir");
        assertEquals("DATA_DIR is not a valid path (Nul character not allowed)", failure(env));
    }

    @Test
    void pointsAtTheSimulatorWhenTold() {
        Map<String, String> env = valid();
        env.put("DISCORD_API_URL", "http://127.0.0.1:8091/api/v10/");
        env.put("DISCORD_GATEWAY_URL", "ws://127.0.0.1:8092/");
        env.put("DISCORD_SHARD_ID", "1");
        env.put("DISCORD_SHARD_COUNT", "2");
        VoiceNodeConfig.GatewayConfig gateway = load(env).gateway();
        assertEquals("http://127.0.0.1:8091/api/v10", gateway.apiUrl().toString());
        assertEquals("ws://127.0.0.1:8092/", gateway.gatewayUrl().orElseThrow().toString());
        assertEquals(1, gateway.shardId());
        assertEquals(2, gateway.shardCount());
    }

    @Test
    void playsThroughTheLocalLavalinkByDefault() {
        VoiceNodeConfig.MusicConfig music = load(valid()).music();
        assertEquals(java.util.List.of(java.net.URI.create("http://127.0.0.1:2333")), music.lavalinkUrls());
        assertEquals("youshallnotpass", music.lavalinkPassword());
        assertEquals(java.util.List.of("ytsearch", "scsearch"), music.searchSources());
        assertEquals(java.time.Duration.ofMinutes(10), music.idleTimeout());
        assertEquals(java.time.Duration.ofSeconds(30), music.aloneTimeout());
        assertEquals(java.util.OptionalLong.empty(), music.djRoleId(), "no DJ role: everyone in the channel steers");
    }

    @Test
    void readsTheDjRoleAndRefusesWhatIsNoRoleId() {
        Map<String, String> env = valid();
        env.put("DJ_ROLE_ID", "41771983423143999");
        assertEquals(java.util.OptionalLong.of(41771983423143999L), load(env).music().djRoleId());
        env.put("DJ_ROLE_ID", "@DJ");
        assertEquals("DJ_ROLE_ID must be a role id (digits only, like 41771983423143938), not '@DJ'", failure(env));
        env.put("DJ_ROLE_ID", "99999999999999999999");
        assertEquals("DJ_ROLE_ID is not a role id: '99999999999999999999' is too large", failure(env));
    }

    @Test
    void readsSeveralLavalinkServersAndSources() {
        Map<String, String> env = valid();
        env.put("LAVALINK_URLS", " http://lavalink-a:2333/, https://lavalink-b.example ");
        env.put("SEARCH_SOURCES", "scsearch,ytmsearch");
        env.put("IDLE_TIMEOUT_SECONDS", "120");
        env.put("ALONE_TIMEOUT_SECONDS", "0");
        VoiceNodeConfig.MusicConfig music = load(env).music();
        assertEquals(java.util.List.of(java.net.URI.create("http://lavalink-a:2333"), java.net.URI.create("https://lavalink-b.example")),
                music.lavalinkUrls());
        assertEquals(java.util.List.of("scsearch", "ytmsearch"), music.searchSources());
        assertEquals(java.time.Duration.ofMinutes(2), music.idleTimeout());
        assertEquals(java.time.Duration.ZERO, music.aloneTimeout());
    }

    @Test
    void needsTheSharedSecret() {
        Map<String, String> env = valid();
        env.remove("VOICE_NODE_SECRET");
        assertEquals("VOICE_NODE_SECRET is required (the same value as the interactions-api's, at least 32 characters)", failure(env));
    }

    @Test
    void needsTheLavalinkPassword() {
        Map<String, String> env = valid();
        env.remove("LAVALINK_PASSWORD");
        assertEquals("LAVALINK_PASSWORD is required (lavalink.server.password in lavalink/application.yml)", failure(env));
    }

    @Test
    void takesTheBotsIdFromItsToken() {
        assertEquals(1100000000000000001L, load(valid()).gateway().botUserId());
        Map<String, String> env = valid();
        env.put("DISCORD_BOT_TOKEN", "test.bot-token.not-a-real-one");
        assertEquals("DISCORD_BOT_TOKEN does not look like a bot token (it should start with the bot's id in Base64)", failure(env));
    }

    @Test
    void stopsWithOneLineNamingAMissingToken() {
        String message = failure(Map.of());
        assertTrue(message.startsWith("DISCORD_BOT_TOKEN is required"), message);
        assertFalse(message.contains("\n"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DISCORD_BOT_TOKEN | Bot MTEwMDAwMDAwMDAwMDAwMDAwMQ.a.b | DISCORD_BOT_TOKEN must be the token alone, without a 'Bot ' prefix or spaces",
        "DISCORD_API_URL | ftp://discord.com | DISCORD_API_URL must be an http(s) URL",
        "DISCORD_GATEWAY_URL | https://gateway.discord.gg | DISCORD_GATEWAY_URL must be a ws(s) URL",
        "DISCORD_SHARD_COUNT | 0 | DISCORD_SHARD_COUNT must be between 1 and 1024",
        "DISCORD_SHARD_COUNT | two | DISCORD_SHARD_COUNT must be a whole number",
        "DISCORD_SHARD_ID | 1 | DISCORD_SHARD_ID must be between 0 and 0 (one less than DISCORD_SHARD_COUNT)",
        "LAVALINK_URLS | lavalink:2333 | LAVALINK_URLS must be comma-separated http(s) URLs, like http://lavalink:2333",
        "LAVALINK_URLS | ' , ' | LAVALINK_URLS must name at least one Lavalink server",
        "LAVALINK_URLS | 'http://a:2333,http://a:2333/' | LAVALINK_URLS lists http://a:2333 twice",
        "SEARCH_SOURCES | 'ytsearch, youtube' | SEARCH_SOURCES must be Lavalink search prefixes like ytsearch,scsearch (not 'youtube')",
        "IDLE_TIMEOUT_SECONDS | 5 | IDLE_TIMEOUT_SECONDS must be between 10 and 604800",
        "ALONE_TIMEOUT_SECONDS | soon | ALONE_TIMEOUT_SECONDS must be a whole number",
        "VOICE_NODE_SECRET | too short | VOICE_NODE_SECRET must be at least 32 characters",
    })
    void stopsNamingAMalformedValue(String name, String value, String expected) {
        Map<String, String> env = valid();
        env.put(name, value);
        assertEquals(expected, failure(env));
    }

    @Test
    void readsTheTokenFromAMountedSecret(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("token");
        Files.writeString(secret, TOKEN + "\n");
        assertEquals(TOKEN, load(Map.of("DISCORD_BOT_TOKEN_FILE", secret.toString(), "LAVALINK_PASSWORD", "x", "VOICE_NODE_SECRET", SECRET)).gateway().botToken());
    }

    @Test
    void refusesTheTokenTwice(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("token");
        Files.writeString(secret, TOKEN);
        Map<String, String> env = valid();
        env.put("DISCORD_BOT_TOKEN_FILE", secret.toString());
        assertEquals("DISCORD_BOT_TOKEN and DISCORD_BOT_TOKEN_FILE are both set; set one of them", failure(env));
    }

    @Test
    void neverPrintsTheToken() {
        VoiceNodeConfig config = load(valid());
        assertFalse(config.toString().contains(TOKEN), config.toString());
        assertFalse(config.toString().contains("youshallnotpass"), config.toString());
        assertFalse(config.toString().contains(SECRET), config.toString());
    }
}
