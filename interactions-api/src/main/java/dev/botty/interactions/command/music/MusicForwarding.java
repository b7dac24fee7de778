package dev.botty.interactions.command.music;

import dev.botty.interactions.command.CommandSet;
import dev.botty.interactions.command.ComponentHandler;
import dev.botty.interactions.command.Invocation;
import dev.botty.interactions.command.Reply;
import dev.botty.interactions.command.SlashCommand;
import dev.botty.interactions.discord.ActionRow;
import dev.botty.interactions.discord.Embed;
import dev.botty.interactions.discord.InteractionResponse.Choice;
import dev.botty.interactions.voice.VoiceNodeClient;
import dev.botty.internal.CommandDefinition;
import dev.botty.internal.MusicCommands;
import dev.botty.internal.MusicControls;
import dev.botty.internal.MusicReply;
import dev.botty.internal.MusicRequest;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The music commands: one forwarding command per definition of the contract
 * ({@link MusicCommands#ALL}), so they are registered with the rest, while their behaviour belongs
 * to the voice node that owns the guild. Each invocation becomes the contract's
 * {@link MusicRequest} (the one conversion on the way there) and the node's {@link MusicReply} a
 * {@link Reply} (the one on the way back). Nothing here names a music command. Without a voice
 * node each answers that music is not set up.
 */
@Singleton
public final class MusicForwarding implements CommandSet, ComponentHandler {
    static final String NOT_SET_UP = "🎵 Music is not set up here: this botty has no voice node configured.";
    static final String GUILDS_ONLY = "🎵 Music plays in servers' voice channels, so this works in servers only.";
    private static final String DEFAULT_LOCALE = "en-US";

    static final String OTHER_VERSION = "🎛️ That button is from another version of botty; `/nowplaying` shows the current ones.";

    private final List<SlashCommand> commands;
    private final VoiceNodeClient nodes;

    public MusicForwarding(VoiceNodeClient nodes) {
        this.nodes = nodes;
        this.commands = MusicCommands.ALL.stream().<SlashCommand>map(definition -> new Forwarded(definition, nodes)).toList();
    }

    @Override
    public boolean handles(String customId) {
        return MusicControls.isMusic(customId);
    }

    /** A click on a button of the now-playing message: the node does it and answers with the message as it now looks. */
    @Override
    public CompletionStage<Reply> click(Invocation invocation) {
        if (!nodes.enabled()) {
            return CompletableFuture.completedFuture(Reply.failure(NOT_SET_UP));
        }
        Optional<MusicControls.Action> action = invocation.customId().flatMap(MusicControls::action);
        if (action.isEmpty()) {
            return CompletableFuture.completedFuture(Reply.refusal(OTHER_VERSION));
        }
        Optional<MusicRequest> request = request(invocation, false)
                .map(asked -> new MusicRequest(asked.guildId(), asked.channelId(), asked.userId(), asked.locale(), MusicControls.COMMAND,
                        Map.of(MusicControls.ACTION, action.get().key()), null, asked.roles()));
        if (request.isEmpty()) {
            return CompletableFuture.completedFuture(Reply.refusal(GUILDS_ONLY));
        }
        return nodes.run(request.get()).thenApply(MusicForwarding::reply);
    }

    @Override
    public List<SlashCommand> commands() {
        return commands;
    }

    /** The contract's request for this invocation, or empty outside a guild. */
    static Optional<MusicRequest> request(Invocation invocation, boolean autocomplete) {
        Optional<Long> guild = invocation.guildId().flatMap(MusicForwarding::snowflake);
        Optional<Long> user = invocation.userId().flatMap(MusicForwarding::snowflake);
        if (guild.isEmpty() || user.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> options = new LinkedHashMap<>();
        invocation.optionNames().forEach(name -> invocation.string(name).ifPresent(value -> options.put(name, value)));
        String focused = autocomplete ? invocation.focused().map(option -> option.name()).orElse(null) : null;
        if (focused != null) {
            options.put(focused, invocation.focusedText());
        }
        List<Long> roles = invocation.memberRoles().stream().map(MusicForwarding::snowflake).flatMap(Optional::stream).toList();
        return Optional.of(new MusicRequest(guild.get(), invocation.channelId().flatMap(MusicForwarding::snowflake).orElse(0L), user.get(),
                invocation.locale().orElse(DEFAULT_LOCALE), invocation.commandName(), options, focused, roles));
    }

    /** The node's reply as a command's reply: its card as an embed, its outcome as ours. */
    static Reply reply(MusicReply answer) {
        List<Embed> embeds = answer.card() == null ? List.of() : List.of(embed(answer.card()));
        String content = answer.content().isEmpty() && !embeds.isEmpty() ? null : answer.content();
        Reply.Outcome outcome = switch (answer.outcome()) {
            case OK -> Reply.Outcome.OK;
            case REFUSED -> Reply.Outcome.REFUSED;
            case ERROR -> Reply.Outcome.FAILED;
        };
        List<ActionRow> components = answer.controls().isEmpty() ? List.of() : List.of(ActionRow.of(answer.controls().stream()
                .map(control -> ActionRow.Button.of(control.customId(), control.emoji(), control.label(), control.active(), control.disabled()))
                .toList()));
        return new Reply(content, embeds, outcome, components, answer.update());
    }

    private static Embed embed(MusicReply.Card card) {
        Embed embed = Embed.of(card.title(), card.description());
        if (card.url() != null) {
            embed = embed.withUrl(card.url());
        }
        if (card.thumbnailUrl() != null) {
            embed = embed.withThumbnail(card.thumbnailUrl());
        }
        if (!card.fields().isEmpty()) {
            embed = embed.withFields(card.fields().stream().map(field -> new Embed.Field(field.name(), field.value(), field.inline())).toList());
        }
        if (card.footer() != null) {
            embed = embed.withFooter(card.footer());
        }
        return embed;
    }

    private static Optional<Long> snowflake(String id) {
        try {
            return Optional.of(Long.parseUnsignedLong(id));
        } catch (NumberFormatException notOne) {
            return Optional.empty();
        }
    }

    /** A music command: handed to the guild's voice node. */
    record Forwarded(CommandDefinition definition, VoiceNodeClient nodes) implements SlashCommand {
        @Override
        public CompletionStage<Reply> run(Invocation invocation) {
            if (!nodes.enabled()) {
                return CompletableFuture.completedFuture(Reply.failure(NOT_SET_UP));
            }
            Optional<MusicRequest> request = request(invocation, false);
            if (request.isEmpty()) {
                return CompletableFuture.completedFuture(Reply.refusal(GUILDS_ONLY));
            }
            return nodes.run(request.get()).thenApply(MusicForwarding::reply);
        }

        @Override
        public CompletionStage<List<Choice>> suggest(Invocation invocation) {
            Optional<MusicRequest> request = request(invocation, true);
            if (!nodes.enabled() || request.isEmpty() || request.get().focused() == null) {
                return CompletableFuture.completedFuture(List.of());
            }
            return nodes.suggest(request.get())
                    .thenApply(suggestions -> suggestions.choices().stream().map(choice -> new Choice(choice.name(), choice.value())).toList());
        }
    }
}
