package dev.botty.voice.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's voice-node table lists exactly the settings the voice node reads, with their defaults. */
class ReadmeConfigurationTableTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z0-9_]+)` \\| ([^|]*) \\|", Pattern.MULTILINE);

    @Test
    void readmeTableMatchesTheSettings() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("### voice-node settings");
        int end = readme.indexOf("\n#", start + 1);
        Map<String, String> documented = new TreeMap<>();
        Matcher row = ROW.matcher(readme.substring(start, end < 0 ? readme.length() : end));
        while (row.find()) {
            documented.put(row.group(1), row.group(2).strip());
        }
        Map<String, String> expected = new TreeMap<>();
        Arrays.stream(VoiceNodeSetting.values()).forEach(s -> expected.put(s.name(),
                s.defaultValue() == null || s.defaultValue().isEmpty() ? "—" : "`" + s.defaultValue() + "`"));
        assertEquals(expected, documented);
    }
}
