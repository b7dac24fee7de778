package dev.botty.voice.gateway;

import dev.botty.simulator.FakeDiscord;
import dev.botty.simulator.FakeGateway;
import dev.botty.simulator.SimulatedGuild;
import dev.botty.voice.config.VoiceNodeConfig.GatewayConfig;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Discord's REST and gateway stand-ins on loopback with one guild, and a {@link VoiceGateway}
 * logged into them whose updates and events are recorded in order.
 */
public final class SimulatedDiscord implements AutoCloseable {
    static final String TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.simulated.token";
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    static final long GUILD = 41771983423143937L;
    static final long GENERAL = 41771983423143938L;
    static final long LOUNGE = 41771983423143939L;
    static final long MUSIC = 41771983423143940L;
    static final long BOOTH = 41771983423143941L;
    static final long ALICE = 80351110224678912L;
    static final long BOB = 80351110224678913L;
    /** Another music bot, sitting in the lounge: never company. */
    static final long OTHER_BOT = 80351110224678914L;

    final FakeDiscord rest;
    final FakeGateway gateway;
    final BlockingQueue<VoiceConnectionUpdate> updates = new LinkedBlockingQueue<>();
    final BlockingQueue<VoiceEvent> events = new LinkedBlockingQueue<>();
    private VoiceGateway voice;

    private SimulatedDiscord() throws Exception {
        this.rest = FakeDiscord.start(0).requireBotToken(TOKEN);
        this.gateway = FakeGateway.start(TOKEN).voiceEndpoint("voice.simulator.invalid:443");
        rest.gatewayUrl(gateway.url());
        gateway.addGuild(new SimulatedGuild(GUILD, "Homelab")
                .member(ALICE, "alice")
                .member(BOB, "bob")
                .botMember(OTHER_BOT, "jukebox")
                .textChannel(GENERAL, "general")
                .voiceChannel(LOUNGE, "Lounge")
                .voiceChannel(MUSIC, "Music")
                .voiceChannel(BOOTH, "Booth", 1)
                .inVoice(ALICE, LOUNGE)
                .inVoice(OTHER_BOT, LOUNGE)
                .inVoice(BOB, BOOTH));
    }

    /** The stand-ins only; call {@link #connect} to log in. */
    static SimulatedDiscord start() throws Exception {
        return new SimulatedDiscord();
    }

    /** Music through a Lavalink stand-in, leaving a silent bot after {@code idle}, a lonely one after {@code alone}. */
    static dev.botty.voice.config.VoiceNodeConfig.MusicConfig music(dev.botty.simulator.FakeLavalink lavalink, Duration idle, Duration alone) {
        return new dev.botty.voice.config.VoiceNodeConfig.MusicConfig(List.of(lavalink.uri()), lavalink.password(),
                List.of("ytsearch", "scsearch"), idle, alone);
    }

    GatewayConfig config(String token) {
        return new GatewayConfig(token, URI.create(rest.apiUrl()), Optional.of(gateway.uri()), 0, 1);
    }

    /** Logs a {@link VoiceGateway} in and waits until its guild has arrived. */
    VoiceGateway connect() throws InterruptedException {
        voice = VoiceGateway.connect(config(TOKEN), List.of(updates::add), List.of(events::add));
        if (!voice.awaitReady(TIMEOUT)) {
            throw new AssertionError("not ready within " + TIMEOUT + "; frames: " + gateway.frames());
        }
        return voice;
    }

    VoiceConnectionUpdate nextUpdate() throws InterruptedException {
        VoiceConnectionUpdate update = updates.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (update == null) {
            throw new AssertionError("no voice connection update within " + TIMEOUT + "; frames: " + gateway.frames());
        }
        return update;
    }

    VoiceEvent nextEvent() throws InterruptedException {
        VoiceEvent event = events.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("no voice event within " + TIMEOUT + "; frames: " + gateway.frames());
        }
        return event;
    }

    /** The events so far, without waiting. */
    List<VoiceEvent> drainEvents() {
        List<VoiceEvent> drained = new ArrayList<>();
        events.drainTo(drained);
        return drained;
    }

    @Override
    public void close() throws Exception {
        if (voice != null) {
            voice.close();
        }
        gateway.close();
        rest.close();
    }
}
