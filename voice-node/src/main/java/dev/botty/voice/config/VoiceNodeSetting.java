package dev.botty.voice.config;

import dev.botty.service.settings.SettingDefinition;

/**
 * Every environment variable the voice node reads. Each may instead be given as
 * {@code NAME_FILE}, the path of a file holding the value (Docker secrets).
 */
public enum VoiceNodeSetting implements SettingDefinition {
    DISCORD_BOT_TOKEN(null, true, "The bot's token (Developer Portal → Bot), for the gateway connection. Required. Secret."),
    DISCORD_API_URL("https://discord.com/api/v10", false, "Discord REST base URL; logging in checks the token there. Tests point it at the simulator."),
    DISCORD_GATEWAY_URL(null, false, "Gateway URL (`ws://` or `wss://`) to connect to instead of Discord's, for the simulator. VoiceNodeSetting it also turns gateway compression off, which the simulator does not speak."),
    DISCORD_SHARD_ID("0", false, "The gateway shard this node runs; it holds the guilds with `(guild_id >> 22) % DISCORD_SHARD_COUNT == DISCORD_SHARD_ID`."),
    DISCORD_SHARD_COUNT("1", false, "How many voice nodes (shards) there are: the number of `VOICE_NODE_URLS` the interactions-api forwards to."),
    DATA_DIR("data", false, "Directory of the voice node's state, kept across restarts: `botty.db` (SQLite: queues, what plays and where, per-guild loop and volume). Relative paths start from the working directory. Created if missing; must be writable. Give each voice node its own."),
    MICRONAUT_SERVER_PORT("8081", false, "HTTP port of the internal API (a standard Micronaut setting)."),
    VOICE_NODE_SECRET(null, true, "Shared secret (at least 32 characters) the interactions-api signs its requests with (HMAC-SHA256); the same value as there. Required. Secret."),
    ENDPOINTS_ALL_PORT("8091", false, "Management port: `/healthz` (liveness), `/health` (readiness: gateway connected and a Lavalink node up), `/metrics` (Prometheus), `/api/status` (JSON). Internal only."),
    LAVALINK_URLS("http://127.0.0.1:2333", false, "Comma-separated base URLs of the Lavalink servers (4.2 or newer). With several, each guild goes to the least loaded and moves when its server dies."),
    LAVALINK_PASSWORD(null, true, "The Lavalink servers' password (`lavalink.server.password`). Required. Secret."),
    SEARCH_SOURCES("ytsearch,scsearch", false, "Lavalink search prefixes `/play` tries in order for words (not URLs): when YouTube fails, the next one is used and the answer says so."),
    IDLE_TIMEOUT_SECONDS("600", false, "How long the bot stays in a voice channel with nothing playing (stopped, paused or the queue ended) before it leaves."),
    ALONE_TIMEOUT_SECONDS("30", false, "How long the bot stays once everyone else has left its voice channel. 0 leaves at the next check (every few seconds)."),
    DJ_ROLE_ID("", false, "A role id. When set, `/skip`, `/stop`, `/jump`, `/remove`, `/filter` and `/volume` belong to members with this role and to whoever queued the track playing; anyone else's `/skip` is a vote that passes at a majority of the people in the bot's channel. Empty: everyone in the channel steers.");

    private final Spec spec;

    VoiceNodeSetting(String defaultValue, boolean secret, String description) {
        this.spec = new Spec(defaultValue, secret, description);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
