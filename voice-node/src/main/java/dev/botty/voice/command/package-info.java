/** What a music command is, what it is asked and what it answers: the types the internal API, the commands and the gateway's notices share. */
@NullMarked
package dev.botty.voice.command;

import org.jspecify.annotations.NullMarked;
