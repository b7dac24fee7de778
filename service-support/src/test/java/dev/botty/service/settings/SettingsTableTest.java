package dev.botty.service.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTableTest {
    enum Sample implements SettingDefinition {
        PORT("8080"), TOKEN(null);

        private final Spec spec;

        Sample(String defaultValue) {
            this.spec = new Spec(defaultValue, defaultValue == null, "a sample");
        }

        @Override
        public Spec spec() {
            return spec;
        }
    }

    @Test
    void readsTheRowsOfItsSectionOnlyAndComparesDefaults(@TempDir Path dir) throws Exception {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, """
                ### sample settings

                | variable | default | what |
                |---|---|---|
                | `PORT` | `8080` | the port |
                | `TOKEN` | — | a secret |

                ### other settings

                | `ELSEWHERE` | `1` | not ours |
                """);
        Map<String, String> documented = SettingsTable.documented(readme, "### sample settings");
        assertEquals(Map.of("PORT", "`8080`", "TOKEN", "—"), documented);
        assertEquals(SettingsTable.expected(Sample.values()), documented);
        assertNotEquals(SettingsTable.expected(Sample.PORT), documented, "a row too many is seen");
        Files.writeString(readme, Files.readString(readme).replace("`8080`", "`9090`"));
        assertNotEquals(SettingsTable.expected(Sample.values()), SettingsTable.documented(readme, "### sample settings"), "a wrong default is seen");
        assertThrows(IllegalArgumentException.class, () -> SettingsTable.documented(readme, "### missing"));
    }
}
