package dev.botty.interactions.interaction;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.util.SupplierUtil;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.util.function.Supplier;

/**
 * Puts an {@link InteractionChannelHandler} in front of Micronaut's request handling on every
 * HTTP/1.1 connection to the public port (the management port has no {@code /interactions}).
 */
@Singleton
final class InteractionRoute implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    private static final String HANDLER_NAME = "botty-interactions";

    private final Supplier<InteractionEndpoint> endpoint;
    private final Supplier<Integer> publicPort;
    private final long maxBodyBytes;

    InteractionRoute(BeanProvider<InteractionEndpoint> endpoint, BeanProvider<EmbeddedServer> server, HttpServerConfiguration config) {
        // Both resolved at the first connection, once the server is bound and the warm-up has
        // built the endpoint; not while the server itself is being built.
        this.endpoint = SupplierUtil.memoized(endpoint::get);
        this.publicPort = SupplierUtil.memoized(() -> server.get().getPort());
        this.maxBodyBytes = config.getMaxRequestSize();
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Connections());
        return event.getBean();
    }

    /** The server-wide customizer; specialises itself for each connection to the public port. */
    private final class Connections implements NettyServerCustomizer {
        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            if (role == ChannelRole.CONNECTION && channel.localAddress() instanceof InetSocketAddress local
                    && local.getPort() == publicPort.get()) {
                return new Connection(channel);
            }
            return this;
        }
    }

    private final class Connection implements NettyServerCustomizer {
        private final Channel channel;

        Connection(Channel channel) {
            this.channel = channel;
        }

        @Override
        public void onStreamPipelineBuilt() {
            ChannelPipeline pipeline = channel.pipeline();
            // HTTP/1.1 only: an HTTP/2 stream has no pipelining to keep in order, and is left to Micronaut.
            if (pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null
                    && pipeline.get(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND) != null
                    && pipeline.get(HANDLER_NAME) == null) {
                pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND, HANDLER_NAME,
                        new InteractionChannelHandler(endpoint, maxBodyBytes));
            }
        }
    }
}
