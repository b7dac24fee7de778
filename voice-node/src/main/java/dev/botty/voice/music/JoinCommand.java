package dev.botty.voice.music;

import dev.botty.internal.CommandDefinition;
import dev.botty.internal.MusicCommands;
import dev.botty.internal.MusicReply;
import dev.botty.internal.MusicRequest;
import jakarta.inject.Singleton;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;

/** {@code /join}: the bot comes to the caller's voice channel. */
@Singleton
final class JoinCommand extends GuildCommand {
    JoinCommand(Jukebox jukebox) {
        super(jukebox);
    }

    @Override
    public CommandDefinition definition() {
        return MusicCommands.JOIN;
    }

    @Override
    CompletionStage<MusicReply> run(MusicRequest request, GuildMusic music) {
        OptionalLong caller = voice.callerChannel(request);
        if (caller.isEmpty()) {
            return done(MusicReply.refused("🎧 Join a voice channel first, then ask me again."));
        }
        if (music.voiceChannelId() == caller.getAsLong()) {
            return done(MusicReply.refused("🎧 I'm already here in <#" + caller.getAsLong() + ">."));
        }
        MusicReply busy = voice.busyElsewhere(request, music, caller.getAsLong());
        if (busy != null) {
            return done(busy);
        }
        MusicReply refusal = voice.joinCaller(request, music, caller.getAsLong());
        return done(refusal != null ? refusal : MusicReply.ok("🎧 Joining <#" + caller.getAsLong() + ">. `/play` something!"));
    }
}
