package dev.botty.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

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

    /**
     * Keeps Netty off its native transports. Set where the process runs on musl (Alpine, for
     * one): Netty's epoll library is built against glibc only (netty/netty#15112), and on musl it
     * fails to load or, as reported in netty/netty#12373, crashes the JVM. On glibc (the image's
     * Ubuntu, the systemd units' and {@code ./botty}'s hosts) the interactions-api uses epoll.
     */
    static final String NO_NATIVE = "io.netty.transport.noNative";

    /**
     * A class of Netty's epoll transport, the one native transport botty ships (the
     * interactions-api's jar): where it is absent (the voice node) there is nothing to keep Netty
     * off, and the memory map is not read.
     */
    static final String EPOLL = "io/netty/channel/epoll/Epoll.class";

    private NettyDefaults() {}

    public static void apply() {
        apply(NettyDefaults.class.getClassLoader(), Path.of("/proc/self/maps"));
    }

    /**
     * {@link #apply()} for the classes {@code loader} sees, with the process's memory map read
     * from {@code maps}.
     */
    static void apply(ClassLoader loader, Path maps) {
        if (System.getProperty(JFR) == null) {
            System.setProperty(JFR, "false");
        }
        if (System.getProperty(NO_NATIVE) == null && loader.getResource(EPOLL) != null && runsOnMusl(maps)) {
            System.setProperty(NO_NATIVE, "true");
        }
    }

    /**
     * Whether musl's dynamic linker, which is its C library too, is mapped into this process. False
     * where the map cannot be read (not Linux): Netty loads its Linux transports only on Linux.
     */
    static boolean runsOnMusl(Path maps) {
        try (Stream<String> lines = Files.lines(maps)) {
            return lines.anyMatch(line -> line.contains("/ld-musl-"));
        } catch (IOException | UncheckedIOException unreadable) {
            return false;
        }
    }
}
