package dev.botty.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Discord's own OpenAPI description of its HTTP API (discord/discord-api-spec, MIT; see
 * {@code discord-api-spec/SOURCE.md} beside it), used to refuse what Discord refuses: a request
 * body that breaks the JSON Schema (2020-12) of its route's request, checked with networknt's
 * validator. Keys a schema does not declare are refused too, as Discord refuses them (an embed's
 * {@code colour}); the description itself leaves them open, so every object schema that lists its
 * properties is read with {@code unevaluatedProperties: false}.
 *
 * <p>A violation reads as Discord writes one: {@code 400} with
 * {@code {"code": 50035, "message": "Invalid Form Body", "errors": {…}}}, the errors nested by the
 * path of the field, each with a {@code code} and a {@code message} ({@link #formBodyError}).
 */
public final class DiscordSpec {
    /** Where the description says it lives; only a name here, nothing is fetched. */
    static final String ID = "https://discord.com/api/v10/openapi.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern PARAMETER = Pattern.compile("\\{[^/}]+}");

    private static volatile DiscordSpec loaded;

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final List<Route> routes;
    private final Map<String, Optional<Schema>> schemas = new ConcurrentHashMap<>();

    /** A path of the description as a pattern, and how literal it is (more literal segments win). */
    private record Route(String template, Pattern pattern, int literals) {}

    /** One way a body breaks the schema: where (JSON Pointer segments), Discord's code and a message. */
    public record Violation(List<String> path, String code, String message) {
        @Override
        public String toString() {
            return (path.isEmpty() ? "(body)" : String.join(".", path)) + ": " + message;
        }
    }

    private DiscordSpec(JsonNode document) {
        this.document = document;
        String strict = strict(document.deepCopy()).toString();
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(ID, strict)));
        List<Route> found = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(template -> found.add(new Route(template,
                Pattern.compile("/api/v10" + PARAMETER.matcher(Pattern.quote(template)).replaceAll("\\\\E[^/]+\\\\Q")),
                (int) template.chars().filter(c -> c == '/').count() - countParameters(template))));
        found.sort(Comparator.comparingInt(Route::literals).reversed());
        this.routes = List.copyOf(found);
    }

    /** The description bundled with the simulator, read once. */
    public static DiscordSpec bundled() {
        DiscordSpec spec = loaded;
        if (spec == null) {
            synchronized (DiscordSpec.class) {
                spec = loaded;
                if (spec == null) {
                    try (InputStream in = DiscordSpec.class.getResourceAsStream("/discord-api-spec/openapi.json")) {
                        if (in == null) {
                            throw new IllegalStateException("discord-api-spec/openapi.json is not on the classpath");
                        }
                        spec = new DiscordSpec(MAPPER.readTree(in));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    loaded = spec;
                }
            }
        }
        return spec;
    }

    /** The description's path template for a request path under {@code /api/v10}, if it describes one. */
    public Optional<String> route(String path) {
        return routes.stream().filter(route -> route.pattern().matcher(path).matches()).map(Route::template).findFirst();
    }

    /**
     * How {@code body} breaks the JSON request schema of {@code method} on {@code path} (a path
     * under {@code /api/v10}); empty when it conforms or the route takes no JSON body.
     */
    public List<Violation> checkRequest(String method, String path, JsonNode body) {
        Optional<String> template = route(path);
        if (template.isEmpty()) {
            return List.of();
        }
        return plus(check(pointer("paths", template.get(), method.toLowerCase(java.util.Locale.ROOT), "requestBody", "content",
                "application/json", "schema"), body), embedTotal(body, List.of()));
    }

    /**
     * How an answer to an interaction breaks the schema of
     * {@code POST /interactions/{interaction_id}/{interaction_token}/callback}, read against the
     * kind of answer its {@code type} names (the description lists them as a union).
     */
    public List<Violation> checkInteractionResponse(JsonNode answer) {
        String callback = pointer("paths", "/interactions/{interaction_id}/{interaction_token}/callback", "post", "requestBody",
                "content", "application/json", "schema");
        JsonNode union = at(callback);
        int type = answer.path("type").asInt(-1);
        for (JsonNode option : union.path("anyOf")) {
            String ref = option.path("$ref").asText();
            JsonNode kind = at(ref.substring(1)).path("properties").path("type");
            for (JsonNode allowed : kind.path("enum")) {
                if (allowed.asInt() == type) {
                    return plus(check(ref.substring(1), answer), embedTotal(answer.path("data"), List.of("data")));
                }
            }
        }
        return List.of(new Violation(List.of("type"), "BASE_TYPE_CHOICES", "Value must be one of the interaction callback types."));
    }

    /**
     * Discord's limit on a message's embeds that no schema can say: the characters of every
     * title, description, field name and value, footer text and author name together, at most
     * 6,000 (the "Embed Limits" of Discord's message resource docs).
     */
    static final int EMBED_TOTAL = 6_000;

    private static List<Violation> embedTotal(JsonNode message, List<String> at) {
        long total = 0;
        for (JsonNode embed : message.path("embeds")) {
            total += length(embed.path("title")) + length(embed.path("description")) + length(embed.path("footer").path("text"))
                    + length(embed.path("author").path("name"));
            for (JsonNode field : embed.path("fields")) {
                total += length(field.path("name")) + length(field.path("value"));
            }
        }
        if (total <= EMBED_TOTAL) {
            return List.of();
        }
        List<String> path = new ArrayList<>(at);
        path.add("embeds");
        return List.of(new Violation(List.copyOf(path), "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of " + EMBED_TOTAL));
    }

    private static long length(JsonNode text) {
        return text.isTextual() ? text.asText().codePointCount(0, text.asText().length()) : 0;
    }

    private static List<Violation> plus(List<Violation> some, List<Violation> more) {
        if (more.isEmpty()) {
            return some;
        }
        List<Violation> all = new ArrayList<>(some);
        all.addAll(more);
        return List.copyOf(all);
    }

    /** Discord's answer to a body with these violations. */
    public static ObjectNode formBodyError(List<Violation> violations) {
        ObjectNode error = MAPPER.createObjectNode().put("code", 50035).put("message", "Invalid Form Body");
        ObjectNode errors = error.putObject("errors");
        for (Violation violation : violations) {
            ObjectNode at = errors;
            for (String segment : violation.path()) {
                at = at.has(segment) && at.get(segment).isObject() ? (ObjectNode) at.get(segment) : at.putObject(segment);
            }
            ArrayNode list = at.has("_errors") ? (ArrayNode) at.get("_errors") : at.putArray("_errors");
            list.addObject().put("code", violation.code()).put("message", violation.message());
        }
        return error;
    }

    private List<Violation> check(String pointer, JsonNode body) {
        Optional<Schema> schema = schemas.computeIfAbsent(pointer, this::load);
        if (schema.isEmpty()) {
            return List.of();
        }
        List<Error> errors = schema.get().validate(body);
        List<Violation> specific = new ArrayList<>();
        List<Violation> unions = new ArrayList<>();
        for (Error error : errors) {
            String keyword = error.getKeyword() == null ? "" : error.getKeyword();
            if (keyword.equals("type") && "null".equals(error.getSchemaNode().asText())) {
                continue; // the "or null" branch of a nullable field: the other branch says what is wrong
            }
            (keyword.equals("oneOf") || keyword.equals("anyOf") ? unions : specific).add(violation(error));
        }
        // A union that failed is worth saying only where nothing more precise was found at or under it.
        for (Violation union : unions) {
            if (specific.stream().noneMatch(found -> startsWith(found.path(), union.path()))) {
                specific.add(union);
            }
        }
        return List.copyOf(specific);
    }

    private static boolean startsWith(List<String> path, List<String> prefix) {
        return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
    }

    private Optional<Schema> load(String pointer) {
        if (at(pointer).isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(registry.getSchema(SchemaLocation.of(ID + "#" + pointer)));
    }

    private JsonNode at(String pointer) {
        return document.at(pointer);
    }

    private static Violation violation(Error error) {
        List<String> path = new ArrayList<>();
        for (int i = 0; i < error.getInstanceLocation().getNameCount(); i++) {
            path.add(error.getInstanceLocation().getName(i));
        }
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        if (keyword.equals("unevaluatedProperties") || keyword.equals("additionalProperties")) {
            if (error.getProperty() != null) {
                path.add(error.getProperty());
            }
            return new Violation(List.copyOf(path), "UNKNOWN_FIELD", "This field is not allowed.");
        }
        JsonNode schema = error.getSchemaNode();
        return switch (keyword) {
            case "maxLength", "maxItems" -> new Violation(List.copyOf(path), "BASE_TYPE_MAX_LENGTH",
                    "Must be " + schema.asText() + " or fewer in length.");
            case "minLength", "minItems" -> new Violation(List.copyOf(path), "BASE_TYPE_MIN_LENGTH",
                    "Must be " + schema.asText() + " or more in length.");
            case "maximum" -> new Violation(List.copyOf(path), "NUMBER_TYPE_MAX", "int value should be less than or equal to " + schema.asText() + ".");
            case "minimum" -> new Violation(List.copyOf(path), "NUMBER_TYPE_MIN", "int value should be greater than or equal to " + schema.asText() + ".");
            case "required" -> {
                if (error.getProperty() != null) {
                    path.add(error.getProperty());
                }
                yield new Violation(List.copyOf(path), "BASE_TYPE_REQUIRED", "This field is required");
            }
            case "enum", "const" -> new Violation(List.copyOf(path), "BASE_TYPE_CHOICES", "Value must be one of " + schema + ".");
            default -> new Violation(List.copyOf(path), "BASE_TYPE_INVALID", error.getMessage());
        };
    }

    /**
     * Reads every object schema that lists its properties (and says nothing of others) as closed:
     * Discord refuses keys it does not know. Objects used as maps ({@code additionalProperties}
     * given) stay as they are.
     */
    private static JsonNode strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && object.get("properties").isObject()
                    && !object.has("additionalProperties") && !object.has("unevaluatedProperties")) {
                object.put("unevaluatedProperties", false);
            }
            for (Iterator<JsonNode> children = object.elements(); children.hasNext(); ) {
                strict(children.next());
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(DiscordSpec::strict);
        }
        return node;
    }

    private static int countParameters(String template) {
        return (int) PARAMETER.matcher(template).results().count();
    }

    /** A JSON Pointer from its unescaped segments. */
    private static String pointer(String... segments) {
        StringBuilder pointer = new StringBuilder();
        for (String segment : segments) {
            pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }
}
