package dev.botty.voice.music;

import dev.botty.voice.command.MusicRequest;
import dev.botty.voice.command.Reply;
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
    public String name() {
        return "pause";
    }

    @Override
    Set<Requirement> requires() {
        return Set.of(Requirement.STEERING, Requirement.SOMETHING_PLAYING);
    }

    @Override
    CompletionStage<Reply> run(MusicRequest request, GuildMusic music) {
        return done(pause(music, true));
    }

    /** Pauses or resumes, or says it already is. */
    static Reply pause(GuildMusic music, boolean pause) {
        if (music.isPaused() == pause) {
            return Reply.refused(pause ? "⏸️ Already paused; `/resume` to carry on." : "▶️ Already playing.");
        }
        music.pause(pause);
        return Reply.ok(pause ? "⏸️ Paused. `/resume` to carry on." : "▶️ Resumed " + Cards.link(music.current()) + ".");
    }
}
