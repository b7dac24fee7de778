package dev.botty.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code simulate [flags] /command name:value ...} — signs an interaction with the local key and
 * posts it to a running interactions-api, printing the answer. A deferred answer is followed by
 * the webhook edit it announces, caught by a Discord stand-in on the local API port.
 *
 * <p>Option types follow the value: {@code true}/{@code false} → boolean, a whole number → integer,
 * a name of {@code user}/{@code member} → user (with resolved data), anything else → string.
 */
public final class Simulate {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Simulate() {}

    public static void main(String[] args) throws Exception {
        // The schema validator logs through SLF4J, which has no provider in this jar: quiet its notice.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        System.exit(run(List.of(args), System.out, System.err));
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (!args.isEmpty() && args.getFirst().equals("world")) {
            return World.run(args.subList(1, args.size()), out, err);
        }
        if (!args.isEmpty() && args.getFirst().equals("attack")) {
            return Attack.run(args.subList(1, args.size()), out, err);
        }
        String url = "http://127.0.0.1:8080/interactions";
        Path keyFile = Path.of(".botty/local/signing-key");
        int discordPort = 8089;
        boolean autocomplete = false;
        String context = "guild";
        String as = null;
        List<String> roles = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--url" -> url = args.get(++i);
                case "--key" -> keyFile = Path.of(args.get(++i));
                case "--discord-port" -> discordPort = Integer.parseInt(args.get(++i));
                case "--autocomplete" -> autocomplete = true;
                case "--dm" -> context = "dm";
                case "--private" -> context = "private";
                case "--as" -> as = args.get(++i);
                case "--role" -> roles.add(args.get(++i));
                case "-h", "--help" -> {
                    out.println(usage());
                    return 0;
                }
                default -> words.add(arg);
            }
        }
        if (words.isEmpty()) {
            err.println(usage());
            return 2;
        }
        SigningKey key;
        try {
            key = SigningKey.read(keyFile);
        } catch (IOException e) {
            err.println("simulate: no signing key at " + keyFile + " — start the interactions-api in local mode first");
            return 2;
        }
        InteractionBuilder builder = build(words, autocomplete);
        if (as != null) {
            builder.by(as, "user" + as.substring(Math.max(0, as.length() - 4)));
        }
        switch (context) {
            case "dm" -> builder.inBotDm();
            case "private" -> builder.inPrivateChannel();
            default -> builder.inGuild(InteractionBuilder.LOCAL_GUILD_ID, roles.toArray(String[]::new));
        }
        FakeDiscord discord = null;
        try {
            discord = FakeDiscord.start(discordPort);
        } catch (BindException busy) {
            // A running world (./botty local) is there: it records the edit, and tells it on request.
        }
        try {
            String interaction = builder.toJson();
            InteractionPoster.Answer answer = new InteractionPoster(URI.create(url), key).post(interaction);
            out.println("HTTP " + answer.status());
            out.println(pretty(answer.body()));
            JsonNode body = MAPPER.readTree(answer.body().isEmpty() ? "{}" : answer.body());
            if (answer.status() == 200 && body.path("type").asInt() == 5) {
                out.println("… deferred; waiting for the edit of the original message");
                String edit = discord != null
                        ? discord.awaitOriginalEdit(Duration.ofSeconds(20)).body()
                        : FakeDiscord.awaitRemoteOriginalEdit(discordPort, MAPPER.readTree(interaction).path("token").asText(), Duration.ofSeconds(20));
                out.println("PATCH /api/v10/webhooks/" + MAPPER.readTree(interaction).path("application_id").asText() + "/{token}/messages/@original");
                out.println(pretty(edit));
            }
            return answer.status() == 200 ? 0 : 1;
        } catch (java.net.ConnectException e) {
            err.println("simulate: nothing answers at " + url + " — is the interactions-api running?");
            return 1;
        } finally {
            if (discord != null) {
                discord.close();
            }
        }
    }

    /** Parses {@code ping} or {@code /name opt:value ...} into a payload. */
    static InteractionBuilder build(List<String> words, boolean autocomplete) {
        String first = words.getFirst();
        if (first.equalsIgnoreCase("ping")) {
            return InteractionBuilder.ping();
        }
        if (first.startsWith("click:")) {
            // The now-playing message's buttons: click:pause, click:skip, click:stop, click:loop, click:shuffle.
            return InteractionBuilder.click("botty:music:v1:" + first.substring("click:".length()));
        }
        String name = first.startsWith("/") ? first.substring(1) : first;
        InteractionBuilder builder = autocomplete ? InteractionBuilder.autocomplete(name) : InteractionBuilder.command(name);
        List<String> options = words.subList(1, words.size());
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            int colon = option.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("options look like name:value, got '" + option + "'");
            }
            String key = option.substring(0, colon);
            String value = option.substring(colon + 1);
            boolean last = i == options.size() - 1;
            if (autocomplete && last) {
                builder.focused(key, value);
            } else if (key.equals("user") || key.equals("member")) {
                String id = value.replaceAll("[<@!>]", "");
                builder.userOption(key, id, "user" + id.substring(Math.max(0, id.length() - 4)), "0", null);
            } else if (value.equals("true") || value.equals("false")) {
                builder.option(key, InteractionBuilder.BOOLEAN, Boolean.parseBoolean(value));
            } else if (value.matches("-?\\d{1,15}")) {
                builder.option(key, InteractionBuilder.INTEGER, Long.parseLong(value));
            } else {
                builder.option(key, InteractionBuilder.STRING, value);
            }
        }
        return builder;
    }

    private static String pretty(String json) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(MAPPER.readTree(json));
        } catch (IOException notJson) {
            return json;
        }
    }

    private static String usage() {
        return """
                usage: simulate [--url URL] [--key FILE] [--dm | --private] [--as USER_ID] [--role ROLE_ID]...
                                [--autocomplete] [--discord-port PORT] (ping | /command name:value ... | click:BUTTON)
                examples:
                  simulate ping
                  simulate /avatar user:80351110224678912 server:true
                  simulate --autocomplete /weather location:Berl
                  simulate --dm /ip
                  simulate /play query:lofi          (with ./botty local running: music in the simulated guild)
                  simulate click:pause               (a button of the now-playing message: pause, skip, stop, loop, shuffle)
                  simulate world                     (Discord and Lavalink stand-ins for local mode; ./botty local starts it)
                  simulate attack --seconds 30       (hostile clients against the endpoint, signed PINGs throughout)""";
    }
}
