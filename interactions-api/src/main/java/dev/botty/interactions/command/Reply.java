package dev.botty.interactions.command;

import dev.botty.interactions.discord.ActionRow;
import dev.botty.interactions.discord.Embed;
import java.util.List;

/**
 * What a command answers; for a click on a button, possibly the clicked message as it should now
 * look ({@code updatesMessage}, with its {@code components}). Whether the user was refused is part of the value, not an exception:
 * refusals are expected, and the dispatcher counts them apart from successes.
 */
public record Reply(String content, List<Embed> embeds, Outcome outcome, List<ActionRow> components, boolean updatesMessage) {
    public enum Outcome {
        OK,
        REFUSED,
        FAILED
    }

    public Reply {
        embeds = List.copyOf(embeds);
        components = List.copyOf(components);
    }

    public Reply(String content, List<Embed> embeds, Outcome outcome) {
        this(content, embeds, outcome, List.of(), false);
    }

    public static Reply text(String content) {
        return new Reply(content, List.of(), Outcome.OK);
    }

    public static Reply embed(Embed embed) {
        return new Reply(null, List.of(embed), Outcome.OK);
    }

    /** The user may not do this; say so plainly. */
    public static Reply refusal(String content) {
        return new Reply(content, List.of(), Outcome.REFUSED);
    }

    /** Something outside failed (a service down, nothing found); tell the user what and what to try. */
    public static Reply failure(String content) {
        return new Reply(content, List.of(), Outcome.FAILED);
    }
}
