package dev.botty.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NettyDefaultsTest {
    /** Lines of /proc/self/maps from a JVM in eclipse-temurin's Alpine image and on Debian. */
    private static final String MUSL_MAPS = """
            7f3a1c000000-7f3a1c021000 rw-p 00000000 00:00 0
            7f3a2e6d3000-7f3a2f9b1000 r-xp 00000000 00:2c 1311 /opt/java/openjdk/lib/server/libjvm.so
            7f3a2fa9c000-7f3a2faf4000 r-xp 00014000 00:2c 35 /lib/ld-musl-x86_64.so.1
            """;
    private static final String GLIBC_MAPS = """
            7f3a2e6d3000-7f3a2f9b1000 r-xp 00000000 08:01 1311 /usr/lib/jvm/temurin-25-jdk-amd64/lib/server/libjvm.so
            7f3a30028000-7f3a301bd000 r-xp 00028000 08:01 2021 /usr/lib/x86_64-linux-gnu/libc.so.6
            7f3a30200000-7f3a3022a000 r-xp 00001000 08:01 2015 /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
            """;

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(NettyDefaults.JFR);
        System.clearProperty(NettyDefaults.NO_NATIVE);
    }

    @Test
    void turnsNettysJfrEventsOff() throws IOException {
        NettyDefaults.apply(withEpoll(), maps(GLIBC_MAPS));
        assertEquals("false", System.getProperty(NettyDefaults.JFR));
    }

    @Test
    void keepsNettyOffItsGlibcLibraryOnMusl() throws IOException {
        NettyDefaults.apply(withEpoll(), maps(MUSL_MAPS));
        assertEquals("true", System.getProperty(NettyDefaults.NO_NATIVE));
    }

    @Test
    void leavesNativeTransportsOnGlibc() throws IOException {
        NettyDefaults.apply(withEpoll(), maps(GLIBC_MAPS));
        assertNull(System.getProperty(NettyDefaults.NO_NATIVE));
    }

    @Test
    void looksForNettysOwnEpollClass() {
        assertEquals(io.netty.channel.epoll.Epoll.class.getName().replace('.', '/') + ".class", NettyDefaults.EPOLL);
    }

    @Test
    void withoutNettysEpollThereIsNothingToKeepOff() throws IOException {
        // The voice node: no native transport in its jar, so not even the map is read.
        NettyDefaults.apply(new ClassLoader(null) {}, maps(MUSL_MAPS));
        assertNull(System.getProperty(NettyDefaults.NO_NATIVE));
        assertEquals("false", System.getProperty(NettyDefaults.JFR));
    }

    @Test
    void anUnreadableMapIsNotMusl() throws IOException {
        assertFalse(NettyDefaults.runsOnMusl(dir.resolve("absent")));
        NettyDefaults.apply(withEpoll(), dir.resolve("absent"));
        assertNull(System.getProperty(NettyDefaults.NO_NATIVE));
    }

    @Test
    void theLiveMapHasTheSamplesShape() throws IOException {
        // The samples stand for the real file: one mapping a line, the path last, the JVM in it.
        Path live = Path.of("/proc/self/maps");
        assertTrue(Files.readAllLines(live).stream().anyMatch(line -> line.endsWith("/libjvm.so")));
    }

    @Test
    void leavesAnOperatorsSettingsAlone() throws IOException {
        System.setProperty(NettyDefaults.JFR, "true");
        System.setProperty(NettyDefaults.NO_NATIVE, "false");
        NettyDefaults.apply(withEpoll(), maps(MUSL_MAPS));
        assertEquals("true", System.getProperty(NettyDefaults.JFR));
        assertEquals("false", System.getProperty(NettyDefaults.NO_NATIVE));
    }

    /** A class path on which Netty's epoll transport is present (its class file, empty). */
    private ClassLoader withEpoll() throws IOException {
        Path classes = dir.resolve("classes");
        Path epoll = classes.resolve(NettyDefaults.EPOLL);
        Files.createDirectories(epoll.getParent());
        Files.write(epoll, new byte[0]);
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
    }

    private Path maps(String content) throws IOException {
        return Files.writeString(dir.resolve("maps"), content);
    }
}
