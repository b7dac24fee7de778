package dev.botty.interactions.config;

import dev.botty.service.settings.SettingDefinition;

/**
 * Every environment variable the interactions-api reads. The README's configuration table lists
 * exactly these (a test keeps the two equal). Each may instead be given as {@code NAME_FILE}, the
 * path of a file holding the value (Docker secrets).
 */
public enum InteractionsSetting implements SettingDefinition {
    DISCORD_PUBLIC_KEY(null, true, "The application's public key (64 hex characters, Developer Portal → General Information). Required except in local mode."),
    DISCORD_APPLICATION_ID(null, false, "The application id (a snowflake). Required except in local mode."),
    DISCORD_BOT_TOKEN(null, true, "Bot token, used only by `register` to write the command definitions. Secret."),
    DISCORD_API_URL("https://discord.com/api/v10", false, "Discord REST base URL (webhook edits, registration); tests point it at the simulator."),
    DISCORD_DEV_GUILD_ID(null, false, "Guild that `register --guild` uses when no id is given."),
    OWNER_ID(null, false, "User id allowed to run `/ip`. With `ALLOWED_ROLE_ID` unset too, nobody may (fail closed)."),
    ALLOWED_ROLE_ID(null, false, "Role id whose members may run `/ip` in a guild."),
    REPLAY_WINDOW_SECONDS("300", false, "How far `X-Signature-Timestamp` may be from now, either way, before a request is refused (401)."),
    INLINE_BUDGET_MS("1500", false, "How long a command may take to answer inline; slower answers are deferred and finished by editing the original message."),
    OUTBOUND_TIMEOUT_MS("2500", false, "Timeout for each call to an outside service (IP, joke, weather)."),
    IP_LOOKUP_URLS("https://api.ipify.org,https://ipv4.icanhazip.com,https://checkip.amazonaws.com", false, "Comma-separated services that answer the caller's public IPv4 as plain text, tried in order."),
    IP6_LOOKUP_URLS("https://api6.ipify.org,https://ipv6.icanhazip.com", false, "Same for IPv6; `none` to skip IPv6."),
    IP_CACHE_SECONDS("60", false, "How long a looked-up address is reused."),
    JOKE_API_URL("https://v2.jokeapi.dev", false, "JokeAPI base URL; a bundled list answers when it fails or is slow."),
    JOKE_TIMEOUT_MS("1200", false, "How long `/joke` waits for the joke API before telling a bundled joke."),
    LYRICS_API_URL("https://lrclib.net", false, "LRCLIB's base URL, for `/lyrics` (no key; calls take `OUTBOUND_TIMEOUT_MS`). Local mode points it at the simulator's stand-in."),
    OPEN_METEO_GEOCODING_URL("https://geocoding-api.open-meteo.com", false, "Open-Meteo geocoding base URL (place search, autocomplete)."),
    OPEN_METEO_FORECAST_URL("https://api.open-meteo.com", false, "Open-Meteo forecast base URL."),
    VOICE_NODE_URLS("", false, "Comma-separated internal URLs of the voice nodes, in shard order (node i serves guilds with `(guild_id >> 22) % count == i`). Empty: music answers that it is not set up."),
    VOICE_NODE_SECRET(null, true, "Shared secret (at least 32 characters) that signs requests to the voice nodes (HMAC-SHA256). Required with `VOICE_NODE_URLS`. Secret."),
    VOICE_NODE_TIMEOUT_MS("8000", false, "How long a voice node may take to answer a forwarded command; past the inline budget the answer is deferred and edited in."),
    LOCAL_KEY_FILE(".botty/local/signing-key", false, "Local mode: where the generated signing key is written for the simulator."),
    MICRONAUT_SERVER_PORT("8080", false, "HTTP port of the public route, `POST /interactions` (a standard Micronaut setting)."),
    ENDPOINTS_ALL_PORT("8090", false, "Management port: `/` (status page), `/api/status` (JSON), `/healthz` (liveness), `/health` (readiness), `/metrics` (Prometheus). Keep it off the public route.");

    private final Spec spec;

    InteractionsSetting(String defaultValue, boolean secret, String description) {
        this.spec = new Spec(defaultValue, secret, description);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
