package dev.botty.voice.music;

import dev.botty.internal.CommandDefinition;
import dev.botty.internal.MusicCommands;
import dev.botty.internal.MusicReply;
import dev.botty.internal.MusicRequest;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** {@code /shuffle}: shuffles what is queued after the current track. */
@Singleton
final class ShuffleCommand extends GuildCommand {
    ShuffleCommand(Jukebox jukebox) {
        super(jukebox);
    }

    @Override
    public CommandDefinition definition() {
        return MusicCommands.SHUFFLE;
    }

    @Override
    Set<Requirement> requires() {
        return Set.of(Requirement.STEERING);
    }

    @Override
    CompletionStage<MusicReply> run(MusicRequest request, GuildMusic music) {
        if (music.queue().size() < 2) {
            return done(MusicReply.refused("🔀 There's nothing to shuffle: the queue needs two tracks or more."));
        }
        int count = music.shuffle();
        return done(MusicReply.ok("🔀 Shuffled " + count + " tracks."));
    }
}
