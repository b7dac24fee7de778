package dev.botty.voice.music;

import dev.botty.internal.MusicControls;
import dev.botty.internal.MusicReply.Card;
import dev.botty.internal.MusicReply.Control;
import dev.botty.voice.queue.FilterPreset;
import dev.botty.voice.queue.LoopMode;
import dev.botty.voice.queue.QueuedTrack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** How music looks in Discord: the "now playing" card, the queue, times and progress bars. */
final class Cards {
    static final int PAGE_SIZE = 10;
    /**
     * The longest address shown as a link in text. Discord takes 2,048 for an embed's link, but a
     * message holds 2,000 characters and a queue page ten links, so longer ones are shown as plain
     * titles (a stream's tokenised address, say) rather than crowding out everything else.
     */
    static final int MAX_LINK = 512;
    /** Discord's limit on an embed's {@code url}. */
    static final int MAX_EMBED_URL = 2_048;
    private static final int BAR_LENGTH = 14;

    private Cards() {}

    static Card nowPlaying(QueuedTrack track, long positionMs, boolean paused, List<QueuedTrack> queue, LoopMode loop, int volume,
                           FilterPreset filter) {
        String next = queue.isEmpty() ? "Nothing queued" : link(queue.getFirst());
        return new Card((paused ? "⏸️ " : "🎶 ") + clip(track.title(), 240), linkable(track.uri(), MAX_EMBED_URL),
                "by **" + escape(track.author()) + "**\n" + progress(track, positionMs),
                null,
                List.of(new Card.Field("Requested by", requester(track), true),
                        new Card.Field("Up next", next, true),
                        new Card.Field("From", source(track.sourceName()), true)),
                footer(queue, loop, volume, filter));
    }

    static Card nothingPlaying(String headline, Duration idleTimeout) {
        return new Card(headline, null, "Nothing is playing. `/play` something, or I'll leave after "
                + duration(idleTimeout.toMillis()) + " of quiet.", null, List.of(), null);
    }

    static Card left(String why) {
        return new Card("👋 Left the voice channel", null, "Because " + why + ". `/play` brings me back.", null, List.of(), null);
    }

