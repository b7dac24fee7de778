package dev.botty.voice.config;

import dev.botty.settings.SettingDefinition;

/**
 * Every environment variable the voice node reads. Each may instead be given as
 * {@code NAME_FILE}, the path of a file holding the value (Docker secrets).
 */
public enum Setting implements SettingDefinition {
    DISCORD_BOT_TOKEN(null, true, "The bot's token (Developer Portal → Bot), for the gateway connection. Required. Secret."),
    DISCORD_API_URL("https://discord.com/api/v10", false, "Discord REST base URL; logging in checks the token there. Tests point it at the simulator."),
    DISCORD_GATEWAY_URL(null, false, "Gateway URL (`ws://` or `wss://`) to connect to instead of Discord's, for the simulator. Setting it also turns gateway compression off, which the simulator does not speak."),
    DISCORD_SHARD_ID("0", false, "The gateway shard this node runs; it holds the guilds with `(guild_id >> 22) % DISCORD_SHARD_COUNT == DISCORD_SHARD_ID`."),
    DISCORD_SHARD_COUNT("1", false, "How many voice nodes (shards) there are: the number of `VOICE_NODE_URLS` the interactions-api forwards to."),
    DATA_DIR("data", false, "Directory of the voice node's state, kept across restarts: `botty.db` (SQLite: queues, what plays and where, per-guild loop and volume). Relative paths start from the working directory. Created if missing; must be writable. Give each voice node its own."),
    MICRONAUT_SERVER_PORT("8081", false, "HTTP port of the internal API (a standard Micronaut setting).");

    private final String defaultValue;
    private final boolean secret;
    private final String description;

    Setting(String defaultValue, boolean secret, String description) {
        this.defaultValue = defaultValue;
        this.secret = secret;
        this.description = description;
    }

    /** The value used when the variable is unset, or null when there is none. */
    @Override
    public String defaultValue() {
        return defaultValue;
    }

    /** Secrets are never logged or echoed in error messages. */
    @Override
    public boolean secret() {
        return secret;
    }

    @Override
    public String description() {
        return description;
    }
}
