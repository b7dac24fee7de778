package dev.botty.voice.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.botty.service.settings.SettingsTable;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's voice-node table lists exactly the settings the voice node reads, with their defaults. */
class ReadmeConfigurationTableTest {
    @Test
    void readmeTableMatchesTheSettings() throws Exception {
        assertEquals(SettingsTable.expected(VoiceNodeSetting.values()),
                SettingsTable.documented(Path.of("..", "README.md"), "### voice-node settings"));
    }
}
