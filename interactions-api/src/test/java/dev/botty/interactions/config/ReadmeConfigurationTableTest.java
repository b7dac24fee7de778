package dev.botty.interactions.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's configuration table lists exactly the settings the service reads, with their defaults. */
class ReadmeConfigurationTableTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z0-9_]+)` \\| ([^|]*) \\|");

    @Test
    void readmeTableMatchesTheSettings() throws Exception {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme);
        int start = text.indexOf("### interactions-api settings");
        assertTrue(start >= 0, "README has an '### interactions-api settings' section");
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : text.substring(start).split("\n")) {
            if (line.startsWith("#") && !rows.isEmpty()) {
                break;
            }
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                rows.put(row.group(1), row.group(2).strip());
            }
        }
        assertEquals(new TreeSet<>(Arrays.stream(InteractionsSetting.values()).map(Enum::name).toList()), new TreeSet<>(rows.keySet()),
                "README table rows vs InteractionsSetting enum");
        for (InteractionsSetting setting : InteractionsSetting.values()) {
            String documented = rows.get(setting.name());
            String expected = setting.defaultValue() == null || setting.defaultValue().isEmpty() ? "—" : "`" + setting.defaultValue() + "`";
            assertEquals(expected, documented, "default of " + setting.name());
        }
    }
}
