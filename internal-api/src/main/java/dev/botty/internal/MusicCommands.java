package dev.botty.internal;

import dev.botty.internal.CommandDefinition.ChoiceDefinition;
import dev.botty.internal.CommandDefinition.OptionDefinition;
import java.util.List;
import java.util.Optional;

/**
 * The music commands as Discord shows them, read by both services: the interactions-api registers
 * each one and forwards it to the guild's voice node without naming any; the voice node runs each
 * with the command class whose {@code definition()} is the same constant. All are guild-only:
 * voice exists only in guilds. Adding a music command is a constant here (listed in {@link #ALL})
 * and its class on the node; a test on the node checks that every definition has exactly one.
 */
public final class MusicCommands {
    private MusicCommands() {}

    private static final List<Integer> GUILD_INSTALL = List.of(CommandDefinition.GUILD_INSTALL);
    private static final List<Integer> GUILD_ONLY = List.of(CommandDefinition.CONTEXT_GUILD);
    private static final OptionDefinition POSITION = OptionDefinition.integer("position", "Position in the queue (1 is next)", true, 1, 10_000);

    public static final CommandDefinition JOIN = music("join", "Join your voice channel");
    public static final CommandDefinition PLAY = music("play", "Play a song or playlist: a URL or words to search for",
            OptionDefinition.string("query", "A URL, or what to search for", true).withLength(1, 200).withAutocomplete());
    public static final CommandDefinition QUEUE = music("queue", "Show what is queued",
            OptionDefinition.integer("page", "Page of the queue", false, 1, 1_000));
    public static final CommandDefinition NOW_PLAYING = music("nowplaying", "Show the track playing and how far along it is");
    public static final CommandDefinition SKIP = music("skip", "Skip to the next track");
    public static final CommandDefinition PREVIOUS = music("previous", "Play the track before this one again");
    public static final CommandDefinition HISTORY = music("history", "Show the tracks played lately",
            OptionDefinition.integer("page", "Page of the history", false, 1, 5));
    public static final CommandDefinition STOP = music("stop", "Stop playing and clear the queue (stays in the channel)");
    public static final CommandDefinition LEAVE = music("leave", "Leave the voice channel");
    public static final CommandDefinition JUMP = music("jump", "Jump to a track in the queue", POSITION);
    public static final CommandDefinition REMOVE = music("remove", "Remove a track from the queue", POSITION);
    public static final CommandDefinition PAUSE = music("pause", "Pause playback");
    public static final CommandDefinition RESUME = music("resume", "Resume playback");
    public static final CommandDefinition SEEK = music("seek", "Go to a time in the track",
            OptionDefinition.string("time", "Where to go, like 1:30 or 90", true).withLength(1, 12));
    public static final CommandDefinition VOLUME = music("volume", "Set the volume",
            OptionDefinition.integer("level", "Volume in percent (100 is normal)", true, 0, 200));
    public static final CommandDefinition SHUFFLE = music("shuffle", "Shuffle the queue");
    public static final CommandDefinition LOOP = music("loop", "Repeat the track or the queue",
            OptionDefinition.string("mode", "What to repeat", true).withChoices(List.of(
                    new ChoiceDefinition("Off", "off"),
                    new ChoiceDefinition("This track", "track"),
                    new ChoiceDefinition("The whole queue", "queue"))));

    public static final CommandDefinition FILTER = music("filter", "Change how the music sounds",
            OptionDefinition.string("preset", "The sound", true).withChoices(List.of(
                    new ChoiceDefinition("Off", "off"),
                    new ChoiceDefinition("Bass boost", "bassboost"),
                    new ChoiceDefinition("Nightcore", "nightcore"),
                    new ChoiceDefinition("Vaporwave", "vaporwave"),
                    new ChoiceDefinition("8D (rotating)", "8d"),
                    new ChoiceDefinition("Karaoke (voice removed)", "karaoke"))));

    public static final CommandDefinition AUTOPLAY = music("autoplay", "When the queue runs out, play something related",
            OptionDefinition.string("mode", "On or off", true).withChoices(List.of(
                    new ChoiceDefinition("On", "on"),
                    new ChoiceDefinition("Off", "off"))));

    /** Every music command, in the order Discord lists them. */
    public static final List<CommandDefinition> ALL = List.of(
            JOIN, PLAY, QUEUE, NOW_PLAYING, SKIP, PREVIOUS, HISTORY, STOP, LEAVE, JUMP, REMOVE, PAUSE, RESUME, SEEK, VOLUME, FILTER, SHUFFLE, LOOP, AUTOPLAY);

    /** The music command of this name, if there is one. */
    public static Optional<CommandDefinition> named(String name) {
        return ALL.stream().filter(definition -> definition.name().equals(name)).findFirst();
    }

    private static CommandDefinition music(String name, String description, OptionDefinition... options) {
        CommandDefinition definition = CommandDefinition.slash(name, description).onlyIn(GUILD_INSTALL, GUILD_ONLY);
        for (OptionDefinition option : options) {
            definition = definition.with(option);
        }
        return definition;
    }
}
