package dev.botty.lavalink;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The docs' example payloads under {@code fixtures/lavalink/} (see its README), and a way to compare JSON with them. */
final class Fixtures {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {}

    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/lavalink/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String name) {
        try {
            return MAPPER.readTree(text(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code written} says what {@code documented} says: every documented field with its value, and
     * nothing more than fields the docs leave out that are empty ({@code {}}) or null — the defaults
     * a record fills in (a track's {@code userData}, REST stats' {@code frameStats}).
     */
    static void assertSameAsDocumented(JsonNode documented, JsonNode written) {
        List<String> differences = new ArrayList<>();
        compare(documented, written, "$", differences);
        if (!differences.isEmpty()) {
            fail("differs from the docs: " + differences + "\ndocumented: " + documented + "\nwritten:    " + written);
        }
    }

    private static void compare(JsonNode documented, JsonNode written, String path, List<String> differences) {
        if (documented.isObject() && written.isObject()) {
            for (Iterator<String> names = documented.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!written.has(name)) {
                    differences.add(path + "." + name + " is missing");
                } else {
                    compare(documented.get(name), written.get(name), path + "." + name, differences);
                }
            }
            for (Iterator<String> names = written.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                JsonNode extra = written.get(name);
                if (!documented.has(name) && !(extra.isNull() || (extra.isObject() && extra.isEmpty()))) {
                    differences.add(path + "." + name + " is extra: " + extra);
                }
            }
        } else if (documented.isArray() && written.isArray() && documented.size() == written.size()) {
            for (int i = 0; i < documented.size(); i++) {
                compare(documented.get(i), written.get(i), path + "[" + i + "]", differences);
            }
        } else if (documented.isNumber() && written.isNumber()) {
            if (documented.decimalValue().compareTo(written.decimalValue()) != 0) {
                differences.add(path + " is " + written + ", documented " + documented);
            }
        } else if (!documented.equals(written)) {
            differences.add(path + " is " + written + ", documented " + documented);
        }
    }
}
