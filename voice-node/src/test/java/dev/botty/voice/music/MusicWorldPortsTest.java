package dev.botty.voice.music;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.ServerSocketChannel;
import org.junit.jupiter.api.Test;

/** The harness's own port handling, which every music test relies on not to flake. */
class MusicWorldPortsTest {

    @Test
    void recognisesABindOnATakenPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                ServerSocketChannel channel = ServerSocketChannel.open()) {
            // What Netty's NIO transport, the voice node's, does when it binds.
            IOException failure = assertThrows(IOException.class,
                    () -> channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), taken.getLocalPort())));
            assertTrue(MusicWorld.portTaken(new IllegalStateException("server did not start", failure)), failure::toString);
        }
        assertFalse(MusicWorld.portTaken(new IllegalStateException("gateway not ready")));
    }
}
