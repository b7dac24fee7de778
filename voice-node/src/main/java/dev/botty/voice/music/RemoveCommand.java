package dev.botty.voice.music;

import dev.botty.internal.CommandDefinition;
import dev.botty.internal.MusicCommands;
import dev.botty.internal.MusicReply;
import dev.botty.internal.MusicRequest;
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
    public CommandDefinition definition() {
        return MusicCommands.REMOVE;
    }

    @Override
    Set<Requirement> requires() {
        return Set.of(Requirement.STEERING, Requirement.DJ, Requirement.QUEUE_POSITION);
    }

    @Override
    CompletionStage<MusicReply> run(MusicRequest request, GuildMusic music) {
        return done(MusicReply.ok("🗑️ Removed " + Cards.link(music.remove(position(request))) + " from the queue."));
    }
}
