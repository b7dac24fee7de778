package dev.botty.voice.music;

import dev.botty.voice.command.MusicRequest;
import dev.botty.voice.command.Reply;
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
    public String name() {
        return "resume";
    }

    @Override
    Set<Requirement> requires() {
        return Set.of(Requirement.STEERING, Requirement.SOMETHING_PLAYING);
    }

    @Override
    CompletionStage<Reply> run(MusicRequest request, GuildMusic music) {
        return done(PauseCommand.pause(music, false));
    }
}
