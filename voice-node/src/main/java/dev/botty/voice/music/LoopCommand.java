package dev.botty.voice.music;

import dev.botty.voice.command.MusicRequest;
import dev.botty.voice.command.Reply;
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
    public String name() {
        return "loop";
    }

    @Override
    Set<Requirement> requires() {
        return Set.of(Requirement.STEERING);
    }

    @Override
    CompletionStage<Reply> run(MusicRequest request, GuildMusic music) {
        return done(LoopMode.fromKey(request.option("mode").orElse(""))
                .map(mode -> {
                    music.loop(mode);
                    return Reply.ok(switch (mode) {
                        case OFF -> "➡️ Loop off.";
                        case TRACK -> "🔂 Looping this track.";
                        case QUEUE -> "🔁 Looping the queue.";
                    });
                })
                .orElse(Reply.refused("🔁 Loop `off`, `track` or `queue`.")));
    }
}
