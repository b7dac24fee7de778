package dev.botty.lavalink.protocol.v4;

import org.jspecify.annotations.Nullable;

/**
 * A request field that is either left out or sent, possibly as an explicit {@code null}: Lavalink
 * tells them apart ({@code "encoded": null} stops the track, {@code "endTime": null} clears it).
 */
public sealed interface Omissible<T extends @Nullable Object> {
    record Omitted<T extends @Nullable Object>() implements Omissible<T> {}

    /** Sent; {@code value} may be null, meaning an explicit JSON null. */
    record Present<T extends @Nullable Object>(T value) implements Omissible<T> {}

    static <T extends @Nullable Object> Omissible<T> omitted() {
        return new Omitted<>();
    }

    static <T extends @Nullable Object> Omissible<T> of(T value) {
        return new Present<>(value);
    }

    default boolean isPresent() {
        return this instanceof Present;
    }
}
