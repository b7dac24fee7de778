package dev.botty.interactions.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every vector of Wycheproof's {@code ed25519_test.json} (C2SP/wycheproof, Apache-2.0; source and
 * commit in {@code src/test/resources/wycheproof/README.md}): botty's verifier, with its key tables
 * as the service runs it, must give exactly the expected result, and so must the JDK's own Ed25519,
 * which {@link JdkDifferentialEd25519Test} then uses as the reference.
 */
class WycheproofEd25519Test {
    private static final HexFormat HEX = HexFormat.of();

    record Vector(int id, String comment, String publicKey, byte[] message, byte[] signature, boolean valid) {
        @Override
        public String toString() {
            return "tcId " + id + " (" + comment + ")";
        }
    }

    static List<Vector> vectors() throws IOException {
        JsonNode root;
        try (InputStream in = WycheproofEd25519Test.class.getResourceAsStream("/wycheproof/ed25519_test.json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<Vector> vectors = new ArrayList<>();
        for (JsonNode group : root.path("testGroups")) {
            String publicKey = group.path("publicKey").path("pk").asText();
            for (JsonNode test : group.path("tests")) {
                vectors.add(new Vector(test.path("tcId").asInt(), test.path("comment").asText(), publicKey,
                        HEX.parseHex(test.path("msg").asText()), HEX.parseHex(test.path("sig").asText()),
                        test.path("result").asText().equals("valid")));
            }
        }
        return vectors;
    }

    static Stream<Arguments> everyVector() throws IOException {
        return vectors().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyVector")
    void givesTheExpectedResult(Vector vector) {
        InteractionVerifier verifier = new InteractionVerifier(HEX.parseHex(vector.publicKey()), Clock.systemUTC(), Duration.ofMinutes(5));
        assertTrue(verifier.isTabulated(), "every Wycheproof key is a prime-order point: the tables are in use");
        assertEquals(vector.valid(), verifier.verifies(vector.message(), vector.signature()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyVector")
    void theJdkGivesTheExpectedResultToo(Vector vector) {
        assertEquals(vector.valid(), JdkEd25519.verify(HEX.parseHex(vector.publicKey()), vector.message(), vector.signature()));
    }

    @Test
    void coversTheWholeFile() throws IOException {
        List<Vector> vectors = vectors();
        assertEquals(151, vectors.size(), "numberOfTests in the file");
        assertTrue(vectors.stream().anyMatch(Vector::valid) && vectors.stream().anyMatch(v -> !v.valid()));
    }
}
