package dev.botty.service.settings;

/** A missing or malformed setting; the message is one line naming it, safe to print. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
