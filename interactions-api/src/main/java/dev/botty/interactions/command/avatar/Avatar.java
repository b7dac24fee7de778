package dev.botty.interactions.command.avatar;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An avatar image on Discord's CDN. URL rules from Discord's documentation (Image Formatting):
 * {@code avatars/{user}/{hash}}, {@code guilds/{guild}/users/{user}/avatars/{hash}}, a hash with
 * the {@code a_} prefix is animated (GIF available), and users without an avatar get
 * {@code embed/avatars/{index}.png}: index {@code (id >> 22) % 6} for the new username system
 * (discriminator "0"), {@code discriminator % 5} for legacy tags.
 */
record Avatar(String kind, String path, boolean animated, boolean isDefault) {
    static final String CDN = "https://cdn.discordapp.com/";
    /** The largest size the CDN serves. */
    static final int FULL_SIZE = 4096;

    static Avatar ofUser(String userId, String hash, String discriminator) {
        if (hash == null || hash.isBlank()) {
            return new Avatar("default avatar", "embed/avatars/" + defaultIndex(userId, discriminator), false, true);
        }
        return new Avatar("avatar", "avatars/" + userId + "/" + hash, hash.startsWith("a_"), false);
    }

    static Avatar guildMember(String guildId, String userId, String hash) {
        return new Avatar("server avatar", "guilds/" + guildId + "/users/" + userId + "/avatars/" + hash,
                hash.startsWith("a_"), false);
    }

    static int defaultIndex(String userId, String discriminator) {
        if (discriminator == null || discriminator.isBlank() || discriminator.equals("0")) {
            return (int) ((Long.parseUnsignedLong(userId) >>> 22) % 6);
        }
        return Integer.parseInt(discriminator) % 5;
    }

    /** Full size, animated where the hash says so. */
    String url() {
        return url(animated ? "gif" : "png");
    }

    String url(String format) {
        // Default avatars are served as PNG only and ignore the size parameter.
        return isDefault ? CDN + path + ".png" : CDN + path + "." + format + "?size=" + FULL_SIZE;
    }

    List<String> formats() {
        if (isDefault) {
            return List.of("png");
        }
        List<String> formats = new ArrayList<>(List.of("png", "jpg", "webp"));
        if (animated) {
            formats.add("gif");
        }
        return formats;
    }

    String formatLinks() {
        return formats().stream().map(f -> "[" + f.toUpperCase() + "](" + url(f) + ")").collect(Collectors.joining(" · "));
    }
}