    /** Page {@code page} (1-based) of the queue, with what plays on top. */
    static Card queuePage(QueuedTrack current, long positionMs, boolean paused, List<QueuedTrack> queue, int page, LoopMode loop, int volume,
                          boolean autoplay) {
        int pages = Math.max(1, (queue.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(page, 1), pages);
        StringBuilder text = new StringBuilder();
        text.append(current == null ? "Nothing is playing." : (paused ? "⏸️ " : "▶️ ") + link(current) + " · "
                + time(positionMs) + " / " + (current.stream() ? "live" : time(current.lengthMs())));
        text.append("\n\n");
        if (queue.isEmpty()) {
            text.append(autoplay ? "The queue is empty: autoplay picks what comes next." : "The queue is empty.");
        }
        for (int i = (shown - 1) * PAGE_SIZE; i < Math.min(queue.size(), shown * PAGE_SIZE); i++) {
            QueuedTrack track = queue.get(i);
            text.append('`').append(i + 1).append(".` ").append(link(track)).append(" · ")
                    .append(track.stream() ? "live" : time(track.lengthMs())).append('\n');
        }
        long total = queue.stream().mapToLong(QueuedTrack::lengthMs).sum();
        return new Card("🎵 Queue", null, text.toString().strip(), null, List.of(),
                "Page " + shown + "/" + pages + " · " + queue.size() + (queue.size() == 1 ? " track · " : " tracks · ")
                        + time(total) + " · loop " + loop.key() + " · volume " + volume + "%" + (autoplay ? " · autoplay on" : ""));
    }

    /** Page {@code page} (1-based) of what played, newest first. */
    static Card historyPage(List<QueuedTrack> played, int page) {
        int pages = Math.max(1, (played.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(page, 1), pages);
        StringBuilder text = new StringBuilder();
        for (int i = (shown - 1) * PAGE_SIZE; i < Math.min(played.size(), shown * PAGE_SIZE); i++) {
            QueuedTrack track = played.get(i);
            text.append('`').append(i + 1).append(".` ").append(link(track)).append(" · ")
                    .append(track.stream() ? "live" : time(track.lengthMs())).append(" · ").append(requester(track)).append('\n');
        }
        return new Card("📜 Played lately", null, text.toString().strip(), null, List.of(),
                "Page " + shown + "/" + pages + " · " + played.size() + (played.size() == 1 ? " track" : " tracks") + ", newest first");
    }

    /**
     * The now-playing message's buttons while something plays: pause or resume, skip, stop, the
     * loop mode (highlighted when on) and shuffle (off with fewer than two tracks waiting).
     */
    static List<Control> controls(boolean paused, LoopMode loop, int queued) {
        return List.of(
                new Control(MusicControls.customId(MusicControls.Action.PAUSE), paused ? "▶️" : "⏸️", paused ? "Resume" : "Pause", paused, false),
                new Control(MusicControls.customId(MusicControls.Action.SKIP), "⏭️", "Skip", false, false),
                new Control(MusicControls.customId(MusicControls.Action.STOP), "⏹️", "Stop", false, false),
                new Control(MusicControls.customId(MusicControls.Action.LOOP), loop == LoopMode.TRACK ? "🔂" : "🔁", "Loop: " + loop.key(),
                        loop != LoopMode.OFF, false),
                new Control(MusicControls.customId(MusicControls.Action.SHUFFLE), "🔀", "Shuffle", false, queued < 2));
    }

    /** Where a track came from, by Lavalink's source name (LavaSrc's included), for people. */
    static String source(String sourceName) {
        return switch (sourceName) {
            case "youtube" -> "YouTube";
            case "soundcloud" -> "SoundCloud";
            case "bandcamp" -> "Bandcamp";
            case "spotify" -> "Spotify";
            case "applemusic" -> "Apple Music";
            case "deezer" -> "Deezer";
            case "http" -> "a web link";
            default -> clip(sourceName, 40);
        };
    }

    /** Who asked for a track: a mention, or autoplay. */
    static String requester(QueuedTrack track) {
        return track.requesterId() == Autoplay.REQUESTER ? "♾️ autoplay" : "<@" + track.requesterId() + ">";
    }

    static String voiceStatus(QueuedTrack track) {
        return "🎶 " + track.title() + " — " + track.author();
    }

    /** A track as a Markdown link (title alone when it has no URI). */
    static String link(QueuedTrack track) {
        String title = escape(clip(track.title(), 80));
        String uri = linkable(track.uri(), MAX_LINK);
        return uri == null ? "**" + title + "**" : "[" + title + "](" + uri + ")";
    }

    /** {@code uri} when it is a web address of at most {@code max} characters that Markdown can link, else null. */
    static @Nullable String linkable(@Nullable String uri, int max) {
        if (uri == null || uri.length() > max || !(uri.startsWith("https://") || uri.startsWith("http://"))
                || uri.chars().anyMatch(c -> c == ')' || c == ' ' || c < 0x20)) {
            return null;
        }
        return uri;
    }

    static String progress(QueuedTrack track, long positionMs) {
        if (track.stream()) {
            return "🔴 live · " + time(positionMs);
        }
        int filled = track.lengthMs() == 0 ? 0 : (int) Math.min(BAR_LENGTH - 1, positionMs * BAR_LENGTH / track.lengthMs());
        return "`" + "▬".repeat(filled) + "🔘" + "▬".repeat(BAR_LENGTH - 1 - filled) + "` " + time(positionMs) + " / " + time(track.lengthMs());
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    static String time(long ms) {
        long seconds = Math.max(0, ms) / 1000;
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    }

    /** A duration for people: "10 minutes", "30 seconds". */
    static String duration(long ms) {
        long seconds = ms / 1000;
        if (seconds % 60 != 0 || seconds < 60) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = seconds / 60;
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }

    /** Parses "90", "1:30" or "1:02:03" into ms; -1 when it is none of those. */
    static long parseTime(String text) {
        String[] parts = text.strip().split(":", -1);
        if (parts.length > 3) {
            return -1;
        }
        long total = 0;
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].matches("\\d{1,6}") || (i > 0 && parts[i].length() > 2)) {
                return -1;
            }
            long value = Long.parseLong(parts[i]);
            if (i > 0 && value >= 60) {
                return -1;
            }
            total = total * 60 + value;
        }
        return total * 1000;
    }

    /** Keeps Markdown in titles from formatting (or linking) anything. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if ("\\*_~`|>[]()".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String footer(List<QueuedTrack> queue, LoopMode loop, int volume, FilterPreset filter) {
        List<String> parts = new ArrayList<>();
        parts.add(queue.size() + (queue.size() == 1 ? " track queued" : " tracks queued"));
        parts.add("loop " + loop.key());
        parts.add("volume " + volume + "%");
        if (filter != FilterPreset.OFF) {
            parts.add("filter " + filter.label().toLowerCase(java.util.Locale.ROOT));
        }
        return String.join(" · ", parts);
    }
}
