package dev.botty.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback stand-in for Discord's REST API, as far as botty uses it: the interaction webhook
 * ({@code PATCH /webhooks/{app}/{token}/messages/@original}, follow-ups), application command
 * registration (GET/PUT global and guild commands, kept as Discord keeps them: see
 * {@link ApplicationCommandStore}), channel messages the bot posts and edits (its "now playing"
 * message), a voice channel's status, and {@code GET /users/@me}. Every call is recorded; tests can
 * make the next calls answer 429 the way Discord does, and expire an interaction token.
 */
public final class FakeDiscord implements AutoCloseable {
    /** One recorded request, with when it arrived. */
    public record Call(String method, String path, Map<String, List<String>> headers, String body, Instant at) {
        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        /** Whether the fake answered this call with 429. */
        public boolean isRateLimited() {
            return headers.containsKey(RATE_LIMITED_MARKER);
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst()
                    .orElse(null);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern COMMANDS = Pattern.compile("/api/v10/applications/(\\d+)(/guilds/(\\d+))?/commands");
    private static final Pattern CHANNEL_MESSAGES = Pattern.compile("/api/v10/channels/(\\d+)/messages(/(\\d+))?");
    private static final Pattern VOICE_STATUS = Pattern.compile("/api/v10/channels/(\\d+)/voice-status");
    /** Not Discord's: lets another process (the simulate CLI) read an edit this stand-in recorded. */
    private static final Pattern RECORDED_EDIT = Pattern.compile("/_simulator/webhooks/([^/]+)/original");
    private static final Pattern WEBHOOK = Pattern.compile("/api/v10/webhooks/(\\d+)/([^/]+)(/messages/@original)?");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Call> calls = new ArrayList<>();
    private final AtomicLong nextCommandId = new AtomicLong(1_500_000_000_000_000_000L);
    private final ApplicationCommandStore commands = new ApplicationCommandStore(nextCommandId);
    private final List<Refused> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Messages the bot has posted, by id: channel id and the message object as last written. */
    private final Map<String, ObjectNode> messages = new ConcurrentHashMap<>();
    private final Map<String, String> voiceStatuses = new ConcurrentHashMap<>();
    private final AtomicInteger withheldOriginals = new AtomicInteger();
    private final Set<String> expiredTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger rateLimitedCalls = new AtomicInteger();
    private volatile String rateLimitedMethod = null;
    private volatile double retryAfterSeconds = 0.2;
    private volatile String botToken = null;
    private volatile String gatewayUrl = "wss://gateway.discord.gg/";

    private FakeDiscord(HttpServer server) {
        this.server = server;
    }

    /** Starts on loopback; port 0 picks a free one. */
    public static FakeDiscord start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        FakeDiscord discord = new FakeDiscord(server);
        server.createContext("/", discord::handle);
        server.setExecutor(discord.executor);
        server.start();
        return discord;
    }

    /** The value for the interactions-api's {@code DISCORD_API_URL}. */
    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v10";
    }

    /** Requests must carry {@code Authorization: Bot <token>} for the registration routes. */
    public FakeDiscord requireBotToken(String token) {
        this.botToken = token;
        return this;
    }

    /** The gateway {@code GET /gateway/bot} points to, e.g. {@link FakeGateway#url()}. */
    public FakeDiscord gatewayUrl(String url) {
        this.gatewayUrl = url;
        return this;
    }

    /** The next {@code count} requests answer 429 with this retry-after, as Discord's rate limiter does. */
    public void rateLimitNext(int count, Duration retryAfter) {
        rateLimitNext(null, count, retryAfter);
    }

    /** Like {@link #rateLimitNext(int, Duration)}, for requests with this method only ({@code null}: any). */
    public void rateLimitNext(String method, int count, Duration retryAfter) {
        this.retryAfterSeconds = retryAfter.toMillis() / 1000.0;
        this.rateLimitedMethod = method;
        rateLimitedCalls.set(count);
    }

    /**
     * The next {@code count} edits of an original response answer 404 Unknown Message, as Discord
     * does when the edit overtakes the interaction's own (deferred) answer.
     */
    public void withholdOriginalNext(int count) {
        withheldOriginals.set(count);
    }

