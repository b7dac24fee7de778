package dev.botty.interactions;

import dev.botty.interactions.config.BottyConfig.DiscordConfig;
import dev.botty.interactions.config.BottyConfig.Mode;
import dev.botty.interactions.config.BottyConfig;
import dev.botty.interactions.config.InteractionsSetting;
import dev.botty.interactions.discord.DiscordRest.DiscordException;
import dev.botty.interactions.discord.LocalKeys;
import dev.botty.interactions.registration.CommandRegistrar;
import dev.botty.service.NettyDefaults;
import dev.botty.service.settings.ConfigException;
import dev.botty.service.settings.Environment;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * Entry point. {@code serve} (the default) answers Discord; {@code local} answers the simulator
 * with a freshly generated key; {@code register [--guild ID]} writes the command definitions.
 */
public final class Application {
    /** The application id local mode uses; the simulator signs interactions for it. */
    public static final String LOCAL_APPLICATION_ID = "1100000000000000001";
    /** Where local mode expects the simulator's Discord stand-in (webhook edits). */
    public static final String LOCAL_DISCORD_API_URL = "http://127.0.0.1:8089/api/v10";

    private Application() {}

    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        String verb = arguments.isEmpty() ? "serve" : arguments.getFirst();
        try {
            switch (verb) {
                case "serve" -> serve(Mode.SERVE, Environment.system());
                case "local" -> serve(Mode.LOCAL, Environment.system());
                case "register" -> System.exit(register(arguments.subList(1, arguments.size()), Environment.system(), System.out, System.err));
                case "help", "--help", "-h" -> System.out.println(usage());
                default -> {
                    System.err.println("botty: unknown command '" + verb + "'\n" + usage());
                    System.exit(2);
                }
            }
        } catch (ConfigException e) {
            System.err.println("botty: " + e.getMessage());
            System.exit(2);
        }
    }

    private static String usage() {
        return """
                usage: java -jar interactions-api.jar [serve | local | register [--guild [ID]]]
                  serve     answer Discord (needs DISCORD_PUBLIC_KEY and DISCORD_APPLICATION_ID)
                  local     answer the local simulator with a generated key, no Discord needed
                  register  write the command definitions where Discord's differ (global, or --guild for instant updates)""";
    }

    private static void serve(Mode mode, Environment environment) {
        NettyDefaults.apply();
        BottyConfig config = mode == Mode.LOCAL ? localConfig() : BottyConfig.load(environment, mode, null, null);
        Micronaut.build(new String[0]).singletons(config).banner(false).start();
    }

    /** Local mode: a new key pair each start, its seed written where the simulator reads it. */
    private static BottyConfig localConfig() {
        Map<String, String> variables = new HashMap<>(System.getenv());
        variables.putIfAbsent(InteractionsSetting.DISCORD_API_URL.name(), LOCAL_DISCORD_API_URL);
        Environment environment = new Environment(variables);
        LocalKeys keys = LocalKeys.generate();
        String publicKey = keys.publicKeyHex();
        BottyConfig config = BottyConfig.load(environment, Mode.LOCAL, publicKey, LOCAL_APPLICATION_ID);
        try {
            LocalKeyFile.write(config.localKeyFile(), keys.seedHex());
        } catch (IOException e) {
            throw new ConfigException("LOCAL_KEY_FILE cannot be written: " + config.localKeyFile());
        }
        System.out.println("botty local mode: public key " + publicKey + "; simulator signing key in " + config.localKeyFile());
        return config;
    }

    /**
     * {@code register [--guild [ID]]}: prints what changed and returns 0; a configuration mistake
     * is one line and 2, a refusal by Discord or an outage one line and 1.
     */
    static int register(List<String> arguments, Environment environment, PrintStream out, PrintStream err) {
        BottyConfig config;
        Optional<String> guild = Optional.empty();
        try {
            config = BottyConfig.load(environment, Mode.REGISTER, null, null);
            if (!arguments.isEmpty()) {
                if (!arguments.getFirst().equals("--guild") || arguments.size() > 2) {
                    throw new ConfigException("register takes only --guild [ID]");
                }
                guild = arguments.size() > 1 ? Optional.of(arguments.get(1)) : config.discord().devGuildId();
                if (guild.isEmpty() || !guild.get().matches("\\d{1,20}")) {
                    throw new ConfigException("register --guild needs a guild id (or DISCORD_DEV_GUILD_ID)");
                }
            }
        } catch (ConfigException e) {
            err.println("botty: " + e.getMessage());
            return 2;
        }
        try (ApplicationContext context = ApplicationContext.builder().singletons(config).start()) {
            CommandRegistrar.Result result = context.getBean(CommandRegistrar.class).register(guild);
            out.println(result.describe());
            return 0;
        } catch (RuntimeException e) {
            err.println("botty: registration failed: " + registrationFailure(e, config.discord(), guild));
            return 1;
        }
    }

    /** One line saying what went wrong and, where we can tell, what to check. */
    private static String registrationFailure(RuntimeException failure, DiscordConfig discord, Optional<String> guild) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof UncheckedIOException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String line = switch (cause) {
            case DiscordException refused when refused.status() == 401 ->
                    "Discord refused the bot token (401 Unauthorized); check DISCORD_BOT_TOKEN";
            case DiscordException refused when refused.status() == 403 -> refused.getMessage()
                    + "; the token must be the bot of application " + discord.applicationId()
                    + guild.map(g -> ", and the application must be installed in guild " + g).orElse("");
            case DiscordException refused -> refused.getMessage();
            case IOException unreachable -> "cannot reach Discord at " + discord.apiUrl() + " ("
                    + unreachable.getClass().getSimpleName()
                    + (unreachable.getMessage() == null ? "" : ": " + unreachable.getMessage()) + ")";
            default -> String.valueOf(cause.getMessage());
        };
        return line.replaceAll("\\s*\\R\\s*", " ");
    }
}
