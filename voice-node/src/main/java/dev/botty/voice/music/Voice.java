package dev.botty.voice.music;

import dev.botty.internal.MusicReply;
import dev.botty.internal.MusicRequest;
import dev.botty.lavalink.NodeUnavailableException;
import dev.botty.voice.gateway.JoinOutcome;
import dev.botty.voice.gateway.VoiceGateway;
import dev.botty.voice.queue.QueuedTrack;
import java.util.OptionalLong;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/** The voice rules the music commands share: who is where, joining, and who may steer. */
final class Voice {
    private final Jukebox jukebox;

    Voice(Jukebox jukebox) {
        this.jukebox = jukebox;
    }

    VoiceGateway gateway() {
        return jukebox.services().gateway();
    }

    /** The voice channel the caller sits in, if any. */
    OptionalLong callerChannel(MusicRequest request) {
        return gateway().memberChannel(request.guildId(), request.userId());
    }

    /** Null when the caller may steer the guild's music (in the bot's channel), else why not. */
    @Nullable MusicReply steeringRefusal(MusicRequest request, GuildMusic music) {
        long botChannel = music.voiceChannelId();
        if (botChannel == 0) {
            return MusicReply.refused("🎧 I'm not in a voice channel. `/play` something first.");
        }
        OptionalLong caller = callerChannel(request);
        if (caller.isEmpty() || caller.getAsLong() != botChannel) {
            return MusicReply.refused("🎧 Join me in <#" + botChannel + "> to do that.");
        }
        return null;
    }

    /**
     * Whether the caller may use the commands that belong to DJs: always without a DJ role; with
     * one, members who have it and whoever queued the track playing.
     */
    boolean isDj(MusicRequest request, GuildMusic music) {
        OptionalLong role = jukebox.services().djRoleId();
        if (role.isEmpty() || request.hasRole(role.getAsLong())) {
            return true;
        }
        QueuedTrack current = music.current();
        return current != null && current.requesterId() == request.userId();
    }

    /** The caller's vote to skip, counted among the people (not bots) in the bot's channel. */
    GuildMusic.SkipVote voteToSkip(MusicRequest request, GuildMusic music) {
        return music.voteSkip(request.userId(), Math.max(1, gateway().listeners(request.guildId(), music.voiceChannelId())));
    }

    /** Null when the caller may use a DJ's command, else why not. */
    @Nullable MusicReply djRefusal(MusicRequest request, GuildMusic music) {
        if (isDj(request, music)) {
            return null;
        }
        return MusicReply.refused("🎚️ That is for DJs (<@&" + jukebox.services().djRoleId().getAsLong() + ">) and whoever queued what is playing.");
    }

    /** Null when the bot may come to {@code callerChannel}; else it plays to others elsewhere and will not be pulled away. */
    @Nullable MusicReply busyElsewhere(MusicRequest request, GuildMusic music, long callerChannel) {
        long botChannel = music.voiceChannelId();
        if (botChannel != 0 && botChannel != callerChannel && music.current() != null
                && gateway().hasListeners(request.guildId(), botChannel)) {
            return MusicReply.refused("🎧 I'm playing in <#" + botChannel + ">: join me there.");
        }
        return null;
    }

    /** Asks Discord to put the bot in the caller's channel; null when under way, else why not. */
    @Nullable MusicReply joinCaller(MusicRequest request, GuildMusic music, long channel) {
        JoinOutcome outcome = gateway().join(request.guildId(), channel);
        return switch (outcome) {
            case REQUESTED, ALREADY_THERE -> {
                music.joining(channel, request.channelId());
                yield null;
            }
            case NO_PERMISSION -> MusicReply.refused("🔒 I'm not allowed to join <#" + channel + ">: I need the View Channel and Connect permissions there.");
            case CHANNEL_FULL -> MusicReply.refused("🚪 <#" + channel + "> is full.");
            case NOT_A_VOICE_CHANNEL -> MusicReply.refused("🎧 I can't find your voice channel; try again in a moment.");
            case UNKNOWN_GUILD -> MusicReply.error("⚠️ This server isn't on my voice connection yet; try again in a minute.");
        };
    }

    /** What the caller is told when Lavalink failed them. */
    static MusicReply lavalinkTrouble(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof NodeUnavailableException) {
            return MusicReply.error("🔌 The music server is unreachable right now; try again in a minute.");
        }
        return MusicReply.error("⚠️ Something went wrong talking to the music server: " + Cards.clip(String.valueOf(cause.getMessage()), 300));
    }
}
