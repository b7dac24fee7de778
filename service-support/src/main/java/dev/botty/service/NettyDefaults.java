package dev.botty.service;

/**
 * System properties every botty service sets for Netty before anything loads it, each only where the
 * operator has not set it (a {@code -D} on the command line wins).
 */
public final class NettyDefaults {
    /**
     * Netty's buffer allocator emits allocation events into a running JFR recording unless this is
     * false: events nobody here records. (It was also meant to spare the 110 JDK classes that
     * asking JFR loads, 1 MB; Netty 4.2 asks before it reads the property, so those load anyway.)
     */
    static final String JFR = "io.netty.jfr.enabled";

    private NettyDefaults() {}

    public static void apply() {
        if (System.getProperty(JFR) == null) {
            System.setProperty(JFR, "false");
        }
    }
}
