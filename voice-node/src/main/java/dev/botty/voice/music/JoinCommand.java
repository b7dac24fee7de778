package dev.botty.voice.music;

import dev.botty.voice.command.MusicRequest;
import dev.botty.voice.command.Reply;
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
    public String name() {
        return "join";
    }

    @Override
    CompletionStage<Reply> run(MusicRequest request, GuildMusic music) {
        OptionalLong caller = voice.callerChannel(request);
        if (caller.isEmpty()) {
            return done(Reply.refused("🎧 Join a voice channel first, then ask me again."));
        }
        if (music.voiceChannelId() == caller.getAsLong()) {
            return done(Reply.refused("🎧 I'm already here in <#" + caller.getAsLong() + ">."));
        }
        Reply busy = voice.busyElsewhere(request, music, caller.getAsLong());
        if (busy != null) {
            return done(busy);
        }
        Reply refusal = voice.joinCaller(request, music, caller.getAsLong());
        return done(refusal != null ? refusal : Reply.ok("🎧 Joining <#" + caller.getAsLong() + ">. `/play` something!"));
    }
}
