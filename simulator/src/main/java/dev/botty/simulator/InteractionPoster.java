package dev.botty.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Posts interactions to an endpoint the way Discord does: signed, with a fresh timestamp. */
public final class InteractionPoster {
    /** What the endpoint answered. */
    public record Answer(int status, String body) {}

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI endpoint;
    private final SigningKey key;
    private final Clock clock;

    public InteractionPoster(URI endpoint, SigningKey key, Clock clock) {
        this.endpoint = endpoint;
        this.key = key;
        this.clock = clock;
    }

    public InteractionPoster(URI endpoint, SigningKey key) {
        this(endpoint, key, Clock.systemUTC());
    }

    public Answer post(String json) throws IOException, InterruptedException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        return postRaw(body, key.sign(timestamp, body), timestamp);
    }

    /** Posts exactly these bytes and headers (null header = left out), for probing the endpoint. */
    public Answer postRaw(byte[] body, String signature, String timestamp) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("User-Agent", "Discord-Interactions/1.0 (+https://discord.com)")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Signature-Ed25519", signature);
        }
        if (timestamp != null) {
            request.header("X-Signature-Timestamp", timestamp);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
            conforms(response.body());
        }
        return new Answer(response.statusCode(), response.body());
    }

    /**
     * Discord reads an interaction's answer against its callback schema and fails the interaction
     * when it does not fit; so does this poster, loudly, so that no test passes on an answer Discord
     * would refuse.
     */
    private static void conforms(String body) {
        JsonNode answer;
        try {
            answer = MAPPER.readTree(body);
        } catch (IOException notJson) {
            throw new DiscordRefusal("Discord would fail this interaction: its answer is not JSON: " + body);
        }
        List<DiscordSpec.Violation> violations = DiscordSpec.bundled().checkInteractionResponse(answer);
        if (!violations.isEmpty()) {
            throw new DiscordRefusal("Discord would fail this interaction: its answer breaks the callback schema " + violations + ": " + body);
        }
    }

    /** An answer Discord would not accept. */
    public static final class DiscordRefusal extends IllegalStateException {
        DiscordRefusal(String message) {
            super(message);
        }
    }

    public SigningKey key() {
        return key;
    }
}
