package dev.botty.voice.music;

import dev.botty.internal.CommandDefinition;
import dev.botty.internal.MusicCommands;
import dev.botty.internal.MusicReply;
import dev.botty.internal.MusicRequest;
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
    public CommandDefinition definition() {
        return MusicCommands.VOLUME;
    }

    @Override
    Set<Requirement> requires() {
        return Set.of(Requirement.STEERING, Requirement.DJ);
    }

    @Override
    CompletionStage<MusicReply> run(MusicRequest request, GuildMusic music) {
        OptionalLong level = request.integer("level");
        if (level.isEmpty() || level.getAsLong() < 0 || level.getAsLong() > 200) {
            return done(MusicReply.refused("🔊 Pick a volume from 0 to 200 (100 is normal)."));
        }
        music.volume((int) level.getAsLong());
        return done(MusicReply.ok((level.getAsLong() == 0 ? "🔇" : "🔊") + " Volume " + level.getAsLong() + "%."));
    }
}
