package dev.botty.voice.music;

import dev.botty.internal.CommandDefinition;
import dev.botty.internal.MusicCommands;
import dev.botty.internal.MusicReply;
import dev.botty.internal.MusicRequest;
import dev.botty.voice.queue.QueuedTrack;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** {@code /queue}: what is playing and a page of what comes next; anyone may look. */
@Singleton
final class QueueCommand extends GuildCommand {
    QueueCommand(Jukebox jukebox) {
        super(jukebox);
    }

    @Override
    public CommandDefinition definition() {
        return MusicCommands.QUEUE;
    }

    @Override
    CompletionStage<MusicReply> run(MusicRequest request, GuildMusic music) {
        QueuedTrack current = music.current();
        List<QueuedTrack> queue = music.queue();
        if (current == null && queue.isEmpty()) {
            return done(MusicReply.refused("📭 The queue is empty. `/play` something!"));
        }
        int page = (int) Math.min(Integer.MAX_VALUE, request.integer("page").orElse(1));
        int pages = Math.max(1, (queue.size() + Cards.PAGE_SIZE - 1) / Cards.PAGE_SIZE);
        if (page < 1 || page > pages) {
            return done(MusicReply.refused("📄 There " + (pages == 1 ? "is 1 page" : "are " + pages + " pages") + " of queue."));
        }
        return done(MusicReply.ok(Cards.queuePage(current, music.position(), music.isPaused(), queue, page, music.loop(), music.volume(), music.autoplay())));
    }
}
