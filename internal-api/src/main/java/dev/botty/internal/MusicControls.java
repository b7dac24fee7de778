package dev.botty.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * The buttons of the now-playing message. A click arrives at the interactions-api like any
 * interaction and goes to the guild's voice node as a {@link MusicRequest} for {@link #COMMAND}
 * with the {@link #ACTION} option; the node answers with the message as it should now look
 * ({@link MusicReply#update()}) or a refusal for the clicker alone.
 *
 * <p>A button's custom id carries a version ({@code botty:music:v1:pause}): a message posted by an
 * older or newer botty still answers sensibly after a restart or an upgrade, with a plain word
 * instead of a wrong action.
 */
public final class MusicControls {
    /** Every music button's custom id starts so. */
    public static final String PREFIX = "botty:music:";
    /** The version of the custom ids this botty writes and reads. */
    public static final int VERSION = 1;
    /** The command a click is forwarded as; not a slash command, never registered. */
    public static final String COMMAND = "controls";
    /** The option naming the button clicked. */
    public static final String ACTION = "action";
    /** The definition of {@link #COMMAND}, for the node's command class; not in {@link MusicCommands#ALL}. */
    public static final CommandDefinition DEFINITION = CommandDefinition.slash(COMMAND, "The now-playing message's buttons");

    private MusicControls() {}

    /** What a button does. */
    public enum Action {
        /** Pause, or resume when paused. */
        PAUSE,
        SKIP,
        STOP,
        /** The next loop mode: off, queue, track, off… */
        LOOP,
        SHUFFLE;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Action> fromKey(String key) {
            for (Action action : values()) {
                if (action.key().equals(key)) {
                    return Optional.of(action);
                }
            }
            return Optional.empty();
        }
    }

    public static String customId(Action action) {
        return PREFIX + "v" + VERSION + ":" + action.key();
    }

    /** Whether a custom id is one of the music buttons, of any version. */
    public static boolean isMusic(String customId) {
        return customId.startsWith(PREFIX);
    }

    /** The action of a music button of this version; empty for another version or an unknown action. */
    public static Optional<Action> action(String customId) {
        String current = PREFIX + "v" + VERSION + ":";
        return customId.startsWith(current) ? Action.fromKey(customId.substring(current.length())) : Optional.empty();
    }
}