    /** From now on, webhook calls with this interaction token answer 404 Unknown Webhook, as after 15 minutes. */
    public void expireInteractionToken(String token) {
        expiredTokens.add(token);
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Waits for a recorded call that matches, up to {@code timeout}. */
    public synchronized Call awaitCall(Predicate<Call> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Call call : calls) {
                if (match.test(call)) {
                    return call;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching call within " + timeout + "; calls: " + calls);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    private synchronized Optional<Call> lastOriginalEdit(String token) {
        String suffix = "/" + token + "/messages/@original";
        return calls.reversed().stream()
                .filter(c -> c.method().equals("PATCH") && c.path().endsWith(suffix) && !c.isRateLimited())
                .findFirst();
    }

    /**
     * Asks a stand-in running in another process (on loopback {@code port}) for the edit of an
     * interaction's original response, waiting up to {@code timeout}; the edit's JSON.
     */
    public static String awaitRemoteOriginalEdit(int port, String token, Duration timeout) throws IOException, InterruptedException {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/_simulator/webhooks/" + token + "/original")).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            java.net.http.HttpResponse<String> answer = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                return answer.body();
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("no edit of the original message within " + timeout);
            }
            Thread.sleep(100);
        }
    }

    /** Waits for the edit of an interaction's original response. */
    public Call awaitOriginalEdit(Duration timeout) throws InterruptedException {
        return awaitCall(c -> c.method().equals("PATCH") && c.path().endsWith("/messages/@original") && !c.isRateLimited(), timeout);
    }

    /** The commands registered for a scope ({@code "global"} or a guild id), as the last PUT answered them. */
    public ArrayNode registeredCommands(String scope) {
        return commands.stored(scope);
    }

    /** Makes Discord already have these command objects in the scope, exactly as given (for example a docs-shaped fixture). */
    public void seedCommands(String scope, ArrayNode existing) {
        commands.seed(scope, existing);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String limitedMethod = rateLimitedMethod;
        boolean limited = (limitedMethod == null || limitedMethod.equals(method))
                && rateLimitedCalls.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        record(new Call(method, path, Map.copyOf(exchange.getRequestHeaders()), body, Instant.now()), limited);
        try {
            if (limited) {
                ObjectNode error = MAPPER.createObjectNode()
                        .put("message", "You are being rate limited.")
                        .put("retry_after", retryAfterSeconds)
                        .put("global", false);
                exchange.getResponseHeaders().add("Retry-After", Long.toString((long) Math.ceil(retryAfterSeconds)));
                exchange.getResponseHeaders().add("X-RateLimit-Limit", "5");
                exchange.getResponseHeaders().add("X-RateLimit-Remaining", "0");
                exchange.getResponseHeaders().add("X-RateLimit-Reset-After", Double.toString(retryAfterSeconds));
                exchange.getResponseHeaders().add("X-RateLimit-Bucket", "simulated");
                exchange.getResponseHeaders().add("X-RateLimit-Scope", "user");
                send(exchange, 429, error);
                return;
            }
            Matcher webhook = WEBHOOK.matcher(path);
            Matcher commands = COMMANDS.matcher(path);
            Matcher channelMessages = CHANNEL_MESSAGES.matcher(path);
            Matcher recordedEdit = RECORDED_EDIT.matcher(path);
            Matcher voiceStatus = VOICE_STATUS.matcher(path);
            if (recordedEdit.matches() && method.equals("GET")) {
                Optional<Call> edit = lastOriginalEdit(recordedEdit.group(1));
                if (edit.isPresent()) {
                    send(exchange, 200, edit.get().json());
                } else {
                    send(exchange, 404, error(0, "no edit yet"));
                }
            } else if (webhook.matches()) {
                handleWebhook(exchange, method, webhook, body);
            } else if (channelMessages.matches()) {
                handleChannelMessage(exchange, method, channelMessages, body);
            } else if (voiceStatus.matches() && method.equals("PUT")) {
                if (!authorized(exchange)) {
                    return;
                }
                JsonNode sentStatus = MAPPER.readTree(body);
                if (!conforms(exchange, method, sentStatus)) {
                    return;
                }
                JsonNode status = sentStatus.path("status");
                voiceStatuses.put(voiceStatus.group(1), status.isNull() || status.isMissingNode() ? "" : status.asText());
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            } else if (commands.matches()) {
                handleCommands(exchange, method, commands, body);
            } else if (path.equals("/api/v10/users/@me") && method.equals("GET")) {
                if (!authorized(exchange)) {
                    return;
                }
                send(exchange, 200, MAPPER.createObjectNode()
                        .put("id", InteractionBuilder.LOCAL_APPLICATION_ID)
                        .put("username", "botty")
                        .put("discriminator", "0")
                        .put("bot", true));
            } else if (path.equals("/api/v10/gateway/bot") && method.equals("GET")) {
                if (!authorized(exchange)) {
                    return;
                }
                // Shaped on the docs' Get Gateway Bot example; one shard, nothing used up.
                ObjectNode gateway = MAPPER.createObjectNode().put("url", gatewayUrl).put("shards", 1);
                gateway.putObject("session_start_limit")
                        .put("total", 1000).put("remaining", 1000).put("reset_after", 0).put("max_concurrency", 1);
                send(exchange, 200, gateway);
            } else {
                send(exchange, 404, error(0, "404: Not Found"));
            }
        } catch (JsonProcessingException notJson) {
            send(exchange, 400, error(50109, "The request body contains invalid JSON."));
        } catch (RuntimeException e) {
            send(exchange, 400, error(50035, "Invalid Form Body: " + e.getMessage()));
        }
    }

