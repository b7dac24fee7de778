package dev.botty.interactions;

import dev.botty.interactions.config.BottyConfig;
import dev.botty.interactions.config.BottyConfig.Mode;
import dev.botty.interactions.config.ConfigException;
import dev.botty.interactions.config.Environment;
import dev.botty.interactions.config.Setting;
import dev.botty.interactions.discord.LocalKeys;
import dev.botty.interactions.registration.CommandRegistrar;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Entry point. {@code serve} (the default) answers Discord; {@code local} answers the simulator
 * with a freshly generated key; {@code register [--guild ID]} writes the command definitions.
 */
public final class Application {
    /** The application id local mode uses; the simulator signs interactions for it. */
    public static final String LOCAL_APPLICATION_ID = "1100000000000000001";
    /** Where local mode expects the simulator's Discord stand-in (webhook edits). */
    public static final String LOCAL_DISCORD_API_URL = "http://127.0.0.1:8091/api/v10";

    private Application() {}

    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        String verb = arguments.isEmpty() ? "serve" : arguments.getFirst();
        try {
            switch (verb) {
                case "serve" -> serve(Mode.SERVE, Environment.system());
                case "local" -> serve(Mode.LOCAL, Environment.system());
                case "register" -> System.exit(register(arguments.subList(1, arguments.size()), Environment.system()));
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
                  register  overwrite the application's commands (global, or one guild for instant updates)""";
    }

    private static void serve(Mode mode, Environment environment) {
        BottyConfig config = mode == Mode.LOCAL ? localConfig() : BottyConfig.load(environment, mode, null, null);
        Micronaut.build(new String[0]).singletons(config).banner(false).start();
    }

    /** Local mode: a new key pair each start, its seed written where the simulator reads it. */
    private static BottyConfig localConfig() {
        Map<String, String> variables = new HashMap<>(System.getenv());
        variables.putIfAbsent(Setting.DISCORD_API_URL.name(), LOCAL_DISCORD_API_URL);
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

    static int register(List<String> arguments, Environment environment) {
        BottyConfig config = BottyConfig.load(environment, Mode.REGISTER, null, null);
        Optional<String> guild = Optional.empty();
        if (!arguments.isEmpty()) {
            if (!arguments.getFirst().equals("--guild")) {
                throw new ConfigException("register takes only --guild [ID]");
            }
            guild = arguments.size() > 1 ? Optional.of(arguments.get(1)) : config.discord().devGuildId();
            if (guild.isEmpty() || !guild.get().matches("\\d{1,20}")) {
                throw new ConfigException("register --guild needs a guild id (or DISCORD_DEV_GUILD_ID)");
            }
        }
        try (ApplicationContext context = ApplicationContext.builder().singletons(config).start()) {
            CommandRegistrar.Result result = context.getBean(CommandRegistrar.class).register(guild);
            System.out.println(result.describe());
            return 0;
        } catch (RuntimeException e) {
            System.err.println("botty: registration failed: " + e.getMessage());
            return 1;
        }
    }
}
