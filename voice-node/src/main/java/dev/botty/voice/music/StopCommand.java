package dev.botty.voice.music;

import dev.botty.internal.CommandDefinition;
import dev.botty.internal.MusicCommands;
import dev.botty.internal.MusicReply;
import dev.botty.internal.MusicRequest;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** {@code /stop}: stop playing and clear the queue; the bot stays a while in case more is wanted. */
@Singleton
final class StopCommand extends GuildCommand {
    StopCommand(Jukebox jukebox) {
        super(jukebox);
    }

    @Override
    public CommandDefinition definition() {
        return MusicCommands.STOP;
    }

    @Override
    Set<Requirement> requires() {
        return Set.of(Requirement.STEERING, Requirement.DJ);
    }

    @Override
    CompletionStage<MusicReply> run(MusicRequest request, GuildMusic music) {
        int dropped = music.stop();
        return done(MusicReply.ok("⏹️ Stopped" + (dropped > 0 ? " and cleared " + dropped + (dropped == 1 ? " track" : " tracks") : "")
                + ". I'll stay " + Cards.duration(jukebox.services().idleTimeout().toMillis()) + " in case you want more."));
    }
}
