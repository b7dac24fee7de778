package dev.botty.interactions.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.botty.interactions.discord.DiscordRest.DiscordException;
import dev.botty.interactions.discord.InteractionResponse.MessageData;
import dev.botty.simulator.FakeDiscord;
import dev.botty.simulator.FakeDiscord.Call;
import io.micronaut.json.JsonMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The REST client against the Discord stand-in over loopback: routes, bodies, 429s and errors. */
class DiscordRestTest {
    private static final String APP = "1100000000000000001";
    private static final String BOT_TOKEN = "test-bot-token";
    /** Shaped like a real interaction token: long, and secret for 15 minutes. */
    private static final String INTERACTION_TOKEN = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OTA6c2VjcmV0LXBhcnQ";
    private static final String WEBHOOK = "/api/v10/webhooks/" + APP + "/" + INTERACTION_TOKEN + "/messages/@original";

    private FakeDiscord discord;
    private DiscordRest rest;

    @BeforeEach
    void start() throws Exception {
        discord = FakeDiscord.start(0).requireBotToken(BOT_TOKEN);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        rest = new DiscordRest(() -> http, JsonMapper.createDefault(),
                URI.create(discord.apiUrl()), APP, Optional.of(BOT_TOKEN));
    }

    @AfterEach
    void stop() {
        discord.close();
    }

    private static DiscordException failure(CompletableFuture<?> call) {
        CompletionException thrown = assertThrows(CompletionException.class, call::join);
        return assertInstanceOf(DiscordException.class, thrown.getCause());
    }

    private static MessageData finished() {
        return MessageData.edit("finished later", List.of());
    }

    @Test
    void editsTheOriginalResponseAtItsWebhookPathWithTheMessageAsBody() {
        rest.editOriginal(INTERACTION_TOKEN, finished()).join();
        List<Call> calls = discord.calls();
        assertEquals(1, calls.size());
        Call edit = calls.getFirst();
        assertEquals("PATCH", edit.method());
        assertEquals(WEBHOOK, edit.path());
        assertEquals("application/json", edit.header("Content-Type"));
        assertNull(edit.header("Authorization"), "the webhook is authorised by its token; the bot token stays home");
        JsonNode body = edit.json();
        assertEquals("finished later", body.path("content").asText());
        assertEquals("[]", body.path("embeds").toString(), "an edit replaces the deferral's embeds");
        assertEquals("[]", body.path("allowed_mentions").path("parse").toString());
        assertFalse(body.has("flags"), "flags cannot change on an edit");
    }

    @Test
    void sendsTheBotTokenToTheCommandRoutes() {
        rest.commands(Optional.empty()).join();
        rest.commands(Optional.of("290926798626357999")).join();
        List<Call> calls = discord.calls();
        assertEquals("/api/v10/applications/" + APP + "/commands", calls.get(0).path());
        assertEquals("/api/v10/applications/" + APP + "/guilds/290926798626357999/commands", calls.get(1).path());
        assertTrue(calls.stream().allMatch(c -> ("Bot " + BOT_TOKEN).equals(c.header("Authorization"))));
        assertTrue(calls.stream().allMatch(c -> c.header("User-Agent").startsWith("DiscordBot (")), "Discord asks for this User-Agent form");
    }

    @Test
    void waitsRetryAfterOnA429AndThenSucceeds() {
        // The header says 2 (whole seconds, rounded up); the body's 1.2 is the precise wait.
        discord.rateLimitNext(1, Duration.ofMillis(1_200));
        rest.editOriginal(INTERACTION_TOKEN, finished()).join();
        List<Call> calls = discord.calls();
        assertEquals(2, calls.size());
        assertTrue(calls.get(0).isRateLimited());
        assertFalse(calls.get(1).isRateLimited());
        Duration waited = Duration.between(calls.get(0).at(), calls.get(1).at());
        assertTrue(waited.toMillis() >= 1_200, "waited " + waited + " for a retry_after of 1.2 s");
        assertTrue(waited.toMillis() < 1_900, "waited " + waited + ": the body's retry_after wins over the rounded-up header");
    }

