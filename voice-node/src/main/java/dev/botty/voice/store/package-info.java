/** Guilds' music in SQLite: a real file under the data directory, its schema migrated at start. */
@NullMarked
package dev.botty.voice.store;

import org.jspecify.annotations.NullMarked;
