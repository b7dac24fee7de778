package dev.botty.voice.music;

import dev.botty.internal.CommandDefinition;
import dev.botty.internal.MusicCommands;
import dev.botty.internal.MusicReply;
import dev.botty.internal.MusicRequest;
import dev.botty.internal.MusicSuggestions;
import dev.botty.lavalink.protocol.v4.Track;
import dev.botty.voice.queue.QueuedTrack;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * {@code /play}: loads a link or searches, joins the caller's channel when the bot is not there
 * yet, and queues what it found; suggests search results as the query is typed.
 */
@Singleton
final class PlayCommand extends GuildCommand {
    private static final int MAX_CHOICES = 10;
    private static final int CHOICE_LIMIT = 100;

    PlayCommand(Jukebox jukebox) {
        super(jukebox);
    }

    @Override
    public CommandDefinition definition() {
        return MusicCommands.PLAY;
    }

    @Override
    CompletionStage<MusicReply> run(MusicRequest request, GuildMusic music) {
        String query = request.option("query").map(String::strip).orElse("");
        if (query.isEmpty()) {
            return done(MusicReply.refused("🔍 Tell me what to play: a link, or words to search for."));
        }
        OptionalLong caller = voice.callerChannel(request);
        if (caller.isEmpty()) {
            return done(MusicReply.refused("🎧 Join a voice channel first, then ask me again."));
        }
        MusicReply busy = voice.busyElsewhere(request, music, caller.getAsLong());
        if (busy != null) {
            return done(busy);
        }
        if (music.room() <= 0) {
            return done(MusicReply.refused("📚 The queue is full (" + GuildMusic.MAX_QUEUE + " tracks)."));
        }
        return jukebox.load(request.guildId(), query, request.userId())
                .thenApply(loaded -> queue(request, music, caller.getAsLong(), loaded))
                .exceptionally(Voice::lavalinkTrouble);
    }

    private MusicReply queue(MusicRequest request, GuildMusic music, long callerChannel, TrackLoader.Loaded loaded) {
        return switch (loaded) {
            case TrackLoader.Loaded.Failed failed -> {
                jukebox.services().metrics().loadFailed();
                yield MusicReply.error("⚠️ I couldn't load that: " + Cards.clip(failed.message(), 300));
            }
            case TrackLoader.Loaded.NoMatches none -> {
                jukebox.services().metrics().loadFailed();
                yield MusicReply.refused("🔍 Nothing found for “" + Cards.clip(none.query(), 100) + "”." + note(none.note()));
            }
            case TrackLoader.Loaded.Tracks tracks -> {
                if (music.voiceChannelId() != callerChannel) {
                    MusicReply refusal = voice.busyElsewhere(request, music, callerChannel);
                    if (refusal == null) {
                        refusal = voice.joinCaller(request, music, callerChannel);
                    }
                    if (refusal != null) {
                        yield refusal;
                    }
                }
                yield queued(music.enqueue(tracks.tracks(), request.channelId()), tracks);
            }
        };
    }

    private static MusicReply queued(int position, TrackLoader.Loaded.Tracks loaded) {
        QueuedTrack first = loaded.tracks().getFirst();
        String what;
        if (loaded.playlistName() != null) {
            int added = Math.min(loaded.tracks().size(), GuildMusic.MAX_QUEUE);
            what = "📜 Queued " + added + (added == 1 ? " track" : " tracks") + " from **" + Cards.escape(loaded.playlistName()) + "**"
                    + (position == 0 ? ", starting with " + Cards.link(first) : "") + ".";
        } else if (position == 0) {
            what = "▶️ Playing " + Cards.link(first) + " by " + Cards.escape(first.author()) + " · " + length(first) + ".";
        } else {
            what = "➕ Queued " + Cards.link(first) + " · " + length(first) + " · #" + position + " in the queue.";
        }
        return MusicReply.ok(what + note(loaded.note()));
    }

    @Override
    public CompletionStage<List<MusicSuggestions.Choice>> suggest(MusicRequest request) {
        String typed = request.option("query").map(String::strip).orElse("");
        if (typed.length() < 2) {
            return CompletableFuture.completedFuture(List.of());
        }
        if (TrackLoader.isUrl(typed)) {
            return CompletableFuture.completedFuture(typed.length() <= CHOICE_LIMIT ? List.of(new MusicSuggestions.Choice(typed, typed)) : List.of());
        }
        return jukebox.suggestions(request.guildId(), typed)
                .thenApply(tracks -> tracks.stream().limit(MAX_CHOICES).map(PlayCommand::choice).flatMap(Optional::stream).toList())
                .exceptionally(failure -> List.of());
    }

    /** A search result as a choice: its title and length shown, its URL sent back (so /play loads exactly it). */
    private static Optional<MusicSuggestions.Choice> choice(Track track) {
        String uri = track.info().uri();
        if (uri == null || uri.length() > CHOICE_LIMIT) {
            return Optional.empty();
        }
        String length = track.info().isStream() ? "live" : Cards.time(track.info().length());
        String name = Cards.clip(track.info().title() + " — " + track.info().author(), CHOICE_LIMIT - length.length() - 3) + " · " + length;
        return Optional.of(new MusicSuggestions.Choice(name, uri));
    }

    private static String length(QueuedTrack track) {
        return track.stream() ? "live" : Cards.time(track.lengthMs());
    }

    private static String note(@Nullable String note) {
        return note == null ? "" : "\n-# " + Cards.clip(note, 300);
    }
}
