package dev.botty.voice.music;

import dev.botty.internal.CommandDefinition;
import dev.botty.internal.MusicCommands;
import dev.botty.internal.MusicReply;
import dev.botty.internal.MusicRequest;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** {@code /jump}: jumps to a position in the queue, dropping what comes before it. */
@Singleton
final class JumpCommand extends GuildCommand {
    JumpCommand(Jukebox jukebox) {
        super(jukebox);
    }

    @Override
    public CommandDefinition definition() {
        return MusicCommands.JUMP;
    }

    @Override
    Set<Requirement> requires() {
        return Set.of(Requirement.STEERING, Requirement.DJ, Requirement.QUEUE_POSITION);
    }

    @Override
    CompletionStage<MusicReply> run(MusicRequest request, GuildMusic music) {
        return done(MusicReply.ok("⏩ Jumped to " + Cards.link(music.jump(position(request))) + "."));
    }
}
