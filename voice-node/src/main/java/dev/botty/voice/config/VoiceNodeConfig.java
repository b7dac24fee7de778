package dev.botty.voice.config;

import dev.botty.service.settings.ConfigException;
import dev.botty.service.settings.Environment;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** The voice node's whole configuration, typed and validated once at start. */
public record VoiceNodeConfig(GatewayConfig gateway, MusicConfig music, StoreConfig store, ApiConfig api) {

    /**
     * How the node reaches Discord's gateway. {@code gatewayUrl} is empty for Discord's own
     * gateway; {@code botToken} is never part of {@link #toString()}.
     */
    public record GatewayConfig(String botToken, URI apiUrl, Optional<URI> gatewayUrl, int shardId, int shardCount) {
        /**
         * The bot's user id, which a bot token begins with (Base64, before the first dot); Lavalink
         * wants it before the gateway has said who we are.
         */
        public long botUserId() {
            return userIdOf(botToken);
        }

        static long userIdOf(String botToken) {
            try {
                String first = botToken.substring(0, Math.max(0, botToken.indexOf('.')));
                return Long.parseUnsignedLong(new String(java.util.Base64.getUrlDecoder().decode(
                        first.replace('+', '-').replace('/', '_')), java.nio.charset.StandardCharsets.US_ASCII));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("DISCORD_BOT_TOKEN does not look like a bot token (it should start with the bot's id in Base64)");
            }
        }

        @Override
        public String toString() {
            return "GatewayConfig[apiUrl=" + apiUrl + ", gatewayUrl=" + gatewayUrl.map(URI::toString).orElse("(Discord's)")
                    + ", shard=" + shardId + "/" + shardCount + ", botToken=(set)]";
        }
    }

    /**
     * How the node plays music: the Lavalink servers, the search sources in the order they are
     * tried, and when an idle or lonely bot leaves. {@code lavalinkPassword} is never part of
     * {@link #toString()}.
     */
    public record MusicConfig(List<URI> lavalinkUrls, String lavalinkPassword, List<String> searchSources,
                              Duration idleTimeout, Duration aloneTimeout, OptionalLong djRoleId) {
        public MusicConfig {
            lavalinkUrls = List.copyOf(lavalinkUrls);
            searchSources = List.copyOf(searchSources);
        }

        /** Without a DJ role: everyone in the bot's channel steers. */
        public MusicConfig(List<URI> lavalinkUrls, String lavalinkPassword, List<String> searchSources, Duration idleTimeout,
                           Duration aloneTimeout) {
            this(lavalinkUrls, lavalinkPassword, searchSources, idleTimeout, aloneTimeout, OptionalLong.empty());
        }

        @Override
        public String toString() {
            return "MusicConfig[lavalinkUrls=" + lavalinkUrls + ", searchSources=" + searchSources + ", idleTimeout=" + idleTimeout
                    + ", aloneTimeout=" + aloneTimeout + ", djRoleId=" + djRoleId + ", lavalinkPassword=(set)]";
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

    /**
     * The internal API: the secret requests are signed with. {@code secret} is never part of
     * {@link #toString()}.
     */
    public record ApiConfig(String secret) {
        public static final int MIN_SECRET_LENGTH = 32;

        @Override
        public String toString() {
            return "ApiConfig[secret=(set)]";
        }
    }

    private static final int MAX_SHARDS = 1024;
    private static final Pattern SEARCH_PREFIX = Pattern.compile("[a-z][a-z0-9]{1,30}search");
    private static final long MAX_TIMEOUT_SECONDS = 7 * 24 * 3600;
    private static final Pattern NO_WHITESPACE = Pattern.compile("\\S+");

    /** Reads and checks everything; throws {@link ConfigException} naming the first bad setting. */
    public static VoiceNodeConfig load(Environment env) {
        String token = env.get(VoiceNodeSetting.DISCORD_BOT_TOKEN).filter(s -> !s.isEmpty()).orElseThrow(
                () -> new ConfigException("DISCORD_BOT_TOKEN is required (the bot's token, Developer Portal → Bot)"));
        if (!NO_WHITESPACE.matcher(token).matches()) {
            throw new ConfigException("DISCORD_BOT_TOKEN must be the token alone, without a 'Bot ' prefix or spaces");
        }
        int shardCount = number(env, VoiceNodeSetting.DISCORD_SHARD_COUNT, 1, MAX_SHARDS);
        GatewayConfig.userIdOf(token);
        int shardId = number(env, VoiceNodeSetting.DISCORD_SHARD_ID, 0, shardCount - 1);
        return new VoiceNodeConfig(new GatewayConfig(
                token,
                url(env, VoiceNodeSetting.DISCORD_API_URL, "http", "https").orElseThrow(),
                url(env, VoiceNodeSetting.DISCORD_GATEWAY_URL, "ws", "wss"),
                shardId,
                shardCount), music(env), new StoreConfig(directory(env, VoiceNodeSetting.DATA_DIR)), api(env));
    }

    private static ApiConfig api(Environment env) {
        String secret = env.get(VoiceNodeSetting.VOICE_NODE_SECRET).filter(s -> !s.isEmpty()).orElseThrow(() -> new ConfigException(
                "VOICE_NODE_SECRET is required (the same value as the interactions-api's, at least " + ApiConfig.MIN_SECRET_LENGTH + " characters)"));
        if (secret.length() < ApiConfig.MIN_SECRET_LENGTH) {
            throw new ConfigException("VOICE_NODE_SECRET must be at least " + ApiConfig.MIN_SECRET_LENGTH + " characters");
        }
        return new ApiConfig(secret);
    }

    private static MusicConfig music(Environment env) {
        String password = env.get(VoiceNodeSetting.LAVALINK_PASSWORD).filter(s -> !s.isEmpty()).orElseThrow(
                () -> new ConfigException("LAVALINK_PASSWORD is required (lavalink.server.password in lavalink/application.yml)"));
        List<URI> urls = new ArrayList<>();
        for (String item : env.get(VoiceNodeSetting.LAVALINK_URLS).orElseThrow().split(",")) {
            String text = item.strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                URI uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new IllegalArgumentException();
                }
                if (urls.contains(uri)) {
                    throw new ConfigException("LAVALINK_URLS lists " + uri + " twice");
                }
                urls.add(uri);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("LAVALINK_URLS must be comma-separated http(s) URLs, like http://lavalink:2333");
            }
        }
        if (urls.isEmpty()) {
            throw new ConfigException("LAVALINK_URLS must name at least one Lavalink server");
        }
        LinkedHashSet<String> sources = new LinkedHashSet<>();
        for (String item : env.get(VoiceNodeSetting.SEARCH_SOURCES).orElseThrow().split(",")) {
            String source = item.strip();
            if (source.isEmpty()) {
                continue;
            }
            if (!SEARCH_PREFIX.matcher(source).matches()) {
                throw new ConfigException("SEARCH_SOURCES must be Lavalink search prefixes like ytsearch,scsearch (not '" + source + "')");
            }
            sources.add(source);
        }
        if (sources.isEmpty()) {
            throw new ConfigException("SEARCH_SOURCES must name at least one search source, like ytsearch");
        }
        return new MusicConfig(urls, password, List.copyOf(sources),
                Duration.ofSeconds(number(env, VoiceNodeSetting.IDLE_TIMEOUT_SECONDS, 10, MAX_TIMEOUT_SECONDS)),
                Duration.ofSeconds(number(env, VoiceNodeSetting.ALONE_TIMEOUT_SECONDS, 0, MAX_TIMEOUT_SECONDS)),
                snowflake(env, VoiceNodeSetting.DJ_ROLE_ID));
    }

