package dev.botty.interactions.voice;

/**
 * {@code GET /v1/status} answers as a voice node writes them (the shape of
 * {@link dev.botty.internal.NodeStatus} in JSON), for the stand-in nodes of the status tests.
 */
public final class NodeStatusJson {
    public static final String VERSION = "0.9.1-test";
    public static final String TITLE = "Loopback <Rock> & \"Roll\"";
    public static final String GUILD_NAME = "Test Guild";
    public static final int QUEUE_LENGTH = 3;

    private NodeStatusJson() {}

    /** Shard {@code shard} of 2, connected, one guild playing {@link #TITLE} with {@link #QUEUE_LENGTH} queued, one Lavalink node. */
    public static String playing(int shard) {
        return """
                {"version":"%s","startedAt":"2026-11-23T01:00:00Z","uptimeSeconds":3725,"shardId":%d,"shardCount":2,
                 "gateway":{"state":"CONNECTED","pingMs":42,"guilds":5},
                 "voiceConnections":1,
                 "guilds":[{"guildId":"41771983423143937","guildName":"%s","channelName":"Lounge",
                   "nowPlaying":{"title":"Loopback <Rock> & \\"Roll\\"","author":"The Testers","uri":"https://example.org/rock",
                     "positionMs":61000,"lengthMs":215000,"paused":false},
                   "queueLength":%d,"loop":"off","volume":80}],
                 "lavalink":[{"name":"lavalink-1","state":"CONNECTED","version":"4.2.2","players":1,"playingPlayers":1,
                   "cpuLoad":0.12,"memoryUsedBytes":134217728,"frames":{"sent":2990,"nulled":4,"deficit":6}}],
                 "commands":{"play":{"ok":7,"refused":1},"skip":{"ok":2}},
                 "lastErrors":[{"at":"2026-11-23T01:30:00Z","message":"Could not load <track>: no matches"}]}
                """.formatted(VERSION, shard, GUILD_NAME, QUEUE_LENGTH);
    }
}
