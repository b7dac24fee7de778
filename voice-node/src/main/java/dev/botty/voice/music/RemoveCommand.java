package dev.botty.voice.music;

import dev.botty.voice.command.MusicRequest;
import dev.botty.voice.command.Reply;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** {@code /remove}: removes one track from the queue. */
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
        return Set.of(Requirement.STEERING, Requirement.QUEUE_POSITION);
    }

    @Override
    CompletionStage<Reply> run(MusicRequest request, GuildMusic music) {
        return done(Reply.ok("🗑️ Removed " + Cards.link(music.remove(position(request))) + " from the queue."));
    }
}
