package dev.botty.simulator;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The wire under {@link FakeLavalink}: HTTP/1.1 and the WebSocket upgrade of {@code /v4/websocket}
 * on one loopback port, as Lavalink serves them. It holds no Lavalink logic; requests, handshakes,
 * messages and closes are handed to the stand-in.
 *
 * <p>All channels share one event loop thread, and every write goes through that loop's task
 * queue, so WebSocket messages leave in the order the stand-in sent them.
 */
final class LavalinkHttpServer {
    static final String WEBSOCKET_PATH = "/v4/websocket";
    private static final AttributeKey<Connection> CONNECTION = AttributeKey.valueOf("botty.lavalink.connection");

    /** One client WebSocket. {@code session} belongs to the stand-in and is guarded by its lock. */
    static final class Connection {
        private final Channel channel;
        private final WebSocketServerHandshaker handshaker;
        FakeLavalink.Session session;
        /** Silent: nothing is sent and pings go unanswered, as over a connection the network lost. */
        volatile boolean frozen;

        Connection(Channel channel, WebSocketServerHandshaker handshaker) {
            this.channel = channel;
            this.handshaker = handshaker;
        }

        void send(String text) {
            if (frozen) {
                return;
            }
            channel.eventLoop().execute(() -> {
                if (channel.isActive()) {
                    channel.writeAndFlush(new TextWebSocketFrame(text));
                }
            });
        }

        /** Closes the TCP connection without a close frame: the client sees it drop. */
        void drop() {
            channel.eventLoop().execute(channel::close);
        }

        /** A close frame with this code, then the TCP close. */
        void close(int code, String reason) {
            channel.eventLoop().execute(() -> handshaker.close(channel, new CloseWebSocketFrame(code, reason))
                    .addListener(ChannelFutureListener.CLOSE));
        }
    }

    private final FakeLavalink lavalink;
    private final EventLoopGroup group =
            new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("fake-lavalink", true), NioIoHandler.newFactory());
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final ServerBootstrap bootstrap;
    private volatile Channel listener;
    private volatile int port;

    LavalinkHttpServer(FakeLavalink lavalink) {
        this.lavalink = lavalink;
        this.bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channels.add(channel);
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                                new RequestHandler(), new FrameHandler());
                    }
                });
    }

    void start(int wantedPort) {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), wantedPort);
        // NIO closes a listening socket only when its selector next wakes, after the close future
        // completed: binding the same port again at once can find it still taken for a moment.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
            if (bound.isSuccess()) {
                listener = bound.channel();
                break;
            }
            if (!(bound.cause() instanceof BindException) || System.nanoTime() > deadline) {
                throw new IllegalStateException("the Lavalink stand-in cannot listen on " + address, bound.cause());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        port = ((InetSocketAddress) listener.localAddress()).getPort();
    }

    int port() {
        return port;
    }

    /** Every connection cut and the port closed: connecting is refused until {@link #bringUp()}. */
    synchronized void takeDown() {
        channels.close().awaitUninterruptibly();
        if (listener != null) {
            listener.close().awaitUninterruptibly();
            listener = null;
        }
    }

    /** The same port opened again. */
    synchronized void bringUp() {
        if (listener == null) {
            start(port);
        }
    }

    synchronized void close() {
        channels.close().awaitUninterruptibly();
        if (listener != null) {
            listener.close().awaitUninterruptibly();
            listener = null;
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    private final class RequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            QueryStringDecoder uri = new QueryStringDecoder(request.uri());
            Map<String, String> headers = new LinkedHashMap<>();
            request.headers().forEach(h -> headers.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
            if (uri.path().equals(WEBSOCKET_PATH)) {
                upgrade(ctx, request, headers);
                return;
            }
            FakeLavalink.Answer answer = lavalink.rest(request.method().name(), uri.path(), uri.parameters(), headers,
                    request.content().toString(StandardCharsets.UTF_8));
            long delay = uri.path().equals("/v4/loadtracks") ? lavalink.loadDelay().toMillis() : 0;
            if (delay > 0) {
                // Later, off the event loop's back: the WebSocket keeps flowing meanwhile.
                request.retain();
                ctx.executor().schedule(() -> {
                    try {
                        respond(ctx, request, answer.status(), answer.contentType(), answer.body());
                    } finally {
                        request.release();
                    }
                }, delay, java.util.concurrent.TimeUnit.MILLISECONDS);
                return;
            }
            respond(ctx, request, answer.status(), answer.contentType(), answer.body());
        }

        private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, Map<String, String> headers) {
            if (!"websocket".equalsIgnoreCase(request.headers().get(HttpHeaderNames.UPGRADE))) {
                // Spring's handshake handler, for a plain GET of the WebSocket path.
                respond(ctx, request, 400, "text/plain;charset=UTF-8", "Can \"Upgrade\" only to \"WebSocket\".");
                return;
            }
            FakeLavalink.HandshakeDecision decision = lavalink.handshake(headers);
            if (decision.status() != 101) {
                respond(ctx, request, decision.status(), null, "");
                return;
            }
            WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(
                    "ws://" + request.headers().get(HttpHeaderNames.HOST) + WEBSOCKET_PATH, null, true, 1 << 20)
                    .newHandshaker(request);
            if (handshaker == null) {
                lavalink.handshakeFailed(decision);
                WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
                return;
            }
            Connection connection = new Connection(ctx.channel(), handshaker);
            ctx.channel().attr(CONNECTION).set(connection);
            HttpHeaders answer = new DefaultHttpHeaders()
                    .add("Session-Resumed", Boolean.toString(decision.resumed()))
                    .add("Lavalink-Api-Version", "4");
            handshaker.handshake(ctx.channel(), request, answer, ctx.newPromise()).addListener(done -> {
                if (done.isSuccess()) {
                    lavalink.opened(connection, decision, headers);
                } else {
                    ctx.channel().attr(CONNECTION).set(null);
                    lavalink.handshakeFailed(decision);
                    ctx.close();
                }
            });
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            Connection connection = ctx.channel().attr(CONNECTION).getAndSet(null);
            if (connection != null) {
                lavalink.closed(connection);
            }
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    private final class FrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            Connection connection = ctx.channel().attr(CONNECTION).get();
            switch (frame) {
                case TextWebSocketFrame text when connection != null -> lavalink.received(connection, text.text());
                case PingWebSocketFrame ping when connection != null && connection.frozen -> { }
                case PingWebSocketFrame ping -> ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
                case CloseWebSocketFrame close when connection != null ->
                        connection.handshaker.close(ctx.channel(), close.retain()).addListener(ChannelFutureListener.CLOSE);
                case CloseWebSocketFrame close -> ctx.close();
                default -> { }
            }
        }
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest request, int status, String contentType, String body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        // Lavalink's ResponseHeaderFilter puts this on every answer.
        response.headers().set("Lavalink-Api-Version", "4");
        if (contentType != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        if (status != 204) {
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
