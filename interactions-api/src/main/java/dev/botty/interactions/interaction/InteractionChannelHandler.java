package dev.botty.interactions.interaction;

import dev.botty.interactions.interaction.InteractionEndpoint.Answer;
import io.micronaut.http.HttpStatus;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Date;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code POST /interactions} on one HTTP/1.1 connection in the Netty pipeline, just ahead
 * of Micronaut's request handling, and passes every other request on to Micronaut untouched. The
 * endpoint is the service's only hot path; routing, argument binding and the response lifecycle
 * cost about a quarter of its CPU per request and do nothing it needs.
 *
 * <p>What Micronaut's pipelining handler would otherwise guarantee, this class keeps:
 * <ul>
 *   <li><b>Order.</b> An interaction is taken only when Micronaut owes no response on the
 *       connection (counted by watching its writes go by); otherwise it goes to Micronaut, whose
 *       controller gives the same answer. While an answer of ours is outstanding, whatever else
 *       arrives is held and Micronaut's read requests are held with it, so nothing overtakes it
 *       and a pipelining client is read no further than one socket read ahead.
 *   <li><b>Body limit.</b> {@code micronaut.server.max-request-size}: a declared or received body
 *       beyond it is answered {@code 413}, and the connection closed once the client stops sending
 *       (what it still sends is read and dropped, so the close cannot reset away the answer).
 *   <li><b>Keep-alive.</b> HTTP/1.1 persistent unless {@code Connection: close}; HTTP/1.0 only
 *       with {@code Connection: keep-alive}; the response says which and the connection is closed
 *       after it when it is not kept.
 *   <li><b>Back-pressure.</b> No read while the connection is not writable: a client that
 *       pipelines requests without reading the answers stops being read.
 *   <li><b>Closing.</b> A close asked for from downstream (an idle timeout, graceful shutdown) waits
 *       for an outstanding answer to be written.
 * </ul>
 * Requests with {@code Expect}, a {@code Content-Encoding}, a header the codec refused, or any
 * other method or path are Micronaut's. All state is touched on the channel's event loop only.
 */
final class InteractionChannelHandler extends ChannelDuplexHandler {
    private static final String PATH = "/interactions";
    private static final Logger LOG = LoggerFactory.getLogger(InteractionChannelHandler.class);
    private static final String SIGNATURE = "X-Signature-Ed25519";
    private static final String TIMESTAMP = "X-Signature-Timestamp";
    /** How long a refused client may go on sending before the connection is closed regardless. */
    static final long DRAIN_MILLIS = 2_000;
    private static final byte[] INTERNAL_ERROR_JSON = "{\"error\":\"internal error\"}".getBytes(StandardCharsets.US_ASCII);

    /** Where answers come from: {@link InteractionEndpoint} in the service. */
    interface Answers {
        CompletableFuture<Answer> answer(String signature, String timestamp, byte[] raw);

        byte[] encode(Answer answer);
    }

    private final Supplier<? extends Answers> endpoint;
    private final long maxBodyBytes;

    /** Requests passed to Micronaut whose final response has not been written yet. */
    private int owedByMicronaut;
    /** The response Micronaut is writing is a 1xx: its end does not settle a request. */
    private boolean writingInterim;
    /** The request being read is Micronaut's: its content goes there too. */
    private boolean passing;
    /** An answer with {@code Connection: close} is on its way: nothing more is read into anything. */
    private boolean closing;
    /** That answer refused a body the client may still be sending: see {@link #closeAfterDraining}. */
    private boolean draining;
    /** The interaction being read, and its body so far (plain arrays: pooled buffers would pin
     *  their allocator's chunks in the small heap this service runs with). */
    private HttpRequest request;
    private byte[] body;
    private int bodyLength;
    /** Our answer to the last interaction is not written yet. */
    private boolean answering;
    /** Messages that arrived while answering, in order. */
    private final ArrayDeque<Object> held = new ArrayDeque<>();
    private boolean readWanted;
    private ChannelPromise closeWanted;
    private boolean inRead;
    private boolean flushWanted;

    InteractionChannelHandler(Supplier<? extends Answers> endpoint, long maxBodyBytes) {
        this.endpoint = endpoint;
        this.maxBodyBytes = maxBodyBytes;
    }

