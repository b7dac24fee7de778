package dev.botty.voice.music;

import dev.botty.internal.CommandDefinition;
import dev.botty.internal.MusicCommands;
import dev.botty.internal.MusicReply;
import dev.botty.internal.MusicRequest;
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
    public CommandDefinition definition() {
        return MusicCommands.SKIP;
    }

    @Override
    Set<Requirement> requires() {
        return Set.of(Requirement.STEERING);
    }

    @Override
    CompletionStage<MusicReply> run(MusicRequest request, GuildMusic music) {
        return done(music.skip()
                .map(skipped -> {
                    QueuedTrack next = music.current();
                    return MusicReply.ok("⏭️ Skipped " + Cards.link(skipped) + "." + (next == null ? " The queue is empty now." : " Now playing " + Cards.link(next) + "."));
                })
                .orElse(MusicReply.refused("🔇 Nothing is playing, so there is nothing to skip.")));
    }
}
