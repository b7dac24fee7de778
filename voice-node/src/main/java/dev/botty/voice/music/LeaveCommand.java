package dev.botty.voice.music;

import dev.botty.internal.CommandDefinition;
import dev.botty.internal.MusicCommands;
import dev.botty.internal.MusicReply;
import dev.botty.internal.MusicRequest;
import jakarta.inject.Singleton;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;

/** {@code /leave}: the bot leaves; someone outside its channel may send it away only when nobody listens. */
@Singleton
final class LeaveCommand extends GuildCommand {
    LeaveCommand(Jukebox jukebox) {
        super(jukebox);
    }

    @Override
    public CommandDefinition definition() {
        return MusicCommands.LEAVE;
    }

    @Override
    CompletionStage<MusicReply> run(MusicRequest request, GuildMusic music) {
        long botChannel = music.voiceChannelId();
        if (botChannel == 0) {
            return done(MusicReply.refused("🎧 I'm not in a voice channel."));
        }
        OptionalLong caller = voice.callerChannel(request);
        boolean callerThere = caller.isPresent() && caller.getAsLong() == botChannel;
        if (!callerThere && voice.gateway().hasListeners(request.guildId(), botChannel)) {
            return done(MusicReply.refused("🎧 Others are listening in <#" + botChannel + ">; join them to send me away."));
        }
        music.leave("<@" + request.userId() + "> asked me to");
        return done(MusicReply.ok("👋 Left <#" + botChannel + ">."));
    }
}
