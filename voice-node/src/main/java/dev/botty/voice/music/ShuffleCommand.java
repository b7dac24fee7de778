package dev.botty.voice.music;

import dev.botty.voice.command.MusicRequest;
import dev.botty.voice.command.Reply;
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
    public String name() {
        return "shuffle";
    }

    @Override
    Set<Requirement> requires() {
        return Set.of(Requirement.STEERING);
    }

    @Override
    CompletionStage<Reply> run(MusicRequest request, GuildMusic music) {
        if (music.queue().size() < 2) {
            return done(Reply.refused("🔀 There's nothing to shuffle: the queue needs two tracks or more."));
        }
        int count = music.shuffle();
        return done(Reply.ok("🔀 Shuffled " + count + " tracks."));
    }
}
