package dev.botty.service.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.bind.annotation.Bindable;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's table of limits lists exactly ServerLimits' settings, by their environment names, with their defaults. */
class ReadmeLimitsTableTest {
    private static final Pattern ROW = Pattern.compile("^\\| `(BOTTY_SERVER_[A-Z0-9_]+)` \\| `([^`]*)` \\|");

    @Test
    void readmeTableMatchesServerLimits() throws Exception {
        String text = Files.readString(Path.of("..", "README.md"));
        int start = text.indexOf("### Limits on every port");
        assertTrue(start >= 0, "README has a '### Limits on every port' section");
        Map<String, String> documented = new TreeMap<>();
        for (String line : text.substring(start).split("\n")) {
            if (line.startsWith("#") && !documented.isEmpty()) {
                break;
            }
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                documented.put(row.group(1), row.group(2));
            }
        }
        Map<String, String> actual = new TreeMap<>();
        RecordComponent[] components = ServerLimits.class.getRecordComponents();
        Class<?>[] types = java.util.Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Parameter[] parameters = ServerLimits.class.getDeclaredConstructor(types).getParameters();
        for (int i = 0; i < components.length; i++) {
            String variable = "BOTTY_SERVER_" + components[i].getName().replaceAll("([A-Z])", "_$1").toUpperCase();
            actual.put(variable, parameters[i].getAnnotation(Bindable.class).defaultValue());
        }
        assertEquals(actual, documented);
    }
}
