package dev.botty.voice.music;

import dev.botty.internal.CommandDefinition;
import dev.botty.internal.MusicCommands;
import dev.botty.internal.MusicReply;
import dev.botty.internal.MusicRequest;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** {@code /pause}: pauses what is playing ({@code /resume} carries on). */
@Singleton
final class PauseCommand extends GuildCommand {
    PauseCommand(Jukebox jukebox) {
        super(jukebox);
    }

    @Override
    public CommandDefinition definition() {
        return MusicCommands.PAUSE;
    }

    @Override
    Set<Requirement> requires() {
        return Set.of(Requirement.STEERING, Requirement.SOMETHING_PLAYING);
    }

    @Override
    CompletionStage<MusicReply> run(MusicRequest request, GuildMusic music) {
        return done(pause(music, true));
    }

    /** Pauses or resumes, or says it already is. */
    static MusicReply pause(GuildMusic music, boolean pause) {
        if (music.isPaused() == pause) {
            return MusicReply.refused(pause ? "⏸️ Already paused; `/resume` to carry on." : "▶️ Already playing.");
        }
        music.pause(pause);
        return MusicReply.ok(pause ? "⏸️ Paused. `/resume` to carry on." : "▶️ Resumed " + Cards.link(music.current()) + ".");
    }
}
