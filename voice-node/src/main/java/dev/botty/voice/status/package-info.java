/**
 * The node on its management port: liveness, readiness (gateway connected and a usable Lavalink
 * node), Prometheus metrics, and the status JSON.
 */
@NullMarked
package dev.botty.voice.status;

import org.jspecify.annotations.NullMarked;
