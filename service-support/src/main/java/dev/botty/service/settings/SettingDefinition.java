package dev.botty.service.settings;

import org.jspecify.annotations.Nullable;

/**
 * One environment variable a service reads. Each service lists its own in an enum implementing
 * this, each constant holding its {@link Spec}; the README documents them in one table per service,
 * which a test keeps equal ({@link SettingsTable}).
 */
public interface SettingDefinition {
    /** The variable's name, e.g. {@code DISCORD_BOT_TOKEN}. */
    String name();

    /** What the setting is: its default, whether it is a secret, what it does. */
    Spec spec();

    /** The value used when the variable is unset, or null when there is none. */
    default @Nullable String defaultValue() {
        return spec().defaultValue();
    }

    /** Secrets are never logged or echoed in error messages. */
    default boolean secret() {
        return spec().secret();
    }

    default String description() {
        return spec().description();
    }

    /**
     * @param defaultValue the value used when the variable is unset, or null when there is none
     * @param secret       whether the value must never be logged or echoed
     * @param description  what it does, for people (the README's table says the same)
     */
    record Spec(@Nullable String defaultValue, boolean secret, String description) {}
}
