package dev.botty.voice.music;

import dev.botty.internal.CommandDefinition;
import dev.botty.internal.MusicCommands;
import dev.botty.internal.MusicReply;
import dev.botty.internal.MusicRequest;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** {@code /resume}: carries on after {@code /pause}. */
@Singleton
final class ResumeCommand extends GuildCommand {
    ResumeCommand(Jukebox jukebox) {
        super(jukebox);
    }

    @Override
    public CommandDefinition definition() {
        return MusicCommands.RESUME;
    }

    @Override
    Set<Requirement> requires() {
        return Set.of(Requirement.STEERING, Requirement.SOMETHING_PLAYING);
    }

    @Override
    CompletionStage<MusicReply> run(MusicRequest request, GuildMusic music) {
        return done(PauseCommand.pause(music, false));
    }
}
