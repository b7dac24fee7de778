// Checks a Lavalink v4 server with parties botty did not write: Shoukaku (a widely used Node.js
// client) drives it — connects, loads tracks, creates, updates and destroys a player with a voice
// state, resumes its session — while lavaclient's lavalink-protocol schemas (effect/Schema, for
// Lavalink 4.2) validate every REST request and answer and every WebSocket message, refusing keys
// they do not declare. Then the requests botty's own client sent (a JSON file) are validated against
// the same schemas.
//
//   node lavalink-check.mjs HOST:PORT PASSWORD USER_ID GUILD_ID CHANNEL_ID BOTTY_REQUESTS.json
//
// Prints one line per check and a summary; exits 1 when anything failed.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Connector, Shoukaku } from "shoukaku";
import { ParseResult, Schema } from "effect";

const L = createRequire(import.meta.url)("lavalink-protocol");
const [address, password, userId, guildId, channelId, bottyRequests] = process.argv.slice(2);
const problems = [];
const checked = new Map();

/**
 * Where Lavalink 4.2 itself goes beyond lavalink-protocol 1.2.1, each named with its source. The
 * data is checked with just these differences taken out; nothing else is allowed.
 */
const BEYOND_THE_SCHEMAS = [
    {
        name: "causeStackTrace in an Exception object (Lavalink's docs/api/websocket.md, Exception Object)",
        adjust(data) {
            const exceptions = [data?.loadType === "error" ? data.data : null, data?.type === "TrackExceptionEvent" ? data.exception : null];
            return exceptions.filter(e => e && "causeStackTrace" in e).map(e => delete e.causeStackTrace).length;
        },
    },
    {
        name: "a filter set to null, which turns it off (Lavalink's protocol: Filters.karaoke is Omissible<Karaoke?>, and so on)",
        adjust(data) {
            const filters = data?.filters;
            if (!filters || typeof filters !== "object") {
                return 0;
            }
            const off = Object.keys(filters).filter(key => filters[key] === null);
            off.forEach(key => delete filters[key]);
            return off.length;
        },
    },
];
const allowed = new Map();

function check(what, schema, original) {
    checked.set(what, (checked.get(what) ?? 0) + 1);
    const data = structuredClone(original);
    for (const beyond of BEYOND_THE_SCHEMAS) {
        const used = beyond.adjust(data);
        if (used > 0) {
            allowed.set(beyond.name, (allowed.get(beyond.name) ?? 0) + used);
        }
    }
    const result = Schema.decodeUnknownEither(schema, { onExcessProperty: "error" })(data);
    if (result._tag === "Left") {
        const issues = ParseResult.ArrayFormatter.formatIssueSync(result.left.issue)
            .map(issue => `${issue.path.length ? issue.path.join(".") : "(top)"}: ${issue.message.split("\n").pop().trim()}`);
        problems.push(`${what}: ${[...new Set(issues)].slice(0, 6).join("; ")}\n    ${JSON.stringify(original).slice(0, 300)}`);
    }
}

function expect(condition, what) {
    checked.set("expectation", (checked.get("expectation") ?? 0) + 1);
    if (!condition) {
        problems.push(`expected: ${what}`);
    }
}

const SESSION = "/v4/sessions/[^/]+";
const PLAYER = `${SESSION}/players/\\d+`;
/** REST routes as lavalink-protocol describes them: method, path, body schema, answer schema. */
const ROUTES = [
    ["GET", "/v4/info", null, L.RESTGetAPINodeInfoResult],
    ["GET", "/v4/stats", null, L.RESTGetAPINodeStatsResult],
    ["GET", "/v4/loadtracks", null, L.RESTGetAPILoadTracksResult],
    ["GET", "/v4/decodetrack", null, L.RESTGetAPIDecodeTrackResult],
    ["POST", "/v4/decodetracks", L.RESTPostAPIDecodeTracksJSONBody, L.RESTPostAPIDecodeTracksResult],
    ["GET", `${SESSION}/players`, null, L.RESTGetAPIPlayersResult],
    ["GET", PLAYER, null, L.RESTGetAPIPlayerResult],
    ["PATCH", PLAYER, L.RESTPatchAPIPlayerJSONBody, L.RESTPatchAPIPlayerResult],
    ["DELETE", PLAYER, null, null],
    ["PATCH", SESSION, L.RESTPatchAPISessionJSONBody, L.RESTPatchAPISessionResult],
].map(([method, path, body, answer]) => ({ method, pattern: new RegExp(`^${path}$`), body, answer }));

function route(method, path) {
    return ROUTES.find(r => r.method === method && r.pattern.test(path));
}

// Every REST call Shoukaku makes goes through fetch: its request and answer are checked on the way.
const realFetch = globalThis.fetch;
globalThis.fetch = async (url, init = {}) => {
    const method = (init.method ?? "GET").toUpperCase();
    const path = new URL(url).pathname;
    const known = route(method, path);
    if (!known) {
        problems.push(`Shoukaku called ${method} ${path}, which lavalink-protocol does not describe`);
    } else if (known.body && init.body) {
        check(`${method} ${known.pattern.source} request`, known.body, JSON.parse(init.body));
    }
    const response = await realFetch(url, init);
    if (known && response.ok && known.answer && response.status !== 204) {
        check(`${method} ${known.pattern.source} answer`, known.answer, await response.clone().json());
    } else if (!response.ok) {
        check(`${method} ${path} error answer`, L.error, await response.clone().json());
    }
    return response;
};

/** A Discord library as far as Shoukaku needs one: it answers a voice join as Discord's gateway does. */
class SimulatedDiscord extends Connector {
    getId() {
        return userId;
    }

