package dev.botty.voice.config;

import dev.botty.settings.ConfigException;
import dev.botty.settings.Environment;

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
    private static final String TOKEN = "test.bot-token.not-a-real-one";

    private static Map<String, String> valid() {
        Map<String, String> env = new HashMap<>();
        env.put("DISCORD_BOT_TOKEN", TOKEN);
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
    void stopsWithOneLineNamingAMissingToken() {
        String message = failure(Map.of());
        assertTrue(message.startsWith("DISCORD_BOT_TOKEN is required"), message);
        assertFalse(message.contains("\n"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DISCORD_BOT_TOKEN | Bot abc.def | DISCORD_BOT_TOKEN must be the token alone, without a 'Bot ' prefix or spaces",
        "DISCORD_API_URL | ftp://discord.com | DISCORD_API_URL must be an http(s) URL",
        "DISCORD_GATEWAY_URL | https://gateway.discord.gg | DISCORD_GATEWAY_URL must be a ws(s) URL",
        "DISCORD_SHARD_COUNT | 0 | DISCORD_SHARD_COUNT must be between 1 and 1024",
        "DISCORD_SHARD_COUNT | two | DISCORD_SHARD_COUNT must be a whole number",
        "DISCORD_SHARD_ID | 1 | DISCORD_SHARD_ID must be between 0 and 0 (one less than DISCORD_SHARD_COUNT)",
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
        assertEquals(TOKEN, load(Map.of("DISCORD_BOT_TOKEN_FILE", secret.toString())).gateway().botToken());
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
    }
}
