/**
 * Lavalink v4's wire format as Java records: REST bodies, WebSocket messages and the pieces they
 * share, shaped on Lavalink's docs ({@code docs/api/rest.md}, {@code docs/api/websocket.md}) and,
 * where those are silent, on its {@code protocol} module. The node (its package-private codec)
 * reads and writes them; unknown fields are ignored, so a newer server does not break the client.
 * Fields the docs mark nullable are nullable here; everything else is non-null once decoded.
 */
@NullMarked
package dev.botty.lavalink.protocol.v4;

import org.jspecify.annotations.NullMarked;
