package dev.botty.voice.music;

import dev.botty.internal.CommandDefinition;
import dev.botty.internal.MusicCommands;
import dev.botty.internal.MusicReply;
import dev.botty.internal.MusicRequest;
import dev.botty.voice.queue.QueuedTrack;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** {@code /nowplaying}: the track playing and how far along it is; anyone may look. */
@Singleton
final class NowPlayingCommand extends GuildCommand {
    NowPlayingCommand(Jukebox jukebox) {
        super(jukebox);
    }

    @Override
    public CommandDefinition definition() {
        return MusicCommands.NOW_PLAYING;
    }

    @Override
    Set<Requirement> requires() {
        return Set.of(Requirement.SOMETHING_PLAYING);
    }

    @Override
    CompletionStage<MusicReply> run(MusicRequest request, GuildMusic music) {
        QueuedTrack current = music.current();
        return done(MusicReply.ok(Cards.nowPlaying(current, music.position(), music.isPaused(), music.queue(), music.loop(), music.volume(), music.filter())));
    }
}
