/**
 * The contract between botty's interactions-api and its voice nodes (see docs/internal-api.md):
 * the music commands' definitions ({@link dev.botty.internal.MusicCommands}), what crosses the
 * wire for each ({@link dev.botty.internal.MusicRequest} one way, {@link dev.botty.internal.MusicReply}
 * or {@link dev.botty.internal.MusicSuggestions} back), how requests are signed
 * ({@link dev.botty.internal.RequestSignature}) and what a node reports about itself
 * ({@link dev.botty.internal.NodeStatus}). Both services compile against this module, so the two
 * sides cannot drift apart.
 */
@NullMarked
package dev.botty.internal;

import org.jspecify.annotations.NullMarked;