    sendPacket(shardId, payload) {
        if (payload.op !== 4 || !payload.d.channel_id) {
            return;
        }
        const d = payload.d;
        setTimeout(() => {
            this.raw({ t: "VOICE_STATE_UPDATE", d: { guild_id: d.guild_id, channel_id: d.channel_id, user_id: userId,
                session_id: "shoukaku-voice-session", self_deaf: d.self_deaf, self_mute: d.self_mute } });
            this.raw({ t: "VOICE_SERVER_UPDATE", d: { guild_id: d.guild_id, token: "shoukaku-voice-token",
                endpoint: "c-fra12-4a2b.discord.media:443" } });
        }, 10);
    }

    listen(nodes) {
        setImmediate(() => this.ready(nodes));
    }
}

function timeout(ms, what) {
    return new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms));
}

function next(emitter, event, what, ms = 10_000) {
    return Promise.race([new Promise(resolve => emitter.once(event, (...args) => resolve(args))), timeout(ms, what)]);
}

async function main() {
    const shoukaku = new Shoukaku(new SimulatedDiscord({}), [{ name: "simulated", url: address, auth: password }],
        { resume: true, resumeTimeout: 60, reconnectTries: 5, reconnectInterval: 1, restTimeout: 10 });
    shoukaku.on("error", (name, error) => problems.push(`Shoukaku reported an error: ${error?.message ?? error}`));
    shoukaku.on("raw", (name, message) => check(`WebSocket ${message.op}${message.type ? " " + message.type : ""}`, L.message, message));
    const [, firstResumed] = await next(shoukaku, "ready", "the first ready");
    expect(firstResumed === false, "a new session on the first connect");
    const node = shoukaku.nodes.get("simulated");

    await node.rest.getLavalinkInfo();
    await node.rest.stats();
    const search = await node.rest.resolve("ytsearch:loopback rock");
    expect(search?.loadType === "search" && search.data.length > 0, "a search finds tracks");
    const one = await node.rest.resolve("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
    expect(one?.loadType === "track", "a link loads its track");
    const playlist = await node.rest.resolve("https://www.youtube.com/playlist?list=PLbottySimulatorMix0000000000000001");
    expect(playlist?.loadType === "playlist" && playlist.data.tracks.length === 3, "a playlist loads its tracks");
    const empty = await node.rest.resolve("ytsearch:qqqq nothing sounds like this zzzz");
    expect(empty?.loadType === "empty", "a search without results is empty");
    const failed = await node.rest.resolve("https://www.youtube.com/watch?v=bottyBlock04");
    expect(failed?.loadType === "error", "a blocked video fails to load");
    const decoded = await node.rest.decode(one.data.encoded);
    expect(decoded?.info.title === one.data.info.title, "decoding gives the track back");

    const player = await shoukaku.joinVoiceChannel({ guildId, channelId, shardId: 0 });
    const started = next(player, "start", "TrackStartEvent");
    await player.playTrack({ track: { encoded: search.data[0].encoded } });
    await started;
    await player.setGlobalVolume(50);
    await player.setPaused(true);
    await player.setPaused(false);
    await player.seekTo(30_000);
    await player.setTimescale({ speed: 1.25, pitch: 1.25, rate: 1 });
    await player.clearFilters();
    const before = await node.rest.getPlayer(guildId);
    expect(before?.voice?.sessionId === "shoukaku-voice-session" && before.voice.endpoint === "c-fra12-4a2b.discord.media:443",
        "the player has the voice state Shoukaku gave it");
    expect(before?.track?.encoded === search.data[0].encoded && before.volume === 50, "the player plays the track at 50%");
    expect((await node.rest.getPlayers()).length === 1, "the session lists its one player");

    // The connection drops; Shoukaku reconnects naming its session, and Lavalink resumes it.
    const sessionId = node.sessionId;
    const again = next(node, "ready", "ready after the drop");
    node.ws.terminate();
    const [resumed] = await again;
    expect(resumed === true, "the session was resumed");
    expect(node.sessionId === sessionId, "the session id stayed the same");
    const after = await node.rest.getPlayer(guildId);
    expect(after?.track?.encoded === before.track.encoded, "the player played on through the drop");

    await shoukaku.leaveVoiceChannel(guildId);
    expect((await node.rest.getPlayers()).length === 0, "leaving destroyed the player");
    node.disconnect(1000, "done");

    // What botty's own client sent the same server, against the same schemas.
    for (const request of JSON.parse(readFileSync(bottyRequests, "utf8"))) {
        const known = route(request.method, request.path);
        if (!known) {
            problems.push(`botty's client called ${request.method} ${request.path}, which lavalink-protocol does not describe`);
        } else if (known.body) {
            check(`botty's ${request.method} ${known.pattern.source} request`, known.body, request.body);
        }
    }
}

try {
    await Promise.race([main(), timeout(60_000, "the whole check")]);
} catch (error) {
    problems.push(`the check stopped: ${error?.stack ?? error}`);
}
for (const [what, count] of [...checked.entries()].sort()) {
    console.log(`checked ${String(count).padStart(3)} × ${what}`);
}
for (const [name, count] of allowed) {
    console.log(`allowed ${String(count).padStart(3)} × ${name}`);
}
if (problems.length > 0) {
    console.log(`\n${problems.length} problem(s):`);
    problems.forEach(problem => console.log(`- ${problem}`));
    process.exit(1);
}
console.log("\nlavalink-protocol accepts everything Shoukaku and botty exchanged with the server");
process.exit(0);
