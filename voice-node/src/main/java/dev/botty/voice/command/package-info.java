/** What a music command is on the node: the interface every command class implements, over the contract's request and reply types. */
@NullMarked
package dev.botty.voice.command;

import org.jspecify.annotations.NullMarked;
