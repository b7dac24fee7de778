package dev.botty.voice.music;

import dev.botty.internal.CommandDefinition;
import dev.botty.internal.MusicCommands;
import dev.botty.internal.MusicReply;
import dev.botty.internal.MusicRequest;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** {@code /autoplay on|off}: when the queue runs out, a related track not played lately plays next. */
@Singleton
final class AutoplayCommand extends GuildCommand {
    AutoplayCommand(Jukebox jukebox) {
        super(jukebox);
    }

    @Override
    public CommandDefinition definition() {
        return MusicCommands.AUTOPLAY;
    }

    @Override
    Set<Requirement> requires() {
        return Set.of(Requirement.STEERING);
    }

    @Override
    CompletionStage<MusicReply> run(MusicRequest request, GuildMusic music) {
        String mode = request.option("mode").orElse("");
        if (!mode.equals("on") && !mode.equals("off")) {
            return done(MusicReply.refused("♾️ Autoplay is on or off."));
        }
        boolean on = mode.equals("on");
        if (on == music.autoplay()) {
            return done(MusicReply.refused("♾️ Autoplay is " + mode + " already."));
        }
        music.autoplay(on);
        return done(MusicReply.ok(on ? "♾️ Autoplay is on: when the queue runs out, I'll play something related that hasn't played lately."
                : "♾️ Autoplay is off: the music stops when the queue runs out."));
    }
}
