package dev.botty.service.guard;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Watches one HTTP/1.1 connection between Netty's codec and Micronaut's request handling, and
 * cuts it off when a client costs more than {@link ServerLimits} allows. It reads no request and
 * routes nothing: every request and answer passes through to Micronaut as it is. What it adds:
 * <ul>
 *   <li><b>A deadline per request.</b> From the first byte of a request to its last, at most
 *       {@link ServerLimits#requestTimeout()}. A head still incomplete then is answered 408 here
 *       (Micronaut has nothing of it yet); a body still incomplete is failed into Micronaut as a
 *       408, which Micronaut answers in order. Either way the connection is closed after the
 *       answer.
 *   <li><b>Body bytes counted against one budget</b> ({@link UnfinishedBytes}) while a request
 *       arrives, by the buffers they pin, not by what the client announced. A request refused by
 *       the budget is failed into Micronaut as a 503 and its connection closed after the answer.
 *   <li><b>Its place among the port's connections</b> ({@link PortConnections}).
 * </ul>
 * Counting the answers Micronaut writes is what keeps a 408 written here from overtaking one of
 * Micronaut's. All state but the three cross-thread fields is touched on the event loop only.
 */
final class RequestGuard extends ChannelDuplexHandler {
    /** Why a connection was cut off, as the metrics name it. */
    enum Cause {
        TIMEOUT, MEMORY, CONNECTIONS;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** How long Micronaut has to write a refusal failed into it before the connection is closed regardless. */
    static final long ANSWER_GRACE_MILLIS = 1_000;
    /** What a held copy costs beyond its bytes: the buffer, its array header, the content wrapper. */
    static final int COPY_OVERHEAD_BYTES = 128;

    private final ServerLimits limits;
    private final UnfinishedBytes budget;
    private final PortConnections connections;
    private final GuardMetrics metrics;

    /** Body bytes counted for the request arriving, and whether they are on their way out:
     *  {@link UnfinishedBytes}'s, under its lock. */
    long held;
    boolean condemned;
    private volatile long lastActivity = System.nanoTime();
    private volatile boolean awaitingAnswer;

    private ChannelHandlerContext ctx;
    /** Between the first byte of a request and its last. */
    private boolean receiving;
    /** The request arriving has its head with Micronaut. */
    private boolean headed;
    /** A message came out of the codec during the current read. */
    private boolean decoded;
    /** Requests passed on whose final answer has not been written. */
    private int owed;
    /** The answer being written is a 1xx: its end answers nothing. */
    private boolean interim;
    /** The connection is being refused: nothing more is passed on, and it closes after the answer. */
    private boolean refusing;
    private ScheduledFuture<?> deadline;
    /** When the request arriving began; its deadline counts from here. */
    private long receivingSince;

    RequestGuard(ServerLimits limits, UnfinishedBytes budget, PortConnections connections, GuardMetrics metrics) {
        this.limits = limits;
        this.budget = budget;
        this.connections = connections;
        this.metrics = metrics;
    }

    long lastActivity() {
        return lastActivity;
    }

    /** A whole request is with Micronaut and its answer is not written yet. */
    boolean awaitingAnswer() {
        return awaitingAnswer;
    }

    /** Closes the connection to make room; from any thread. */
    void cutOff(Cause cause) {
        metrics.cutOff(cause);
        budget.condemn(this);
        ChannelHandlerContext context = ctx;
        if (context != null) {
            context.channel().close();
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        if (!connections.admit(this)) {
            cutOff(Cause.CONNECTIONS);
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        forget();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        forget();
        ctx.fireChannelInactive();
    }

    /** The connection is gone (whichever of the two callbacks comes first): nothing of it is held. */
    private void forget() {
        stopDeadline();
        budget.release(this);
        connections.remove(this);
    }

    // --- inbound ---

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        decoded = true;
        if (refusing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest) {
            begin();
            headed = true;
            owed++;
        }
        if (msg instanceof HttpContent content && owed > 0 && !(msg instanceof HttpRequest)) {
            msg = held(content);
            if (msg == null) {
                ReferenceCountUtil.release(content);
                metrics.cutOff(Cause.MEMORY);
                refuse(HttpStatus.SERVICE_UNAVAILABLE, "the server is busy; try again");
                return;
            }
        }
        ctx.fireChannelRead(msg);
        if (msg instanceof LastHttpContent) {
            end();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        // Bytes arrived and the codec made nothing of them: the head of a request is on its way.
        if (!receiving && !decoded && !refusing) {
            begin();
        }
        decoded = false;
        // Only a request still arriving after a read needs its deadline: one that came whole in a
        // read (every request Discord sends) costs no timer.
        if (receiving && deadline == null && !refusing) {
            long left = limits.requestTimeout().toNanos() - (System.nanoTime() - receivingSince);
            deadline = ctx.executor().schedule(this::expired, Math.max(0, left), TimeUnit.NANOSECONDS);
        }
        ctx.fireChannelReadComplete();
    }

    /**
     * A body buffer that will be held past this read, copied out of the read buffer it is a slice
     * of and counted against the budget; null when the budget refuses it. The copy is what makes
     * the count true: a slice keeps its whole read buffer alive, and Netty's pooled buffers share
     * chunks, so a client sending a byte at a time would otherwise pin far more than it sent.
     * The last piece of a request is not held (Micronaut takes the whole request at once) and is
     * neither copied nor counted.
     */
    private HttpContent held(HttpContent content) {
        ByteBuf bytes = content.content();
        if (content instanceof LastHttpContent || !bytes.isReadable()) {
            return content;
        }
        if (!budget.reserve(this, bytes.readableBytes() + COPY_OVERHEAD_BYTES)) {
            return null;
        }
        try {
            return content.replace(Unpooled.copiedBuffer(bytes));
        } finally {
            content.release();
        }
    }

    private void begin() {
        if (receiving) {
            return;
        }
        receiving = true;
        headed = false;
        receivingSince = System.nanoTime();
        lastActivity = receivingSince;
    }

    private void end() {
        receiving = false;
        headed = false;
        stopDeadline();
        budget.release(this);
        lastActivity = System.nanoTime();
        awaitingAnswer = owed > 0;
    }

    private void stopDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    private void expired() {
        deadline = null;
        if (!receiving || refusing || !ctx.channel().isActive()) {
            return;
        }
        metrics.cutOff(Cause.TIMEOUT);
        refuse(HttpStatus.REQUEST_TIMEOUT, "the request did not arrive within " + limits.requestTimeout().toMillis() + " ms");
    }

    /**
     * Refuses the request arriving, then closes the connection. When its head is with Micronaut and
     * unanswered, the failure goes to Micronaut, which answers it in order; when Micronaut has
     * nothing of it and owes nothing, the answer is written here; otherwise (Micronaut already
     * answered it, or a half-sent head behind answers still owed) there is nothing to answer.
     */
    private void refuse(HttpStatus status, String reason) {
        refusing = true;
        stopDeadline();
        // Micronaut still holds the body until the connection is closed: counted until then.
        budget.condemn(this);
        if (headed && owed > 0) {
            ctx.fireExceptionCaught(new HttpStatusException(status, reason));
            ctx.executor().schedule(() -> ctx.close(), ANSWER_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } else if (!headed && owed == 0) {
            ctx.writeAndFlush(refusal(HttpResponseStatus.valueOf(status.getCode()), reason)).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.close();
        }
    }

    private static FullHttpResponse refusal(HttpResponseStatus status, String reason) {
        byte[] body = ("{\"error\":\"" + reason + "\"}").getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return response;
    }

    // --- outbound: Micronaut's answers going by ---

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response) {
            interim = response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
        }
        if (msg instanceof LastHttpContent && !interim && owed > 0) {
            owed--;
            lastActivity = System.nanoTime();
            if (owed == 0) {
                awaitingAnswer = false;
                if (refusing) {
                    ChannelPromise closing = promise.unvoid();
                    closing.addListener(ChannelFutureListener.CLOSE);
                    ctx.write(msg, closing);
                    return;
                }
            }
        }
        ctx.write(msg, promise);
    }
}
