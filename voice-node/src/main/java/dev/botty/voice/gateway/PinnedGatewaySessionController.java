package dev.botty.voice.gateway;

import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/**
 * Points JDA at a configured gateway instead of Discord's. JDA asks its session controller for
 * the gateway URL rather than calling {@code GET /gateway}, so this is the one place to change it.
 */
final class PinnedGatewaySessionController extends SessionControllerAdapter {
    private final String gatewayUrl;

    PinnedGatewaySessionController(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    @Override
    public String getGateway() {
        return gatewayUrl;
    }
}
