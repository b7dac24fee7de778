package dev.botty.voice.config;

import dev.botty.settings.ConfigException;
import dev.botty.settings.Environment;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/** The voice node's whole configuration, typed and validated once at start. */
public record VoiceNodeConfig(GatewayConfig gateway, StoreConfig store) {

    /**
     * How the node reaches Discord's gateway. {@code gatewayUrl} is empty for Discord's own
     * gateway; {@code botToken} is never part of {@link #toString()}.
     */
    public record GatewayConfig(String botToken, URI apiUrl, Optional<URI> gatewayUrl, int shardId, int shardCount) {
        @Override
        public String toString() {
            return "GatewayConfig[apiUrl=" + apiUrl + ", gatewayUrl=" + gatewayUrl.map(URI::toString).orElse("(Discord's)")
                    + ", shard=" + shardId + "/" + shardCount + ", botToken=(set)]";
        }
    }

    /**
     * Where the node keeps its state. {@code dataDir} is absolute; whether it can be written is
     * checked when the store opens it, which also creates it.
     */
    public record StoreConfig(Path dataDir) {
        /** The SQLite file of guilds' music. */
        public Path database() {
            return dataDir.resolve("botty.db");
        }
    }

    private static final int MAX_SHARDS = 1024;
    private static final Pattern NO_WHITESPACE = Pattern.compile("\\S+");

    /** Reads and checks everything; throws {@link ConfigException} naming the first bad setting. */
    public static VoiceNodeConfig load(Environment env) {
        String token = env.get(Setting.DISCORD_BOT_TOKEN).filter(s -> !s.isEmpty()).orElseThrow(
                () -> new ConfigException("DISCORD_BOT_TOKEN is required (the bot's token, Developer Portal → Bot)"));
        if (!NO_WHITESPACE.matcher(token).matches()) {
            throw new ConfigException("DISCORD_BOT_TOKEN must be the token alone, without a 'Bot ' prefix or spaces");
        }
        int shardCount = number(env, Setting.DISCORD_SHARD_COUNT, 1, MAX_SHARDS);
        int shardId = number(env, Setting.DISCORD_SHARD_ID, 0, shardCount - 1);
        return new VoiceNodeConfig(new GatewayConfig(
                token,
                url(env, Setting.DISCORD_API_URL, "http", "https").orElseThrow(),
                url(env, Setting.DISCORD_GATEWAY_URL, "ws", "wss"),
                shardId,
                shardCount),
                new StoreConfig(directory(env, Setting.DATA_DIR)));
    }

    private static Path directory(Environment env, Setting setting) {
        String value = env.get(setting).filter(s -> !s.isEmpty())
                .orElseThrow(() -> new ConfigException(setting.name() + " must not be empty"));
        try {
            return Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new ConfigException(setting.name() + " is not a valid path (" + e.getReason() + ")");
        }
    }

    private static int number(Environment env, Setting setting, int min, int max) {
        String value = env.get(setting).orElseThrow();
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new ConfigException(setting.name() + " must be between " + min + " and " + max
                        + (setting == Setting.DISCORD_SHARD_ID ? " (one less than DISCORD_SHARD_COUNT)" : ""));
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ConfigException(setting.name() + " must be a whole number");
        }
    }

    private static Optional<URI> url(Environment env, Setting setting, String scheme, String secureScheme) {
        Optional<String> value = env.get(setting).filter(s -> !s.isEmpty());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            String text = value.get();
            URI uri = URI.create(setting == Setting.DISCORD_API_URL && text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (!(scheme.equals(uri.getScheme()) || secureScheme.equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return Optional.of(uri);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(setting.name() + (scheme.equals("http") ? " must be an " : " must be a ") + scheme + "(s) URL");
        }
    }
}
