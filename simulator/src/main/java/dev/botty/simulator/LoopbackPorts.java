package dev.botty.simulator;

import java.io.IOException;
import java.net.ServerSocket;

/** Ports for the services a test starts as processes, chosen before they start. */
public final class LoopbackPorts {
    private LoopbackPorts() {}

    /**
     * {@code count} ports that were free a moment ago, all different: each socket stays open until
     * the last is bound, since a port closed again may be the next one handed out.
     */
    public static int[] free(int count) throws IOException {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }
}
