package dev.botty.service.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's settings as its README section documents them: one row per variable, its name in
 * backticks and its default ({@code —} for none). Each service's test compares the rows with its
 * enum of {@link SettingDefinition}s, so the README cannot drift from what the service reads.
 */
public final class SettingsTable {
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z0-9_]+)` \\| ([^|]*) \\|", Pattern.MULTILINE);

    private SettingsTable() {}

    /** Name → documented default of the rows under {@code heading}, up to the next heading. */
    public static Map<String, String> documented(Path readme, String heading) throws IOException {
        String text = Files.readString(readme);
        int start = text.indexOf(heading);
        if (start < 0) {
            throw new IllegalArgumentException(readme + " has no section " + heading);
        }
        int end = text.indexOf("\n#", start + heading.length());
        Map<String, String> rows = new TreeMap<>();
        Matcher row = ROW.matcher(text.substring(start, end < 0 ? text.length() : end));
        while (row.find()) {
            rows.put(row.group(1), row.group(2).strip());
        }
        return rows;
    }

    /** Name → default as the table must show it, for these settings. */
    public static Map<String, String> expected(SettingDefinition... settings) {
        Map<String, String> rows = new TreeMap<>();
        for (SettingDefinition setting : settings) {
            String value = setting.defaultValue();
            rows.put(setting.name(), value == null || value.isEmpty() ? "—" : "`" + value + "`");
        }
        return rows;
    }
}
