package dev.botty.interactions.config;

import dev.botty.service.settings.ConfigException;
import dev.botty.service.settings.Environment;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The interactions-api's whole configuration, typed and validated once at start. Each part is
 * registered as its own bean, so a command asks only for the part it needs.
 */
public record BottyConfig(
        DiscordConfig discord,
        AccessConfig access,
        IpConfig ip,
        JokeConfig joke,
        WeatherConfig weather,
        LyricsConfig lyrics,
        VoiceConfig voice,
        Duration outboundTimeout,
        Path localKeyFile) {

    /** How the process was started. */
    public enum Mode {
        /** Serve Discord: credentials required. */
        SERVE,
        /** Serve with a generated key the simulator signs with; no Discord credentials. */
        LOCAL,
        /** Write the command definitions to Discord and exit. */
        REGISTER
    }

    /** What the Discord side needs; {@code botToken} is never part of {@link #toString()}. */
    public record DiscordConfig(
            String publicKeyHex,
            String applicationId,
            Optional<String> botToken,
            URI apiUrl,
            Optional<String> devGuildId,
            Duration replayWindow,
            Duration inlineBudget) {
        @Override
        public String toString() {
            return "DiscordConfig[applicationId=" + applicationId + ", apiUrl=" + apiUrl
                    + ", botToken=" + (botToken.isPresent() ? "(set)" : "(unset)") + "]";
        }
    }

    /** Who may run owner-only commands; both empty means nobody (fail closed). */
    public record AccessConfig(Optional<String> ownerId, Optional<String> allowedRoleId) {}

    public record IpConfig(List<URI> v4Services, List<URI> v6Services, Duration cacheFor) {}

    public record JokeConfig(URI apiUrl, Duration timeout) {}

    public record WeatherConfig(URI geocodingUrl, URI forecastUrl) {}

    /** LRCLIB, for {@code /lyrics}. */
    public record LyricsConfig(URI apiUrl) {}

    /** The voice nodes music commands are forwarded to; empty when music is not set up. */
    public record VoiceConfig(List<URI> nodes, Optional<String> secret, Duration timeout) {
        public boolean enabled() {
            return !nodes.isEmpty();
        }

        @Override
        public String toString() {
            return "VoiceConfig[nodes=" + nodes + ", secret=" + (secret.isPresent() ? "(set)" : "(unset)") + ", timeout=" + timeout + "]";
        }
    }

    private static final int MIN_SECRET_LENGTH = 32;

    private static final Pattern SNOWFLAKE = Pattern.compile("\\d{1,20}");
    private static final Pattern PUBLIC_KEY = Pattern.compile("[0-9a-fA-F]{64}");

    /**
     * Reads and checks everything; throws {@link ConfigException} naming the first bad setting.
     * In local mode the public key and application id come from {@code localPublicKeyHex} and
     * a fixed local id instead of the environment.
     */
    public static BottyConfig load(Environment env, Mode mode, String localPublicKeyHex, String localApplicationId) {
        String publicKey;
        String applicationId;
        if (mode == Mode.LOCAL) {
            publicKey = localPublicKeyHex;
            applicationId = localApplicationId;
        } else {
            applicationId = snowflake(env, InteractionsSetting.DISCORD_APPLICATION_ID).orElseThrow(
                    () -> new ConfigException("DISCORD_APPLICATION_ID is required (the application id from the Developer Portal)"));
            publicKey = mode == Mode.REGISTER ? env.get(InteractionsSetting.DISCORD_PUBLIC_KEY).orElse("") : env.require(
                    InteractionsSetting.DISCORD_PUBLIC_KEY, "(the application's public key, 64 hex characters); for a try-out without Discord run in local mode");
        }
        if (mode != Mode.REGISTER && !PUBLIC_KEY.matcher(publicKey).matches()) {
            throw new ConfigException("DISCORD_PUBLIC_KEY must be 64 hex characters (the application's public key)");
        }
        Optional<String> botToken = env.get(InteractionsSetting.DISCORD_BOT_TOKEN).filter(s -> !s.isEmpty());
        if (mode == Mode.REGISTER && botToken.isEmpty()) {
            throw new ConfigException("DISCORD_BOT_TOKEN is required to register commands");
        }
        DiscordConfig discord = new DiscordConfig(
                publicKey.toLowerCase(),
                applicationId,
                botToken,
                httpUrl(env, InteractionsSetting.DISCORD_API_URL),
                snowflake(env, InteractionsSetting.DISCORD_DEV_GUILD_ID),
                Duration.ofSeconds(positive(env, InteractionsSetting.REPLAY_WINDOW_SECONDS, 1, 3600)),
                Duration.ofMillis(positive(env, InteractionsSetting.INLINE_BUDGET_MS, 50, 2800)));
        AccessConfig access = new AccessConfig(snowflake(env, InteractionsSetting.OWNER_ID), snowflake(env, InteractionsSetting.ALLOWED_ROLE_ID));
        IpConfig ip = new IpConfig(
                httpUrls(env, InteractionsSetting.IP_LOOKUP_URLS),
                httpUrls(env, InteractionsSetting.IP6_LOOKUP_URLS),
                Duration.ofSeconds(positive(env, InteractionsSetting.IP_CACHE_SECONDS, 0, 86_400)));
        JokeConfig joke = new JokeConfig(httpUrl(env, InteractionsSetting.JOKE_API_URL),
                Duration.ofMillis(positive(env, InteractionsSetting.JOKE_TIMEOUT_MS, 50, 10_000)));
        WeatherConfig weather = new WeatherConfig(httpUrl(env, InteractionsSetting.OPEN_METEO_GEOCODING_URL),
                httpUrl(env, InteractionsSetting.OPEN_METEO_FORECAST_URL));
        List<URI> voiceNodes = httpUrls(env, InteractionsSetting.VOICE_NODE_URLS);
        Optional<String> voiceSecret = env.get(InteractionsSetting.VOICE_NODE_SECRET).filter(s -> !s.isEmpty());
        if (!voiceNodes.isEmpty() && voiceSecret.map(String::length).orElse(0) < MIN_SECRET_LENGTH) {
            throw new ConfigException("VOICE_NODE_SECRET is required with VOICE_NODE_URLS and must be at least "
                    + MIN_SECRET_LENGTH + " characters");
        }
        VoiceConfig voice = new VoiceConfig(voiceNodes, voiceSecret,
                Duration.ofMillis(positive(env, InteractionsSetting.VOICE_NODE_TIMEOUT_MS, 100, 60_000)));
        LyricsConfig lyrics = new LyricsConfig(httpUrl(env, InteractionsSetting.LYRICS_API_URL));
        return new BottyConfig(discord, access, ip, joke, weather, lyrics, voice,
                Duration.ofMillis(positive(env, InteractionsSetting.OUTBOUND_TIMEOUT_MS, 50, 60_000)),
                Path.of(env.get(InteractionsSetting.LOCAL_KEY_FILE).orElseThrow()));
    }

    /** The raw public key bytes; valid after {@link #load}. */
    public byte[] publicKey() {
        return HexFormat.of().parseHex(discord.publicKeyHex());
    }

    private static Optional<String> snowflake(Environment env, InteractionsSetting setting) {
        Optional<String> value = env.get(setting).filter(s -> !s.isEmpty());
        value.ifPresent(v -> {
            if (!SNOWFLAKE.matcher(v).matches()) {
                throw new ConfigException(setting.name() + " must be a Discord id (digits only)");
            }
        });
        return value;
    }

    private static long positive(Environment env, InteractionsSetting setting, long min, long max) {
        String value = env.get(setting).orElseThrow();
        try {
            long parsed = Long.parseLong(value);
            if (parsed < min || parsed > max) {
                throw new ConfigException(setting.name() + " must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ConfigException(setting.name() + " must be a whole number");
        }
    }

    private static URI httpUrl(Environment env, InteractionsSetting setting) {
        return parseUrl(setting, env.get(setting).orElseThrow());
    }

    /** A comma-separated list; {@code none} is the empty list (a blank value means the default). */
    private static List<URI> httpUrls(Environment env, InteractionsSetting setting) {
        String value = env.get(setting).orElse("");
        if (value.equalsIgnoreCase("none")) {
            return List.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> parseUrl(setting, s))
                .toList();
    }

    private static URI parseUrl(InteractionsSetting setting, String value) {
        try {
            URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(setting.name() + " must be an http(s) URL");
        }
    }
}
