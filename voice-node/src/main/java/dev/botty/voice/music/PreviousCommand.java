package dev.botty.voice.music;

import dev.botty.internal.CommandDefinition;
import dev.botty.internal.MusicCommands;
import dev.botty.internal.MusicReply;
import dev.botty.internal.MusicRequest;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** {@code /previous}: the track before this one plays again from its start; this one waits first in the queue. */
@Singleton
final class PreviousCommand extends GuildCommand {
    PreviousCommand(Jukebox jukebox) {
        super(jukebox);
    }

    @Override
    public CommandDefinition definition() {
        return MusicCommands.PREVIOUS;
    }

    @Override
    Set<Requirement> requires() {
        return Set.of(Requirement.STEERING);
    }

    @Override
    CompletionStage<MusicReply> run(MusicRequest request, GuildMusic music) {
        boolean wasPlaying = music.current() != null;
        return done(music.previous()
                .map(track -> MusicReply.ok("⏮️ Back to " + Cards.link(track) + "." + (wasPlaying ? " What was playing is next in the queue." : "")))
                .orElse(MusicReply.refused("📜 Nothing played before this. `/history` shows what did.")));
    }
}
