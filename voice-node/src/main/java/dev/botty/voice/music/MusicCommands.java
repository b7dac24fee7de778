package dev.botty.voice.music;

import dev.botty.lavalink.NodeUnavailableException;
import dev.botty.lavalink.protocol.v4.Track;
import dev.botty.voice.command.MusicCommand;
import dev.botty.voice.command.MusicRequest;
import dev.botty.voice.command.Reply;
import dev.botty.voice.gateway.JoinOutcome;
import dev.botty.voice.gateway.VoiceGateway;
import dev.botty.voice.queue.LoopMode;
import dev.botty.voice.queue.QueuedTrack;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * What each music command does, answered to the person who used it. The rules every command
 * shares: music needs the caller in a voice channel; once the bot sits in one, only people in
 * that channel steer it (anyone may look at the queue); a guild has one bot channel at a time.
 */
final class MusicCommands {
    private static final int MAX_CHOICES = 10;
    private static final int CHOICE_LIMIT = 100;

    private final Jukebox jukebox;
    private final java.util.Map<String, MusicCommand> byName;

    MusicCommands(Jukebox jukebox) {
        this.jukebox = jukebox;
        this.byName = all().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(MusicCommand::name, c -> c));
    }

    /** The command of that name. */
    MusicCommand named(String name) {
        MusicCommand command = byName.get(name);
        if (command == null) {
            throw new IllegalArgumentException("no music command /" + name);
        }
        return command;
    }

    /** Every command, built once. */
    private List<MusicCommand> all() {
        return List.of(
                command("join", this::join),
                new Play(),
                command("queue", this::queue),
                command("nowplaying", this::nowPlaying),
                command("skip", this::skip),
                command("stop", this::stop),
                command("leave", this::leave),
                command("jump", this::jump),
                command("remove", this::remove),
                command("pause", request -> pause(request, true)),
                command("resume", request -> pause(request, false)),
                command("seek", this::seek),
                command("volume", this::volume),
                command("shuffle", this::shuffle),
                command("loop", this::loop));
    }

    private static MusicCommand command(String name, Function<MusicRequest, Reply> run) {
        return new MusicCommand() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public CompletionStage<Reply> run(MusicRequest request) {
                return CompletableFuture.completedFuture(run.apply(request));
            }
        };
    }

    private VoiceGateway gateway() {
        return jukebox.services().gateway();
    }

    // ---- Joining and playing -------------------------------------------------------------------

    private Reply join(MusicRequest request) {
        OptionalLong caller = gateway().memberChannel(request.guildId(), request.userId());
        if (caller.isEmpty()) {
            return Reply.refused("🎧 Join a voice channel first, then ask me again.");
        }
        GuildMusic music = jukebox.guild(request.guildId());
        if (music.voiceChannelId() == caller.getAsLong()) {
            return Reply.refused("🎧 I'm already here in <#" + caller.getAsLong() + ">.");
        }
        Reply busy = busyElsewhere(request, music, caller.getAsLong());
        if (busy != null) {
            return busy;
        }
        return switch (joinCaller(request, music, caller.getAsLong())) {
            case null -> Reply.ok("🎧 Joining <#" + caller.getAsLong() + ">. `/play` something!");
            case Reply refusal -> refusal;
        };
    }

    /** Asks Discord to put the bot in the caller's channel; null when under way, else why not. */
    private Reply joinCaller(MusicRequest request, GuildMusic music, long channel) {
        JoinOutcome outcome = gateway().join(request.guildId(), channel);
        return switch (outcome) {
            case REQUESTED, ALREADY_THERE -> {
                music.joining(channel, request.channelId());
                yield null;
            }
            case NO_PERMISSION -> Reply.refused("🔒 I'm not allowed to join <#" + channel + ">: I need the View Channel and Connect permissions there.");
            case CHANNEL_FULL -> Reply.refused("🚪 <#" + channel + "> is full.");
            case NOT_A_VOICE_CHANNEL -> Reply.refused("🎧 I can't find your voice channel; try again in a moment.");
            case UNKNOWN_GUILD -> Reply.error("⚠️ This server isn't on my voice connection yet; try again in a minute.");
        };
    }

    /** The bot plays to others in another channel: it will not be pulled away. */
    private Reply busyElsewhere(MusicRequest request, GuildMusic music, long callerChannel) {
        long botChannel = music.voiceChannelId();
        if (botChannel != 0 && botChannel != callerChannel && music.current() != null
                && gateway().hasListeners(request.guildId(), botChannel)) {
            return Reply.refused("🎧 I'm playing in <#" + botChannel + ">: join me there.");
        }
        return null;
    }

    private final class Play implements MusicCommand {
        @Override
        public String name() {
            return "play";
        }

        @Override
        public CompletionStage<Reply> run(MusicRequest request) {
            String query = request.option("query").map(String::strip).orElse("");
            if (query.isEmpty()) {
                return CompletableFuture.completedFuture(Reply.refused("🔍 Tell me what to play: a link, or words to search for."));
            }
            OptionalLong caller = gateway().memberChannel(request.guildId(), request.userId());
            if (caller.isEmpty()) {
                return CompletableFuture.completedFuture(Reply.refused("🎧 Join a voice channel first, then ask me again."));
            }
            GuildMusic music = jukebox.guild(request.guildId());
            Reply busy = busyElsewhere(request, music, caller.getAsLong());
            if (busy != null) {
                return CompletableFuture.completedFuture(busy);
            }
            if (music.room() <= 0) {
                return CompletableFuture.completedFuture(Reply.refused("📚 The queue is full (" + GuildMusic.MAX_QUEUE + " tracks)."));
            }
            return jukebox.load(request.guildId(), query, request.userId())
                    .thenApply(loaded -> queue(request, music, caller.getAsLong(), loaded))
                    .exceptionally(MusicCommands::lavalinkTrouble);
        }

        private Reply queue(MusicRequest request, GuildMusic music, long callerChannel, TrackLoader.Loaded loaded) {
            return switch (loaded) {
                case TrackLoader.Loaded.Failed failed -> {
                    jukebox.services().metrics().loadFailed();
                    yield Reply.error("⚠️ I couldn't load that: " + failed.message());
                }
                case TrackLoader.Loaded.NoMatches none -> {
                    jukebox.services().metrics().loadFailed();
                    yield Reply.refused("🔍 Nothing found for “" + Cards.clip(none.query(), 100) + "”." + note(none.note()));
                }
                case TrackLoader.Loaded.Tracks tracks -> {
                    if (music.voiceChannelId() != callerChannel) {
                        Reply refusal = busyElsewhere(request, music, callerChannel);
                        if (refusal == null) {
                            refusal = joinCaller(request, music, callerChannel);
                        }
                        if (refusal != null) {
                            yield refusal;
                        }
                    }
                    yield queued(music.enqueue(tracks.tracks(), request.channelId()), tracks, music);
                }
            };
        }

        private Reply queued(int position, TrackLoader.Loaded.Tracks loaded, GuildMusic music) {
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
            return Reply.ok(what + note(loaded.note()));
        }

        @Override
        public CompletionStage<List<Choice>> suggest(MusicRequest request) {
            String typed = request.option("query").map(String::strip).orElse("");
            if (typed.length() < 2) {
                return CompletableFuture.completedFuture(List.of());
            }
            if (TrackLoader.isUrl(typed)) {
                return CompletableFuture.completedFuture(typed.length() <= CHOICE_LIMIT ? List.of(new Choice(typed, typed)) : List.of());
            }
            return jukebox.suggestions(request.guildId(), typed)
                    .thenApply(tracks -> tracks.stream().limit(MAX_CHOICES).map(MusicCommands::choice).flatMap(java.util.Optional::stream).toList())
                    .exceptionally(failure -> List.of());
        }
    }

    /** A search result as a choice: its title and length shown, its URL sent back (so /play loads exactly it). */
    private static java.util.Optional<MusicCommand.Choice> choice(Track track) {
        String uri = track.info().uri();
        if (uri == null || uri.length() > CHOICE_LIMIT) {
            return java.util.Optional.empty();
        }
        String length = track.info().isStream() ? "live" : Cards.time(track.info().length());
        String name = Cards.clip(track.info().title() + " — " + track.info().author(), CHOICE_LIMIT - length.length() - 3) + " · " + length;
        return java.util.Optional.of(new MusicCommand.Choice(name, uri));
    }

    private static String length(QueuedTrack track) {
        return track.stream() ? "live" : Cards.time(track.lengthMs());
    }

    private static String note(String note) {
        return note == null ? "" : "\n-# " + note;
    }

    private static Reply lavalinkTrouble(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof NodeUnavailableException) {
            return Reply.error("🔌 The music server is unreachable right now; try again in a minute.");
        }
        return Reply.error("⚠️ Something went wrong talking to the music server: " + cause.getMessage());
    }

    // ---- Looking -------------------------------------------------------------------------------

    private Reply queue(MusicRequest request) {
        GuildMusic music = jukebox.guild(request.guildId());
        QueuedTrack current = music.current();
        List<QueuedTrack> queue = music.queue();
        if (current == null && queue.isEmpty()) {
            return Reply.refused("📭 The queue is empty. `/play` something!");
        }
        int page = (int) Math.min(Integer.MAX_VALUE, request.integer("page").orElse(1));
        int pages = Math.max(1, (queue.size() + Cards.PAGE_SIZE - 1) / Cards.PAGE_SIZE);
        if (page < 1 || page > pages) {
            return Reply.refused("📄 There " + (pages == 1 ? "is 1 page" : "are " + pages + " pages") + " of queue.");
        }
        return Reply.ok(Cards.queuePage(current, music.position(), music.isPaused(), queue, page, music.loop(), music.volume()));
    }

    private Reply nowPlaying(MusicRequest request) {
        GuildMusic music = jukebox.guild(request.guildId());
        QueuedTrack current = music.current();
        if (current == null) {
            return Reply.refused("🔇 Nothing is playing.");
        }
        return Reply.ok(Cards.nowPlaying(current, music.position(), music.isPaused(), music.queue(), music.loop(), music.volume()));
    }

    // ---- Steering (only from the bot's channel) ------------------------------------------------

    /** The guild's music if the caller may steer it, else null with {@code refusal} set. */
    private Steering steer(MusicRequest request) {
        GuildMusic music = jukebox.guild(request.guildId());
        long botChannel = music.voiceChannelId();
        if (botChannel == 0) {
            return new Steering(null, Reply.refused("🎧 I'm not in a voice channel. `/play` something first."));
        }
        OptionalLong caller = gateway().memberChannel(request.guildId(), request.userId());
        if (caller.isEmpty() || caller.getAsLong() != botChannel) {
            return new Steering(null, Reply.refused("🎧 Join me in <#" + botChannel + "> to do that."));
        }
        return new Steering(music, null);
    }

    private record Steering(GuildMusic music, Reply refusal) {}

    /** Runs {@code action} on the guild's music if the caller may steer it, else answers why not. */
    private Reply steered(MusicRequest request, java.util.function.Function<GuildMusic, Reply> action) {
        Steering steering = steer(request);
        return steering.refusal() != null ? steering.refusal() : action.apply(steering.music());
    }

    /** Like {@link #steered}, for commands naming a queue position that must exist. */
    private Reply atPosition(MusicRequest request, java.util.function.BiFunction<GuildMusic, Integer, Reply> action) {
        return steered(request, music -> {
            Reply bad = badPosition(request, music.queue().size());
            return bad != null ? bad : action.apply(music, (int) request.integer("position").getAsLong());
        });
    }

    private Reply skip(MusicRequest request) {
        return steered(request, music -> {
            return music.skip()
                    .map(skipped -> {
                        QueuedTrack next = music.current();
                        return Reply.ok("⏭️ Skipped " + Cards.link(skipped) + "." + (next == null ? " The queue is empty now." : " Now playing " + Cards.link(next) + "."));
                    })
                    .orElse(Reply.refused("🔇 Nothing is playing, so there is nothing to skip."));
        });
    }

    private Reply stop(MusicRequest request) {
        return steered(request, music -> {
            int dropped = music.stop();
            return Reply.ok("⏹️ Stopped" + (dropped > 0 ? " and cleared " + dropped + (dropped == 1 ? " track" : " tracks") : "")
                    + ". I'll stay " + Cards.duration(jukebox.services().idleTimeout().toMillis()) + " in case you want more.");
        });
    }

    private Reply leave(MusicRequest request) {
        GuildMusic music = jukebox.guild(request.guildId());
        long botChannel = music.voiceChannelId();
        if (botChannel == 0) {
            return Reply.refused("🎧 I'm not in a voice channel.");
        }
        OptionalLong caller = gateway().memberChannel(request.guildId(), request.userId());
        boolean callerThere = caller.isPresent() && caller.getAsLong() == botChannel;
        if (!callerThere && gateway().hasListeners(request.guildId(), botChannel)) {
            return Reply.refused("🎧 Others are listening in <#" + botChannel + ">; join them to send me away.");
        }
        music.leave("<@" + request.userId() + "> asked me to");
        return Reply.ok("👋 Left <#" + botChannel + ">.");
    }

    private Reply jump(MusicRequest request) {
        return atPosition(request, (music, position) -> Reply.ok("⏩ Jumped to " + Cards.link(music.jump(position)) + "."));
    }

    private Reply remove(MusicRequest request) {
        return atPosition(request, (music, position) -> Reply.ok("🗑️ Removed " + Cards.link(music.remove(position)) + " from the queue."));
    }

    private static Reply badPosition(MusicRequest request, int size) {
        OptionalLong position = request.integer("position");
        if (size == 0) {
            return Reply.refused("📭 The queue is empty.");
        }
        if (position.isEmpty() || position.getAsLong() < 1 || position.getAsLong() > size) {
            return Reply.refused("🔢 Pick a position from 1 to " + size + ": " + (size == 1 ? "there is 1 track" : "there are " + size + " tracks")
                    + " in the queue.");
        }
        return null;
    }

    private Reply pause(MusicRequest request, boolean pause) {
        return steered(request, music -> {
            if (music.current() == null) {
                return Reply.refused("🔇 Nothing is playing.");
            }
            if (music.isPaused() == pause) {
                return Reply.refused(pause ? "⏸️ Already paused; `/resume` to carry on." : "▶️ Already playing.");
            }
            music.pause(pause);
            return Reply.ok(pause ? "⏸️ Paused. `/resume` to carry on." : "▶️ Resumed " + Cards.link(music.current()) + ".");
        });
    }

    private Reply seek(MusicRequest request) {
        return steered(request, music -> {
            QueuedTrack current = music.current();
            if (current == null) {
                return Reply.refused("🔇 Nothing is playing.");
            }
            long to = Cards.parseTime(request.option("time").orElse(""));
            if (to < 0) {
                return Reply.refused("⏱️ Give a time like `1:30`, `90` or `1:02:03`.");
            }
            if (!current.seekable() || current.stream()) {
                return Reply.refused("⏱️ This track can't be sought in.");
            }
            if (to >= current.lengthMs()) {
                return Reply.refused("⏱️ The track is only " + Cards.time(current.lengthMs()) + " long.");
            }
            music.seek(to);
            return Reply.ok("⏱️ Jumped to " + Cards.time(to) + " in " + Cards.link(current) + ".");
        });
    }

    private Reply volume(MusicRequest request) {
        return steered(request, music -> {
            OptionalLong level = request.integer("level");
            if (level.isEmpty() || level.getAsLong() < 0 || level.getAsLong() > 200) {
                return Reply.refused("🔊 Pick a volume from 0 to 200 (100 is normal).");
            }
            music.volume((int) level.getAsLong());
            return Reply.ok((level.getAsLong() == 0 ? "🔇" : "🔊") + " Volume " + level.getAsLong() + "%.");
        });
    }

    private Reply shuffle(MusicRequest request) {
        return steered(request, music -> {
            if (music.queue().size() < 2) {
                return Reply.refused("🔀 There's nothing to shuffle: the queue needs two tracks or more.");
            }
            int count = music.shuffle();
            return Reply.ok("🔀 Shuffled " + count + " tracks.");
        });
    }

    private Reply loop(MusicRequest request) {
        return steered(request, music -> {
            return LoopMode.fromKey(request.option("mode").orElse(""))
                    .map(mode -> {
                        music.loop(mode);
                        return Reply.ok(switch (mode) {
                            case OFF -> "➡️ Loop off.";
                            case TRACK -> "🔂 Looping this track.";
                            case QUEUE -> "🔁 Looping the queue.";
                        });
                    })
                    .orElse(Reply.refused("🔁 Loop `off`, `track` or `queue`."));
        });
    }
}
