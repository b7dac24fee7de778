/** A guild's queue as data: the queued tracks, the loop mode and the snapshot the store keeps. */
@NullMarked
package dev.botty.voice.queue;

import org.jspecify.annotations.NullMarked;