    // --- inbound ---

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        inRead = true;
        if (waiting()) {
            held.add(msg);
        } else {
            accept(ctx, msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        inRead = false;
        if (flushWanted) {
            flushWanted = false;
            ctx.flush();
        }
        ctx.fireChannelReadComplete();
        if (draining) {
            ctx.read();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        dropState();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        dropState();
    }

    /** Routes one message of the inbound stream; {@link #waiting()} is false. */
    private void accept(ChannelHandlerContext ctx, Object msg) {
        if (closing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest next) {
            if (owedByMicronaut == 0 && isOurs(next)) {
                startReading(ctx, next);
            } else {
                passing = true;
                owedByMicronaut++;
            }
        }
        if (passing) {
            if (msg instanceof LastHttpContent) {
                passing = false;
            }
            ctx.fireChannelRead(msg);
            return;
        }
        if (!(msg instanceof HttpContent content) || request == null) {
            ReferenceCountUtil.release(msg);
            return;
        }
        try {
            ByteBuf chunk = content.content();
            int size = chunk.readableBytes();
            if (bodyLength + (long) size > maxBodyBytes) {
                tooLarge(ctx);
                return;
            }
            if (bodyLength + size > body.length) {
                body = Arrays.copyOf(body, (int) Math.min(maxBodyBytes, Math.max(bodyLength + size, 2L * body.length)));
            }
            chunk.getBytes(chunk.readerIndex(), body, bodyLength, size);
            bodyLength += size;
        } finally {
            content.release();
        }
        if (msg instanceof LastHttpContent) {
            answer(ctx);
        }
    }

    private static boolean isOurs(HttpRequest candidate) {
        if (!candidate.decoderResult().isSuccess() || candidate.method() != HttpMethod.POST) {
            return false;
        }
        String uri = candidate.uri();
        if (!uri.startsWith(PATH) || (uri.length() > PATH.length() && uri.charAt(PATH.length()) != '?')) {
            return false;
        }
        HttpHeaders headers = candidate.headers();
        if (headers.contains(HttpHeaderNames.EXPECT)) {
            return false;
        }
        // An unreadable Content-Length never gets here: the codec refuses it (decoder failure).
        String encoding = headers.get(HttpHeaderNames.CONTENT_ENCODING);
        return encoding == null || HttpHeaderValues.IDENTITY.contentEqualsIgnoreCase(encoding);
    }

    private void startReading(ChannelHandlerContext ctx, HttpRequest next) {
        request = next;
        long declared = HttpUtil.getContentLength(next, -1L);
        if (declared > maxBodyBytes) {
            tooLarge(ctx);
            return;
        }
        body = new byte[declared >= 0 ? (int) declared : 1024];
        bodyLength = 0;
    }

    private void tooLarge(ChannelHandlerContext ctx) {
        Answer refusal = InteractionEndpoint.error(HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                "the body is larger than " + maxBodyBytes + " bytes");
        draining = true;
        respond(ctx, request, refusal, false);
        dropBody();
        request = null;
    }

    /**
     * Ends a connection whose client may still be sending the body we refused. Closing a socket with
     * unread data makes the kernel reset the connection, and the reset can destroy the refusal
     * before the client reads it; so our side is finished (the client reads the answer and then the
     * end of the stream), what still arrives is read and dropped, and the connection is closed when
     * the client closes its side or after {@link #DRAIN_MILLIS}.
     */
    private void closeAfterDraining(ChannelHandlerContext ctx) {
        if (!(ctx.channel() instanceof DuplexChannel duplex)) {
            ctx.close();
            return;
        }
        duplex.shutdownOutput();
        ctx.executor().schedule(() -> ctx.close(), DRAIN_MILLIS, TimeUnit.MILLISECONDS);
        ctx.read();
    }

    private void answer(ChannelHandlerContext ctx) {
        HttpRequest current = request;
        byte[] raw = bodyLength == body.length ? body : Arrays.copyOf(body, bodyLength);
        dropBody();
        request = null;
        CompletableFuture<Answer> answer = start(current, raw);
        boolean keepAlive = HttpUtil.isKeepAlive(current);
        if (answer.isDone()) {
            respond(ctx, current, settle(answer), keepAlive);
            return;
        }
        answering = true;
        answer.whenComplete((ignored, error) -> ctx.executor().execute(() -> {
            answering = false;
            respond(ctx, current, settle(answer), keepAlive);
            resume(ctx);
        }));
    }

    private CompletableFuture<Answer> start(HttpRequest interaction, byte[] raw) {
        try {
            return endpoint.get().answer(interaction.headers().get(SIGNATURE), interaction.headers().get(TIMESTAMP), raw);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Answer settle(CompletableFuture<Answer> answer) {
        try {
            return answer.join();
        } catch (RuntimeException e) {
            LOG.error("an interaction could not be answered", e);
            return InteractionEndpoint.error(HttpStatus.INTERNAL_SERVER_ERROR, "internal error");
        }
    }

    private void respond(ChannelHandlerContext ctx, HttpRequest to, Answer answer, boolean keepAlive) {
        HttpResponseStatus status = HttpResponseStatus.valueOf(answer.status().getCode());
        byte[] json;
        try {
            json = endpoint.get().encode(answer);
        } catch (RuntimeException e) {
            LOG.error("an answer could not be written", e);
            status = HttpResponseStatus.INTERNAL_SERVER_ERROR;
            json = INTERNAL_ERROR_JSON;
        }
        FullHttpResponse response = new DefaultFullHttpResponse(to.protocolVersion(), status, Unpooled.wrappedBuffer(json));
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.DATE, HttpDate.now());
        headers.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, json.length);
        HttpUtil.setKeepAlive(response, keepAlive);
        if (!keepAlive) {
            closing = true;
            ctx.writeAndFlush(response).addListener(draining ? written -> closeAfterDraining(ctx) : ChannelFutureListener.CLOSE);
        } else if (inRead) {
            ctx.write(response, ctx.voidPromise());
            flushWanted = true;
        } else {
            ctx.writeAndFlush(response, ctx.voidPromise());
        }
    }

    /** After an answer: a close asked for meanwhile, else the held messages, else the held read. */
    private void resume(ChannelHandlerContext ctx) {
        if (closeWanted != null) {
            ChannelPromise promise = closeWanted;
            closeWanted = null;
            dropHeld();
            ctx.close(promise);
            return;
        }
        boolean replayed = !held.isEmpty();
        while (!answering && !held.isEmpty()) {
            accept(ctx, held.poll());
        }
        if (replayed) {
            ctx.fireChannelReadComplete();
        }
        readIfWanted(ctx);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        readIfWanted(ctx);
        ctx.fireChannelWritabilityChanged();
    }

    /** Passes on a held read request once nothing holds it any more. */
    private void readIfWanted(ChannelHandlerContext ctx) {
        if (readWanted && !waiting() && ctx.channel().isWritable()) {
            readWanted = false;
            ctx.read();
        }
    }

    private boolean waiting() {
        return answering || !held.isEmpty();
    }

    // --- outbound ---

    @Override
    public void read(ChannelHandlerContext ctx) {
        // Not while answers wait for a client that does not read them: a client pipelining
        // requests it never reads the answers to would otherwise fill our memory with them.
        if (waiting() || !ctx.channel().isWritable()) {
            readWanted = true;
        } else {
            ctx.read();
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        // Only Micronaut's writes pass here; ours start at this handler's context.
        if (msg instanceof HttpResponse response) {
            writingInterim = response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
        }
        if (msg instanceof LastHttpContent) {
            if (!writingInterim && owedByMicronaut > 0) {
                owedByMicronaut--;
            }
            writingInterim = false;
        }
        ctx.write(msg, promise);
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (answering) {
            closeWanted = promise;
        } else {
            ctx.close(promise);
        }
    }

    private void dropBody() {
        body = null;
        bodyLength = 0;
    }

    private void dropHeld() {
        Object msg;
        while ((msg = held.poll()) != null) {
            ReferenceCountUtil.release(msg);
        }
    }

    private void dropState() {
        dropBody();
        dropHeld();
    }

    /** The {@code Date} header's value, formatted once a second. */
    static final class HttpDate {
        private record Stamp(long second, String text) {}

        private static volatile Stamp stamp = new Stamp(-1, "");

        private HttpDate() {}

        static String now() {
            long millis = System.currentTimeMillis();
            Stamp current = stamp;
            if (current.second() != millis / 1000) {
                current = new Stamp(millis / 1000, DateFormatter.format(new Date(millis)));
                stamp = current;
            }
            return current.text();
        }
    }
}
