package dev.botty.voice.music;

import dev.botty.voice.command.MusicRequest;
import dev.botty.voice.command.Reply;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** {@code /remove}: Removes one track from the queue. */
@Singleton
final class RemoveCommand extends GuildCommand {
    RemoveCommand(Jukebox jukebox) {
        super(jukebox);
    }

    @Override
    public String name() {
        return "remove";
    }

    @Override
    Set<Requirement> requires() {
        return Set.of(Requirement.STEERING);
    }

    @Override
    CompletionStage<Reply> run(MusicRequest request, GuildMusic music) {
        Reply bad = Voice.badPosition(request, music.queue().size());
        if (bad != null) {
            return done(bad);
        }
        int position = (int) request.integer("position").getAsLong();
        return done(Reply.ok("🗑️ Removed " + Cards.link(music.remove(position)) + " from the queue."));
    }
}
