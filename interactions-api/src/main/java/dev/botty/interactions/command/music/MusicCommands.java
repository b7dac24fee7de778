package dev.botty.interactions.command.music;

import dev.botty.interactions.command.CommandDefinition;
import dev.botty.interactions.command.CommandDefinition.ChoiceDefinition;
import dev.botty.interactions.command.CommandDefinition.OptionDefinition;
import dev.botty.interactions.command.Invocation;
import dev.botty.interactions.command.Reply;
import dev.botty.interactions.command.SlashCommand;
import dev.botty.interactions.discord.InteractionResponse.Choice;
import dev.botty.interactions.voice.VoiceNodeClient;
import dev.botty.interactions.voice.VoiceNodeClient.NodeAnswer;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The music commands. Their definitions live here so they are registered with the rest; their
 * behaviour belongs to the voice node that owns the guild, to which each is forwarded as it came
 * from Discord. Without a voice node each answers that music is not set up. All are guild-only:
 * voice exists only in guilds.
 */
@Factory
public final class MusicCommands {
    static final String NOT_SET_UP = "🎵 Music is not set up here: this botty has no voice node configured.";
    static final String GUILDS_ONLY = "🎵 Music plays in servers' voice channels, so this works in servers only.";

    private final VoiceNodeClient nodes;

    public MusicCommands(VoiceNodeClient nodes) {
        this.nodes = nodes;
    }

    private static final List<Integer> GUILD_INSTALL = List.of(CommandDefinition.GUILD_INSTALL);
    private static final List<Integer> GUILD_ONLY = List.of(CommandDefinition.CONTEXT_GUILD);
    private static final OptionDefinition POSITION = OptionDefinition.integer("position", "Position in the queue (1 is next)", true, 1, 10_000);

    @Singleton @Named("join")
    SlashCommand join() {
        return music("join", "Join your voice channel");
    }

    @Singleton @Named("play")
    SlashCommand play() {
        return music(music("play", "Play a song or playlist: a URL or words to search for").definition()
                .with(OptionDefinition.string("query", "A URL, or what to search for", true).withLength(1, 200).withAutocomplete()));
    }

    @Singleton @Named("queue")
    SlashCommand queue() {
        return music(music("queue", "Show what is queued").definition()
                .with(OptionDefinition.integer("page", "Page of the queue", false, 1, 1_000)));
    }

    @Singleton @Named("nowplaying")
    SlashCommand nowPlaying() {
        return music("nowplaying", "Show the track playing and how far along it is");
    }

    @Singleton @Named("skip")
    SlashCommand skip() {
        return music("skip", "Skip to the next track");
    }

    @Singleton @Named("stop")
    SlashCommand stop() {
        return music("stop", "Stop playing and clear the queue (stays in the channel)");
    }

    @Singleton @Named("leave")
    SlashCommand leave() {
        return music("leave", "Leave the voice channel");
    }

    @Singleton @Named("jump")
    SlashCommand jump() {
        return music(music("jump", "Jump to a track in the queue").definition().with(POSITION));
    }

    @Singleton @Named("remove")
    SlashCommand remove() {
        return music(music("remove", "Remove a track from the queue").definition().with(POSITION));
    }

    @Singleton @Named("pause")
    SlashCommand pause() {
        return music("pause", "Pause playback");
    }

    @Singleton @Named("resume")
    SlashCommand resume() {
        return music("resume", "Resume playback");
    }

    @Singleton @Named("seek")
    SlashCommand seek() {
        return music(music("seek", "Go to a time in the track").definition()
                .with(OptionDefinition.string("time", "Where to go, like 1:30 or 90", true).withLength(1, 12)));
    }

    @Singleton @Named("volume")
    SlashCommand volume() {
        return music(music("volume", "Set the volume").definition()
                .with(OptionDefinition.integer("level", "Volume in percent (100 is normal)", true, 0, 200)));
    }

    @Singleton @Named("shuffle")
    SlashCommand shuffle() {
        return music("shuffle", "Shuffle the queue");
    }

    @Singleton @Named("loop")
    SlashCommand loop() {
        return music(music("loop", "Repeat the track or the queue").definition()
                .with(OptionDefinition.string("mode", "What to repeat", true).withChoices(List.of(
                        new ChoiceDefinition("Off", "off"),
                        new ChoiceDefinition("This track", "track"),
                        new ChoiceDefinition("The whole queue", "queue")))));
    }

    private SlashCommand music(String name, String description) {
        return music(CommandDefinition.slash(name, description));
    }

    private SlashCommand music(CommandDefinition definition) {
        return new Forwarded(definition.onlyIn(GUILD_INSTALL, GUILD_ONLY), nodes);
    }

    /** A music command: handed to the guild's voice node. */
    record Forwarded(CommandDefinition definition, VoiceNodeClient nodes) implements SlashCommand {
        @Override
        public CompletionStage<Reply> run(Invocation invocation) {
            if (!nodes.enabled()) {
                return CompletableFuture.completedFuture(Reply.failure(NOT_SET_UP));
            }
            if (invocation.guildId().isEmpty()) {
                return CompletableFuture.completedFuture(Reply.refusal(GUILDS_ONLY));
            }
            return nodes.forward(invocation.guildId().get(), invocation.rawJson()).thenApply(answer -> switch (answer) {
                case NodeAnswer.Message message -> new Reply(message.content(), message.embeds(), Reply.Outcome.OK);
                case NodeAnswer.Unavailable unavailable -> Reply.failure("🎵 " + unavailable.reason());
                case NodeAnswer.Choices choices -> Reply.failure("🎵 The music player answered something I couldn't read.");
            });
        }

        @Override
        public CompletionStage<List<Choice>> suggest(Invocation invocation) {
            if (!nodes.enabled() || invocation.guildId().isEmpty()) {
                return CompletableFuture.completedFuture(List.of());
            }
            return nodes.forward(invocation.guildId().get(), invocation.rawJson())
                    .thenApply(answer -> answer instanceof NodeAnswer.Choices choices ? choices.choices() : List.of());
        }
    }
}
