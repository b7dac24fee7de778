package dev.botty.lavalink.protocol.v4;

/** {@code stats}: the node's load, sent on connect and then every minute; its fields sit beside {@code op}. */
public record StatsMessage(Stats stats) implements Message {
    @Override
    public String op() {
        return "stats";
    }
}
