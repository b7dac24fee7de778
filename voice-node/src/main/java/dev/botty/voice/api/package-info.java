/**
 * The voice node's internal API: the contract's music requests (signed by the interactions-api,
 * see docs/internal-api.md) dispatched to {@link dev.botty.voice.command.MusicCommand} beans, and
 * the node's status.
 */
@NullMarked
package dev.botty.voice.api;

import org.jspecify.annotations.NullMarked;
