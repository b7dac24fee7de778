package dev.botty.voice.music;

import dev.botty.internal.NodeStatus;
import java.util.List;

/** The music side of a node's status: implemented by the music logic, read by the status endpoints. */
public interface MusicOverview {
    /** Every guild with a player: in voice, or with something queued. */
    List<NodeStatus.GuildPlayer> guilds();

    /** Guilds where the bot sits in a voice channel. */
    int voiceConnections();

    /** Each configured Lavalink node. */
    List<NodeStatus.LavalinkNode> lavalinkNodes();
}
