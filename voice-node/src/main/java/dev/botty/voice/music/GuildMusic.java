package dev.botty.voice.music;

import dev.botty.lavalink.LavalinkNode;
import dev.botty.lavalink.PlayerSnapshot;
import dev.botty.lavalink.protocol.v4.PlayerState;
import dev.botty.lavalink.protocol.v4.PlayerUpdate;
import dev.botty.lavalink.protocol.v4.TrackEndEvent;
import dev.botty.lavalink.protocol.v4.VoiceState;
import dev.botty.voice.command.Reply;
import dev.botty.voice.gateway.VoiceConnectionUpdate;
import dev.botty.voice.queue.GuildSnapshot;
import dev.botty.voice.queue.LoopMode;
import dev.botty.voice.queue.QueuedTrack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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
    private @Nullable QueuedTrack current;
    private long positionMs;
    private Instant positionAt;
    private boolean paused;
    /** Whether Lavalink has been given {@link #current} (so it plays, or will once voice connects). */
    private boolean onPlayer;
    /** Whether Lavalink said the current track started (so the position moves). */
    private boolean started;
    private final List<QueuedTrack> queue = new ArrayList<>();
    private LoopMode loop;
    private int volume;
    private @Nullable VoiceState voice;
    private @Nullable Instant idleSince;
    private @Nullable Instant aloneSince;
    private Instant positionSavedAt = Instant.EPOCH;
    /** The last request to Lavalink for this guild; the next waits for it. */
    private CompletableFuture<?> lavalinkQueue = CompletableFuture.completedFuture(null);
    /** Set while the bot asks to be back in its channel after a restart, until Discord hands over the voice connection. */
    private @Nullable Instant rejoiningSince;

    GuildMusic(GuildSnapshot snapshot, MusicServices services) {
        this.guildId = snapshot.guildId();
        this.services = services;
        this.voiceChannelId = snapshot.voiceChannelId();
        this.textChannelId = snapshot.textChannelId();
        this.nowPlayingMessageId = snapshot.nowPlayingMessageId();
        this.current = snapshot.current();
        this.positionMs = snapshot.positionMs();
        this.positionAt = services.clock().instant();
        this.paused = snapshot.paused();
        this.queue.addAll(snapshot.queue());
        this.loop = snapshot.loop();
        this.volume = snapshot.volume();
        if (voiceChannelId != 0 && (current == null || paused)) {
            idleSince = positionAt;
        }
    }

    long guildId() {
        return guildId;
    }

    synchronized long voiceChannelId() {
        return voiceChannelId;
    }

    synchronized GuildSnapshot snapshot() {
        return new GuildSnapshot(guildId, voiceChannelId, textChannelId, nowPlayingMessageId, current, position(), paused,
                queue, loop, volume);
    }

    /** The player as Lavalink must re-create it on another node; empty when there is no player. */
    synchronized Optional<PlayerSnapshot> playerSnapshot() {
        if (current == null && voice == null) {
            return Optional.empty();
        }
        return Optional.of(new PlayerSnapshot(current == null ? null : TrackLoader.lavalinkTrack(current), position(), volume, paused,
                voice, null));
    }

    synchronized boolean playing() {
        return current != null && !paused;
    }

    synchronized @Nullable QueuedTrack current() {
        return current;
    }

    synchronized boolean isPaused() {
        return paused;
    }

    synchronized List<QueuedTrack> queue() {
        return List.copyOf(queue);
    }

    synchronized LoopMode loop() {
        return loop;
    }

    synchronized int volume() {
        return volume;
    }

    /** Where the current track is now: the last position Lavalink reported, moved on by the time since. */
    synchronized long position() {
        if (current == null) {
            return 0;
        }
        long at = positionMs;
        if (started && !paused) {
            at += Math.max(0, Duration.between(positionAt, services.clock().instant()).toMillis());
        }
        return current.stream() ? at : Math.min(at, current.lengthMs());
    }

    // ---- Commands ------------------------------------------------------------------------------

    /** The bot was asked into {@code channelId} (a join is under way); later answers go to {@code textChannel}. */
    synchronized void joining(long channelId, long textChannel) {
        voiceChannelId = channelId;
        useTextChannel(textChannel);
        if (current == null || paused) {
            idleSince = services.clock().instant();
        }
        persist();
    }

    /** Adds tracks and starts playing if nothing plays. Returns the queue position of the first (0 = playing now). */
    synchronized int enqueue(List<QueuedTrack> tracks, long textChannel) {
        useTextChannel(textChannel);
        int room = MAX_QUEUE - queue.size();
        List<QueuedTrack> accepted = tracks.subList(0, Math.min(tracks.size(), Math.max(0, room)));
        queue.addAll(accepted);
        int position = queue.size() - accepted.size() + 1;
        if (current == null && !queue.isEmpty()) {
            play(queue.removeFirst(), 0, false);
            position = 0;
        }
        persist();
        return position;
    }

    synchronized int room() {
        return MAX_QUEUE - queue.size();
    }

    /** Skips the current track; with loop=queue it goes to the end. Returns the skipped track. */
    synchronized Optional<QueuedTrack> skip() {
        QueuedTrack skipped = current;
        if (skipped == null) {
            return Optional.empty();
        }
        advance(false);
        return Optional.of(skipped);
    }

    /** Stops playback and clears the queue; the bot stays. Returns how many tracks were dropped (the current one included). */
    synchronized int stop() {
        int dropped = queue.size() + (current == null ? 0 : 1);
        queue.clear();
        if (current != null) {
            current = null;
            stopOnPlayer();
        }
        paused = false;
        nothingPlaying("⏹️ Stopped");
        persist();
        return dropped;
    }

    /** Plays queue entry {@code position} (1-based) now, dropping those before it (or, with loop=queue, moving them to the end). */
    synchronized QueuedTrack jump(int position) {
        QueuedTrack target = queue.get(position - 1);
        List<QueuedTrack> passed = new ArrayList<>(queue.subList(0, position - 1));
        queue.subList(0, position).clear();
        if (loop == LoopMode.QUEUE) {
            if (current != null) {
                queue.add(current);
            }
            queue.addAll(passed);
        }
        play(target, 0, false);
        persist();
        return target;
    }

    synchronized QueuedTrack remove(int position) {
        QueuedTrack removed = queue.remove(position - 1);
        persist();
        return removed;
    }

    synchronized void pause(boolean pause) {
        if (current == null || paused == pause) {
            return;
        }
        positionMs = position();
        positionAt = services.clock().instant();
        paused = pause;
        idleSince = pause ? positionAt : null;
        update(PlayerUpdate.builder().paused(pause).build());
        announce();
        persist();
    }

    synchronized void seek(long toMs) {
        if (current == null) {
            return;
        }
        positionMs = toMs;
        positionAt = services.clock().instant();
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

    synchronized int shuffle() {
        Collections.shuffle(queue, ThreadLocalRandom.current());
        persist();
        return queue.size();
    }

    synchronized void loop(LoopMode mode) {
        loop = mode;
        announce();
        persist();
    }

    /**
     * Leaves voice and forgets the queue: the bot was asked to, was idle or alone too long, or was
     * disconnected by someone else. Settings (loop, volume) stay.
     */
    synchronized void leave(String why) {
        long channel = voiceChannelId;
        queue.clear();
        current = null;
        onPlayer = false;
        started = false;
        paused = false;
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
        editNowPlaying(Cards.left(why));
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
        started = false;
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
        if (current != null && !onPlayer) {
            play(current, positionMs, true);
        } else if (current != null && started) {
            // The track started before Discord had the bot in the channel, so TrackStart could not set it.
            services.notices().voiceStatus(guildId, voiceChannelId, Cards.voiceStatus(current));
        }
        persist();
    }

    synchronized void onBotMoved(long toChannelId) {
        long from = voiceChannelId;
        voiceChannelId = toChannelId;
        if (from != 0 && from != toChannelId) {
            services.notices().voiceStatus(guildId, from, "");
            if (current != null) {
                services.notices().voiceStatus(guildId, toChannelId, Cards.voiceStatus(current));
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
        if (idleSince != null && (current == null || paused) && !now.isBefore(idleSince.plus(services.idleTimeout()))) {
            return Optional.of("nothing played for " + Cards.duration(services.idleTimeout().toMillis()));
        }
        return Optional.empty();
    }

    /** After a restart or on a node that lost the player: give Lavalink the track again, where it was. */
    synchronized void replay() {
        if (current != null && !onPlayer) {
            play(current, positionMs, true);
        }
    }

    // ---- Lavalink events -------------------------------------------------------------------------

    synchronized void onTrackStart(String encoded) {
        if (current == null || !current.encoded().equals(encoded)) {
            return;
        }
        started = true;
        positionAt = services.clock().instant();
        if (!paused) {
            idleSince = null;
        }
        services.metrics().trackStarted();
        announce();
        services.notices().voiceStatus(guildId, voiceChannelId, Cards.voiceStatus(current));
    }

    synchronized void onTrackEnd(String encoded, TrackEndEvent.Reason reason) {
        services.metrics().trackEnded(reason);
        if (!reason.mayStartNext() || current == null || !current.encoded().equals(encoded)) {
            return;
        }
        onPlayer = false;
        started = false;
        if (reason == TrackEndEvent.Reason.LOAD_FAILED) {
            services.errors().accept("could not play " + current.title() + " (load failed)");
        }
        advance(reason == TrackEndEvent.Reason.FINISHED);
    }

    synchronized void onTrackException(String encoded, @Nullable String message) {
        if (current != null && current.encoded().equals(encoded)) {
            services.errors().accept("Lavalink could not play " + current.title() + ": " + (message == null ? "no reason given" : message));
        }
        // Lavalink follows with a TrackEndEvent, which moves on.
    }

    synchronized void onTrackStuck(String encoded) {
        if (current == null || !current.encoded().equals(encoded)) {
            return;
        }
        services.errors().accept(current.title() + " got stuck; skipped");
        // Even with loop=track: replaying a stuck track would stick again.
        LoopMode mode = loop;
        loop = mode == LoopMode.TRACK ? LoopMode.OFF : mode;
        advance(false);
        loop = mode;
    }

    synchronized void onPlayerUpdate(PlayerState state) {
        if (current == null) {
            return;
        }
        positionMs = state.position();
        Instant now = services.clock().instant();
        positionAt = now;
        if (Duration.between(positionSavedAt, now).compareTo(POSITION_SAVE_INTERVAL) >= 0) {
            positionSavedAt = now;
            services.store().savePosition(guildId, positionMs);
        }
    }

    /** The player was lost with its node and could not be re-created: it is given again once a node is back. */
    synchronized void onPlayerLost() {
        onPlayer = false;
        started = false;
    }

    // ---- The loop ------------------------------------------------------------------------------

    /**
     * Moves past the current track: {@code finished} (it played to its end) repeats it with
     * loop=track; with loop=queue it goes back at the end of the queue.
     */
    private void advance(boolean finished) {
        QueuedTrack ended = current;
        if (ended != null && finished && loop == LoopMode.TRACK) {
            play(ended, 0, false);
            persist();
            return;
        }
        if (ended != null && loop == LoopMode.QUEUE) {
            queue.add(ended);
        }
        if (queue.isEmpty()) {
            current = null;
            if (ended != null && onPlayer) {
                stopOnPlayer();
            }
            nothingPlaying("✅ Queue finished");
        } else {
            play(queue.removeFirst(), 0, false);
        }
        persist();
    }

    /** Gives Lavalink the track; {@code keepPaused} for a track picked up again (restart, lost node), else it plays. */
    private void play(QueuedTrack track, long fromMs, boolean keepPaused) {
        current = track;
        paused = keepPaused && paused;
        positionMs = fromMs;
        positionAt = services.clock().instant();
        idleSince = paused ? positionAt : null;
        onPlayer = true;
        started = false;
        PlayerUpdate.Builder update = PlayerUpdate.builder().track(TrackLoader.lavalinkTrack(track)).volume(volume).paused(paused);
        if (fromMs > 0 && track.seekable()) {
            update.position(fromMs);
        }
        send(update.build()).whenComplete((player, failure) -> {
                    if (failure != null) {
                        synchronized (this) {
                            if (current == track) {
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
        started = false;
        services.notices().voiceStatus(guildId, voiceChannelId, "");
        update(PlayerUpdate.stopTrack());
    }

    private void nothingPlaying(String headline) {
        positionMs = 0;
        idleSince = services.clock().instant();
        services.notices().voiceStatus(guildId, voiceChannelId, "");
        editNowPlaying(Cards.nothingPlaying(headline, services.idleTimeout()));
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
        if (current != null) {
            editNowPlaying(Cards.nowPlaying(current, position(), paused, queue, loop, volume));
        }
    }

    private void editNowPlaying(Reply.Card card) {
        if (textChannelId == 0) {
            return;
        }
        long channel = textChannelId;
        services.notices().postOrEdit(channel, nowPlayingMessageId, card).whenComplete((id, failure) -> {
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
