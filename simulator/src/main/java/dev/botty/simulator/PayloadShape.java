package dev.botty.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Compares a payload with a documented example by shape: every field the example has must be
 * there, holding the same JSON type, all the way down. Values are not compared, and a field that
 * is {@code null} on either side matches any type (Discord documents most fields as nullable).
 * Arrays are compared element by element against the example's first element.
 */
public final class PayloadShape {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PayloadShape() {}

    /** A fixture from {@code fixtures/discord/} on the classpath. */
    public static JsonNode fixture(String name) {
        try (InputStream in = PayloadShape.class.getResourceAsStream("/fixtures/discord/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where {@code actual} departs from {@code documented}'s shape; empty when it has it. */
    public static List<String> differences(JsonNode documented, JsonNode actual) {
        List<String> found = new ArrayList<>();
        compare(documented, actual, "$", found);
        return found;
    }

    private static void compare(JsonNode documented, JsonNode actual, String path, List<String> found) {
        if (documented.isNull() || actual.isNull()) {
            return;
        }
        if (documented.getNodeType() != actual.getNodeType()) {
            found.add(path + " is " + actual.getNodeType() + ", documented " + documented.getNodeType());
            return;
        }
        if (documented.isObject()) {
            for (Iterator<String> names = documented.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!actual.has(name)) {
                    found.add(path + "." + name + " is missing");
                } else {
                    compare(documented.get(name), actual.get(name), path + "." + name, found);
                }
            }
        } else if (documented.isArray() && !documented.isEmpty()) {
            for (int i = 0; i < actual.size(); i++) {
                compare(documented.get(0), actual.get(i), path + "[" + i + "]", found);
            }
        }
    }
}
