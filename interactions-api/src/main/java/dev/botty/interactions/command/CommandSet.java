package dev.botty.interactions.command;

import java.util.List;

/**
 * Commands that come as a set rather than as one bean each: the music commands, one forwarding
 * command per definition of the contract. {@link CommandCatalog} lists them with the single ones.
 */
public interface CommandSet {
    List<SlashCommand> commands();
}
