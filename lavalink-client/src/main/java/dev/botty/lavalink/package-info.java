/**
 * botty's Lavalink v4 client, for Lavalink 4.2 and newer (the first with DAVE, Discord's
 * end-to-end-encrypted voice, whose voice updates carry the channel id).
 *
 * <p>{@link dev.botty.lavalink.LavalinkNode} talks to one server: REST calls as
 * {@link java.util.concurrent.CompletableFuture}s, and the WebSocket, kept open with reconnects
 * and session resuming. {@link dev.botty.lavalink.LavalinkCluster} spreads guilds over several
 * nodes and moves their players when a node dies. Wire types are in
 * {@link dev.botty.lavalink.protocol.v4}. Only the JDK's HTTP client and Jackson are used.
 *
 * <p>The API is the public types of this package and the protocol's records; how a node does its
 * work is package-private, which the compiler enforces: {@code NodeRest} (REST calls),
 * {@code NodeSocket} (one WebSocket connection and its pings), {@code Reconnect} (when to try
 * again), {@code LavalinkJson} (the codec) and {@code ServerVersion}.
 */
@NullMarked
package dev.botty.lavalink;

import org.jspecify.annotations.NullMarked;
