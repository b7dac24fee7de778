package dev.botty.service.guard;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.util.SupplierUtil;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Puts a {@link RequestGuard} into every HTTP/1.1 connection of every port the service listens on,
 * through Micronaut's supported hook for the Netty pipeline, just ahead of Micronaut's own request
 * handling. Micronaut still reads, routes and answers every request; the guard only bounds what a
 * client may hold (see {@link ServerLimits}). Micronaut itself bounds the head
 * ({@code micronaut.server.netty.max-header-size}), the body ({@code micronaut.server.max-request-size})
 * and idle keep-alive connections ({@code micronaut.server.idle-timeout}).
 */
@Singleton
final class ConnectionGuard implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    static final String HANDLER_NAME = "botty-request-guard";

    private final ServerLimits limits;
    private final UnfinishedBytes budget;
    private final Map<Integer, PortConnections> ports = new ConcurrentHashMap<>();
    private final Supplier<GuardMetrics> metrics;

    private final int managementPort;

    ConnectionGuard(ServerLimits limits, HttpServerConfiguration server, BeanProvider<MeterRegistry> registry,
            @Value("${endpoints.all.port:-1}") int managementPort) {
        if (limits.unfinishedBytes() < server.getMaxRequestSize()) {
            // A body the server accepts must fit the budget, or it could never arrive.
            throw new ConfigurationException("botty.server.unfinished-bytes (" + limits.unfinishedBytes()
                    + ") must be at least micronaut.server.max-request-size (" + server.getMaxRequestSize() + ")");
        }
        this.limits = limits;
        this.managementPort = managementPort;
        this.budget = new UnfinishedBytes(limits.unfinishedBytes());
        // Resolved at the first connection: the registry is not to be built while the server is.
        this.metrics = SupplierUtil.memoized(() -> {
            // Without metrics (micronaut.metrics.enabled=false) the meters go nowhere.
            MeterRegistry meters = registry.isPresent() ? registry.get() : new CompositeMeterRegistry();
            Gauge.builder("botty.http.unfinished.bytes", budget, UnfinishedBytes::total)
                    .description("Body bytes of requests still arriving, counted against botty.server.unfinished-bytes")
                    .baseUnit("bytes").register(meters);
            return new GuardMetrics(meters);
        });
    }

    UnfinishedBytes budget() {
        return budget;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Server());
        return event.getBean();
    }

    private final class Server implements NettyServerCustomizer {
        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            if (role == ChannelRole.CONNECTION && channel.localAddress() instanceof InetSocketAddress local) {
                return new Connection(channel, ports.computeIfAbsent(local.getPort(), port -> new PortConnections(
                        port == managementPort ? limits.managementMaxConnections() : limits.maxConnections())));
            }
            return this;
        }
    }

    private final class Connection implements NettyServerCustomizer {
        private final Channel channel;
        private final PortConnections connections;

        Connection(Channel channel, PortConnections connections) {
            this.channel = channel;
            this.connections = connections;
        }

        @Override
        public void onStreamPipelineBuilt() {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null
                    && pipeline.get(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND) != null
                    && pipeline.get(HANDLER_NAME) == null) {
                pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND, HANDLER_NAME,
                        new RequestGuard(limits, budget, connections, metrics.get()));
            }
        }
    }
}
