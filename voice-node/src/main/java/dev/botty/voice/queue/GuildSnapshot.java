package dev.botty.voice.queue;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One guild's music as it is stored, so that a restarted node picks it up where it was. Settings
 * ({@code loop}, {@code volume}) outlive the queue: a guild whose bot left keeps them.
 *
 * @param guildId             the guild
 * @param voiceChannelId      the voice channel the bot sits in, 0 when it is not in voice
 * @param textChannelId       where "now playing" is posted, 0 for nowhere yet
 * @param nowPlayingMessageId the "now playing" message to edit in place, 0 for none
 * @param current             the track playing (or paused), null when nothing plays
 * @param positionMs          how far along {@code current} is
 * @param paused              whether playback is paused
 * @param queue               the tracks waiting after {@code current}, in order
 * @param loop                the loop mode
 * @param volume              percent, 0–200
 * @param filter              the sound filter on, {@link FilterPreset#OFF} for none
 * @param autoplay            whether a related track is queued when the queue runs out
 */
public record GuildSnapshot(long guildId, long voiceChannelId, long textChannelId, long nowPlayingMessageId,
                            @Nullable QueuedTrack current, long positionMs, boolean paused, List<QueuedTrack> queue,
                            LoopMode loop, int volume, FilterPreset filter, boolean autoplay) {
    public static final int DEFAULT_VOLUME = 100;

    public GuildSnapshot {
        queue = List.copyOf(queue);
    }

    /** A snapshot without a sound filter or autoplay. */
    public GuildSnapshot(long guildId, long voiceChannelId, long textChannelId, long nowPlayingMessageId, @Nullable QueuedTrack current,
                         long positionMs, boolean paused, List<QueuedTrack> queue, LoopMode loop, int volume) {
        this(guildId, voiceChannelId, textChannelId, nowPlayingMessageId, current, positionMs, paused, queue, loop, volume, FilterPreset.OFF);
    }

    /** A snapshot without autoplay. */
    public GuildSnapshot(long guildId, long voiceChannelId, long textChannelId, long nowPlayingMessageId, @Nullable QueuedTrack current,
                         long positionMs, boolean paused, List<QueuedTrack> queue, LoopMode loop, int volume, FilterPreset filter) {
        this(guildId, voiceChannelId, textChannelId, nowPlayingMessageId, current, positionMs, paused, queue, loop, volume, filter, false);
    }

    /** A guild botty has never played in. */
    public static GuildSnapshot fresh(long guildId) {
        return new GuildSnapshot(guildId, 0, 0, 0, null, 0, false, List.of(), LoopMode.OFF, DEFAULT_VOLUME);
    }

    /** Whether anything should come back after a restart: in voice, or with music to play. */
    public boolean active() {
        return voiceChannelId != 0 || current != null || !queue.isEmpty();
    }
}
