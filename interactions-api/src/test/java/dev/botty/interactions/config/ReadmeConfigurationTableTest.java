package dev.botty.interactions.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.botty.service.settings.SettingsTable;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table lists exactly the settings the service reads, with their defaults. */
class ReadmeConfigurationTableTest {
    @Test
    void readmeTableMatchesTheSettings() throws Exception {
        assertEquals(SettingsTable.expected(InteractionsSetting.values()),
                SettingsTable.documented(Path.of("..", "README.md"), "### interactions-api settings"));
    }
}
