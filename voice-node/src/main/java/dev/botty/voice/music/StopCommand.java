package dev.botty.voice.music;

import dev.botty.voice.command.MusicRequest;
import dev.botty.voice.command.Reply;
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
    public String name() {
        return "stop";
    }

    @Override
    Set<Requirement> requires() {
        return Set.of(Requirement.STEERING);
    }

    @Override
    CompletionStage<Reply> run(MusicRequest request, GuildMusic music) {
        int dropped = music.stop();
        return done(Reply.ok("⏹️ Stopped" + (dropped > 0 ? " and cleared " + dropped + (dropped == 1 ? " track" : " tracks") : "")
                + ". I'll stay " + Cards.duration(jukebox.services().idleTimeout().toMillis()) + " in case you want more."));
    }
}
