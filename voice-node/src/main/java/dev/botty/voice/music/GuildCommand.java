package dev.botty.voice.music;

import dev.botty.internal.MusicReply;
import dev.botty.internal.MusicRequest;
import dev.botty.voice.command.MusicCommand;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * A music command on one guild's music, with what it needs before it runs declared rather than
 * checked in its body ({@link #requires()}). The rules every command shares: music needs the
 * caller in a voice channel; once the bot sits in one, only people in that channel steer it
 * (anyone may look at the queue); a guild has one bot channel at a time. Each command is one
 * class, a bean found by its definition's name.
 */
abstract class GuildCommand implements MusicCommand {
    /** What a command needs, checked in this order, each refused with its own plain answer. */
    enum Requirement {
        /** The bot is in a voice channel and the caller is in it with the bot. */
        STEERING,
        /** A track is playing or paused. */
        SOMETHING_PLAYING,
        /** The {@code position} option names a track waiting in the queue (1 is next). */
        QUEUE_POSITION,
        /** With {@code DJ_ROLE_ID} set, the caller has the role or queued the track playing. */
        DJ
    }

    final Jukebox jukebox;
    final Voice voice;

    GuildCommand(Jukebox jukebox) {
        this.jukebox = jukebox;
        this.voice = new Voice(jukebox);
    }

    /** What must hold before {@link #run(MusicRequest, GuildMusic)}; nothing by default. */
    Set<Requirement> requires() {
        return Set.of();
    }

    /** The command itself, on the guild's music, once {@link #requires()} holds. */
    abstract CompletionStage<MusicReply> run(MusicRequest request, GuildMusic music);

    @Override
    public final CompletionStage<MusicReply> run(MusicRequest request) {
        GuildMusic music = jukebox.guild(request.guildId());
        Set<Requirement> requires = requires();
        if (requires.contains(Requirement.STEERING)) {
            MusicReply refusal = voice.steeringRefusal(request, music);
            if (refusal != null) {
                return done(refusal);
            }
        }
        if (requires.contains(Requirement.DJ)) {
            MusicReply refusal = voice.djRefusal(request, music);
            if (refusal != null) {
                return done(refusal);
            }
        }
        if (requires.contains(Requirement.SOMETHING_PLAYING) && music.current() == null) {
            return done(MusicReply.refused("🔇 Nothing is playing."));
        }
        if (requires.contains(Requirement.QUEUE_POSITION)) {
            MusicReply refusal = badPosition(request, music.queue().size());
            if (refusal != null) {
                return done(refusal);
            }
        }
        return run(request, music);
    }

    /** The {@code position} option, once {@link Requirement#QUEUE_POSITION} has held. */
    static int position(MusicRequest request) {
        return (int) request.integer("position").getAsLong();
    }

    /** Null when the request's {@code position} names a track of a queue of {@code size}, else why not. */
    private static @Nullable MusicReply badPosition(MusicRequest request, int size) {
        OptionalLong position = request.integer("position");
        if (size == 0) {
            return MusicReply.refused("📭 The queue is empty.");
        }
        if (position.isEmpty() || position.getAsLong() < 1 || position.getAsLong() > size) {
            return MusicReply.refused("🔢 Pick a position from 1 to " + size + ": " + (size == 1 ? "there is 1 track" : "there are " + size + " tracks")
                    + " in the queue.");
        }
        return null;
    }

    static CompletionStage<MusicReply> done(MusicReply reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
