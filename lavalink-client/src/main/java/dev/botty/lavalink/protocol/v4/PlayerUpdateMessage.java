package dev.botty.lavalink.protocol.v4;

/** {@code playerUpdate}: a player's state, sent every few seconds (5 by default) while it has a track. */
public record PlayerUpdateMessage(String guildId, PlayerState state) implements Message {
    @Override
    public String op() {
        return "playerUpdate";
    }
}
