/** Per-guild music: queues, what plays, loop and volume, and the player loop driven by Lavalink's events. */
@NullMarked
package dev.botty.voice.music;

import org.jspecify.annotations.NullMarked;
