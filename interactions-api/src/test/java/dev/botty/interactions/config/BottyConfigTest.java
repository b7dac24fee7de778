package dev.botty.interactions.config;

import dev.botty.service.settings.ConfigException;
import dev.botty.service.settings.Environment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.botty.interactions.config.BottyConfig.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BottyConfigTest {
    private static final String KEY = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    private static Map<String, String> valid() {
        Map<String, String> env = new HashMap<>();
        env.put("DISCORD_PUBLIC_KEY", KEY);
        env.put("DISCORD_APPLICATION_ID", "1100000000000000001");
        return env;
    }

    private static BottyConfig load(Map<String, String> env) {
        return BottyConfig.load(new Environment(env), Mode.SERVE, null, null);
    }

    private static String failure(Map<String, String> env) {
        return assertThrows(ConfigException.class, () -> load(env)).getMessage();
    }

    @Test
    void loadsDefaultsForEverythingOptional() {
        BottyConfig config = load(valid());
        assertEquals(Duration.ofMillis(1500), config.discord().inlineBudget());
        assertEquals(Duration.ofSeconds(300), config.discord().replayWindow());
        assertEquals("https://discord.com/api/v10", config.discord().apiUrl().toString());
        assertEquals(Optional.empty(), config.access().ownerId());
        assertEquals(3, config.ip().v4Services().size());
    }

    @Test
    void stopsWithOneLineNamingAMissingPublicKey() {
        Map<String, String> env = valid();
        env.remove("DISCORD_PUBLIC_KEY");
        String message = failure(env);
        assertTrue(message.startsWith("DISCORD_PUBLIC_KEY is required"), message);
        assertFalse(message.contains("\n"));
    }

    @Test
    void stopsNamingAMissingApplicationId() {
        Map<String, String> env = valid();
        env.remove("DISCORD_APPLICATION_ID");
        assertTrue(failure(env).startsWith("DISCORD_APPLICATION_ID is required"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DISCORD_PUBLIC_KEY | abc | DISCORD_PUBLIC_KEY must be 64 hex characters",
        "DISCORD_PUBLIC_KEY | zz5a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a | DISCORD_PUBLIC_KEY must be 64 hex characters",
        "DISCORD_APPLICATION_ID | my-app | DISCORD_APPLICATION_ID must be a Discord id",
        "OWNER_ID | @me | OWNER_ID must be a Discord id",
        "INLINE_BUDGET_MS | 5000 | INLINE_BUDGET_MS must be between 50 and 2800",
        "INLINE_BUDGET_MS | soon | INLINE_BUDGET_MS must be a whole number",
        "DISCORD_API_URL | ftp://discord.com | DISCORD_API_URL must be an http(s) URL",
        "IP_LOOKUP_URLS | https://ok.example,nope | IP_LOOKUP_URLS must be an http(s) URL",
    })
    void stopsNamingAMalformedValue(String name, String value, String expected) {
        Map<String, String> env = valid();
        env.put(name, value);
        assertEquals(expected, failure(env).substring(0, expected.length()));
    }

    @Test
    void readsSecretsFromFiles(@TempDir Path dir) throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, "a-bot-token\n");
        Map<String, String> env = valid();
        env.put("DISCORD_BOT_TOKEN_FILE", token.toString());
        assertEquals(Optional.of("a-bot-token"), load(env).discord().botToken());
    }

    @Test
    void refusesAValueAndItsFileTogether(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("key");
        Files.writeString(key, KEY);
        Map<String, String> env = valid();
        env.put("DISCORD_PUBLIC_KEY_FILE", key.toString());
        assertEquals("DISCORD_PUBLIC_KEY and DISCORD_PUBLIC_KEY_FILE are both set; set one of them", failure(env));
    }

    @Test
    void namesAnUnreadableSecretFileWithoutItsContents() {
        Map<String, String> env = valid();
        env.put("DISCORD_BOT_TOKEN_FILE", "/nonexistent/token");
        assertEquals("DISCORD_BOT_TOKEN_FILE names a file that cannot be read: /nonexistent/token", failure(env));
    }

    @Test
    void neverPrintsTheBotToken() {
        Map<String, String> env = valid();
        env.put("DISCORD_BOT_TOKEN", "super-secret-token");
        BottyConfig config = load(env);
        assertFalse(config.toString().contains("super-secret-token"));
        assertFalse(config.discord().toString().contains("super-secret-token"));
    }

    @Test
    void registrationNeedsTheBotTokenButNotThePublicKey() {
        Map<String, String> env = valid();
        env.remove("DISCORD_PUBLIC_KEY");
        assertEquals("DISCORD_BOT_TOKEN is required to register commands",
                assertThrows(ConfigException.class, () -> BottyConfig.load(new Environment(env), Mode.REGISTER, null, null)).getMessage());
        env.put("DISCORD_BOT_TOKEN", "t");
        assertEquals(Optional.of("t"), BottyConfig.load(new Environment(env), Mode.REGISTER, null, null).discord().botToken());
    }

    @Test
    void voiceNodesNeedALongEnoughSecret() {
        Map<String, String> env = valid();
        env.put("VOICE_NODE_URLS", "http://voice-node:8081");
        assertTrue(failure(env).startsWith("VOICE_NODE_SECRET is required with VOICE_NODE_URLS"));
        env.put("VOICE_NODE_SECRET", "short");
        assertTrue(failure(env).startsWith("VOICE_NODE_SECRET is required with VOICE_NODE_URLS"));
        env.put("VOICE_NODE_SECRET", "x".repeat(32));
        assertTrue(load(env).voice().enabled());
        assertFalse(load(env).voice().toString().contains("x".repeat(32)));
    }

    @Test
    void noneSwitchesIpv6LookupsOffWhileBlankKeepsTheDefault() {
        Map<String, String> env = valid();
        env.put("IP6_LOOKUP_URLS", "none");
        assertTrue(load(env).ip().v6Services().isEmpty());
        env.put("IP6_LOOKUP_URLS", "");
        assertEquals(2, load(env).ip().v6Services().size());
    }

    @Test
    void localModeNeedsNoDiscordCredentials() {
        BottyConfig config = BottyConfig.load(new Environment(Map.of()), Mode.LOCAL, KEY, "1100000000000000001");
        assertEquals(KEY, config.discord().publicKeyHex());
    }
}
