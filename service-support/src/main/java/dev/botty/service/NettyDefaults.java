package dev.botty.service;

/**
 * System properties every botty service sets for Netty before anything loads it, each only where the
 * operator has not set it (a {@code -D} on the command line wins).
 */
public final class NettyDefaults {
    /**
     * Netty's buffer allocator asks whether JFR is available, to emit allocation events, and the
     * asking loads and initialises about 110 JDK classes: 1 MB of a service's memory for events
     * nobody here records.
     */
    static final String JFR = "io.netty.jfr.enabled";

    private NettyDefaults() {}

    public static void apply() {
        if (System.getProperty(JFR) == null) {
            System.setProperty(JFR, "false");
        }
    }
}
