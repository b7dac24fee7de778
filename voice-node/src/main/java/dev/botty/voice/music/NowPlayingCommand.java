package dev.botty.voice.music;

import dev.botty.voice.command.MusicRequest;
import dev.botty.voice.command.Reply;
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
    public String name() {
        return "nowplaying";
    }

    @Override
    Set<Requirement> requires() {
        return Set.of(Requirement.SOMETHING_PLAYING);
    }

    @Override
    CompletionStage<Reply> run(MusicRequest request, GuildMusic music) {
        QueuedTrack current = music.current();
        return done(Reply.ok(Cards.nowPlaying(current, music.position(), music.isPaused(), music.queue(), music.loop(), music.volume())));
    }
}
