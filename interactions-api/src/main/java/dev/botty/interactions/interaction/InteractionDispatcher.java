package dev.botty.interactions.interaction;

import dev.botty.interactions.command.CommandCatalog;
import dev.botty.interactions.command.ComponentHandler;
import dev.botty.interactions.command.Invocation;
import dev.botty.interactions.command.Reply;
import dev.botty.interactions.command.SlashCommand;
import dev.botty.interactions.config.BottyConfig.DiscordConfig;
import dev.botty.interactions.discord.DiscordRest;
import dev.botty.interactions.discord.Interaction;
import dev.botty.interactions.discord.InteractionResponse.Choice;
import dev.botty.interactions.discord.InteractionResponse.MessageData;
import dev.botty.interactions.discord.InteractionResponse;
import dev.botty.interactions.discord.InteractionType;
import dev.botty.interactions.metrics.InteractionMetrics;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a verified interaction to its command and turns the command's reply into Discord's
 * answer: inline when ready within the budget, otherwise a deferral followed by an edit of the
 * original message. Knows no command by name.
 */
@Singleton
public final class InteractionDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger("botty.interactions");
    private static final int MAX_CHOICES = 25;
    /** The name clicks are logged and counted under. */
    private static final String CLICK = "button";
    private static final int MAX_CHOICE_NAME = 100;
    /** After deferring, the interaction token lives 15 minutes; give up well before. */
    private static final Duration DEFERRED_LIMIT = Duration.ofMinutes(2);

    private final CommandCatalog commands;
    private final DiscordRest discord;
    private final InteractionMetrics metrics;
    private final long budgetMillis;

    private final List<ComponentHandler> components;

    public InteractionDispatcher(CommandCatalog commands, List<ComponentHandler> components, DiscordRest discord, DiscordConfig config,
                                 InteractionMetrics metrics) {
        this.commands = commands;
        this.components = List.copyOf(components);
        this.discord = discord;
        this.metrics = metrics;
        this.budgetMillis = config.inlineBudget().toMillis();
    }

    /** The answer to a verified interaction of a known type. */
    public CompletableFuture<InteractionResponse> dispatch(InteractionType type, Interaction interaction) {
        long started = System.nanoTime();
        metrics.received(type);
        return switch (type) {
            case PING -> CompletableFuture.completedFuture(InteractionResponse.pong());
            case APPLICATION_COMMAND -> runCommand(new Invocation(interaction), interaction, started);
            case APPLICATION_COMMAND_AUTOCOMPLETE -> suggest(new Invocation(interaction));
            case MESSAGE_COMPONENT -> click(new Invocation(interaction), started);
            case MODAL_SUBMIT -> CompletableFuture.completedFuture(
                    InteractionResponse.ephemeralMessage("That button or form is no longer active.", null));
        };
    }

    /**
     * A click on a button: its handler's answer replaces the clicked message (UPDATE_MESSAGE) or,
     * when refused, goes to the clicker alone. A handler slower than the budget gets the click
     * acknowledged (DEFERRED_UPDATE_MESSAGE) and its answer applied by editing the message.
     */
    private CompletableFuture<InteractionResponse> click(Invocation invocation, long started) {
        String customId = invocation.customId().orElse("");
        ComponentHandler handler = components.stream().filter(h -> h.handles(customId)).findFirst().orElse(null);
        if (handler == null) {
            log(CLICK, Reply.Outcome.REFUSED, "unknown", started);
            return CompletableFuture.completedFuture(InteractionResponse.ephemeralMessage("That button or form is no longer active.", null));
        }
        CompletableFuture<Reply> reply;
        try {
            reply = handler.click(invocation).toCompletableFuture().exceptionally(e -> failed(CLICK, e));
        } catch (RuntimeException e) {
            reply = CompletableFuture.completedFuture(failed(CLICK, e));
        }
        CompletableFuture<Reply> answer = reply;
        return reply.thenApply(r -> clicked(r, started)).completeOnTimeout(null, budgetMillis, TimeUnit.MILLISECONDS).thenApply(inline -> {
            if (inline != null) {
                return inline;
            }
            answer.orTimeout(DEFERRED_LIMIT.toMillis(), TimeUnit.MILLISECONDS).thenCompose(late -> {
                if (!late.updatesMessage() || invocation.token().isEmpty()) {
                    LOG.info("command={} outcome={} answer=dropped (too slow for the click) latency_ms={}", CLICK,
                            late.outcome().name().toLowerCase(), Duration.ofNanos(System.nanoTime() - started).toMillis());
                    return CompletableFuture.completedFuture(null);
                }
                return discord.editOriginal(invocation.token().get(), MessageData.update(late.content(), late.embeds(), late.components()))
                        .whenComplete((ok, error) -> log(CLICK, late.outcome(), error == null ? "deferred" : "failed", started));
            });
            return InteractionResponse.deferredUpdate();
        });
    }

    private InteractionResponse clicked(Reply reply, long started) {
        log(CLICK, reply.outcome(), "inline", started);
        return reply.updatesMessage()
                ? InteractionResponse.updateMessage(reply.content(), reply.embeds(), reply.components())
                : InteractionResponse.ephemeralMessage(reply.content(), reply.embeds().isEmpty() ? null : reply.embeds());
    }

    private CompletableFuture<InteractionResponse> runCommand(Invocation invocation, Interaction interaction, long started) {
        String name = invocation.commandName();
        SlashCommand command = commands.named(name).orElse(null);
        if (command == null) {
            log(name, Reply.Outcome.FAILED, "unknown", started);
            return CompletableFuture.completedFuture(InteractionResponse.ephemeralMessage(
                    "I don't know `/" + shorten(name, 32) + "`. The command list may be out of date; it refreshes shortly.", null));
        }
        CompletableFuture<Reply> reply = start(command, invocation);
        if (reply.isDone()) {
            return CompletableFuture.completedFuture(inline(name, reply.join(), started));
        }
        CompletableFuture<InteractionResponse> inline = reply.thenApply(r -> inline(name, r, started));
        return inline.completeOnTimeout(null, budgetMillis, TimeUnit.MILLISECONDS).thenApply(answer -> {
            if (answer != null) {
                return answer;
            }
            reply.orTimeout(DEFERRED_LIMIT.toMillis(), TimeUnit.MILLISECONDS)
                    .exceptionally(e -> failed(name, e))
                    .thenCompose(r -> editOriginal(interaction, name, r, started));
            return InteractionResponse.deferredEphemeral();
        });
    }

    private CompletableFuture<Reply> start(SlashCommand command, Invocation invocation) {
        try {
            return command.run(invocation).toCompletableFuture().exceptionally(e -> failed(invocation.commandName(), e));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failed(invocation.commandName(), e));
        }
    }

    private InteractionResponse inline(String name, Reply reply, long started) {
        log(name, reply.outcome(), "inline", started);
        return InteractionResponse.ephemeralMessage(reply.content(), reply.embeds().isEmpty() ? null : reply.embeds());
    }

    private CompletableFuture<Void> editOriginal(Interaction interaction, String name, Reply reply, long started) {
        if (interaction.token() == null) {
            LOG.warn("command={} deferred but the interaction had no token; cannot finish it", name);
            return CompletableFuture.completedFuture(null);
        }
        return discord.editOriginal(interaction.token(), MessageData.edit(reply.content(), reply.embeds()))
                .whenComplete((ok, error) -> {
                    if (error != null) {
                        LOG.warn("command={} could not edit the deferred answer: {}", name, rootMessage(error));
                    } else {
                        log(name, reply.outcome(), "deferred", started);
                    }
                });
    }

    private CompletableFuture<InteractionResponse> suggest(Invocation invocation) {
        SlashCommand command = commands.named(invocation.commandName()).orElse(null);
        if (command == null) {
            return CompletableFuture.completedFuture(InteractionResponse.choices(List.of()));
        }
        CompletableFuture<List<Choice>> choices;
        try {
            choices = command.suggest(invocation).toCompletableFuture();
        } catch (RuntimeException e) {
            choices = CompletableFuture.failedFuture(e);
        }
        // Autocomplete cannot be deferred: what is not ready in time is no suggestion at all.
        return choices.completeOnTimeout(List.of(), budgetMillis, TimeUnit.MILLISECONDS)
                .exceptionally(e -> {
                    LOG.warn("autocomplete for /{} failed: {}", invocation.commandName(), rootMessage(e));
                    return List.of();
                })
                .thenApply(list -> InteractionResponse.choices(list.stream()
                        .limit(MAX_CHOICES)
                        .map(c -> new Choice(shorten(c.name(), MAX_CHOICE_NAME), c.value()))
                        .toList()));
    }

    private static Reply failed(String name, Throwable error) {
        LOG.error("command={} failed", name, error);
        return Reply.failure("Something went wrong running `/" + name + "`. It has been logged; please try again.");
    }

    private void log(String name, Reply.Outcome outcome, String answer, long started) {
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        // Unknown names come from outside; keep them out of metric labels.
        metrics.command(commands.named(name).isPresent() || CLICK.equals(name) ? name : "unknown", outcome, answer, latency);
        LOG.info("command={} outcome={} answer={} latency_ms={}", name, outcome.name().toLowerCase(), answer, latency.toMillis());
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
