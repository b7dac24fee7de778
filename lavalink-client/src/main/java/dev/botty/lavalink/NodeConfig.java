package dev.botty.lavalink;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

/**
 * How to reach one Lavalink server and how to behave towards it.
 *
 * @param name              how logs, metrics and the cluster call the node
 * @param uri               its base URI, {@code http://lavalink:2333} (the WebSocket is {@code ws://…/v4/websocket})
 * @param password          Lavalink's {@code lavalink.server.password}
 * @param userId            the bot's Discord user id, sent as {@code User-Id}
 * @param clientName        the {@code Client-Name} header, {@code botty/<version>} by default
 * @param requestTimeout    for each REST call and the WebSocket handshake; a voice update waits for
 *                          Lavalink's voice connection, so keep it well above a second
 * @param resumeTimeout     how long Lavalink keeps the session (and plays on) after the WebSocket
 *                          drops; zero turns resuming off
 * @param reconnectDelay    the first reconnect delay, doubled per failed attempt, with jitter
 * @param maxReconnectDelay the cap of that delay; also how often a refused (too old) server is checked again
 * @param pingInterval      how often the WebSocket is pinged; a connection that has not answered the
 *                          previous ping by the next one is taken for dead and replaced
 */
public record NodeConfig(String name, URI uri, String password, long userId, String clientName, Duration requestTimeout,
                         Duration resumeTimeout, Duration reconnectDelay, Duration maxReconnectDelay, Duration pingInterval) {
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RESUME_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_RECONNECT_DELAY = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_RECONNECT_DELAY = Duration.ofSeconds(60);
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(15);

    public NodeConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(clientName, "clientName");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a node needs a name");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("a Lavalink URI is http:// or https://, not " + uri);
        }
        if (userId == 0) {
            throw new IllegalArgumentException("Lavalink refuses a User-Id of 0");
        }
        if (isNotPositive(requestTimeout) || isNotPositive(reconnectDelay) || isNotPositive(maxReconnectDelay)
                || isNotPositive(pingInterval)) {
            throw new IllegalArgumentException("timeouts and delays must be positive");
        }
        if (resumeTimeout == null || resumeTimeout.isNegative()) {
            throw new IllegalArgumentException("the resume timeout must be zero (off) or positive");
        }
        if (maxReconnectDelay.compareTo(reconnectDelay) < 0) {
            throw new IllegalArgumentException("the reconnect delay cap is below the first delay");
        }
    }

    /** A node with the defaults: 10 s requests, 60 s resuming, reconnects from 1 s up to 60 s apart, a ping every 15 s. */
    public static NodeConfig of(String name, URI uri, String password, long userId) {
        return new NodeConfig(name, uri, password, userId, defaultClientName(), DEFAULT_REQUEST_TIMEOUT,
                DEFAULT_RESUME_TIMEOUT, DEFAULT_RECONNECT_DELAY, DEFAULT_MAX_RECONNECT_DELAY, DEFAULT_PING_INTERVAL);
    }

    public NodeConfig withRequestTimeout(Duration timeout) {
        return new NodeConfig(name, uri, password, userId, clientName, timeout, resumeTimeout, reconnectDelay,
                maxReconnectDelay, pingInterval);
    }

    public NodeConfig withResumeTimeout(Duration timeout) {
        return new NodeConfig(name, uri, password, userId, clientName, requestTimeout, timeout, reconnectDelay,
                maxReconnectDelay, pingInterval);
    }

    public NodeConfig withReconnectDelays(Duration first, Duration max) {
        return new NodeConfig(name, uri, password, userId, clientName, requestTimeout, resumeTimeout, first, max, pingInterval);
    }

    public NodeConfig withPingInterval(Duration interval) {
        return new NodeConfig(name, uri, password, userId, clientName, requestTimeout, resumeTimeout, reconnectDelay,
                maxReconnectDelay, interval);
    }

    public NodeConfig withClientName(String clientName) {
        return new NodeConfig(name, uri, password, userId, clientName, requestTimeout, resumeTimeout, reconnectDelay,
                maxReconnectDelay, pingInterval);
    }

    public boolean resuming() {
        return !resumeTimeout.isZero();
    }

    /** {@code botty/<version of this module>}. */
    public static String defaultClientName() {
        return "botty/" + ClientVersion.VERSION;
    }

    /** The base URI without a trailing slash, so that paths can follow it (also under a proxy's sub-path). */
    String base() {
        String base = uri.toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    URI websocketUri() {
        return URI.create(("https".equals(uri.getScheme()) ? "wss" : "ws") + base().substring(uri.getScheme().length())
                + "/v4/websocket");
    }

    /** Without the password. */
    @Override
    public String toString() {
        return "NodeConfig[name=" + name + ", uri=" + uri + ", userId=" + Long.toUnsignedString(userId) + ", clientName="
                + clientName + ", requestTimeout=" + requestTimeout + ", resumeTimeout=" + resumeTimeout
                + ", reconnectDelay=" + reconnectDelay + ", maxReconnectDelay=" + maxReconnectDelay
                + ", pingInterval=" + pingInterval + "]";
    }

    private static boolean isNotPositive(Duration duration) {
        return duration == null || duration.isNegative() || duration.isZero();
    }

    private static final class ClientVersion {
        static final String VERSION = read();

        private static String read() {
            try (InputStream in = NodeConfig.class.getResourceAsStream("client.properties")) {
                Properties properties = new Properties();
                if (in != null) {
                    properties.load(in);
                }
                String version = properties.getProperty("version", "");
                return version.isBlank() || version.startsWith("${") ? "dev" : version;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