    private void handleWebhook(HttpExchange exchange, String method, Matcher match, String body) throws IOException {
        boolean original = match.group(3) != null;
        if (expiredTokens.contains(match.group(2))) {
            send(exchange, 404, error(10015, "Unknown Webhook"));
            return;
        }
        if (original && withheldOriginals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            // The interaction's answer has not reached Discord yet: there is no original message to edit.
            send(exchange, 404, error(10008, "Unknown Message"));
            return;
        }
        JsonNode sent = body.isEmpty() ? MAPPER.createObjectNode() : MAPPER.readTree(body);
        if (!(sent instanceof ObjectNode message) || (original ? !method.equals("PATCH") : !method.equals("POST"))) {
            send(exchange, 405, error(0, "405: Method Not Allowed"));
            return;
        }
        if (!conforms(exchange, method, sent)) {
            return;
        }
        ObjectNode answer = message.deepCopy();
        answer.put("id", Long.toString(nextCommandId.incrementAndGet()));
        answer.put("type", original ? 20 : 0);
        answer.put("application_id", match.group(1));
        answer.put("webhook_id", match.group(1));
        send(exchange, 200, answer);
    }

    /**
     * {@code POST /channels/{id}/messages} and {@code PATCH /channels/{id}/messages/{message.id}},
     * answered with a message object shaped on the docs' example (author: the bot).
     */
    private void handleChannelMessage(HttpExchange exchange, String method, Matcher match, String body) throws IOException {
        if (!authorized(exchange)) {
            return;
        }
        String channelId = match.group(1);
        String messageId = match.group(3);
        JsonNode sent = MAPPER.readTree(body);
        if (!(sent instanceof ObjectNode fields)) {
            send(exchange, 400, error(50109, "The request body contains invalid JSON."));
            return;
        }
        if (!conforms(exchange, method, sent)) {
            return;
        }
        ObjectNode message;
        if (messageId == null && method.equals("POST")) {
            message = newMessage(channelId, Long.toString(nextCommandId.incrementAndGet()));
        } else if (messageId != null && method.equals("PATCH")) {
            ObjectNode existing = messages.get(messageId);
            if (existing == null || !existing.path("channel_id").asText().equals(channelId)) {
                send(exchange, 404, error(10008, "Unknown Message"));
                return;
            }
            message = existing.deepCopy();
            message.put("edited_timestamp", Instant.now().toString());
        } else {
            send(exchange, 405, error(0, "405: Method Not Allowed"));
            return;
        }
        for (String field : List.of("content", "embeds", "components", "flags")) {
            if (fields.has(field)) {
                message.set(field, fields.get(field).deepCopy());
            }
        }
        // Embeds a bot sends come back as "rich" embeds.
        message.path("embeds").forEach(embed -> {
            if (embed instanceof ObjectNode object && !object.has("type")) {
                object.put("type", "rich");
            }
        });
        messages.put(message.path("id").asText(), message);
        send(exchange, 200, message);
    }

