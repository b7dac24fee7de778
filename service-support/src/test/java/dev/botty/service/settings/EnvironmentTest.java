package dev.botty.service.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How both services read a setting: the variable, or the file NAME_FILE names (a mounted secret, a systemd credential). */
class EnvironmentTest {
    private record Setting(String name, String defaultValue, boolean secret) implements SettingDefinition {
        @Override
        public Spec spec() {
            return new Spec(defaultValue, secret, "a setting for the test");
        }
    }

    private static final Setting TOKEN = new Setting("DISCORD_BOT_TOKEN", null, true);
    private static final Setting PORT = new Setting("MICRONAUT_SERVER_PORT", "8080", false);

    @TempDir
    Path dir;

    @Test
    void readsTheVariableTrimmed() {
        assertEquals(Optional.of("abc"), new Environment(Map.of("DISCORD_BOT_TOKEN", "  abc \n")).get(TOKEN));
    }

    @Test
    void readsTheFileThatNameFileNamesTrimmed() throws Exception {
        Path secret = Files.writeString(dir.resolve("token"), "s3cret\n");
        assertEquals(Optional.of("s3cret"), new Environment(Map.of("DISCORD_BOT_TOKEN_FILE", secret.toString())).get(TOKEN));
    }

    @Test
    void refusesBothAtOnceSoAStaleVariableCannotShadowASecret() throws Exception {
        Path secret = Files.writeString(dir.resolve("token"), "from-file");
        ConfigException refused = assertThrows(ConfigException.class,
                () -> new Environment(Map.of("DISCORD_BOT_TOKEN", "from-env", "DISCORD_BOT_TOKEN_FILE", secret.toString())).get(TOKEN));
        assertEquals("DISCORD_BOT_TOKEN and DISCORD_BOT_TOKEN_FILE are both set; set one of them", refused.getMessage());
    }

    @Test
    void anUnreadableFileNamesTheVariableAndThePathButNoContent() {
        Path missing = dir.resolve("missing");
        ConfigException refused = assertThrows(ConfigException.class,
                () -> new Environment(Map.of("DISCORD_BOT_TOKEN_FILE", missing.toString())).get(TOKEN));
        assertTrue(refused.getMessage().startsWith("DISCORD_BOT_TOKEN_FILE names a file that cannot be read: "), refused.getMessage());
        assertTrue(refused.getMessage().endsWith(missing.toString()));
    }

    @Test
    void blankMeansUnsetAndTheDefaultApplies() {
        assertEquals(Optional.of("8080"), new Environment(Map.of("MICRONAUT_SERVER_PORT", "   ")).get(PORT));
        assertEquals(Optional.of("8080"), new Environment(Map.of()).get(PORT));
        assertFalse(new Environment(Map.of()).get(TOKEN).isPresent());
    }

    @Test
    void anEmptySecretFileCountsAsNotSetForWhatRequiresIt() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        Environment environment = new Environment(Map.of("DISCORD_BOT_TOKEN_FILE", empty.toString()));
        assertEquals(Optional.of(""), environment.get(TOKEN));
        ConfigException refused = assertThrows(ConfigException.class, () -> environment.require(TOKEN, "to log in"));
        assertEquals("DISCORD_BOT_TOKEN is required to log in", refused.getMessage());
    }
}