    private static Path directory(Environment env, VoiceNodeSetting setting) {
        String value = env.get(setting).filter(s -> !s.isEmpty())
                .orElseThrow(() -> new ConfigException(setting.name() + " must not be empty"));
        try {
            return Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new ConfigException(setting.name() + " is not a valid path (" + e.getReason() + ")");
        }
    }

    private static int number(Environment env, VoiceNodeSetting setting, int min, int max) {
        return (int) number(env, setting, (long) min, (long) max);
    }

    /** An optional snowflake setting: empty when unset, one clear line when it is not one. */
    private static OptionalLong snowflake(Environment env, VoiceNodeSetting setting) {
        String value = env.get(setting).map(String::strip).orElse("");
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        if (!value.matches("\\d{1,20}")) {
            throw new ConfigException(setting.name() + " must be a role id (digits only, like 41771983423143938), not '" + value + "'");
        }
        try {
            return OptionalLong.of(Long.parseUnsignedLong(value));
        } catch (NumberFormatException tooLarge) {
            throw new ConfigException(setting.name() + " is not a role id: '" + value + "' is too large");
        }
    }

    private static long number(Environment env, VoiceNodeSetting setting, long min, long max) {
        String value = env.get(setting).orElseThrow();
        try {
            long parsed = Long.parseLong(value);
            if (parsed < min || parsed > max) {
                throw new ConfigException(setting.name() + " must be between " + min + " and " + max
                        + (setting == VoiceNodeSetting.DISCORD_SHARD_ID ? " (one less than DISCORD_SHARD_COUNT)" : ""));
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ConfigException(setting.name() + " must be a whole number");
        }
    }

    private static Optional<URI> url(Environment env, VoiceNodeSetting setting, String scheme, String secureScheme) {
        Optional<String> value = env.get(setting).filter(s -> !s.isEmpty());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            String text = value.get();
            URI uri = URI.create(setting == VoiceNodeSetting.DISCORD_API_URL && text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (!(scheme.equals(uri.getScheme()) || secureScheme.equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return Optional.of(uri);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(setting.name() + (scheme.equals("http") ? " must be an " : " must be a ") + scheme + "(s) URL");
        }
    }
}
