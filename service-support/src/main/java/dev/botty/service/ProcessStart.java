package dev.botty.service;

import java.lang.management.ManagementFactory;
import java.time.Instant;

/** When this process started, as the JVM records it: what a status's uptime counts from. */
public final class ProcessStart {
    private static final Instant STARTED = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());

    private ProcessStart() {}

    public static Instant instant() {
        return STARTED;
    }
}