    private static ObjectNode newMessage(String channelId, String id) {
        ObjectNode message = MAPPER.createObjectNode()
                .put("id", id)
                .put("type", 0)
                .put("channel_id", channelId)
                .put("content", "")
                .put("timestamp", Instant.now().toString())
                .putNull("edited_timestamp")
                .put("tts", false)
                .put("mention_everyone", false)
                .put("pinned", false)
                .put("flags", 0);
        message.putObject("author")
                .put("id", InteractionBuilder.LOCAL_APPLICATION_ID)
                .put("username", "botty")
                .put("discriminator", "0")
                .putNull("global_name")
                .putNull("avatar")
                .put("bot", true);
        message.putArray("mentions");
        message.putArray("mention_roles");
        message.putArray("attachments");
        message.putArray("embeds");
        message.putArray("components");
        return message;
    }

    /** The bot's messages in a channel as they stand now, oldest first. */
    public List<JsonNode> channelMessages(long channelId) {
        return messages.values().stream()
                .filter(m -> m.path("channel_id").asText().equals(Long.toString(channelId)))
                .sorted(java.util.Comparator.comparing(m -> Long.parseLong(m.path("id").asText())))
                .map(m -> (JsonNode) m.deepCopy())
                .toList();
    }

    /** A voice channel's status as last set ({@code ""} when cleared), or empty if never set. */
    public Optional<String> voiceStatus(long channelId) {
        return Optional.ofNullable(voiceStatuses.get(Long.toString(channelId)));
    }

    private void handleCommands(HttpExchange exchange, String method, Matcher match, String body) throws IOException {
        if (!authorized(exchange)) {
            return;
        }
        Optional<String> guildId = Optional.ofNullable(match.group(3));
        switch (method) {
            case "GET" -> send(exchange, 200, commands.list(guildId.orElse("global")));
            case "PUT" -> {
                JsonNode definitions = MAPPER.readTree(body);
                List<DiscordSpec.Violation> violations = DiscordSpec.bundled().checkRequest(method, exchange.getRequestURI().getPath(), definitions);
                Object answer = commands.overwrite(match.group(1), guildId, definitions, violations);
                if (!violations.isEmpty()) {
                    refused.add(new Refused(method, exchange.getRequestURI().getPath(), violations));
                }
                if (answer instanceof ApplicationCommandStore.Refusal refusal) {
                    send(exchange, 400, refusal.body());
                } else {
                    send(exchange, 200, (ArrayNode) answer);
                }
            }
            default -> send(exchange, 405, error(0, "405: Method Not Allowed"));
        }
    }

    /**
     * Whether {@code body} fits the request schema Discord publishes for this route; if not, it
     * has been answered as Discord answers: 400, code 50035, the errors by field.
     */
    private boolean conforms(HttpExchange exchange, String method, JsonNode body) throws IOException {
        List<DiscordSpec.Violation> violations = DiscordSpec.bundled().checkRequest(method, exchange.getRequestURI().getPath(), body);
        if (violations.isEmpty()) {
            return true;
        }
        refused.add(new Refused(method, exchange.getRequestURI().getPath(), violations));
        send(exchange, 400, DiscordSpec.formBodyError(violations));
        return false;
    }

    /** A request refused for breaking Discord's schema, and why. */
    public record Refused(String method, String path, List<DiscordSpec.Violation> violations) {}

    /** Every request refused for breaking Discord's schema so far. */
    public List<Refused> refused() {
        return List.copyOf(refused);
    }

    private boolean authorized(HttpExchange exchange) throws IOException {
        String expected = botToken;
        String given = exchange.getRequestHeaders().getFirst("Authorization");
        if (expected != null && !("Bot " + expected).equals(given)) {
            send(exchange, 401, error(0, "401: Unauthorized"));
            return false;
        }
        return true;
    }

    private synchronized void record(Call call, boolean limited) {
        calls.add(limited ? new Call(call.method(), call.path(), withMarker(call.headers()), call.body(), call.at()) : call);
        notifyAll();
    }

    private static Map<String, List<String>> withMarker(Map<String, List<String>> headers) {
        var copy = new java.util.HashMap<>(headers);
        copy.put(RATE_LIMITED_MARKER, List.of("true"));
        return Map.copyOf(copy);
    }

    static final String RATE_LIMITED_MARKER = "X-Simulator-Answered-429";

    private static ObjectNode error(int code, String message) {
        return MAPPER.createObjectNode().put("code", code).put("message", message);
    }

    /** Answers with this JSON: the simulator's stand-ins all answer so. */
    static void send(HttpExchange exchange, int status, JsonNode json) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(json);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
