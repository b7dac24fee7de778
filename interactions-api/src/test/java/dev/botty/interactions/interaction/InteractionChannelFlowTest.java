package dev.botty.interactions.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.botty.interactions.interaction.InteractionEndpoint.Answer;
import io.micronaut.http.HttpStatus;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The handler's flow control inside one Netty pipeline, with answers the test completes when it
 * chooses: what reaches Micronaut, which read requests get through, and what is written when.
 * (Over real sockets, {@link InteractionChannelHandlerTest} covers the same handler in the service.)
 */
class InteractionChannelFlowTest {
    private final List<CompletableFuture<Answer>> pending = new ArrayList<>();
    /** When set, answers are ready at once (as PING's and /avatar's are) instead of pending. */
    private Answer immediately;
    private final List<Object> reachedMicronaut = new ArrayList<>();
    private int readsAsked;
    private final EmbeddedChannel channel = new EmbeddedChannel();

    InteractionChannelFlowTest() {
        InteractionChannelHandler.Answers answers = new InteractionChannelHandler.Answers() {
            @Override
            public CompletableFuture<Answer> answer(String signature, String timestamp, byte[] raw) {
                if (immediately != null) {
                    Answer ready = immediately;
                    immediately = null;
                    return CompletableFuture.completedFuture(ready);
                }
                CompletableFuture<Answer> answer = new CompletableFuture<>();
                pending.add(answer);
                return answer;
            }

            @Override
            public byte[] encode(Answer answer) {
                return answer.body().toString().getBytes(StandardCharsets.UTF_8);
            }
        };
        channel.pipeline().addLast(new ChannelOutboundHandlerAdapter() {
            @Override
            public void read(ChannelHandlerContext ctx) {
                readsAsked++;
                ctx.read();
            }
        });
        channel.pipeline().addLast(new InteractionChannelHandler(() -> answers, 1024));
        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                reachedMicronaut.add(msg);
            }
        });
    }

    @AfterEach
    void release() {
        reachedMicronaut.forEach(ReferenceCountUtil::release);
        channel.finishAndReleaseAll();
    }

    /** What the handler wrote: status, {@code Connection} header, body. */
    private record Written(int status, String connection, String body) {}

    /** Completes the outstanding answer and returns what the handler wrote for it. */
    private Written complete(Answer answer) {
        pending.getFirst().complete(answer);
        return written();
    }

    private Written written() {
        channel.runPendingTasks();
        FullHttpResponse response = channel.readOutbound();
        try {
            return new Written(response.status().code(), response.headers().get(HttpHeaderNames.CONNECTION),
                    response.content().toString(StandardCharsets.UTF_8));
        } finally {
            response.release();
        }
    }

    private static FullHttpRequest request(HttpMethod method, String uri) {
        return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri, Unpooled.copiedBuffer("{}", StandardCharsets.UTF_8));
    }

    @Test
    void passesOnNoReadRequestWhileAnAnswerIsOutstanding() {
        channel.writeInbound(request(HttpMethod.POST, "/interactions"));
        int before = readsAsked;
        channel.pipeline().read();
        channel.pipeline().read();
        assertEquals(before, readsAsked, "no read while the answer is outstanding");
        assertNull(channel.readOutbound());

        Written answer = complete(new Answer(HttpStatus.OK, "{\"type\":1}"));
        assertEquals(200, answer.status());
        assertEquals("{\"type\":1}", answer.body());
        assertEquals(before + 1, readsAsked, "the held read goes out once the answer is written");
    }

    @Test
    void readsNothingWhileTheClientIsNotReadingTheAnswers() {
        int before = readsAsked;
        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
        channel.runPendingTasks();
        channel.pipeline().read();
        assertEquals(before, readsAsked, "no read while the connection is not writable");

        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, true);
        channel.runPendingTasks();
        assertEquals(before + 1, readsAsked, "the held read goes out once it is writable again");
    }

    @Test
    void holdsWhatArrivesBehindAnOutstandingAnswerThenPassesItOnInOrder() {
        channel.writeInbound(request(HttpMethod.POST, "/interactions"), request(HttpMethod.GET, "/status"));
        assertTrue(reachedMicronaut.isEmpty(), "the GET waits behind the interaction");

        assertEquals("first", complete(new Answer(HttpStatus.OK, "first")).body());
        assertEquals(1, reachedMicronaut.size());
        assertEquals("/status", ((FullHttpRequest) reachedMicronaut.getFirst()).uri());
    }

    @Test
    void answersAFailedAnswerWith500AndKeepsTheConnection() {
        channel.writeInbound(request(HttpMethod.POST, "/interactions"));
        pending.getFirst().completeExceptionally(new IllegalStateException("a bug"));
        Written answer = written();
        assertEquals(500, answer.status());
        assertEquals(Map.of("error", "internal error").toString(), answer.body());
        assertTrue(channel.isOpen());
    }

    @Test
    void startsNothingBehindARequestThatClosesTheConnection() {
        FullHttpRequest last = request(HttpMethod.POST, "/interactions");
        last.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        immediately = new Answer(HttpStatus.OK, "last");
        // One socket read decoded into three requests: the first is answered (and the channel
        // closed) before the decoder hands over the next two.
        channel.writeInbound(last, request(HttpMethod.POST, "/interactions"), request(HttpMethod.GET, "/status"));

        assertEquals("close", written().connection());
        assertTrue(pending.isEmpty(), "the interaction behind it was never started");
        assertTrue(reachedMicronaut.isEmpty(), "nor was the GET passed on");
        assertFalse(channel.isOpen());
    }

    @Test
    void closesOnlyAfterTheOutstandingAnswerIsWritten() {
        channel.writeInbound(request(HttpMethod.POST, "/interactions"));
        channel.pipeline().close();
        assertTrue(channel.isOpen(), "the close waits for the answer");

        assertEquals("last", complete(new Answer(HttpStatus.OK, "last")).body());
        assertFalse(channel.isOpen());
    }
}
