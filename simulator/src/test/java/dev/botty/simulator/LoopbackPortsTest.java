package dev.botty.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LoopbackPortsTest {

    @Test
    void givesDifferentPortsThatCanBeBoundAtOnce() throws Exception {
        int[] ports = LoopbackPorts.free(6);
        assertEquals(6, Arrays.stream(ports).distinct().count(), Arrays.toString(ports));
        ServerSocket[] servers = new ServerSocket[ports.length];
        try {
            for (int i = 0; i < ports.length; i++) {
                servers[i] = new ServerSocket();
                servers[i].bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), ports[i]));
                assertEquals(ports[i], servers[i].getLocalPort());
            }
        } finally {
            for (ServerSocket server : servers) {
                if (server != null) {
                    server.close();
                }
            }
        }
    }
}
