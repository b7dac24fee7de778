package dev.botty.voice.music;

import dev.botty.internal.MusicReply;
import dev.botty.lavalink.LavalinkNode;
import dev.botty.lavalink.PlayerSnapshot;
import dev.botty.lavalink.protocol.v4.Player;
import dev.botty.lavalink.protocol.v4.PlayerState;
import dev.botty.lavalink.protocol.v4.PlayerUpdate;
import dev.botty.lavalink.protocol.v4.TrackEndEvent;
import dev.botty.lavalink.protocol.v4.VoiceState;
import dev.botty.voice.gateway.VoiceConnectionUpdate;
import dev.botty.voice.queue.FilterPreset;
import dev.botty.voice.queue.GuildSnapshot;
import dev.botty.voice.queue.LoopMode;
import dev.botty.voice.queue.QueuedTrack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One guild's music: its queue, what plays, and the player loop. Commands change it; Lavalink's
 * events (a track started, ended, failed, got stuck) and Discord's voice events (the bot joined,
 * moved, was disconnected, was left alone) move it along. Every change is stored.
 *
 * <p>All state is guarded by this object's lock; Lavalink and Discord are only ever asked
 * asynchronously, so nothing waits on the network while holding it. Lavalink's answers to our
 * own requests come back as events which are matched against {@link #current} by the encoded
 * track, so that an event about a track we already moved past is ignored.
 */
final class GuildMusic {
    static final int MAX_QUEUE = 1_000;
    /** How often, at most, a playing guild's position is written to the store. */
    private static final Duration POSITION_SAVE_INTERVAL = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(GuildMusic.class);

    private final long guildId;
    private final MusicServices services;

    private long voiceChannelId;
    private long textChannelId;
    private long nowPlayingMessageId;
    private final QueueState state;
    /** Whether Lavalink has been given {@link #current} (so it plays, or will once voice connects). */
    private boolean onPlayer;
    private int volume;
    private FilterPreset filter;
    private boolean autoplay;
    /** Who voted to skip the current track (with a DJ role set); a new track starts a new vote. */
    private final java.util.Set<Long> skipVotes = new java.util.HashSet<>();
    private @Nullable VoiceState voice;
    private @Nullable Instant idleSince;
    private @Nullable Instant aloneSince;
    private Instant positionSavedAt = Instant.EPOCH;
    /** The last request to Lavalink for this guild; the next waits for it. */
    private CompletableFuture<?> lavalinkQueue = CompletableFuture.completedFuture(null);
    /** Set while the bot asks to be back in its channel after a restart, until Discord hands over the voice connection. */
    private @Nullable Instant rejoiningSince;

    GuildMusic(GuildSnapshot snapshot, List<QueuedTrack> history, MusicServices services) {
        this.guildId = snapshot.guildId();
        this.services = services;
        this.voiceChannelId = snapshot.voiceChannelId();
        this.textChannelId = snapshot.textChannelId();
        this.nowPlayingMessageId = snapshot.nowPlayingMessageId();
        Instant now = services.clock().instant();
        this.state = new QueueState(MAX_QUEUE, snapshot.current(), snapshot.queue(), snapshot.loop(), snapshot.positionMs(), snapshot.paused(), now,
                history);
        this.volume = snapshot.volume();
        this.filter = snapshot.filter();
        this.autoplay = snapshot.autoplay();
        if (voiceChannelId != 0 && (state.current() == null || state.paused())) {
            idleSince = now;
        }
    }

    long guildId() {
        return guildId;
    }

    synchronized long voiceChannelId() {
        return voiceChannelId;
    }

    synchronized GuildSnapshot snapshot() {
        return new GuildSnapshot(guildId, voiceChannelId, textChannelId, nowPlayingMessageId, state.current(), position(), state.paused(),
                state.queue(), state.loop(), volume, filter, autoplay);
    }

    /** The player as Lavalink must re-create it on another node; empty when there is no player. */
    synchronized Optional<PlayerSnapshot> playerSnapshot() {
        if (state.current() == null && voice == null) {
            return Optional.empty();
        }
        return Optional.of(new PlayerSnapshot(state.current() == null ? null : TrackLoader.lavalinkTrack(state.current()), position(), volume, state.paused(),
                voice, null));
    }

    synchronized boolean playing() {
        return state.current() != null && !state.paused();
    }

    synchronized @Nullable QueuedTrack current() {
        return state.current();
    }

    synchronized boolean isPaused() {
        return state.paused();
    }

    synchronized List<QueuedTrack> queue() {
        return state.queue();
    }

    synchronized LoopMode loop() {
        return state.loop();
    }

    synchronized int volume() {
        return volume;
    }

    /** Where the current track is now: the last position Lavalink reported, moved on by the time since. */
    synchronized long position() {
        return state.position(services.clock().instant());
    }

    // ---- Commands ------------------------------------------------------------------------------

    /** The bot was asked into {@code channelId} (a join is under way); later answers go to {@code textChannel}. */
    synchronized void joining(long channelId, long textChannel) {
        voiceChannelId = channelId;
        useTextChannel(textChannel);
        if (state.current() == null || state.paused()) {
            idleSince = services.clock().instant();
        }
        persist();
    }

    /** Adds tracks and starts playing if nothing plays. Returns the queue position of the first (0 = playing now). */
    synchronized int enqueue(List<QueuedTrack> tracks, long textChannel) {
        useTextChannel(textChannel);
        QueueState.Enqueued added = state.enqueue(tracks);
        if (added.startNow() != null) {
            play(added.startNow(), 0, false);
        }
        persist();
        return added.position();
    }

    synchronized int room() {
        return state.room();
    }

    /** Skips the current track; with loop=queue it goes to the end. Returns the skipped track. */
    synchronized Optional<QueuedTrack> skip() {
        QueuedTrack skipped = state.current();
        if (skipped == null) {
            return Optional.empty();
        }
        advance(false);
        return Optional.of(skipped);
    }

    /** Stops playback and clears the queue; the bot stays. Returns how many tracks were dropped (the current one included). */
    synchronized int stop() {
        boolean wasPlaying = state.current() != null;
        int dropped = state.clear();
        if (wasPlaying) {
            stopOnPlayer();
        }
        nothingPlaying("⏹️ Stopped");
        persist();
        return dropped;
    }

    /** Plays queue entry {@code position} (1-based) now, dropping those before it (or, with loop=queue, moving them to the end). */
    synchronized QueuedTrack jump(int position) {
        QueuedTrack target = state.jump(position);
        play(target, 0, false);
        persist();
        return target;
    }

    /** Plays the track before the current one again; the current one waits first in the queue. Empty when nothing played before. */
    synchronized Optional<QueuedTrack> previous() {
        Optional<QueuedTrack> before = state.previous();
        before.ifPresent(track -> {
            play(track, 0, false);
            persist();
        });
        return before;
    }

    /** What played lately, newest first. */
    synchronized List<QueuedTrack> history() {
        return state.history();
    }

    synchronized QueuedTrack remove(int position) {
        QueuedTrack removed = state.remove(position);
        persist();
        return removed;
    }

    synchronized void pause(boolean pause) {
        Instant now = services.clock().instant();
        if (!state.pause(pause, now)) {
            return;
        }
        idleSince = pause ? now : null;
        update(PlayerUpdate.builder().paused(pause).build());
        announce();
        persist();
    }

    synchronized void seek(long toMs) {
        if (state.current() == null) {
            return;
        }
        state.seek(toMs, services.clock().instant());
        update(PlayerUpdate.builder().position(toMs).build());
        persist();
    }

    synchronized void volume(int percent) {
        volume = percent;
        if (onPlayer || voice != null) {
            update(PlayerUpdate.builder().volume(percent).build());
        }
        persist();
    }

    /** The sound filter from now on: given to Lavalink at once when there is a player, and with every track. */
    synchronized void filter(FilterPreset preset) {
        filter = preset;
        if (onPlayer || voice != null) {
            update(PlayerUpdate.builder().filters(Filters.lavalink(preset)).build());
        }
        announce();
        persist();
    }

    synchronized FilterPreset filter() {
        return filter;
    }

    /**
     * {@code userId} votes to skip the current track, a majority of the {@code people} in the
     * channel being needed: when it is reached the track is skipped. Returns the votes so far (the skipped track, if it was).
     */
    synchronized SkipVote voteSkip(long userId, int people) {
        int needed = people / 2 + 1;
        QueuedTrack voted = state.current();
        if (voted == null) {
            return new SkipVote(0, needed, people, null);
        }
        skipVotes.add(userId);
        int votes = skipVotes.size();
        if (votes >= needed) {
            skipVotes.clear();
            advance(false);
            return new SkipVote(votes, needed, people, voted);
        }
        return new SkipVote(votes, needed, people, null);
    }

    /** Where a vote to skip stands among {@code people}; {@code skipped} is the track skipped when it passed. */
    record SkipVote(int votes, int needed, int people, @Nullable QueuedTrack skipped) {
        /** What the voter is told while the vote is open. */
        MusicReply counted() {
            return MusicReply.ok("🗳️ Your vote to skip counts: " + votes + " of the " + needed + " needed.");
        }
    }

    /** Whether a related track is queued when the queue runs out. */
    synchronized void autoplay(boolean on) {
        autoplay = on;
        persist();
    }

    synchronized boolean autoplay() {
        return autoplay;
    }

    synchronized int shuffle() {
        int count = state.shuffle(ThreadLocalRandom.current());
        persist();
        return count;
    }

    synchronized void loop(LoopMode mode) {
        state.loop(mode);
        announce();
        persist();
    }

    /**
     * Leaves voice and forgets the queue: the bot was asked to, was idle or alone too long, or was
     * disconnected by someone else. Settings (loop, volume) stay.
     */
    synchronized void leave(String why) {
        long channel = voiceChannelId;
        state.clear();
        onPlayer = false;
        voice = null;
        voiceChannelId = 0;
        idleSince = null;
        aloneSince = null;
        if (channel != 0) {
            // Cleared while the bot still sits there: Discord lets it change the status only then.
            services.notices().voiceStatus(guildId, channel, "");
            services.gateway().leave(guildId);
        }
        inOrder(() -> services.cluster().destroyPlayer(guildId)).exceptionally(failure -> {
            LOG.debug("guild {}: destroying the player failed: {}", guildId, failure.getMessage());
            return null;
        });
        editNowPlaying(Cards.left(why), List.of());
        persist();
    }

    /** The bot asks to be back in its channel after a restart; a disconnect on the way there is part of it. */
    synchronized void rejoining() {
        rejoiningSince = services.clock().instant();
    }

    synchronized boolean isRejoining() {
        return rejoiningSince != null;
    }

    /** Whether a rejoin asked for at start has had no answer for {@code patience}. */
    synchronized boolean rejoinExpired(Instant now, Duration patience) {
        return rejoiningSince != null && !now.isBefore(rejoiningSince.plus(patience));
    }

    /** The bot is not in voice any more (and did not leave by the idle rule or a command): the queue waits. */
    synchronized void leftVoice() {
        rejoiningSince = null;
        voiceChannelId = 0;
        voice = null;
        onPlayer = false;
        state.halted();
        idleSince = null;
        aloneSince = null;
        persist();
    }

    // ---- Voice ---------------------------------------------------------------------------------

    /** Discord told where the bot's voice connection is: hand it to Lavalink, and start what should play. */
    synchronized void onVoice(VoiceConnectionUpdate update) {
        rejoiningSince = null;
        voice = new VoiceState(update.token(), update.endpoint(), update.sessionId(), Long.toString(update.channelId()));
        voiceChannelId = update.channelId();
        update(PlayerUpdate.voice(voice));
        if (state.current() != null && !onPlayer) {
            play(state.current(), position(), true);
        } else if (state.current() != null && state.started()) {
            // The track started before Discord had the bot in the channel, so TrackStart could not set it.
            services.notices().voiceStatus(guildId, voiceChannelId, Cards.voiceStatus(state.current()));
        }
        persist();
    }

    synchronized void onBotMoved(long toChannelId) {
        long from = voiceChannelId;
        voiceChannelId = toChannelId;
        if (from != 0 && from != toChannelId) {
            services.notices().voiceStatus(guildId, from, "");
            if (state.current() != null) {
                services.notices().voiceStatus(guildId, toChannelId, Cards.voiceStatus(state.current()));
            }
        }
        persist();
    }

    synchronized void onAlone(boolean alone) {
        aloneSince = alone ? services.clock().instant() : null;
    }

    /** Why the bot should leave now, if it should: idle too long, or alone too long. */
    synchronized Optional<String> overdue(Instant now) {
        if (voiceChannelId == 0) {
            return Optional.empty();
        }
        if (aloneSince != null && !now.isBefore(aloneSince.plus(services.aloneTimeout()))) {
            return Optional.of("everyone left the channel");
        }
        if (idleSince != null && (state.current() == null || state.paused()) && !now.isBefore(idleSince.plus(services.idleTimeout()))) {
            return Optional.of("nothing played for " + Cards.duration(services.idleTimeout().toMillis()));
        }
        return Optional.empty();
    }

    /**
     * Lavalink kept this guild's player through the restart (its session resumed): when it holds
     * the track the store says is current, it plays on as it is — no track is given again, the
     * position is Lavalink's, and the voice connection Discord hands over next is passed to it.
     */
    synchronized void adopt(Player player) {
        QueuedTrack current = state.current();
        if (current == null || player.track() == null || !player.track().encoded().equals(current.encoded())) {
            return;
        }
        onPlayer = true;
        Instant now = services.clock().instant();
        state.reported(player.state().position(), now);
        if (!player.paused()) {
            state.started(now);
        }
    }

    /** After a restart or on a node that lost the player: give Lavalink the track again, where it was. */
    synchronized void replay() {
        if (state.current() != null && !onPlayer) {
            play(state.current(), position(), true);
        }
    }

    // ---- Lavalink events -------------------------------------------------------------------------

    synchronized void onTrackStart(String encoded) {
        if (state.current() == null || !state.current().encoded().equals(encoded)) {
            return;
        }
        Instant now = services.clock().instant();
        state.started(now);
        if (state.played(state.current())) {
            services.store().recordPlayed(guildId, state.current(), now);
        }
        if (!state.paused()) {
            idleSince = null;
        }
        services.metrics().trackStarted();
        announce();
        services.notices().voiceStatus(guildId, voiceChannelId, Cards.voiceStatus(state.current()));
    }

    synchronized void onTrackEnd(String encoded, TrackEndEvent.Reason reason) {
        services.metrics().trackEnded(reason);
        if (!reason.mayStartNext() || state.current() == null || !state.current().encoded().equals(encoded)) {
            return;
        }
        onPlayer = false;
        state.halted();
        if (reason == TrackEndEvent.Reason.LOAD_FAILED) {
            services.errors().accept("could not play " + state.current().title() + " (load failed)");
        }
        advance(reason == TrackEndEvent.Reason.FINISHED);
    }

    synchronized void onTrackException(String encoded, @Nullable String message) {
        if (state.current() != null && state.current().encoded().equals(encoded)) {
            services.errors().accept("Lavalink could not play " + state.current().title() + ": " + (message == null ? "no reason given" : message));
        }
        // Lavalink follows with a TrackEndEvent, which moves on.
    }

    synchronized void onTrackStuck(String encoded) {
        if (state.current() == null || !state.current().encoded().equals(encoded)) {
            return;
        }
        services.errors().accept(state.current().title() + " got stuck; skipped");
        // Not finished, so even with loop=track it is not played again: it would stick again.
        advance(false);
    }

    synchronized void onPlayerUpdate(PlayerState player) {
        if (state.current() == null) {
            return;
        }
        Instant now = services.clock().instant();
        state.reported(player.position(), now);
        if (Duration.between(positionSavedAt, now).compareTo(POSITION_SAVE_INTERVAL) >= 0) {
            positionSavedAt = now;
            services.store().savePosition(guildId, player.position());
        }
    }

    /** The player was lost with its node and could not be re-created: it is given again once a node is back. */
    synchronized void onPlayerLost() {
        onPlayer = false;
        state.halted();
    }

    // ---- The loop ------------------------------------------------------------------------------

    /**
     * Moves past the current track: {@code finished} (it played to its end) repeats it with
     * loop=track; with loop=queue it goes back at the end of the queue.
     */
    private void advance(boolean finished) {
        switch (state.next(finished)) {
            case QueueState.Next.Repeat repeat -> play(repeat.track(), 0, false);
            case QueueState.Next.Play next -> play(next.track(), 0, false);
            case QueueState.Next.Finished done -> {
                if (done.ended() != null && onPlayer) {
                    stopOnPlayer();
                }
                if (autoplay && done.ended() != null && voiceChannelId != 0) {
                    QueuedTrack ended = done.ended();
                    services.autoplay().next(guildId, ended, state.history()).whenComplete((found, failure) -> autoplayed(found));
                } else {
                    nothingPlaying("✅ Queue finished");
                }
            }
        }
        persist();
    }

    /** Autoplay's search is back: its track plays, unless something was queued meanwhile or the bot left. */
    private synchronized void autoplayed(@Nullable Optional<QueuedTrack> found) {
        if (state.current() != null || state.size() > 0) {
            return;
        }
        if (found == null || found.isEmpty() || !autoplay || voiceChannelId == 0) {
            nothingPlaying("✅ Queue finished");
            return;
        }
        QueueState.Enqueued added = state.enqueue(List.of(found.get()));
        if (added.startNow() != null) {
            play(added.startNow(), 0, false);
        }
        persist();
    }

    /** Gives Lavalink the track; {@code keepPaused} for a track picked up again (restart, lost node), else it plays. */
    private void play(QueuedTrack track, long fromMs, boolean keepPaused) {
        Instant now = services.clock().instant();
        if (state.current() != track) {
            skipVotes.clear();
        }
        state.playing(track, fromMs, keepPaused, now);
        idleSince = state.paused() ? now : null;
        onPlayer = true;
        PlayerUpdate.Builder update = PlayerUpdate.builder().track(TrackLoader.lavalinkTrack(track)).volume(volume).paused(state.paused());
        if (filter != FilterPreset.OFF) {
            // A new player (after a restart, on another node) has none; an existing one keeps them, and saying so again costs nothing.
            update.filters(Filters.lavalink(filter));
        }
        if (fromMs > 0 && track.seekable()) {
            update.position(fromMs);
        }
        send(update.build()).whenComplete((player, failure) -> {
                    if (failure != null) {
                        synchronized (this) {
                            if (state.current() == track) {
                                onPlayer = false;
                            }
                        }
                        LOG.warn("guild {}: could not start {}: {}", guildId, track.title(), failure.getMessage());
                        services.errors().accept("could not start " + track.title() + ": " + rootMessage(failure));
                    }
                });
    }

    private void stopOnPlayer() {
        onPlayer = false;
        state.halted();
        services.notices().voiceStatus(guildId, voiceChannelId, "");
        update(PlayerUpdate.stopTrack());
    }

    private void nothingPlaying(String headline) {
        idleSince = services.clock().instant();
        services.notices().voiceStatus(guildId, voiceChannelId, "");
        editNowPlaying(Cards.nothingPlaying(headline, services.idleTimeout()), List.of());
    }

    private void update(PlayerUpdate update) {
        send(update).exceptionally(failure -> {
            LOG.warn("guild {}: player update failed: {}", guildId, failure.getMessage());
            return null;
        });
    }

    /**
     * Sends a player update after every earlier one has been answered: two requests in flight
     * at once may reach Lavalink in either order, and a "stop" overtaken by the "play" before it
     * would leave the wrong track playing.
     */
    private CompletableFuture<?> send(PlayerUpdate update) {
        return inOrder(() -> services.cluster().nodeFor(guildId).thenCompose((LavalinkNode node) -> node.updatePlayer(guildId, update)));
    }

    private CompletableFuture<?> inOrder(java.util.function.Supplier<CompletableFuture<?>> request) {
        CompletableFuture<?> next = lavalinkQueue.handle((done, failed) -> null).thenCompose(ignored -> request.get());
        lavalinkQueue = next;
        return next;
    }

    /** Shows what plays in the "now playing" message, editing it in place. */
    private void announce() {
        if (state.current() != null) {
            editNowPlaying(nowPlayingCard(), controls());
        }
    }

    /** The now-playing card as it stands; the current track must be there. */
    synchronized MusicReply.Card nowPlayingCard() {
        return Cards.nowPlaying(state.current(), position(), state.paused(), state.queue(), state.loop(), volume, filter);
    }

    /** The now-playing message's buttons as they stand: none when nothing plays. */
    synchronized List<MusicReply.Control> controls() {
        return state.current() == null ? List.of() : Cards.controls(state.paused(), state.loop(), state.size());
    }

    private void editNowPlaying(MusicReply.Card card, List<MusicReply.Control> controls) {
        if (textChannelId == 0) {
            return;
        }
        long channel = textChannelId;
        services.notices().postOrEdit(channel, nowPlayingMessageId, card, controls).whenComplete((id, failure) -> {
            if (failure != null) {
                LOG.debug("guild {}: now-playing message not posted: {}", guildId, failure.getMessage());
                return;
            }
            synchronized (this) {
                if (textChannelId == channel && id != null && id != 0 && id != nowPlayingMessageId) {
                    nowPlayingMessageId = id;
                    persist();
                }
            }
        });
    }

    private void useTextChannel(long channel) {
        if (channel != 0 && channel != textChannelId) {
            textChannelId = channel;
            nowPlayingMessageId = 0;
        }
    }

    private void persist() {
        services.store().save(snapshot());
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause instanceof java.util.concurrent.CompletionException) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
