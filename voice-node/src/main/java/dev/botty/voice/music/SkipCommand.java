package dev.botty.voice.music;

import dev.botty.voice.command.MusicRequest;
import dev.botty.voice.command.Reply;
import dev.botty.voice.queue.QueuedTrack;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** {@code /skip}: on to the next track. */
@Singleton
final class SkipCommand extends GuildCommand {
    SkipCommand(Jukebox jukebox) {
        super(jukebox);
    }

    @Override
    public String name() {
        return "skip";
    }

    @Override
    Set<Requirement> requires() {
        return Set.of(Requirement.STEERING);
    }

    @Override
    CompletionStage<Reply> run(MusicRequest request, GuildMusic music) {
        return done(music.skip()
                .map(skipped -> {
                    QueuedTrack next = music.current();
                    return Reply.ok("⏭️ Skipped " + Cards.link(skipped) + "." + (next == null ? " The queue is empty now." : " Now playing " + Cards.link(next) + "."));
                })
                .orElse(Reply.refused("🔇 Nothing is playing, so there is nothing to skip.")));
    }
}
