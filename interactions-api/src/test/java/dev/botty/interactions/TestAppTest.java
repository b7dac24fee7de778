package dev.botty.interactions;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.botty.simulator.LoopbackPorts;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test harness's own port handling, which the other tests rely on not to flake. */
class TestAppTest {

    @Test
    void aClosedPortRefusesConnectionsAndCannotBeTakenWhileOpen() throws Exception {
        try (ClosedPort closed = new ClosedPort()) {
            try (Socket client = new Socket()) {
                assertThrows(ConnectException.class, () -> client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), closed.port()), 2_000));
            }
            try (ServerSocket server = new ServerSocket()) {
                server.setReuseAddress(true);
                assertThrows(BindException.class, () -> server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), closed.port())));
            }
        }
    }

    @Test
    void recognisesAServerThatCouldNotBindItsPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            RuntimeException failure = assertThrows(RuntimeException.class,
                    () -> TestApp.start(Map.of("endpoints.all.port", Integer.toString(taken.getLocalPort()))).close());
            assertTrue(LoopbackPorts.portTaken(failure), () -> "not recognised as a taken port: " + failure);
        }
    }
}
