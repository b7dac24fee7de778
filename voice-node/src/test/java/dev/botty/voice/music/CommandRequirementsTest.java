package dev.botty.voice.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.botty.internal.CommandDefinition;
import dev.botty.internal.MusicCommands;
import dev.botty.internal.MusicControls;
import dev.botty.internal.MusicReply;
import dev.botty.voice.command.MusicCommand;
import dev.botty.voice.music.GuildCommand.Requirement;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One class per music command, each declaring what it needs; the declarations are what is enforced. */
class CommandRequirementsTest extends MusicWorldTest {
    private static final Set<String> STEERING = Set.of("skip", "previous", "stop", "jump", "remove", "pause", "resume", "seek", "volume", "filter", "shuffle", "loop", "autoplay", "controls");
    private static final Set<String> PLAYING = Set.of("nowplaying", "pause", "resume", "seek", "controls");
    private static final Set<String> POSITION = Set.of("jump", "remove");

    @Test
    void everyDefinitionOfTheContractIsOneBeanWithItsRequirements() {
        Map<String, Set<Requirement>> declared = new TreeMap<>();
        for (MusicCommand command : world.commands()) {
            Set<Requirement> requires = ((GuildCommand) command).requires();
            assertEquals(null, declared.put(command.name(), requires), "two beans named /" + command.name());
            assertSame(MusicCommands.named(command.name()).orElse(MusicControls.DEFINITION), command.definition(), "/" + command.name() + " is the contract's");
        }
        Set<String> contract = new java.util.HashSet<>(MusicCommands.ALL.stream().map(CommandDefinition::name).toList());
        contract.add(MusicControls.COMMAND);
        assertEquals(contract, declared.keySet());
        assertEquals(Set.of("join", "play", "queue", "nowplaying", "skip", "previous", "history", "stop", "leave", "jump", "remove", "pause",
                "resume", "seek", "volume", "filter", "shuffle", "loop", "autoplay", "controls"), declared.keySet());
        assertEquals(STEERING, names(declared, Requirement.STEERING));
        assertEquals(PLAYING, names(declared, Requirement.SOMETHING_PLAYING));
        assertEquals(POSITION, names(declared, Requirement.QUEUE_POSITION));
    }

    @Test
    void aSteeringCommandIsRefusedWhileTheBotIsNotInVoice() throws Exception {
        for (String name : STEERING) {
            MusicReply reply = world.run(MusicWorld.ALICE, name, Map.of("position", "1", "level", "50", "time", "0:10", "mode", "track", "preset", "nightcore"));
            assertEquals(MusicReply.Outcome.REFUSED, reply.outcome(), name);
            assertEquals("🎧 I'm not in a voice channel. `/play` something first.", reply.content(), "/" + name);
        }
    }

    private static Set<String> names(Map<String, Set<Requirement>> declared, Requirement requirement) {
        return declared.entrySet().stream().filter(e -> e.getValue().contains(requirement)).map(Map.Entry::getKey).collect(Collectors.toSet());
    }
}
