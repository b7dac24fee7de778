package dev.botty.voice.music;

import dev.botty.internal.CommandDefinition;
import dev.botty.internal.MusicCommands;
import dev.botty.internal.MusicReply;
import dev.botty.internal.MusicRequest;
import dev.botty.voice.queue.LoopMode;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** {@code /loop}: repeats nothing, the track or the whole queue. */
@Singleton
final class LoopCommand extends GuildCommand {
    LoopCommand(Jukebox jukebox) {
        super(jukebox);
    }

    @Override
    public CommandDefinition definition() {
        return MusicCommands.LOOP;
    }

    @Override
    Set<Requirement> requires() {
        return Set.of(Requirement.STEERING);
    }

    @Override
    CompletionStage<MusicReply> run(MusicRequest request, GuildMusic music) {
        return done(LoopMode.fromKey(request.option("mode").orElse(""))
                .map(mode -> {
                    music.loop(mode);
                    return MusicReply.ok(switch (mode) {
                        case OFF -> "➡️ Loop off.";
                        case TRACK -> "🔂 Looping this track.";
                        case QUEUE -> "🔁 Looping the queue.";
                    });
                })
                .orElse(MusicReply.refused("🔁 Loop `off`, `track` or `queue`.")));
    }
}