    @Test
    void fallsBackToTheRetryAfterHeaderWhenTheBodyIsNotDiscordsJson() {
        // A 429 from Cloudflare in front of Discord carries an HTML page, not Discord's JSON.
        assertEquals(Duration.ofSeconds(3), rest.retryAfter(answer429("<html>rate limited</html>", "3")));
        assertEquals(Duration.ofSeconds(3), rest.retryAfter(answer429("{\"message\":\"slow down\"}", "3")));
        assertEquals(Duration.ofMillis(1_500), rest.retryAfter(answer429("{\"retry_after\":1.5}", "2")));
        assertEquals(Duration.ofSeconds(30), rest.retryAfter(answer429("{\"retry_after\":1336.57}", "1337")), "waits are capped");
        assertEquals(Duration.ofSeconds(1), rest.retryAfter(answer429("", null)), "neither: a second");
    }

    private static HttpResponse<byte[]> answer429(String body, String retryAfterHeader) {
        Map<String, List<String>> headers = retryAfterHeader == null ? Map.of() : Map.of("Retry-After", List.of(retryAfterHeader));
        return new Answer(429, HttpHeaders.of(headers, (name, value) -> true), body.getBytes(StandardCharsets.UTF_8));
    }

    /** Just enough of an HTTP answer for {@link DiscordRest#retryAfter}. */
    private record Answer(int statusCode, HttpHeaders headers, byte[] body) implements HttpResponse<byte[]> {
        @Override
        public HttpRequest request() {
            return HttpRequest.newBuilder(uri()).build();
        }

        @Override
        public Optional<HttpResponse<byte[]>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return URI.create("https://discord.com/api/v10/applications/1/commands");
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }

    @Test
    void givesUpAfterFourRateLimitedAttemptsSayingSo() {
        discord.rateLimitNext(10, Duration.ofMillis(20));
        DiscordException error = failure(rest.editOriginal(INTERACTION_TOKEN, finished()));
        assertEquals(429, error.status());
        assertEquals("Discord answered 429: You are being rate limited. (still rate limited after 4 attempts)", error.getMessage());
        assertEquals(4, discord.calls().size());
    }

    @Test
    void surfacesDiscordsMessageForAClientError() {
        discord.expireInteractionToken(INTERACTION_TOKEN);
        DiscordException error = failure(rest.editOriginal(INTERACTION_TOKEN, finished()));
        assertEquals(404, error.status());
        assertEquals("Discord answered 404: Unknown Webhook", error.getMessage());
        assertEquals(1, discord.calls().size(), "a 4xx other than 429 is not retried");
    }

    @Test
    void namesTheFieldDiscordRefusedInAnInvalidFormBody() {
        DiscordException error = failure(rest.overwriteCommands(Optional.empty(),
                List.of(Map.of("name", "ok", "description", "x".repeat(101)))));
        assertEquals(400, error.status());
        assertEquals("Discord answered 400: Invalid Form Body (0.description: Must be between 1 and 100 in length.)", error.getMessage());
    }

    @Test
    void neverLogsTheInteractionToken() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        try {
            discord.rateLimitNext(1, Duration.ofMillis(20));
            rest.editOriginal(INTERACTION_TOKEN, finished()).join();
            discord.expireInteractionToken(INTERACTION_TOKEN);
            DiscordException error = failure(rest.editOriginal(INTERACTION_TOKEN, finished()));
            assertFalse(error.getMessage().contains(INTERACTION_TOKEN));
        } finally {
            root.detachAppender(logged);
        }
        List<String> lines = logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertTrue(lines.stream().anyMatch(l -> l.contains("PATCH /api/v10/webhooks/" + APP + "/{token}/messages/@original")),
                "the rate limit is logged with its route: " + lines);
        assertTrue(lines.stream().noneMatch(l -> l.contains(INTERACTION_TOKEN)), lines.toString());
    }
}
