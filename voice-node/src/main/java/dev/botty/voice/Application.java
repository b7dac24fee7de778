package dev.botty.voice;

import dev.botty.service.NettyDefaults;
import dev.botty.service.settings.ConfigException;
import dev.botty.service.settings.Environment;
import dev.botty.voice.config.VoiceNodeConfig;
import dev.botty.voice.gateway.GatewayLoginException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point: reads the configuration, logs in to Discord's gateway, serves the internal API. */
public final class Application {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private Application() {}

    public static void main(String[] args) {
        NettyDefaults.apply();
        try {
            start(VoiceNodeConfig.load(Environment.system()), args);
        } catch (ConfigException e) {
            System.err.println("botty voice-node: " + e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            // The context wraps what a bean throws while starting: the store's unusable DATA_DIR, the gateway's refused login.
            ConfigException config = cause(e, ConfigException.class);
            if (config != null) {
                System.err.println("botty voice-node: " + config.getMessage());
                System.exit(2);
            }
            GatewayLoginException login = cause(e, GatewayLoginException.class);
            if (login == null) {
                throw e;
            }
            System.err.println("botty voice-node: " + login.getMessage());
            System.exit(1);
        }
    }

    /**
     * Starts the context by hand rather than through {@code Micronaut.run}, which answers a bean
     * failing at start with a stack trace and its own exit; a refused token deserves one line.
     */
    static ApplicationContext start(VoiceNodeConfig config, String... args) {
        ApplicationContext context = ApplicationContext.builder().args(args).singletons(config).banner(false).start();
        try {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            LOG.info("voice node serving on port {}", server.getPort());
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(context::close, "voice-node-shutdown"));
        return context;
    }

    /** The context wraps what a bean throws while starting; find a failure of {@code type} inside, if it is one. */
    private static <T extends Throwable> T cause(Throwable thrown, Class<T> type) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
