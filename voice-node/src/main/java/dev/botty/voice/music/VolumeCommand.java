package dev.botty.voice.music;

import dev.botty.voice.command.MusicRequest;
import dev.botty.voice.command.Reply;
import jakarta.inject.Singleton;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** {@code /volume}: sets the volume, 0 to 200 percent. */
@Singleton
final class VolumeCommand extends GuildCommand {
    VolumeCommand(Jukebox jukebox) {
        super(jukebox);
    }

    @Override
    public String name() {
        return "volume";
    }

    @Override
    Set<Requirement> requires() {
        return Set.of(Requirement.STEERING);
    }

    @Override
    CompletionStage<Reply> run(MusicRequest request, GuildMusic music) {
        OptionalLong level = request.integer("level");
        if (level.isEmpty() || level.getAsLong() < 0 || level.getAsLong() > 200) {
            return done(Reply.refused("🔊 Pick a volume from 0 to 200 (100 is normal)."));
        }
        music.volume((int) level.getAsLong());
        return done(Reply.ok((level.getAsLong() == 0 ? "🔇" : "🔊") + " Volume " + level.getAsLong() + "%."));
    }
}
