package dev.botty.service.settings;

/**
 * One environment variable a service reads. Each service lists its own in an enum implementing
 * this; the README documents them in one table per service, which a test keeps equal.
 */
public interface SettingDefinition {
    /** The variable's name, e.g. {@code DISCORD_BOT_TOKEN}. */
    String name();

    /** The value used when the variable is unset, or null when there is none. */
    String defaultValue();

    /** Secrets are never logged or echoed in error messages. */
    boolean secret();

    String description();
}
