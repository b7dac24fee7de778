package dev.botty.voice.music;

import dev.botty.internal.CommandDefinition;
import dev.botty.internal.MusicCommands;
import dev.botty.internal.MusicReply;
import dev.botty.internal.MusicRequest;
import dev.botty.voice.queue.QueuedTrack;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** {@code /history}: the tracks played lately, newest first (the last 50, kept across restarts); anyone may look. */
@Singleton
final class HistoryCommand extends GuildCommand {
    HistoryCommand(Jukebox jukebox) {
        super(jukebox);
    }

    @Override
    public CommandDefinition definition() {
        return MusicCommands.HISTORY;
    }

    @Override
    CompletionStage<MusicReply> run(MusicRequest request, GuildMusic music) {
        List<QueuedTrack> played = music.history();
        if (played.isEmpty()) {
            return done(MusicReply.refused("📜 Nothing has played here yet. `/play` something!"));
        }
        int pages = (played.size() + Cards.PAGE_SIZE - 1) / Cards.PAGE_SIZE;
        long page = request.integer("page").orElse(1);
        if (page < 1 || page > pages) {
            return done(MusicReply.refused("📄 There " + (pages == 1 ? "is 1 page" : "are " + pages + " pages") + " of history."));
        }
        return done(MusicReply.ok(Cards.historyPage(played, (int) page)));
    }
}
