package dev.botty.voice.music;

import dev.botty.internal.CommandDefinition;
import dev.botty.internal.MusicCommands;
import dev.botty.internal.MusicReply;
import dev.botty.internal.MusicRequest;
import dev.botty.voice.queue.QueuedTrack;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** {@code /seek}: goes to a time in the track playing. */
@Singleton
final class SeekCommand extends GuildCommand {
    SeekCommand(Jukebox jukebox) {
        super(jukebox);
    }

    @Override
    public CommandDefinition definition() {
        return MusicCommands.SEEK;
    }

    @Override
    Set<Requirement> requires() {
        return Set.of(Requirement.STEERING, Requirement.SOMETHING_PLAYING);
    }

    @Override
    CompletionStage<MusicReply> run(MusicRequest request, GuildMusic music) {
        QueuedTrack current = music.current();
        long to = Cards.parseTime(request.option("time").orElse(""));
        if (to < 0) {
            return done(MusicReply.refused("⏱️ Give a time like `1:30`, `90` or `1:02:03`."));
        }
        if (!current.seekable() || current.stream()) {
            return done(MusicReply.refused("⏱️ This track can't be sought in."));
        }
        if (to >= current.lengthMs()) {
            return done(MusicReply.refused("⏱️ The track is only " + Cards.time(current.lengthMs()) + " long."));
        }
        music.seek(to);
        return done(MusicReply.ok("⏱️ Jumped to " + Cards.time(to) + " in " + Cards.link(current) + "."));
    }
}
